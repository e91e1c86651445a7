// Learning (issue 4): the course catalogue (M2) and learners (M3) — zod schemas shared by
// server and web, named constants for every closed list, and the cross-field rules of a
// learner record as one pure function (used by the schema and by the server on edits).
// Tables and scope: docs/decisions/0011-learning-data-model.md.
import { z } from 'zod';
import { Code, IdOrCode, IsoDate, LIMITS, ListQuery, Locale, Names, RecordMeta, Version, optionalText } from './common.js';
import { Iin, crossCheckIin } from './iin.js';
import { Phone } from './phone.js';
import { OrgUnitRef } from './registry.js';

export const LEARNING_LIMITS = {
  personNameMax: 100,
  consentVersionMax: 40,
  plannedHoursMax: 2000,
  /** Earliest birth date accepted. */
  birthDateMin: '1900-01-01',
  /** Below this age at the consent date, a guardian must consent too. */
  adultAge: 18,
  /** At most this many likely duplicates are answered. */
  matchesMax: 10,
} as const;

// ------------------------------------------------------------------ closed lists

export const CATEGORIES = [
  'ict_basics', 'e_government', 'job_search', 'business_planning', 'languages', 'media_literacy',
  'crafts', 'farming', 'tourism', 'other',
] as const;
export const TARGET_GROUPS = [
  'unemployed_youth', 'women', 'single_mothers', 'repatriates', 'farmers', 'pensioners', 'disabilities',
  'vet_students', 'entrepreneurs', 'civil_servants_teachers', 'library_staff', 'minorities', 'disadvantaged_children',
] as const;
export const COURSE_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const SEX = ['male', 'female'] as const;
export const EDUCATION = [
  'none', 'primary', 'basic_secondary', 'general_secondary', 'vocational', 'incomplete_higher', 'higher', 'postgraduate',
] as const;
export const EMPLOYMENT_STATUS = ['employed', 'self_employed', 'unemployed', 'student', 'pensioner', 'homemaker', 'other'] as const;
/** Languages a learner speaks: the three of the interface and the largest other communities. */
export const LEARNER_LANGUAGES = ['kk', 'ru', 'en', 'uz', 'ug', 'other'] as const;

// Lists of the tables that later steps of issue 4 fill (trainings … outcomes).
export const TRAINING_KINDS = ['training', 'seminar', 'consultation', 'event'] as const;
export const ENROLMENT_STATUS = ['enrolled', 'waiting', 'completed', 'dropped'] as const;
export const VISIT_PURPOSES = ['internet', 'consultation', 'event', 'reading_room', 'other'] as const;
export const OUTCOME_STATUS = ['employed', 'self_employed', 'improved_job', 'further_study', 'still_looking', 'unreachable'] as const;
export const OUTCOME_EVIDENCE = ['self_report', 'employment_centre', 'employer'] as const;
export const MATCH_REASONS = ['iin', 'name', 'name_similar', 'birth_date', 'phone'] as const;

export const Category = z.enum(CATEGORIES).describe('Course category');
export const TargetGroup = z.enum(TARGET_GROUPS).describe('Target group');
export const Sex = z.enum(SEX).describe('Sex, as on the identity document');

/** A list of distinct values from a closed list. */
const setOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).transform((list) => [...new Set(list)]);

// ------------------------------------------------------------------ courses

const CourseDescription = z.object({
  kk: optionalText(LIMITS.noteMax).describe('Description in Kazakh'),
  ru: optionalText(LIMITS.noteMax).describe('Description in Russian'),
  en: optionalText(LIMITS.noteMax).describe('Description in English'),
}).describe('What the course teaches, in Kazakh, Russian and English (each optional)');

const CourseFields = z.object({
  code: Code.nullish().describe('Optional stable code, unique across the network (for imports)'),
  name: Names,
  description: CourseDescription,
  category: Category,
  plannedHours: z.number().positive().max(LEARNING_LIMITS.plannedHoursMax).describe('Planned teaching hours'),
  languages: z.array(Locale).max(3).transform((l) => [...new Set(l)]).describe('Languages of instruction'),
  targetGroups: setOf(TARGET_GROUPS).describe('Who the course is meant for'),
  level: z.enum(COURSE_LEVELS).describe('Level'),
  completionPercent: z.number().int().min(1).max(100)
    .describe("Completion rule: a learner completes with at least this share (%) of the training's hours attended"),
});

export const CourseInput = CourseFields.extend({
  orgUnitId: IdOrCode.optional().describe(
    "Owner: KZ (the national catalogue, national staff only) or a centre's id or code. Defaults to the national " +
    "catalogue for nationwide roles and to one's own centre for centre staff.",
  ),
  description: CourseDescription.default({ kk: null, ru: null, en: null }),
  languages: CourseFields.shape.languages.default([]),
  targetGroups: CourseFields.shape.targetGroups.default([]),
  level: CourseFields.shape.level.default('beginner'),
  completionPercent: CourseFields.shape.completionPercent.default(80),
}).describe('A course of the national catalogue or of one centre');
/** Only what is sent changes (no defaults here); the owner is fixed once created. */
export const CoursePatch = CourseFields.partial().extend({ version: Version });

