#!/usr/bin/env node
// Why a learner figure is what it is: the SQL the learner routes run (built by the real query
// functions in dist/, captured through Kysely's log), how long each statement takes, its plan
// (SQLite EXPLAIN QUERY PLAN; PostgreSQL EXPLAIN (ANALYZE, BUFFERS)), and what shaping the
// rows costs in Node. Read-only: run it on a database from `node bench/run.mjs --only=learners
// --keep` (or bench/generate-learners.mjs).
//
//   node bench/learner-plans.mjs --url=sqlite:/tmp/kerege-bench-learners/2000000-20000000-5000-2026.db
//   node bench/learner-plans.mjs --url=postgres://postgres@127.0.0.1:5432/kerege_bench_learners [--runs=7] [--only=search]
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import * as q from '../dist/server/modules/learners/queries.js';
import { searchTerm } from '../dist/server/db/paging.js';

const { values: opts } = parseArgs({ options: { url: { type: 'string' }, runs: { type: 'string', default: '7' }, only: { type: 'string' } } });
if (!opts.url) {
  console.error('usage: node bench/learner-plans.mjs --url=sqlite:…|postgres://… [--runs=7] [--only=WORD]');
  process.exit(2);
}
const RUNS = Number(opts.runs);
const engine = opts.url.startsWith('sqlite:') ? 'sqlite' : 'postgres';

/** A Kysely like openDatabase's (same pragmas), whose log keeps every statement with its duration. */
function open(url) {
  const captured = [];
  const log = (event) => { if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis }); };
  if (engine === 'sqlite') {
    const raw = new Database(url.slice('sqlite:'.length), { readonly: true });
    raw.pragma('case_sensitive_like = ON');
    raw.pragma('foreign_keys = ON');
    return { kysely: new Kysely({ dialect: new SqliteDialect({ database: raw }), log }), raw, captured };
  }
  pg.types.setTypeParser(20, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return { kysely: new Kysely({ dialect: new PostgresDialect({ pool }), log }), pool, captured };
}

const db = open(opts.url);
const k = db.kysely;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function plan(statement) {
  if (engine === 'sqlite') {
    const rows = db.raw.prepare(`explain query plan ${statement.sql}`).all(...statement.parameters);
    return rows.map((r) => `${' '.repeat(r.parent === 0 ? 0 : 2)}${r.detail}`).join('\n');
  }
  const { rows } = await db.pool.query(`explain (analyze, buffers) ${statement.sql}`, statement.parameters);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function scenario(name, fn) {
  if (opts.only && !name.includes(opts.only)) return;
  const runs = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    db.captured.length = 0;
    const t = performance.now();
    result = await fn();
    runs.push({ total: performance.now() - t, statements: db.captured.map((s) => ({ ...s })) });
  }
  const statements = runs[0].statements.map((s, i) => ({ ...s, ms: median(runs.map((r) => r.statements[i]?.ms ?? NaN)) }));
  console.log(`\n### ${name}: median ${median(runs.map((r) => r.total)).toFixed(1)} ms over ${RUNS} runs, ${Array.isArray(result?.rows) ? result.rows.length : Array.isArray(result) ? result.length : '?'} rows`);
  for (const s of statements) {
    console.log(`-- ${s.ms.toFixed(2)} ms: ${s.sql.replace(/\s+/g, ' ')}\n-- params ${JSON.stringify(s.parameters)}`);
    console.log((await plan(s)).replace(/^/gm, '   '));
  }
  return result;
}

const oblast = await k.selectFrom('org_units').select(['id', 'path']).where('code', '=', 'KZ-VOS').executeTakeFirstOrThrow();
const centre = (await sql`select l.centre_id as id, count(*) as n from learners l join org_units c on c.id = l.centre_id
  where c.path like ${`${oblast.path}%`} group by l.centre_id order by n desc limit 1`.execute(k)).rows[0];
const person = (await sql`select * from learners where iin is not null and phone is not null order by id limit 1 offset 777`.execute(k)).rows[0];
const base = { engine, includeArchived: false, limit: 50 };
const SEARCHES = { common: 'Ахметов', 'full name': 'Ахметов Ерлан', rare: 'Мыңжасаров', 'first name': 'Ерлан', 'no match': 'Qwertyuiop' };

await scenario('scope: centres under the oblast (service step)', () => q.centresUnder(k, oblast.path));
const page = await scenario('list: one centre', () => q.listLearners(k, { ...base, scope: { centreIds: [centre.id] }, search: null }));
await scenario('list: oblast', () => q.listLearners(k, { ...base, scope: { pathPrefix: oblast.path }, search: null }));
await scenario('list: national', () => q.listLearners(k, { ...base, scope: null, search: null }));
for (const [what, text] of Object.entries(SEARCHES)) {
  await scenario(`search ${what} (${text}): oblast`, () => q.listLearners(k, { ...base, scope: { pathPrefix: oblast.path }, search: searchTerm(text) }));
  await scenario(`search ${what} (${text}): national`, () => q.listLearners(k, { ...base, scope: null, search: searchTerm(text) }));
}
await scenario('search common (Ахметов): one centre', () => q.listLearners(k, { ...base, scope: { centreIds: [centre.id] }, search: searchTerm('Ахметов') }));
await scenario('matches: iin + phone + birth date blocks', () => q.matchCandidatesNetworkWide(k, { iin: person.iin, phone: person.phone, birthDate: person.birth_date }));
await scenario('matches: birth date block', () => q.matchCandidatesNetworkWide(k, { iin: null, phone: null, birthDate: person.birth_date }));

if (page && (!opts.only || 'shaping'.includes(opts.only))) {
  const t = performance.now();
  let bytes = 0;
  for (let i = 0; i < 200; i++) bytes = JSON.stringify({ items: page.rows.map(q.toLearner), nextCursor: page.nextCursor }).length;
  console.log(`\n### shaping: toLearner × ${page.rows.length} + JSON.stringify (${bytes} bytes): ${((performance.now() - t) / 200).toFixed(2)} ms`);
}
await k.destroy();
