// Importing a register (issue 4, item 9): upload → mapping → preview → commit, the same way
// for every kind (kinds.ts: learners, trainings, attendance, visits). The upload is parsed at
// once (every refusal of the file happens there, before anything is kept) and waits in the
// `imports` table. The preview and the commit check every row with the caller's mapping — the
// kind's own checks, in the caller's area only. The commit runs in the background: it checks
// everything again — unless the preview it follows checked the same options and nothing has
// changed in the network since — then writes all rows in ONE transaction through the write
// door, or nothing when one row is wrong. Progress is kept in this process's memory and answered by
// GET /api/imports/:id. Decision: docs/decisions/0018-import-export.md.
import { z } from 'zod';
import { uuidv7, UUID_PATTERN } from '../../../domain/ids.js';
import { isoToday } from '../../../domain/learning.js';
import { IMPORT_LIMITS, ImportUploadQuery, type ImportKind, type ImportStatus, type RowIssue } from '../../../domain/imports.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { changeToken, isUniqueViolation } from '../../db/dialect.js';
import { recordEvent } from '../../db/write.js';
import { KeregeError, conflict, invalid, notFound } from '../../errors.js';
import { translate } from '../../i18n.js';
import type { Mapping } from './cells.js';
import { centreInScope } from './centres.js';
import type { Checking, Job, Kind, Options, StoredRow } from './kind.js';
import { KINDS } from './kinds.js';
import { SheetError, readSheet } from './sheet.js';

/** A file refused as a whole: answered as a validation error on the field `file`. */
export class ImportFileError extends Error {
  constructor(readonly code: string, readonly params: Record<string, unknown> = {}) { super(code); }
}

interface Progress { phase: 'checking' | 'writing'; processed: number; total: number }
/** Commits running in this process. */
const running = new Map<string, Progress>();

const kindOf = (job: { kind: string }): Kind => KINDS[job.kind as ImportKind];

async function ownImport(db: Queryable, actor: Actor, id: string) {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const job = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job || job.actor_id !== actor.id) throw notFound();
  return job;
}

/**
 * An import's state without its rows: the progress bar asks twice a second, and reading the
 * rows (≈ 15 MB of JSON at 100,000) each time took the process away from the import itself.
 */
async function ownImportState(db: Queryable, actor: Actor, id: string) {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const job = await db.selectFrom('imports').select(['id', 'actor_id', 'kind', 'status', 'row_count', 'result'])
    .where('id', '=', id).executeTakeFirst();
  if (!job || job.actor_id !== actor.id) throw notFound();
  return job;
}

/** Imports forgotten after a day (their rows are personal data); only the result stays. */
async function forgetOld(db: Queryable) {
  const before = new Date(Date.now() - IMPORT_LIMITS.keepHours * 3600_000).toISOString();
  await db.updateTable('imports').set({ rows: null }).where('created_at', '<', before).where('rows', 'is not', null).execute();
}

/** An attendance register's training: live, at a centre in the caller's area. */
async function trainingInScope(db: Queryable, actor: Actor, id: string) {
  if (!UUID_PATTERN.test(id)) return null;
  const t = await db.selectFrom('trainings').innerJoin('org_units as c', 'c.id', 'trainings.centre_id')
    .select(['trainings.id', 'trainings.centre_id', 'trainings.deleted_at', 'c.path']).where('trainings.id', '=', id).executeTakeFirst();
  return t && !t.deleted_at && inScope(actor, t.path) ? t : null;
}

