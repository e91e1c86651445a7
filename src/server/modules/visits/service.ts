// Walk-in visits (M4): counted quickly, with or without a registered learner. Anonymous
// walk-ins of a centre's day and purpose are one row — the tally — which a single entry adds
// to and the day's tally sets; a registered learner's visit is a row of its own (count 1),
// recorded once per centre, day and purpose. Every change goes through the write door, so a
// correction is audited like any other edit. Decision: docs/decisions/0014-visits-outcomes.md.
import { z } from 'zod';
import { UUID_PATTERN } from '../../../domain/ids.js';
import { VISIT_PURPOSES } from '../../../domain/learning.js';
import { VISIT_LIMITS, type VisitDayInput, type VisitDayQuery, type VisitInput, type VisitListQuery, type VisitSummaryQuery } from '../../../domain/visits.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { isUniqueViolation, lockRow } from '../../db/dialect.js';
import { archiveRecord, insertRecord, restoreRecord, updateRecord, type Row } from '../../db/write.js';
import { KeregeError, conflict, invalid, notFound } from '../../errors.js';
import { areaOf } from '../area.js';
import { findOrgUnit } from '../org-units/queries.js';
import { visibleUnit } from '../org-units/service.js';
import { learnerInArea, linkedIntoArea } from '../learners/links.js';
import * as q from './queries.js';

/** The centre visited: a live centre in the actor's area, else a field error. */
async function visitedCentre(db: Queryable, actor: Actor, idOrCode: string) {
  const unit = await findOrgUnit(db, idOrCode);
  if (!unit || unit.kind !== 'centre' || unit.deleted_at || !inScope(actor, unit.path)) throw invalid('centreId', 'unknown_centre');
  return unit;
}

/** A live, unmerged learner in the actor's area, else a field error of `learnerId`. */
async function visitingLearner(db: Queryable, actor: Actor, id: string) {
  const learner = UUID_PATTERN.test(id)
    ? await db.selectFrom('learners').innerJoin('org_units as c', 'c.id', 'learners.centre_id')
      .select(['learners.id', 'learners.deleted_at', 'learners.merged_into', 'c.path']).where('learners.id', '=', id).executeTakeFirst()
    : undefined;
  if (!learner || learner.deleted_at || learner.merged_into || !(await learnerInArea(db, actor, learner.id, learner.path))) {
    throw invalid('learnerId', 'unknown_learner');
  }
  return learner.id;
}

/** Two writers racing for the same tally or learner visit: the later one is told to reload. */
const raced = (error: unknown): never => {
  if (isUniqueViolation(error)) throw conflict();
  throw error;
};

/** Names a visiting learner to those whose area holds them, by home centre or by a link (0019). */
async function namer(db: Queryable, actor: Actor, rows: q.VisitRow[]) {
  const elsewhere = rows.filter((r) => r.learner_id && r.learner_path && !inScope(actor, r.learner_path)).map((r) => r.learner_id!);
  const linked = await linkedIntoArea(db, actor, [...new Set(elsewhere)]);
  return (path: string, learnerId: string) => inScope(actor, path) || linked.has(learnerId);
}

async function present(db: Queryable, actor: Actor, id: string) {
  const row = (await q.findVisit(db, id))!;
  return q.toVisit(row, await namer(db, actor, [row]));
}

export async function listVisits(ctx: Ctx, query: z.infer<typeof VisitListQuery>) {
  const actor = assertCan(ctx.actor, 'visit.read');
  const area = await areaOf(ctx.db, actor, query.centre);
  const page = await q.listVisits(ctx.db, {
    area, from: query.from, to: query.to, purpose: query.purpose, learnerId: query.learner,
    includeArchived: query.includeArchived, limit: query.limit, cursor: query.cursor,
  });
  const named = await namer(ctx.db, actor, page.rows);
  return { items: page.rows.map((r) => q.toVisit(r, named)), nextCursor: page.nextCursor };
}

export async function summarise(ctx: Ctx, query: z.infer<typeof VisitSummaryQuery>) {
  const actor = assertCan(ctx.actor, 'visit.read');
  const area = await areaOf(ctx.db, actor, query.centre);
  return { from: query.from ?? null, to: query.to ?? null, ...(await q.summarise(ctx.db, { area, from: query.from, to: query.to })) };
}

export async function getDay(ctx: Ctx, query: z.infer<typeof VisitDayQuery>) {
  const actor = assertCan(ctx.actor, 'visit.read');
  const unit = await visibleUnit(ctx.db, actor, query.centre);
  if (unit.kind !== 'centre') throw notFound();
  return dayOf(ctx.db, unit.id, query.date);
}

async function dayOf(db: Queryable, centreId: string, date: string) {
  const { counts, registered } = await q.dayCounts(db, centreId, date);
  const visits = VISIT_PURPOSES.reduce((sum, p) => sum + counts[p] + registered[p], 0);
  return { centreId, date, counts, registered, visits };
}

