// The audit trail: who changed what, when, before → after; an admin or a coordinator
// reads it for their subtree only. Entries are shown in the API's own shapes (camelCase,
// names as {kk,ru,en}, arrays and flags decoded), with a label naming the record.
import { sql } from 'kysely';
import { z } from 'zod';
import { AuditQuery } from '../../../domain/accounts.js';
import { assertCan } from '../../auth/access.js';
import type { Ctx, Queryable } from '../../context.js';
import { startsWith } from '../../db/dialect.js';
import { decodeCursor, encodeCursor } from '../../db/paging.js';

const RENAMED: Record<string, string> = { deleted_at: 'archivedAt', parent_id: 'parentId', org_unit_id: 'orgUnitId' };
const FLAGS = new Set(['active', 'invented', 'registered_unemployed', 'present']);
const camel = (key: string) => RENAMED[key] ?? key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A stored row fragment as the API would show it. */
export function presentValues(values: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!values) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const name = /^name_(kk|ru|en)$/.exec(key);
    if (name) {
      out.name = { ...(out.name as object), [name[1]]: value };
      continue;
    }
    let shown = value;
    if (typeof value === 'string' && /^\[.*\]$/s.test(value)) {
      try { shown = JSON.parse(value); } catch { /* keep the text */ }
    }
    if (FLAGS.has(key) && typeof value === 'number') shown = value === 1;
    out[camel(key)] = shown;
  }
  return out;
}

/** One label per record (its name, or a username), fetched in two queries for a page. */
async function labels(db: Queryable, rows: { table_name: string; row_id: string }[]): Promise<Map<string, string>> {
  const ids = (tables: string[]) => [...new Set(rows.filter((r) => tables.includes(r.table_name)).map((r) => r.row_id))];
  const result = new Map<string, string>();
  const unitIds = ids(['org_units', 'centres']);
  if (unitIds.length) {
    for (const u of await db.selectFrom('org_units').select(['id', 'code']).where('id', 'in', unitIds).execute()) result.set(u.id, u.code);
  }
  const userIds = ids(['users']);
  if (userIds.length) {
    for (const u of await db.selectFrom('users').select(['id', 'username']).where('id', 'in', userIds).execute()) result.set(u.id, u.username);
  }
  return result;
}

export async function listAudit(ctx: Ctx, query: z.infer<typeof AuditQuery>) {
  const actor = assertCan(ctx.actor, 'audit.read');
  let q = ctx.db.selectFrom('audit_log').innerJoin('org_units as u', 'u.id', 'audit_log.scope_id').selectAll('audit_log');
  if (actor.scopePath) q = q.where(startsWith(sql.ref('u.path'), actor.scopePath));
  if (query.table) q = q.where('audit_log.table_name', '=', query.table);
  if (query.recordId) q = q.where('audit_log.row_id', '=', query.recordId);
  if (query.actor) q = q.where('audit_log.actor_username', '=', query.actor.toLowerCase());
  if (query.action) q = q.where('audit_log.action', '=', query.action);
  if (query.from) q = q.where('audit_log.at', '>=', query.from);
  if (query.to) q = q.where('audit_log.at', '<', `${query.to}T24`);
  if (query.cursor) q = q.where('audit_log.id', '<', decodeCursor(query.cursor)[1]);
  const rows = (await q.orderBy('audit_log.id', 'desc').limit(query.limit + 1).execute());
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const names = await labels(ctx.db, page);
  const items = page.map((r) => ({
    id: r.id, at: r.at, actor: r.actor_id ? { id: r.actor_id, username: r.actor_username ?? '' } : null,
    action: r.action, table: r.table_name, recordId: r.row_id, label: names.get(r.row_id) ?? null,
    before: presentValues(r.before ? JSON.parse(r.before) : null), after: presentValues(r.after ? JSON.parse(r.after) : null),
  }));
  return { items, nextCursor: more ? encodeCursor('', items[items.length - 1].id) : null };
}
