// The learner form's state, what it sends, and the checks made before sending:
// the server's own schema and rules (src/domain/learning.ts, iin.ts, phone.ts)
// run here too, so a facilitator hears about a mistyped IIN while typing; the
// server checks again on save.
import type { TFunction } from 'i18next';
import { crossCheckIin, normaliseIin, parseIin } from '../../../domain/iin';
import {
  LEARNING_LIMITS, LearnerInput, ageOn, isoToday,
  type EDUCATION, type EMPLOYMENT_STATUS, type LEARNER_LANGUAGES, type SEX, type TARGET_GROUPS,
} from '../../../domain/learning';
import { formatPhone, normalisePhone } from '../../../domain/phone';
import type { FieldErrors } from '../../lib/errors';
import type { Learner, MatchQuery } from './api';

/**
 * The consent text agreed to when registering here. The schema only bounds its
 * length (LEARNING_LIMITS.consentVersionMax); no shared constant names the text,
 * so the web app names the one it shows (`learners.consent.text` in each locale).
 */
export const CONSENT_VERSION = 'kerege-consent-1';

export type Sex = (typeof SEX)[number];
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type Education = (typeof EDUCATION)[number];
export type EmploymentStatus = (typeof EMPLOYMENT_STATUS)[number];
export type LearnerLanguage = (typeof LEARNER_LANGUAGES)[number];

export interface LearnerForm {
  lastName: string;
  firstName: string;
  middleName: string;
  sex: Sex | '';
  birthDate: string;
  phone: string;
  iin: string;
  settlementId: string | null;
  languages: LearnerLanguage[];
  education: Education | null;
  employmentStatus: EmploymentStatus | null;
  registeredUnemployed: boolean;
  targetGroups: TargetGroup[];
  centreId: string | null;
  /** The person (or guardian) agreed: ticked by the facilitator, required for a new record. */
  consentGiven: boolean;
  consentDate: string;
  guardianName: string;
}

/** Every input of the form, by the API's field path: the order of the error summary. */
export const FIELD_ORDER = [
  'lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'iin', 'phone', 'settlementId', 'languages',
  'education', 'employmentStatus', 'registeredUnemployed', 'targetGroups', 'centreId',
  'consent.date', 'consent.guardianName', 'consentGiven', 'consent.version', 'consent',
] as const;

/** The element id of the input for an API field path (the error summary links to it). */
export const inputId = (path: string) => `learner-${path.replace(/\./g, '-')}`;

export function initialForm(learner: Learner | undefined, defaultCentre: string | null): LearnerForm {
  if (!learner) {
    return {
      lastName: '', firstName: '', middleName: '', sex: '', birthDate: '', phone: '', iin: '', settlementId: null,
      languages: [], education: null, employmentStatus: null, registeredUnemployed: false, targetGroups: [],
      centreId: defaultCentre, consentGiven: false, consentDate: isoToday(), guardianName: '',
    };
  }
  return {
    lastName: learner.lastName, firstName: learner.firstName, middleName: learner.middleName ?? '', sex: learner.sex,
    birthDate: learner.birthDate, phone: learner.phone ? formatPhone(learner.phone) : '', iin: learner.iin ?? '', settlementId: learner.settlementId,
    languages: [...learner.languages], education: learner.education, employmentStatus: learner.employmentStatus,
    registeredUnemployed: learner.registeredUnemployed, targetGroups: [...learner.targetGroups],
    centreId: learner.centreId, consentGiven: true, consentDate: learner.consent.date,
    guardianName: learner.consent.guardianName ?? '',
  };
}

const blank = (s: string) => (s.trim() === '' ? null : s.trim());

/** The LearnerInput body (blank text is "none": null). */
export function toBody(form: LearnerForm): Record<string, unknown> {
  return {
    centreId: form.centreId,
    lastName: form.lastName.trim(),
    firstName: form.firstName.trim(),
    middleName: blank(form.middleName),
    sex: form.sex || undefined,
    birthDate: form.birthDate,
    phone: blank(form.phone),
    iin: blank(form.iin),
    settlementId: form.settlementId,
    languages: form.languages,
    education: form.education,
    employmentStatus: form.employmentStatus,
    registeredUnemployed: form.registeredUnemployed,
    targetGroups: form.targetGroups,
    consent: { date: form.consentDate, version: CONSENT_VERSION, guardianName: blank(form.guardianName) },
  };
}

/** For an edit: only what changed (a new consent only when its date or guardian changed). */
export function changedBody(form: LearnerForm, before: LearnerForm): Record<string, unknown> {
  const next = toBody(form);
  const old = toBody(before);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (key === 'consent') continue;
    if (JSON.stringify(value) !== JSON.stringify(old[key])) out[key] = value;
  }
  if (form.consentDate !== before.consentDate || form.guardianName.trim() !== before.guardianName.trim()) {
    out.consent = next.consent;
  }
  return out;
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** A birth date that could be right: a real date, not in the future, not before 1900. */
export function plausibleBirthDate(value: string): boolean {
  return isCalendarDate(value) && value >= LEARNING_LIMITS.birthDateMin && value <= isoToday();
}