export const Course = z.object({
  ...RecordMeta,
  code: z.string().nullable(),
  name: Names,
  description: z.object({ kk: z.string().nullable(), ru: z.string().nullable(), en: z.string().nullable() }),
  category: Category,
  plannedHours: z.number(),
  languages: z.array(Locale),
  targetGroups: z.array(TargetGroup),
  level: z.enum(COURSE_LEVELS),
  completionPercent: z.number(),
  orgUnitId: z.string().describe('The owner: the root unit (KZ) or a centre'),
  owner: OrgUnitRef,
  national: z.boolean().describe('True for the national catalogue'),
}).describe('A course');

export const CourseListQuery = ListQuery.extend({
  category: Category.optional(),
  catalogue: z.enum(['national', 'centres']).optional().describe("Only the national catalogue, or only centres' own courses"),
  centre: IdOrCode.optional().describe('Only the courses of this centre (id or code)'),
});

// ------------------------------------------------------------------ learners

const PersonName = z.string().trim().min(1).max(LEARNING_LIMITS.personNameMax);
const optionalPersonName = optionalText(LEARNING_LIMITS.personNameMax);

/** As typed: blank is "no IIN"; otherwise 12 digits with a valid check digit. */
export const OptionalIin = z.string().max(40, { message: 'iin_format' }).nullish()
  .transform((v) => (v && v.trim() ? v : null)).pipe(Iin.nullable())
  .describe('Individual identification number (IIN), optional: 12 digits, spaces allowed');
/** As typed: blank is "no phone"; otherwise a Kazakhstan number, stored as +7XXXXXXXXXX. */
export const OptionalPhone = z.string().max(40, { message: 'phone_format' }).nullish()
  .transform((v) => (v && v.trim() ? v : null)).pipe(Phone.nullable())
  .describe('A Kazakhstan phone number, optional; stored as +7XXXXXXXXXX');

export const Consent = z.object({
  date: IsoDate.describe('When the person (or their guardian) agreed'),
  version: z.string().trim().min(1).max(LEARNING_LIMITS.consentVersionMax).describe('Version of the consent text agreed to'),
  guardianName: optionalPersonName.describe('The guardian who consented; required when the learner is a minor'),
}).describe('Consent to keep the personal data: required; who recorded it is the signed-in user');

const LearnerFields = z.object({
  centreId: IdOrCode.describe('The centre that registers and keeps the record (id or code), in your area'),
  lastName: PersonName.describe('Last name, as written (any script)'),
  firstName: PersonName.describe('First name, as written'),
  middleName: optionalPersonName.describe('Patronymic or middle name, as written'),
  sex: Sex,
  birthDate: IsoDate.describe('Birth date: not in the future, not before 1900'),
  phone: OptionalPhone,
  settlementId: IdOrCode.nullish().describe('Where the learner lives: a settlement, city, raion or oblast (id or code)'),
  languages: setOf(LEARNER_LANGUAGES).describe('Languages the learner speaks'),
  education: z.enum(EDUCATION).nullish().describe('Highest education level'),
  employmentStatus: z.enum(EMPLOYMENT_STATUS).nullish().describe('Employment status at registration'),
  registeredUnemployed: z.boolean().describe('Registered with the employment centre as unemployed'),
  targetGroups: setOf(TARGET_GROUPS).describe('Target groups the learner belongs to'),
  iin: OptionalIin,
  consent: Consent,
  userId: z.string().max(64).nullish().describe("A staff account that is this person (staff are learners too)"),
});

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Today's date in Kazakhstan (one time zone, UTC+5, since 2024). */
export function isoToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

/** Full years between a birth date and another date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export interface LearnerIssue { path: string[]; code: string }

/**
 * The rules that span fields of a learner record: dates in range, the IIN agreeing with the
 * birth date and sex, consent not before birth nor in the future, a guardian for a minor.
 * Tolerant of missing or malformed values (those are reported by the field schemas).
 */