export async function uploadImport(ctx: Ctx, query: z.infer<typeof ImportUploadQuery>, body: Buffer) {
  const actor = assertCan(assertCan(ctx.actor, 'import.write'), KINDS[query.kind].permission);
  let centre = await centreInScope(ctx.db, actor, query.centre);
  if (!centre) throw invalid('centre', 'unknown_centre');
  let trainingId: string | null = null;
  if (query.kind === 'attendance') {
    const training = await trainingInScope(ctx.db, actor, query.training ?? '');
    if (!training) throw invalid('training', 'unknown_training');
    trainingId = training.id;
    if (training.centre_id !== centre.id) centre = (await centreInScope(ctx.db, actor, training.centre_id))!;
  }
  let sheet;
  try {
    sheet = await readSheet(body);
  } catch (error) {
    if (error instanceof SheetError) throw new ImportFileError(error.code, error.params);
    throw error;
  }
  await forgetOld(ctx.db);
  const id = uuidv7();
  const at = new Date().toISOString();
  await ctx.db.insertInto('imports').values({
    id, actor_id: actor.id, kind: query.kind, centre_id: centre.id, training_id: trainingId, status: 'uploaded', format: sheet.format,
    encoding: sheet.encoding, delimiter: sheet.delimiter, columns: JSON.stringify(sheet.columns), row_count: sheet.rows.length,
    rows: JSON.stringify(sheet.rows.map((r) => [r.n, ...r.cells])), result: null, created_at: at, updated_at: at,
  }).execute();
  const kind = KINDS[query.kind];
  return {
    id, kind: query.kind, centreId: centre.id, trainingId, format: sheet.format, encoding: sheet.encoding, delimiter: sheet.delimiter,
    columns: sheet.columns, rowCount: sheet.rows.length,
    fields: kind.fields.map((field) => ({ field, required: kind.required.includes(field) })),
    suggested: kind.suggest(sheet.columns),
  };
}

// ------------------------------------------------------------------ checking

interface Checked {
  mappingErrors: Array<{ field: string; code: string; message: string }>;
  total: number;
  errors: RowIssue[];
  invalidRows: number;
  warnings: RowIssue[];
  /** Rows that pass, with what they would write (duplicates marked). */
  good: Array<{ n: number; item: unknown; duplicate: boolean }>;
}

function mappingErrors(ctx: Ctx, kind: Kind, columns: string[], options: Options) {
  const errors: Array<{ field: string; code: string; message: string }> = [];
  const add = (field: string, code: string) => errors.push({ field, code, message: translate(ctx.locale, `imports.errors.${code}`) });
  const used = new Map<number, string>();
  for (const [field, index] of Object.entries(options.mapping)) {
    if (index === null || index === undefined) continue;
    if (!kind.fields.includes(field)) continue; // a field of another kind: ignored
    if (index >= columns.length) add(field, 'unknown_column');
    else if (used.has(index)) add(field, 'column_twice');
    used.set(index, field);
  }
  for (const field of kind.required) if (options.mapping[field] == null) add(field, 'required_column');
  for (const [field, code] of kind.mappingProblems?.(options.mapping as Mapping, options, columns) ?? []) add(field, code);
  return errors;
}

async function check(ctx: Ctx, actor: Actor, job: Job, options: Options, onProgress: (done: number) => void = () => {}): Promise<Checked> {
  if (job.rows === null) throw new KeregeError('conflict', [], 'import_expired');
  const kind = kindOf(job);
  const columns = JSON.parse(job.columns) as string[];
  const rows = JSON.parse(job.rows) as StoredRow[];
  const result: Checked = { mappingErrors: mappingErrors(ctx, kind, columns, options), total: rows.length, errors: [], invalidRows: 0, warnings: [], good: [] };
  if (result.mappingErrors.length) return result;

  const mapping = options.mapping as Mapping;
  const perRow = new Map<number, RowIssue[]>();
  const duplicates = new Set<number>();
  const checking: Checking = {
    ctx, actor, job, columns, mapping, options,
    issue(n, field, code, params = {}) {
      const index = mapping[field];
      const key = translate(ctx.locale, `errors.field.${code}`, params) !== `errors.field.${code}` ? `errors.field.${code}` : `imports.errors.${code}`;
      return { row: n, column: index == null ? null : columns[index] ?? null, field, code, message: translate(ctx.locale, key, params) };
    },
    fail(i) {
      const list = perRow.get(i.row) ?? [];
      if (!list.some((x) => x.field === i.field)) list.push(i);
      perRow.set(i.row, list);
    },
    failed: (n) => perRow.has(n),
    duplicate(i) { duplicates.add(i.row); result.warnings.push(i); },
    warn(i) { result.warnings.push(i); },
    progress: onProgress,
  };
  const good = await kind.check(checking, rows);
  onProgress(rows.length);

  for (const list of perRow.values()) result.errors.push(...list);
  result.errors.sort((a, b) => a.row - b.row);
  result.warnings = result.warnings.filter((w) => !perRow.has(w.row)).sort((a, b) => a.row - b.row);
  result.invalidRows = perRow.size;
  result.good = good.filter((g) => !perRow.has(g.n)).map((g) => ({ ...g, duplicate: duplicates.has(g.n) }));
  return result;
}

