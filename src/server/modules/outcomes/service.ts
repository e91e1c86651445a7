// Outcomes (M5): what became of a learner, recorded at a follow-up — the status, the employer
// or business, the date and the evidence. An outcome about a training is kept by the
// training's centre (the one that follows its learners up), otherwise by the learner's
// centre. Personal data: scoped staff only; outside one's area an outcome is missing (404).
// The seeds' figures come from these records (domain/followups.ts). Decision 0014.
import { z } from 'zod';
import { followUpDates, foundJob, foundWorkOrBusinessOrBetterJob } from '../../../domain/followups.js';
import { UUID_PATTERN } from '../../../domain/ids.js';
import { OUTCOME_STATUS } from '../../../domain/learning.js';
import { outcomeIssues, type OutcomeInput, type OutcomeListQuery, type OutcomePatch, type OutcomeSummaryQuery } from '../../../domain/outcomes.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { archiveRecord, insertRecord, restoreRecord, updateRecord } from '../../db/write.js';
import { KeregeError, invalid, notFound, type FieldIssue } from '../../errors.js';
import { areaOf } from '../area.js';
import { learnerInArea } from '../learners/links.js';
import * as q from './queries.js';
import { followUpMonths } from './settings.js';

async function visibleOutcome(db: Queryable, actor: Actor, id: string): Promise<q.OutcomeRow> {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const row = await q.findOutcome(db, id);
  if (!row || !inScope(actor, row.path)) throw notFound();
  return row;
}

const failIf = (issues: FieldIssue[]) => {
  if (issues.length) throw new KeregeError('validation', issues);
};

/** A second writer recording the same follow-up at the same moment meets the unique index (0005). */
const answeredTwice = (error: unknown): never => {
  if (isUniqueViolation(error)) throw invalid('dueOn', 'already_recorded');
  throw error;
};

function lookupTraining(db: Queryable, id: string) {
  return db.selectFrom('trainings').innerJoin('org_units as c', 'c.id', 'trainings.centre_id')
    .select(['trainings.id', 'trainings.centre_id', 'trainings.end_date', 'trainings.deleted_at', 'c.path'])
    .where('trainings.id', '=', id).executeTakeFirst();
}

function lookupLearner(db: Queryable, id: string) {
  return db.selectFrom('learners').innerJoin('org_units as c', 'c.id', 'learners.centre_id')
    .select(['learners.id', 'learners.centre_id', 'learners.deleted_at', 'learners.merged_into', 'c.path'])
    .where('learners.id', '=', id).executeTakeFirst();
}

function isFollowedUp(db: Queryable, trainingId: string, learnerId: string) {
  return db.selectFrom('enrolments').select('id')
    .where('training_id', '=', trainingId).where('learner_id', '=', learnerId)
    .where('status', 'in', ['enrolled', 'completed']).where('deleted_at', 'is', null).executeTakeFirst();
}

/**
 * Who, about which training, and which centre keeps it. The learner must be in the caller's
 * area — or enrolled in the (in-area) training, so a centre follows up everyone it trained.
 */
async function subject(db: Queryable, actor: Actor, input: OutcomeInput) {
  const training = input.trainingId && UUID_PATTERN.test(input.trainingId) ? await lookupTraining(db, input.trainingId) : undefined;
  const learner = UUID_PATTERN.test(input.learnerId) ? await lookupLearner(db, input.learnerId) : undefined;
  const issues: FieldIssue[] = [];
  const liveTraining = training && !training.deleted_at && inScope(actor, training.path) ? training : null;
  if (input.trainingId && !liveTraining) issues.push({ field: 'trainingId', code: 'unknown_training' });
  const liveLearner = learner && !learner.deleted_at && !learner.merged_into ? learner : null;
  const enrolled = liveTraining && liveLearner ? await isFollowedUp(db, liveTraining.id, liveLearner.id) : undefined;
  const here = liveLearner ? await learnerInArea(db, actor, liveLearner.id, liveLearner.path) : false;
  if (!liveLearner || (!here && !enrolled)) issues.push({ field: 'learnerId', code: 'unknown_learner' });
  else if (liveTraining && !enrolled) issues.push({ field: 'learnerId', code: 'not_enrolled' });
  failIf(issues);
  return { learner: liveLearner!, training: liveTraining };
}

