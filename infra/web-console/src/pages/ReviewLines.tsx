import { useState } from 'react';
import { decimal, del, get, json, patch, post } from '../api';
import { DateInput } from '../components/DateInput';
import { Field, ProblemBanner } from '../components/Feedback';
import { useAction, useLoad } from '../components/useLoad';
import { date, hours, money, price } from '../format';
import type { BillLine, CatalogItem, Project, ProjectPlan, Review, TermView } from '../model';

const UNIT_NAMES: Record<string, string> = { C62: 'pc', HUR: 'h', DAY: 'days', MON: 'months', ANN: 'years' };
const unit = (code: string) => UNIT_NAMES[code] ?? code;
const PER: Record<string, string> = { C62: 'piece', HUR: 'hour', DAY: 'day', MON: 'month', ANN: 'year' };

/** Each capped project of the bill against its cap: what earlier bills used, what this one bills, what the cap keeps off. */
export function CapPanel({ review, projects }: { review: Review; projects: Project[] }) {
  if (review.caps.length === 0) return null;
  const c = review.summary.currency;
  return (
    <div className="cap-panel" aria-label="Caps">
      {review.caps.map((cap) => {
        const project = projects.find((p) => p.id === cap.projectId) ?? review.project;
        return (
          <dl key={cap.projectId} className="figures" data-testid="cap">
            <dt>Cap of {project?.name ?? 'the project'}</dt><dd>{money(cap.cap, c)}</dd>
            <dt>Billed before</dt><dd>{money(cap.billedBefore, c)}</dd>
            <dt>This invoice</dt><dd>{money(cap.thisBill, c)}</dd>
            <dt>Kept off by the cap</dt><dd className={cap.capped > 0 ? 'warn-text' : ''}>{money(cap.capped, c)}</dd>
            <dt>Left after</dt><dd>{money(cap.leftAfter, c)}</dd>
          </dl>
        );
      })}
    </div>
  );
}

