import { sql } from 'kysely';
import type { Locale } from '../../../domain/common.js';
import type { Role } from '../../../domain/accounts.js';
import type { Queryable } from '../../context.js';
import { startsWith } from '../../db/dialect.js';
import { after, decodeCursor, pageOf } from '../../db/paging.js';
import { namesOf } from '../org-units/queries.js';

const columns = [
  'users.id', 'users.username', 'users.display_name', 'users.role', 'users.org_unit_id', 'users.partner_id', 'users.locale',
  'users.active', 'users.version', 'users.created_at', 'users.updated_at', 'users.deleted_at',
  'org_units.code as unit_code', 'org_units.kind as unit_kind', 'org_units.name_kk', 'org_units.name_ru', 'org_units.name_en', 'org_units.path',
] as const;

function base(db: Queryable) {
  return db.selectFrom('users').innerJoin('org_units', 'org_units.id', 'users.org_unit_id').select(columns);
}
export type UserRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function toUser(row: UserRow) {
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role,
    orgUnitId: row.org_unit_id,
    orgUnit: { id: row.org_unit_id, code: row.unit_code, kind: row.unit_kind as never, name: namesOf(row) },
    partnerId: row.partner_id, locale: row.locale as Locale, active: row.active === 1 && row.deleted_at === null,
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export function findUser(db: Queryable, id: string) {
  return base(db).where('users.id', '=', id).executeTakeFirst();
}

export function findByUsername(db: Queryable, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function listUsers(db: Queryable, f: { search: string | null; role?: Role; unitPath?: string; includeArchived: boolean; limit: number; cursor?: string }) {
  let query = base(db);
  if (f.search) query = query.where('users.search_key', 'like', `%${f.search}%`);
  if (f.role) query = query.where('users.role', '=', f.role);
  if (f.unitPath) query = query.where(startsWith(sql.ref('org_units.path'), f.unitPath));
  if (!f.includeArchived) query = query.where('users.active', '=', 1);
  if (f.cursor) query = query.where(after(sql.ref('users.username'), sql.ref('users.id'), decodeCursor(f.cursor)));
  const rows = await query.orderBy('users.username').orderBy('users.id').limit(f.limit + 1).execute();
  return pageOf(rows, f.limit, (r) => [r.username, r.id]);
}
