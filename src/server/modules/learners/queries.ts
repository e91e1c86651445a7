// Learner queries. Blind to users: callers pass the scope (a path prefix or one centre).
// Learners are personal data — nothing here logs, and list cursors carry only an id.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Queryable } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { selectiveNameFilter, startsWith, startsWithUnindexed, type Engine } from '../../db/dialect.js';
import { after, decodeCursor, pageOf, parseJsonArray } from '../../db/paging.js';
import { invalid } from '../../errors.js';
import { foldedPrefixEnd } from '../../../domain/fold.js';
import { namesOf } from '../org-units/queries.js';

function base(db: Queryable) {
  return db.selectFrom('learners')
    .innerJoin('org_units as c', 'c.id', 'learners.centre_id')
    .leftJoin('org_units as s', 's.id', 'learners.settlement_id')
    .selectAll('learners')
    .select(['c.code as centre_code', 'c.name_kk', 'c.name_ru', 'c.name_en', 'c.path',
      's.code as s_code', 's.kind as s_kind', 's.name_kk as s_kk', 's.name_ru as s_ru', 's.name_en as s_en']);
}
export type LearnerRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function toLearner(r: LearnerRow) {
  return {
    id: r.id, centreId: r.centre_id, centre: { id: r.centre_id, code: r.centre_code, name: namesOf(r) },
    lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name, sex: r.sex as never, birthDate: r.birth_date,
    phone: r.phone, settlementId: r.settlement_id,
    settlement: r.settlement_id && r.s_code
      ? { id: r.settlement_id, code: r.s_code, kind: r.s_kind as never, name: { kk: r.s_kk!, ru: r.s_ru!, en: r.s_en! } }
      : null,
    languages: parseJsonArray(r.languages) as never, education: r.education as never, employmentStatus: r.employment_status as never,
    registeredUnemployed: r.registered_unemployed === 1, targetGroups: parseJsonArray(r.target_groups) as never, iin: r.iin,
    consent: { date: r.consent_date, version: r.consent_version, guardianName: r.guardian_name, recordedBy: r.consent_recorded_by },
    userId: r.user_id, mergedInto: r.merged_into,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at, archivedAt: r.deleted_at,
  };
}

export function findLearner(db: Queryable, id: string) {
  return base(db).where('learners.id', '=', id).executeTakeFirst();
}

/**
 * Where to look. A few centres: their ids, so each centre's (centre_id, sort_key) index range
 * is read and the pages merged. Many centres (an oblast, the country): a path prefix on the
 * joined centre, so the name index is walked in order and stops after a page.
 */
export type LearnerScope = { centreIds: string[] } | { pathPrefix: string } | null;

/** Above this many centres a scope is filtered by path instead of by centre ids. */
export const FEW_CENTRES = 40;

/** The ids of the centres under a path, or null when there are more than `max`. */
export async function centresUnder(db: Queryable, pathPrefix: string, max = FEW_CENTRES): Promise<string[] | null> {
  const rows = await db.selectFrom('org_units').select('id').where('kind', '=', 'centre')
    .where(startsWith(sql.ref('path'), pathPrefix)).limit(max + 1).execute();
  return rows.length > max ? null : rows.map((r) => r.id);
}

export interface LearnerFilter {
  engine: Engine;
  scope: LearnerScope;
  /** Learners of other centres linked into the scope (ids, or a subquery when there are many). */
  linked?: string[] | SelectQueryBuilder<Database, any, { learner_id: string }>;
  search: string | null;
  includeArchived: boolean;
  limit: number;
  cursor?: string;
}

/**
 * A page in name order (the folded last-first-middle name, so scripts interleave).
 * With a search, people whose name starts with the term come first, then everyone else whose
 * name contains it, each group in name order (decision 0021): "Ахметов" lists the Akhmetovs
 * before the Ahmetovichs, and the first group is a range of the name index however common
 * the surname. The cursor is the group and the last row's id — a name, even folded, must not
 * travel in a URL — and its sort key is read back here.
 */
