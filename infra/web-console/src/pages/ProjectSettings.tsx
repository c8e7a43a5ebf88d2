import { useState } from 'react';
import { decimal, get, json, post, put } from '../api';
import { DateInput } from '../components/DateInput';
import { Field, Loading, ProblemBanner } from '../components/Feedback';
import { useAction, useLoad } from '../components/useLoad';
import { amountText, billingTypeName, date, label, minorDigits, money } from '../format';
import type { ProjectPlan, TermView } from '../model';

/** What one project's billing type needs: order amount and cap, the billing calendar of terms, activity prices. */
export function ProjectSettings({ projectId, currency, onTypeChanged }: { projectId: string; currency: string; onTypeChanged?: () => void }) {
  const plan = useLoad(() => get<ProjectPlan>('billing', `/projects/${projectId}/billing`), [projectId]);
  if (plan.error) return <ProblemBanner error={plan.error} />;
  if (!plan.data) return <Loading />;
  const p = plan.data;
  const type = p.project.billingType;
  return (
    <div className="card" aria-label="Project billing settings" data-project={p.project.code}>
      <h2>{p.project.name} <span className="muted">{p.project.code}</span></h2>
      <p><span className="badge">{billingTypeName(type)}</span> {TYPE_HELP[type]}</p>
      <BillingTypeForm key={type} project={p.project} onChanged={() => { plan.reload(); onTypeChanged?.(); }} />
      {type !== 'NOT_BILLED' && <Amounts plan={p} currency={currency} onSaved={plan.reload} />}
      {type === 'FIXED_PRICE' && <Calendar plan={p} currency={currency} onChanged={plan.reload} />}
      {(type === 'TIME_AND_MATERIALS' || type === 'CAPPED_TIME_AND_MATERIALS') && <ActivityPrices plan={p} currency={currency} onChanged={plan.reload} />}
      {type === 'MANUAL' && <p>Its lines come from the <a href="#/catalog">catalog of products and services</a> or are written in the review.</p>}
    </div>
  );
}

const TYPE_HELP: Record<string, string> = {
  TIME_AND_MATERIALS: 'Approved hours are billed at their rates, or in days at an activity\'s daily price.',
  FIXED_PRICE: 'Billed by the terms of its billing calendar, each once; its approved hours are not billed.',
  CAPPED_TIME_AND_MATERIALS: 'Approved hours are billed up to the cap (the validated work amount); what goes beyond is written off.',
  MANUAL: 'Billed by manual lines only.',
  NOT_BILLED: 'An internal or administrative project: it has no invoices.',
};

const TYPES = ['TIME_AND_MATERIALS', 'CAPPED_TIME_AND_MATERIALS', 'FIXED_PRICE', 'MANUAL', 'NOT_BILLED'] as const;

/**
 * How the project is billed. Timesheets keep it (it prices the hours at approval) and billing learns it by event, so
 * the change is followed until billing shows it. Once hours of the project are approved it is fixed.
 */
function BillingTypeForm({ project, onChanged }: { project: ProjectPlan['project']; onChanged: () => void }) {
  const [type, setType] = useState(project.billingType);
  const action = useAction();
  const save = async () => {
    const done = await action.run(async () => {
      await put('timesheet', `/projects/${project.id}`, { name: project.name, billingType: type });
      for (let i = 0; i < 40; i++) {
        const plan = await get<ProjectPlan>('billing', `/projects/${project.id}/billing`);
        if (plan.project.billingType === type) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return true;
    });
    if (done) onChanged();
  };
  return (
    <div className="form-row">
      <Field label="Billing type" name="billingType" error={action.error}>
        <select value={type} onChange={(e) => setType(e.target.value as typeof type)}>
          {TYPES.map((t) => <option key={t} value={t}>{billingTypeName(t)}</option>)}
        </select>
      </Field>
      <button disabled={type === project.billingType || action.busy} onClick={save}>Change billing type</button>
      <ProblemBanner error={action.error} />
    </div>
  );
}

function Amounts({ plan, currency, onSaved }: { plan: ProjectPlan; currency: string; onSaved: () => void }) {
  const capped = plan.project.billingType === 'CAPPED_TIME_AND_MATERIALS';
  const [order, setOrder] = useState(amountText(plan.project.orderAmount, minorDigits(currency)));
  const [cap, setCap] = useState(amountText(plan.project.validatedWorkAmount, minorDigits(currency)));
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaved(false);
    const done = await action.run(() => put('billing', `/projects/${plan.project.id}/billing`,
      json({ orderAmount: decimal(order), validatedWorkAmount: decimal(cap) })));
    if (done) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <fieldset>
      <legend>Order{capped ? ' and cap' : ''}</legend>
      <div className="form-row">
        <Field label={`Order amount (${currency}, optional)`} name="orderAmount" error={action.error}>
          <input inputMode="decimal" value={order} onChange={(e) => setOrder(e.target.value)} />
        </Field>
        {capped && (
          <Field label={`Cap: validated work amount (${currency})`} name="validatedWorkAmount" error={action.error}>
            <input inputMode="decimal" value={cap} onChange={(e) => setCap(e.target.value)} />
          </Field>
        )}
        <button onClick={save} disabled={action.busy}>Save {capped ? 'order and cap' : 'order amount'}</button>
      </div>
      {capped && plan.project.validatedWorkAmount !== null && (
        <p className="muted" data-testid="cap-use">Billed so far {money(plan.capUsed, currency)} · left {money(plan.capLeft, currency)}</p>
      )}
      {capped && plan.project.validatedWorkAmount === null && <p className="warn-text">No cap yet: this project cannot be invoiced until it has one.</p>}
      <ProblemBanner error={action.error} />
      {saved && <p className="notice" role="status">Saved.</p>}
    </fieldset>
  );
}

