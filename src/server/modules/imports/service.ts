// Importing a register (issue 4, item 9): upload → mapping → preview → commit.
// The upload is parsed at once (every refusal of the file happens there, before anything is
// kept) and waits in the `imports` table. The preview and the commit read the rows with the
// caller's mapping through the API's own learner schema, resolve centres (in the caller's
// area only) and places, check IINs and likely duplicates against the network and within the
// file. The commit runs in the background: it checks everything again, then writes all rows
// in ONE transaction through the write door (batched) — or nothing, when one row is wrong.
// Progress is kept in this process's memory and answered by GET /api/imports/:id.
// Decision: docs/decisions/0018-import-export.md.
import { z } from 'zod';
import { uuidv7, UUID_PATTERN } from '../../../domain/ids.js';
import { IMPORT_LIMITS, ImportOptions, ImportUploadQuery, LEARNER_REQUIRED, type ImportStatus, type RowIssue } from '../../../domain/imports.js';
import { MATCH_THRESHOLD, foldName, scoreMatch } from '../../../domain/person-match.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { insertRecords, recordEvent } from '../../db/write.js';
import { KeregeError, conflict, invalid, notFound } from '../../errors.js';
import { translate } from '../../i18n.js';
import { findOrgUnit } from '../org-units/queries.js';
import { PLACE_KINDS, consentColumns, detailColumns, nameColumns } from '../learners/service.js';
import {
  LearnerInput, fieldOfPath, issueCode, learnerFields, rowToInput, suggestMapping, type LearnerField, type Mapping,
} from './learner-rows.js';
import { SheetError, readSheet } from './sheet.js';

type Options = z.infer<typeof ImportOptions>;
type Parsed = z.infer<typeof LearnerInput>;
type StoredRow = [number, ...string[]];

/** A file refused as a whole: answered as a validation error on the field `file`. */
export class ImportFileError extends Error {
  constructor(readonly code: string, readonly params: Record<string, unknown> = {}) { super(code); }
}

interface Progress { phase: 'checking' | 'writing'; processed: number; total: number }
/** Commits running in this process. */
const running = new Map<string, Progress>();

const WRITE_CHUNK = 1000;
const LOOKUP_CHUNK = 500;

async function ownImport(db: Queryable, actor: Actor, id: string) {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const job = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job || job.actor_id !== actor.id) throw notFound();
  return job;
}

/** A live centre in the caller's area, or null. */
async function centreInScope(db: Queryable, actor: Actor, idOrCode: string) {
  const unit = await findOrgUnit(db, idOrCode.trim());
  return unit && unit.kind === 'centre' && !unit.deleted_at && inScope(actor, unit.path) ? unit : null;
}

/** Imports forgotten after a day (their rows are personal data); only the result stays. */
async function forgetOld(db: Queryable) {
  const before = new Date(Date.now() - IMPORT_LIMITS.keepHours * 3600_000).toISOString();
  await db.updateTable('imports').set({ rows: null }).where('created_at', '<', before).where('rows', 'is not', null).execute();
}

export async function uploadImport(ctx: Ctx, query: z.infer<typeof ImportUploadQuery>, body: Buffer) {
  const actor = assertCan(ctx.actor, 'learner.write');
  const centre = await centreInScope(ctx.db, actor, query.centre);
  if (!centre) throw invalid('centre', 'unknown_centre');
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
    id, actor_id: actor.id, kind: query.kind, centre_id: centre.id, status: 'uploaded', format: sheet.format,
    encoding: sheet.encoding, delimiter: sheet.delimiter, columns: JSON.stringify(sheet.columns), row_count: sheet.rows.length,
    rows: JSON.stringify(sheet.rows.map((r) => [r.n, ...r.cells])), result: null, created_at: at, updated_at: at,
  }).execute();
  return {
    id, kind: query.kind, centreId: centre.id, format: sheet.format, encoding: sheet.encoding, delimiter: sheet.delimiter,
    columns: sheet.columns, rowCount: sheet.rows.length, fields: learnerFields(), suggested: suggestMapping(sheet.columns),
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
  good: Array<{ n: number; input: Parsed; centreId: string; settlementId: string | null; duplicate: boolean }>;
}

