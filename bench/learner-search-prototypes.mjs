#!/usr/bin/env node
// Bench-only prototypes for learner search and scoped lists (decision 0015): measures, on a
// generated database, the query the app runs today against candidate designs, without touching
// src/. It ADDS prototype structures to the database it is given (SQLite: an FTS5 trigram table;
// PostgreSQL: pg_trgm and a GIN index) and drops them again at the end (--keep-prototypes to
// leave them), so it refuses any database that bench/generate-learners.mjs did not fill.
//
//   node bench/learner-search-prototypes.mjs --url=sqlite:/tmp/kerege-bench-learners/2000000-20000000-5000-2026.db
//   node bench/learner-search-prototypes.mjs --url=postgres://postgres@127.0.0.1:5432/kerege_bench_learners
//
// Every query returns the same columns as the learners list (queries.ts `base`), ordered by
// (sort_key, id), 51 rows, live records only, so times compare like for like.
import Database from 'better-sqlite3';
import pg from 'pg';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { foldForSearch } from '../dist/domain/fold.js';
import { MARKER } from './generate-learners.mjs';

const { values: opts } = parseArgs({ options: { url: { type: 'string' }, runs: { type: 'string', default: '7' }, 'keep-prototypes': { type: 'boolean', default: false } } });
if (!opts.url) {
  console.error('usage: node bench/learner-search-prototypes.mjs --url=sqlite:…|postgres://… [--runs=7] [--keep-prototypes]');
  process.exit(2);
}
const RUNS = Number(opts.runs);
const engine = opts.url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
const TERMS = { 'common surname': 'Ахметов', 'full name': 'Ахметов Ерлан', 'first name': 'Ерлан', 'rare surname': 'Мыңжасаров', 'infix (no prefix)': 'метов', 'no match': 'Qwertyuiop' };
/** Above this many trigram candidates a term counts as common: walk the name index instead. */
const CANDIDATE_CAP = 5000;

// ---------------------------------------------------------------- engine access
let db, pool;
if (engine === 'sqlite') {
  db = new Database(opts.url.slice('sqlite:'.length));
  db.pragma('case_sensitive_like = ON');
  db.pragma('cache_size = -262144');
} else {
  pg.types.setTypeParser(20, (value) => Number(value));
  pool = new pg.Pool({ connectionString: opts.url, max: 2 });
}
const P = (i) => (engine === 'sqlite' ? '?' : `$${i}`);
async function all(text, params = []) {
  if (engine === 'sqlite') return db.prepare(text).all(...params);
  return (await pool.query(text, params)).rows;
}
async function run(text) {
  if (engine === 'sqlite') db.exec(text); else await pool.query(text);
}
async function plan(text, params) {
  if (engine === 'sqlite') return db.prepare(`explain query plan ${text}`).all(...params).map((r) => r.detail).join(' | ');
  const rows = (await pool.query(`explain (analyze, buffers) ${text}`, params)).rows.map((r) => r['QUERY PLAN']);
  return rows.filter((l) => /Scan|Sort|Limit|Join|Nested|rows=|Execution|Buffers: shared/.test(l)).slice(0, 14).map((l) => l.trim()).join('\n      ');
}
async function timed(text, params) {
  const ms = [];
  let rows = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    rows = await all(text, params);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor((ms.length - 1) / 2)], rows: rows.length };
}

const marker = (await all(`select value from settings where key = ${P(1)}`, [MARKER]))[0];
if (!marker) throw new Error('not a generated bench database (no bench_learners marker): refusing to add prototype structures');
const oblast = (await all(`select path from org_units where code = 'KZ-VOS'`))[0].path;

const SELECT = `select learners.*, c.code as centre_code, c.name_kk, c.name_ru, c.name_en, c.path,
  s.code as s_code, s.kind as s_kind, s.name_kk as s_kk, s.name_ru as s_ru, s.name_en as s_en
  from learners inner join org_units as c on c.id = learners.centre_id left join org_units as s on s.id = learners.settlement_id`;
const LIVE = 'learners.deleted_at is null and learners.merged_into is null';
const ORDER = 'order by learners.sort_key, learners.id limit 51';

