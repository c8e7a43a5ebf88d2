import { useEffect, useState } from 'react';
import { get, post, put, query } from '../api';
import { DateInput } from '../components/DateInput';
import { Field, Loading, ProblemBanner, Tile } from '../components/Feedback';
import { Pager, SortHeader, useClientTable } from '../components/Table';
import { UsageBar } from '../components/UsageBar';
import { useAction, useLoad } from '../components/useLoad';
import { billingTypeName, date, hours, label, money } from '../format';
import { reviewInProgress } from '../components/leaving';
import type { Customer, Decision, FrameOrderStep, InvoiceRun, Obstacle, Preview, Project, Review as ReviewModel, ReviewOptions } from '../model';
import { BillLines, CapPanel, InvoiceLines } from './ReviewLines';

const STEPS = ['Customer', 'Entries and lines', 'Frame order', 'Preview & issue'];

/**
 * The billing review wizard, as a billing clerk works through month end: pick the customer, decide each approved
 * entry, link a frame order, check the preview, then Generate & Issue and watch the run until the number is there.
 * Every figure comes from billing-service, which recomputes the review after each decision.
 */
export function Review() {
  const [step, setStep] = useState(0);
  const [review, setReview] = useState<ReviewModel>();
  const [resumed, setResumed] = useState(false);
  const [issuing, setIssuing] = useState(false);

  // a review kept for later when the person left the wizard opens again at its entries
  useEffect(() => {
    const kept = reviewInProgress.takeKept();
    if (!kept) return;
    get<ReviewModel>('billing', `/reviews/${kept}`).then((r) => {
      if (r.status !== 'OPEN') return;
      setReview(r);
      setStep(1);
      setResumed(true);
    }, () => undefined);
  }, []);
  // while a review is open and not issuing, leaving it from the sidebar asks first
  useEffect(() => {
    reviewInProgress.set(review && !issuing ? { id: review.id, name: review.project ? `${review.customerName}, ${review.project.name}` : review.customerName } : null);
    return () => reviewInProgress.set(null);
  }, [review, issuing]);

  const restart = () => {
    setReview(undefined);
    setIssuing(false);
    setResumed(false);
    setStep(0);
  };

  return (
    <section>
      <header className="page-header">
        <h1>Billing review</h1>
        {review && <p className="muted">{review.customerName} · {review.project ? `${review.project.name} (${billingTypeName(review.project.billingType).toLowerCase()})` : 'all hourly work'}</p>}
      </header>
      <ol className="stepper" aria-label="Wizard steps">
        {STEPS.map((name, i) => (
          <li key={name} className={i === step ? 'current' : i < step ? 'done' : ''} aria-current={i === step ? 'step' : undefined}>
            <span>{i + 1}</span> {name}
          </li>
        ))}
      </ol>
      {resumed && step === 1 && <p className="notice" role="status">The review you kept for later, as you left it.</p>}
      {step === 0 && <CustomerStep onStarted={(r) => { setReview(r); setStep(1); }} />}
      {step === 1 && review && <EntriesStep review={review} onChange={setReview} onNext={() => setStep(2)} />}
      {step === 2 && review && <FrameOrderStepView review={review} onChange={setReview} onBack={() => setStep(1)} onNext={() => setStep(3)} />}
      {step === 3 && review && <PreviewStep review={review} onChange={setReview} onBack={() => setStep(2)} onRestart={restart} onIssuing={() => setIssuing(true)} />}
    </section>
  );
}

