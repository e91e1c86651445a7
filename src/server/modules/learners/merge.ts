// Merging duplicates (issue 4, item 4): a coordinator folds a second record of one person
// (the duplicate) into the record that stays (the survivor). Every enrolment, attendance mark,
// certificate, visit, outcome and link moves; where both records hold the same thing (one
// training, one day's visit, one follow-up) they become one; empty fields of the survivor are
// filled from the duplicate; the duplicate is archived pointing at the survivor. All in one
// transaction through the write door, and every row written is kept in the merge record with
// its values before and after, so that undo puts back exactly what was there — or refuses
// when something has changed since. Decision: docs/decisions/0019-merge-and-link.md.
import type { z } from 'zod';
import { UUID_PATTERN } from '../../../domain/ids.js';
import { FILLABLE_FIELDS, type FillableField, type MergeInput, type MergeListQuery, type MergeSummary } from '../../../domain/merge.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { isUniqueViolation, lockRow } from '../../db/dialect.js';
import type { RecordTable } from '../../db/schema.js';
import { insertRecord, updateRecord, type Row } from '../../db/write.js';
import { KeregeError, conflict, invalid, notFound } from '../../errors.js';
import { learnerInArea } from './links.js';
import * as q from './queries.js';
import { nameColumns } from './service.js';

type Values = Record<string, unknown>;
/** One row the merge wrote: enough to check it is untouched since and to put it back. */
interface Change { table: RecordTable; id: string; version: string; before: Values; after: Values }

/** Better first: a finished course beats a seat, a seat beats the waiting list. */
const STATUS_RANK: Record<string, number> = { completed: 3, enrolled: 2, waiting: 1, dropped: 0 };
const STATUS_FIELDS = ['status', 'waitlist_position', 'enrolled_on', 'completed_on', 'dropped_on', 'promoted_at', 'promotion_seen_at'] as const;

const pick = (row: Values, keys: string[]): Values => Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
const stale = () => conflict('changed_since');

/** Writes of one merge (or undo): each through the write door, each remembered. */
class Recorder {
  readonly changes: Change[] = [];
  constructor(private readonly tx: Queryable, private readonly ctx: Ctx) {}

  async update(table: RecordTable, row: Row, patch: Values): Promise<Row> {
    const updated = await updateRecord(this.tx as never, this.ctx, table, row.id, row.version, patch, { scopeId: row.centre_id as string });
    if (updated.version !== row.version) this.changes.push({ table, id: row.id, version: updated.version, before: pick(row, Object.keys(patch)), after: patch });
    return updated;
  }
}

const rowsOf = (tx: Queryable, table: 'enrolments' | 'attendance' | 'certificates' | 'visits' | 'outcomes' | 'learner_links', column: string, value: string) =>
  (tx as any).selectFrom(table).selectAll().where(column, '=', value).orderBy('id').execute() as Promise<Row[]>;

/** A learner by its home centre in the actor's area (merging acts on the records a coordinator keeps). */
async function homeLearner(db: Queryable, actor: Actor, id: string) {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const row = await q.findLearner(db, id);
  if (!row || !inScope(actor, row.path)) throw notFound();
  return row;
}

const live = (r: Row) => r.deleted_at === null;

/**
 * Enrolments, their marks and certificates. A training only the duplicate was on moves whole.
 * A training both were on keeps the survivor's enrolment, with the better status of the two;
 * the duplicate's marks go to it (where both have a mark for a meeting, the one with more
 * hours counts) and the duplicate's enrolment is archived, so nobody takes two seats.
 */
