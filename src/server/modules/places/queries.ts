// Place queries: org units of the place kinds across the whole country — deliberately not
// limited to a caller's subtree (geography is reference data, decision 0023); the name says so.
// Centres are never selected.
import { sql } from 'kysely';
import type { Locale } from '../../../domain/common.js';
import { PLACE_KINDS } from '../../../domain/places.js';
import type { Queryable } from '../../context.js';
import { startsWith } from '../../db/dialect.js';
import { after, decodeCursor, pageOf } from '../../db/paging.js';
import { sortColumn, type UnitRefRow } from '../org-units/queries.js';

export interface PlaceFilter {
  search: string | null;
  /** Path of the region whose places come first, or null (plain name order). */
  firstUnder: string | null;
  limit: number;
  cursor?: string;
  locale: Locale;
}

export type PlaceRow = UnitRefRow & { order_key: string };

/**
 * One page of places nationwide, the region's first: ordered by "0"/"1" (in the region or
 * not) followed by the reader's sort key, then id — one keyset over both engines.
 */
export async function listPlacesNationwide(db: Queryable, f: PlaceFilter) {
  const name = sql.ref(sortColumn(f.locale));
  const group = f.firstUnder
    ? sql<string>`case when ${startsWith(sql.ref('path'), f.firstUnder)} then '0' else '1' end`
    : sql<string>`'1'`;
  const orderKey = sql<string>`(${group} || ${name})`;
  let query = db.selectFrom('org_units')
    .select(['id', 'code', 'kind', 'path', 'name_kk', 'name_ru', 'name_en', orderKey.as('order_key')])
    .where('kind', 'in', [...PLACE_KINDS])
    .where('deleted_at', 'is', null);
  if (f.search) query = query.where('search_key', 'like', `%${f.search}%`);
  if (f.cursor) query = query.where(after(orderKey, sql.ref('id'), decodeCursor(f.cursor)));
  const rows = await query.orderBy(orderKey).orderBy('id').limit(f.limit + 1).execute();
  return pageOf(rows as PlaceRow[], f.limit, (r) => [r.order_key, r.id]);
}