function mappingErrors(ctx: Ctx, columns: string[], options: Options) {
  const errors: Array<{ field: string; code: string; message: string }> = [];
  const add = (field: string, code: string) => errors.push({ field, code, message: translate(ctx.locale, `imports.errors.${code}`) });
  const used = new Map<number, string>();
  for (const [field, index] of Object.entries(options.mapping)) {
    if (index === null || index === undefined) continue;
    if (index >= columns.length) add(field, 'unknown_column');
    else if (used.has(index)) add(field, 'column_twice');
    used.set(index, field);
  }
  for (const field of LEARNER_REQUIRED) if (options.mapping[field] == null) add(field, 'required_column');
  const consentMapped = options.mapping.consentDate != null && options.mapping.consentVersion != null;
  if (!consentMapped && !options.consent) add('consent', 'consent_required');
  return errors;
}

async function check(ctx: Ctx, actor: Actor, job: { centre_id: string; columns: string; rows: string | null }, options: Options,
  onProgress: (done: number) => void = () => {}): Promise<Checked> {
  if (job.rows === null) throw new KeregeError('conflict', [], 'import_expired');
  const columns = JSON.parse(job.columns) as string[];
  const rows = JSON.parse(job.rows) as StoredRow[];
  const result: Checked = { mappingErrors: mappingErrors(ctx, columns, options), total: rows.length, errors: [], invalidRows: 0, warnings: [], good: [] };
  if (result.mappingErrors.length) return result;

  const mapping = options.mapping as Mapping;
  const issue = (n: number, field: LearnerField, code: string, params: Record<string, unknown> = {}): RowIssue => {
    const index = mapping[field];
    const key = translate(ctx.locale, `errors.field.${code}`, params) !== `errors.field.${code}` ? `errors.field.${code}` : `imports.errors.${code}`;
    return { row: n, column: index == null ? null : columns[index] ?? null, field, code, message: translate(ctx.locale, key, params) };
  };
  const perRow = new Map<number, RowIssue[]>();
  const fail = (i: RowIssue) => { const list = perRow.get(i.row) ?? []; if (!list.some((x) => x.field === i.field)) list.push(i); perRow.set(i.row, list); };

  // 1. each row through the API's schema
  const parsed: Array<{ n: number; input: Parsed }> = [];
  const context = { defaultCentre: job.centre_id, consent: options.consent ?? null };
  rows.forEach(([n, ...cells], i) => {
    const outcome = LearnerInput.safeParse(rowToInput(cells, mapping, context));
    if (outcome.success) parsed.push({ n, input: outcome.data });
    else for (const e of outcome.error.issues) fail(issue(n, fieldOfPath(e.path), issueCode(e), { min: (e as { minimum?: unknown }).minimum, max: (e as { maximum?: unknown }).maximum }));
    if (i % 5000 === 4999) onProgress(Math.floor((i + 1) / 2));
  });

  // 2. centres (only in the caller's area) and places, each distinct value looked up once
  const centres = new Map<string, string | null>();
  const places = new Map<string, string | null>();
  for (const { input } of parsed) {
    if (!centres.has(input.centreId)) centres.set(input.centreId, (await centreInScope(ctx.db, actor, input.centreId))?.id ?? null);
    const s = input.settlementId;
    if (s && !places.has(s)) {
      const unit = await findOrgUnit(ctx.db, s.trim());
      places.set(s, unit && PLACE_KINDS.has(unit.kind) && !unit.deleted_at ? unit.id : null);
    }
  }

  // 3. IINs: once in the file, and not yet in the network
  const iinRow = new Map<string, number>();
  for (const { n, input } of parsed) {
    if (!input.iin) continue;
    if (iinRow.has(input.iin)) fail(issue(n, 'iin', 'iin_in_file', { row: iinRow.get(input.iin) }));
    else iinRow.set(input.iin, n);
  }
  const iins = [...iinRow.keys()];
  for (let i = 0; i < iins.length; i += LOOKUP_CHUNK) {
    const taken = await ctx.db.selectFrom('learners').select('iin').where('iin', 'in', iins.slice(i, i + LOOKUP_CHUNK)).execute();
    for (const t of taken) fail(issue(iinRow.get(t.iin!)!, 'iin', 'iin_taken'));
  }
  for (const { n, input } of parsed) {
    if (!centres.get(input.centreId)) fail(issue(n, 'centre', 'unknown_centre'));
    if (input.settlementId && !places.get(input.settlementId)) fail(issue(n, 'settlement', 'unknown_settlement'));
  }
  onProgress(Math.floor(rows.length * 0.6));

  // 4. likely duplicates of the rows that pass: earlier rows, then people already registered
  const seen = new Map<string, number>();
  const foldedNames = new Map<string, string>(); // names repeat: fold each spelling once
  const foldOnce = (name: string) => { let f = foldedNames.get(name); if (f === undefined) foldedNames.set(name, f = foldName(name)); return f; };
  const candidates = parsed.filter((p) => !perRow.has(p.n));
  const duplicates = new Set<number>();
  for (const { n, input } of candidates) {
    const key = `${[foldOnce(input.lastName), foldOnce(input.firstName)].sort().join(' ')}|${input.birthDate}`;
    if (seen.has(key)) { duplicates.add(n); result.warnings.push(issue(n, 'lastName', 'duplicate_in_file', { row: seen.get(key) })); }
    else seen.set(key, n);
  }
  for (let i = 0; i < candidates.length; i += LOOKUP_CHUNK) {
    const chunk = candidates.slice(i, i + LOOKUP_CHUNK);
    const dates = [...new Set(chunk.map((c) => c.input.birthDate))];
    const phones = [...new Set(chunk.map((c) => c.input.phone).filter((p): p is string => Boolean(p)))];
    const stored = await ctx.db.selectFrom('learners').innerJoin('org_units as c', 'c.id', 'learners.centre_id')
      .select(['learners.last_name', 'learners.first_name', 'learners.middle_name', 'learners.birth_date', 'learners.phone', 'learners.iin', 'c.path'])
      .where('learners.deleted_at', 'is', null).where('learners.merged_into', 'is', null)
      .where((eb) => eb.or([eb('learners.birth_date', 'in', dates), ...(phones.length ? [eb('learners.phone', 'in', phones)] : [])]))
      .execute();
    const byKey = new Map<string, typeof stored>();
    for (const s of stored) {
      for (const k of [s.birth_date, s.phone]) {
        if (!k) continue;
        const list = byKey.get(k);
        if (list) list.push(s); else byKey.set(k, [s]);
      }
    }
    for (const { n, input } of chunk) {
      if (duplicates.has(n)) continue;
      const pool = new Set([...(byKey.get(input.birthDate) ?? []), ...(input.phone ? byKey.get(input.phone) ?? [] : [])]);
      for (const s of pool) {
        const { score } = scoreMatch({ ...input, middleName: input.middleName ?? null, phone: input.phone ?? null, iin: input.iin ?? null }, {
          lastName: s.last_name, firstName: s.first_name, middleName: s.middle_name, birthDate: s.birth_date, phone: s.phone, iin: s.iin,
        });
        if (score >= MATCH_THRESHOLD) {
          duplicates.add(n);
          result.warnings.push(issue(n, 'lastName', inScope(actor, s.path) ? 'possible_duplicate' : 'registered_elsewhere'));
          break;
        }
      }
    }
  }
  onProgress(rows.length);

  for (const list of perRow.values()) result.errors.push(...list);
  result.errors.sort((a, b) => a.row - b.row);
  result.warnings.sort((a, b) => a.row - b.row);
  result.invalidRows = perRow.size;
  result.good = parsed.filter((p) => !perRow.has(p.n)).map((p) => ({
    n: p.n, input: p.input, centreId: centres.get(p.input.centreId)!, settlementId: p.input.settlementId ? places.get(p.input.settlementId)! : null,
    duplicate: duplicates.has(p.n),
  }));
  return result;
}

