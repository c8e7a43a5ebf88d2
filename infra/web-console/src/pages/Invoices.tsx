import { useMemo, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { ApiError, decimal, get, json, newIdempotencyKey, post, query } from '../api';
import { Pager, SortHeader } from '../components/Table';
import type { Sort } from '../components/Table';
import type { Me } from '../api';
import { DateInput } from '../components/DateInput';
import { Field, Loading, ProblemBanner, Tile } from '../components/Feedback';
import { DownloadLink } from '../components/DownloadLink';
import { useAction, useLoad } from '../components/useLoad';
import { amountText, date, label, minorDigits, money, today } from '../format';
import type { Customer, InvoiceListItem, Page, StatusTotal } from '../model';

const STATUSES = ['ISSUED', 'SENT', 'PAID', 'VOID'];
const PAGE_SIZE = 50;
const PAYMENT_MODES = ['TRANSFER', 'CARD', 'CHEQUE', 'CASH', 'DIRECT_DEBIT'];

type Dialog = { kind: 'send' | 'void' | 'pay'; invoice: InvoiceListItem } | undefined;

/** Issued invoices with their lifecycle (send, void by credit note, record payment), documents and totals per status. */
export function Invoices({ me }: { me: Me }) {
  const [customerId, setCustomerId] = useState('');
  const [status, setStatus] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [dialog, setDialog] = useState<Dialog>();
  const [done, setDone] = useState<string>();
  const customers = useLoad(() => get<Customer[]>('timesheet', '/customers'), []);
  const filter = { customerId, overdue: overdue || undefined };
  const [sort, setSort] = useState<Sort>({ key: 'ISSUE_DATE', direction: 'DESC' });
  const [page, setPage] = useState(0);
  const [number, setNumber] = useState('');
  const list = useLoad(async () => {
    if (number.trim()) {
      // one invoice by its number, or none
      type Found = Omit<InvoiceListItem, 'customerId' | 'customerName'> & { buyer: { customerId: string; name: string } };
      const found = await get<Found>('invoice', `/invoices/by-number/${encodeURIComponent(number.trim())}`)
        .then((i): InvoiceListItem[] => [{ ...i, customerId: i.buyer.customerId, customerName: i.buyer.name }],
          (e) => (e instanceof ApiError && e.problem.status === 404 ? [] : Promise.reject(e)));
      return { items: found, page: 0, size: PAGE_SIZE, totalItems: found.length } as Page<InvoiceListItem>;
    }
    return get<Page<InvoiceListItem>>('invoice', '/invoices' + query({ ...filter, status, sort: sort.key, direction: sort.direction, page, size: PAGE_SIZE }));
  }, [customerId, status, overdue, sort, page, number]);
  const header = { sort, onSort: (s: Sort) => { setSort(s); setPage(0); } };
  const pages = Math.max(1, Math.ceil((list.data?.totalItems ?? 0) / PAGE_SIZE));
  const totals = useLoad(() => get<StatusTotal[]>('invoice', '/invoices/totals' + query(filter)), [customerId, overdue]);
  const reload = async (message: string) => {
    setDialog(undefined);
    setDone(message);
    await Promise.all([list.reload(), totals.reload()]);
  };
  const canFinance = me.roles.includes('finance');
  const canSend = canFinance || me.roles.includes('billing_clerk');

  return (
    <section>
      <header className="page-header">
        <h1>Invoices</h1>
        <p className="muted">Issued invoices never change: a mistake is corrected by voiding with a credit note.</p>
      </header>
      <div className="tiles" aria-label="Totals per status">
        {STATUSES.map((s) => {
          const rows = (totals.data ?? []).filter((t) => t.status === s);
          return (
            <Tile key={s} label={label(s)} tone={s === 'PAID' ? 'good' : s === 'VOID' ? 'muted' : undefined}
              value={rows.length === 0 ? '0' : rows.map((t) => <div key={t.currency}>{t.invoices} · {money(t.total, t.currency)}{s !== 'PAID' && s !== 'VOID' ? <small> ({money(t.amountOpen, t.currency)} open)</small> : null}</div>)} />
          );
        })}
      </div>
      <div className="filters">
        <Field label="Customer" name="customerId" error={list.error}>
          <select aria-label="Customer" value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
            <option value="">All customers</option>
            {customers.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field label="Status" name="status" error={list.error}>
          <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => <option key={s} value={s}>{label(s)}</option>)}
          </select>
        </Field>
        <Field label="Invoice number" name="number" error={undefined}>
          <input type="search" value={number} placeholder="e.g. INV-2026-00042" onChange={(e) => { setNumber(e.target.value); setPage(0); }} />
        </Field>
        <label className="check"><input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> Overdue only</label>
      </div>
      <ProblemBanner error={list.error ?? totals.error} />
      {done && <div className="notice" role="status">{done}</div>}
      {dialog?.kind === 'send' && <SendDialog invoice={dialog.invoice} onDone={reload} onCancel={() => setDialog(undefined)} />}
      {dialog?.kind === 'void' && <VoidDialog invoice={dialog.invoice} onDone={reload} onCancel={() => setDialog(undefined)} />}
      {dialog?.kind === 'pay' && <PaymentDialog invoice={dialog.invoice} onDone={reload} onCancel={() => setDialog(undefined)} />}
      {list.loading && !list.data ? <Loading /> : (
        <table className="grid" aria-label="Invoices">
          <thead>
            <tr>
              <SortHeader label="Number" column="NUMBER" {...header} />
              <SortHeader label="Customer" column="CUSTOMER" {...header} />
              <SortHeader label="Issued" column="ISSUE_DATE" {...header} />
              <SortHeader label="Due" column="DUE_DATE" {...header} />
              <SortHeader label="Total" column="TOTAL" numeric {...header} />
              <SortHeader label="Open" column="AMOUNT_OPEN" numeric {...header} />
              <th>Status</th><th>Documents</th><th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.length === 0 && <tr><td colSpan={9} className="muted">No invoices match.</td></tr>}
            {list.data?.items.map((i) => (
              <tr key={i.id} data-invoice={i.number}>
                <td className="nowrap"><strong>{i.number}</strong></td>
                <td>{i.customerName}</td>
                <td className="nowrap">{date(i.issueDate)}</td>
                <td className="nowrap">{date(i.dueDate)}{i.overdue && <span className="badge warn">overdue</span>}</td>
                <td className="num">{money(i.total, i.currency)}</td>
                <td className="num">{money(i.amountOpen, i.currency)}</td>
                <td><span className={`badge status-${i.status.toLowerCase()}`} data-testid="invoice-status">{label(i.status)}</span></td>
                <td className="links">
                  <DownloadLink href={`api/invoice/invoices/${i.id}/pdf`} fileName={`${i.number}.pdf`}>PDF</DownloadLink>
                  <DownloadLink href={`api/invoice/invoices/${i.id}/factur-x`} fileName={`${i.number}-factur-x.pdf`}>Factur-X</DownloadLink>
                  <DownloadLink href={`api/invoice/invoices/${i.id}/xrechnung`} fileName={`${i.number}-xrechnung.xml`}>XRechnung</DownloadLink>
                </td>
                <td className="row-actions">
                  {canSend && i.status === 'ISSUED' && <button onClick={() => setDialog({ kind: 'send', invoice: i })}>Send</button>}
                  {canFinance && (i.status === 'ISSUED' || i.status === 'SENT') && <button onClick={() => setDialog({ kind: 'pay', invoice: i })}>Record payment</button>}
                  {canFinance && (i.status === 'ISSUED' || i.status === 'SENT') && i.amountPaid === 0 && <button className="danger" onClick={() => setDialog({ kind: 'void', invoice: i })}>Void</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} total={list.data?.totalItems ?? 0} noun="invoices" onPage={setPage} />
    </section>
  );
}

function SendDialog({ invoice, onDone, onCancel }: { invoice: InvoiceListItem; onDone: (m: string) => void; onCancel: () => void }) {
  const [mode, setMode] = useState('EMAIL');
  const [sentOn, setSentOn] = useState(today());
  const action = useAction();
  const send = async () => {
    const result = await action.run(() => post('invoice', `/invoices/${invoice.id}/sending`, { mode, sentOn }));
    if (result) onDone(`${invoice.number} marked as sent.`);
  };
  return (
    <Dialog title={`Send ${invoice.number}`} onCancel={onCancel}>
      <div className="form-row">
        <Field label="Sent by" name="mode" error={action.error}>
          <select value={mode} onChange={(e) => setMode(e.target.value)}>{['EMAIL', 'PORTAL', 'POST'].map((m) => <option key={m} value={m}>{label(m)}</option>)}</select>
        </Field>
        <Field label="Sent on" name="sentOn" error={action.error}><DateInput value={sentOn} onChange={(v) => setSentOn(v)} /></Field>
      </div>
      <ProblemBanner error={action.error} />
      <button className="primary" disabled={action.busy} onClick={send}>Mark as sent</button>
    </Dialog>
  );
}

function VoidDialog({ invoice, onDone, onCancel }: { invoice: InvoiceListItem; onDone: (m: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [entries, setEntries] = useState('RETURN_TO_POOL');
  const action = useAction();
  const voidIt = async () => {
    const result = await action.run(() => post<{ number: string }>('invoice', `/invoices/${invoice.id}/voiding`, { reason, entries }));
    if (result) onDone(`${invoice.number} voided by credit note ${result.number}.`);
  };
  return (
    <Dialog title={`Void ${invoice.number}`} onCancel={onCancel}>
      <p className="muted">A credit note cancels the invoice in full; the invoice itself stays on record.</p>
      <div className="form-row">
        <Field label="Reason" name="reason" error={action.error}><input value={reason} onChange={(e) => setReason(e.target.value)} /></Field>
        <Field label="Its hours" name="entries" error={action.error}>
          <select value={entries} onChange={(e) => setEntries(e.target.value)}>
            <option value="RETURN_TO_POOL">Back to the pool, to bill again</option>
            <option value="WRITE_OFF">Written off</option>
          </select>
        </Field>
      </div>
      <ProblemBanner error={action.error} />
      <button className="danger" disabled={action.busy} onClick={voidIt}>Void with a credit note</button>
    </Dialog>
  );
}

function PaymentDialog({ invoice, onDone, onCancel }: { invoice: InvoiceListItem; onDone: (m: string) => void; onCancel: () => void }) {
  const [amount, setAmount] = useState(amountText(invoice.amountOpen, minorDigits(invoice.currency)));
  const [paidOn, setPaidOn] = useState(today());
  const [mode, setMode] = useState('TRANSFER');
  const [fee, setFee] = useState('0');
  const [reference, setReference] = useState('');
  // one key per dialog: a double click or a retry after a timeout records the payment once
  const idempotencyKey = useMemo(newIdempotencyKey, []);
  const action = useAction();
  const pay = async () => {
    // amounts travel as the text typed, so the service (BigDecimal) sees exactly what the person entered
    const body = json({ invoiceId: invoice.id, paidOn, mode, currency: invoice.currency, amount: decimal(amount), fee: decimal(fee), reference: reference || null });
    const result = await action.run(() => post('payment', '/payments', body, { 'Idempotency-Key': idempotencyKey }));
    if (result) onDone(`Payment of ${money(Number(decimal(amount)?.text), invoice.currency)} recorded on ${invoice.number}.`);
  };
  return (
    <Dialog title={`Record a payment on ${invoice.number}`} onCancel={onCancel}>
      <p className="muted">Open: {money(invoice.amountOpen, invoice.currency)}. A partial payment leaves the rest open.</p>
      <div className="form-row">
        <Field label={`Amount (${invoice.currency})`} name="amount" error={action.error}><input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} /></Field>
        <Field label="Paid on" name="paidOn" error={action.error}><DateInput value={paidOn} onChange={(v) => setPaidOn(v)} /></Field>
        <Field label="Mode" name="mode" error={action.error}>
          <select value={mode} onChange={(e) => setMode(e.target.value)}>{PAYMENT_MODES.map((m) => <option key={m} value={m}>{label(m)}</option>)}</select>
        </Field>
        <Field label="Bank fee" name="fee" error={action.error}><input inputMode="decimal" value={fee} onChange={(e) => setFee(e.target.value)} /></Field>
        <Field label="Reference" name="reference" error={action.error}><input value={reference} onChange={(e) => setReference(e.target.value)} /></Field>
      </div>
      <ProblemBanner error={action.error} />
      <button className="primary" disabled={action.busy} onClick={pay}>Record payment</button>
    </Dialog>
  );
}
