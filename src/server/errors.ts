// Errors carry a code, an HTTP status and translatable parameters; services throw them,
// the app's error handler turns them into the documented JSON in the caller's language.

export interface FieldIssue { field: string; code: string; params?: Record<string, unknown> }

export type ErrorCode =
  | 'validation' | 'unauthenticated' | 'invalid_credentials' | 'forbidden' | 'csrf' | 'not_found'
  | 'conflict' | 'rate_limited' | 'too_large' | 'inactive';

const STATUS: Record<ErrorCode, number> = {
  validation: 400, unauthenticated: 401, invalid_credentials: 401, inactive: 401, forbidden: 403, csrf: 403,
  not_found: 404, conflict: 409, too_large: 413, rate_limited: 429,
};

export class KeregeError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, readonly fields: FieldIssue[] = [], readonly detail?: string) {
    super(detail ?? code);
    this.status = STATUS[code];
  }
}

export const notFound = () => new KeregeError('not_found');
export const forbidden = () => new KeregeError('forbidden');
export const conflict = (detail = 'stale_version') => new KeregeError('conflict', [], detail);
export const invalid = (field: string, code: string, params?: Record<string, unknown>) =>
  new KeregeError('validation', [{ field, code, params }]);

/** Our field-error codes from zod's issue codes and our own refinement messages. */
export function fieldCode(code: string, message: string | undefined): string {
  if (message && /^[a-z_]+$/.test(message)) return message; // our own codes: code_format, end_before_start …
  switch (code) {
    case 'too_small': return 'too_small';
    case 'too_big': return 'too_big';
    case 'invalid_type': return 'required_or_type';
    case 'invalid_format': return 'invalid_format';
    case 'invalid_value': return 'invalid_value';
    default: return 'invalid';
  }
}