async function moveEnrolments(tx: Queryable, w: Recorder, dupId: string, intoId: string, sum: MergeSummary, now: string) {
  const [theirs, ours] = await Promise.all([rowsOf(tx, 'enrolments', 'learner_id', dupId), rowsOf(tx, 'enrolments', 'learner_id', intoId)]);
  const ourByTraining = new Map(ours.map((e) => [e.training_id as string, e]));
  for (const e of theirs) {
    const kept = ourByTraining.get(e.training_id as string);
    const marks = await rowsOf(tx, 'attendance', 'enrolment_id', e.id);
    if (!kept) {
      await w.update('enrolments', e, { learner_id: intoId });
      for (const m of marks) await w.update('attendance', m, { learner_id: intoId });
      sum.enrolments++;
      sum.attendance += marks.length;
      continue;
    }
    if (!live(e)) continue; // an archived enrolment stays with the archived duplicate
    const better = !live(kept) || STATUS_RANK[e.status as string] > STATUS_RANK[kept.status as string];
    const target = better ? await w.update('enrolments', kept, { ...pick(e, [...STATUS_FIELDS]), deleted_at: null }) : kept;
    const ourMarks = new Map((await rowsOf(tx, 'attendance', 'enrolment_id', target.id)).map((m) => [m.meeting_id as string, m]));
    for (const m of marks) {
      const mine = ourMarks.get(m.meeting_id as string);
      if (!mine) {
        await w.update('attendance', m, { enrolment_id: target.id, learner_id: intoId });
        sum.attendance++;
      } else if (live(m)) {
        if (!live(mine) || Number(m.hours) > Number(mine.hours)) {
          await w.update('attendance', mine, { present: m.present, hours: m.hours, deleted_at: null });
          sum.attendance++;
        }
        await w.update('attendance', m, { deleted_at: now });
      }
    }
    // certificates of this enrolment follow it where the survivor's has none in that language
    const ourCerts = await rowsOf(tx, 'certificates', 'enrolment_id', target.id);
    const liveLanguages = new Set(ourCerts.filter((c) => live(c) && c.revoked_at === null).map((c) => c.language));
    for (const c of await rowsOf(tx, 'certificates', 'enrolment_id', e.id)) {
      const clash = live(c) && c.revoked_at === null && liveLanguages.has(c.language);
      await w.update('certificates', c, clash ? { learner_id: intoId } : { enrolment_id: target.id, learner_id: intoId });
      sum.certificates++;
    }
    await w.update('enrolments', e, { deleted_at: now });
    sum.combinedEnrolments++;
  }
  // the certificates of enrolments that moved whole: they name the survivor now, codes unchanged
  for (const c of await rowsOf(tx, 'certificates', 'learner_id', dupId)) {
    await w.update('certificates', c, { learner_id: intoId });
    sum.certificates++;
  }
}

/** Visits: a registered visit counts once per centre, day and purpose — the survivor's stays. */
async function moveVisits(tx: Queryable, w: Recorder, dupId: string, intoId: string, sum: MergeSummary, now: string) {
  const ours = (await rowsOf(tx, 'visits', 'learner_id', intoId)).filter(live);
  const day = (v: Row) => `${v.centre_id}|${v.date}|${v.purpose}`;
  const taken = new Set(ours.map(day));
  for (const v of await rowsOf(tx, 'visits', 'learner_id', dupId)) {
    if (live(v) && taken.has(day(v))) await w.update('visits', v, { deleted_at: now });
    else await w.update('visits', v, { learner_id: intoId });
    sum.visits++;
  }
}

/** Outcomes: one per follow-up (training, due date); a recorded one beats one still due. */
async function moveOutcomes(tx: Queryable, w: Recorder, dupId: string, intoId: string, sum: MergeSummary, now: string) {
  const followUp = (o: Row) => (o.due_on === null ? null : `${o.training_id}|${o.due_on}`);
  const ours = new Map((await rowsOf(tx, 'outcomes', 'learner_id', intoId)).filter((o) => live(o) && followUp(o)).map((o) => [followUp(o)!, o]));
  for (const o of await rowsOf(tx, 'outcomes', 'learner_id', dupId)) {
    const mine = live(o) && followUp(o) ? ours.get(followUp(o)!) : undefined;
    if (mine && (mine.recorded_on !== null || o.recorded_on === null)) {
      await w.update('outcomes', o, { deleted_at: now });
    } else {
      if (mine) await w.update('outcomes', mine, { deleted_at: now });
      await w.update('outcomes', o, { learner_id: intoId });
    }
    sum.outcomes++;
  }
}

/** Links to other centres: moved, unless the survivor is kept there already. */
async function moveLinks(tx: Queryable, w: Recorder, dupId: string, into: q.LearnerRow, sum: MergeSummary, now: string) {
  const ours = new Set((await rowsOf(tx, 'learner_links', 'learner_id', into.id)).filter(live).map((l) => l.centre_id));
  ours.add(into.centre_id);
  for (const l of (await rowsOf(tx, 'learner_links', 'learner_id', dupId)).filter(live)) {
    await w.update('learner_links', l, ours.has(l.centre_id) ? { deleted_at: now } : { learner_id: into.id });
    sum.links++;
  }
}

