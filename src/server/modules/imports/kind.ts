// What each kind of register (learners, trainings, attendance, visits) tells the import
// pipeline in service.ts: its fields, how to guess them from headers, how to check its rows
// and how to write the rows that pass. The pipeline does the rest the same way for every kind:
// upload, mapping errors, per-row errors in the user's language, progress, all or nothing.
import type { z } from 'zod';
import type { ImportKind, ImportOptions, RowIssue } from '../../../domain/imports.js';
import type { Permission } from '../../auth/access.js';
import type { Actor, Ctx } from '../../context.js';
import type { Transaction } from 'kysely';
import type { Database, RecordTable } from '../../db/schema.js';
import { insertRecords } from '../../db/write.js';
import type { Mapping } from './cells.js';

export type Options = z.infer<typeof ImportOptions>;
/** A stored data row: its number in the sheet, then its cells. */
export type StoredRow = [number, ...string[]];

export interface Job {
  id: string; kind: string; centre_id: string; training_id: string | null; format: string;
  columns: string; rows: string | null; row_count: number;
}

/** What a kind's check and write get: the request, the job, and ways to report on rows. */
export interface Checking {
  ctx: Ctx;
  actor: Actor;
  job: Job;
  columns: string[];
  mapping: Mapping;
  options: Options;
  /** An issue of a row's field, its message in the user's language. */
  issue(row: number, field: string, code: string, params?: Record<string, unknown>): RowIssue;
  /** The row is wrong: it keeps the first issue of each field, and nothing is written while any row is wrong. */
  fail(issue: RowIssue): void;
  failed(row: number): boolean;
  /** The row is right but likely repeats something (left out unless the user imports duplicates). */
  duplicate(issue: RowIssue): void;
  /** Something the user should know before writing (a count that replaces another); the row is written. */
  warn(issue: RowIssue): void;
  /** Rows checked so far, for the progress bar (of the row count). */
  progress(done: number): void;
}

/** What a kind's write gets. */
export type Writing = Pick<Checking, 'ctx' | 'actor' | 'job' | 'options'>;

/** A row that passed (so far), with what it would write. */
export interface Good<T> { n: number; item: T }

export interface Kind<T = unknown> {
  /** What the importing user must be allowed, beyond importing. */
  permission: Permission;
  fields: readonly string[];
  required: readonly string[];
  suggest(columns: string[]): Record<string, number | null>;
  /** Mapping problems beyond required columns (learners: consent), as [field, code]. */
  mappingProblems?(mapping: Mapping, options: Options, columns: string[]): Array<[string, string]>;
  /** Every row checked; answers the rows that may be written (the pipeline drops those that failed). */
  check(c: Checking, rows: StoredRow[]): Promise<Array<Good<T>>>;
  /** Writes the rows (all right) in the pipeline's one transaction; answers how many records it created or changed. */
  write(tx: Transaction<Database>, c: Writing, items: T[], progress: (written: number) => void): Promise<number>;
}

export type KindName = ImportKind;

/** Items grouped by a key, in their order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item); else groups.set(k, [item]);
  }
  return groups;
}

const WRITE_CHUNK = 1000;
/** Chunks whose statements may be on their way to the database while the next is made. */
const IN_FLIGHT = 2;

/**
 * New records of one table, each under its centre's scope, written in chunks; answers how many.
 * A chunk's rows are made (`valuesOf`) while the chunk before is still being written: on
 * PostgreSQL the database works in its own process meanwhile, and the transaction's one
 * connection runs the statements in the order they were asked for. Every chunk has ended before
 * this answers, so the transaction never commits around a failed statement; the failure that
 * came first is the one thrown (on PostgreSQL the statements after it fail only because the
 * transaction is already aborted).
 */
export async function insertPerCentre<T extends { centreId: string }>(tx: Transaction<Database>, c: Writing, table: RecordTable,
  items: T[], valuesOf: (item: T) => Record<string, unknown>, progress: (written: number) => void): Promise<number> {
  let failure: { error: unknown } | null = null;
  const inFlight: Array<Promise<void>> = [];
  for (const [centreId, list] of groupBy(items, (r) => r.centreId)) {
    for (let i = 0; i < list.length && !failure; i += WRITE_CHUNK) {
      const chunk = list.slice(i, i + WRITE_CHUNK);
      inFlight.push(insertRecords(tx, c.ctx, table, chunk.map(valuesOf), { scopeId: centreId })
        .then(() => progress(chunk.length), (error: unknown) => { failure ??= { error }; }));
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift(); // never rejects: failures are kept above
    }
  }
  await Promise.all(inFlight);
  if (failure) throw (failure as { error: unknown }).error;
  return items.length;
}
