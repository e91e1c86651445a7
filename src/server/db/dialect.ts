// The only module that tells SQLite from PostgreSQL (style.md: no engine SQL anywhere else).
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type ColumnDataType, type Expression, type RawBuilder, type Transaction } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database, RecordTable } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

/** `sqlite:./data/kerege.db`, `sqlite:/abs/path.db`, `sqlite::memory:` or `postgres://…`. */
export function openDatabase(url: string, options: { poolSize?: number } = {}): Db {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    pg.types.setTypeParser(20, (value) => Number(value)); // bigint: our sequences stay far below 2^53
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, Client: PreparingClient as typeof pg.Client });
    // An idle connection the server ends (a restart, an administrator) must not crash the
    // process: the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => console.error(`postgres: idle connection lost (${error.message})`));
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, engine: 'postgres', close: () => kysely.destroy() };
  }
  if (!url.startsWith('sqlite:')) throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got ${url.split(':')[0]}:)`);
  const file = url.slice('sqlite:'.length);
  const path = file === ':memory:' ? file : resolve(file);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Paths and search keys are lower-case ASCII, so a case-sensitive LIKE finds the same rows,
  // and only a case-sensitive LIKE 'prefix%' can use an index in SQLite.
  database.pragma('case_sensitive_like = ON');
  cacheStatements(database);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { kysely, engine: 'sqlite', close: () => kysely.destroy() };
}

/** Ends the SQL of a query that PostgreSQL should keep prepared (see `prepared`). */
const PREPARED_MARK = '/* prepared */';
/** Statement names by SQL text: only marked queries, whose texts are fixed by the code. */
const statementNames = new Map<string, string>();

/**
 * A pg client that runs a marked query as a named prepared statement: parsed and planned once
 * per connection instead of at every call. Kysely sends every query unnamed.
 */
const PreparingClient = class extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((config: unknown, values?: unknown, callback?: unknown) => {
      if (typeof config === 'string' && config.endsWith(PREPARED_MARK) && Array.isArray(values)) {
        let name = statementNames.get(config);
        if (name === undefined) statementNames.set(config, (name = `kerege_${statementNames.size + 1}`));
        return query({ name, text: config, values }, callback);
      }
      return query(config, values, callback);
    }) as typeof this.query;
  }
};

/**
 * A query worth keeping prepared on PostgreSQL — one that runs at every request, whose plan does
 * not depend on its parameters (a primary-key lookup): parsing and planning the session lookup
 * cost three times its execution (0.8 ms against 0.25 ms a call at 2M learners; decision 0021).
 * Not for queries whose best plan depends on the values (a LIKE prefix, an IN list), where
 * PostgreSQL's generic plan could be worse. SQLite keeps every statement prepared anyway.
 */
export function prepared<Q extends { modifyEnd(modifier: Expression<unknown>): Q }>(query: Q): Q {
  return query.modifyEnd(sql.raw(PREPARED_MARK));
}

/**
 * Kysely prepares every query afresh; better-sqlite3 statements can be reused, so keep the
 * most recent ones by SQL text (the set of distinct queries is small and fixed by the code).
 */
function cacheStatements(database: SQLite.Database, max = 500): void {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, SQLite.Statement>();
  database.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source); // re-insert: the Map's order is the recency order
    } else {
      statement = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof database.prepare;
}

/** A value that changes whenever any transaction commits a write (see feed-cache.ts). */
/**
 * Filling an empty SQLite database in one go (`kerege demo`): without waiting for the disk at
 * each sync (≈ 15 % of the demo's first start here), then back to normal and the log folded
 * into the file. A machine stopping halfway leaves a database to delete, which nothing else
 * holds yet. PostgreSQL: nothing to change.
 */
export async function bulkLoading(db: Db, on: boolean): Promise<void> {
  if (db.engine !== 'sqlite') return;
  await sql.raw(on ? 'pragma synchronous = OFF' : 'pragma synchronous = NORMAL').execute(db.kysely);
  if (!on) await sql.raw('pragma wal_checkpoint(TRUNCATE)').execute(db.kysely);
}

export async function changeToken(db: Kysely<Database>, engine: Engine): Promise<string> {
  const { rows } = await sql<{ token: string }>`select ${changeTokenExpression(engine)} as token`.execute(db);
  return String(rows[0].token);
}

/**
 * The change token as an expression, so a query the request makes anyway (the session
 * lookup) can bring it along instead of a round trip of its own.
 */
export function changeTokenExpression(engine: Engine): RawBuilder<string> {
  const highest = sql`(select coalesce(max(seq), 0) from changes)`;
  if (engine === 'sqlite') return sql<string>`cast(${highest} as text)`;
  // PostgreSQL hands out sequence numbers before commit, so a transaction holding a lower
  // number can commit after one holding a higher: the highest number alone could stay the same
  // across that commit. The token therefore also lists the transactions in progress in the
  // same snapshot as that number (`pg_current_snapshot()` is the statement's snapshot): a
  // writer whose change row is not visible yet is in the list — the write door writes a record
  // before its change row, so a writer has its xid before it takes a number — and when it
  // ends, the list changes. Transactions of other databases appear there too while they run,
  // which only costs hits. The WAL position, used before, moved with every write anywhere in
  // the cluster, autovacuum and checkpoints included; the list of this database's writers
  // from pg_stat_get_activity cost ~0.4 ms of server CPU a request. Decision 0012.
  return sql<string>`(${highest}::text || ':' || coalesce(
    (select string_agg(x::text, ',' order by x) from pg_snapshot_xip(pg_current_snapshot()) as x), ''))`;
}

/**
 * Hold a record's row until the transaction ends, so that writers who count before they
 * write (seats of a training) queue up instead of both counting the same free seat.
 * PostgreSQL: a row lock (`for update`). SQLite allows one writer at a time: in one process
 * Kysely runs transactions one after the other; across processes the later writer fails
 * with SQLITE_BUSY rather than write on a stale count.
 */
export async function lockRow(db: Kysely<Database> | Transaction<Database>, engine: Engine, table: RecordTable, id: string): Promise<void> {
  if (engine === 'postgres') await sql`select 1 from ${sql.table(table)} where id = ${id} for update`.execute(db);
}

/** Column types that differ between the engines. */
export function columnTypes(engine: Engine): { double: ColumnDataType; sequence: ColumnDataType } {
  return engine === 'postgres'
    ? { double: 'double precision', sequence: 'bigserial' }
    : { double: 'real', sequence: 'integer' };
}

/** `starts with` for materialised paths, written so both engines can use an index. */
export function startsWith(column: Expression<string> | RawBuilder<string>, prefix: string): RawBuilder<boolean> {
  // path characters are hex digits, '-' and '/', so the LIKE wildcards cannot occur in a prefix
  return sql<boolean>`${column} like ${prefix + '%'}`;
}

/**
 * The same prefix test, written so that no index on the column is used for it. For a large
 * scope (an oblast's centres) SQLite otherwise starts from the path index and sorts every
 * learner of the oblast before returning a page (800 ms at national scale); kept off the
 * index it walks the name index in order and stops after a page (9 ms, decision 0015).
 * `x || ''` hides the column from the planner on both engines (SQLite's `+x` is not valid
 * PostgreSQL for text); PostgreSQL chooses the same walk either way.
 */
export function startsWithUnindexed(column: Expression<string> | RawBuilder<string>, prefix: string): RawBuilder<boolean> {
  return sql<boolean>`(${column} || '') like ${prefix + '%'}`;
}

/** Above this many trigram candidates a name term counts as common (decision 0015). */
const NAME_CANDIDATE_CAP = 5_000;

/**
 * An extra filter that lets a learner search by part of a name (`name_key LIKE '%term%'`,
 * kept by the caller) start from the trigram index of migration 0007 — or null when the
 * walk along the name index is the better plan. A capped count of the term's matches
 * decides: a rare surname or a full name (a few thousand people at most) is read from the
 * index; a common term ("Ахметов", 86,000 people nationally) is found within the first
 * pages of the walk. SQLite counts in the FTS5 table, PostgreSQL through pg_trgm. Terms under
 * three characters have no trigram.
 */
export async function selectiveNameFilter(db: Kysely<Database>, engine: Engine, term: string): Promise<RawBuilder<boolean> | null> {
  if ([...term].length < 3) return null;
  const pattern = `%${term}%`;
  if (engine === 'postgres') {
    // The planner alone prefers walking the name index under a LIMIT even when the term is
    // rare and the walk reads the whole scope; an IN over the trigram matches (a bitmap scan
    // of the GIN index) is what makes a rare term cheap.
    const { rows } = await sql<{ n: number }>`select count(*) as n from (
      select 1 from learners where name_key like ${pattern} limit ${NAME_CANDIDATE_CAP + 1}) as candidates`.execute(db);
    if (Number(rows[0].n) > NAME_CANDIDATE_CAP) return null;
    return sql<boolean>`learners.id in (select matched.id from learners as matched where matched.name_key like ${pattern})`;
  }
  const { rows } = await sql<{ n: number }>`select count(*) as n from (
    select rowid from learners_name_fts where name_key like ${pattern} limit ${NAME_CANDIDATE_CAP + 1})`.execute(db);
  if (Number(rows[0].n) > NAME_CANDIDATE_CAP) return null;
  return sql<boolean>`learners.rowid in (select rowid from learners_name_fts where name_key like ${pattern})`;
}

/**
 * On PostgreSQL, the SQL that inserts many rows of one table from ONE parameter: a JSON array
 * of objects keyed by column (`insert … select … from json_populate_recordset`), each value
 * converted to its column's type by the server. A multi-row VALUES list binds every value as
 * a parameter of its own (thousands a statement), which cost about twice the client and
 * server CPU of the JSON form when tens of thousands of rows are written (decision 0018).
 * null on SQLite, where binding in-process is cheap. Table and column names come from code.
 */
export function jsonRowsInsertSql(engine: Engine, table: string, columns: string[]): string | null {
  if (engine !== 'postgres') return null;
  const name = (n: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(n)) throw new Error(`not a plain identifier: ${n}`);
    return `"${n}"`;
  };
  const list = columns.map(name).join(', ');
  // in the array's order, so sequence columns (the change feed's seq) number rows as written
  return `insert into ${name(table)} (${list}) select ${list} from json_populate_recordset(null::${name(table)}, $1) with ordinality as r order by r.ordinality`;
}

/** Error codes for unique-constraint violations, so services can answer 409 instead of 500. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
