// Turning an error into words for people, and a 400's `fields` into a map
// from field path (`name.kk`, `lat`) to the message to show under that input.
import type { TFunction } from 'i18next';
import { ApiError } from './api';

export type FieldErrors = Record<string, string>;

export function fieldErrors(error: unknown): FieldErrors {
  const map: FieldErrors = {};
  if (error instanceof ApiError) {
    for (const f of error.fields) {
      const path = f.field.replace(/\[(\d+)\]/g, '.$1').replace(/^body\./, '');
      if (!map[path]) map[path] = f.message || f.code;
    }
  }
  return map;
}

/** Field errors whose path matches none of the form's inputs (shown above the buttons). */
export function otherFieldErrors(errors: FieldErrors, known: string[]): string[] {
  return Object.entries(errors)
    .filter(([path]) => !known.some((k) => path === k || path.startsWith(`${k}.`)))
    .map(([path, message]) => `${path}: ${message}`);
}

/** The first error for a field or any of its sub-fields (`facilitators.2` for `facilitators`). */
export function errorFor(errors: FieldErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}

export function isOffline(error: unknown): boolean {
  return error instanceof TypeError || (typeof navigator !== 'undefined' && navigator.onLine === false);
}

/** One sentence for a failed request, in the reader's language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'conflict': return t('common.conflict');
      case 'not_found': return t('common.notFound');
      case 'forbidden': return t('common.forbidden');
      case 'rate_limited': return t('auth.rateLimited');
      case 'invalid_credentials': return t('auth.invalidCredentials');
      case 'validation': return error.message || t('common.validation');
      default:
        if (error.status >= 500) return t('common.serverError');
        return error.message || t('common.error');
    }
  }
  if (isOffline(error)) return t('common.offline');
  return t('common.error');
}

/** Required fields left empty, checked before a request is spent on them. */
export function missingRequired(t: TFunction, values: Record<string, unknown>): FieldErrors {
  const missing: FieldErrors = {};
  for (const [path, value] of Object.entries(values)) {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      missing[path] = t('common.required');
    }
  }
  return missing;
}
