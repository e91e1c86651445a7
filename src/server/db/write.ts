// The one door every record write goes through (architecture.md, data rules; style.md §9).
// Each write stamps id/version/timestamps, appends to the change feed and to the audit
// log, all inside the caller's transaction — so a write is recorded or it did not happen.
// Records are never deleted here: archive sets the tombstone, restore clears it. Many rows of
// one table (an attendance sheet) go through the batch forms, which record exactly the same.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { uuidv7 } from '../../domain/ids.js';
import type { Ctx } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { jsonRowsInsertSql } from './dialect.js';
import type { Database, RecordTable } from './schema.js';

export type Row = Record<string, unknown> & { id: string; version: string; deleted_at: string | null };
type Values = Record<string, unknown>;
export type AuditAction = 'create' | 'update' | 'archive' | 'restore' | 'password';
/** What is audited without changing a record: a whole import, a list exported (decision 0018). */
export type AuditEvent = 'import' | 'export';

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

interface Entry { rowId: string; version: string; action: AuditAction; before: Values | null; after: Values | null }

/** Rows inserted per statement by the batch writers (far below both engines' parameter limits). */
const BATCH = 200;
/** Rows per statement when they travel as one JSON parameter (PostgreSQL). */
const JSON_BATCH = 1000;

/**
 * The SQL of a multi-row INSERT, by engine, table, columns and row count. Kysely builds it
 * once per shape; later batches of the same shape only bind their values. Building the query
 * cost more than running it when thousands of rows are written at once (the demo, imports).
 */
const insertSql = new Map<string, string>();

/**
 * Full batches, then the rest in powers of two (128, 64, …, 1): few statement shapes per table,
 * so each is built and prepared once — a statement per odd length would fill the engine's
 * statement cache with large programs (and the server's memory).
 */
function shapedBatches<T>(items: T[]): T[][] {
  const batches: T[][] = [];
  let at = 0;
  while (items.length - at >= BATCH) batches.push(items.slice(at, (at += BATCH)));
  for (let size = 128; size >= 1; size >>= 1) {
    while (items.length - at >= size) batches.push(items.slice(at, (at += size)));
  }
  return batches;
}

/**
 * Values that mean the same in JSON as bound one by one: text, finite numbers, null. Anything
 * else (a boolean, a Date, a Buffer) keeps the VALUES form and the driver's own conversion.
 */
function plainValues(row: Values): boolean {
  for (const k in row) {
    const v = row[k];
    if (v !== null && typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) return false;
  }
  return true;
}

/**
 * Insert rows that share their columns: on PostgreSQL as JSON batches of 1,000 rows (one
 * parameter each, see jsonRowsInsertSql), else in a few statement shapes, each built once.
 */
