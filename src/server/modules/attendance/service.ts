// Attendance (M3): the sheet of one meeting, read and saved whole. A save is one request and
// one transaction: the meeting's version is checked and moved on (two people saving the same
// sheet: the second gets 409), the existing marks are read in one query, and only what
// changed is written — new marks in one batch, corrections one conditional UPDATE each —
// through the write door, so every mark is in the change feed and the audit trail with its
// author, and a correction shows before → after. Decision 0013.
import { planSheet, type AttendanceSheet } from '../../../domain/trainings.js';
import { assertCan } from '../../auth/access.js';
import type { Transaction } from 'kysely';
import type { Ctx, Queryable } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { insertRecords, updateRecord, updateRecords } from '../../db/write.js';
import { KeregeError, conflict } from '../../errors.js';
import { findMeeting, type FoundMeeting } from '../trainings/queries.js';
import { assertMeetingLive, visibleMeeting } from '../trainings/meetings.js';
import * as q from './queries.js';

function toView(meeting: FoundMeeting, rows: q.SheetRow[], changed?: number) {
  return {
    meeting: {
      id: meeting.id, trainingId: meeting.training_id, date: meeting.date, startTime: meeting.start_time, hours: meeting.hours, version: meeting.version,
    },
    items: rows.map((r) => ({
      enrolmentId: r.enrolment_id, learnerId: r.learner_id, status: r.status as never,
      learner: { lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name },
      mark: r.mark_id ? { id: r.mark_id, present: r.present === 1, hours: r.hours!, version: r.mark_version! } : null,
    })),
    ...(changed === undefined ? {} : { changed }),
  };
}

async function view(db: Queryable, meeting: FoundMeeting, changed?: number) {
  return toView(meeting, await q.sheetRows(db, meeting.training_id, meeting.id), changed);
}

/** What marks change on a meeting's sheet (its rows as read), with every problem at once. */
export function planMarks(meetingHours: number, rows: q.SheetRow[], marks: AttendanceSheet['marks']) {
  return planSheet({
    meetingHours, marks,
    onSheet: new Map(rows.map((r) => [r.learner_id, r.enrolment_id])),
    existing: new Map(rows.filter((r) => r.mark_id).map((r) => [r.learner_id, { present: r.present === 1, hours: r.hours! }])),
  });
}

/**
 * Writes a planned sheet of one meeting: the meeting's version moves on first, conditionally,
 * so a concurrent save of the same sheet waits here and then fails with 409 instead of writing;
 * then the new marks in one batch and the corrections. Used by the sheet and by imports.
 */
export async function writePlan(tx: Transaction<Database>, c: Ctx, meeting: { id: string; version: string; centre_id: string },
  rows: q.SheetRow[], plan: ReturnType<typeof planSheet>): Promise<void> {
  const scopeId = meeting.centre_id;
  await updateRecord(tx, c, 'meetings', meeting.id, meeting.version, { updated_at: new Date().toISOString() }, { scopeId });
  await insertRecords(tx, c, 'attendance', plan.inserts.map((m) => ({
    meeting_id: meeting.id, enrolment_id: m.enrolmentId, learner_id: m.learnerId, centre_id: scopeId, present: m.present ? 1 : 0, hours: m.hours,
  })), { scopeId });
  const byLearner = new Map(rows.filter((r) => r.mark_id).map((r) => [r.learner_id, r]));
  await updateRecords(tx, c, 'attendance', plan.updates.map((m) => {
    const r = byLearner.get(m.learnerId)!;
    return {
      before: { id: r.mark_id!, version: r.mark_version!, deleted_at: r.mark_deleted_at, present: r.present, hours: r.hours },
      patch: { present: m.present ? 1 : 0, hours: m.hours },
    };
  }), { scopeId });
}

export async function getSheet(ctx: Ctx, meetingId: string) {
  const actor = assertCan(ctx.actor, 'learner.read');
  return view(ctx.db, await visibleMeeting(ctx.db, actor, meetingId));
}

export async function saveSheet(ctx: Ctx, meetingId: string, sheet: AttendanceSheet) {
  const actor = assertCan(ctx.actor, 'attendance.write');
  return ctx.db.transaction().execute(async (tx) => {
    const meeting = await visibleMeeting(tx, actor, meetingId);
    assertMeetingLive(meeting);
    if (meeting.version !== sheet.version) throw conflict();
    const rows = await q.sheetRows(tx, meeting.training_id, meeting.id);
    const plan = planMarks(meeting.hours, rows, sheet.marks);
    if (plan.issues.length) throw new KeregeError('validation', plan.issues);
    const changed = plan.inserts.length + plan.updates.length;
    if (changed === 0) return toView(meeting, rows, 0);
    // the sheet's version is the meeting's: the client's, checked above
    await writePlan(tx, { ...ctx, actor }, meeting, rows, plan);
    return view(tx, (await findMeeting(tx, meeting.id))!, changed);
  });
}
