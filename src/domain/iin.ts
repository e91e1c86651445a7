// Kazakhstan's individual identification number (ЖСН / ИИН): pure, no I/O.
//
// Twelve digits, read left to right:
//   1–6   the birth date as YYMMDD;
//   7     century and sex: 1/2 = born in the 1800s, 3/4 = 1900s,
//         5/6 = 2000s; odd = male, even = female;
//   8–11  a serial number;
//   12    the check digit (see iinChecksum).
// A 7th digit of 0 (foreign citizens whose century and sex are not encoded)
// or 7–9 (not used for people) is refused as 'iin_format': such a number
// tells us no birth date or sex, so it cannot be cross-checked, and the IIN
// is optional on a learner anyway. A BIN (legal entity) is not a person's
// number and is refused the same way.
// Checks run format → date → checksum, so the most specific error wins:
// an impossible date points at digits 1–6, a bad checksum only says that
// some digit is wrong. Rationale: docs/decisions/0010-person-identity.md.
import { z } from 'zod';

export type Sex = 'male' | 'female';
export type IinError = 'iin_format' | 'iin_checksum' | 'iin_date';
export type IinMismatch = 'iin_birth_date_mismatch' | 'iin_sex_mismatch';

export type IinResult =
  | { ok: true; iin: string; birthDate: string; sex: Sex }
  | { ok: false; code: IinError };

const FIRST_PASS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

const weightedMod11 = (digits: string, weights: readonly number[]): number => {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i];
  return sum % 11;
};

/**
 * The check digit for the first 11 digits: the sum of digit × weight with
 * weights 1..11, modulo 11; when that is 10, again with weights
 * 3..11, 1, 2. Null when the second pass is also 10 (no IIN is ever issued
 * with such a prefix) or when the input is not exactly 11 ASCII digits.
 */
export function iinChecksum(first11: string): number | null {
  if (!/^[0-9]{11}$/.test(first11)) return null;
  const first = weightedMod11(first11, FIRST_PASS);
  if (first !== 10) return first;
  const second = weightedMod11(first11, SECOND_PASS);
  return second === 10 ? null : second;
}

/** The 12 digits with whitespace removed, or null if anything else is there. */
export function normaliseIin(text: string): string | null {
  const digits = text.replace(/\s+/g, '');
  return /^[0-9]{12}$/.test(digits) ? digits : null;
}

const CENTURY: Readonly<Record<string, number>> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

/** 'YYYY-MM-DD' if year, month and day form a real calendar date, else null. */
function calendarDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Parses and validates an IIN typed with or without spaces. On success
 * returns the normalised 12 digits, the birth date and the sex it encodes.
 * A birth date in the future is not checked here (it depends on "today");
 * the learner schema compares it with the current date.
 */
export function parseIin(text: string): IinResult {
  const iin = normaliseIin(text);
  if (iin === null) return { ok: false, code: 'iin_format' };
  const century = CENTURY[iin[6]];
  if (century === undefined) return { ok: false, code: 'iin_format' };

  const birthDate = calendarDate(
    century + Number(iin.slice(0, 2)),
    Number(iin.slice(2, 4)),
    Number(iin.slice(4, 6)),
  );
  if (birthDate === null) return { ok: false, code: 'iin_date' };
  if (iinChecksum(iin.slice(0, 11)) !== Number(iin[11])) return { ok: false, code: 'iin_checksum' };

  return { ok: true, iin, birthDate, sex: Number(iin[6]) % 2 === 1 ? 'male' : 'female' };
}

/**
 * Contradictions between an IIN and the birth date / sex recorded next to
 * it. An IIN that does not parse yields [] (report its own error with
 * parseIin); a fact that is missing is not compared.
 */
export function crossCheckIin(
  iin: string,
  facts: { birthDate?: string | null; sex?: Sex | null },
): IinMismatch[] {
  const parsed = parseIin(iin);
  if (!parsed.ok) return [];
  const out: IinMismatch[] = [];
  if (facts.birthDate && facts.birthDate.trim() !== parsed.birthDate) out.push('iin_birth_date_mismatch');
  if (facts.sex && facts.sex !== parsed.sex) out.push('iin_sex_mismatch');
  return out;
}

/**
 * API schema: a string (spaces allowed) → the normalised 12 digits. Errors
 * carry the codes above as messages ('iin_format', 'iin_date',
 * 'iin_checksum') for translation by the client.
 */
export const Iin = z
  .string()
  .max(40, { message: 'iin_format' })
  .transform((text, ctx) => {
    const parsed = parseIin(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.code });
      return z.NEVER;
    }
    return parsed.iin;
  })
  .describe('Individual identification number (IIN): 12 digits, spaces allowed');
