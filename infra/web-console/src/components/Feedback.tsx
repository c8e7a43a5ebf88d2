import { ApiError } from '../api';

/** The problem an action ran into: the service's own detail, and each field it names. */
export function ProblemBanner({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    return <div className="problem" role="alert">{String(error instanceof Error ? error.message : error)}</div>;
  }
  const { problem } = error;
  return (
    <div className="problem" role="alert" data-status={problem.status}>
      <strong>{problem.title ?? 'Request failed'}</strong>
      {problem.detail && <span> — {problem.detail}</span>}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A labelled input with the message of the problem that names it, right below it. */
export function Field({ label, name, error, children }: { label: string; name: string; error: unknown; children: React.ReactNode }) {
  const message = error instanceof ApiError ? error.forField(name) : undefined;
  return (
    <label className={message ? 'field invalid' : 'field'} data-field={name}>
      <span>{label}</span>
      {children}
      {message && <small className="field-error" role="alert">{message}</small>}
    </label>
  );
}

export function Tile({ label, value, tone }: { label: string; value: React.ReactNode; tone?: 'good' | 'warn' | 'muted' }) {
  return (
    <div className={`tile ${tone ?? ''}`} data-tile={label}>
      <span>{label}</span>
      <strong>{value}</strong>
    </div>
  );
}

export function Loading() {
  return <p className="muted">Loading…</p>;
}
