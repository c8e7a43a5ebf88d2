import { useMemo, useState } from 'react';
import { call, get, post, query } from '../api';
import type { Me } from '../api';
import { DateInput } from '../components/DateInput';
import { Field, Loading, ProblemBanner } from '../components/Feedback';
import { useAction, useLoad } from '../components/useLoad';
import { Pager, SortHeader, useClientTable } from '../components/Table';
import { date, hours, money } from '../format';
import type { Customer, Page, Project, Resource, TimeEntry, Valuation } from '../model';

/** The approver's queue: submitted entries, filtered by customer and period, approved or rejected in bulk. */
export function Approvals({ me }: { me: Me }) {
  const mayDecide = me.roles.includes('approver');
  const [customerId, setCustomerId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string>();
  const action = useAction();

  const masters = useLoad(async () => {
    const [customers, projects, resources] = await Promise.all([
      get<Customer[]>('timesheet', '/customers'), get<Project[]>('timesheet', '/projects'), get<Resource[]>('timesheet', '/resources')]);
    return { customers, projects: new Map(projects.map((p) => [p.id, p])), resources: new Map(resources.map((r) => [r.id, r])) };
  }, []);
  const queue = useLoad(() => get<Page<TimeEntry>>('timesheet', '/time-entries' + query({ status: 'SUBMITTED', customerId, from, to, size: 1000 })),
    [customerId, from, to]);

  const customers = useMemo(() => new Map((masters.data?.customers ?? []).map((c) => [c.id, c])), [masters.data]);
  const customerName = (e: TimeEntry) => customers.get(e.customerId)?.name ?? '';
  const projectName = (e: TimeEntry) => masters.data?.projects.get(e.projectId)?.name ?? '';
  const consultant = (e: TimeEntry) => masters.data?.resources.get(e.resourceId)?.name ?? '';
  const table = useClientTable(queue.data?.items ?? [], {
    values: { date: (e) => e.date, customer: customerName, project: projectName, consultant, task: (e) => e.task, hours: (e) => e.hours },
    text: (e) => [customerName(e), projectName(e), consultant(e), e.task, e.description ?? '', e.date].join(' '),
    initial: { key: 'date', direction: 'ASC' },
  });
  // what a bulk action acts on: every entry the search finds, on any page
  const entries = table.filtered;
  const allSelected = entries.length > 0 && entries.every((e) => selected.has(e.id));
  // what the waiting (or selected) entries come to per currency, valued by timesheets at the rates approval will fix
  const counted = entries.filter((e) => selected.size === 0 || selected.has(e.id));
  const countedIds = counted.map((e) => e.id);
  const value = useLoad(async () => countedIds.length === 0 ? [] as Valuation[]
    : call<Valuation[]>('timesheet', '/time-entries/valuations', { method: 'POST', body: { entryIds: countedIds } }), [countedIds.join()]);

  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });

  const transition = async (command: 'approvals' | 'rejections') => {
    const entryIds = entries.filter((e) => selected.has(e.id)).map((e) => e.id);
    const result = await action.run(() => post<{ entries: number }>('timesheet', `/time-entries/${command}`,
      command === 'approvals' ? { entryIds } : { entryIds, reason }));
    if (result) {
      setDone(`${result.entries} ${result.entries === 1 ? 'entry' : 'entries'} ${command === 'approvals' ? 'approved' : 'rejected'}.`);
      setSelected(new Set());
      setReason('');
      await queue.reload();
    }
  };

  return (
    <section>
      <header className="page-header">
        <h1>Approval queue</h1>
        <p className="muted">Submitted time entries waiting for an approver. Approved hours become billable.</p>
      </header>
      <div className="filters">
        <Field label="Customer" name="customerId" error={queue.error}>
          <select value={customerId} onChange={(e) => setCustomerId(e.target.value)} aria-label="Customer">
            <option value="">All customers</option>
            {masters.data?.customers.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field label="From" name="from" error={queue.error}><DateInput filter value={from} onChange={(v) => setFrom(v)} /></Field>
        <Field label="To" name="to" error={queue.error}><DateInput filter value={to} onChange={(v) => setTo(v)} /></Field>
        <Field label="Search" name="search" error={undefined}>
          <input type="search" value={table.search} placeholder="customer, project, consultant, task" onChange={(e) => table.onSearch(e.target.value)} />
        </Field>
      </div>
      <p className="totals" data-testid="approval-totals">
        {selected.size === 0 ? 'Waiting' : 'Selected'}: {counted.length === 0 ? 'nothing' : value.data?.map((v) => (
          <span key={v.currency} className="total-currency" data-currency={v.currency}>
            {v.entries} {v.entries === 1 ? 'entry' : 'entries'} · {hours(v.hours)} · {money(v.amount, v.currency)}
          </span>
        ))}
        <span className="muted"> at the rates approval fixes</span>
      </p>
      <ProblemBanner error={queue.error ?? masters.error} />
      {done && <div className="notice" role="status">{done}</div>}
      {mayDecide && <div className="toolbar">
        <span>{selected.size} of {entries.length} selected</span>
        <button className="primary" disabled={selected.size === 0 || action.busy} onClick={() => transition('approvals')}>Approve selected</button>
        <Field label="Reason for rejection" name="reason" error={action.error}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. wrong project" />
        </Field>
        <button className="danger" disabled={selected.size === 0 || action.busy} onClick={() => transition('rejections')}>Reject selected</button>
      </div>}
      <ProblemBanner error={action.error} />
      {queue.loading && !queue.data ? <Loading /> : (
        <table className="grid" aria-label="Submitted entries">
          <thead>
            <tr>
              <th><input type="checkbox" aria-label="Select all" checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(entries.map((e) => e.id)))} /></th>
              <SortHeader label="Date" column="date" {...table} />
              <SortHeader label="Customer" column="customer" {...table} />
              <SortHeader label="Project" column="project" {...table} />
              <SortHeader label="Consultant" column="consultant" {...table} />
              <SortHeader label="Task" column="task" {...table} />
              <SortHeader label="Hours" column="hours" numeric {...table} />
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && <tr><td colSpan={7} className="muted">Nothing waiting for approval.</td></tr>}
            {table.rows.map((e) => (
              <tr key={e.id} className={selected.has(e.id) ? 'selected' : ''}>
                <td><input type="checkbox" aria-label={`Select entry ${e.date}`} checked={selected.has(e.id)} onChange={() => toggle(e.id)} /></td>
                <td className="nowrap">{date(e.date)}</td>
                <td>{customerName(e) || '…'}</td>
                <td>{projectName(e) || '…'}</td>
                <td>{consultant(e) || '…'}</td>
                <td>{e.task}{e.description ? <span className="muted"> — {e.description}</span> : null}</td>
                <td className="num">{hours(e.hours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={table.page} pages={table.pages} total={entries.length} noun="entries" onPage={table.onPage} />
    </section>
  );
}

