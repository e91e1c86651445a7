// The audit trail: who changed what, when, before → after; an admin or a coordinator
// reads it for their subtree only.
import { sql } from 'kysely';
import { z } from 'zod';
import { AuditQuery } from '../../../domain/accounts.js';
import { assertCan } from '../../auth/access.js';
import type { Ctx } from '../../context.js';
import { startsWith } from '../../db/dialect.js';
import { decodeCursor, encodeCursor } from '../../db/paging.js';

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
  const rows = await q.orderBy('audit_log.id', 'desc').limit(query.limit + 1).execute();
  const more = rows.length > query.limit;
  const items = rows.slice(0, query.limit).map((r) => ({
    id: r.id, at: r.at, actor: r.actor_id ? { id: r.actor_id, username: r.actor_username ?? '' } : null,
    action: r.action, table: r.table_name, recordId: r.row_id,
    before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null,
  }));
  return { items, nextCursor: more ? encodeCursor('', items[items.length - 1].id) : null };
}
