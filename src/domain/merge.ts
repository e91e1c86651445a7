// One person, counted once (issue 4, item 4): the shapes of a merge of duplicate learners and
// of a link of a learner to another centre, and the rule of which of the survivor's empty
// fields a merge fills from the duplicate — shared by the server and the comparison screen.
// Decision: docs/decisions/0019-merge-and-link.md.
import { z } from 'zod';
import { Id, Version } from './common.js';
import { Consent } from './learning.js';
import { FILLABLE_FIELDS, type FillableField } from './merge-fill.js';

export { FILLABLE_FIELDS, fieldsToFill, type FillableField } from './merge-fill.js';

export const MergeInput = z.object({
  intoId: Id.describe('The learner who stays (the survivor), in your area'),
  version: Version.describe('The version of the duplicate (the learner in the path) you compared'),
  intoVersion: Version.describe('The version of the survivor you compared'),
});
export type MergeInput = z.infer<typeof MergeInput>;

/** What a merge moved, per kind of record. */
export const MergeSummary = z.object({
  enrolments: z.number().describe('Enrolments moved to the survivor'),
  combinedEnrolments: z.number().describe('Trainings both were on: kept as one enrolment with the better status'),
  attendance: z.number().describe('Attendance marks moved (or their hours taken over)'),
  certificates: z.number().describe('Certificates now the survivor\'s (their codes unchanged)'),
  visits: z.number().describe('Visits moved; a visit on a day and purpose both had is counted once'),
  outcomes: z.number().describe('Outcomes moved'),
  links: z.number().describe('Links to other centres moved'),
});
export type MergeSummary = z.infer<typeof MergeSummary>;

const PersonRef = z.object({
  lastName: z.string(), firstName: z.string(), middleName: z.string().nullable(), birthDate: z.string(),
}).nullable().describe('Who it is; null when the record is outside your area');

export const LearnerMergeRecord = z.object({
  id: z.string(),
  version: z.string(),
  survivorId: z.string(),
  duplicateId: z.string(),
  survivor: PersonRef,
  duplicate: PersonRef,
  mergedAt: z.string(),
  mergedBy: z.string().describe('Username of the coordinator who merged'),
  filled: z.array(z.enum(Object.keys(FILLABLE_FIELDS) as [FillableField, ...FillableField[]])).describe("The survivor's fields filled from the duplicate"),
  moved: MergeSummary,
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
}).describe('A merge of two records of one person; undo restores both exactly');

export const MergeListQuery = z.object({ learner: Id.describe('A learner: the merges it survived or was merged away by') });

// ------------------------------------------------------------------ links

export const LinkInput = z.object({
  linkToken: z.string().min(1).max(400).describe('From an out-of-scope match of GET /api/learners/matches; single use, short-lived'),
  centreId: z.string().trim().min(1).max(64).describe('Your centre (id or code), to keep the learner too'),
  consent: Consent.describe('The person agreed again, at your centre'),
});
export type LinkInput = z.infer<typeof LinkInput>;

export const LearnerLink = z.object({
  id: z.string(),
  version: z.string(),
  learnerId: z.string().describe('Now in your area: open GET /api/learners/{learnerId}'),
  centreId: z.string(),
  consent: z.object({ date: z.string(), version: z.string(), guardianName: z.string().nullable(), recordedBy: z.string() }),
  createdAt: z.string(),
}).describe('A learner registered at another centre, now also kept by yours');