// ------------------------------------------------------------------ a preview kept for its commit

/**
 * The last preview of each import, kept in this process for a few minutes so that the commit
 * that usually follows it at once does not check 100,000 rows a second time. It is used only
 * when the commit asks for exactly what the preview checked (same person, options and day)
 * and the change token (decision 0012) says no record anywhere has changed since the token
 * was read — before the preview began. Otherwise the commit checks everything again.
 */
interface KeptPreview { key: string; token: string; checked: Checked; at: number }
const kept = new Map<string, KeptPreview>();
/**
 * A kept row weighs ~0.7 KB (a 100,000-row preview held 73 MB of heap), so what is kept is
 * bounded by rows — one file of the largest size at a time — as well as by time.
 */
const KEEP = { rows: IMPORT_LIMITS.rowsMax, ms: 10 * 60_000 };

const previewKey = (actor: Actor, options: Options) => JSON.stringify([actor.id, isoToday(), options]);
const keptRows = () => [...kept.values()].reduce((n, p) => n + p.checked.good.length, 0);

function keep(jobId: string, preview: KeptPreview) {
  for (const [id, p] of kept) if (Date.now() - p.at > KEEP.ms) kept.delete(id);
  kept.delete(jobId);
  const rows = preview.checked.good.length;
  if (rows > KEEP.rows) return;
  while (kept.size > 0 && keptRows() + rows > KEEP.rows) kept.delete(kept.keys().next().value!);
  kept.set(jobId, preview);
}

/** The preview's check if it still holds for this commit (then forgotten: it is used once). */
async function keptCheck(ctx: Ctx, actor: Actor, jobId: string, options: Options): Promise<Checked | null> {
  const preview = kept.get(jobId);
  kept.delete(jobId);
  if (!preview || Date.now() - preview.at > KEEP.ms || preview.key !== previewKey(actor, options)) return null;
  return preview.token === await changeToken(ctx.db, ctx.engine) ? preview.checked : null;
}

/** Rows of the sheet among checked items (a row of a wide attendance register holds several marks). */
const rowsIn = (items: Array<{ n: number }>) => new Set(items.map((i) => i.n)).size;

const toWrite = (checked: Checked, options: Options) => checked.good.filter((g) => options.duplicates === 'import' || !g.duplicate);

export async function previewImport(ctx: Ctx, id: string, options: Options) {
  const actor = assertCan(ctx.actor, 'import.write');
  const job = await ownImport(ctx.db, actor, id);
  assertCan(actor, kindOf(job).permission);
  const token = await changeToken(ctx.db, ctx.engine); // before the check reads anything
  const checked = await check(ctx, actor, job, options);
  if (!checked.mappingErrors.length && !checked.errors.length) keep(job.id, { key: previewKey(actor, options), token, checked, at: Date.now() });
  return {
    total: checked.total, valid: rowsIn(checked.good), invalid: checked.invalidRows,
    duplicates: rowsIn(checked.good.filter((g) => g.duplicate)), toImport: checked.mappingErrors.length ? 0 : rowsIn(toWrite(checked, options)),
    errors: checked.errors.slice(0, IMPORT_LIMITS.errorsShown), warnings: checked.warnings.slice(0, IMPORT_LIMITS.errorsShown),
    mappingErrors: checked.mappingErrors,
  };
}

// ------------------------------------------------------------------ commit