/** Today's query (queries.ts listLearners, path-prefix scope). */
const today = (scope, term) => {
  const where = [], params = [];
  if (scope) { params.push(`${scope}%`); where.push(`c.path like ${P(params.length)}`); }
  if (term) { params.push(`%${term}%`); where.push(`learners.name_key like ${P(params.length)}`); }
  where.push(LIVE);
  return [`${SELECT} where ${where.join(' and ')} ${ORDER}`, params];
};
/** Same, with the scope test kept off the path index, so the planner walks the name index in order (SQLite: unary +). */
const walk = (scope, term) => {
  const [text, params] = today(scope, term);
  return [engine === 'sqlite' ? text.replace('c.path like', '+c.path like') : text, params];
};
/** A folded term that starts a sort key (surname, or surname + first name): a range of the (sort_key, id) index. */
const prefixRange = (scope, term) => {
  const where = [], params = [];
  params.push(term); where.push(`learners.sort_key >= ${P(params.length)}`);
  params.push(`${term}~`); where.push(`learners.sort_key < ${P(params.length)}`);
  if (scope) { params.push(`${scope}%`); where.push(`${engine === 'sqlite' ? '+' : ''}c.path like ${P(params.length)}`); }
  where.push(LIVE);
  return [`${SELECT} where ${where.join(' and ')} ${ORDER}`, params];
};
/** Trigram candidates (FTS5 / pg_trgm), then scope, order and limit over those rows only. */
const trigram = (scope, term) => {
  const where = [], params = [];
  if (engine === 'sqlite') {
    params.push(`%${term}%`);
    where.push(`learners.rowid in (select rowid from learners_name_fts where learners_name_fts.name_key like ${P(params.length)})`);
    if (scope) { params.push(`${scope}%`); where.push(`+c.path like ${P(params.length)}`); }
  } else {
    params.push(`%${term}%`);
    where.push(`learners.id in (select id from learners where name_key like ${P(params.length)})`);
    if (scope) { params.push(`${scope}%`); where.push(`c.path like ${P(params.length)}`); }
  }
  where.push(LIVE);
  return [`${SELECT} where ${where.join(' and ')} ${ORDER}`, params];
};
/** How many trigram candidates, capped: decides between the trigram set and the name-index walk. */
const candidates = (term) => (engine === 'sqlite'
  ? [`select count(*) as n from (select rowid from learners_name_fts where name_key like ? limit ${CANDIDATE_CAP + 1})`, [`%${term}%`]]
  : [`select count(*) as n from (select 1 from learners where name_key like $1 limit ${CANDIDATE_CAP + 1}) x`, [`%${term}%`]]);

// ---------------------------------------------------------------- build the prototype index
console.log(`# learner search prototypes on ${engine} (${JSON.parse(marker.value).learners} learners)`);
let t = performance.now();
if (engine === 'sqlite') {
  await run('drop table if exists learners_name_fts');
  // External content: the index only, rows stay in learners. detail=none keeps it small; the
  // trigram tokenizer still answers LIKE '%term%' from the index (terms of 3+ characters) and
  // checks each candidate against the content, so the semantics stay exactly today's.
  await run(`create virtual table learners_name_fts using fts5(name_key, content='learners', content_rowid='rowid', tokenize='trigram', detail='none')`);
  await run(`insert into learners_name_fts(learners_name_fts) values ('rebuild')`);
  const pages = (await all(`select sum(pgsize) as b from dbstat where name like 'learners_name_fts%'`).catch(() => [{ b: NaN }]))[0].b;
  console.log(`FTS5 trigram (detail=none) built in ${((performance.now() - t) / 1000).toFixed(1)} s, ${(pages / 2 ** 20).toFixed(0)} MB`);
} else {
  await run('create extension if not exists pg_trgm');
  await run("set maintenance_work_mem = '1GB'");
  await run('drop index if exists learners_name_trgm');
  await run('create index learners_name_trgm on learners using gin (name_key gin_trgm_ops)');
  await run('analyze learners');
  const size = (await all(`select pg_relation_size('learners_name_trgm') as b`))[0].b;
  console.log(`pg_trgm GIN on name_key built in ${((performance.now() - t) / 1000).toFixed(1)} s, ${(size / 2 ** 20).toFixed(0)} MB`);
}

// ---------------------------------------------------------------- measure
const rows = [];
async function measure(label, scopeName, scope, term, variants) {
  for (const [name, make] of Object.entries(variants)) {
    const [text, params] = make(scope, term);
    const r = await timed(text, params);
    const p = await plan(text, params);
    rows.push({ label, scope: scopeName, variant: name, ...r });
    console.log(`  ${label.padEnd(22)} ${scopeName.padEnd(8)} ${name.padEnd(16)} ${r.ms.toFixed(1).padStart(8)} ms ${String(r.rows).padStart(3)} rows\n      ${p}`);
  }
}
console.log('\n## list without a search term');
await measure('list', 'oblast', oblast, null, { today, walk });
await measure('list', 'national', null, null, { today });
console.log('\n## search');
for (const [label, text] of Object.entries(TERMS)) {
  const term = foldForSearch(text);
  const [ct, cp] = candidates(term);
  const n = (await all(ct, cp))[0].n;
  console.log(`\n${label} "${text}" → "${term}": ${n > CANDIDATE_CAP ? `> ${CANDIDATE_CAP}` : n} trigram candidates (count: ${(await timed(ct, cp)).ms.toFixed(1)} ms)`);
  const variants = { today, walk, trigram };
  if (term.length >= 3) variants.prefixRange = prefixRange;
  for (const [scopeName, scope] of [['oblast', oblast], ['national', null]]) await measure(label, scopeName, scope, term, variants);
}

if (!opts['keep-prototypes']) {
  if (engine === 'sqlite') await run('drop table if exists learners_name_fts');
  else await run('drop index if exists learners_name_trgm');
  console.log('\nprototype structures dropped');
}
if (pool) await pool.end(); else db.close();
