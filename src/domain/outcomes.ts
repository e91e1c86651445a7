// Follow-ups and outcomes (M5): zod schemas shared by server and web. The pure rules (due
// dates, the seeds' two figures) are in ./followups.ts. Decision: docs/decisions/0014.
import { z } from 'zod';
import { IdOrCode, IsoDate, LIMITS, ListQuery, Names, RecordMeta, Version, optionalText } from './common.js';
import { FOLLOW_UP_LIMITS, normaliseIntervals } from './followups.js';
import { CentreRef, ENROLMENT_STATUS, LEARNING_LIMITS, OUTCOME_EVIDENCE, OUTCOME_STATUS, TRAINING_KINDS, isoToday } from './learning.js';

export const OUTCOME_LIMITS = {
  employerMax: 300,
} as const;

export const OutcomeStatus = z.enum(OUTCOME_STATUS)
  .describe('employed, self_employed (started a business), improved_job, further_study, still_looking or unreachable (could not reach)');
export const OutcomeEvidence = z.enum(OUTCOME_EVIDENCE).describe('How it is known: self_report, employment_centre or employer');

// ------------------------------------------------------------------ settings

export const FollowUpSettingsInput = z.object({
  months: z.array(z.number().int().min(1).max(FOLLOW_UP_LIMITS.monthsMax)).min(1).max(FOLLOW_UP_LIMITS.intervalsMax)
    .transform(normaliseIntervals)
    .describe('Months after a training ends at which follow-ups fall due (1–60, at most 6); stored distinct and ascending'),
}).describe('The follow-up intervals of the network');

export const FollowUpSettings = z.object({
  months: z.array(z.number()),
  isDefault: z.boolean().describe('True while the network keeps the default 3, 6 and 12 months'),
});

// ------------------------------------------------------------------ worklist

export const FollowUpQuery = z.object({
  centre: IdOrCode.optional().describe('A centre, or the centres under an org unit (id or code), in your area'),
  dueBefore: IsoDate.optional().describe('Follow-ups due on or before this day (default: today)'),
  dueFrom: IsoDate.optional().describe(`Follow-ups due on or after this day (default: ${FOLLOW_UP_LIMITS.windowMonths} months before dueBefore)`),
  limit: ListQuery.shape.limit,
  cursor: ListQuery.shape.cursor,
}).refine((v) => !v.dueFrom || !v.dueBefore || v.dueFrom <= v.dueBefore, { message: 'end_before_start', path: ['dueBefore'] });

const PersonRef = z.object({ id: z.string(), lastName: z.string(), firstName: z.string(), middleName: z.string().nullable() });
const TrainingRef = z.object({
  id: z.string(), kind: z.enum(TRAINING_KINDS), startDate: z.string(), endDate: z.string(), centreId: z.string(),
  course: z.object({ id: z.string(), name: Names }),
});

export const FollowUp = z.object({
  enrolmentId: z.string(),
  learnerId: z.string(),
  learner: PersonRef.extend({ phone: z.string().nullable() }),
  trainingId: z.string(),
  training: TrainingRef,
  centre: CentreRef,
  enrolmentStatus: z.enum(ENROLMENT_STATUS),
  months: z.number().describe('The interval after the end of the training'),
  dueOn: z.string().describe('When the follow-up fell due: send it back as the outcome\'s dueOn'),
}).describe('A follow-up due and not yet recorded');

export const FollowUpPage = z.object({
  items: z.array(FollowUp),
  nextCursor: z.string().nullable(),
  total: z.number().describe('Follow-ups due in the period, over all pages'),
  months: z.array(z.number()).describe('The intervals in force'),
  dueFrom: z.string(),
  dueBefore: z.string(),
});

// ------------------------------------------------------------------ outcomes

const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
const RecordedOn = IsoDate
  .refine((d) => !isDate(d) || d <= isoToday(), { message: 'date_in_future' })
  .refine((d) => !isDate(d) || d >= LEARNING_LIMITS.birthDateMin, { message: 'date_too_early' })
  .describe('When the follow-up was made: not in the future');

