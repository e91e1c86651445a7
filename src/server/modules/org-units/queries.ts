// Org unit queries. Blind to users: callers pass the scope prefix they are allowed to see.
import { sql } from 'kysely';
import type { Locale, Names } from '../../../domain/common.js';
import { UUID_PATTERN } from '../../../domain/ids.js';
import type { OrgUnitKind } from '../../../domain/registry.js';
import type { Queryable } from '../../context.js';
import { startsWith } from '../../db/dialect.js';
import { after, decodeCursor, pageOf, parseJsonArray } from '../../db/paging.js';
import type { OrgUnitsTable } from '../../db/schema.js';

export type OrgUnitRow = OrgUnitsTable;

export const nameColumn = (locale: Locale) => (`name_${locale}` as const);
/** The column that orders names alphabetically for readers of `locale`. */
export const sortColumn = (locale: Locale) => (`sort_${locale}` as const);

export function namesOf(row: { name_kk: string; name_ru: string; name_en: string }): Names {
  return { kk: row.name_kk, ru: row.name_ru, en: row.name_en };
}

export function toOrgUnit(row: OrgUnitRow) {
  return {
    id: row.id, code: row.code, kind: row.kind as OrgUnitKind, name: namesOf(row), parentId: row.parent_id,
    aliases: parseJsonArray(row.aliases), lat: row.lat, lon: row.lon, depth: row.depth,
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, archivedAt: row.deleted_at,
  };
}

export const toRef = (row: UnitRefRow) => ({ id: row.id, code: row.code, kind: row.kind as OrgUnitKind, name: namesOf(row) });

/** Find a unit by id or by code (codes are stored upper-case). */
export async function findOrgUnit(db: Queryable, idOrCode: string): Promise<OrgUnitRow | undefined> {
  const byId = UUID_PATTERN.test(idOrCode);
  return db.selectFrom('org_units').selectAll()
    .where(byId ? 'id' : 'code', '=', byId ? idOrCode : idOrCode.toUpperCase())
    .executeTakeFirst();
}

export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export type UnitRefRow = Pick<OrgUnitRow, 'id' | 'code' | 'kind' | 'path' | 'name_kk' | 'name_ru' | 'name_en'>;

/** The ancestors of units at the given paths (not the units themselves), by id, in one query. */
export async function ancestorsOf(db: Queryable, paths: string[]): Promise<Map<string, UnitRefRow>> {
  const ids = [...new Set(paths.flatMap((p) => idsOnPath(p).slice(0, -1)))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'code', 'kind', 'path', 'name_kk', 'name_ru', 'name_en']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export interface OrgUnitFilter {
  scopePath: string | null;
  search: string | null;
  parentId?: string;
  kind?: OrgUnitKind;
  includeArchived: boolean;
  limit: number;
  cursor?: string;
  locale: Locale;
}

export async function listOrgUnits(db: Queryable, f: OrgUnitFilter) {
  const name = sortColumn(f.locale);
  let query = db.selectFrom('org_units').selectAll();
  if (f.scopePath) query = query.where(startsWith(sql.ref('path'), f.scopePath));
  if (f.search) query = query.where('search_key', 'like', `%${f.search}%`);
  if (f.parentId) query = query.where('parent_id', '=', f.parentId);
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (!f.includeArchived) query = query.where('deleted_at', 'is', null);
  if (f.cursor) query = query.where(after(sql.ref(name), sql.ref('id'), decodeCursor(f.cursor)));
  const rows = await query.orderBy(name).orderBy('id').limit(f.limit + 1).execute();
  return pageOf(rows, f.limit, (r) => [r[name], r.id]);
}

/** Live children per unit, for a page of units, in one query. */
export async function childCounts(db: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', ids).where('deleted_at', 'is', null).groupBy('parent_id').execute();
  return new Map(rows.map((r) => [r.parent_id!, Number(r.n)]));
}

export async function countChildren(db: Queryable, id: string, includeArchived = false): Promise<number> {
  let query = db.selectFrom('org_units').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id);
  if (!includeArchived) query = query.where('deleted_at', 'is', null);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rewrite the paths of a moved subtree (derived columns, one statement). */
export async function movePaths(db: Queryable, oldPrefix: string, newPrefix: string, depthDelta: number): Promise<void> {
  await db.updateTable('org_units')
    .set({
      path: sql`${newPrefix} || substr(path, ${oldPrefix.length + 1})`,
      depth: sql`depth + ${depthDelta}`,
    })
    .where(startsWith(sql.ref('path'), oldPrefix))
    .execute();
}
