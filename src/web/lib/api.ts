// The one door from the web app to the documented API: JSON in, JSON out,
// the session's CSRF token on every state-changing request, errors as ApiError.

export interface FieldError { field: string; code: string; message: string }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Remember the CSRF token answered by GET /api/auth/me (null after logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Params = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, params?: Params): string {
  if (!params) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // Server messages (validation errors) come back in the language the user is reading.
  const lang = document.documentElement.lang;
  if (lang) headers['accept-language'] = lang;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      payload?.code ?? 'http_error',
      payload?.message ?? response.statusText,
      payload?.fields ?? [],
    );
  }
  return payload as T;
}

export function apiGet<T>(path: string, params?: Params): Promise<T> {
  return request<T>('GET', withQuery(path, params));
}

export function apiSend<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return request<T>(method, path, body ?? {});
}

export interface Page<T> { items: T[]; nextCursor: string | null }
