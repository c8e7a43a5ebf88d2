// Display only: every amount the console shows was computed and rounded by a service; the console never does money
// arithmetic, it formats what it is given.

export function money(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '–';
  if (!currency) return amount.toString();
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);
}

export function hours(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return `${new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value)} h`;
}

export function date(iso: string | null | undefined): string {
  if (!iso) return '–';
  const [year, month, day] = iso.substring(0, 10).split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });
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
