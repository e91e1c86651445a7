// Enrolment (M3): learners join a training one by one or many at once; when the seats run
// out the rest join the waiting list in the order given, and a freed seat goes to the first
// person waiting. Completion follows the course's rule (hours attended) and is confirmed by
// staff; a learner can also drop out. Rules and reasons: docs/decisions/0013.
import { UUID_PATTERN } from '../../../domain/ids.js';
import { isoToday } from '../../../domain/learning.js';
import { TRAINING_LIMITS, allocateSeats, completionStatus, type EnrolInput } from '../../../domain/trainings.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { lockRow } from '../../db/dialect.js';
import { insertRecords, updateRecord, updateRecords } from '../../db/write.js';
import { KeregeError, invalid, notFound, type FieldIssue } from '../../errors.js';
import { findTraining, type TrainingRow } from '../trainings/queries.js';
import { assertLive, visibleTraining } from '../trainings/service.js';
import { linkedIntoArea } from '../learners/links.js';
import * as q from './queries.js';
import { promoteWaiting, seatState } from './seats.js';

const ACTIVE = new Set(['enrolled', 'completed']);
const GROUP: Record<string, number> = { enrolled: 0, completed: 0, waiting: 1, dropped: 2 };

/** Every enrolment of the training, each with its hours so far and where it stands against the rule. */
export async function enrolmentList(db: Queryable, training: TrainingRow) {
  const [rows, hours, scheduled] = await Promise.all([
    q.enrolmentsOf(db, training.id), q.hoursByEnrolment(db, training.id), q.scheduledHours(db, training.id),
  ]);
  const waiting = rows.filter((r) => r.status === 'waiting')
    .sort((a, b) => a.waitlist_position! - b.waitlist_position! || (a.id < b.id ? -1 : 1));
  const rank = new Map(waiting.map((r, i) => [r.id, i + 1]));
  const byName = (a: q.EnrolmentRow, b: q.EnrolmentRow) => (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : a.id < b.id ? -1 : 1);
  const ordered = [...rows].sort((a, b) => GROUP[a.status] - GROUP[b.status]
    || (a.status === 'waiting' ? rank.get(a.id)! - rank.get(b.id)! : byName(a, b)));
  const items = ordered.map((r) => {
    const attended = hours.get(r.id) ?? 0;
    return {
      id: r.id, version: r.version, trainingId: r.training_id, learnerId: r.learner_id,
      learner: { lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name, centreId: r.learner_centre_id },
      status: r.status as never, waitingPosition: rank.get(r.id) ?? null,
      enrolledOn: r.enrolled_on, completedOn: r.completed_on, droppedOn: r.dropped_on,
      promotedAt: r.promoted_at, promotionSeenAt: r.promotion_seen_at,
      hoursAttended: attended, completion: completionStatus(attended, scheduled, training.completion_percent),
    };
  });
  return { items, scheduledHours: scheduled, completionPercent: training.completion_percent };
}

async function visibleEnrolment(db: Queryable, actor: Actor, id: string) {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const row = await q.findEnrolment(db, id);
  if (!row || !inScope(actor, row.path)) throw notFound();
  return row;
}

/** Read the enrolment, hold its training's seats, read it again as it now stands. */
async function heldEnrolment(db: Queryable, ctx: Ctx, actor: Actor, id: string) {
  const seen = await visibleEnrolment(db, actor, id);
  await lockRow(db, ctx.engine, 'trainings', seen.training_id);
  const row = (await q.findEnrolment(db, id))!;
  if (row.training_deleted_at) throw new KeregeError('conflict', [], 'archived');
  return row;
}

export async function listEnrolments(ctx: Ctx, trainingId: string) {
  const actor = assertCan(ctx.actor, 'learner.read');
  return enrolmentList(ctx.db, await visibleTraining(ctx.db, actor, trainingId));
}

/**
 * Enrol learners in the order given: seats first, then the waiting list. A learner outside
 * the caller's area (or archived, merged, unknown), listed twice or already on the training,
 * or a full waiting list, is a field error of `learnerIds.N` — and nothing is written.
 * A learner who dropped out earlier comes back on the same record.
 */
