// Walk-in visits (M4): zod schemas shared by server and web. Anonymous walk-ins are counted
// (one row per centre, day and purpose: the day's tally); a registered learner's visit names
// the learner and counts one. "Visitors" are all visits; "users" the distinct registered
// people among them (seed 001 keeps the two apart). Decision: docs/decisions/0014.
import { z } from 'zod';
import { IdOrCode, IsoDate, LIMITS, RecordMeta } from './common.js';
import { CentreRef, LEARNING_LIMITS, VISIT_PURPOSES, isoToday } from './learning.js';

export const VISIT_LIMITS = {
  /** Walk-ins of one purpose counted in one entry or one day's tally (a big event included). */
  countMax: 10_000,
} as const;

export type VisitPurpose = (typeof VISIT_PURPOSES)[number];
export const VisitPurpose = z.enum(VISIT_PURPOSES).describe('internet, consultation, event, reading_room or other');

/** A day of visits: a date, not in the future (Kazakhstan time), not before 1900. */
const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
export const VisitDate = IsoDate
  .refine((d) => !isDate(d) || d <= isoToday(), { message: 'date_in_future' })
  .refine((d) => !isDate(d) || d >= LEARNING_LIMITS.birthDateMin, { message: 'date_too_early' })
  .describe('The day of the visit: not in the future');

const Count = z.number().int().max(VISIT_LIMITS.countMax);

export const VisitInput = z.object({
  centreId: IdOrCode.describe('The centre visited (id or code), in your area'),
  date: VisitDate,
  purpose: VisitPurpose,
  count: Count.min(1).default(1).describe('Anonymous walk-ins: how many came (added to the day\'s count); 1 for a learner'),
  learnerId: z.string().trim().max(64).nullish().transform((v) => v || null)
    .describe('A registered learner in your area who came (then count is 1); absent for anonymous walk-ins'),
}).refine((v) => !v.learnerId || v.count === undefined || v.count === 1, { message: 'one_per_learner', path: ['count'], when: () => true })
  .describe("One visit: a registered learner's, or anonymous walk-ins added to the day's count");

export const VisitCounts = z.strictObject(
  Object.fromEntries(VISIT_PURPOSES.map((p) => [p, Count.min(0).optional()])) as Record<VisitPurpose, z.ZodOptional<z.ZodNumber>>,
).describe('Anonymous walk-ins per purpose; a purpose left out keeps its count, 0 clears it');

export const VisitDayInput = z.object({
  centreId: IdOrCode.describe('The centre (id or code), in your area'),
  date: VisitDate,
  counts: VisitCounts,
}).describe("The day's tally of anonymous walk-ins: sets the counts (re-sending the same tally changes nothing)");

export const VisitDayQuery = z.object({
  centre: IdOrCode.describe('The centre (id or code)'),
  date: IsoDate.describe('The day'),
});

const PerPurpose = z.object(Object.fromEntries(VISIT_PURPOSES.map((p) => [p, z.number()])) as Record<VisitPurpose, z.ZodNumber>);

export const VisitDay = z.object({
  centreId: z.string(),
  date: z.string(),
  counts: PerPurpose.describe('Anonymous walk-ins per purpose (what the tally sets)'),
  registered: PerPurpose.describe("Registered learners' visits per purpose"),
  visits: z.number().describe('All visits of the day'),
}).describe("One centre's day of visits");

export const Visit = z.object({
  ...RecordMeta,
  centreId: z.string(),
  centre: CentreRef,
  date: z.string(),
  purpose: VisitPurpose,
  count: z.number(),
  learnerId: z.string().nullable().describe('Null for anonymous walk-ins'),
  learner: z.object({ id: z.string(), lastName: z.string(), firstName: z.string(), middleName: z.string().nullable() }).nullable()
    .describe('Who came, when the learner is in your area'),
}).describe('A visit entry: anonymous walk-ins of a day and purpose, or one registered learner');

const Period = {
  centre: IdOrCode.optional().describe('A centre, or the centres under an org unit (id or code), in your area'),
  from: IsoDate.optional().describe('First day'),
  to: IsoDate.optional().describe('Last day'),
};
const periodInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;

export const VisitListQuery = z.object({
  ...Period,
  purpose: VisitPurpose.optional(),
  learner: z.string().max(64).optional().describe("Only this learner's visits"),
  includeArchived: z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1'),
  limit: z.coerce.number().int().min(1).max(LIMITS.listMax).default(LIMITS.listDefault),
  cursor: z.string().max(200).optional(),
}).refine(periodInOrder, { message: 'end_before_start', path: ['to'] });

export const VisitSummaryQuery = z.object(Period).refine(periodInOrder, { message: 'end_before_start', path: ['to'] });

export const VisitSummary = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  visits: z.number().describe('Visitors: every visit, anonymous and registered (the sum of counts)'),
  anonymousVisits: z.number(),
  registeredVisits: z.number(),
  users: z.number().describe('Users: distinct registered learners who came, each counted once'),
  byPurpose: PerPurpose.describe('Visits per purpose'),
}).describe('Visits of the centres in scope over a period');

export type VisitInput = z.infer<typeof VisitInput>;
export type VisitDayInput = z.infer<typeof VisitDayInput>;
