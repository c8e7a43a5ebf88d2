import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, decimal, describeStatus, json, post, query, retryDelay } from './api';

describe('api', () => {
  it('shows a service\'s message without the ids meant for API clients', () => {
    const error = new ApiError({ status: 404, detail: 'no review 3f0c6a1e-9b2d-4c11-8f00-0123456789ab', errors: [
      { field: 'entryId', message: 'entry 3F0C6A1E-9B2D-4C11-8F00-0123456789AB (x) is not part of this review' }] });
    expect(error.message).toBe('no review');
    expect(error.forField('entryId')).toBe('entry (x) is not part of this review');
  });

  it('reads an amount written as the tables show it', () => {
    expect(decimal('2,880.00')?.text).toBe('2880.00');
    expect(decimal('-1,234,567.5')?.text).toBe('-1234567.5');
    expect(decimal('12,5')?.text).toBe('"12,5"');
  });

  it('sends a typed amount as written, with no float in between', () => {
    expect(json({ amount: decimal(" 4500.10 "), name: "Term \"1\"", none: decimal(""), typo: decimal("12,5") }).text)
      .toBe(String.raw`{"amount":4500.10,"name":"Term \"1\"","none":null,"typo":"12,5"}`);
  });

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

  describe('posts', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('carry an Idempotency-Key of their own, the same when asked again after a 409 with Retry-After', async () => {
      const keys: string[] = [];
      let calls = 0;
      vi.stubGlobal('document', { cookie: '' });
      vi.stubGlobal('fetch', async (_url: string, init: { headers: Record<string, string> }) => {
        keys.push(init.headers['Idempotency-Key']);
        calls++;
        const headers = { get: (name: string) => (name === 'Retry-After' && calls === 1 ? '0' : name === 'Content-Type' ? 'application/json' : null) };
        return calls === 1
          ? { ok: false, status: 409, headers, text: async () => '{}', json: async () => ({}) }
          : { ok: true, status: 200, headers, text: async () => '{"id":"r1"}' };
      });
      expect(await post<{ id: string }>('billing', '/reviews', { customerId: 'c1' })).toEqual({ id: 'r1' });
      await post('billing', '/reviews', { customerId: 'c2' });
      expect(keys).toHaveLength(3);
      expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
      expect(keys[1]).toBe(keys[0]);
      expect(keys[2]).not.toBe(keys[0]);
    });
  });
});
