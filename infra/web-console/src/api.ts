// The console talks only to the gateway: /api/<service>/... with the session cookie, and the CSRF token the gateway
// hands out in the XSRF-TOKEN cookie echoed in a header on every write (Spring Security's single-page-app setup).

/** An RFC 9457 problem as the services send it; `errors` names the fields at fault. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  field?: string;
  errors?: { field: string; message: string }[];
}

/**
 * A service's message as a person reads it: ids are for API clients (who sent them), so the console leaves them out.
 * "no review 3f0c…-…" becomes "no review".
 */
export function readable(text: string): string;
export function readable(text: string | undefined): string | undefined;
export function readable(text: string | undefined): string | undefined {
  return text?.replace(/\s*\(?\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b\)?/gi, '');
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    const shown = { ...problem, detail: readable(problem.detail), errors: problem.errors?.map((e) => ({ ...e, message: readable(e.message) })) };
    super(shown.detail ?? shown.title ?? `HTTP ${shown.status}`);
    this.problem = shown;
  }

  /** The message for one field, if the problem names it. */
  forField(field: string): string | undefined {
    const named = this.problem.errors?.find((e) => e.field === field || e.field.endsWith('.' + field));
    if (named) return named.message;
    return this.problem.field === field ? this.problem.detail : undefined;
  }
}

/** A JSON body sent exactly as written, so a typed amount reaches the service's BigDecimal without a float in between. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type Service = 'timesheet' | 'billing' | 'frame-order' | 'invoice' | 'payment';

/** The CSRF token the gateway keeps in the XSRF-TOKEN cookie, to echo in the X-XSRF-TOKEN header of every write. */
export function csrfToken(): string | undefined {
  const token = document.cookie
    .split('; ')
    .find((c) => c.startsWith('XSRF-TOKEN='))
    ?.substring('XSRF-TOKEN='.length);
  return token === undefined ? undefined : decodeURIComponent(token);
}

/** Reads a problem from any failed answer, also one that is not problem+json (a proxy's 502, say). */
export async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      return { ...body, status: body.status ?? response.status };
    } catch {
      /* fall through */
    }
  }
  return { status: response.status, title: response.statusText || 'Request failed', detail: describeStatus(response.status) };
}

export function describeStatus(status: number): string {
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'Your role does not allow this.';
  if (status === 429) return 'Too many requests; wait a moment and try again.';
  if (status >= 500) return 'The service is not answering right now; try again shortly.';
  return `HTTP ${status}`;
}

/**
 * How long to wait before asking again, or null: a 409 with Retry-After means "not known here yet" (a customer created a
 * moment ago that another service learns of by event), so the console retries a few times before showing the problem.
 */
export function retryDelay(response: { status: number; headers: { get(name: string): string | null } }, attempt: number): number | null {
  const after = response.headers.get('Retry-After');
  if (response.status !== 409 || after === null || attempt > 3) return null;
  const seconds = Number(after);
  return Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0), 5) * 1000 : null;
}

export async function call<T>(service: Service, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...init.headers };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const send = () => fetch(`api/${service}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : init.body instanceof RawJson ? init.body.text : JSON.stringify(init.body),
  });
  let response = await send();
  for (let attempt = 1, wait = retryDelay(response, attempt); wait !== null; wait = retryDelay(response, ++attempt)) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    response = await send();
  }
  if (response.status === 401) {
    window.dispatchEvent(new Event('hourbill:signed-out'));
  }
  if (!response.ok) throw new ApiError(await problemOf(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T,>(service: Service, path: string) => call<T>(service, path);
/**
 * A new Idempotency-Key: one per action, so a POST the gateway (or the console) sends again after a lost answer is
 * carried out once. From getRandomValues, which a page served over plain HTTP has too (randomUUID needs HTTPS).
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const post = <T,>(service: Service, path: string, body?: unknown, headers?: Record<string, string>) =>
  call<T>(service, path, { method: 'POST', body: body ?? {}, headers: { 'Idempotency-Key': newIdempotencyKey(), ...headers } });
export const put = <T,>(service: Service, path: string, body: unknown) => call<T>(service, path, { method: 'PUT', body });
export const patch = <T,>(service: Service, path: string, body: unknown) =>
  call<T>(service, path, { method: 'PATCH', body, headers: { 'Idempotency-Key': newIdempotencyKey() } });
export const del = <T,>(service: Service, path: string) => call<T>(service, path, { method: 'DELETE' });

/** Query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface Me {
  user: string;
  name: string;
  roles: string[];
}

export async function whoAmI(): Promise<Me | null> {
  const response = await fetch('me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 401) return null;
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response.json();
}

/**
 * A decimal typed by a person, sent as written: no float in between. Text that is no number goes as a string, so the
 * service refuses it with a message naming the field; an empty field is null.
 */
export function decimal(text: string): RawJson | null {
  const typed = text.trim();
  if (typed === '') return null;
  // 2,880.00 as the tables show it is 2880.00; any other use of commas is left for the service to refuse
  const trimmed = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(typed) ? typed.replace(/,/g, '') : typed;
  return new RawJson(/^-?\d+(\.\d+)?$/.test(trimmed) ? trimmed : JSON.stringify(trimmed));
}

export function json(fields: Record<string, string | number | boolean | null | RawJson | string[]>): RawJson {
  return new RawJson('{' + Object.entries(fields).map(([k, v]) => `${JSON.stringify(k)}:${v instanceof RawJson ? v.text : JSON.stringify(v)}`).join(',') + '}');
}
