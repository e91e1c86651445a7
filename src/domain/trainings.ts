// Trainings (M2), enrolment and attendance (M3): zod schemas shared by server and web, the
// named limits, and the pure rules — seats and the waiting list, the completion rule, and
// what an attendance sheet changes. No I/O here.
// Decisions: docs/decisions/0011-learning-data-model.md, 0013-trainings-attendance.md.
import { z } from 'zod';
import { IdOrCode, IsoDate, LIMITS, ListQuery, Locale, Names, RecordMeta, Version, optionalText } from './common.js';
import { UUID_PATTERN } from './ids.js';
import { CATEGORIES, CentreRef, ENROLMENT_STATUS, TRAINING_KINDS } from './learning.js';

export const TRAINING_LIMITS = {
  capacityMin: 1,
  capacityMax: 500,
  /** People on one training's waiting list. */
  waitlistMax: 500,
  /** Learners enrolled in one request. */
  enrolBatchMax: 500,
  meetingHoursMin: 0.5,
  meetingHoursMax: 12,
  /** Trainers or volunteers of one training. */
  staffMax: 20,
  placeMax: 300,
} as const;

export const TrainingKind = z.enum(TRAINING_KINDS).describe('training, seminar, consultation or event');
export const EnrolmentStatus = z.enum(ENROLMENT_STATUS).describe('enrolled, waiting, completed or dropped');

/** An id of something the server looks up; a malformed one is reported like an unknown one. */
const RefId = z.string().trim().min(1).max(64);
const userIds = (what: string) => z.array(RefId).max(TRAINING_LIMITS.staffMax)
  .transform((ids) => [...new Set(ids)])
  .describe(`${what}: ids of staff accounts working at the training's centre or at a unit above it`);

// ------------------------------------------------------------------ trainings

const TrainingFields = z.object({
  courseId: IdOrCode.describe("The course: the national catalogue's or the centre's own (id or code)"),
  centreId: IdOrCode.describe('The centre that runs it (id or code), in your area; fixed once created'),
  kind: TrainingKind,
  place: optionalText(TRAINING_LIMITS.placeMax).describe("Where it is held: required for a mobile centre (the IT-Yurt's village), optional otherwise"),
  startDate: IsoDate.describe('First day'),
  endDate: IsoDate.describe('Last day, not before the first'),
  capacity: z.number().int().min(TRAINING_LIMITS.capacityMin).max(TRAINING_LIMITS.capacityMax)
    .describe('Seats; when they are taken, further learners go to the waiting list'),
  language: Locale.describe('Language of instruction'),
  trainerIds: userIds('Trainers'),
  volunteerIds: userIds('Volunteers'),
  note: optionalText(LIMITS.noteMax),
});

const endAfterStart = (t: { startDate?: string; endDate?: string }) => !t.startDate || !t.endDate || t.endDate >= t.startDate;

export const TrainingInput = TrainingFields.extend({
  kind: TrainingKind.default('training'),
  trainerIds: TrainingFields.shape.trainerIds.default([]),
  volunteerIds: TrainingFields.shape.volunteerIds.default([]),
}).refine(endAfterStart, { message: 'end_before_start', path: ['endDate'] })
  .describe('A training, seminar, consultation or event of a course at a centre');
/** Only what is sent changes; the centre is fixed. Dates are re-checked against the record and its meetings. */
export const TrainingPatch = TrainingFields.omit({ centreId: true }).partial().extend({ version: Version })
  .refine(endAfterStart, { message: 'end_before_start', path: ['endDate'] });

const StaffRef = z.object({ id: z.string(), displayName: z.string() });