/**
 * One entry. A registered learner's visit is recorded once per centre, day and purpose
 * (sending it again answers the entry already there, `created: false`); anonymous walk-ins
 * are added to the day's tally for that purpose.
 */
export async function recordVisit(ctx: Ctx, input: VisitInput): Promise<{ visit: ReturnType<typeof q.toVisit>; created: boolean }> {
  const actor = assertCan(ctx.actor, 'visit.write');
  const c = { ...ctx, actor };
  return ctx.db.transaction().execute(async (tx) => {
    const centre = await visitedCentre(tx, actor, input.centreId);
    const key = { centre_id: centre.id, date: input.date, purpose: input.purpose };
    if (input.learnerId) {
      const learnerId = await visitingLearner(tx, actor, input.learnerId);
      const existing = await q.learnerVisit(tx, { centreId: centre.id, date: input.date, purpose: input.purpose, learnerId });
      if (existing) return { visit: await present(tx, actor, existing.id), created: false };
      const row = await insertRecord(tx, c, 'visits', { ...key, count: 1, learner_id: learnerId }, { scopeId: centre.id }).catch(raced);
      return { visit: await present(tx, actor, row.id), created: true };
    }
    // the centre's tally rows are read and written by one writer at a time (PostgreSQL; SQLite has one writer)
    await lockRow(tx, ctx.engine, 'org_units', centre.id);
    const tally = (await q.tallyRows(tx, centre.id, input.date)).find((r) => r.purpose === input.purpose);
    if (tally) {
      if (tally.count + input.count > VISIT_LIMITS.countMax) throw invalid('count', 'too_big', { max: VISIT_LIMITS.countMax - tally.count });
      await updateRecord(tx, c, 'visits', tally.id, tally.version, { count: tally.count + input.count }, { scopeId: centre.id });
      return { visit: await present(tx, actor, tally.id), created: false };
    }
    const row = await insertRecord(tx, c, 'visits', { ...key, count: input.count, learner_id: null }, { scopeId: centre.id }).catch(raced);
    return { visit: await present(tx, actor, row.id), created: true };
  });
}

/**
 * The day's tally: sets the anonymous count of each purpose sent, in one transaction. A
 * count that is already right is left alone (so re-sending a tally writes nothing), a new
 * one is inserted, a changed one is updated and 0 archives the row — each audited.
 */
export async function setDay(ctx: Ctx, input: VisitDayInput) {
  const actor = assertCan(ctx.actor, 'visit.write');
  const c = { ...ctx, actor };
  return ctx.db.transaction().execute(async (tx) => {
    const centre = await visitedCentre(tx, actor, input.centreId);
    await lockRow(tx, ctx.engine, 'org_units', centre.id);
    const rows = new Map((await q.tallyRows(tx, centre.id, input.date)).map((r) => [r.purpose, r]));
    for (const purpose of VISIT_PURPOSES) {
      const count = input.counts[purpose];
      if (count === undefined) continue;
      const row = rows.get(purpose);
      if (row && count === 0) await archiveRecord(tx, c, 'visits', row.id, row.version, centre.id);
      else if (row && count !== row.count) await updateRecord(tx, c, 'visits', row.id, row.version, { count }, { scopeId: centre.id });
      else if (!row && count > 0) {
        await insertRecord(tx, c, 'visits', { centre_id: centre.id, date: input.date, purpose, count, learner_id: null }, { scopeId: centre.id })
          .catch(raced);
      }
    }
    return dayOf(tx, centre.id, input.date);
  });
}

/**
 * Archive or restore one entry. Restoring a tally when the day has a live one for the same
 * purpose (or a learner's visit recorded again since) would count the day twice: refused.
 */
export async function setVisitArchived(ctx: Ctx, id: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'visit.write');
  const c = { ...ctx, actor };
  return ctx.db.transaction().execute(async (tx) => {
    if (!UUID_PATTERN.test(id)) throw notFound();
    const row = await q.findVisit(tx, id);
    if (!row || !inScope(actor, row.path)) throw notFound();
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    if (archived) await archiveRecord(tx, c, 'visits', row.id, version, row.centre_id);
    else {
      await lockRow(tx, ctx.engine, 'org_units', row.centre_id);
      const twin: Row | undefined = row.learner_id
        ? await q.learnerVisit(tx, { centreId: row.centre_id, date: row.date, purpose: row.purpose, learnerId: row.learner_id })
        : (await q.tallyRows(tx, row.centre_id, row.date)).find((r) => r.purpose === row.purpose);
      if (twin) throw invalid('purpose', 'visit_counted');
      await restoreRecord(tx, c, 'visits', row.id, version, row.centre_id).catch(raced);
    }
    return present(tx, actor, row.id);
  });
}
