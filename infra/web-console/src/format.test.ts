import { describe, expect, it } from 'vitest';
import { bucketLabel, date, hours, label, money } from './format';

describe('format', () => {
  it('shows amounts in their currency with its own decimals', () => {
    expect(money(14994, 'EUR')).toBe('€14,994.00');
    expect(money(1200, 'JPY')).toBe('JP¥1,200');
    expect(money(null, 'EUR')).toBe('–');
  });

  it('shows hours without trailing zeros', () => {
    expect(hours(7.5)).toBe('7.5 h');
    expect(hours(75)).toBe('75 h');
  });

  it('reads ISO dates as calendar days, whatever the time zone', () => {
    expect(date('2026-10-01')).toBe('01 Oct 2026');
  });

  it('names ageing buckets and constants for people', () => {
    expect(bucketLabel('DAYS_31_60')).toBe('31–60 days');
    expect(bucketLabel('CURRENT')).toBe('Not yet due');
    expect(label('WRITE_OFF')).toBe('Write off');
  });
});
