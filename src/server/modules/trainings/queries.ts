// Training and meeting queries. Blind to users: callers pass the scope (centre ids or a path
// prefix) and, for "my schedule", a user id. A training's figures (enrolments by status,
// scheduled hours, staff names) are read for a whole page in three grouped queries.
import { sql } from 'kysely';
import type { Queryable } from '../../context.js';
import { startsWith } from '../../db/dialect.js';
import { after, decodeCursor, pageOf, parseJsonArray } from '../../db/paging.js';
import type { LearnerScope } from '../learners/queries.js';
import { STAFF_ROLES } from '../../../domain/accounts.js';
import { idsOnPath, namesOf } from '../org-units/queries.js';

function base(db: Queryable) {
  return db.selectFrom('trainings')
    .innerJoin('org_units as c', 'c.id', 'trainings.centre_id')
    .innerJoin('centres as ce', 'ce.id', 'trainings.centre_id')
    .innerJoin('courses as co', 'co.id', 'trainings.course_id')
    .selectAll('trainings')
    .select([
      'c.code as centre_code', 'c.name_kk', 'c.name_ru', 'c.name_en', 'c.path', 'ce.type as centre_type',
      'co.code as course_code', 'co.name_kk as course_kk', 'co.name_ru as course_ru', 'co.name_en as course_en',
      'co.category', 'co.planned_hours', 'co.completion_percent',
    ]);
}
export type TrainingRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function findTraining(db: Queryable, id: string) {
  return base(db).where('trainings.id', '=', id).executeTakeFirst();
}

export interface TrainingStats {
  counts: Map<string, Record<'enrolled' | 'completed' | 'waiting' | 'dropped', number>>;
  meetings: Map<string, { count: number; hours: number }>;
  staff: Map<string, string>;
}

