// Trainings (M2): a course scheduled at a centre — or, for the mobile IT-Yurt, at a named
// place — with dates, seats, language, trainers and volunteers. Who may see or change one
// follows its centre's place in the tree (0003); a training outside one's area is missing.
// Seats and the waiting list: ../enrolments/seats.ts; meetings: ./meetings.ts.
import { z } from 'zod';
import { STAFF_ROLES, type Role } from '../../../domain/accounts.js';
import { UUID_PATTERN } from '../../../domain/ids.js';
import type { TrainingInput, TrainingListQuery, TrainingPatch, TrainingStaffQuery } from '../../../domain/trainings.js';
import { searchTerm } from '../../db/paging.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { lockRow } from '../../db/dialect.js';
import { archiveRecord, insertRecord, restoreRecord, updateRecord } from '../../db/write.js';
import { KeregeError, invalid, notFound, type FieldIssue } from '../../errors.js';
import { findCentre } from '../centres/queries.js';
import { findCourse } from '../courses/queries.js';
import { promoteWaiting, seatState } from '../enrolments/seats.js';
import { centresUnder, type LearnerScope } from '../learners/queries.js';
import { visibleUnit } from '../org-units/service.js';
import * as q from './queries.js';

/** The training, if it exists and lies in the actor's area; 404 otherwise (the same answer). */
export async function visibleTraining(db: Queryable, actor: Actor, id: string): Promise<q.TrainingRow> {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const row = await q.findTraining(db, id);
  if (!row || !inScope(actor, row.path)) throw notFound();
  return row;
}

/** Writes need a live training: an archived one is restored first. */
export function assertLive(row: { deleted_at: string | null }): void {
  if (row.deleted_at) throw new KeregeError('conflict', [], 'archived');
}

const failIf = (issues: FieldIssue[]) => {
  if (issues.length) throw new KeregeError('validation', issues);
};

/** The full answer for one training: its figures and its meetings with their marks. */
export async function presentTraining(db: Queryable, id: string) {
  const row = (await q.findTraining(db, id))!;
  const [stats, meetings] = await Promise.all([q.statsOf(db, [row]), q.meetingsOf(db, id)]);
  const marks = await q.markCounts(db, meetings.map((m) => m.id));
  return { ...q.toTraining(row, stats), meetings: meetings.map((m) => q.toMeeting(m, marks.get(m.id))) };
}

/** A live centre in the actor's area, with its type (a mobile centre names the place). */
async function runningCentre(db: Queryable, actor: Actor, idOrCode: string) {
  const centre = await findCentre(db, idOrCode, UUID_PATTERN.test(idOrCode));
  if (!centre || centre.deleted_at || !inScope(actor, centre.path)) throw invalid('centreId', 'unknown_centre');
  return centre;
}

/** A live course the centre may run: the national catalogue's or the centre's own. */
async function usableCourse(db: Queryable, idOrCode: string, centrePath: string, issues: FieldIssue[]): Promise<string | null> {
  const course = await findCourse(db, idOrCode, UUID_PATTERN.test(idOrCode), centrePath);
  if (course && !course.deleted_at) return course.id;
  issues.push({ field: 'courseId', code: 'unknown_course' });
  return null;
}

/**
 * Trainers and volunteers are active staff accounts bound to the training's centre or to a
 * unit above it (its raion, oblast, the country): the people who can come and teach there.
 * Answers the ids as stored (the accounts' own ids), and reports every other one.
 */
async function staffIds(db: Queryable, centrePath: string, ids: string[], field: string, issues: FieldIssue[]): Promise<string[]> {
  const accounts = new Map((await q.accountsByIds(db, ids.filter((id) => UUID_PATTERN.test(id)))).map((a) => [a.id, a]));
  ids.forEach((id, i) => {
    const a = accounts.get(id);
    const fits = a && a.active === 1 && !a.deleted_at && STAFF_ROLES.includes(a.role as Role) && centrePath.startsWith(a.path);
    if (!fits) issues.push({ field: `${field}.${i}`, code: 'not_centre_staff' });
  });
  return ids;
}

export function trainingColumns(input: Partial<z.infer<typeof TrainingPatch>>): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  if (input.kind !== undefined) v.kind = input.kind;
  if (input.place !== undefined) v.place = input.place;
  if (input.startDate !== undefined) v.start_date = input.startDate;
  if (input.endDate !== undefined) v.end_date = input.endDate;
  if (input.capacity !== undefined) v.capacity = input.capacity;
  if (input.language !== undefined) v.language = input.language;
  if (input.trainerIds !== undefined) v.trainers = JSON.stringify(input.trainerIds);
  if (input.volunteerIds !== undefined) v.volunteers = JSON.stringify(input.volunteerIds);
  if (input.note !== undefined) v.note = input.note;
  return v;
}

/** Who may be named trainer or volunteer on a training of this centre (the picker's list). */
export async function trainingStaff(ctx: Ctx, query: z.infer<typeof TrainingStaffQuery>) {
  const actor = assertCan(ctx.actor, 'training.write');
  const unit = await visibleUnit(ctx.db, actor, query.centre);
  if (unit.kind !== 'centre') throw invalid('centre', 'unknown_centre');
  const rows = await q.staffOfCentre(ctx.db, unit.path, searchTerm(query.q), query.limit);
  return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role })) };
}

