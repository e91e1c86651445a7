// Certificates (M3): zod schemas shared by server and web, the verification code's alphabet,
// and dates and hours written the way each language writes them on a document. No I/O here.
// Decision: docs/decisions/0017-certificates.md.
import { z } from 'zod';
import { IdOrCode, ListQuery, Locale } from './common.js';
import type { Locale as LocaleName } from './vocabulary.js';

export const CERTIFICATE_LIMITS = {
  /** Characters of a verification code: 12 × 5 bits = 60 bits from a random source. */
  codeLength: 12,
  reasonMax: 500,
} as const;

/**
 * 32 symbols, 5 bits each: digits and capital Latin letters without those read as another
 * (0/O, 1/I). L stays: with no 1 there is nothing to confuse it with.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A code as typed or scanned (any case, grouped with dashes or spaces) → its stored form. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function isCertificateCode(code: string): boolean {
  if (code.length !== CERTIFICATE_LIMITS.codeLength) return false;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return false;
  return true;
}

/** ABCD-EFGH-JKMN: easier to read aloud and to type from paper. */
export function groupCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

// ------------------------------------------------------------------ dates and hours

const MONTHS: Record<LocaleName, readonly string[]> = {
  // Kazakh: "2016 ж. 8 сәуір" (year first, month in the nominative)
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  // Russian: "8 апреля 2016 г." (month in the genitive)
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

interface Day { y: number; m: number; d: number }
const parts = (iso: string): Day => {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
};
const year = (y: number, locale: LocaleName) => (locale === 'kk' ? `${y} ж.` : locale === 'ru' ? `${y} г.` : String(y));
/** Day and month without the year. */
const dayMonth = ({ m, d }: Day, locale: LocaleName) => `${d} ${MONTHS[locale][m - 1]}`;
const withYear = (text: string, y: number, locale: LocaleName) => (locale === 'kk' ? `${year(y, locale)} ${text}` : `${text} ${year(y, locale)}`);

/** A date as written on a document: kk "2016 ж. 8 сәуір", ru "8 апреля 2016 г.", en "8 April 2016". */
export function formatDate(iso: string, locale: LocaleName): string {
  const day = parts(iso);
  return withYear(dayMonth(day, locale), day.y, locale);
}

/**
 * A span of days, the shared year and month written once: en "4–8 April 2016",
 * "28 March – 8 April 2016", "28 December 2015 – 8 January 2016"; ru "4–8 апреля 2016 г.";
 * kk "2016 ж. 4–8 сәуір".
 */
export function formatDateRange(start: string, end: string, locale: LocaleName): string {
  if (start === end) return formatDate(start, locale);
  const a = parts(start);
  const b = parts(end);
  if (a.y !== b.y) return `${formatDate(start, locale)} – ${formatDate(end, locale)}`;
  if (a.m === b.m) return withYear(`${a.d}–${dayMonth(b, locale)}`, a.y, locale);
  return withYear(`${dayMonth(a, locale)} – ${dayMonth(b, locale)}`, a.y, locale);
}

/** Hours: whole numbers as they are, else up to two decimals (a decimal comma in kk and ru). */
export function formatHours(hours: number, locale: LocaleName): string {
  const text = String(Math.round(hours * 100) / 100);
  return locale === 'en' ? text : text.replace('.', ',');
}

// ------------------------------------------------------------------ API shapes

export const CertificateIssueInput = z.object({
  language: Locale.describe('Language of the certificate: kk, ru or en'),
}).describe('Issue a certificate for a completed enrolment');

export const CertificateRevokeInput = z.object({
  reason: z.string().trim().min(1).max(CERTIFICATE_LIMITS.reasonMax).describe('Why it is revoked (kept in the record and the audit)'),
}).describe('Revoke a certificate: it then verifies as revoked');

export const Certificate = z.object({
  id: z.string(),
  version: z.string(),
  code: z.string().describe('The verification code (12 characters; printed grouped as XXXX-XXXX-XXXX)'),
  verifyUrl: z.string().describe('The public page the QR code links to'),
  enrolmentId: z.string(),
  learnerId: z.string(),
  trainingId: z.string(),
  centreId: z.string(),
  language: Locale,
  holderName: z.string().describe('As printed: the name as written when it was issued'),
  courseName: z.string().describe("As printed, in the certificate's language"),
  centreName: z.string().describe("As printed, in the certificate's language"),
  hours: z.number().describe('Hours attended, as printed'),
  startDate: z.string(),
  endDate: z.string(),
  issuedOn: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).describe('A certificate (names a learner: scoped staff only)');

export const CertificateListQuery = ListQuery.omit({ q: true, includeArchived: true }).extend({
  enrolment: IdOrCode.optional().describe('Only the certificates of this enrolment'),
  learner: IdOrCode.optional().describe('Only the certificates of this learner'),
  training: IdOrCode.optional().describe('Only the certificates of this training'),
});

/** The public answer (contract of issue 4): nothing but what is printed on the certificate. */
export const CertificateVerification = z.object({
  valid: z.boolean().describe('Issued and not revoked'),
  revoked: z.boolean(),
  name: z.string().describe('The name printed on the certificate'),
  course: z.string(),
  centre: z.string(),
  issuedOn: z.string(),
}).describe('What a verification code confirms');

/** A code as typed or scanned; anything that is not a code is simply not found. */
export const CodeParams = z.object({ code: z.string() });
/** The page's language; anything else falls back to the browser's languages. */
export const VerifyPageQuery = z.object({ lang: Locale.optional().catch(undefined) });

export type CertificateListQuery = z.infer<typeof CertificateListQuery>;
