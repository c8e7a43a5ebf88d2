import { describe, expect, it } from 'vitest';
import { amountText, billingTypeName, bucketLabel, date, hours, label, money, minorDigits, parseDate, datePattern, price, sum } from './format';

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

  it('adds amounts exactly, in the currency\'s minor units', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sum([0.1, 0.2], minorDigits('EUR'))).toBe(0.3);
    expect(sum([9997, 3], minorDigits('JPY'))).toBe(10000);
    expect(minorDigits('XYZ!')).toBe(2);
  });

  it('reads dates typed in the person\'s format, or as ISO, and nothing that is no date', () => {
    expect(datePattern('en-GB')).toBe('dd/mm/yyyy');
    expect(datePattern('en-US')).toBe('mm/dd/yyyy');
    expect(parseDate('31/10/2026', 'en-GB')).toBe('2026-10-31');
    expect(parseDate('10/31/2026', 'en-US')).toBe('2026-10-31');
    expect(parseDate('31.10.2026', 'de-CH')).toBe('2026-10-31');
    expect(parseDate('2026-10-31', 'en-US')).toBe('2026-10-31');
    expect(parseDate('31/02/2026', 'en-GB')).toBeNull();
    expect(parseDate('31/10/26', 'en-GB')).toBeNull();
    expect(parseDate('soon', 'en-GB')).toBeNull();
  });

  it('writes amounts to edit as the tables show them', () => {
    expect(amountText(2880, 2)).toBe('2,880.00');
    expect(amountText(12.3456, 2)).toBe('12.3456');
    expect(amountText(9997, 0)).toBe('9,997');
    expect(amountText(null)).toBe('');
  });
});
