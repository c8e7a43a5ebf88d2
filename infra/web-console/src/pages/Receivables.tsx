import { get } from '../api';
import { Loading, ProblemBanner } from '../components/Feedback';
import { useLoad } from '../components/useLoad';
import { bucketLabel, date, minorDigits, money, sum } from '../format';
import type { Ageing, Customer, Receivable } from '../model';

const BUCKETS = ['CURRENT', 'DAYS_1_30', 'DAYS_31_60', 'DAYS_61_90', 'OVER_90'];

/** What customers owe, by how late it is, and the invoices past their due date. */
export function Receivables() {
  const data = useLoad(async () => {
    const [ageing, overdue, customers] = await Promise.all([get<Ageing[]>('payment', '/receivables/ageing'),
      get<Receivable[]>('payment', '/receivables/overdue'), get<Customer[]>('timesheet', '/customers')]);
    return { ageing, overdue, customers: new Map(customers.map((c) => [c.id, c.name])) };
  }, []);
  const name = (id: string) => data.data?.customers.get(id) ?? '…';
  const currencies = [...new Set(data.data?.ageing.map((a) => a.currency) ?? [])].sort();
  const total = (currency: string, value: (a: Ageing) => number) =>
    sum(data.data!.ageing.filter((a) => a.currency === currency).map(value), minorDigits(currency));

  return (
    <section>
      <header className="page-header">
        <h1>Receivables</h1>
        <p className="muted">Open amounts per customer by age past the due date.</p>
      </header>
      <ProblemBanner error={data.error} />
      {data.loading && !data.data && <Loading />}
      {data.data && (
        <>
          <table className="grid" aria-label="Ageing">
            <thead><tr><th>Customer</th>{BUCKETS.map((b) => <th key={b} className="num">{bucketLabel(b)}</th>)}<th className="num">Open</th></tr></thead>
            <tbody>
              {data.data.ageing.length === 0 && <tr><td colSpan={7} className="muted">Nothing is owed.</td></tr>}
              {data.data.ageing.map((a) => (
                <tr key={a.customerId + a.currency}>
                  <td>{name(a.customerId)}</td>
                  {BUCKETS.map((b) => <td key={b} className={`num ${b !== 'CURRENT' && a.buckets[b] > 0 ? 'warn-text' : ''}`}>{money(a.buckets[b] ?? 0, a.currency)}</td>)}
                  <td className="num"><strong>{money(a.totalOpen, a.currency)}</strong></td>
                </tr>
              ))}
            </tbody>
            {currencies.length > 0 && (
              <tfoot>
                {currencies.map((c) => (
                  <tr key={c} data-testid={`total-${c}`}>
                    <th scope="row">Total {c}</th>
                    {BUCKETS.map((b) => <td key={b} className="num">{money(total(c, (a) => a.buckets[b] ?? 0), c)}</td>)}
                    <td className="num"><strong>{money(total(c, (a) => a.totalOpen), c)}</strong></td>
                  </tr>
                ))}
              </tfoot>
            )}
          </table>
          <h2>Overdue invoices</h2>
          <table className="grid" aria-label="Overdue invoices">
            <thead><tr><th>Invoice</th><th>Customer</th><th>Due</th><th className="num">Days late</th><th className="num">Open</th></tr></thead>
            <tbody>
              {data.data.overdue.length === 0 && <tr><td colSpan={5} className="muted">No invoice is overdue.</td></tr>}
              {data.data.overdue.map((r) => (
                <tr key={r.invoiceId}>
                  <td>{r.number}</td><td>{name(r.customerId)}</td><td>{date(r.dueDate)}</td>
                  <td className="num">{r.daysPastDue}</td><td className="num">{money(r.amountOpen, r.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
