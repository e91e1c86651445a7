// Centre queries: a centre is an org unit of kind 'centre' (name, code, place in the tree)
// plus a `centres` row with what only centres have.
import { sql } from 'kysely';
import type { Locale } from '../../../domain/common.js';
import type { Queryable } from '../../context.js';
import { startsWith } from '../../db/dialect.js';
import { after, decodeCursor, pageOf, parseJsonArray } from '../../db/paging.js';
import { ancestorsOf, idsOnPath, namesOf, sortColumn, toRef, type UnitRefRow } from '../org-units/queries.js';

// Driven from org_units (kind 'centre', by path), joined to centres by the shared id, so the
// (kind, path) index narrows a subtree before anything else is read.
function base(db: Queryable) {
  return db.selectFrom('org_units as u').innerJoin('centres', 'centres.id', 'u.id').where('u.kind', '=', 'centre').select([
    'centres.id', 'centres.type', 'centres.address', 'centres.phone', 'centres.email', 'centres.facilitators',
    'centres.opened_on', 'centres.connectivity', 'centres.computers', 'centres.languages', 'centres.opening_hours',
    'centres.invented', 'centres.version', 'centres.created_at', 'centres.updated_at', 'centres.deleted_at',
    'u.code', 'u.name_kk', 'u.name_ru', 'u.name_en', 'u.sort_kk', 'u.sort_ru', 'u.sort_en', 'u.parent_id', 'u.path', 'u.lat', 'u.lon', 'u.version as unit_version',
  ]);
}
export type CentreRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function toCentre(row: CentreRow, units: Map<string, UnitRefRow>) {
  const ancestors = idsOnPath(row.path).slice(0, -1).map((id) => units.get(id)).filter((u): u is UnitRefRow => !!u);
  return {
    id: row.id, code: row.code, type: row.type as never, name: namesOf(row), orgUnitId: row.parent_id!,
    ancestors: ancestors.map(toRef), address: row.address, lat: row.lat!, lon: row.lon!, phone: row.phone, email: row.email,
    facilitators: parseJsonArray(row.facilitators), openedOn: row.opened_on, connectivity: row.connectivity as never,
    computers: row.computers, languages: parseJsonArray(row.languages) as never, openingHours: row.opening_hours,
    invented: row.invented === 1, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, archivedAt: row.deleted_at,
  };
}

/** Rows with their ancestors resolved in one extra query. */
export async function withAncestors(db: Queryable, rows: CentreRow[]) {
  const units = await ancestorsOf(db, rows.map((r) => r.path));
  return rows.map((r) => toCentre(r, units));
}

export function findCentre(db: Queryable, idOrCode: string, byId: boolean) {
  return base(db).where(byId ? 'centres.id' : 'u.code', '=', byId ? idOrCode : idOrCode.toUpperCase()).executeTakeFirst();
}

export interface CentreFilter {
  scopePath: string | null;
  unitPath?: string;
  search: string | null;
  /** Paths of places whose names match the search: their centres match too. */
  placePaths?: string[];
  type?: string;
  connectivity?: string;
  includeArchived: boolean;
  limit: number;
  cursor?: string;
  locale: Locale;
}

export async function listCentres(db: Queryable, f: CentreFilter) {
  const name = `u.${sortColumn(f.locale)}` as const;
  let query = base(db);
  if (f.scopePath) query = query.where(startsWith(sql.ref('u.path'), f.scopePath));
  if (f.unitPath) query = query.where(startsWith(sql.ref('u.path'), f.unitPath));
  if (f.search) {
    const search = f.search;
    const places = f.placePaths ?? [];
    query = query.where((eb) => eb.or([
      eb('u.search_key', 'like', `%${search}%`),
      ...places.map((p) => startsWith(sql.ref('u.path'), p)),
    ]));
  }
  if (f.type) query = query.where('centres.type', '=', f.type);
  if (f.connectivity) query = query.where('centres.connectivity', '=', f.connectivity);
  if (!f.includeArchived) query = query.where('centres.deleted_at', 'is', null);
  if (f.cursor) query = query.where(after(sql.ref(name), sql.ref('centres.id'), decodeCursor(f.cursor)));
  const rows = await query.orderBy(name).orderBy('centres.id').limit(f.limit + 1).execute();
  const locale = sortColumn(f.locale);
  return pageOf(rows, f.limit, (r) => [r[locale], r.id]);
}

/** Places (not centres) whose names match a folded search, so "Oskemen" finds the centres there. */
export async function matchingPlacePaths(db: Queryable, search: string, scopePath: string | null, max = 20): Promise<string[]> {
  let query = db.selectFrom('org_units').select('path').where('kind', '!=', 'centre').where('deleted_at', 'is', null)
    .where('search_key', 'like', `%${search}%`);
  if (scopePath) query = query.where(startsWith(sql.ref('path'), scopePath));
  return (await query.limit(max).execute()).map((r) => r.path);
}

/** Every live centre in scope, compactly, for the map. */
export async function mapPoints(db: Queryable, scopePath: string | null) {
  let query = base(db).where('centres.deleted_at', 'is', null);
  if (scopePath) query = query.where(startsWith(sql.ref('u.path'), scopePath));
  const rows = await query.execute();
  const oblasts = new Map((await db.selectFrom('org_units').select(['id']).where('kind', 'in', ['oblast', 'city']).where('depth', '=', 1).execute()).map((r) => [r.id, true]));
  return rows.map((r) => ({
    id: r.id, code: r.code, type: r.type as never, name: namesOf(r), lat: r.lat!, lon: r.lon!,
    oblastId: idsOnPath(r.path).find((id) => oblasts.has(id)) ?? null,
  }));
}
