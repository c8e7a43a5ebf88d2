import { describe, expect, it } from 'vitest';
import { ApiError, describeStatus, query, retryDelay } from './api';

describe('api', () => {
  it('builds a query from the values that are set', () => {
    expect(query({ customerId: 'c1', status: '', page: 0, overdue: undefined })).toBe('?customerId=c1&page=0');
    expect(query({})).toBe('');
  });

  it('finds the message for the field a problem names', () => {
    const error = new ApiError({ status: 400, detail: 'The request has invalid fields.',
      errors: [{ field: 'decisions[0].reason', message: 'a write-off needs a reason' }, { field: 'paymentTermsDays', message: 'must be greater than or equal to 0' }] });
    expect(error.forField('paymentTermsDays')).toBe('must be greater than or equal to 0');
    expect(error.forField('reason')).toBe('a write-off needs a reason');
    expect(error.forField('notes')).toBeUndefined();
    expect(error.message).toBe('The request has invalid fields.');
  });

  it('retries a 409 that says when to ask again, a few times only', () => {
    const answer = (status: number, retryAfter: string | null) => ({ status, headers: { get: () => retryAfter } });
    expect(retryDelay(answer(409, '1'), 1)).toBe(1000);
    expect(retryDelay(answer(409, '60'), 1)).toBe(5000);
    expect(retryDelay(answer(409, '1'), 4)).toBeNull();
    expect(retryDelay(answer(409, null), 1)).toBeNull();
    expect(retryDelay(answer(400, '1'), 1)).toBeNull();
  });

  it('says what a bare status means', () => {
    expect(describeStatus(403)).toContain('role');
    expect(describeStatus(503)).toContain('not answering');
  });
});
