// Course queries. A course is owned by the root unit (the national catalogue) or by a centre;
// it is visible down the tree from its owner and up to coordinators of the owner, so the
// national catalogue is visible everywhere and a centre's courses to that centre and above.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Locale } from '../../../domain/common.js';
import type { Queryable } from '../../context.js';
import { startsWith } from '../../db/dialect.js';
import { after, decodeCursor, pageOf, parseJsonArray } from '../../db/paging.js';
import type { Database } from '../../db/schema.js';
import { nameColumn, namesOf } from '../org-units/queries.js';

function base(db: Queryable) {
  return db.selectFrom('courses').innerJoin('org_units as u', 'u.id', 'courses.org_unit_id')
    .selectAll('courses')
    .select(['u.code as owner_code', 'u.kind as owner_kind', 'u.name_kk as owner_kk', 'u.name_ru as owner_ru', 'u.name_en as owner_en', 'u.path']);
}
export type CourseRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export const isNational = (row: { owner_kind: string }) => row.owner_kind === 'country';

export function toCourse(row: CourseRow) {
  return {
    id: row.id, code: row.code, name: namesOf(row),
    description: { kk: row.description_kk, ru: row.description_ru, en: row.description_en },
    category: row.category as never, plannedHours: row.planned_hours, languages: parseJsonArray(row.languages) as never,
    targetGroups: parseJsonArray(row.target_groups) as never, level: row.level as never, completionPercent: row.completion_percent,
    orgUnitId: row.org_unit_id,
    owner: { id: row.org_unit_id, code: row.owner_code, kind: row.owner_kind as never, name: { kk: row.owner_kk, ru: row.owner_ru, en: row.owner_en } },
    national: isNational(row),
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, archivedAt: row.deleted_at,
  };
}

/** Owned inside the actor's subtree (below), or by a unit on the actor's own path (above). */
function visibleTo(scopePath: string) {
  return (eb: ExpressionBuilder<Database & { u: Database['org_units'] }, 'courses' | 'u'>) =>
    eb.or([startsWith(sql.ref('u.path'), scopePath), sql<boolean>`${scopePath} like u.path || '%'`]);
}

export async function findCourse(db: Queryable, idOrCode: string, byId: boolean, scopePath: string | null) {
  let query = base(db).where(byId ? 'courses.id' : 'courses.code', '=', byId ? idOrCode : idOrCode.toUpperCase());
  if (scopePath) query = query.where(visibleTo(scopePath));
  return query.executeTakeFirst();
}

export interface CourseFilter {
  scopePath: string | null;
  search: string | null;
  category?: string;
  /** 'country' for the national catalogue, 'centre' for centres' own courses. */
  ownerKind?: 'country' | 'centre';
  ownerId?: string;
  includeArchived: boolean;
  limit: number;
  cursor?: string;
  locale: Locale;
}

export async function listCourses(db: Queryable, f: CourseFilter) {
  const name = `courses.${nameColumn(f.locale)}` as const;
  let query = base(db);
  if (f.scopePath) query = query.where(visibleTo(f.scopePath));
  if (f.search) query = query.where('courses.search_key', 'like', `%${f.search}%`);
  if (f.category) query = query.where('courses.category', '=', f.category);
  if (f.ownerKind) query = query.where('u.kind', '=', f.ownerKind);
  if (f.ownerId) query = query.where('courses.org_unit_id', '=', f.ownerId);
  if (!f.includeArchived) query = query.where('courses.deleted_at', 'is', null);
  if (f.cursor) query = query.where(after(sql.ref(name), sql.ref('courses.id'), decodeCursor(f.cursor)));
  const rows = await query.orderBy(name).orderBy('courses.id').limit(f.limit + 1).execute();
  const col = nameColumn(f.locale);
  return pageOf(rows, f.limit, (r) => [r[col], r.id]);
}

/** The root of the tree: the owner of the national catalogue. */
export function rootUnit(db: Queryable) {
  return db.selectFrom('org_units').selectAll().where('parent_id', 'is', null).where('kind', '=', 'country').executeTakeFirstOrThrow();
}
