// Outcome queries, and what the follow-up worklist is computed from (enrolments of trainings
// that ended in a range of dates). Blind to users: callers pass the area.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { OutcomeStatus } from '../../../domain/followups.js';
import type { Queryable } from '../../context.js';
import { decodeCursor, encodeCursor } from '../../db/paging.js';
import { inArea, type Area } from '../area.js';
import { namesOf } from '../org-units/queries.js';

function base(db: Queryable) {
  return db.selectFrom('outcomes')
    .innerJoin('org_units as c', 'c.id', 'outcomes.centre_id')
    .innerJoin('learners as l', 'l.id', 'outcomes.learner_id')
    .leftJoin('trainings as t', 't.id', 'outcomes.training_id')
    .leftJoin('courses as co', 'co.id', 't.course_id')
    .selectAll('outcomes')
    .select(['c.code as centre_code', 'c.name_kk', 'c.name_ru', 'c.name_en', 'c.path',
      'l.last_name', 'l.first_name', 'l.middle_name',
      't.kind', 't.start_date', 't.end_date', 't.centre_id as training_centre_id', 't.course_id',
      'co.name_kk as course_kk', 'co.name_ru as course_ru', 'co.name_en as course_en']);
}
export type OutcomeRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function toOutcome(r: OutcomeRow) {
  return {
    id: r.id, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at, archivedAt: r.deleted_at,
    centreId: r.centre_id, centre: { id: r.centre_id, code: r.centre_code, name: namesOf(r) },
    learnerId: r.learner_id, learner: { id: r.learner_id, lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name },
    trainingId: r.training_id,
    training: r.training_id && r.course_id
      ? {
        id: r.training_id, kind: r.kind as never, startDate: r.start_date!, endDate: r.end_date!, centreId: r.training_centre_id!,
        course: { id: r.course_id, name: { kk: r.course_kk!, ru: r.course_ru!, en: r.course_en! } },
      }
      : null,
    dueOn: r.due_on, recordedOn: r.recorded_on, status: r.status as OutcomeStatus | null, employer: r.employer,
    evidence: r.evidence as never, note: r.note,
  };
}

export function findOutcome(db: Queryable, id: string) {
  return base(db).where('outcomes.id', '=', id).executeTakeFirst();
}

/** The live recorded outcome of one follow-up, if any. */
export async function outcomeOfFollowUp(db: Queryable, key: { trainingId: string; learnerId: string; dueOn: string }, except?: string) {
  let query = db.selectFrom('outcomes').select('id')
    .where('training_id', '=', key.trainingId).where('learner_id', '=', key.learnerId).where('due_on', '=', key.dueOn)
    .where('deleted_at', 'is', null);
  if (except) query = query.where('id', '!=', except);
  return (await query.executeTakeFirst())?.id ?? null;
}

export interface OutcomeFilter {
  area: Area;
  from?: string;
  to?: string;
  learnerId?: string;
  trainingId?: string;
  status?: string;
  includeArchived?: boolean;
}

/** Conditions on a query over recorded `outcomes` joined with its centre as `c`. */
function conditions(f: OutcomeFilter): Array<Expression<SqlBool>> {
  const o = (column: string) => sql.ref(`outcomes.${column}`);
  const c: Array<Expression<SqlBool>> = [sql<boolean>`${o('recorded_on')} is not null`];
  const area = inArea(f.area, 'outcomes');
  if (area) c.push(area);
  if (f.from) c.push(sql<boolean>`${o('recorded_on')} >= ${f.from}`);
  if (f.to) c.push(sql<boolean>`${o('recorded_on')} <= ${f.to}`);
  if (f.learnerId) c.push(sql<boolean>`${o('learner_id')} = ${f.learnerId}`);
  if (f.trainingId) c.push(sql<boolean>`${o('training_id')} = ${f.trainingId}`);
  if (f.status) c.push(sql<boolean>`${o('status')} = ${f.status}`);
  if (!f.includeArchived) c.push(sql<boolean>`${o('deleted_at')} is null`);
  return c;
}