export async function commitImport(ctx: Ctx, id: string, options: Options) {
  const actor = assertCan(ctx.actor, 'import.write');
  const job = await ownImport(ctx.db, actor, id);
  assertCan(actor, kindOf(job).permission);
  if (job.rows === null) throw new KeregeError('conflict', [], 'import_expired');
  const started = await ctx.db.updateTable('imports').set({ status: 'running', updated_at: new Date().toISOString() })
    .where('id', '=', id).where('status', 'in', ['uploaded', 'failed']).executeTakeFirst();
  if (Number(started.numUpdatedRows) !== 1) throw conflict('import_running');
  running.set(id, { phase: 'checking', processed: 0, total: job.row_count });
  // The work goes on after the answer; its end (done or failed) is written to the imports row.
  void runCommit({ ...ctx, actor }, actor, job, options);
  return importStatus(ctx, id);
}

async function finish(ctx: Ctx, id: string, status: 'done' | 'failed', result: Record<string, unknown>, keepRows: boolean) {
  await ctx.db.updateTable('imports')
    .set({ status, result: JSON.stringify(result), updated_at: new Date().toISOString(), ...(keepRows ? {} : { rows: null }) })
    .where('id', '=', id).execute();
}

async function runCommit(ctx: Ctx, actor: Actor, job: Awaited<ReturnType<typeof ownImport>>, options: Options) {
  const progress = running.get(job.id)!;
  try {
    const checked = await keptCheck(ctx, actor, job.id, options)
      ?? await check(ctx, actor, job, options, (done) => { progress.processed = done; });
    if (checked.mappingErrors.length || checked.errors.length) {
      const errors = checked.mappingErrors.length
        ? checked.mappingErrors.map((m) => ({ row: 0, column: null, ...m }))
        : checked.errors.slice(0, IMPORT_LIMITS.errorsShown);
      await finish(ctx, job.id, 'failed', { errors, errorCount: checked.mappingErrors.length || checked.invalidRows }, true);
      return;
    }
    const rows = toWrite(checked, options);
    Object.assign(progress, { phase: 'writing', processed: 0, total: rows.length });
    let changed = 0;
    await ctx.db.transaction().execute(async (tx) => {
      changed = await kindOf(job).write(tx, { ctx, actor, job, options }, rows.map((r) => r.item), (n) => { progress.processed += n; });
      await recordEvent(tx, ctx, {
        action: 'import', table: job.kind, id: job.id, scopeId: job.centre_id,
        details: {
          kind: job.kind, format: job.format, rows: checked.total, created: changed, skipped: checked.total - rowsIn(rows),
          ...(job.kind === 'learners' ? { consentAttested: options.consent ? options.consent.version : null } : {}),
        },
      });
    });
    await finish(ctx, job.id, 'done', { created: changed, skipped: checked.total - rowsIn(rows) }, false);
  } catch (error) {
    // A row that became a duplicate IIN since the check, or the database failing: nothing was written.
    const code = isUniqueViolation(error) ? (job.kind === 'learners' ? 'iin_taken_meanwhile' : 'changed_meanwhile') : 'write_failed';
    if (code === 'write_failed') console.error(`import ${job.id} failed: ${(error as Error).message?.split('\n')[0]}`);
    await finish(ctx, job.id, 'failed', {
      errors: [{ row: 0, column: null, field: 'file', code, message: translate(ctx.locale, `imports.errors.${code}`) }], errorCount: 1,
    }, true).catch(() => {});
  } finally {
    running.delete(job.id);
  }
}

export async function importStatus(ctx: Ctx, id: string): Promise<ImportStatus> {
  const actor = assertCan(ctx.actor, 'import.write');
  const job = await ownImportState(ctx.db, actor, id);
  const live = running.get(id);
  const result = (job.result ? JSON.parse(job.result) : {}) as { created?: number; skipped?: number; errors?: RowIssue[]; errorCount?: number };
  const status = live ? 'running' : (job.status as ImportStatus['status']);
  return {
    id, kind: job.kind as ImportKind, status, phase: live?.phase ?? null,
    processed: live?.processed ?? (status === 'done' ? job.row_count : 0), total: live?.total ?? job.row_count,
    created: result.created ?? 0, skipped: result.skipped ?? 0, errors: result.errors ?? [], errorCount: result.errorCount ?? 0,
  };
}
