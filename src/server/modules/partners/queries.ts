// Partner organisations and partnerships. A partner is kept by an org unit; it is visible
// below that unit (shared down the tree) and above it (coordinators see their subtree).
import { sql, type ExpressionBuilder } from 'kysely';
import type { Locale } from '../../../domain/common.js';
import type { Queryable } from '../../context.js';
import { startsWith } from '../../db/dialect.js';
import { after, decodeCursor, pageOf } from '../../db/paging.js';
import type { Database, PartnersTable } from '../../db/schema.js';
import { namesOf, sortColumn } from '../org-units/queries.js';

type PartnerRow = PartnersTable & { unit_code: string; unit_kind: string; unit_kk: string; unit_ru: string; unit_en: string };

export function toPartner(row: PartnerRow) {
  return {
    id: row.id, kind: row.kind as never, name: namesOf(row), orgUnitId: row.org_unit_id,
    orgUnit: { id: row.org_unit_id, code: row.unit_code, kind: row.unit_kind as never, name: { kk: row.unit_kk, ru: row.unit_ru, en: row.unit_en } },
    address: row.address,
    phone: row.phone, email: row.email, website: row.website, note: row.note,
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, archivedAt: row.deleted_at,
  };
}

const unitColumns = ['u.code as unit_code', 'u.kind as unit_kind', 'u.name_kk as unit_kk', 'u.name_ru as unit_ru', 'u.name_en as unit_en'] as const;

/** Partners whose keeping unit is on the actor's path (above) or inside the actor's subtree. */
function visibleTo(scopePath: string) {
  return (eb: ExpressionBuilder<Database & { u: Database['org_units'] }, 'partners' | 'u'>) =>
    eb.or([startsWith(sql.ref('u.path'), scopePath), sql<boolean>`${scopePath} like u.path || '%'`]);
}

export async function findPartner(db: Queryable, id: string, scopePath: string | null) {
  let query = db.selectFrom('partners').innerJoin('org_units as u', 'u.id', 'partners.org_unit_id')
    .selectAll('partners').select(['u.path', ...unitColumns]).where('partners.id', '=', id);
  if (scopePath) query = query.where(visibleTo(scopePath));
  return query.executeTakeFirst();
}

export async function listPartners(db: Queryable, f: { scopePath: string | null; search: string | null; kind?: string; unitPath?: string; includeArchived: boolean; limit: number; cursor?: string; locale: Locale }) {
  const name = `partners.${sortColumn(f.locale)}` as const;
  let query = db.selectFrom('partners').innerJoin('org_units as u', 'u.id', 'partners.org_unit_id').selectAll('partners').select(unitColumns);
  if (f.scopePath) query = query.where(visibleTo(f.scopePath));
  if (f.unitPath) query = query.where(startsWith(sql.ref('u.path'), f.unitPath));
  if (f.search) query = query.where('partners.search_key', 'like', `%${f.search}%`);
  if (f.kind) query = query.where('partners.kind', '=', f.kind);
  if (!f.includeArchived) query = query.where('partners.deleted_at', 'is', null);
  if (f.cursor) query = query.where(after(sql.ref(name), sql.ref('partners.id'), decodeCursor(f.cursor)));
  const rows = await query.orderBy(name).orderBy('partners.id').limit(f.limit + 1).execute();
  const col = sortColumn(f.locale);
  return pageOf(rows, f.limit, (r) => [r[col], r.id]);
}

function partnershipBase(db: Queryable) {
  return db.selectFrom('partnerships')
    .innerJoin('org_units as cu', 'cu.id', 'partnerships.centre_id')
    .innerJoin('partners as p', 'p.id', 'partnerships.partner_id')
    .selectAll('partnerships')
    .select(['cu.code as centre_code', 'cu.name_kk as c_kk', 'cu.name_ru as c_ru', 'cu.name_en as c_en', 'cu.path',
      'p.kind as partner_kind', 'p.name_kk as p_kk', 'p.name_ru as p_ru', 'p.name_en as p_en']);
}
export type PartnershipRow = Awaited<ReturnType<ReturnType<typeof partnershipBase>['executeTakeFirstOrThrow']>>;

export function toPartnership(r: PartnershipRow) {
  return {
    id: r.id, centreId: r.centre_id, centre: { id: r.centre_id, code: r.centre_code, name: { kk: r.c_kk, ru: r.c_ru, en: r.c_en } },
    partnerId: r.partner_id, partner: { id: r.partner_id, kind: r.partner_kind as never, name: { kk: r.p_kk, ru: r.p_ru, en: r.p_en } },
    role: r.role, startDate: r.start_date, endDate: r.end_date, note: r.note,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at, archivedAt: r.deleted_at,
  };
}

export function findPartnership(db: Queryable, id: string) {
  return partnershipBase(db).where('partnerships.id', '=', id).executeTakeFirst();
}

export async function listPartnerships(db: Queryable, f: { scopePath: string | null; centreId?: string; partnerId?: string; includeArchived: boolean; limit: number; cursor?: string }) {
  let query = partnershipBase(db);
  if (f.scopePath) query = query.where(startsWith(sql.ref('cu.path'), f.scopePath));
  if (f.centreId) query = query.where('partnerships.centre_id', '=', f.centreId);
  if (f.partnerId) query = query.where('partnerships.partner_id', '=', f.partnerId);
  if (!f.includeArchived) query = query.where('partnerships.deleted_at', 'is', null);
  if (f.cursor) query = query.where(after(sql.ref('partnerships.start_date'), sql.ref('partnerships.id'), decodeCursor(f.cursor)));
  const rows = await query.orderBy('partnerships.start_date').orderBy('partnerships.id').limit(f.limit + 1).execute();
  return pageOf(rows, f.limit, (r) => [r.start_date, r.id]);
}

export { namesOf };
