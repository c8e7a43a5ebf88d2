import { useMemo, useState } from 'react';
import { get, post, query } from '../api';
import type { Me } from '../api';
import { Field, Loading, ProblemBanner } from '../components/Feedback';
import { useAction, useLoad } from '../components/useLoad';
import { date, hours } from '../format';
import type { Customer, Page, Project, Resource, TimeEntry } from '../model';

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

  const entries = queue.data?.items ?? [];
  const customers = useMemo(() => new Map((masters.data?.customers ?? []).map((c) => [c.id, c])), [masters.data]);
  const allSelected = entries.length > 0 && entries.every((e) => selected.has(e.id));

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
        <Field label="From" name="from" error={queue.error}><input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></Field>
        <Field label="To" name="to" error={queue.error}><input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></Field>
      </div>
      <ProblemBanner error={queue.error ?? masters.error} />
      {done && <div className="notice" role="status">{done}</div>}
      {mayDecide && <div className="toolbar">
        <span>{selected.size} of {entries.length} selected · {hours(entries.filter((e) => selected.has(e.id)).reduce((sum, e) => sum + e.hours, 0))}</span>
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
              <th>Date</th><th>Customer</th><th>Project</th><th>Consultant</th><th>Task</th><th className="num">Hours</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && <tr><td colSpan={7} className="muted">Nothing waiting for approval.</td></tr>}
            {entries.map((e) => (
              <tr key={e.id} className={selected.has(e.id) ? 'selected' : ''}>
                <td><input type="checkbox" aria-label={`Select entry ${e.date}`} checked={selected.has(e.id)} onChange={() => toggle(e.id)} /></td>
                <td>{date(e.date)}</td>
                <td>{customers.get(e.customerId)?.name ?? '…'}</td>
                <td>{masters.data?.projects.get(e.projectId)?.name ?? '…'}</td>
                <td>{masters.data?.resources.get(e.resourceId)?.name ?? '…'}</td>
                <td>{e.task}{e.description ? <span className="muted"> — {e.description}</span> : null}</td>
                <td className="num">{hours(e.hours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
