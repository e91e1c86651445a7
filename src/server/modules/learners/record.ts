// The learner's record (issue 4): one person's trainings across the network, and the links
// that let other centres keep them — with the way to remove a link (decision 0019 left it
// for later). Who sees what is the learner page's rule: the learner by home centre or by a
// link into the caller's area; anything else is 404.
import type { Locale } from '../../../domain/common.js';
import { UUID_PATTERN } from '../../../domain/ids.js';
import type { LearnerEnrolment } from '../../../domain/learner-record.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { archiveRecord, restoreRecord } from '../../db/write.js';
import { KeregeError, notFound } from '../../errors.js';
import { namesOf } from '../org-units/queries.js';
import { learnerInArea } from './links.js';
import { findLearner } from './queries.js';

/** The learner as the learner page finds it: by home centre or a link into the actor's area. */
async function readableLearner(db: Queryable, actor: Actor, id: string) {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const row = await findLearner(db, id);
  if (!row || !(await learnerInArea(db, actor, row.id, row.path))) throw notFound();
  return row;
}

// ------------------------------------------------------------------ enrolments

function enrolmentRows(db: Queryable, learnerId: string) {
  return db.selectFrom('enrolments')
    .innerJoin('trainings as t', 't.id', 'enrolments.training_id')
    .innerJoin('courses as co', 'co.id', 't.course_id')
    .innerJoin('org_units as c', 'c.id', 't.centre_id')
    .select([
      'enrolments.id', 'enrolments.status', 'enrolments.waitlist_position', 'enrolments.enrolled_on',
      'enrolments.completed_on', 'enrolments.dropped_on', 'enrolments.training_id',
      't.kind', 't.start_date', 't.end_date', 'c.path',
      'co.name_kk as course_kk', 'co.name_ru as course_ru', 'co.name_en as course_en', 'c.name_kk', 'c.name_ru', 'c.name_en',
    ])
    .where('enrolments.learner_id', '=', learnerId).where('enrolments.deleted_at', 'is', null).where('t.deleted_at', 'is', null)
    .orderBy('t.start_date', 'desc').orderBy('enrolments.id', 'desc')
    .execute();
}

/** Hours of each enrolment's present marks over live meetings, in one grouped query. */
export async function attendedByEnrolment(db: Queryable, enrolmentIds: string[]): Promise<Map<string, number>> {
  if (enrolmentIds.length === 0) return new Map();
  const rows = await db.selectFrom('attendance').innerJoin('meetings as m', 'm.id', 'attendance.meeting_id')
    .select(['attendance.enrolment_id', (eb) => eb.fn.sum<number>('attendance.hours').as('h')])
    .where('attendance.enrolment_id', 'in', enrolmentIds).where('attendance.deleted_at', 'is', null)
    .where('attendance.present', '=', 1).where('m.deleted_at', 'is', null)
    .groupBy('attendance.enrolment_id').execute();
  return new Map(rows.map((r) => [r.enrolment_id, Number(r.h ?? 0)]));
}

export async function scheduledByTraining(db: Queryable, trainingIds: string[]): Promise<Map<string, number>> {
  if (trainingIds.length === 0) return new Map();
  const rows = await db.selectFrom('meetings').select(['training_id', (eb) => eb.fn.sum<number>('hours').as('h')])
    .where('training_id', 'in', trainingIds).where('deleted_at', 'is', null).groupBy('training_id').execute();
  return new Map(rows.map((r) => [r.training_id, Number(r.h ?? 0)]));
}

/**
 * The place in line of each waiting enrolment: its rank among those waiting for the same
 * training (positions only grow, so the rank is what a person is told — decision 0013).
 * Reads only ids and positions of the others, never who they are.
 */
async function waitingRanks(db: Queryable, waiting: Array<{ id: string; training_id: string }>): Promise<Map<string, number>> {
  const ranks = new Map<string, number>();
  if (waiting.length === 0) return ranks;
  const line = await db.selectFrom('enrolments').select(['id', 'training_id', 'waitlist_position'])
    .where('training_id', 'in', [...new Set(waiting.map((w) => w.training_id))])
    .where('status', '=', 'waiting').where('deleted_at', 'is', null)
    .orderBy('training_id').orderBy('waitlist_position').orderBy('id').execute();
  const seen = new Map<string, number>();
  for (const r of line) {
    const rank = (seen.get(r.training_id) ?? 0) + 1;
    seen.set(r.training_id, rank);
    ranks.set(r.id, rank);
  }
  return ranks;
}

function certificatesOf(db: Queryable, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('certificates').select(['id', 'enrolment_id', 'code', 'language', 'issued_on', 'revoked_at'])
    .where('enrolment_id', 'in', enrolmentIds).where('deleted_at', 'is', null).orderBy('id', 'desc').execute();
}

/**
 * Every live enrolment of a learner the caller can see, newest training first. A training
 * outside the caller's area is listed with its course, centre and dates — the learner's own
 * history — but without its id or its certificates' ids and codes: its page, its other
 * learners and its documents stay with that area.
 */