export async function recordOutcome(ctx: Ctx, input: OutcomeInput) {
  const actor = assertCan(ctx.actor, 'outcome.write');
  return ctx.db.transaction().execute(async (tx) => {
    const { learner, training } = await subject(tx, actor, input);
    const issues: FieldIssue[] = [];
    if (training && input.recordedOn < training.end_date) issues.push({ field: 'recordedOn', code: 'before_training_end' });
    if (training && input.dueOn) {
      const { months } = await followUpMonths(tx);
      if (!followUpDates(training.end_date, months).some((d) => d.dueOn === input.dueOn)) issues.push({ field: 'dueOn', code: 'not_due_date' });
      else if (await q.outcomeOfFollowUp(tx, { trainingId: training.id, learnerId: learner.id, dueOn: input.dueOn })) {
        issues.push({ field: 'dueOn', code: 'already_recorded' });
      }
    }
    failIf(issues);
    const centreId = training?.centre_id ?? learner.centre_id;
    const row = await insertRecord(tx, { ...ctx, actor }, 'outcomes', {
      centre_id: centreId, learner_id: learner.id, training_id: training?.id ?? null, due_on: input.dueOn,
      recorded_on: input.recordedOn, status: input.status, employer: input.employer, evidence: input.evidence, note: input.note,
    }, { scopeId: centreId }).catch(answeredTwice);
    return q.toOutcome((await q.findOutcome(tx, row.id))!);
  });
}

export async function getOutcome(ctx: Ctx, id: string) {
  const actor = assertCan(ctx.actor, 'outcome.read');
  return q.toOutcome(await visibleOutcome(ctx.db, actor, id));
}

export async function updateOutcome(ctx: Ctx, id: string, patch: OutcomePatch) {
  const actor = assertCan(ctx.actor, 'outcome.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleOutcome(tx, actor, id);
    if (row.deleted_at) throw new KeregeError('conflict', [], 'archived');
    const merged = { status: patch.status ?? row.status ?? undefined, evidence: patch.evidence === undefined ? row.evidence : patch.evidence };
    const issues: FieldIssue[] = outcomeIssues(merged).map((i) => ({ field: i.path.join('.'), code: i.code }));
    if (patch.recordedOn && row.end_date && patch.recordedOn < row.end_date) issues.push({ field: 'recordedOn', code: 'before_training_end' });
    failIf(issues);
    const values: Record<string, unknown> = {};
    if (patch.recordedOn !== undefined) values.recorded_on = patch.recordedOn;
    if (patch.status !== undefined) values.status = patch.status;
    if (patch.employer !== undefined) values.employer = patch.employer;
    if (patch.evidence !== undefined) values.evidence = patch.evidence;
    if (patch.note !== undefined) values.note = patch.note;
    await updateRecord(tx, { ...ctx, actor }, 'outcomes', row.id, patch.version, values, { scopeId: row.centre_id });
    return q.toOutcome((await q.findOutcome(tx, row.id))!);
  });
}

/** Archive, or restore unless the same follow-up has been recorded again since. */
export async function setOutcomeArchived(ctx: Ctx, id: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'outcome.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleOutcome(tx, actor, id);
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    const c = { ...ctx, actor };
    if (archived) await archiveRecord(tx, c, 'outcomes', row.id, version, row.centre_id);
    else {
      if (row.training_id && row.due_on && await q.outcomeOfFollowUp(tx, { trainingId: row.training_id, learnerId: row.learner_id, dueOn: row.due_on }, row.id)) {
        throw invalid('dueOn', 'already_recorded');
      }
      await restoreRecord(tx, c, 'outcomes', row.id, version, row.centre_id).catch(answeredTwice);
    }
    return q.toOutcome((await q.findOutcome(tx, row.id))!);
  });
}

export async function listOutcomes(ctx: Ctx, query: z.infer<typeof OutcomeListQuery>) {
  const actor = assertCan(ctx.actor, 'outcome.read');
  const area = await areaOf(ctx.db, actor, query.centre);
  const page = await q.listOutcomes(ctx.db, {
    area, from: query.from, to: query.to, learnerId: query.learner, trainingId: query.training, status: query.status,
    includeArchived: query.includeArchived, limit: query.limit, cursor: query.cursor,
  });
  return { items: page.rows.map(q.toOutcome), nextCursor: page.nextCursor };
}

/** The seeds' two figures and the people per status, each person counted once. */
export async function summarise(ctx: Ctx, query: z.infer<typeof OutcomeSummaryQuery>) {
  const actor = assertCan(ctx.actor, 'outcome.read');
  const area = await areaOf(ctx.db, actor, query.centre);
  const facts = await q.statusFacts(ctx.db, { area, from: query.from, to: query.to });
  const byStatus = Object.fromEntries(OUTCOME_STATUS.map((s) => [s, new Set(facts.filter((f) => f.status === s).map((f) => f.learnerId)).size])) as
    Record<(typeof OUTCOME_STATUS)[number], number>;
  return {
    from: query.from ?? null, to: query.to ?? null, people: new Set(facts.map((f) => f.learnerId)).size,
    foundWorkOrBusinessOrBetterJob: foundWorkOrBusinessOrBetterJob(facts), foundJob: foundJob(facts), byStatus,
  };
}