/** The lines that are not one entry by the hour: terms, activity days, manual and catalog lines; each can be described anew or removed. */
export function BillLines({ review, onChange }: { review: Review; onChange: (r: Review) => void }) {
  const action = useAction();
  const [editing, setEditing] = useState<{ position: number; description: string }>();
  const c = review.summary.currency;
  const describe = async () => {
    if (!editing) return;
    const updated = await action.run(() => patch<Review>('billing', `/reviews/${review.id}/lines/${editing.position}`, { description: editing.description }));
    if (updated) {
      onChange(updated);
      setEditing(undefined);
    }
  };
  const remove = async (line: BillLine) => {
    const updated = await action.run(() => del<Review>('billing', `/reviews/${review.id}/lines/${line.position}`));
    if (updated) onChange(updated);
  };
  return (
    <div className="bill-lines">
      {review.lines.length > 0 && (
        <table className="grid" aria-label="Invoice lines">
          <thead><tr><th>Line</th><th className="num">Quantity</th><th className="num">Unit price</th><th className="num">Amount</th><th /></tr></thead>
          <tbody>
            {review.lines.map((l) => (
              <tr key={l.position} data-line={l.description ?? ''}>
                <td>
                  {editing?.position === l.position ? (
                    <div className="inline-form">
                      <Field label="Description" name="description" error={action.error}>
                        <input autoFocus value={editing.description} onChange={(e) => setEditing({ ...editing, description: e.target.value })} />
                      </Field>
                      <button className="primary" onClick={describe}>Save</button>
                      <button onClick={() => setEditing(undefined)}>Cancel</button>
                    </div>
                  ) : <>
                    {l.amendment && <span className="badge warn">Amendment</span>} {l.description}
                    {l.detail && <small className="muted"> · {l.detail}</small>}
                    {l.cappedQuantity > 0 && <small className="warn-text"> · {l.cappedQuantity} {unit(l.unit)} kept off by the cap</small>}
                  </>}
                </td>
                <td className="num nowrap">{l.quantity} {unit(l.unit)}</td>
                <td className="num">{money(l.unitPrice, c)}</td>
                <td className="num">{money(l.amount, c)}</td>
                <td className="row-actions">
                  <button aria-label={`Describe line ${l.position}`} onClick={() => setEditing({ position: l.position, description: l.description ?? '' })}>Describe</button>
                  <button className="danger" aria-label={`Remove line ${l.position}`} onClick={() => remove(l)}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemBanner error={action.error} />
      <AddLine review={review} onChange={onChange} />
    </div>
  );
}

/** The kinds of line the bill's billing type takes: a term, days of an activity, or a manual line (free or from the catalog). */
function AddLine({ review, onChange }: { review: Review; onChange: (r: Review) => void }) {
  const type = review.project?.billingType ?? 'TIME_AND_MATERIALS';
  if (type === 'FIXED_PRICE') return <AddTerm review={review} onChange={onChange} />;
  if (type === 'MANUAL') return <AddManual review={review} onChange={onChange} />;
  return <AddActivity review={review} onChange={onChange} />;
}

function useAdd(review: Review, onChange: (r: Review) => void) {
  const action = useAction();
  const add = async (body: unknown) => {
    const updated = await action.run(() => post<Review>('billing', `/reviews/${review.id}/lines`, body));
    if (updated) onChange(updated);
    return updated;
  };
  return { action, add };
}

function AddTerm({ review, onChange }: { review: Review; onChange: (r: Review) => void }) {
  const projectId = review.project!.id;
  const terms = useLoad(() => get<TermView[]>('billing', `/projects/${projectId}/terms`), [projectId, review.lines.length]);
  const { action, add } = useAdd(review, onChange);
  const taken = new Set(review.lines.map((l) => l.termId));
  const open = terms.data?.filter((t) => t.term.state === 'OPEN' && !taken.has(t.term.id)) ?? [];
  const [termId, setTermId] = useState('');
  const c = review.summary.currency;
  return (
    <fieldset aria-label="Add a term">
      <legend>Bill a term of the billing calendar</legend>
      {terms.data && open.length === 0 && (
        <p className="muted">No open term left to bill. <a href={`#/setup/${projectId}`}>Add one in the project's billing settings</a></p>
      )}
      {open.length > 0 && (
        <div className="form-row">
          <Field label="Term" name="termId" error={action.error}>
            <select aria-label="Term" value={termId} onChange={(e) => setTermId(e.target.value)}>
              <option value="">Choose a term…</option>
              {open.map((t) => <option key={t.term.id} value={t.term.id}>{t.term.name}: {money(t.term.amount, c)}, due {date(t.term.date)}</option>)}
            </select>
          </Field>
          <button disabled={!termId || action.busy} onClick={async () => { if (await add({ kind: 'TERM', termId })) setTermId(''); }}>Add term</button>
        </div>
      )}
      <ProblemBanner error={terms.error ?? action.error} />
    </fieldset>
  );
}

function AddActivity({ review, onChange }: { review: Review; onChange: (r: Review) => void }) {
  const billed = review.entries.filter((e) => e.decision === 'BILL' && e.billedInLine === null);
  const projectIds = [...new Set(billed.map((e) => e.projectId))];
  const plans = useLoad(() => Promise.all(projectIds.map((id) => get<ProjectPlan>('billing', `/projects/${id}/billing`))), [projectIds.join()]);
  const priced = plans.data?.filter((p) => p.activityPrices.length > 0) ?? [];
  const [form, setForm] = useState({ projectId: '', resourceId: '', activityType: '', from: review.options.periodFrom ?? '', to: review.options.periodTo ?? '' });
  const { action, add } = useAdd(review, onChange);
  if (priced.length === 0) return null;
  const plan = priced.find((p) => p.project.id === form.projectId) ?? (priced.length === 1 ? priced[0] : undefined);
  const people = [...new Map(billed.filter((e) => e.projectId === plan?.project.id).map((e) => [e.resourceId, e.resourceName])).entries()];
  const c = review.summary.currency;
  return (
    <fieldset aria-label="Bill days of an activity">
      <legend>Bill a consultant's days at an activity's daily price</legend>
      <div className="form-row">
        {priced.length > 1 && (
          <Field label="Project" name="projectId" error={action.error}>
            <select value={form.projectId} onChange={(e) => setForm({ ...form, projectId: e.target.value })}>
              <option value="">Choose a project…</option>
              {priced.map((p) => <option key={p.project.id} value={p.project.id}>{p.project.name}</option>)}
            </select>
          </Field>
        )}
        <Field label="Consultant" name="resourceId" error={action.error}>
          <select aria-label="Consultant" value={form.resourceId} onChange={(e) => setForm({ ...form, resourceId: e.target.value })}>
            <option value="">Choose…</option>
            {people.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </select>
        </Field>
        <Field label="Activity" name="activityType" error={action.error}>
          <select aria-label="Activity" value={form.activityType} onChange={(e) => setForm({ ...form, activityType: e.target.value })}>
            <option value="">Choose…</option>
            {plan?.activityPrices.map((a) => <option key={a.activityType} value={a.activityType}>{a.activityType}: {money(a.dailyPrice, c)} a day</option>)}
          </select>
        </Field>
        <Field label="From" name="from" error={action.error}><DateInput value={form.from} onChange={(v) => setForm({ ...form, from: v })} /></Field>
        <Field label="To" name="to" error={action.error}><DateInput value={form.to} onChange={(v) => setForm({ ...form, to: v })} /></Field>
        <button disabled={action.busy || !plan} onClick={() => add({
          kind: 'ACTIVITY', projectId: plan?.project.id, resourceId: form.resourceId || null, activityType: form.activityType || null,
          from: form.from || null, to: form.to || null,
        })}>Add days</button>
      </div>
      <ProblemBanner error={action.error} />
    </fieldset>
  );
}

function AddManual({ review, onChange }: { review: Review; onChange: (r: Review) => void }) {
  const catalog = useLoad(() => get<CatalogItem[]>('billing', '/catalog'), []);
  const empty = { catalogItemId: '', description: '', quantity: '1', unitPrice: '', amendment: false };
  const [form, setForm] = useState(empty);
  const { action, add } = useAdd(review, onChange);
  const item = catalog.data?.find((i) => i.id === form.catalogItemId);
  const save = async () => {
    const body = json({
      kind: 'MANUAL', catalogItemId: form.catalogItemId || null, description: form.description || null, quantity: decimal(form.quantity),
      unitPrice: decimal(form.unitPrice), amendment: form.amendment,
    });
    if (await add(body)) setForm(empty);
  };
  return (
    <fieldset aria-label="Add a manual line">
      <legend>Add a line from the catalog, or write one</legend>
      <div className="form-row">
        <Field label="From the catalog" name="catalogItemId" error={action.error}>
          <select aria-label="From the catalog" value={form.catalogItemId} onChange={(e) => setForm({ ...form, catalogItemId: e.target.value })}>
            <option value="">A line of my own</option>
            {catalog.data?.map((i) => <option key={i.id} value={i.id}>{i.name} ({price(i.unitPrice)} per {PER[i.unit] ?? i.unit})</option>)}
          </select>
        </Field>
        <Field label={item ? 'Description (empty: the item\'s name)' : 'Description'} name="description" error={action.error}>
          <input value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
        </Field>
        <Field label="Quantity" name="quantity" error={action.error}>
          <input inputMode="decimal" value={form.quantity} onChange={(e) => setForm({ ...form, quantity: e.target.value })} />
        </Field>
        <Field label={item ? 'Unit price (empty: the catalog\'s)' : 'Unit price'} name="unitPrice" error={action.error}>
          <input inputMode="decimal" value={form.unitPrice} onChange={(e) => setForm({ ...form, unitPrice: e.target.value })} />
        </Field>
        <label className="check"><input type="checkbox" checked={form.amendment} onChange={(e) => setForm({ ...form, amendment: e.target.checked })} /> Amendment (corrects an earlier invoice)</label>
        <button disabled={action.busy} onClick={save}>Add line</button>
      </div>
      <ProblemBanner error={catalog.error ?? action.error} />
    </fieldset>
  );
}

/** The invoice's lines as they will be printed: each hour entry billed, then the other lines. */
export function InvoiceLines({ review }: { review: Review }) {
  const c = review.summary.currency;
  const entries = review.entries.filter((e) => e.decision === 'BILL' && e.billedInLine === null);
  return (
    <table className="grid" aria-label="Lines of the invoice">
      <thead><tr><th>Line</th><th className="num">Quantity</th><th className="num">Unit price</th><th className="num">Amount</th></tr></thead>
      <tbody>
        {entries.length === 0 && review.lines.length === 0 && <tr><td colSpan={4} className="muted">No lines yet.</td></tr>}
        {entries.map((e) => (
          <tr key={e.entryId}>
            <td>{date(e.date)} · {e.resourceName} · {e.task}{e.cappedHours > 0 && <small className="warn-text"> · {hours(e.cappedHours)} kept off by the cap</small>}</td>
            <td className="num">{hours(e.hours)}</td><td className="num">{money(e.rate, c)}</td><td className="num">{money(e.amount, c)}</td>
          </tr>
        ))}
        {review.lines.map((l) => (
          <tr key={`line-${l.position}`}>
            <td>{l.amendment && <span className="badge warn">Amendment</span>} {l.description}</td>
            <td className="num nowrap">{l.quantity} {unit(l.unit)}</td><td className="num">{money(l.unitPrice, c)}</td><td className="num">{money(l.amount, c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
