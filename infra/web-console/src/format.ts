// Display only: every amount the console shows was computed and rounded by a service; the console formats what it is
// given. The one sum it shows (totals of a list at a glance) is added in whole minor units, so no float rounding creeps in.

export function money(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '–';
  if (!currency) return amount.toString();
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);
}

export function hours(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return `${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value)} h`;
}

/** The person's own locale (the browser's language), for dates as their date fields show them. */
export function userLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-GB';
}

/** A date as the person's date fields show it (01/10/2026 in en-GB, 10/1/2026 in en-US): one format in fields and tables. */
export function date(iso: string | null | undefined, locale = userLocale()): string {
  if (!iso) return '–';
  const [year, month, day] = iso.substring(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
}

/** The person's date format as a pattern to type by, e.g. "dd/mm/yyyy". */
export function datePattern(locale = userLocale()): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2026, 11, 31)))
    .map((p) => (p.type === 'day' ? 'dd' : p.type === 'month' ? 'mm' : p.type === 'year' ? 'yyyy' : p.value)).join('');
}

/** A date typed in the person's format (or as ISO) to ISO yyyy-mm-dd; null when it is no real date. */
export function parseDate(text: string, locale = userLocale()): string | null {
  const trimmed = text.trim();
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const numbers = trimmed.split(/[^\d]+/).filter(Boolean).map(Number);
    const order = datePattern(locale).split(/[^dmy]+/).filter(Boolean);
    if (numbers.length !== 3 || order.length !== 3) return null;
    const part = (p: string) => numbers[order.findIndex((o) => o.startsWith(p))];
    [year, month, day] = [part('y'), part('m'), part('d')];
    if (year < 100) return null;
  }
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().substring(0, 10);
}

/** "DAYS_31_60" -> "31–60 days", the ageing buckets as a finance team says them. */
export function bucketLabel(bucket: string): string {
  if (bucket === 'CURRENT') return 'Not yet due';
  if (bucket === 'OVER_90') return 'Over 90 days';
  const match = /^DAYS_(\d+)_(\d+)$/.exec(bucket);
  return match ? `${match[1]}–${match[2]} days` : bucket;
}

/** "WRITE_OFF" -> "Write off". */
export function label(constant: string): string {
  const text = constant.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.substring(1);
}

/** Today in the browser's calendar, as ISO yyyy-mm-dd. */
export function today(): string {
  const now = new Date();
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().substring(0, 10);
}

const BILLING_TYPES: Record<string, string> = {
  TIME_AND_MATERIALS: 'Time and materials', FIXED_PRICE: 'Fixed price (terms)', CAPPED_TIME_AND_MATERIALS: 'Capped time and materials',
  MANUAL: 'Manual lines', NOT_BILLED: 'Not billed',
};

/** A project's billing type as a finance user says it. */
export function billingTypeName(type: string | null | undefined): string {
  return type ? BILLING_TYPES[type] ?? label(type) : 'All hourly work';
}

/** A unit price as the service keeps it: at least two decimals, up to four. */
export function price(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(value);
}

/** The decimals a currency is shown with (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2; // a code the browser does not know
  }
}

/** Sums amounts the services rounded to the currency's decimals, exactly: in whole minor units. */
export function sum(amounts: number[], digits: number): number {
  const scale = 10 ** digits;
  return amounts.reduce((total, a) => total + Math.round(a * scale), 0) / scale;
}

/** An amount or price to edit, written as the tables show it (2,880.00): grouped, with the currency's decimals. */
export function amountText(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 4) }).format(value);
}