/** Under 18 at the consent date: a parent or guardian consents too. */
export function needsGuardian(form: Pick<LearnerForm, 'birthDate' | 'consentDate'>): boolean {
  return plausibleBirthDate(form.birthDate) && isCalendarDate(form.consentDate) && form.consentDate >= form.birthDate
    && ageOn(form.birthDate, form.consentDate) < LEARNING_LIMITS.adultAge;
}

export interface PhoneState { e164: string | null; code: 'phone_format' | 'phone_country' | null }

/** The phone as typed: its E.164 form when whole, an error once enough is typed to tell. */
export function phoneState(text: string, final: boolean): PhoneState {
  if (!text.trim()) return { e164: null, code: null };
  const r = normalisePhone(text);
  if (r.ok) return { e164: r.e164, code: null };
  const digits = text.replace(/\D/g, '').length;
  // "+1…" is another country at once; otherwise wait for ten digits (or leaving the field).
  if (r.code === 'phone_country' && /^\s*(\+|00)/.test(text) && digits >= 2) return { e164: null, code: r.code };
  return { e164: null, code: final || digits >= 10 ? r.code : null };
}

export interface IinState {
  iin: string | null;
  birthDate?: string;
  sex?: Sex;
  code: string | null;
}

/** The IIN as typed: parsed when whole, with its contradictions with the birth date and sex. */
export function iinState(text: string, facts: { birthDate: string; sex: Sex | '' }, final: boolean): IinState {
  if (!text.trim()) return { iin: null, code: null };
  const digits = text.replace(/\s+/g, '');
  if (!/^\d*$/.test(digits) || digits.length > 12) return { iin: null, code: 'iin_format' };
  if (digits.length < 12) return { iin: null, code: final ? 'iin_format' : null };
  const parsed = parseIin(text);
  if (!parsed.ok) return { iin: null, code: parsed.code };
  const mismatch = crossCheckIin(parsed.iin, {
    birthDate: isCalendarDate(facts.birthDate) ? facts.birthDate : null, sex: facts.sex || null,
  });
  return { iin: parsed.iin, birthDate: parsed.birthDate, sex: parsed.sex, code: mismatch[0] ?? null };
}

/**
 * What to ask the duplicate check, or null until it can answer: a first and
 * last name with a birth date or a whole phone, or a whole valid IIN (the
 * server answers nothing for less; docs/decisions/0011).
 */
export function matchQuery(form: LearnerForm, exclude?: string): MatchQuery | null {
  const lastName = form.lastName.trim();
  const firstName = form.firstName.trim();
  const birthDate = plausibleBirthDate(form.birthDate) ? form.birthDate : undefined;
  const phone = phoneState(form.phone, false).e164 ?? undefined;
  const iin = normaliseIin(form.iin) && parseIin(form.iin).ok ? normaliseIin(form.iin)! : undefined;
  const named = lastName !== '' && firstName !== '';
  if (!iin && !(named && (birthDate || phone))) return null;
  const query: MatchQuery = {
    lastName: lastName || undefined, firstName: firstName || undefined, middleName: form.middleName.trim() || undefined,
    birthDate, phone, iin, exclude,
  };
  for (const key of Object.keys(query) as (keyof MatchQuery)[]) if (query[key] === undefined) delete query[key];
  return query;
}

/** A field code the server (and locales' errors.field.*) knows, in the reader's language. */
export function codeMessage(t: TFunction, code: string, values?: Record<string, unknown>): string {
  const key = `errors.field.${code}`;
  const text = t(key, values ?? {});
  return text === key ? t('errors.field.invalid') : text;
}

/**
 * The same checks as the server's LearnerInput (zod) and cross-field rules,
 * plus what only the form knows: sex chosen, consent ticked. Keyed by API path.
 */
export function clientErrors(t: TFunction, form: LearnerForm, opts: { isNew: boolean }): FieldErrors {
  const errors: FieldErrors = {};
  const put = (path: string, message: string) => { if (!errors[path]) errors[path] = message; };
  const parsed = LearnerInput.safeParse(toBody(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'custom' || /^[a-z_]+$/.test(issue.message)) put(path, codeMessage(t, issue.message));
      else if (issue.code === 'invalid_type' || (issue.code === 'too_small' && issue.minimum === 1)) put(path, t('common.required'));
      else if (issue.code === 'too_big') put(path, t('errors.field.too_big', { max: issue.maximum }));
      else if (issue.code === 'invalid_format') put(path, t('errors.field.invalid_format'));
      else put(path, t('errors.field.invalid'));
    }
  }
  if (!form.sex) errors.sex = t('common.required');
  if (!form.centreId) errors.centreId = t('errors.field.centre_required');
  if (opts.isNew && !form.consentGiven) errors.consentGiven = t('learners.consent.required');
  return errors;
}
