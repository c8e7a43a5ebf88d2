import { useEffect, useState } from 'react';
import { date, datePattern, parseDate } from '../format';

/**
 * A date typed in the person's own format, the one every table of the console shows (a browser's date field would
 * show its own). ISO dates (2026-10-31) are understood too. What cannot be read is passed on as typed, so the
 * service refuses it with a message under the field.
 */
export function DateInput({ value, onChange, id, filter, ...rest }: {
  value: string; onChange: (iso: string) => void; id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string;
  /** a filter acts only on a whole date (or none), not on every key typed */
  filter?: boolean;
}) {
  const [text, setText] = useState(value ? date(value) : '');
  // a value set from outside (a loaded review, a reset form) shows in the person's format
  useEffect(() => {
    if ((parseDate(text) ?? text) !== value) setText(value ? date(value) : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const typed = (next: string) => {
    setText(next);
    const iso = next.trim() === '' ? '' : parseDate(next);
    if (iso !== null) onChange(iso);
    else if (!filter) onChange(next.trim());
  };
  return (
    <input id={id} {...rest} inputMode="numeric" autoComplete="off" placeholder={datePattern()} value={text}
      onChange={(e) => typed(e.target.value)} onBlur={() => { const iso = parseDate(text); if (iso) setText(date(iso)); }} />
  );
}