export async function listTrainings(ctx: Ctx, query: z.infer<typeof TrainingListQuery>) {
  const actor = assertCan(ctx.actor, 'training.read');
  const unit = query.centre ? await visibleUnit(ctx.db, actor, query.centre) : null;
  const prefix = unit?.path ?? actor.scopePath;
  const centreIds = prefix === null ? null : await centresUnder(ctx.db, prefix);
  const scope: LearnerScope = prefix === null ? null : centreIds ? { centreIds } : { pathPrefix: prefix };
  let courseId: string | undefined;
  if (query.course) {
    const course = await findCourse(ctx.db, query.course, UUID_PATTERN.test(query.course), actor.scopePath);
    if (!course) throw notFound();
    courseId = course.id;
  }
  const page = await q.listTrainings(ctx.db, {
    scope, courseId, from: query.from, to: query.to, staffUserId: query.mine ? actor.id : undefined,
    includeArchived: query.includeArchived, limit: query.limit, cursor: query.cursor,
  });
  const stats = await q.statsOf(ctx.db, page.rows);
  return { items: page.rows.map((r) => q.toTraining(r, stats)), nextCursor: page.nextCursor };
}

export async function getTraining(ctx: Ctx, id: string) {
  const actor = assertCan(ctx.actor, 'training.read');
  const row = await visibleTraining(ctx.db, actor, id);
  return presentTraining(ctx.db, row.id);
}

export async function createTraining(ctx: Ctx, input: TrainingInput) {
  const actor = assertCan(ctx.actor, 'training.write');
  return ctx.db.transaction().execute(async (tx) => {
    const centre = await runningCentre(tx, actor, input.centreId);
    const issues: FieldIssue[] = [];
    const courseId = await usableCourse(tx, input.courseId, centre.path, issues);
    if (centre.type === 'mobile' && !input.place) issues.push({ field: 'place', code: 'place_required' });
    const trainerIds = await staffIds(tx, centre.path, input.trainerIds, 'trainerIds', issues);
    const volunteerIds = await staffIds(tx, centre.path, input.volunteerIds, 'volunteerIds', issues);
    failIf(issues);
    const values = { ...trainingColumns({ ...input, trainerIds, volunteerIds }), course_id: courseId, centre_id: centre.id, place: input.place ?? null, note: input.note ?? null };
    const row = await insertRecord(tx, { ...ctx, actor }, 'trainings', values, { scopeId: centre.id });
    return presentTraining(tx, row.id);
  });
}

export async function updateTraining(ctx: Ctx, id: string, patch: z.infer<typeof TrainingPatch>) {
  const actor = assertCan(ctx.actor, 'training.write');
  return ctx.db.transaction().execute(async (tx) => {
    // the seats are counted below: hold the row so that enrolments queue behind this edit
    if (UUID_PATTERN.test(id)) await lockRow(tx, ctx.engine, 'trainings', id);
    const row = await visibleTraining(tx, actor, id);
    assertLive(row);
    const issues: FieldIssue[] = [];
    const values = trainingColumns(patch);
    const start = patch.startDate ?? row.start_date;
    const end = patch.endDate ?? row.end_date;
    if (end < start) issues.push({ field: 'endDate', code: 'end_before_start' });
    else if ((patch.startDate || patch.endDate) && await q.meetingsOutside(tx, row.id, start, end) > 0) {
      issues.push({ field: patch.startDate ? 'startDate' : 'endDate', code: 'meetings_outside' });
    }
    if (row.centre_type === 'mobile' && !(patch.place === undefined ? row.place : patch.place)) issues.push({ field: 'place', code: 'place_required' });
    if (patch.courseId !== undefined) values.course_id = await usableCourse(tx, patch.courseId, row.path, issues);
    if (patch.capacity !== undefined) {
      const { occupied } = await seatState(tx, row.id);
      if (patch.capacity < occupied) issues.push({ field: 'capacity', code: 'below_occupied', params: { min: occupied } });
    }
    if (patch.trainerIds) await staffIds(tx, row.path, patch.trainerIds, 'trainerIds', issues);
    if (patch.volunteerIds) await staffIds(tx, row.path, patch.volunteerIds, 'volunteerIds', issues);
    failIf(issues);
    const c = { ...ctx, actor };
    await updateRecord(tx, c, 'trainings', row.id, patch.version, values, { scopeId: row.centre_id });
    // more seats: the first people waiting get them now
    if (patch.capacity !== undefined && (row.capacity === null || patch.capacity > row.capacity)) {
      await promoteWaiting(tx, c, { id: row.id, capacity: patch.capacity, centre_id: row.centre_id });
    }
    return presentTraining(tx, row.id);
  });
}

export async function setTrainingArchived(ctx: Ctx, id: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'training.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleTraining(tx, actor, id);
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    const c = { ...ctx, actor };
    if (archived) await archiveRecord(tx, c, 'trainings', row.id, version, row.centre_id);
    else await restoreRecord(tx, c, 'trainings', row.id, version, row.centre_id);
    return presentTraining(tx, row.id);
  });
}