const emptyColumn = (v: unknown) => v === null || v === '' || v === '[]';

/** The survivor's empty fields that the duplicate has (a unique IIN or account leaves the duplicate). */
function filling(dup: q.LearnerRow, into: q.LearnerRow) {
  const filled = (Object.entries(FILLABLE_FIELDS) as [FillableField, string][])
    .filter(([, column]) => emptyColumn((into as Values)[column]) && !emptyColumn((dup as Values)[column]));
  const intoPatch: Values = Object.fromEntries(filled.map(([, column]) => [column, (dup as Values)[column]]));
  if ('middle_name' in intoPatch) {
    Object.assign(intoPatch, nameColumns({ lastName: into.last_name, firstName: into.first_name, middleName: intoPatch.middle_name as string }));
  }
  const dupPatch: Values = {};
  if ('iin' in intoPatch) dupPatch.iin = null;
  if ('user_id' in intoPatch) dupPatch.user_id = null;
  return { fields: filled.map(([field]) => field), intoPatch, dupPatch };
}

export async function mergeLearners(ctx: Ctx, duplicateId: string, input: MergeInput) {
  const actor = assertCan(ctx.actor, 'learner.merge');
  return ctx.db.transaction().execute(async (tx) => {
    for (const id of [duplicateId, input.intoId].sort()) if (UUID_PATTERN.test(id)) await lockRow(tx, ctx.engine, 'learners', id);
    const dup = await homeLearner(tx, actor, duplicateId);
    const into = await homeLearner(tx, actor, input.intoId);
    if (dup.id === into.id) throw invalid('intoId', 'same_learner');
    for (const r of [dup, into]) {
      if (r.merged_into) throw new KeregeError('conflict', [], 'merged');
      if (r.deleted_at) throw new KeregeError('conflict', [], 'archived');
    }
    if (dup.version !== input.version || into.version !== input.intoVersion) throw conflict();

    const c = { ...ctx, actor };
    const w = new Recorder(tx, c);
    const now = new Date().toISOString();
    const sum: MergeSummary = { enrolments: 0, combinedEnrolments: 0, attendance: 0, certificates: 0, visits: 0, outcomes: 0, links: 0 };
    await moveEnrolments(tx, w, dup.id, into.id, sum, now);
    await moveVisits(tx, w, dup.id, into.id, sum, now);
    await moveOutcomes(tx, w, dup.id, into.id, sum, now);
    await moveLinks(tx, w, dup.id, into, sum, now);
    const fill = filling(dup, into);
    // the duplicate first: its IIN and account are free before the survivor takes them
    await w.update('learners', dup as unknown as Row, { ...fill.dupPatch, deleted_at: now, merged_into: into.id });
    if (Object.keys(fill.intoPatch).length) await w.update('learners', into as unknown as Row, fill.intoPatch);

    const merge = await insertRecord(tx, c, 'learner_merges', {
      centre_id: into.centre_id, survivor_id: into.id, duplicate_id: dup.id, merged_by: actor.username,
      changes: JSON.stringify(w.changes), summary: JSON.stringify({ ...sum, filled: fill.fields }), undone_at: null, undone_by: null,
    }, { scopeId: into.centre_id });
    return { merge: await present(tx, actor, merge.id), survivor: q.toLearner((await q.findLearner(tx, into.id))!) };
  });
}

/**
 * Undo: every row the merge wrote must still be as the merge left it (same version) — the
 * survivor only in the fields the merge filled, since people go on working with it. Then
 * each row gets its earlier values back, last written first.
 */
