// Kazakhstan phone numbers → E.164 (+7XXXXXXXXXX): pure, no I/O.
//
// Kazakhstan and Russia share country code +7. Kazakhstan holds the
// national numbers starting with 6 and 7: mobile networks use the prefixes
// in MOBILE_PREFIXES, fixed lines the area codes 71x and 72x (Astana 7172,
// Almaty 727, Ust-Kamenogorsk 7232 …). National numbers starting with 3, 4,
// 8 or 9 are Russian ('phone_country'); any other +7 number, including an
// unassigned 6xx/7xx prefix, is refused as 'phone_format', and so are ten
// bare digits starting with 3, 4, 8 or 9 ("8 701 123 45 6" lacks a digit;
// it is not a number in Russia).
//
// Accepted ways of writing a number (spaces, dashes, dots and brackets are
// ignored; a '+' may only come first):
//   +7 701 123 45 67     international
//   8 (701) 123-45-67    with the trunk prefix 8 still used from landlines
//   7 701 123 4567       the country code without '+'
//   701 123 45 67        the ten national digits alone
//   8 10 7 701 …, 00 7 … the international access codes 8~10 and 00
// A '+', '00' or '8 10' followed by another country code is 'phone_country'.
// Rationale: docs/decisions/0010-person-identity.md.
import { z } from 'zod';

export type PhoneKind = 'mobile' | 'landline';
export type PhoneResult =
  | { ok: true; e164: string; kind: PhoneKind }
  | { ok: false; code: 'phone_format' | 'phone_country' };

/** Kazakhstan mobile prefixes (the three digits after +7), as inclusive ranges. */
export const MOBILE_PREFIXES: ReadonlyArray<readonly [number, number]> = [
  [700, 708], [747, 747], [750, 751], [760, 764], [771, 771], [775, 778],
];

/** Longest text looked at; a phone with all its punctuation fits easily. */
const MAX_INPUT = 40;

const kindOf = (national: string): PhoneKind | null => {
  const prefix = Number(national.slice(0, 3));
  if (MOBILE_PREFIXES.some(([lo, hi]) => prefix >= lo && prefix <= hi)) return 'mobile';
  return /^7[12]/.test(national) ? 'landline' : null;
};

/** Normalises a phone number as typed; see the header for what is accepted. */
export function normalisePhone(text: string): PhoneResult {
  const format = { ok: false, code: 'phone_format' } as const;
  const country = { ok: false, code: 'phone_country' } as const;
  const typed = text.trim();
  if (typed.length > MAX_INPUT || !/^\+?[0-9\s().-]+$/.test(typed)) return format;

  const digits = typed.replace(/[^0-9]/g, '');
  let national: string;
  let prefixed = true; // a country code or trunk prefix was typed
  if (typed.startsWith('+') || digits.startsWith('00') || (digits.startsWith('810') && digits.length > 11)) {
    const afterAccess = typed.startsWith('+') ? digits : digits.slice(digits.startsWith('00') ? 2 : 3);
    if (afterAccess === '') return format;
    if (afterAccess[0] !== '7') return country;
    national = afterAccess.slice(1);
  } else if (digits.length === 11 && (digits[0] === '8' || digits[0] === '7')) {
    national = digits.slice(1);
  } else {
    national = digits;
    prefixed = false;
  }

  if (national.length !== 10) return format;
  if (/^[3489]/.test(national)) return prefixed ? country : format;
  const kind = kindOf(national);
  return kind === null ? format : { ok: true, e164: `+7${national}`, kind };
}

/**
 * A number for display, grouped +7 XXX XXX XX XX ("+7 701 123 45 67";
 * landlines the same way, since area codes have 3 to 5 digits). Text that
 * is not a Kazakhstan number is returned unchanged.
 */
export function formatPhone(e164: string): string {
  const r = normalisePhone(e164);
  if (!r.ok) return e164;
  const n = r.e164.slice(2);
  return `+7 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
}

/**
 * API schema: a phone as typed → E.164. Errors carry 'phone_format' or
 * 'phone_country' as the message, for translation by the client.
 */
export const Phone = z
  .string()
  .max(MAX_INPUT, { message: 'phone_format' })
  .transform((text, ctx) => {
    const r = normalisePhone(text);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.code });
      return z.NEVER;
    }
    return r.e164;
  })
  .describe('A Kazakhstan phone number; stored as +7XXXXXXXXXX');