const toWrite = (checked: Checked, options: Options) => checked.good.filter((g) => options.duplicates === 'import' || !g.duplicate);

export async function previewImport(ctx: Ctx, id: string, options: Options) {
  const actor = assertCan(ctx.actor, 'learner.write');
  const job = await ownImport(ctx.db, actor, id);
  const checked = await check(ctx, actor, job, options);
  return {
    total: checked.total, valid: checked.good.length, invalid: checked.invalidRows,
    duplicates: checked.good.filter((g) => g.duplicate).length, toImport: checked.mappingErrors.length ? 0 : toWrite(checked, options).length,
    errors: checked.errors.slice(0, IMPORT_LIMITS.errorsShown), warnings: checked.warnings.slice(0, IMPORT_LIMITS.errorsShown),
    mappingErrors: checked.mappingErrors,
  };
}

// ------------------------------------------------------------------ commit

export async function commitImport(ctx: Ctx, id: string, options: Options) {
  const actor = assertCan(ctx.actor, 'learner.write');
  const job = await ownImport(ctx.db, actor, id);
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
    const checked = await check(ctx, actor, job, options, (done) => { progress.processed = done; });
    if (checked.mappingErrors.length || checked.errors.length) {
      const errors = checked.mappingErrors.length
        ? checked.mappingErrors.map((m) => ({ row: 0, column: null, ...m }))
        : checked.errors.slice(0, IMPORT_LIMITS.errorsShown);
      await finish(ctx, job.id, 'failed', { errors, errorCount: checked.mappingErrors.length || checked.invalidRows }, true);
      return;
    }
    const rows = toWrite(checked, options);
    Object.assign(progress, { phase: 'writing', processed: 0, total: rows.length });
    const byCentre = new Map<string, typeof rows>();
    for (const r of rows) {
      const list = byCentre.get(r.centreId);
      if (list) list.push(r); else byCentre.set(r.centreId, [r]);
    }
    await ctx.db.transaction().execute(async (tx) => {
      for (const [centreId, list] of byCentre) {
        for (let i = 0; i < list.length; i += WRITE_CHUNK) {
          const values = list.slice(i, i + WRITE_CHUNK).map(({ input, settlementId }) => ({
            ...detailColumns(input), ...consentColumns(input.consent, actor), ...nameColumns(input),
            centre_id: centreId, middle_name: input.middleName, phone: input.phone, iin: input.iin,
            settlement_id: settlementId, user_id: null, merged_into: null,
          }));
          await insertRecords(tx, ctx, 'learners', values, { scopeId: centreId });
          progress.processed += values.length;
        }
      }
      await recordEvent(tx, ctx, {
        action: 'import', table: 'learners', id: job.id, scopeId: job.centre_id,
        details: {
          kind: job.kind, format: job.format, rows: checked.total, created: rows.length, skipped: checked.total - rows.length,
          consentAttested: options.consent ? options.consent.version : null,
        },
      });
    });
    await finish(ctx, job.id, 'done', { created: rows.length, skipped: checked.total - rows.length }, false);
  } catch (error) {
    // A row that became a duplicate IIN since the check, or the database failing: nothing was written.
    const code = isUniqueViolation(error) ? 'iin_taken_meanwhile' : 'write_failed';
    if (code === 'write_failed') console.error(`import ${job.id} failed: ${(error as Error).message?.split('\n')[0]}`);
    await finish(ctx, job.id, 'failed', {
      errors: [{ row: 0, column: null, field: 'file', code, message: translate(ctx.locale, `imports.errors.${code}`) }], errorCount: 1,
    }, true).catch(() => {});
  } finally {
    running.delete(job.id);
  }
}

export async function importStatus(ctx: Ctx, id: string): Promise<ImportStatus> {
  const actor = assertCan(ctx.actor, 'learner.write');
  const job = await ownImport(ctx.db, actor, id);
  const live = running.get(id);
  const result = (job.result ? JSON.parse(job.result) : {}) as { created?: number; skipped?: number; errors?: RowIssue[]; errorCount?: number };
  const status = live ? 'running' : (job.status as ImportStatus['status']);
  return {
    id, kind: job.kind as 'learners', status, phase: live?.phase ?? null,
    processed: live?.processed ?? (status === 'done' ? job.row_count : 0), total: live?.total ?? job.row_count,
    created: result.created ?? 0, skipped: result.skipped ?? 0, errors: result.errors ?? [], errorCount: result.errorCount ?? 0,
  };
}