export async function undoMerge(ctx: Ctx, mergeId: string) {
  const actor = assertCan(ctx.actor, 'learner.merge');
  return ctx.db.transaction().execute(async (tx) => {
    const merge = await visibleMerge(tx, actor, mergeId, { home: true });
    await lockRow(tx, ctx.engine, 'learner_merges', merge.id);
    const changes = JSON.parse(merge.changes) as Change[];
    const c = { ...ctx, actor };
    for (const change of [...changes].reverse()) {
      const row = await (tx as any).selectFrom(change.table).selectAll().where('id', '=', change.id).executeTakeFirst() as Row | undefined;
      if (!row) throw stale();
      const survivorFields = change.table === 'learners' && change.id === merge.survivor_id;
      const untouched = survivorFields
        ? Object.entries(change.after).every(([k, v]) => row[k] === v)
        : row.version === change.version;
      if (!untouched) throw stale();
      await updateRecord(tx, c, change.table, row.id, row.version, change.before, { scopeId: row.centre_id as string }).catch((error: unknown) => {
        if (isUniqueViolation(error)) throw stale(); // e.g. the survivor took another IIN that the duplicate had
        throw error;
      });
    }
    await updateRecord(tx, c, 'learner_merges', merge.id, merge.version, { undone_at: new Date().toISOString(), undone_by: actor.username }, { scopeId: merge.centre_id });
    return { merge: await present(tx, actor, merge.id), survivor: q.toLearner((await q.findLearner(tx, merge.survivor_id))!) };
  });
}

function mergeQuery(db: Queryable) {
  return db.selectFrom('learner_merges')
    .innerJoin('learners as s', 's.id', 'learner_merges.survivor_id')
    .innerJoin('org_units as sc', 'sc.id', 's.centre_id')
    .innerJoin('learners as d', 'd.id', 'learner_merges.duplicate_id')
    .innerJoin('org_units as dc', 'dc.id', 'd.centre_id')
    .selectAll('learner_merges')
    .select(['s.last_name as s_last', 's.first_name as s_first', 's.middle_name as s_middle', 's.birth_date as s_birth', 'sc.path as s_path',
      'd.last_name as d_last', 'd.first_name as d_first', 'd.middle_name as d_middle', 'd.birth_date as d_birth', 'dc.path as d_path']);
}
type MergeRow = Awaited<ReturnType<ReturnType<typeof mergeQuery>['executeTakeFirstOrThrow']>>;

/** Undoing needs both records in the actor's area, as merging did; reading needs the survivor visible. */
async function visibleMerge(db: Queryable, actor: Actor, id: string, { home }: { home: boolean }): Promise<MergeRow> {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const row = await mergeQuery(db).where('learner_merges.id', '=', id).executeTakeFirst();
  if (!row || row.deleted_at) throw notFound();
  const visible = home ? inScope(actor, row.s_path) && inScope(actor, row.d_path) : await learnerInArea(db, actor, row.survivor_id, row.s_path);
  if (!visible) throw notFound();
  if (home && row.undone_at) throw new KeregeError('conflict', [], 'already_undone');
  return row;
}

function toMerge(r: MergeRow, actor: Actor) {
  const { filled, ...moved } = JSON.parse(r.summary) as MergeSummary & { filled: FillableField[] };
  const person = (last: string, first: string, middle: string | null, birth: string, path: string) =>
    inScope(actor, path) ? { lastName: last, firstName: first, middleName: middle, birthDate: birth } : null;
  return {
    id: r.id, version: r.version, survivorId: r.survivor_id, duplicateId: r.duplicate_id,
    survivor: person(r.s_last, r.s_first, r.s_middle, r.s_birth, r.s_path),
    duplicate: person(r.d_last, r.d_first, r.d_middle, r.d_birth, r.d_path),
    mergedAt: r.created_at, mergedBy: r.merged_by, filled, moved, undoneAt: r.undone_at, undoneBy: r.undone_by,
  };
}

async function present(db: Queryable, actor: Actor, id: string) {
  return toMerge((await mergeQuery(db).where('learner_merges.id', '=', id).executeTakeFirstOrThrow()), actor);
}

/** The merges a learner survived or was merged away by, newest first. */
export async function listMerges(ctx: Ctx, query: z.infer<typeof MergeListQuery>) {
  const actor = assertCan(ctx.actor, 'learner.read');
  const learner = await q.findLearner(ctx.db, query.learner);
  if (!learner || !(await learnerInArea(ctx.db, actor, learner.id, learner.path))) throw notFound();
  const rows = await mergeQuery(ctx.db)
    .where((eb) => eb.or([eb('learner_merges.survivor_id', '=', learner.id), eb('learner_merges.duplicate_id', '=', learner.id)]))
    .where('learner_merges.deleted_at', 'is', null)
    .orderBy('learner_merges.created_at', 'desc').orderBy('learner_merges.id', 'desc').limit(100).execute();
  return { items: rows.map((r) => toMerge(r, actor)) };
}