/** GET /api/trainings/staff: who may be named trainer or volunteer at a centre. */
export const TrainingStaffQuery = z.object({
  centre: IdOrCode.describe('The training\'s centre (id or code), in your area'),
  q: z.string().trim().max(100).optional().describe('Part of a name or username, in any script'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const TrainingStaff = z.object({
  items: z.array(StaffRef.extend({ role: z.string() })),
}).describe('Staff accounts of the centre or of a unit above it, by name');

export const TrainingCounts = z.object({
  enrolled: z.number(), completed: z.number(), waiting: z.number(), dropped: z.number(),
}).describe('Enrolments by status');

export const Training = z.object({
  ...RecordMeta,
  centreId: z.string(),
  centre: CentreRef.extend({ type: z.string() }),
  courseId: z.string(),
  course: z.object({
    id: z.string(), code: z.string().nullable(), name: Names, category: z.enum(CATEGORIES),
    plannedHours: z.number(), completionPercent: z.number(),
  }),
  kind: TrainingKind,
  place: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  capacity: z.number().nullable().describe('Seats; null = no limit (older imported records)'),
  language: Locale,
  trainers: z.array(StaffRef),
  volunteers: z.array(StaffRef),
  note: z.string().nullable(),
  counts: TrainingCounts,
  seatsLeft: z.number().nullable().describe('capacity − (enrolled + completed); null without a limit'),
  meetingCount: z.number().describe('Live meetings'),
  scheduledHours: z.number().describe("Sum of the live meetings' hours: the base of the completion rule"),
}).describe('A training');

export const MeetingInput = z.object({
  date: IsoDate.describe("Within the training's first and last day"),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time_format' }).describe('HH:MM, local time'),
  hours: z.number().min(TRAINING_LIMITS.meetingHoursMin).max(TRAINING_LIMITS.meetingHoursMax).describe('Duration in hours, 0.5–12'),
}).describe('A meeting of a training');
export const MeetingPatch = MeetingInput.partial().extend({ version: Version });

export const Meeting = z.object({
  ...RecordMeta,
  trainingId: z.string(),
  centreId: z.string(),
  date: z.string(),
  startTime: z.string(),
  hours: z.number(),
  marks: z.object({ present: z.number(), absent: z.number() }).describe('Attendance marks saved so far'),
});

export const TrainingDetail = Training.extend({
  meetings: z.array(Meeting).describe('In date order, archived ones included (archivedAt set)'),
});

const boolFlag = z.enum(['true', 'false', '1', '0']).optional().transform((v) => v === 'true' || v === '1');
export const TrainingListQuery = ListQuery.omit({ q: true }).extend({
  centre: IdOrCode.optional().describe('Only trainings of this centre, or of the centres under this org unit (id or code)'),
  course: IdOrCode.optional().describe('Only trainings of this course (id or code)'),
  from: IsoDate.optional().describe('Only trainings that end on or after this day'),
  to: IsoDate.optional().describe('Only trainings that start on or before this day'),
  mine: boolFlag.describe('Only trainings where you are a trainer or a volunteer: your own schedule'),
});

// ------------------------------------------------------------------ enrolment

export const EnrolInput = z.object({
  learnerIds: z.array(RefId).min(1).max(TRAINING_LIMITS.enrolBatchMax)
    .describe('Learners to enrol, in order: when the seats run out, the rest join the waiting list in this order'),
}).describe('One learner or many at once');

export const Completion = z.object({
  percent: z.number().describe('Share of the scheduled hours attended, rounded down'),
  requiredPercent: z.number().describe("The course's completion rule"),
  met: z.boolean().describe('Attended enough to complete'),
});

export const Enrolment = z.object({
  id: z.string(),
  version: z.string(),
  trainingId: z.string(),
  learnerId: z.string(),
  learner: z.object({ lastName: z.string(), firstName: z.string(), middleName: z.string().nullable(), centreId: z.string() }),
  status: EnrolmentStatus,
  waitingPosition: z.number().nullable().describe('1 = next to get a seat; null unless waiting'),
  enrolledOn: z.string(),
  completedOn: z.string().nullable(),
  droppedOn: z.string().nullable(),
  promotedAt: z.string().nullable().describe('When a freed seat went to this learner from the waiting list'),
  promotionSeenAt: z.string().nullable().describe('When the learner was told (their page shows it once)'),
  hoursAttended: z.number(),
  completion: Completion,
}).describe('A learner in a training (personal data: scoped staff only)');

export const EnrolmentList = z.object({
  items: z.array(Enrolment).describe('Enrolled and completed by name, then the waiting list in order, then dropped'),
  scheduledHours: z.number(),
  completionPercent: z.number(),
});
export const DropResult = z.object({
  enrolment: Enrolment,
  promoted: z.array(Enrolment).describe('Waiting learners who got the freed seat'),
});

/** How many of `n` new learners get a seat, join the waiting list, or find it full. */
export function allocateSeats(
  state: { capacity: number | null; occupied: number; waiting: number }, n: number, waitlistMax: number = TRAINING_LIMITS.waitlistMax,
): Array<'enrolled' | 'waiting' | 'full'> {
  let free = state.capacity === null ? Infinity : Math.max(0, state.capacity - state.occupied);
  let waiting = state.waiting;
  return Array.from({ length: n }, () => {
    if (free > 0) { free--; return 'enrolled' as const; }
    if (waiting < waitlistMax) { waiting++; return 'waiting' as const; }
    return 'full' as const;
  });
}

/**
 * The course's completion rule: at least `rulePercent` % of the training's scheduled hours
 * attended. Nothing scheduled → nothing can be completed yet.
 */
export function completionStatus(hoursAttended: number, plannedHours: number, rulePercent: number): z.infer<typeof Completion> {
  if (!(plannedHours > 0)) return { percent: 0, requiredPercent: rulePercent, met: false };
  const share = (Math.max(0, hoursAttended) * 100) / plannedHours;
  return {
    // rounded down (with a hair of tolerance for binary fractions), so 79.9 % never shows as 80 %
    percent: Math.min(100, Math.floor(share + 1e-9)),
    requiredPercent: rulePercent,
    met: share + 1e-9 >= rulePercent,
  };
}

// ------------------------------------------------------------------ attendance

const Mark = z.object({
  learnerId: RefId,
  present: z.boolean(),
  hours: z.number().min(0).max(TRAINING_LIMITS.meetingHoursMax).optional()
    .describe("Hours attended: up to the meeting's hours; omitted = the whole meeting when present, 0 when absent"),
});
export const AttendanceSheet = z.object({
  version: Version.describe("The meeting's version read with the sheet; a stale one answers 409"),
  marks: z.array(Mark).max(TRAINING_LIMITS.capacityMax + TRAINING_LIMITS.waitlistMax)
    .describe('Marks for all learners on the sheet or for some of them; the others are left as they are'),
}).describe('The attendance of one meeting, saved at once');

export const AttendanceRow = z.object({
  enrolmentId: z.string(),
  learnerId: z.string(),
  learner: z.object({ lastName: z.string(), firstName: z.string(), middleName: z.string().nullable() }),
  status: EnrolmentStatus,
  mark: z.object({ id: z.string(), present: z.boolean(), hours: z.number(), version: z.string() }).nullable(),
});
export const AttendanceView = z.object({
  meeting: z.object({ id: z.string(), trainingId: z.string(), date: z.string(), startTime: z.string(), hours: z.number(), version: z.string() }),
  items: z.array(AttendanceRow).describe('Every enrolled (or completed) learner in name order, and anyone else already marked'),
  changed: z.number().optional().describe('After a save: how many marks were written'),
});

export interface SheetMark { learnerId: string; present: boolean; hours?: number }
export interface StoredMark { present: boolean; hours: number }
export interface SheetIssue { field: string; code: string; params?: Record<string, unknown> }

/**
 * What a saved sheet changes. `onSheet` maps the learners who may be marked (enrolled or
 * completed, or already marked) to their enrolment; `existing` holds the meeting's marks.
 * Every problem is reported at once, and then nothing is to be written.
 */
export function planSheet(input: {
  meetingHours: number;
  marks: SheetMark[];
  onSheet: ReadonlyMap<string, string>;
  existing: ReadonlyMap<string, StoredMark>;
}) {
  const issues: SheetIssue[] = [];
  const inserts: Array<{ learnerId: string; enrolmentId: string; present: boolean; hours: number }> = [];
  const updates: Array<{ learnerId: string; present: boolean; hours: number }> = [];
  const seen = new Set<string>();
  input.marks.forEach((mark, i) => {
    const at = `marks.${i}`;
    const enrolmentId = UUID_PATTERN.test(mark.learnerId) ? input.onSheet.get(mark.learnerId) : undefined;
    if (seen.has(mark.learnerId)) issues.push({ field: `${at}.learnerId`, code: 'duplicate' });
    else if (!enrolmentId) issues.push({ field: `${at}.learnerId`, code: 'not_enrolled' });
    seen.add(mark.learnerId);
    const hours = mark.present ? (mark.hours ?? input.meetingHours) : (mark.hours ?? 0);
    if (!mark.present && hours > 0) issues.push({ field: `${at}.hours`, code: 'absent_with_hours' });
    else if (hours > input.meetingHours + 1e-9) issues.push({ field: `${at}.hours`, code: 'hours_above_meeting', params: { max: input.meetingHours } });
    if (!enrolmentId) return;
    const before = input.existing.get(mark.learnerId);
    if (!before) inserts.push({ learnerId: mark.learnerId, enrolmentId, present: mark.present, hours });
    else if (before.present !== mark.present || before.hours !== hours) updates.push({ learnerId: mark.learnerId, present: mark.present, hours });
  });
  return issues.length ? { issues, inserts: [], updates: [] } : { issues, inserts, updates };
}

/**
 * A meeting's new length applied to a mark: the whole meeting stays the whole meeting, a
 * part is cut to the new length. Absent stays 0.
 */
export function rescaleMark(markHours: number, oldMeetingHours: number, newMeetingHours: number): number {
  if (markHours === oldMeetingHours) return newMeetingHours;
  return Math.min(markHours, newMeetingHours);
}

export type TrainingInput = z.infer<typeof TrainingInput>;
export type MeetingInput = z.infer<typeof MeetingInput>;
export type AttendanceSheet = z.infer<typeof AttendanceSheet>;
export type EnrolInput = z.infer<typeof EnrolInput>;
