import { useState } from 'react';
import { get, post } from '../api';
import { Loading, ProblemBanner } from '../components/Feedback';
import { useAction, useLoad } from '../components/useLoad';
import { date, hours, label } from '../format';
import type { Customer, DrawDown, FrameOrder } from '../model';
import { UsageBar } from '../components/UsageBar';

/** Each customer's blanket POs: how much of the agreed hours is billed, what remains, and every draw-down. */
export function FrameOrders({ canClose }: { canClose: boolean }) {
  const data = useLoad(async () => {
    const [orders, customers] = await Promise.all([get<FrameOrder[]>('frame-order', '/frame-orders'), get<Customer[]>('timesheet', '/customers')]);
    return { orders, customers: new Map(customers.map((c) => [c.id, c.name])) };
  }, []);
  const [open, setOpen] = useState<string>();
  const action = useAction();
  // finance closes a PO the customer has ended: no invoice draws on it any more, what it has drawn stays
  const close = async (f: FrameOrder) => {
    if (!window.confirm(`Close frame order ${f.poNumber}? No invoice will draw on it any more; what it has drawn stays.`)) return;
    if (await action.run(() => post('frame-order', `/frame-orders/${f.id}/closure`))) data.reload();
  };

  return (
    <section>
      <header className="page-header">
        <h1>Frame orders</h1>
        <p className="muted">Blanket purchase orders: pools of pre-agreed hours, drawn down by every invoice linked to them.</p>
      </header>
      <ProblemBanner error={data.error ?? action.error} />
      {data.loading && !data.data && <Loading />}
      <div className="frame-orders">
        {data.data?.orders.length === 0 && <p className="muted">No frame orders yet.</p>}
        {data.data?.orders.map((f) => (
          <article key={f.id} className="card frame-order" data-po={f.poNumber}>
            <header>
              <h2>{f.poNumber}</h2>
              <span className="muted">{data.data?.customers.get(f.customerId) ?? ''} · valid {date(f.validFrom)} – {date(f.validTo)}</span>
              <span className={`badge status-${f.status.toLowerCase()}`}>{label(f.status)}</span>
            </header>
            <UsageBar total={f.totalHours} used={f.billedHours} />
            <dl className="figures">
              <dt>Total</dt><dd>{hours(f.totalHours)}</dd>
              <dt>Billed</dt><dd data-testid="billed-hours">{hours(f.billedHours)}</dd>
              <dt>Remaining</dt><dd data-testid="remaining-hours">{hours(f.remainingHours)}</dd>
              <dt>Utilization</dt><dd>{f.utilizationPercent}%</dd>
            </dl>
            <div className="actions">
              <button className="link" onClick={() => setOpen(open === f.id ? undefined : f.id)}>{open === f.id ? 'Hide draw-downs' : 'Show draw-downs'}</button>
              {canClose && f.status === 'OPEN' && (
                <button className="danger" aria-label={`Close frame order ${f.poNumber}`} disabled={action.busy} onClick={() => close(f)}>Close</button>
              )}
            </div>
            {open === f.id && <DrawDowns frameOrderId={f.id} />}
          </article>
        ))}
      </div>
    </section>
  );
}

function DrawDowns({ frameOrderId }: { frameOrderId: string }) {
  const history = useLoad(() => get<{ drawDowns: DrawDown[] }>('frame-order', `/frame-orders/${frameOrderId}`), [frameOrderId]);
  if (history.error) return <ProblemBanner error={history.error} />;
  if (!history.data) return <Loading />;
  return (
    <table className="grid" aria-label="Draw-downs">
      <thead><tr><th>When</th><th>Invoice</th><th className="num">Hours</th><th>Status</th><th>Note</th></tr></thead>
      <tbody>
        {history.data.drawDowns.length === 0 && <tr><td colSpan={5} className="muted">Nothing drawn yet.</td></tr>}
        {history.data.drawDowns.map((d) => (
          <tr key={d.id}>
            <td className="nowrap">{date(d.at)}</td><td className="nowrap">{d.invoiceNumber ?? '–'}</td><td className="num">{hours(d.hours)}</td>
            <td>{label(d.status)}</td><td className="muted">{d.note ?? (d.invoiceNumber ? '' : 'Generate & Issue under way')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
