// The one door every record write goes through (architecture.md, data rules; style.md §9).
// Each write stamps id/version/timestamps, appends to the change feed and to the audit
// log, all inside the caller's transaction — so a write is recorded or it did not happen.
// Records are never deleted here: archive sets the tombstone, restore clears it.
import type { Transaction } from 'kysely';
import { uuidv7 } from '../../domain/ids.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import type { Database, RecordTable } from './schema.js';

type Row = Record<string, unknown> & { id: string; version: string; deleted_at: string | null };
type Values = Record<string, unknown>;
export type AuditAction = 'create' | 'update' | 'archive' | 'restore' | 'password';

/** Columns never copied into the audit trail in clear. */
const REDACTED = new Set(['password_hash']);
/** Columns derived from others, left out of the audit trail. */
const DERIVED = new Set(['search_key', 'name_key', 'sort_key', 'path', 'depth', 'updated_at', 'version', 'created_at']);

function auditView(values: Values | null): Values | null {
  if (!values) return null;
  const view: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (DERIVED.has(key)) continue;
    view[key] = REDACTED.has(key) ? '[redacted]' : value;
  }
  return view;
}

function changedFields(before: Values, after: Values): [Values, Values] {
  const from: Values = {};
  const to: Values = {};
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) {
      from[key] = before[key] ?? null;
      to[key] = after[key];
    }
  }
  return [from, to];
}

async function record(
  tx: Transaction<Database>, ctx: Ctx, table: RecordTable, rowId: string, scopeId: string,
  version: string, action: AuditAction, before: Values | null, after: Values | null, at: string,
): Promise<void> {
  await tx.insertInto('changes')
    .values({ table_name: table, row_id: rowId, scope_id: scopeId, version, op: action === 'create' ? 'insert' : 'update', at })
    .execute();
  const b = auditView(before);
  const a = auditView(after);
  await tx.insertInto('audit_log').values({
    id: uuidv7(), at, actor_id: ctx.actor?.id ?? null, actor_username: ctx.actor?.username ?? null, action,
    table_name: table, row_id: rowId, scope_id: scopeId,
    before: b ? JSON.stringify(b) : null, after: a ? JSON.stringify(a) : null,
  }).execute();
}

export async function insertRecord(
  tx: Transaction<Database>, ctx: Ctx, table: RecordTable, values: Values,
  options: { scopeId?: string; id?: string } = {},
): Promise<Row> {
  const at = new Date().toISOString();
  const id = options.id ?? uuidv7();
  const row = { ...values, id, created_at: at, updated_at: at, version: ctx.clock.next(), deleted_at: null } as Row;
  await (tx as Transaction<any>).insertInto(table).values(row).execute();
  await record(tx, ctx, table, id, options.scopeId ?? id, row.version, 'create', null, values, at);
  return row;
}

/**
 * Apply `patch` to a row if it is still at `expectedVersion` (null = don't check: used for
 * changes the system makes itself, such as moving a subtree's paths). Answers the new row.
 */
export async function updateRecord(
  tx: Transaction<Database>, ctx: Ctx, table: RecordTable, id: string, expectedVersion: string | null,
  patch: Values, options: { scopeId: string; action?: AuditAction },
): Promise<Row> {
  const t = tx as Transaction<any>;
  const before = (await t.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!before) throw notFound();
  if (expectedVersion !== null && before.version !== expectedVersion) throw conflict();
  const [from, to] = changedFields(before, patch);
  if (Object.keys(to).length === 0) return before;
  const at = new Date().toISOString();
  const version = ctx.clock.next(before.version);
  const result = await t.updateTable(table)
    .set({ ...to, updated_at: at, version })
    .where('id', '=', id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict();
  await record(tx, ctx, table, id, options.scopeId, version, options.action ?? 'update', from, to, at);
  return { ...before, ...to, updated_at: at, version };
}

export function archiveRecord(tx: Transaction<Database>, ctx: Ctx, table: RecordTable, id: string, version: string, scopeId: string) {
  return updateRecord(tx, ctx, table, id, version, { deleted_at: new Date().toISOString() }, { scopeId, action: 'archive' });
}

export function restoreRecord(tx: Transaction<Database>, ctx: Ctx, table: RecordTable, id: string, version: string, scopeId: string) {
  return updateRecord(tx, ctx, table, id, version, { deleted_at: null }, { scopeId, action: 'restore' });
}
