// Meetings of a training: a date within the training's days, a start time and a length in
// hours. A meeting's version is also its attendance sheet's version (../attendance), so a
// sheet and an edit of the meeting cannot overwrite each other unseen.
import { z } from 'zod';
import { UUID_PATTERN } from '../../../domain/ids.js';
import { rescaleMark, type MeetingInput, type MeetingPatch } from '../../../domain/trainings.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { archiveRecord, insertRecord, restoreRecord, updateRecord, updateRecords } from '../../db/write.js';
import { KeregeError, invalid, notFound } from '../../errors.js';
import * as q from './queries.js';
import { assertLive, visibleTraining } from './service.js';

/** The meeting, if it exists and its centre lies in the actor's area; 404 otherwise. */
export async function visibleMeeting(db: Queryable, actor: Actor, id: string): Promise<q.FoundMeeting> {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const row = await q.findMeeting(db, id);
  if (!row || !inScope(actor, row.path)) throw notFound();
  return row;
}

/** Writes need a live meeting of a live training. */
export function assertMeetingLive(row: q.FoundMeeting): void {
  if (row.deleted_at || row.training_deleted_at) throw new KeregeError('conflict', [], 'archived');
}

function assertWithin(date: string, training: { start_date: string; end_date: string }): void {
  if (date < training.start_date || date > training.end_date) {
    throw invalid('date', 'outside_training', { from: training.start_date, to: training.end_date });
  }
}

async function present(db: Queryable, id: string) {
  const row = (await q.findMeeting(db, id))!;
  return q.toMeeting(row, (await q.markCounts(db, [id])).get(id));
}

export async function createMeeting(ctx: Ctx, trainingId: string, input: MeetingInput) {
  const actor = assertCan(ctx.actor, 'training.write');
  return ctx.db.transaction().execute(async (tx) => {
    const training = await visibleTraining(tx, actor, trainingId);
    assertLive(training);
    assertWithin(input.date, training);
    const row = await insertRecord(tx, { ...ctx, actor }, 'meetings', {
      training_id: training.id, centre_id: training.centre_id, date: input.date, start_time: input.startTime, hours: input.hours,
    }, { scopeId: training.centre_id });
    return present(tx, row.id);
  });
}

/**
 * Edit a meeting. A new length carries over to its marks in the same transaction (audited):
 * whoever attended the whole meeting still did, a part is cut to the new length.
 */
export async function updateMeeting(ctx: Ctx, id: string, patch: z.infer<typeof MeetingPatch>) {
  const actor = assertCan(ctx.actor, 'training.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleMeeting(tx, actor, id);
    assertMeetingLive(row);
    if (patch.date !== undefined) assertWithin(patch.date, row);
    const values: Record<string, unknown> = {};
    if (patch.date !== undefined) values.date = patch.date;
    if (patch.startTime !== undefined) values.start_time = patch.startTime;
    if (patch.hours !== undefined) values.hours = patch.hours;
    const c = { ...ctx, actor };
    await updateRecord(tx, c, 'meetings', row.id, patch.version, values, { scopeId: row.centre_id });
    if (patch.hours !== undefined && patch.hours !== row.hours) {
      const marks = await tx.selectFrom('attendance').selectAll().where('meeting_id', '=', row.id).where('present', '=', 1).execute();
      await updateRecords(tx, c, 'attendance', marks.map((before) => ({
        before, patch: { hours: rescaleMark(before.hours, row.hours, patch.hours!) },
      })), { scopeId: row.centre_id });
    }
    return present(tx, row.id);
  });
}

export async function setMeetingArchived(ctx: Ctx, id: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'training.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleMeeting(tx, actor, id);
    if (row.training_deleted_at) throw new KeregeError('conflict', [], 'archived');
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    const c = { ...ctx, actor };
    if (archived) await archiveRecord(tx, c, 'meetings', row.id, version, row.centre_id);
    else {
      // the training's days may have moved while the meeting was archived
      assertWithin(row.date, row);
      await restoreRecord(tx, c, 'meetings', row.id, version, row.centre_id);
    }
    return present(tx, row.id);
  });
}
