import { cloneElement, useId } from 'react';
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

/**
 * A labelled input with the message of the problem that names it, right below it. The label points at the control
 * (not around it), so the control's accessible name is the label alone, and the message is its description.
 */
export function Field({ label, name, error, children }: { label: string; name: string; error: unknown; children: React.ReactElement<Record<string, unknown>> }) {
  const id = useId();
  const message = error instanceof ApiError ? error.forField(name) : undefined;
  const control = cloneElement(children, {
    id, 'aria-invalid': message ? true : undefined, 'aria-describedby': message ? `${id}-error` : undefined,
  });
  return (
    <div className={message ? 'field invalid' : 'field'} data-field={name}>
      <label htmlFor={id}>{label}</label>
      {control}
      {message && <small className="field-error" id={`${id}-error`} role="alert">{message}</small>}
    </div>
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
