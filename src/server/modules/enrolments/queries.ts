// Enrolment queries: a training's learners with their hours so far, one enrolment with what
// decides who may touch it, and the learners named in an enrolment request.
import type { Queryable } from '../../context.js';

/** Every enrolment of a training with the learner's name (at most capacity + waiting list + dropped). */
export function enrolmentsOf(db: Queryable, trainingId: string) {
  return db.selectFrom('enrolments').innerJoin('learners as l', 'l.id', 'enrolments.learner_id')
    .selectAll('enrolments')
    .select(['l.last_name', 'l.first_name', 'l.middle_name', 'l.centre_id as learner_centre_id', 'l.sort_key'])
    .where('enrolments.training_id', '=', trainingId).where('enrolments.deleted_at', 'is', null)
    .execute();
}
export type EnrolmentRow = Awaited<ReturnType<typeof enrolmentsOf>>[number];

/** Hours attended per enrolment over the training's live meetings, in one grouped query. */
export async function hoursByEnrolment(db: Queryable, trainingId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('attendance').innerJoin('meetings as m', 'm.id', 'attendance.meeting_id')
    .select(['attendance.enrolment_id', (eb) => eb.fn.sum<number>('attendance.hours').as('h')])
    .where('m.training_id', '=', trainingId).where('m.deleted_at', 'is', null)
    .where('attendance.deleted_at', 'is', null).where('attendance.present', '=', 1)
    .groupBy('attendance.enrolment_id').execute();
  return new Map(rows.map((r) => [r.enrolment_id, Number(r.h ?? 0)]));
}

/** Scheduled hours of a training: the sum over its live meetings. */
export async function scheduledHours(db: Queryable, trainingId: string): Promise<number> {
  const row = await db.selectFrom('meetings').select((eb) => eb.fn.sum<number>('hours').as('h'))
    .where('training_id', '=', trainingId).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(row?.h ?? 0);
}

/** One enrolment with its training's state and the centre's path (the scope). */
export function findEnrolment(db: Queryable, id: string) {
  return db.selectFrom('enrolments').innerJoin('trainings as t', 't.id', 'enrolments.training_id')
    .innerJoin('org_units as c', 'c.id', 'enrolments.centre_id')
    .selectAll('enrolments').select(['c.path', 't.capacity', 't.end_date', 't.deleted_at as training_deleted_at'])
    .where('enrolments.id', '=', id).executeTakeFirst();
}

/** Learners named in a request, with the path of the centre that keeps each. */
export function learnersByIds(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('learners').innerJoin('org_units as c', 'c.id', 'learners.centre_id')
    .select(['learners.id', 'learners.deleted_at', 'learners.merged_into', 'c.path'])
    .where('learners.id', 'in', ids).execute();
}

/** The training's existing enrolments of some learners, whatever their status. */
export function enrolmentsOfLearners(db: Queryable, trainingId: string, learnerIds: string[]) {
  if (learnerIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('enrolments').selectAll().where('training_id', '=', trainingId)
    .where('learner_id', 'in', learnerIds).where('deleted_at', 'is', null).execute();
}