export async function learnerEnrolments(ctx: Ctx, learnerId: string): Promise<{ items: LearnerEnrolment[] }> {
  const actor = assertCan(ctx.actor, 'learner.read');
  const learner = await readableLearner(ctx.db, actor, learnerId);
  const rows = await enrolmentRows(ctx.db, learner.id);
  const ids = rows.map((r) => r.id);
  const [attended, scheduled, ranks, certificates] = await Promise.all([
    attendedByEnrolment(ctx.db, ids),
    scheduledByTraining(ctx.db, [...new Set(rows.map((r) => r.training_id))]),
    waitingRanks(ctx.db, rows.filter((r) => r.status === 'waiting')),
    certificatesOf(ctx.db, ids),
  ]);
  const lang: Locale = ctx.locale;
  return {
    items: rows.map((r) => {
      const here = inScope(actor, r.path);
      return {
        id: r.id, status: r.status as LearnerEnrolment['status'], waitingPosition: ranks.get(r.id) ?? null,
        enrolledOn: r.enrolled_on, completedOn: r.completed_on, droppedOn: r.dropped_on,
        hoursAttended: attended.get(r.id) ?? 0, scheduledHours: scheduled.get(r.training_id) ?? 0,
        training: {
          id: here ? r.training_id : null, inScope: here, kind: r.kind as LearnerEnrolment['training']['kind'],
          courseName: r[`course_${lang}` as const], centreName: namesOf(r)[lang], startDate: r.start_date, endDate: r.end_date,
        },
        certificates: certificates.filter((c) => c.enrolment_id === r.id).map((c) => ({
          id: here ? c.id : null, code: here ? c.code : null, language: c.language as Locale, issuedOn: c.issued_on, revoked: c.revoked_at !== null,
        })),
      };
    }),
  };
}

// ------------------------------------------------------------------ links

function linkBase(db: Queryable) {
  return db.selectFrom('learner_links')
    .innerJoin('org_units as lc', 'lc.id', 'learner_links.centre_id')
    .innerJoin('learners as l', 'l.id', 'learner_links.learner_id')
    .innerJoin('org_units as home', 'home.id', 'l.centre_id')
    .selectAll('learner_links')
    .select(['lc.code', 'lc.name_kk', 'lc.name_ru', 'lc.name_en', 'lc.path as link_path', 'home.path as home_path',
      'l.centre_id as home_centre_id', 'l.deleted_at as learner_deleted_at', 'l.merged_into']);
}
type LinkRow = Awaited<ReturnType<ReturnType<typeof linkBase>['executeTakeFirstOrThrow']>>;

function toLink(r: LinkRow) {
  return {
    id: r.id, version: r.version, learnerId: r.learner_id, centreId: r.centre_id,
    centre: { id: r.centre_id, code: r.code, name: namesOf(r) },
    consent: { date: r.consent_date, version: r.consent_version, guardianName: r.guardian_name, recordedBy: r.consent_recorded_by },
    createdAt: r.created_at, archivedAt: r.deleted_at,
  };
}

/**
 * Who may remove (or put back) a link: staff whose area holds the linked centre — they took
 * the person on — or the learner's home centre, which keeps the record.
 */
const mayManageLink = (actor: Actor, r: LinkRow) => inScope(actor, r.link_path) || inScope(actor, r.home_path);

/** The learner's live links the caller may remove: all of them from the home area, else those into the caller's area. */
export async function learnerLinks(ctx: Ctx, learnerId: string) {
  const actor = assertCan(ctx.actor, 'learner.read');
  const learner = await readableLearner(ctx.db, actor, learnerId);
  const rows = await linkBase(ctx.db).where('learner_links.learner_id', '=', learner.id).where('learner_links.deleted_at', 'is', null)
    .orderBy('learner_links.created_at').orderBy('learner_links.id').execute();
  return { items: rows.filter((r) => mayManageLink(actor, r)).map(toLink) };
}

/**
 * Remove a link (a tombstone, so it can be put back). Afterwards the learner is again out
 * of the linked centre's area: 404 there, as before the link. Their enrolments and visits at
 * that centre stay (they are that centre's records). Putting it back needs a live, unmerged
 * learner and no other live link to that centre.
 */
export async function setLinkArchived(ctx: Ctx, id: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'learner.write');
  if (!UUID_PATTERN.test(id)) throw notFound();
  return ctx.db.transaction().execute(async (tx) => {
    const row = await linkBase(tx).where('learner_links.id', '=', id).executeTakeFirst();
    if (!row || !mayManageLink(actor, row)) throw notFound();
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    const c = { ...ctx, actor };
    if (archived) {
      await archiveRecord(tx, c, 'learner_links', row.id, version, row.centre_id);
    } else {
      if (row.merged_into) throw new KeregeError('conflict', [], 'merged');
      if (row.learner_deleted_at) throw new KeregeError('conflict', [], 'archived');
      const other = await tx.selectFrom('learner_links').select('id').where('learner_id', '=', row.learner_id)
        .where('centre_id', '=', row.centre_id).where('deleted_at', 'is', null).executeTakeFirst();
      if (other || row.home_centre_id === row.centre_id) throw new KeregeError('conflict', [], 'already_linked');
      await restoreRecord(tx, c, 'learner_links', row.id, version, row.centre_id);
    }
    return toLink((await linkBase(tx).where('learner_links.id', '=', row.id).executeTakeFirst())!);
  });
}
