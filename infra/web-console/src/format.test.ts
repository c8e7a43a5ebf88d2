import { describe, expect, it } from 'vitest';
import { billingTypeName, bucketLabel, date, hours, label, money, price, totalsPerCurrency } from './format';

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
    expect(date('2026-10-01', 'en-GB')).toBe('01/10/2026');
    expect(date('2026-10-01', 'de-CH')).toBe('01.10.2026');
  });

  it('names ageing buckets and constants for people', () => {
    expect(bucketLabel('DAYS_31_60')).toBe('31–60 days');
    expect(bucketLabel('CURRENT')).toBe('Not yet due');
    expect(label('WRITE_OFF')).toBe('Write off');
  });

  it('shows unit prices with two to four decimals, never rounded to two', () => {
    expect(price(1250)).toBe('1,250.00');
    expect(price(12.3456)).toBe('12.3456');
    expect(price(null)).toBe('–');
  });

  it('names billing types as a finance user says them', () => {
    expect(billingTypeName('CAPPED_TIME_AND_MATERIALS')).toBe('Capped time and materials');
    expect(billingTypeName(null)).toBe('All hourly work');
  });

  it('adds a list\'s amounts exactly, per currency', () => {
    const rows = [{ c: 'EUR', a: 0.1 }, { c: 'EUR', a: 0.2 }, { c: 'JPY', a: 9997 }, { c: 'EUR', a: 177.33 }];
    expect(totalsPerCurrency(rows, (r) => r.c, (r) => r.a)).toEqual([
      { currency: 'EUR', amount: 177.63, hours: 0 }, { currency: 'JPY', amount: 9997, hours: 0 }]);
  });
});