export async function listLearners(db: Queryable, f: LearnerFilter) {
  let scoped = base(db);
  const linked = f.linked && !(Array.isArray(f.linked) && f.linked.length === 0) ? f.linked : null;
  if (f.scope && 'centreIds' in f.scope) {
    if (f.scope.centreIds.length === 0 && !linked) return { rows: [], nextCursor: null };
    const ids = f.scope.centreIds;
    // no links into the scope (the usual case): the plain condition, so the plan is unchanged
    scoped = scoped.where((eb) => {
      const home = ids.length === 1 ? eb('learners.centre_id', '=', ids[0]) : eb('learners.centre_id', 'in', ids.length ? ids : ['']);
      return linked ? eb.or([home, eb('learners.id', 'in', linked)]) : home;
    });
  } else if (f.scope) {
    const home = startsWithUnindexed(sql.ref('c.path'), f.scope.pathPrefix);
    scoped = scoped.where((eb) => (linked ? eb.or([home, eb('learners.id', 'in', linked)]) : home));
  }
  if (!f.includeArchived) scoped = scoped.where('learners.deleted_at', 'is', null).where('learners.merged_into', 'is', null);

  const cursor = f.cursor ? await readCursor(db, f.cursor, f.search ? ['starts', 'contains'] : ['']) : null;
  const page = (query: typeof scoped, limit: number, from: typeof cursor) =>
    (from ? query.where(after(sql.ref('learners.sort_key'), sql.ref('learners.id'), [from.sortKey, from.id])) : query)
      .orderBy('learners.sort_key').orderBy('learners.id').limit(limit + 1).execute();
  if (!f.search) return pageOf(await page(scoped, f.limit, cursor), f.limit, (r) => ['', r.id]);

  const starts = startsWithTerm(f.search);
  // The second group is asked for only when the first cannot fill the page: counting a common
  // term's trigram matches (selectiveNameFilter) costs more than the page of the first group.
  const contains = async () => {
    const query = scoped.where('learners.name_key', 'like', `%${f.search}%`).where(sql<boolean>`not ${starts}`);
    const selective = await selectiveNameFilter(db, f.engine, f.search!);
    return selective ? query.where(selective) : query;
  };
  if (cursor?.group === 'contains') return pageOf(await page(await contains(), f.limit, cursor), f.limit, (r) => ['contains', r.id]);

  const first = await page(scoped.where(starts), f.limit, cursor);
  if (first.length > f.limit) return pageOf(first, f.limit, (r) => ['starts', r.id]);
  // The first group ends on this page: fill the rest from the start of the second.
  const rest = await page(await contains(), f.limit - first.length, null);
  return pageOf([...first, ...rest], f.limit, (r) => [first.includes(r) ? 'starts' : 'contains', r.id]);
}

/** A list cursor: which group it is in (see listLearners) and the last row's id and sort key. */
async function readCursor(db: Queryable, cursor: string, groups: string[]) {
  const [group, id] = decodeCursor(cursor);
  const last = groups.includes(group)
    ? await db.selectFrom('learners').select('sort_key').where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!last) throw invalid('cursor', 'invalid_cursor');
  return { group, id, sortKey: last.sort_key };
}

/** `sort_key` starts with the folded term, written as a range of the name index. */
function startsWithTerm(term: string) {
  const end = foldedPrefixEnd(term);
  return end === null
    ? sql<boolean>`(learners.sort_key >= ${term})`
    : sql<boolean>`(learners.sort_key >= ${term} and learners.sort_key < ${end})`;
}

const MATCH_COLUMNS = [
  'learners.id', 'learners.last_name', 'learners.first_name', 'learners.middle_name', 'learners.birth_date', 'learners.phone',
  'learners.iin', 'learners.centre_id', 'c.path', 'c.code as centre_code', 'c.name_kk', 'c.name_ru', 'c.name_en',
] as const;

/** Blocks larger than these are cut (see decision 0011: a shared phone, 1 January). */
const BLOCK_LIMIT = { iin: 2, phone: 200, birthDate: 1000 } as const;

/**
 * Candidates for duplicate matching across the whole network (unscoped on purpose: the
 * service hides what is outside the caller's area). Three exact, indexed lookups —
 * same IIN, same phone, same birth date — which together hold every record that can reach
 * MATCH_THRESHOLD (a name alone scores at most 0.5). Live, unmerged records only.
 */
export async function matchCandidatesNetworkWide(db: Queryable, key: { iin: string | null; phone: string | null; birthDate: string | null }) {
  const block = (column: 'iin' | 'phone' | 'birth_date', value: string, limit: number) =>
    db.selectFrom('learners').innerJoin('org_units as c', 'c.id', 'learners.centre_id').select(MATCH_COLUMNS)
      .where(`learners.${column}`, '=', value).where('learners.deleted_at', 'is', null).where('learners.merged_into', 'is', null)
      .limit(limit).execute();
  const blocks = await Promise.all([
    key.iin ? block('iin', key.iin, BLOCK_LIMIT.iin) : [],
    key.phone ? block('phone', key.phone, BLOCK_LIMIT.phone) : [],
    key.birthDate ? block('birth_date', key.birthDate, BLOCK_LIMIT.birthDate) : [],
  ]);
  const byId = new Map<string, (typeof blocks)[number][number]>();
  for (const row of blocks.flat()) byId.set(row.id, row);
  return [...byId.values()];
}

export async function learnerIdWithIin(db: Queryable, iin: string) {
  return (await db.selectFrom('learners').select('id').where('iin', '=', iin).executeTakeFirst())?.id ?? null;
}

export async function learnerIdOfUser(db: Queryable, userId: string) {
  return (await db.selectFrom('learners').select('id').where('user_id', '=', userId).executeTakeFirst())?.id ?? null;
}