function CustomerStep({ onStarted }: { onStarted: (review: ReviewModel) => void }) {
  const customers = useLoad(() => get<Customer[]>('timesheet', '/customers'), []);
  const [customerId, setCustomerId] = useState('');
  const [projectId, setProjectId] = useState('');
  const [periodFrom, setPeriodFrom] = useState('');
  const [periodTo, setPeriodTo] = useState('');
  const projects = useLoad(async () => customerId ? get<Project[]>('timesheet', `/projects${query({ customerId })}`) : [], [customerId]);
  const pool = useLoad(async () => customerId
    ? get<{ entries: { hours: number; projectId: string }[] }>('billing', `/customers/${customerId}/unbilled-entries` + query({ from: periodFrom, to: periodTo }))
    : undefined, [customerId, periodFrom, periodTo]);
  const action = useAction();
  const billable = projects.data?.filter((p) => p.billingType !== 'NOT_BILLED') ?? [];
  const chosen = billable.find((p) => p.id === projectId);
  const waiting = pool.data?.entries.filter((e) => !projectId || e.projectId === projectId).length;

  const start = async () => {
    const review = await action.run(() => post<ReviewModel>('billing', '/reviews',
      { customerId: customerId || null, projectId: projectId || null, periodFrom: periodFrom || null, periodTo: periodTo || null }));
    if (review) onStarted(review);
  };

  return (
    <div className="card">
      <h2>Which customer do you bill?</h2>
      <div className="form-row">
        <Field label="Customer" name="customerId" error={action.error}>
          <select aria-label="Customer" value={customerId} onChange={(e) => { setCustomerId(e.target.value); setProjectId(''); }}>
            <option value="">Choose a customer…</option>
            {customers.data?.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.currency})</option>)}
          </select>
        </Field>
        <Field label="What to bill" name="projectId" error={action.error}>
          <select aria-label="What to bill" value={projectId} disabled={!customerId} onChange={(e) => setProjectId(e.target.value)}>
            <option value="">All hourly work (time and materials)</option>
            {billable.map((p) => <option key={p.id} value={p.id}>{p.name} ({p.code}): {billingTypeName(p.billingType).toLowerCase()}</option>)}
          </select>
        </Field>
        <Field label="Period from (optional)" name="periodFrom" error={action.error}>
          <DateInput filter value={periodFrom} onChange={setPeriodFrom} />
        </Field>
        <Field label="Period to (optional)" name="periodTo" error={action.error}>
          <DateInput filter value={periodTo} onChange={setPeriodTo} />
        </Field>
      </div>
      {customerId && pool.data && (!chosen || chosen.billingType === 'TIME_AND_MATERIALS' || chosen.billingType === 'CAPPED_TIME_AND_MATERIALS') && (
        <p className="pool" data-testid="unbilled-pool">
          {waiting} approved, unbilled {waiting === 1 ? 'entry' : 'entries'} waiting to be billed.
        </p>
      )}
      {chosen?.billingType === 'FIXED_PRICE' && <p className="pool">A fixed-price project is billed by the terms of its billing calendar: you choose the term in the next step.</p>}
      {chosen?.billingType === 'MANUAL' && <p className="pool">This project is billed by manual lines: from the catalog or written in the next step.</p>}
      <ProblemBanner error={customers.error ?? projects.error ?? pool.error ?? action.error} />
      <div className="actions">
        <button className="primary" disabled={!customerId || action.busy} onClick={start}>Start review</button>
      </div>
    </div>
  );
}

