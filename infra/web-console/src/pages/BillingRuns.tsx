import { useEffect, useMemo, useState } from 'react';
import { get, post } from '../api';
import { DateInput } from '../components/DateInput';
import { DownloadLink } from '../components/DownloadLink';
import { Field, Loading, ProblemBanner, Tile } from '../components/Feedback';
import { useAction, useLoad } from '../components/useLoad';
import { date, hours, label, money, today } from '../format';
import type { BillingRun, Customer, RunCustomer } from '../model';

/** The month just closed, as the period a run bills unless the user says otherwise. */
function lastMonth(): [string, string] {
  const [y, m] = today().split('-').map(Number);
  const first = new Date(Date.UTC(m === 1 ? y - 1 : y, m === 1 ? 11 : m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return [first.toISOString().substring(0, 10), last.toISOString().substring(0, 10)];
}

/**
 * Month-end in one go: every customer's bill of a period previewed, started once, followed while it runs, and
 * reported per customer and currency (also as CSV). Customers a person must review are held with the reason.
 */
export function BillingRuns({ target, canStart }: { target?: string; canStart: boolean }) {
  return (
    <section>
      <header className="page-header">
        <h1>Billing runs</h1>
        <p className="muted">Invoice every customer's approved hours of a period in one run; those that need a person are held with the reason.</p>
      </header>
      {target ? <RunDetail id={target} canStart={canStart} /> : <>
        {canStart && <NewRun />}
        <RecentRuns />
      </>}
    </section>
  );
}

function NewRun() {
  const [defaultFrom, defaultTo] = lastMonth();
  const [periodFrom, setFrom] = useState(defaultFrom);
  const [periodTo, setTo] = useState(defaultTo);
  const [terms, setTerms] = useState('');
  const [notes, setNotes] = useState('');
  const [everyone, setEveryone] = useState(true);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const customers = useLoad(() => get<Customer[]>('timesheet', '/customers'), []);
  const action = useAction();
  const shown = useMemo(() => (customers.data ?? []).filter((c) => c.name.toLowerCase().includes(filter.trim().toLowerCase())), [customers.data, filter]);
  const toggle = (id: string) => setChosen((s) => { const next = new Set(s); if (next.has(id)) next.delete(id); else next.add(id); return next; });

  const preview = async (e: React.FormEvent) => {
    e.preventDefault();
    const run = await action.run(() => post<BillingRun>('billing', '/billing-runs', {
      periodFrom, periodTo, paymentTermsDays: terms.trim() === '' ? null : /^\d+$/.test(terms.trim()) ? Number(terms) : terms.trim(), notes: notes.trim() || null,
      customerIds: everyone ? [] : [...chosen],
    }));
    if (run) window.location.hash = `#/billing-runs/${run.id}`;
  };

  return (
    <form className="card" onSubmit={preview} aria-label="New billing run">
      <h2>New billing run</h2>
      <div className="form-row">
        <Field label="Period from" name="periodFrom" error={action.error}><DateInput value={periodFrom} onChange={setFrom} /></Field>
        <Field label="Period to" name="periodTo" error={action.error}><DateInput value={periodTo} onChange={setTo} /></Field>
        <Field label="Payment terms (days)" name="paymentTermsDays" error={action.error}>
          <input inputMode="numeric" value={terms} placeholder="each customer's own" onChange={(e) => setTerms(e.target.value)} />
        </Field>
      </div>
      <Field label="Notes printed on every bill" name="notes" error={action.error}>
        <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </Field>
      <fieldset className="customers-choice">
        <legend>Customers</legend>
        <label className="check"><input type="radio" name="who" checked={everyone} onChange={() => setEveryone(true)} /> Every customer with approved, unbilled hours in the period</label>
        <label className="check"><input type="radio" name="who" checked={!everyone} onChange={() => setEveryone(false)} /> Only the customers I choose</label>
        {!everyone && <>
          <input type="search" aria-label="Find a customer" placeholder="Find a customer" value={filter} onChange={(e) => setFilter(e.target.value)} />
          <div className="customer-list">
            {customers.loading && !customers.data && <Loading />}
            {shown.map((c) => (
              <label key={c.id} className="check"><input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} /> {c.name} ({c.currency})</label>
            ))}
          </div>
          <p className="muted">{chosen.size} chosen</p>
        </>}
      </fieldset>
      <ProblemBanner error={customers.error ?? action.error} />
      <div className="actions">
        <button className="primary" type="submit" disabled={action.busy || (!everyone && chosen.size === 0)}>
          {action.busy ? 'Preparing every bill…' : 'Preview the run'}
        </button>
      </div>
    </form>
  );
}

function RecentRuns() {
  const runs = useLoad(() => get<BillingRun[]>('billing', '/billing-runs'), []);
  return (
    <div className="card">
      <h2>Recent runs</h2>
      <ProblemBanner error={runs.error} />
      {runs.loading && !runs.data && <Loading />}
      <table className="grid" aria-label="Recent billing runs">
        <thead><tr><th>Period</th><th>Prepared</th><th>Status</th><th className="num">Issued</th><th className="num">Failed</th><th className="num">Held</th><th /></tr></thead>
        <tbody>
          {runs.data?.length === 0 && <tr><td colSpan={7} className="muted">No billing run yet.</td></tr>}
          {runs.data?.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{date(r.periodFrom)} – {date(r.periodTo)}</td>
              <td className="nowrap">{date(r.createdAt)}</td>
              <td><span className={`badge status-${r.status.toLowerCase()}`}>{label(r.status)}</span></td>
              <td className="num">{r.progress.issued}</td><td className="num">{r.progress.failed}</td><td className="num">{r.progress.held}</td>
              <td><a href={`#/billing-runs/${r.id}`}>Open</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RunDetail({ id, canStart }: { id: string; canStart: boolean }) {
  const run = useLoad(() => get<BillingRun>('billing', `/billing-runs/${id}`), [id]);
  const action = useAction();
  const status = run.data?.status;
  // while invoices are being issued the page follows them
  useEffect(() => {
    if (status !== 'RUNNING') return undefined;
    const timer = setInterval(() => void run.reload(), 1000);
    return () => clearInterval(timer);
  }, [status, run.reload]);
  const start = async () => {
    if (await action.run(() => post('billing', `/billing-runs/${id}/start`))) void run.reload();
  };
  if (!run.data) return <>{run.error ? <ProblemBanner error={run.error} /> : <Loading />}</>;
  const r = run.data;
  const p = r.progress;
  const done = p.issued + p.failed;
  return (
    <>
      <p><a href="#/billing-runs">All billing runs</a></p>
      <div className="card">
        <h2>Run for {date(r.periodFrom)} – {date(r.periodTo)} <span className={`badge status-${r.status.toLowerCase()}`} data-testid="run-status">{label(r.status)}</span></h2>
        <p className="muted">
          Payment terms: {r.paymentTermsDays === null ? "each customer's own" : `${r.paymentTermsDays} days`}
          {r.notes && <> · Notes: {r.notes}</>}
        </p>
        <div className="tiles" aria-label="Run progress">
          <Tile label="To invoice" value={p.included} />
          <Tile label="Issued" value={p.issued} tone="good" />
          <Tile label="Failed" value={p.failed} tone={p.failed > 0 ? 'warn' : 'muted'} />
          <Tile label="Waiting" value={p.waiting} tone="muted" />
          <Tile label="Held for review" value={p.held} tone={p.held > 0 ? 'warn' : 'muted'} />
        </div>
        {r.status !== 'DRAFT' && (
          <div className="run-progress">
            <progress max={Math.max(p.included, 1)} value={done} aria-label="Bills done">{done} of {p.included}</progress>
            <span data-testid="run-progress">{done} of {p.included} bills done</span>
          </div>
        )}
        <ProblemBanner error={run.error ?? action.error} />
        <div className="actions">
          {r.status === 'DRAFT' && canStart && (
            <button className="primary" onClick={start} disabled={action.busy || p.included === 0}>
              Start the run: issue {p.included} {p.included === 1 ? 'invoice' : 'invoices'}
            </button>
          )}
          <DownloadLink href={`api/billing/billing-runs/${r.id}/report.csv`} fileName={`billing-run-${r.periodFrom}-to-${r.periodTo}.csv`}>
            Download the report (CSV)
          </DownloadLink>
        </div>
      </div>
      <Totals run={r} />
      <Customers rows={r.customers ?? []} />
    </>
  );
}

function Totals({ run }: { run: BillingRun }) {
  if (run.totals.length === 0) return null;
  return (
    <table className="grid totals" aria-label={run.status === 'DRAFT' ? 'Totals of the bills to issue' : 'Totals of the invoices issued'}>
      <caption>{run.status === 'DRAFT' ? 'Bills to issue, per currency' : 'Invoices issued, per currency'}</caption>
      <thead><tr><th>Currency</th><th className="num">Bills</th><th className="num">Hours</th><th className="num">Net</th><th className="num">Tax</th><th className="num">Total</th></tr></thead>
      <tbody>
        {run.totals.map((t) => (
          <tr key={t.currency}>
            <td>{t.currency}</td><td className="num">{t.bills}</td><td className="num">{hours(t.hours)}</td>
            <td className="num">{money(t.net, t.currency)}</td><td className="num">{money(t.tax, t.currency)}</td><td className="num">{money(t.total, t.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const TONE: Record<string, string> = { ISSUED: 'good', FAILED: 'warn', HELD: 'warn', WAITING: '' };

function Customers({ rows }: { rows: RunCustomer[] }) {
  return (
    <table className="grid" aria-label="Customers of the run">
      <thead>
        <tr><th>Customer</th><th>Outcome</th><th>Invoice or reason</th><th className="num">Hours</th><th className="num">Net</th><th className="num">Tax</th>
          <th className="num">Total</th><th>Frame order</th></tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.customerId} data-customer={c.customerName}>
            <td>{c.customerName}{c.reviewReused && <span className="badge">prepared review</span>}</td>
            <td><span className={`badge ${TONE[c.outcome]}`} data-testid="outcome">{label(c.outcome)}</span></td>
            <td>{c.invoiceNumber ?? <span className="muted">{c.reason ?? '–'}</span>}</td>
            <td className="num">{hours(c.hours)}</td>
            <td className="num">{money(c.net, c.currency)}</td><td className="num">{money(c.tax, c.currency)}</td><td className="num">{money(c.total, c.currency)}</td>
            <td>{c.frameOrder ? <>{c.frameOrder.poNumber ?? 'chosen'}{c.frameOrder.hoursLeft !== null && <span className="muted"> · {hours(c.frameOrder.hoursLeft)} → {hours(c.frameOrder.hoursAfter)}</span>}</> : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