export async function enrol(ctx: Ctx, trainingId: string, input: EnrolInput) {
  const actor = assertCan(ctx.actor, 'training.write');
  return ctx.db.transaction().execute(async (tx) => {
    if (UUID_PATTERN.test(trainingId)) await lockRow(tx, ctx.engine, 'trainings', trainingId);
    const training = await visibleTraining(tx, actor, trainingId);
    assertLive(training);
    const ids = input.learnerIds;
    const wellFormed = [...new Set(ids.filter((id) => UUID_PATTERN.test(id)))];
    const [learners, prior] = await Promise.all([q.learnersByIds(tx, wellFormed), q.enrolmentsOfLearners(tx, training.id, wellFormed)]);
    const learnerById = new Map(learners.map((l) => [l.id, l]));
    // learners of other centres linked into the caller's area may be enrolled too (decision 0019)
    const linked = await linkedIntoArea(tx, actor, learners.filter((l) => !inScope(actor, l.path)).map((l) => l.id));
    const priorByLearner = new Map(prior.map((e) => [e.learner_id, e]));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      const field = `learnerIds.${i}`;
      const learner = learnerById.get(id);
      if (seen.has(id)) issues.push({ field, code: 'duplicate' });
      else if (!learner || learner.deleted_at || learner.merged_into || !(inScope(actor, learner.path) || linked.has(id))) issues.push({ field, code: 'unknown_learner' });
      else if (priorByLearner.has(id) && priorByLearner.get(id)!.status !== 'dropped') issues.push({ field, code: 'already_enrolled' });
      seen.add(id);
    });
    if (issues.length) throw new KeregeError('validation', issues);

    const state = await seatState(tx, training.id);
    const places = allocateSeats({ capacity: training.capacity, occupied: state.occupied, waiting: state.waiting }, ids.length);
    places.forEach((place, i) => {
      if (place === 'full') issues.push({ field: `learnerIds.${i}`, code: 'waitlist_full', params: { max: TRAINING_LIMITS.waitlistMax } });
    });
    if (issues.length) throw new KeregeError('validation', issues);

    let position = state.lastPosition;
    const today = isoToday();
    const fresh: Record<string, unknown>[] = [];
    const again: Array<{ before: (typeof prior)[number]; patch: Record<string, unknown> }> = [];
    ids.forEach((id, i) => {
      const status = places[i];
      const values = {
        status, waitlist_position: status === 'waiting' ? ++position : null, enrolled_on: today,
        completed_on: null, dropped_on: null, promoted_at: null, promotion_seen_at: null,
      };
      const before = priorByLearner.get(id);
      if (before) again.push({ before, patch: values });
      else fresh.push({ ...values, training_id: training.id, learner_id: id, centre_id: training.centre_id });
    });
    const c = { ...ctx, actor };
    await insertRecords(tx, c, 'enrolments', fresh, { scopeId: training.centre_id });
    await updateRecords(tx, c, 'enrolments', again, { scopeId: training.centre_id });
    const list = await enrolmentList(tx, training);
    const byLearner = new Map(list.items.map((e) => [e.learnerId, e]));
    return { items: ids.map((id) => byLearner.get(id)!) };
  });
}

/** Drop out (or leave the waiting list). A freed seat goes to the first person waiting. */
export async function dropEnrolment(ctx: Ctx, id: string, version: string) {
  const actor = assertCan(ctx.actor, 'training.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await heldEnrolment(tx, ctx, actor, id);
    if (row.status !== 'enrolled' && row.status !== 'waiting') throw invalid('status', 'wrong_status');
    const c = { ...ctx, actor };
    await updateRecord(tx, c, 'enrolments', row.id, version, { status: 'dropped', dropped_on: isoToday(), waitlist_position: null }, { scopeId: row.centre_id });
    const promoted = ACTIVE.has(row.status)
      ? await promoteWaiting(tx, c, { id: row.training_id, capacity: row.capacity, centre_id: row.centre_id })
      : [];
    const list = await enrolmentList(tx, (await findTraining(tx, row.training_id))!);
    const byId = new Map(list.items.map((e) => [e.id, e]));
    return { enrolment: byId.get(row.id)!, promoted: promoted.map((p) => byId.get(p)!) };
  });
}

/**
 * Confirm completion: only an enrolled learner who has attended the course's share of the
 * scheduled hours. Dated the day it is confirmed, or the training's last day if that came first.
 */
export async function completeEnrolment(ctx: Ctx, id: string, version: string) {
  const actor = assertCan(ctx.actor, 'training.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await heldEnrolment(tx, ctx, actor, id);
    if (row.status !== 'enrolled') throw invalid('status', 'wrong_status');
    const training = (await findTraining(tx, row.training_id))!;
    const list = await enrolmentList(tx, training);
    const { completion } = list.items.find((e) => e.id === row.id)!;
    if (!completion.met) {
      throw invalid('hoursAttended', 'completion_rule_not_met', { attended: completion.percent, required: completion.requiredPercent });
    }
    const today = isoToday();
    await updateRecord(tx, { ...ctx, actor }, 'enrolments', row.id, version, {
      status: 'completed', completed_on: today < training.end_date ? today : training.end_date,
    }, { scopeId: row.centre_id });
    return (await enrolmentList(tx, training)).items.find((e) => e.id === row.id)!;
  });
}