/** Enrolments by status, live meetings and staff names of some trainings: three queries. */
export async function statsOf(db: Queryable, rows: TrainingRow[]): Promise<TrainingStats> {
  const ids = rows.map((r) => r.id);
  const stats: TrainingStats = { counts: new Map(), meetings: new Map(), staff: new Map() };
  if (ids.length === 0) return stats;
  const [counts, meetings] = await Promise.all([
    db.selectFrom('enrolments').select(['training_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('training_id', 'in', ids).where('deleted_at', 'is', null).groupBy(['training_id', 'status']).execute(),
    db.selectFrom('meetings')
      .select(['training_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('hours').as('h')])
      .where('training_id', 'in', ids).where('deleted_at', 'is', null).groupBy('training_id').execute(),
  ]);
  for (const r of counts) {
    const c = stats.counts.get(r.training_id) ?? { enrolled: 0, completed: 0, waiting: 0, dropped: 0 };
    c[r.status as keyof typeof c] = Number(r.n);
    stats.counts.set(r.training_id, c);
  }
  for (const m of meetings) stats.meetings.set(m.training_id, { count: Number(m.n), hours: Number(m.h ?? 0) });
  const staffIds = [...new Set(rows.flatMap((r) => [...parseJsonArray(r.trainers), ...parseJsonArray(r.volunteers)]))];
  if (staffIds.length) {
    for (const u of await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', staffIds).execute()) stats.staff.set(u.id, u.display_name);
  }
  return stats;
}

export function toTraining(r: TrainingRow, stats: TrainingStats) {
  const counts = stats.counts.get(r.id) ?? { enrolled: 0, completed: 0, waiting: 0, dropped: 0 };
  const meetings = stats.meetings.get(r.id) ?? { count: 0, hours: 0 };
  const staff = (json: string) => parseJsonArray(json).map((id) => ({ id, displayName: stats.staff.get(id) ?? '' }));
  return {
    id: r.id, centreId: r.centre_id,
    centre: { id: r.centre_id, code: r.centre_code, name: namesOf(r), type: r.centre_type },
    courseId: r.course_id,
    course: {
      id: r.course_id, code: r.course_code, name: { kk: r.course_kk, ru: r.course_ru, en: r.course_en }, category: r.category as never,
      plannedHours: r.planned_hours, completionPercent: r.completion_percent,
    },
    kind: r.kind as never, place: r.place, startDate: r.start_date, endDate: r.end_date, capacity: r.capacity,
    language: r.language as never, trainers: staff(r.trainers), volunteers: staff(r.volunteers), note: r.note,
    counts, seatsLeft: r.capacity === null ? null : Math.max(0, r.capacity - counts.enrolled - counts.completed),
    meetingCount: meetings.count, scheduledHours: meetings.hours,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at, archivedAt: r.deleted_at,
  };
}

export interface TrainingFilter {
  scope: LearnerScope;
  courseId?: string;
  from?: string;
  to?: string;
  /** Only trainings where this user is a trainer or a volunteer. */
  staffUserId?: string;
  includeArchived: boolean;
  limit: number;
  cursor?: string;
}

/** A page in start-date order (a schedule reads forwards; `from` skips what is over). */
export async function listTrainings(db: Queryable, f: TrainingFilter) {
  let query = base(db);
  if (f.scope && 'centreIds' in f.scope) {
    if (f.scope.centreIds.length === 0) return { rows: [], nextCursor: null };
    query = query.where('trainings.centre_id', 'in', f.scope.centreIds);
  } else if (f.scope) query = query.where(startsWith(sql.ref('c.path'), f.scope.pathPrefix));
  if (f.courseId) query = query.where('trainings.course_id', '=', f.courseId);
  if (f.from) query = query.where('trainings.end_date', '>=', f.from);
  if (f.to) query = query.where('trainings.start_date', '<=', f.to);
  if (f.staffUserId) {
    // user ids are hex and dashes: no LIKE wildcards can occur in the pattern
    const quoted = `%"${f.staffUserId}"%`;
    query = query.where((eb) => eb.or([eb('trainings.trainers', 'like', quoted), eb('trainings.volunteers', 'like', quoted)]));
  }
  if (!f.includeArchived) query = query.where('trainings.deleted_at', 'is', null);
  if (f.cursor) query = query.where(after(sql.ref('trainings.start_date'), sql.ref('trainings.id'), decodeCursor(f.cursor)));
  const rows = await query.orderBy('trainings.start_date').orderBy('trainings.id').limit(f.limit + 1).execute();
  return pageOf(rows, f.limit, (r) => [r.start_date, r.id]);
}

/** Accounts by id with the path of their org unit, to check who may train at a centre. */
export function accountsByIds(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').innerJoin('org_units as u', 'u.id', 'users.org_unit_id')
    .select(['users.id', 'users.role', 'users.active', 'users.deleted_at', 'u.path']).where('users.id', 'in', ids).execute();
}

/**
 * Who may be named trainer or volunteer at a centre: live, active staff accounts of the centre
 * or of a unit above it (the rule `not_centre_staff` checks on save), by name. Names and
 * roles only — an account's other details stay with the administrator.
 */
export function staffOfCentre(db: Queryable, centrePath: string, search: string | null, limit: number) {
  let query = db.selectFrom('users').select(['users.id', 'users.display_name', 'users.role'])
    .where('users.org_unit_id', 'in', idsOnPath(centrePath)).where('users.role', 'in', [...STAFF_ROLES])
    .where('users.active', '=', 1).where('users.deleted_at', 'is', null);
  if (search) query = query.where('users.search_key', 'like', `%${search}%`);
  return query.orderBy('users.display_name').orderBy('users.id').limit(limit).execute();
}

/** Live meetings of a training dated outside [start, end]. */
export async function meetingsOutside(db: Queryable, trainingId: string, start: string, end: string): Promise<number> {
  const row = await db.selectFrom('meetings').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('training_id', '=', trainingId).where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('date', '<', start), eb('date', '>', end)])).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ------------------------------------------------------------------ meetings

export function meetingsOf(db: Queryable, trainingId: string) {
  return db.selectFrom('meetings').selectAll().where('training_id', '=', trainingId)
    .orderBy('date').orderBy('start_time').orderBy('id').execute();
}
export type MeetingRow = Awaited<ReturnType<typeof meetingsOf>>[number];

/** Present and absent marks per meeting, in one query. */
export async function markCounts(db: Queryable, meetingIds: string[]): Promise<Map<string, { present: number; absent: number }>> {
  const result = new Map<string, { present: number; absent: number }>();
  if (meetingIds.length === 0) return result;
  const rows = await db.selectFrom('attendance').select(['meeting_id', 'present', (eb) => eb.fn.countAll<number>().as('n')])
    .where('meeting_id', 'in', meetingIds).where('deleted_at', 'is', null).groupBy(['meeting_id', 'present']).execute();
  for (const r of rows) {
    const c = result.get(r.meeting_id) ?? { present: 0, absent: 0 };
    if (Number(r.present) === 1) c.present = Number(r.n);
    else c.absent = Number(r.n);
    result.set(r.meeting_id, c);
  }
  return result;
}

export function toMeeting(m: MeetingRow, marks = { present: 0, absent: 0 }) {
  return {
    id: m.id, trainingId: m.training_id, centreId: m.centre_id, date: m.date, startTime: m.start_time, hours: m.hours, marks,
    version: m.version, createdAt: m.created_at, updatedAt: m.updated_at, archivedAt: m.deleted_at,
  };
}

/** A meeting with what decides who may see it and whether it may change: its training's dates and state, the centre's path. */
export function findMeeting(db: Queryable, id: string) {
  return db.selectFrom('meetings').innerJoin('trainings as t', 't.id', 'meetings.training_id').innerJoin('org_units as c', 'c.id', 'meetings.centre_id')
    .selectAll('meetings').select(['t.start_date', 't.end_date', 't.deleted_at as training_deleted_at', 'c.path'])
    .where('meetings.id', '=', id).executeTakeFirst();
}
export type FoundMeeting = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;