/** A page, latest recorded first; the cursor is the last row's date and id. */
export async function listOutcomes(db: Queryable, f: OutcomeFilter & { limit: number; cursor?: string }) {
  let query = base(db);
  for (const condition of conditions(f)) query = query.where(condition);
  if (f.cursor) {
    const [date, id] = decodeCursor(f.cursor);
    query = query.where(sql<boolean>`(outcomes.recorded_on <= ${date} and (outcomes.recorded_on < ${date} or outcomes.id < ${id}))`);
  }
  const rows = await query.orderBy('outcomes.recorded_on', 'desc').orderBy('outcomes.id', 'desc').limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > f.limit ? encodeCursor(last.recorded_on!, last.id) : null };
}

/** Each person's distinct statuses in the area and period (a merged record counts as its survivor). */
export async function statusFacts(db: Queryable, f: OutcomeFilter): Promise<Array<{ learnerId: string; status: string | null }>> {
  let query = db.selectFrom('outcomes').innerJoin('org_units as c', 'c.id', 'outcomes.centre_id')
    .innerJoin('learners as l', 'l.id', 'outcomes.learner_id')
    .select((eb) => [eb.fn.coalesce('l.merged_into', 'outcomes.learner_id').as('person'), 'outcomes.status'])
    .distinct();
  for (const condition of conditions(f)) query = query.where(condition);
  return (await query.execute()).map((r) => ({ learnerId: r.person, status: r.status }));
}

/**
 * Enrolments that can have a follow-up due: learners enrolled in or having completed a live
 * training of the given kinds in the area that ended within [endFrom, endTo], live and
 * unmerged learners only; oldest end first, at most `limit` rows.
 */
export async function followUpCandidates(db: Queryable, f: { area: Area; endFrom: string; endTo: string; kinds: readonly string[]; limit: number }) {
  let query = db.selectFrom('enrolments as e')
    .innerJoin('trainings', 'trainings.id', 'e.training_id')
    .innerJoin('org_units as c', 'c.id', 'trainings.centre_id')
    .innerJoin('courses as co', 'co.id', 'trainings.course_id')
    .innerJoin('learners as l', 'l.id', 'e.learner_id')
    .select(['e.id as enrolment_id', 'e.learner_id', 'e.training_id', 'e.status',
      'trainings.kind', 'trainings.start_date', 'trainings.end_date', 'trainings.centre_id', 'trainings.course_id',
      'c.code as centre_code', 'c.name_kk', 'c.name_ru', 'c.name_en',
      'co.name_kk as course_kk', 'co.name_ru as course_ru', 'co.name_en as course_en',
      'l.last_name', 'l.first_name', 'l.middle_name', 'l.phone'])
    .where('e.deleted_at', 'is', null).where('e.status', 'in', ['enrolled', 'completed'])
    .where('trainings.deleted_at', 'is', null).where('trainings.kind', 'in', [...f.kinds])
    .where('trainings.end_date', '>=', f.endFrom).where('trainings.end_date', '<=', f.endTo)
    .where('l.deleted_at', 'is', null).where('l.merged_into', 'is', null);
  const area = inArea(f.area, 'trainings');
  if (area) query = query.where(area);
  return query.orderBy('trainings.end_date').orderBy('e.id').limit(f.limit).execute();
}
export type CandidateRow = Awaited<ReturnType<typeof followUpCandidates>>[number];

/** The follow-ups already answered among some trainings: `training|learner|due date` keys. */
export async function answeredFollowUps(db: Queryable, trainingIds: string[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (let i = 0; i < trainingIds.length; i += 500) {
    const rows = await db.selectFrom('outcomes').select(['training_id', 'learner_id', 'due_on'])
      .where('training_id', 'in', trainingIds.slice(i, i + 500)).where('due_on', 'is not', null)
      .where('recorded_on', 'is not', null).where('deleted_at', 'is', null).execute();
    for (const r of rows) keys.add(`${r.training_id}|${r.learner_id}|${r.due_on}`);
  }
  return keys;
}