const OutcomeFields = z.object({
  recordedOn: RecordedOn,
  status: OutcomeStatus,
  employer: optionalText(OUTCOME_LIMITS.employerMax).describe('The employer, or the business started'),
  evidence: OutcomeEvidence.nullish().transform((v) => v ?? null).describe('Required unless the person could not be reached'),
  note: optionalText(LIMITS.noteMax),
});

/** The rule across fields: evidence for every status but "could not reach". */
export function outcomeIssues(o: { status?: string; evidence?: string | null }): Array<{ path: string[]; code: string }> {
  return o.status && o.status !== 'unreachable' && !o.evidence ? [{ path: ['evidence'], code: 'evidence_required' }] : [];
}

export const OutcomeInput = OutcomeFields.extend({
  learnerId: z.string().trim().min(1).max(64).describe('The learner followed up'),
  trainingId: z.string().trim().max(64).nullish().transform((v) => v || null)
    .describe('The training the follow-up is about; its centre keeps the record (else the learner\'s centre)'),
  dueOn: IsoDate.nullish().transform((v) => v ?? null)
    .describe("Which follow-up this answers: a due date from the worklist (needs trainingId)"),
}).superRefine((v, ctx) => {
  for (const issue of outcomeIssues(v)) ctx.addIssue({ code: 'custom', message: issue.code, path: issue.path });
  if (v.dueOn && !v.trainingId) ctx.addIssue({ code: 'custom', message: 'training_required', path: ['trainingId'] });
}, { when: () => true }).describe('What became of a learner, as found at a follow-up');

/** Only what is sent changes; the learner, training and due date are fixed (archive and record anew). */
export const OutcomePatch = OutcomeFields.partial().extend({ version: Version });

export const Outcome = z.object({
  ...RecordMeta,
  centreId: z.string(),
  centre: CentreRef,
  learnerId: z.string(),
  learner: PersonRef,
  trainingId: z.string().nullable(),
  training: TrainingRef.nullable(),
  dueOn: z.string().nullable(),
  recordedOn: z.string().nullable(),
  status: OutcomeStatus.nullable(),
  employer: z.string().nullable(),
  evidence: OutcomeEvidence.nullable(),
  note: z.string().nullable(),
}).describe('An outcome (personal data: scoped staff only)');

const Period = {
  centre: IdOrCode.optional().describe('A centre, or the centres under an org unit (id or code), in your area'),
  from: IsoDate.optional().describe('Recorded on or after this day'),
  to: IsoDate.optional().describe('Recorded on or before this day'),
};
const periodInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;

export const OutcomeListQuery = z.object({
  ...Period,
  learner: z.string().max(64).optional().describe("Only this learner's outcomes"),
  training: z.string().max(64).optional().describe('Only the outcomes of this training'),
  status: OutcomeStatus.optional(),
  includeArchived: ListQuery.shape.includeArchived,
  limit: ListQuery.shape.limit,
  cursor: ListQuery.shape.cursor,
}).refine(periodInOrder, { message: 'end_before_start', path: ['to'] });

export const OutcomeSummaryQuery = z.object(Period).refine(periodInOrder, { message: 'end_before_start', path: ['to'] });

export const OutcomeSummary = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  people: z.number().describe('Distinct people with an outcome recorded'),
  foundWorkOrBusinessOrBetterJob: z.number().describe('People employed, self-employed or in a better job (seed 000), each once'),
  foundJob: z.number().describe('People employed (seed 001), each once'),
  byStatus: z.object(Object.fromEntries(OUTCOME_STATUS.map((s) => [s, z.number()])) as Record<(typeof OUTCOME_STATUS)[number], z.ZodNumber>)
    .describe('Distinct people per status (a person followed up twice may appear under two statuses)'),
}).describe('Outcomes recorded in the centres in scope over a period');

export type OutcomeInput = z.infer<typeof OutcomeInput>;
export type OutcomePatch = z.infer<typeof OutcomePatch>;
export type FollowUpQuery = z.infer<typeof FollowUpQuery>;
