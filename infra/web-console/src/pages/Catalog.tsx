import { useState } from 'react';
import { decimal, get, json, post, put } from '../api';
import { Field, Loading, ProblemBanner } from '../components/Feedback';
import { useAction, useLoad } from '../components/useLoad';
import { amountText, label, price } from '../format';
import type { CatalogItem } from '../model';

const UNITS: [string, string][] = [['C62', 'piece'], ['HUR', 'hour'], ['DAY', 'day'], ['MON', 'month'], ['ANN', 'year']];
const unitName = (code: string) => UNITS.find(([c]) => c === code)?.[1] ?? code;

/**
 * The products and services manual lines start from. Changing an item changes the lines still to come; a retired item
 * is offered no more, and invoices that used it keep the name and price they copied.
 */
export function Catalog({ canEdit }: { canEdit: boolean }) {
  const [withRetired, setWithRetired] = useState(false);
  const items = useLoad(() => get<CatalogItem[]>('billing', `/catalog${withRetired ? '?retired=true' : ''}`), [withRetired]);
  const [editing, setEditing] = useState<string>();
  const action = useAction();
  const retire = async (item: CatalogItem) => {
    if (!window.confirm(`Retire "${item.name}"? It is offered for no new invoice line; issued invoices keep it.`)) return;
    if (await action.run(() => post('billing', `/catalog/${item.id}/retirement`))) items.reload();
  };
  return (
    <section>
      <header className="page-header">
        <h1>Catalog</h1>
        <p className="muted">Products and services that manual invoice lines start from.</p>
      </header>
      {canEdit && <div className="card"><h2>Add a product or service</h2><ItemForm onDone={items.reload} /></div>}
      <label className="check"><input type="checkbox" checked={withRetired} onChange={(e) => setWithRetired(e.target.checked)} /> Show retired items</label>
      <ProblemBanner error={items.error ?? action.error} />
      {items.loading && !items.data && <Loading />}
      <table className="grid" aria-label="Catalog">
        <thead><tr><th>Name</th><th>Type</th><th>Description</th><th>Unit</th><th className="num">Unit price</th><th /></tr></thead>
        <tbody>
          {items.data?.length === 0 && <tr><td colSpan={6} className="muted">The catalog is empty.</td></tr>}
          {items.data?.map((i) => editing === i.id ? (
            <tr key={i.id}><td colSpan={6}><ItemForm item={i} onDone={() => { setEditing(undefined); items.reload(); }} onCancel={() => setEditing(undefined)} /></td></tr>
          ) : (
            <tr key={i.id} data-item={i.name} className={i.retired ? 'retired' : ''}>
              <td>{i.name}{i.retired && <span className="badge">Retired</span>}</td>
              <td>{label(i.type)}</td>
              <td className="muted">{i.description ?? '–'}</td>
              <td>{unitName(i.unit)}</td>
              <td className="num">{price(i.unitPrice)}</td>
              <td className="row-actions">
                {canEdit && !i.retired && <>
                  <button aria-label={`Edit ${i.name}`} onClick={() => setEditing(i.id)}>Edit</button>
                  <button className="danger" aria-label={`Retire ${i.name}`} onClick={() => retire(i)}>Retire</button>
                </>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ItemForm({ item, onDone, onCancel }: { item?: CatalogItem; onDone: () => void; onCancel?: () => void }) {
  const start = { name: item?.name ?? '', type: item?.type ?? 'SERVICE', description: item?.description ?? '', unitPrice: amountText(item?.unitPrice), unit: item?.unit ?? 'C62' };
  const [form, setForm] = useState(start);
  const action = useAction();
  const save = async () => {
    const body = json({ name: form.name, type: form.type, description: form.description || null, unitPrice: decimal(form.unitPrice), unit: form.unit });
    const done = await action.run(() => (item ? put('billing', `/catalog/${item.id}`, body) : post('billing', '/catalog', body)));
    if (done) {
      setForm({ name: '', type: 'SERVICE', description: '', unitPrice: '', unit: 'C62' });
      onDone();
    }
  };
  return (
    <div aria-label={item ? `Change ${item.name}` : 'New catalog item'}>
      <div className="form-row">
        <Field label="Name" name="name" error={action.error}><input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></Field>
        <Field label="Type" name="type" error={action.error}>
          <select value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as CatalogItem['type'] })}>
            <option value="SERVICE">Service</option><option value="PRODUCT">Product</option>
          </select>
        </Field>
        <Field label="Unit" name="unit" error={action.error}>
          <select value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value })}>
            {UNITS.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </Field>
        <Field label="Unit price" name="unitPrice" error={action.error}><input inputMode="decimal" value={form.unitPrice} onChange={(e) => setForm({ ...form, unitPrice: e.target.value })} /></Field>
      </div>
      <Field label="Description (printed under the line)" name="description" error={action.error}>
        <input value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      </Field>
      <ProblemBanner error={action.error} />
      <div className="actions">
        {onCancel && <button onClick={onCancel}>Cancel</button>}
        <button className="primary" onClick={save} disabled={action.busy}>{item ? 'Save item' : 'Add to catalog'}</button>
      </div>
    </div>
  );
}