/** A fixed-price project's activities and milestones, and the terms they trigger. */
function Calendar({ plan, currency, onChanged }: { plan: ProjectPlan; currency: string; onChanged: () => void }) {
  const id = plan.project.id;
  const [editing, setEditing] = useState<string>();
  const action = useAction();
  const retire = async (t: TermView) => {
    if (!window.confirm(`Retire "${t.term.name}"? It leaves the billing calendar and no invoice can bill it.`)) return;
    if (await action.run(() => post('billing', `/projects/${id}/terms/${t.term.id}/retirement`))) onChanged();
  };
  const names = new Map(plan.elements.map((e) => [e.id, e.name]));
  return (
    <>
      <fieldset>
        <legend>Activities and milestones</legend>
        <table className="grid" aria-label="Activities and milestones">
          <thead><tr><th>Name</th><th>Kind</th><th className="num">Validated</th><th className="num">Planned</th><th>Ends</th></tr></thead>
          <tbody>
            {plan.elements.length === 0 && <tr><td colSpan={5} className="muted">None yet: terms can still be added without a trigger.</td></tr>}
            {plan.elements.map((e) => (
              <tr key={e.id}><td>{e.name}</td><td>{label(e.kind)}</td><td className="num">{money(e.validatedAmount, currency)}</td>
                <td className="num">{money(e.plannedAmount, currency)}</td><td>{date(e.endDate)}</td></tr>
            ))}
          </tbody>
        </table>
        <ElementForm projectId={id} currency={currency} onAdded={onChanged} />
      </fieldset>
      <fieldset>
        <legend>Billing calendar</legend>
        <table className="grid" aria-label="Terms">
          <thead><tr><th>Term</th><th>Date</th><th className="num">Amount</th><th>Triggered by</th><th>Reminder</th><th>State</th><th /></tr></thead>
          <tbody>
            {plan.terms.length === 0 && <tr><td colSpan={7} className="muted">No terms yet.</td></tr>}
            {plan.terms.map((t) => editing === t.term.id ? (
              <tr key={t.term.id}><td colSpan={7}>
                <TermForm plan={plan} currency={currency} term={t} onDone={() => { setEditing(undefined); onChanged(); }} onCancel={() => setEditing(undefined)} />
              </td></tr>
            ) : (
              <tr key={t.term.id} data-term={t.term.name}>
                <td>{t.term.name}</td>
                <td className="nowrap">{date(t.term.date)}</td>
                <td className="num">{money(t.term.amount, currency)}</td>
                <td>{t.term.triggerElementIds.map((e) => names.get(e)).join(', ') || '–'}</td>
                <td className="muted">{t.term.triggerElementIds.length > 0
                  ? `validated ${money(t.reminder.validatedAmount, currency)}, planned ${money(t.reminder.plannedAmount, currency)}, ends ${date(t.reminder.latestEndDate)}` : '–'}</td>
                <td>{label(t.term.state)}{t.term.invoiceNumber && <> · {t.term.invoiceNumber}</>}</td>
                <td className="row-actions">
                  {t.term.state === 'OPEN' && <>
                    <button aria-label={`Edit ${t.term.name}`} onClick={() => setEditing(t.term.id)}>Edit</button>
                    <button className="danger" aria-label={`Retire ${t.term.name}`} onClick={() => retire(t)}>Retire</button>
                  </>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ProblemBanner error={action.error} />
        {!editing && <TermForm plan={plan} currency={currency} onDone={onChanged} />}
      </fieldset>
    </>
  );
}

function ElementForm({ projectId, currency, onAdded }: { projectId: string; currency: string; onAdded: () => void }) {
  const empty = { kind: 'MILESTONE', name: '', validated: '', planned: '', endDate: '' };
  const [form, setForm] = useState(empty);
  const action = useAction();
  const add = async () => {
    const done = await action.run(() => post('billing', `/projects/${projectId}/elements`, json({
      kind: form.kind, name: form.name, validatedAmount: decimal(form.validated), plannedAmount: decimal(form.planned), endDate: form.endDate || null,
    })));
    if (done) {
      setForm(empty);
      onAdded();
    }
  };
  return (
    <div className="form-row" aria-label="Add an activity or milestone">
      <Field label="Kind" name="kind" error={action.error}>
        <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
          <option value="MILESTONE">Milestone</option><option value="ACTIVITY">Activity</option>
        </select>
      </Field>
      <Field label="Name" name="name" error={action.error}><input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
      <Field label={`Validated (${currency})`} name="validatedAmount" error={action.error}><input inputMode="decimal" value={form.validated} onChange={(e) => setForm({ ...form, validated: e.target.value })} /></Field>
      <Field label={`Planned (${currency})`} name="plannedAmount" error={action.error}><input inputMode="decimal" value={form.planned} onChange={(e) => setForm({ ...form, planned: e.target.value })} /></Field>
      <Field label="Ends" name="endDate" error={action.error}><DateInput value={form.endDate} onChange={(v) => setForm({ ...form, endDate: v })} /></Field>
      <button onClick={add} disabled={action.busy}>Add {form.kind === 'MILESTONE' ? 'milestone' : 'activity'}</button>
      <ProblemBanner error={action.error} />
    </div>
  );
}

/** Adds a term, or changes an open one. */
function TermForm({ plan, currency, term, onDone, onCancel }: { plan: ProjectPlan; currency: string; term?: TermView; onDone: () => void; onCancel?: () => void }) {
  const start = { name: term?.term.name ?? '', amount: amountText(term?.term.amount, minorDigits(currency)), date: term?.term.date ?? '', triggers: term?.term.triggerElementIds ?? [] };
  const [form, setForm] = useState(start);
  const action = useAction();
  const save = async () => {
    const body = json({ name: form.name, amount: decimal(form.amount), date: form.date || null, triggerElementIds: form.triggers });
    const path = `/projects/${plan.project.id}/terms`;
    const done = await action.run(() => (term ? put('billing', `${path}/${term.term.id}`, body) : post('billing', path, body)));
    if (done) {
      setForm({ name: '', amount: '', date: '', triggers: [] });
      onDone();
    }
  };
  const toggle = (id: string) => setForm({ ...form, triggers: form.triggers.includes(id) ? form.triggers.filter((t) => t !== id) : [...form.triggers, id] });
  return (
    <div aria-label={term ? `Change ${term.term.name}` : 'Add a term'}>
      <div className="form-row">
        <Field label="Term" name="name" error={action.error}><input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
        <Field label={`Amount (${currency})`} name="amount" error={action.error}><input inputMode="decimal" value={form.amount} onChange={(e) => setForm({ ...form, amount: e.target.value })} /></Field>
        <Field label="Due on" name="date" error={action.error}><DateInput value={form.date} onChange={(v) => setForm({ ...form, date: v })} /></Field>
      </div>
      {plan.elements.length > 0 && (
        <fieldset className="inline-choices">
          <legend>Triggered by</legend>
          {plan.elements.map((e) => (
            <label key={e.id} className="check"><input type="checkbox" checked={form.triggers.includes(e.id)} onChange={() => toggle(e.id)} /> {e.name}</label>
          ))}
        </fieldset>
      )}
      <ProblemBanner error={action.error} />
      <div className="actions">
        {onCancel && <button onClick={onCancel}>Cancel</button>}
        <button className={term ? 'primary' : ''} onClick={save} disabled={action.busy}>{term ? 'Save term' : 'Add term'}</button>
      </div>
    </div>
  );
}

function ActivityPrices({ plan, currency, onChanged }: { plan: ProjectPlan; currency: string; onChanged: () => void }) {
  const [form, setForm] = useState({ activityType: '', dailyPrice: '' });
  const action = useAction();
  const save = async () => {
    const done = await action.run(() => put('billing', `/projects/${plan.project.id}/activity-prices`,
      json({ activityType: form.activityType, dailyPrice: decimal(form.dailyPrice) })));
    if (done) {
      setForm({ activityType: '', dailyPrice: '' });
      onChanged();
    }
  };
  return (
    <fieldset>
      <legend>Activity prices (to bill days instead of hours)</legend>
      <table className="grid" aria-label="Activity prices">
        <thead><tr><th>Activity</th><th className="num">Daily price</th><th /></tr></thead>
        <tbody>
          {plan.activityPrices.length === 0 && <tr><td colSpan={3} className="muted">None: hours are billed at their rates.</td></tr>}
          {plan.activityPrices.map((a) => (
            <tr key={a.activityType}><td>{a.activityType}</td><td className="num">{money(a.dailyPrice, currency)}</td>
              <td><button className="link" onClick={() => setForm({ activityType: a.activityType, dailyPrice: amountText(a.dailyPrice, minorDigits(currency)) })}>Change</button></td></tr>
          ))}
        </tbody>
      </table>
      <div className="form-row">
        <Field label="Activity" name="activityType" error={action.error}><input value={form.activityType} onChange={(e) => setForm({ ...form, activityType: e.target.value })} /></Field>
        <Field label={`Daily price (${currency})`} name="dailyPrice" error={action.error}><input inputMode="decimal" value={form.dailyPrice} onChange={(e) => setForm({ ...form, dailyPrice: e.target.value })} /></Field>
        <button onClick={save} disabled={action.busy}>Save daily price</button>
      </div>
      <ProblemBanner error={action.error} />
    </fieldset>
  );
}
