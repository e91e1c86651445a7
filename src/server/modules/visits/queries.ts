// Visit queries. Blind to users: callers pass the area (centre ids or a path prefix).
// Anonymous walk-ins are one row per centre, day and purpose (the tally; a partial unique
// index keeps it so, 0005); a registered learner's visit is its own row with count 1.
import { sql, type Expression, type SqlBool } from 'kysely';
import { VISIT_PURPOSES } from '../../../domain/learning.js';
import type { VisitPurpose } from '../../../domain/visits.js';
import type { Queryable } from '../../context.js';
import { decodeCursor, encodeCursor } from '../../db/paging.js';
import { inArea, type Area } from '../area.js';
import { namesOf } from '../org-units/queries.js';

function base(db: Queryable) {
  return db.selectFrom('visits')
    .innerJoin('org_units as c', 'c.id', 'visits.centre_id')
    .leftJoin('learners as l', 'l.id', 'visits.learner_id')
    .leftJoin('org_units as lc', 'lc.id', 'l.centre_id')
    .selectAll('visits')
    .select(['c.code as centre_code', 'c.name_kk', 'c.name_ru', 'c.name_en', 'c.path',
      'l.last_name', 'l.first_name', 'l.middle_name', 'lc.path as learner_path']);
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** The API shape; the learner's name only when `showLearner` (the learner is in the caller's area). */
export function toVisit(r: VisitRow, showLearner: (path: string, learnerId: string) => boolean) {
  const named = r.learner_id && r.learner_path && showLearner(r.learner_path, r.learner_id);
  return {
    id: r.id, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at, archivedAt: r.deleted_at,
    centreId: r.centre_id, centre: { id: r.centre_id, code: r.centre_code, name: namesOf(r) },
    date: r.date, purpose: r.purpose as VisitPurpose, count: r.count, learnerId: r.learner_id,
    learner: named ? { id: r.learner_id!, lastName: r.last_name!, firstName: r.first_name!, middleName: r.middle_name } : null,
  };
}

export function findVisit(db: Queryable, id: string) {
  return base(db).where('visits.id', '=', id).executeTakeFirst();
}

/** The live anonymous rows of a centre's day, one per purpose at most. */
export function tallyRows(db: Queryable, centreId: string, date: string) {
  return db.selectFrom('visits').selectAll()
    .where('centre_id', '=', centreId).where('date', '=', date).where('learner_id', 'is', null).where('deleted_at', 'is', null)
    .execute();
}

/** A learner's live visit to a centre on a day for a purpose, if recorded. */
export function learnerVisit(db: Queryable, key: { centreId: string; date: string; purpose: string; learnerId: string }) {
  return db.selectFrom('visits').selectAll()
    .where('learner_id', '=', key.learnerId).where('date', '=', key.date).where('purpose', '=', key.purpose)
    .where('centre_id', '=', key.centreId).where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Live visits of a centre's day per purpose, anonymous and registered apart. */
export async function dayCounts(db: Queryable, centreId: string, date: string) {
  const rows = await db.selectFrom('visits')
    .select(['purpose', (eb) => eb.fn.sum<number>('count').as('n'), (eb) => eb.fn.countAll<number>().as('rows')])
    .select(sql<number>`case when learner_id is null then 0 else 1 end`.as('registered'))
    .where('centre_id', '=', centreId).where('date', '=', date).where('deleted_at', 'is', null)
    .groupBy(['purpose', sql`case when learner_id is null then 0 else 1 end`])
    .execute();
  const counts = zeroes();
  const registered = zeroes();
  for (const r of rows) (Number(r.registered) ? registered : counts)[r.purpose as VisitPurpose] += Number(r.n ?? 0);
  return { counts, registered };
}

export const zeroes = () => Object.fromEntries(VISIT_PURPOSES.map((p) => [p, 0])) as Record<VisitPurpose, number>;

export interface VisitFilter {
  area: Area;
  from?: string;
  to?: string;
  purpose?: string;
  learnerId?: string;
  includeArchived?: boolean;
}

/** The area and period conditions of a query over `visits` joined with its centre as `c`. */
function conditions(f: VisitFilter): Array<Expression<SqlBool>> {
  const v = (column: string) => sql.ref(`visits.${column}`);
  const c: Array<Expression<SqlBool>> = [];
  const area = inArea(f.area, 'visits');
  if (area) c.push(area);
  if (f.from) c.push(sql<boolean>`${v('date')} >= ${f.from}`);
  if (f.to) c.push(sql<boolean>`${v('date')} <= ${f.to}`);
  if (f.purpose) c.push(sql<boolean>`${v('purpose')} = ${f.purpose}`);
  if (f.learnerId) c.push(sql<boolean>`${v('learner_id')} = ${f.learnerId}`);
  if (!f.includeArchived) c.push(sql<boolean>`${v('deleted_at')} is null`);
  return c;
}

/** A page, newest day first; the cursor is the last row's date and id (no personal data). */
export async function listVisits(db: Queryable, f: VisitFilter & { limit: number; cursor?: string }) {
  let q = base(db);
  for (const condition of conditions(f)) q = q.where(condition);
  if (f.cursor) {
    const [date, id] = decodeCursor(f.cursor);
    q = q.where(sql<boolean>`(visits.date <= ${date} and (visits.date < ${date} or visits.id < ${id}))`);
  }
  const rows = await q.orderBy('visits.date', 'desc').orderBy('visits.id', 'desc').limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > f.limit ? encodeCursor(last.date, last.id) : null };
}

/**
 * Visitors and users of an area over a period: the sum of counts per purpose, anonymous and
 * registered apart, and the distinct registered people (a merged record counts as the one it
 * was merged into).
 */
export async function summarise(db: Queryable, f: VisitFilter) {
  const from = () => db.selectFrom('visits').innerJoin('org_units as c', 'c.id', 'visits.centre_id');
  const registered = sql<number>`case when visits.learner_id is null then 0 else 1 end`;
  let groups = from().select(['visits.purpose', registered.as('registered'), (eb) => eb.fn.sum<number>('visits.count').as('n')])
    .groupBy(['visits.purpose', registered]);
  let people = from().innerJoin('learners as l', 'l.id', 'visits.learner_id')
    .select((eb) => eb.fn.count<number>(eb.fn.coalesce('l.merged_into', 'visits.learner_id')).distinct().as('n'));
  for (const condition of conditions(f)) {
    groups = groups.where(condition);
    people = people.where(condition);
  }
  const [byGroup, distinct] = await Promise.all([groups.execute(), people.executeTakeFirst()]);
  const byPurpose = zeroes();
  let anonymousVisits = 0;
  let registeredVisits = 0;
  for (const g of byGroup) {
    const n = Number(g.n ?? 0);
    byPurpose[g.purpose as VisitPurpose] += n;
    if (Number(g.registered)) registeredVisits += n;
    else anonymousVisits += n;
  }
  return { visits: anonymousVisits + registeredVisits, anonymousVisits, registeredVisits, users: Number(distinct?.n ?? 0), byPurpose };
}