/** What stops Generate & Issue, in business words, each with where it is fixed. */
export function Obstacles({ obstacles, kinds }: { obstacles: Obstacle[] | undefined; kinds?: Obstacle['kind'][] }) {
  const shown = obstacles?.filter((o) => !kinds || kinds.includes(o.kind)) ?? [];
  if (shown.length === 0) return null;
  return (
    <div className="problem" role="alert" data-testid="obstacles">
      <strong>Before this invoice can be issued</strong>
      <ul>
        {shown.map((o) => (
          <li key={o.kind + (o.projectId ?? '')} data-obstacle={o.kind}>
            {sentence(o.message)}
            {o.projectId && <> <a href={`#/setup/${o.projectId}`} onClick={() => reviewInProgress.keep()}>Open the project's billing settings</a>
              <span className="muted"> (the review is kept: Billing review brings you back to it)</span></>}
          </li>
        ))}
      </ul>
    </div>
  );
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.substring(1) + (text.endsWith('.') ? '' : '.');

function SummaryTiles({ review }: { review: ReviewModel }) {
  const s = review.summary;
  return (
    <div className="tiles" aria-label="Review summary">
      <Tile label="Hours billed" value={hours(s.hoursBilled)} tone="good" />
      <Tile label="Hours deferred" value={hours(s.hoursDeferred)} tone="muted" />
      <Tile label="Hours written off" value={hours(s.hoursWrittenOff)} tone="warn" />
      <Tile label="Subtotal" value={money(s.subtotal, s.currency)} />
      <Tile label={`Tax (${s.taxRate}%)`} value={money(s.taxAmount, s.currency)} />
      <Tile label="Total" value={money(s.total, s.currency)} />
    </div>
  );
}

function EntriesStep({ review, onChange, onNext }: { review: ReviewModel; onChange: (r: ReviewModel) => void; onNext: () => void }) {
  const action = useAction();
  const projects = useLoad(() => get<Project[]>('timesheet', `/projects${query({ customerId: review.customerId })}`), [review.customerId]);
  const obstacles = useLoad(() => get<Preview>('billing', `/reviews/${review.id}/preview`).then((p) => p.obstacles), [review]);
  const projectName = (id: string) => projects.data?.find((p) => p.id === id)?.code ?? '';
  const table = useClientTable(review.entries, {
    values: { date: (e) => e.date, project: (e) => projectName(e.projectId), consultant: (e) => e.resourceName, task: (e) => e.task,
      hours: (e) => e.hours, amount: (e) => e.amount, decision: (e) => e.decision },
    text: (e) => [e.date, date(e.date), projectName(e.projectId), e.resourceName, e.role, e.task, label(e.decision)].join(' '),
    initial: { key: 'date', direction: 'ASC' },
  });
  const hourly = !review.project || review.project.billingType === 'TIME_AND_MATERIALS' || review.project.billingType === 'CAPPED_TIME_AND_MATERIALS';
  const [writeOff, setWriteOff] = useState<{ entryId: string; reason: string }>();

  const decide = async (entryId: string, decision: Decision, reason?: string) => {
    const updated = await action.run(() => post<ReviewModel>('billing', `/reviews/${review.id}/decisions`,
      { decisions: [{ entryId, decision, reason: reason ?? null }] }));
    if (updated) {
      onChange(updated);
      setWriteOff(undefined);
    }
  };
  const all = async (command: 'bill-all' | 'defer-all') => {
    const updated = await action.run(() => post<ReviewModel>('billing', `/reviews/${review.id}/${command}`));
    if (updated) onChange(updated);
  };

  return (
    <div className="card">
      <h2>{hourly ? 'Decide each entry, add lines' : 'Lines of this invoice'}</h2>
      <SummaryTiles review={review} />
      <Obstacles obstacles={obstacles.data} kinds={['CAP_MISSING', 'TERM_MISSING']} />
      <CapPanel review={review} projects={projects.data ?? []} />
      <BillLines review={review} onChange={onChange} />
      {hourly && <>
      <h3>Approved hours</h3>
      <div className="toolbar">
        <button onClick={() => all('bill-all')} disabled={action.busy}>Bill all</button>
        <button onClick={() => all('defer-all')} disabled={action.busy}>Defer all</button>
        <Field label="Search entries" name="search" error={undefined}>
          <input type="search" value={table.search} placeholder="consultant, task, project" onChange={(e) => table.onSearch(e.target.value)} />
        </Field>
        <span className="muted">{review.summary.entries} entries · deferred entries stay in the pool for a later invoice</span>
      </div>
      <ProblemBanner error={action.error} />
      <table className="grid" aria-label="Entries to decide">
        <thead>
          <tr>
            <SortHeader label="Date" column="date" {...table} />
            <SortHeader label="Project" column="project" {...table} />
            <SortHeader label="Consultant" column="consultant" {...table} />
            <SortHeader label="Task" column="task" {...table} />
            <SortHeader label="Hours" column="hours" numeric {...table} />
            <th className="num">Rate</th>
            <SortHeader label="Amount" column="amount" numeric {...table} />
            <SortHeader label="Decision" column="decision" {...table} />
          </tr>
        </thead>
        <tbody>
          {review.entries.length === 0 && <tr><td colSpan={8} className="muted">No approved, unbilled hours for this bill.</td></tr>}
          {table.rows.map((e) => (
            <tr key={e.entryId} data-decision={e.decision}>
              <td className="nowrap">{date(e.date)}</td>
              <td>{projectName(e.projectId)}</td>
              <td>{e.resourceName} <span className="muted">{e.role}</span></td>
              <td>{e.task}</td>
              <td className="num">{hours(e.hours)}</td>
              <td className="num">{money(e.rate, review.summary.currency)}</td>
              <td className="num">{money(e.amount, review.summary.currency)}</td>
              <td>
                <DecisionGroup label={`Decision for ${date(e.date)} ${e.resourceName}`} decision={e.decision} busy={action.busy}
                  onDecide={(d) => (d === 'WRITE_OFF' ? setWriteOff({ entryId: e.entryId, reason: e.writeOffReason ?? '' }) : decide(e.entryId, d))} />
                {e.writeOffReason && e.decision === 'WRITE_OFF' && <small className="muted">{e.writeOffReason}</small>}
                {writeOff?.entryId === e.entryId && (
                  <div className="inline-form">
                    <Field label="Reason for the write-off" name="reason" error={action.error}>
                      <input autoFocus value={writeOff.reason} onChange={(ev) => setWriteOff({ ...writeOff, reason: ev.target.value })} />
                    </Field>
                    <button className="danger" onClick={() => decide(e.entryId, 'WRITE_OFF', writeOff.reason)}>Write off</button>
                    <button onClick={() => setWriteOff(undefined)}>Cancel</button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={table.page} pages={table.pages} total={table.filtered.length} noun="entries" onPage={table.onPage} />
      </>}
      <div className="actions">
        <button className="primary" onClick={onNext}>Next: frame order</button>
      </div>
    </div>
  );
}

const DECISIONS: Decision[] = ['BILL', 'DEFER', 'WRITE_OFF'];

/**
 * Bill / Defer / Write off as one radio group: one Tab stop (the chosen decision), arrow keys move and decide, as
 * WAI-ARIA's radio group pattern says. While a decision is saved the buttons stay enabled (aria-disabled), so focus
 * stays where the person is instead of dropping to the page.
 */
function DecisionGroup({ label: name, decision, busy, onDecide }: { label: string; decision: Decision; busy: boolean; onDecide: (d: Decision) => void }) {
  const move = (event: React.KeyboardEvent<HTMLButtonElement>, from: number) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const to = (from + step + DECISIONS.length) % DECISIONS.length;
    const buttons = event.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>('button');
    buttons?.[to]?.focus();
    if (!busy) onDecide(DECISIONS[to]);
  };
  return (
    <div className="segmented" role="radiogroup" aria-label={name}>
      {DECISIONS.map((d, i) => (
        <button key={d} role="radio" aria-checked={decision === d} className={decision === d ? 'on' : ''} aria-disabled={busy}
          tabIndex={decision === d ? 0 : -1} onKeyDown={(event) => move(event, i)} onClick={() => !busy && onDecide(d)}>
          {label(d)}
        </button>
      ))}
    </div>
  );
}

async function saveOptions(review: ReviewModel, changes: Partial<ReviewOptions>) {
  return put<ReviewModel>('billing', `/reviews/${review.id}/options`, { ...review.options, ...changes });
}

function FrameOrderStepView({ review, onChange, onBack, onNext }: { review: ReviewModel; onChange: (r: ReviewModel) => void; onBack: () => void; onNext: () => void }) {
  const step = useLoad(() => get<FrameOrderStep>('billing', `/reviews/${review.id}/frame-orders`), [review.id, review.summary.hoursBilled]);
  const [chosen, setChosen] = useState<string | null>(review.options.frameOrderId);
  const action = useAction();

  const next = async () => {
    const updated = await action.run(() => saveOptions(review, { frameOrderId: chosen }));
    if (updated) {
      onChange(updated);
      onNext();
    }
  };

  return (
    <div className="card">
      <h2>Link a frame order</h2>
      <p className="muted">A frame order is the customer's blanket purchase order: a pool of pre-agreed hours. This invoice draws {hours(review.summary.hoursBilled)} from it.</p>
      {step.loading && !step.data && <Loading />}
      <ProblemBanner error={step.error ?? action.error} />
      {step.data && !step.data.available && <div className="notice">{step.data.unavailable ?? 'Frame orders cannot be listed right now.'}</div>}
      <div className="choices" role="radiogroup" aria-label="Frame orders">
        <label className={`choice ${chosen === null ? 'on' : ''}`}>
          <input type="radio" name="frameOrder" checked={chosen === null} onChange={() => setChosen(null)} /> No frame order
        </label>
        {step.data?.frameOrders.map((f) => (
          <label key={f.frameOrderId} className={`choice ${chosen === f.frameOrderId ? 'on' : ''} ${f.sufficient ? '' : 'insufficient'}`} data-po={f.poNumber}>
            <input type="radio" name="frameOrder" checked={chosen === f.frameOrderId} onChange={() => setChosen(f.frameOrderId)} />
            <div className="choice-body">
              <strong>{f.poNumber}</strong> <span className="muted">valid {date(f.validFrom)} – {date(f.validTo)}</span>
              <UsageBar total={f.totalHours} used={f.totalHours - f.availableHours} adding={f.hoursDrawn} />
              <span>{hours(f.availableHours)} of {hours(f.totalHours)} left · this invoice draws {hours(f.hoursDrawn)} ({f.percentOfFrameOrder}%) · {hours(f.remainingAfter)} remain after</span>
              {!f.sufficient && <strong className="warn-text"> Not enough hours left for this invoice.</strong>}
            </div>
          </label>
        ))}
      </div>
      <div className="actions">
        <button onClick={onBack}>Back</button>
        <button className="primary" disabled={action.busy} onClick={next}>Next: preview</button>
      </div>
    </div>
  );
}

const RUN_STEPS = ['DRAWING_DOWN', 'ISSUING', 'MARKING_BILLED', 'COMPLETED'];
const RUN_STEP_NAMES: Record<string, string> = {
  DRAWING_DOWN: 'Drawing down the frame order', ISSUING: 'Issuing the invoice', MARKING_BILLED: 'Locking the entries in timesheets',
  COMPLETED: 'Issued', WITHDRAWING: 'Withdrawing the invoice', REVERSING_DRAW_DOWN: 'Giving the hours back to the frame order', FAILED: 'Failed',
};

function PreviewStep({ review, onChange, onBack, onRestart, onIssuing }: { review: ReviewModel; onChange: (r: ReviewModel) => void; onBack: () => void; onRestart: () => void; onIssuing: () => void }) {
  const [options, setOptions] = useState<ReviewOptions>(review.options);
  const preview = useLoad(() => get<Preview>('billing', `/reviews/${review.id}/preview`), [review]);
  const action = useAction();
  const [run, setRun] = useState<InvoiceRun>();

  useEffect(() => {
    if (!run || run.step === 'COMPLETED' || run.step === 'FAILED') return;
    const timer = setTimeout(async () => {
      try {
        setRun(await get<InvoiceRun>('billing', `/invoice-runs/${run.id}`));
      } catch {
        setRun({ ...run }); // poll again: a gateway hiccup does not end the run
      }
    }, 400);
    return () => clearTimeout(timer);
  }, [run]);

  const save = async () => {
    const updated = await action.run(() => saveOptions(review, options));
    if (updated) onChange(updated);
    return updated;
  };
  const generate = async () => {
    const updated = await save();
    if (!updated) return;
    const started = await action.run(() => post<InvoiceRun>('billing', `/reviews/${review.id}/generation`));
    if (started) {
      setRun(started);
      onIssuing();
    }
  };
  const p = preview.data;
  const s = p?.summary;
  const set = (field: keyof ReviewOptions) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setOptions({ ...options, [field]: field === 'paymentTermsDays' ? (e.target.value === '' ? null : Number(e.target.value)) : e.target.value || null });

  return (
    <div className="card">
      <h2>Preview and issue</h2>
      <div className="two-columns">
        <fieldset disabled={!!run}>
          <legend>Invoice options</legend>
          <Field label="Period from" name="periodFrom" error={action.error}><DateInput value={options.periodFrom ?? ''} onChange={(v) => setOptions({ ...options, periodFrom: v || null })} /></Field>
          <Field label="Period to" name="periodTo" error={action.error}><DateInput value={options.periodTo ?? ''} onChange={(v) => setOptions({ ...options, periodTo: v || null })} /></Field>
          <Field label="Payment terms (days)" name="paymentTermsDays" error={action.error}>
            <input type="number" value={options.paymentTermsDays ?? ''} onChange={set('paymentTermsDays')} />
          </Field>
          <Field label="PO number" name="poNumber" error={action.error}><input value={options.poNumber ?? ''} onChange={set('poNumber')} /></Field>
          <Field label="Notes on the invoice" name="notes" error={action.error}><textarea rows={3} value={options.notes ?? ''} onChange={set('notes')} /></Field>
          <button onClick={save} disabled={action.busy}>Update preview</button>
        </fieldset>
        <div className="preview" aria-label="Invoice preview">
          {preview.loading && !p && <Loading />}
          <ProblemBanner error={preview.error} />
          {p && s && (
            <dl>
              <dt>Customer</dt><dd>{p.customer.name}</dd>
              <dt>Period</dt><dd>{date(p.options.periodFrom)} – {date(p.options.periodTo)}</dd>
              <dt>Issue date</dt><dd>{date(p.issueDate)}</dd>
              <dt>Payment terms</dt><dd>{p.options.paymentTermsDays} days, due {date(p.dueDate)}</dd>
              <dt>PO number printed</dt><dd data-testid="preview-po">{p.options.poNumber ?? p.frameOrder?.poNumber ?? '–'}</dd>
              <dt>Notes</dt><dd>{p.options.notes ?? '–'}</dd>
              <dt>Hours billed</dt><dd data-testid="preview-hours-billed">{hours(s.hoursBilled)}</dd>
              <dt>Hours deferred</dt><dd>{hours(s.hoursDeferred)}</dd>
              <dt>Hours written off</dt><dd>{hours(s.hoursWrittenOff)}</dd>
              <dt>Subtotal</dt><dd>{money(s.subtotal, s.currency)}</dd>
              <dt>Tax ({s.taxRate}%)</dt><dd>{money(s.taxAmount, s.currency)}</dd>
              <dt>Total</dt><dd className="total" data-testid="preview-total">{money(s.total, s.currency)}</dd>
              <dt>Frame order</dt>
              <dd>{p.frameOrder
                ? <>{p.frameOrder.poNumber}: draws {hours(p.frameOrder.hoursDrawn)}, {hours(p.frameOrder.remainingAfter)} remain{!p.frameOrder.sufficient && <strong className="warn-text"> — not enough hours</strong>}</>
                : (p.frameOrderNote ?? 'none')}</dd>
            </dl>
          )}
        </div>
      </div>
      <h3>Lines of the invoice</h3>
      <InvoiceLines review={review} />
      {!run && <Obstacles obstacles={p?.obstacles} />}
      <ProblemBanner error={action.error} />
      {run ? <RunProgress run={run} onRestart={onRestart} /> : (
        <div className="actions">
          <button onClick={onBack}>Back</button>
          <button className="primary" disabled={action.busy || !p || p.obstacles.length > 0} onClick={generate}>Generate &amp; Issue</button>
        </div>
      )}
    </div>
  );
}

function RunProgress({ run, onRestart }: { run: InvoiceRun; onRestart: () => void }) {
  const failed = run.step === 'FAILED';
  const reached = RUN_STEPS.indexOf(run.step);
  return (
    <div className={`run ${failed ? 'failed' : run.step === 'COMPLETED' ? 'completed' : ''}`} aria-live="polite" data-testid="invoice-run" data-step={run.step}>
      <ol className="run-steps">
        {RUN_STEPS.map((s, i) => (
          <li key={s} className={reached >= i || run.step === s ? 'done' : ''}>{RUN_STEP_NAMES[s]}</li>
        ))}
      </ol>
      {!failed && run.step !== 'COMPLETED' && <p>{RUN_STEP_NAMES[run.step] ?? run.step}…</p>}
      {run.step === 'COMPLETED' && (
        <p className="notice" role="status">Invoice <strong data-testid="invoice-number">{run.invoiceNumber}</strong> is issued. <a href="#/invoices">Go to invoices</a></p>
      )}
      {failed && (
        <div className="problem" role="alert">
          <strong>Not issued</strong> — <span data-testid="failure-reason">{run.failureReason}</span>
          <p>Nothing was billed: the entries are back in the pool and no hours were drawn.</p>
        </div>
      )}
      {(failed || run.step === 'COMPLETED') && <button onClick={onRestart}>Start another review</button>}
    </div>
  );
}