async function insertRows(tx: Transaction<Database>, ctx: Ctx, table: string, rows: Values[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const uniform = rows.every((r) => {
    let n = 0;
    for (const k in r) if (k !== columns[n++] || r[k] === undefined) return false;
    return n === columns.length;
  });
  const t = tx as Transaction<any>;
  const jsonSql = uniform && rows.every(plainValues) ? jsonRowsInsertSql(ctx.engine, table, columns) : null;
  if (jsonSql !== null) {
    for (let at = 0; at < rows.length; at += JSON_BATCH) {
      await t.executeQuery(CompiledQuery.raw(jsonSql, [JSON.stringify(rows.slice(at, at + JSON_BATCH))]));
    }
    return;
  }
  for (const batch of shapedBatches(rows)) {
    if (!uniform) {
      await t.insertInto(table).values(batch).execute();
      continue;
    }
    const key = `${ctx.engine}|${table}|${batch.length}|${columns.join(',')}`;
    const parameters: unknown[] = new Array(batch.length * columns.length);
    let at = 0;
    for (const r of batch) for (const c of columns) parameters[at++] = r[c];
    let text = insertSql.get(key);
    if (text === undefined) {
      const compiled = t.insertInto(table).values(batch).compile();
      // reuse only a statement whose parameters are exactly the values in row-major order
      if (compiled.parameters.length !== parameters.length || compiled.parameters.some((p, i) => p !== parameters[i])) {
        await t.executeQuery(compiled);
        continue;
      }
      text = compiled.sql;
      insertSql.set(key, text);
    }
    await t.executeQuery(CompiledQuery.raw(text, parameters));
  }
}

/** The change-feed and audit rows of some writes to one table in one scope: two statements a batch. */
async function record(tx: Transaction<Database>, ctx: Ctx, table: RecordTable, scopeId: string, entries: Entry[], at: string): Promise<void> {
  await insertRows(tx, ctx, 'changes', entries.map((e) => ({
    table_name: table, row_id: e.rowId, scope_id: scopeId, version: e.version, op: e.action === 'create' ? 'insert' : 'update', at,
  })));
  await insertRows(tx, ctx, 'audit_log', entries.map((e) => {
    const b = auditView(e.before);
    const a = auditView(e.after);
    return {
      id: uuidv7(), at, actor_id: ctx.actor?.id ?? null, actor_username: ctx.actor?.username ?? null, action: e.action,
      table_name: table, row_id: e.rowId, scope_id: scopeId,
      before: b ? JSON.stringify(b) : null, after: a ? JSON.stringify(a) : null,
    };
  }));
}

export async function insertRecord(
  tx: Transaction<Database>, ctx: Ctx, table: RecordTable, values: Values,
  options: { scopeId?: string; id?: string } = {},
): Promise<Row> {
  const at = new Date().toISOString();
  const id = options.id ?? uuidv7();
  const row = { ...values, id, created_at: at, updated_at: at, version: ctx.clock.next(), deleted_at: null } as Row;
  await (tx as Transaction<any>).insertInto(table).values(row).execute();
  await record(tx, ctx, table, options.scopeId ?? id, [{ rowId: id, version: row.version, action: 'create', before: null, after: values }], at);
  return row;
}

/**
 * Many new rows of one table in one scope (an attendance sheet): a few multi-row statements
 * instead of three per row, with the same stamps, change feed and audit as insertRecord.
 */
export async function insertRecords(
  tx: Transaction<Database>, ctx: Ctx, table: RecordTable, rows: Values[], options: { scopeId: string },
): Promise<Row[]> {
  if (rows.length === 0) return [];
  const at = new Date().toISOString();
  const stamped = rows.map((values) => ({ ...values, id: uuidv7(), created_at: at, updated_at: at, version: ctx.clock.next(), deleted_at: null }) as Row);
  await insertRows(tx, ctx, table, stamped);
  await record(tx, ctx, table, options.scopeId, stamped.map((row, i) => ({ rowId: row.id, version: row.version, action: 'create', before: null, after: rows[i] })), at);
  return stamped;
}

/**
 * Many rows that the system makes itself in one go — the demo's learning records, tens of
 * thousands of people and marks. Stamped (id, timestamps, version) and fed to the change feed
 * row by row like insertRecords, but audited as ONE entry per call: who, when, which table and
 * how many rows, under the scope's id. Per-row audit entries of generated data would double
 * the rows written and say nothing a reader needs. Decision: docs/decisions/0020-demo-records.md.
 * Answers the stamped rows, in order.
 */
export async function insertGenerated(
  tx: Transaction<Database>, ctx: Ctx, table: RecordTable, rows: Values[], options: { scopeId: string; note: string },
): Promise<Row[]> {
  if (rows.length === 0) return [];
  const at = new Date().toISOString();
  const stamped = rows.map((values) => ({ ...values, id: uuidv7(), created_at: at, updated_at: at, version: ctx.clock.next(), deleted_at: null }) as Row);
  await insertRows(tx, ctx, table, stamped);
  await insertRows(tx, ctx, 'changes', stamped.map((row) => ({
    table_name: table, row_id: row.id, scope_id: options.scopeId, version: row.version, op: 'insert', at,
  })));
  await insertRows(tx, ctx, 'audit_log', [{
    id: uuidv7(), at, actor_id: ctx.actor?.id ?? null, actor_username: ctx.actor?.username ?? null, action: 'create',
    table_name: table, row_id: options.scopeId, scope_id: options.scopeId,
    before: null, after: JSON.stringify({ generated: rows.length, note: options.note }),
  }]);
  return stamped;
}

/** One conditional UPDATE of a row read in this transaction; the audit entry for it. */
async function applyPatch(t: Transaction<any>, ctx: Ctx, table: RecordTable, before: Row, patch: Values, action: AuditAction, at: string) {
  const [from, to] = changedFields(before, patch);
  if (Object.keys(to).length === 0) return null;
  const version = ctx.clock.next(before.version);
  const result = await t.updateTable(table)
    .set({ ...to, updated_at: at, version })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict();
  const entry: Entry = { rowId: before.id, version, action, before: from, after: to };
  return { row: { ...before, ...to, updated_at: at, version } as Row, entry };
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
  const at = new Date().toISOString();
  const applied = await applyPatch(t, ctx, table, before, patch, options.action ?? 'update', at);
  if (!applied) return before;
  await record(tx, ctx, table, options.scopeId, [applied.entry], at);
  return applied.row;
}

/**
 * Patches of many rows of one table in one scope, each row as the caller read it in this
 * transaction (so no re-read): every UPDATE is conditional on that row's version (409 when
 * another writer got there first); unchanged rows are skipped. The change feed and audit
 * are written in batches. Answers the rows as they are now.
 */
export async function updateRecords(
  tx: Transaction<Database>, ctx: Ctx, table: RecordTable, edits: Array<{ before: Row; patch: Values }>, options: { scopeId: string },
): Promise<Row[]> {
  const at = new Date().toISOString();
  const rows: Row[] = [];
  const entries: Entry[] = [];
  for (const { before, patch } of edits) {
    const applied = await applyPatch(tx as Transaction<any>, ctx, table, before, patch, 'update', at);
    rows.push(applied?.row ?? before);
    if (applied) entries.push(applied.entry);
  }
  if (entries.length) await record(tx, ctx, table, options.scopeId, entries, at);
  return rows;
}

export function archiveRecord(tx: Transaction<Database>, ctx: Ctx, table: RecordTable, id: string, version: string, scopeId: string) {
  return updateRecord(tx, ctx, table, id, version, { deleted_at: new Date().toISOString() }, { scopeId, action: 'archive' });
}

export function restoreRecord(tx: Transaction<Database>, ctx: Ctx, table: RecordTable, id: string, version: string, scopeId: string) {
  return updateRecord(tx, ctx, table, id, version, { deleted_at: null }, { scopeId, action: 'restore' });
}

/**
 * An audit entry for something done to many records or to none (an import's summary, an
 * export): who, what, where and a description — never names or IINs. No change-feed row.
 */
export async function recordEvent(
  db: Transaction<Database> | Kysely<Database>, ctx: Ctx,
  event: { action: AuditEvent; table: string; id: string; scopeId: string; details: Values },
): Promise<void> {
  await db.insertInto('audit_log').values({
    id: uuidv7(), at: new Date().toISOString(), actor_id: ctx.actor?.id ?? null, actor_username: ctx.actor?.username ?? null,
    action: event.action, table_name: event.table, row_id: event.id, scope_id: event.scopeId, before: null, after: JSON.stringify(event.details),
  }).execute();
}