export function learnerIssues(learner: unknown, today: string = isoToday()): LearnerIssue[] {
  if (typeof learner !== 'object' || learner === null) return [];
  const l = learner as { birthDate?: unknown; sex?: unknown; iin?: unknown; consent?: unknown };
  const consent = (typeof l.consent === 'object' && l.consent !== null ? l.consent : {}) as { date?: unknown; guardianName?: unknown };
  const birth = isDate(l.birthDate) ? l.birthDate : null;
  const issues: LearnerIssue[] = [];
  if (birth && birth > today) issues.push({ path: ['birthDate'], code: 'date_in_future' });
  if (birth && birth < LEARNING_LIMITS.birthDateMin) issues.push({ path: ['birthDate'], code: 'date_too_early' });
  if (typeof l.iin === 'string') {
    const sex = (SEX as readonly unknown[]).includes(l.sex) ? (l.sex as 'male' | 'female') : null;
    for (const code of crossCheckIin(l.iin, { birthDate: birth, sex })) issues.push({ path: ['iin'], code });
  }
  if (isDate(consent.date)) {
    if (consent.date > today) issues.push({ path: ['consent', 'date'], code: 'date_in_future' });
    else if (birth && consent.date < birth) issues.push({ path: ['consent', 'date'], code: 'consent_before_birth' });
    // the guardian rule only means something for a consent date that is itself right
    const guardian = typeof consent.guardianName === 'string' && consent.guardianName.trim() !== '';
    const plausible = birth !== null && consent.date <= today && consent.date >= birth;
    if (plausible && !guardian && ageOn(birth, consent.date) < LEARNING_LIMITS.adultAge) {
      issues.push({ path: ['consent', 'guardianName'], code: 'guardian_required' });
    }
  }
  return issues;
}

export const LearnerInput = LearnerFields.extend({
  languages: LearnerFields.shape.languages.default([]),
  registeredUnemployed: LearnerFields.shape.registeredUnemployed.default(false),
  targetGroups: LearnerFields.shape.targetGroups.default([]),
}).superRefine((value, ctx) => {
  for (const issue of learnerIssues(value)) ctx.addIssue({ code: 'custom', message: issue.code, path: issue.path });
}, { when: () => true }).describe('A person registered at a centre');
/** Only what is sent changes; the cross-field rules are checked on the merged record. */
export const LearnerPatch = LearnerFields.partial().extend({ version: Version });

export const CentreRef = z.object({ id: z.string(), code: z.string(), name: Names });

export const Learner = z.object({
  ...RecordMeta,
  centreId: z.string(),
  centre: CentreRef,
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  sex: Sex,
  birthDate: z.string(),
  phone: z.string().nullable(),
  settlementId: z.string().nullable(),
  settlement: OrgUnitRef.nullable(),
  languages: z.array(z.enum(LEARNER_LANGUAGES)),
  education: z.enum(EDUCATION).nullable(),
  employmentStatus: z.enum(EMPLOYMENT_STATUS).nullable(),
  registeredUnemployed: z.boolean(),
  targetGroups: z.array(TargetGroup),
  iin: z.string().nullable(),
  consent: z.object({ date: z.string(), version: z.string(), guardianName: z.string().nullable(), recordedBy: z.string() }),
  userId: z.string().nullable(),
  mergedInto: z.string().nullable().describe('Set when this record was merged into another'),
}).describe('A learner (personal data: scoped staff only)');

export const LearnerListQuery = ListQuery.extend({
  centre: IdOrCode.optional().describe('Only learners of this centre, or of the centres under this org unit (id or code)'),
});

const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);
export const LearnerMatchQuery = z.object({
  lastName: z.string().trim().max(LEARNING_LIMITS.personNameMax).optional().describe('Last name as typed'),
  firstName: z.string().trim().max(LEARNING_LIMITS.personNameMax).optional().describe('First name as typed'),
  middleName: z.string().trim().max(LEARNING_LIMITS.personNameMax).optional().describe('Patronymic as typed'),
  birthDate: z.preprocess(blankIsAbsent, IsoDate.optional()).describe('Birth date, YYYY-MM-DD'),
  phone: z.string().max(40).optional().describe('Phone as typed; ignored until it is a whole valid number'),
  iin: z.string().max(40).optional().describe('IIN as typed; ignored until it is a whole valid IIN'),
  exclude: z.string().max(64).optional().describe('A learner id to leave out (the record being edited)'),
}).describe('Any subset of what is being typed');

export const LearnerMatch = z.object({
  id: z.string().nullable().describe('The record, when it is in your area; null otherwise'),
  score: z.number().describe('Likelihood of being the same person, 0–1'),
  reasons: z.array(z.enum(MATCH_REASONS)).describe('Facts the two agree on'),
  inScope: z.boolean().describe('False: "this person is already registered at another centre" — no personal data'),
  linkToken: z.string().optional().describe('Out of your area only: a sealed, single-use token for POST /api/learners/links (15 minutes)'),
  learner: z.object({
    lastName: z.string(), firstName: z.string(), middleName: z.string().nullable(), birthDate: z.string(), centre: CentreRef,
  }).optional().describe('Who it is; only for matches in your area'),
});
export const LearnerMatches = z.object({ items: z.array(LearnerMatch) });

export type CourseInput = z.infer<typeof CourseInput>;
export type LearnerInput = z.infer<typeof LearnerInput>;
