#!/usr/bin/env node
// `npm run bench`: figures measured in ONE run, each as a ratio against a baseline measured
// in the same run on the same machine (docs/decisions/0009-benchmarks.md), plus two
// absolute budgets (server memory, first-load weight). See bench/README.md.
//
//   node bench/run.mjs [--only=api|memory|load|learners] [--sqlite-only | --pg-only] [--centres=5000]
//                      [--seed=2026] [--duration=8] [--warmup=2] [--rounds=2] [--strict]
//                      [--learners=2000000] [--attendance=20000000] [--dup-requests=3000] [--keep] [--reuse]
import { execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    'sqlite-only': { type: 'boolean', default: false },
    'pg-only': { type: 'boolean', default: false },
    centres: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '2026' },
    duration: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '2' },
    strict: { type: 'boolean', default: false },
    learners: { type: 'string', default: '2000000' },
    attendance: { type: 'string', default: '20000000' },
    'dup-requests': { type: 'string', default: '3000' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'import-rows': { type: 'string', default: '100000' },
  },
});
const PARTS = ['api', 'memory', 'load', 'learners', 'import'];
if (opts.only && !PARTS.includes(opts.only)) {
  console.error(`--only must be one of ${PARTS.join(', ')}`);
  process.exit(2);
}
const wants = (part) => !opts.only || opts.only === part;
const CENTRES = Number(opts.centres);
const SEED = Number(opts.seed);
const DURATION = Number(opts.duration);
const WARMUP = Number(opts.warmup);
const CONNECTIONS = 10;
const ROUNDS = Number(opts.rounds);
const ADMIN = { username: 'admin', password: 'kerege-demo-2026' };
const PG_BASE = process.env.KEREGE_BENCH_PG ?? process.env.KEREGE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_DB = 'kerege_bench';
const localPostgres = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(PG_BASE).hostname);

const TARGETS = {
  firstStartS: 30, apiRatio: 0.5, rssMb: 150, firstLoadKb: 200, matchP95Ms: 50 };
const LEARNERS = Number(opts.learners);
const ATTENDANCE = Number(opts.attendance);
const DUP_REQUESTS = Number(opts['dup-requests']);
const PG_LEARNERS_DB = 'kerege_bench_learners';

const log = (...a) => console.log(...a);
const loud = (message) => console.log(`\n${'!'.repeat(78)}\n!!! ${message}\n${'!'.repeat(78)}\n`);

// ------------------------------------------------------------------ build
log('bench: building what is missing (scripts/build.mjs)…');
try {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
} catch {
  if (!existsSync(join(root, 'dist/server/app.js'))) {
    console.error('bench: the build failed and there is no dist/server to measure');
    process.exit(1);
  }
  loud('the build FAILED: measuring the dist/ left by the last successful build, which may be stale');
}

const autocannon = (await import('autocannon')).default;
const { openDatabase } = await import('../dist/server/db/dialect.js');
const { migrateToLatest } = await import('../dist/server/db/migrate.js');
const { ensureRoot, loadDemo } = await import('../dist/server/demo/load.js');
const { HybridClock } = await import('../dist/server/db/clock.js');
const { generateNetwork, centresPerRegion } = await import('./generate.mjs');
const { generateLearners, generatedLearners } = await import('./generate-learners.mjs');
const { prng } = await import('./generate.mjs');
const { passportLatin } = await import('./learner-names.mjs');

const results = {
  at: new Date().toISOString(),
  machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memMb: Math.round(os.totalmem() / 2 ** 20) },
  options: { centres: CENTRES, seed: SEED, duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, rounds: ROUNDS, learners: LEARNERS, attendance: ATTENDANCE, dupRequests: DUP_REQUESTS },
  api: {},
  memory: null,
  load: null,
  learners: {},
};
const rows = []; // [figure, value, target, status]

// ------------------------------------------------------------------ helpers
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

const CLK_TCK = (() => { try { return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100; } catch { return 100; } })();

/** CPU time (user + system) a process has used so far, in ms. */
function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

/** CPU time of every local `postgres` process (server and backends, whoever their client), by pid, in ms. */
function postgresCpu() {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') byPid.set(entry, cpuMsOf(entry));
    } catch { /* gone meanwhile */ }
  }
  return byPid;
}

/** CPU the postgres processes used since `before` (a backend that exited meanwhile is not counted). */
function postgresCpuSince(before) {
  let total = 0;
  for (const [pid, ms] of postgresCpu()) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * Load `url` for `duration` s. With `pid`, also the CPU that process spent per request; with
 * `postgres`, the CPU the local PostgreSQL processes spent per request (other clients included).
 */
async function cannon(url, headers, duration, { pid, postgres = false } = {}) {
  const cpu0 = pid ? cpuMsOf(pid) : 0;
  const pg0 = postgres ? postgresCpu() : null;
  const r = await autocannon({ url, connections: CONNECTIONS, duration, headers, pipelining: 1 });
  const cpuMs = pid ? cpuMsOf(pid) - cpu0 : NaN;
  const pgMs = postgres ? postgresCpuSince(pg0) : NaN;
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad > 0) throw new Error(`autocannon ${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return {
    rps: r.requests.average, total: r.requests.total, p50: r.latency.p50, p99: r.latency.p99,
    mbps: r.throughput.average / 2 ** 20, serverCpuMsPerReq: cpuMs / r.requests.total, postgresCpuMsPerReq: pgMs / r.requests.total,
  };
}

async function pgAdmin() {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: PG_BASE, connectionTimeoutMillis: 3000 });
  await client.connect();
  return client;
}

async function pgReachable() {
  try { const c = await pgAdmin(); await c.end(); return true; } catch (error) { return error.message || String(error); }
}

/** A fresh database for one engine: migrated, demo loaded, national-scale data generated. */
async function prepareDatabase(engine) {
  let url, drop;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'kerege-bench-'));
    url = `sqlite:${join(dir, 'bench.db')}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = await pgAdmin();
    await admin.query(`drop database if exists ${PG_DB} with (force)`);
    await admin.query(`create database ${PG_DB}`);
    await admin.end();
    const u = new URL(PG_BASE);
    u.pathname = `/${PG_DB}`;
    url = u.toString();
    drop = async () => {
      const c = await pgAdmin();
      await c.query(`drop database if exists ${PG_DB} with (force)`);
      await c.end();
    };
  }
  const db = openDatabase(url);
  const ctx = { db: db.kysely, engine: db.engine, clock: new HybridClock(), actor: null, locale: 'en' };
  let t = performance.now();
  await migrateToLatest(db);
  await ensureRoot(ctx);
  await loadDemo(ctx);
  const demoS = (performance.now() - t) / 1000;
  t = performance.now();
  const made = await generateNetwork(db, { centres: CENTRES, seed: SEED });
  const genS = (performance.now() - t) / 1000;
  // A hub's autovacuum analyses new tables within a minute; do it now so the planner has statistics.
  if (engine === 'postgres') await (await import('kysely')).sql`analyze`.execute(db.kysely);
  const perRegion = await centresPerRegion(db);
  await db.close();
  log(`  ${engine}: demo loaded in ${demoS.toFixed(1)} s; generated ${made.units} units + ${made.centres} centres in ${genS.toFixed(1)} s`);
  return { url, drop, perRegion, demoS, genS, made };
}

function startBenchServer(url, apiPath, extraEnv = {}) {
  return new Promise((resolve, reject) => {
    const child = fork(join(root, 'bench/server.mjs'), [], {
      cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, BENCH_DB_URL: url, BENCH_API_PATH: apiPath, BENCH_USER: ADMIN.username, BENCH_PASSWORD: ADMIN.password, ...extraEnv },
    });
    child.once('message', (m) => (m?.type === 'ready' ? resolve({ child, ...m }) : reject(new Error(`unexpected message ${JSON.stringify(m)}`))));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before it was ready`)));
  });
}

async function stopChild(child, viaIpc) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  if (viaIpc) child.send({ type: 'stop' }); else child.kill('SIGTERM');
  const timeout = sleep(10_000).then(() => 'timeout');
  if ((await Promise.race([exited, timeout])) === 'timeout') { child.kill('SIGKILL'); await exited; }
}

// ------------------------------------------------------------------ 2. centre list API vs memory
async function benchApi(engine) {
  log(`\n== API vs memory on ${engine} (${CENTRES} generated centres, seed ${SEED})`);
  const data = await prepareDatabase(engine);
  const counts = Object.entries(data.perRegion).sort((a, b) => b[1] - a[1]);
  const oblast = (data.perRegion['KZ-VOS'] ?? 0) >= 200 ? 'KZ-VOS' : counts[0][0];
  const centresInOblast = data.perRegion[oblast];
  if (centresInOblast < 200) loud(`the largest region ${oblast} has only ${centresInOblast} centres (< 200): raise --centres`);
  const apiPath = `/api/centres?orgUnit=${oblast}&limit=50`;
  const server = await startBenchServer(data.url, apiPath);
  const base = `http://127.0.0.1:${server.port}`;
  const headers = { cookie: server.cookie };
  log(`  server pid ${server.child.pid} on ${base}; ${apiPath} → ${server.items} items, ${(server.bytes / 1024).toFixed(1)} KB; ${oblast} holds ${centresInOblast} centres`);
  const out = { oblast, centresInOblast, apiPath, responseBytes: server.bytes, demoLoadS: data.demoS, generateS: data.genS, memory: [], api: [] };
  const probes = { pid: server.child.pid, postgres: engine === 'postgres' && localPostgres };
  try {
    await cannon(`${base}/bench/memory`, headers, WARMUP, probes);
    await cannon(`${base}${apiPath}`, headers, WARMUP, probes);
    const show = (r) => `${r.rps.toFixed(0)} rps (p50 ${r.p50} ms, p99 ${r.p99} ms, node CPU ${r.serverCpuMsPerReq.toFixed(2)} ms/req`
      + `${probes.postgres ? `, postgres CPU ${r.postgresCpuMsPerReq.toFixed(2)} ms/req` : ''})`;
    for (let round = 1; round <= ROUNDS; round++) {
      const m = await cannon(`${base}/bench/memory`, headers, DURATION, probes);
      const a = await cannon(`${base}${apiPath}`, headers, DURATION, probes);
      out.memory.push(m);
      out.api.push(a);
      log(`  round ${round}: memory ${show(m)}\n           api    ${show(a)}`);
    }
    out.serverRssAfterMb = rssOf(server.child.pid).rssMb;
    // The same route with the read cache off: what a request costs when the data has just
    // changed (every answer computed from the database).
    await stopChild(server.child, true);
    const cold = await startBenchServer(data.url, apiPath, { BENCH_CACHE: '0' });
    const coldBase = `http://127.0.0.1:${cold.port}`;
    try {
      await cannon(`${coldBase}${apiPath}`, { cookie: cold.cookie }, WARMUP, { ...probes, pid: cold.child.pid });
      out.uncached = await cannon(`${coldBase}${apiPath}`, { cookie: cold.cookie }, DURATION, { ...probes, pid: cold.child.pid });
      log(`  cache off: api ${show(out.uncached)}`);
    } finally {
      await stopChild(cold.child, true);
    }
  } finally {
    await stopChild(server.child, true);
    await data.drop();
  }
  const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
  out.bestMemory = best(out.memory);
  out.bestApi = best(out.api);
  out.ratio = out.bestApi.rps / out.bestMemory.rps;
  // Contention-proof companion: the Node process's CPU per request, memory ÷ API (lowest of each).
  const leastCpu = (list) => Math.min(...list.map((r) => r.serverCpuMsPerReq));
  out.cpuRatio = leastCpu(out.memory) / leastCpu(out.api);
  log(`  ratio api/memory = ${out.ratio.toFixed(3)} (target ≥ ${TARGETS.apiRatio}); CPU-time ratio ${out.cpuRatio.toFixed(3)}`);
  results.api[engine] = out;
  rows.push([`centre list API / memory, ${engine} (${oblast}, ${centresInOblast} centres)`,
    `${out.ratio.toFixed(2)}  (${out.bestApi.rps.toFixed(0)} / ${out.bestMemory.rps.toFixed(0)} rps)`, `≥ ${TARGETS.apiRatio}`, out.ratio >= TARGETS.apiRatio ? 'ok' : 'MISS']);
  rows.push([`  api latency p50 / p99, ${engine}`, `${out.bestApi.p50} / ${out.bestApi.p99} ms`, '', 'info']);
  if (out.uncached) {
    rows.push([`  same with the read cache off, ${engine}`, `${(out.uncached.rps / out.bestMemory.rps).toFixed(2)}  (${out.uncached.rps.toFixed(0)} rps, p50 ${out.uncached.p50} ms)`, '', 'info']);
  }
  rows.push([`  node CPU per request, memory / api, ${engine}`,
    `${leastCpu(out.memory).toFixed(2)} / ${leastCpu(out.api).toFixed(2)} ms (ratio ${out.cpuRatio.toFixed(2)})`, '', 'info']);
  if (probes.postgres) {
    out.postgresCpuMsPerReq = Math.min(...out.api.map((r) => r.postgresCpuMsPerReq));
    rows.push(['  postgres CPU per API request (all local backends)', `${out.postgresCpuMsPerReq.toFixed(2)} ms`, '', 'info']);
  }
  rows.push([`  bench server RSS after load, ${engine}`, `${out.serverRssAfterMb.toFixed(0)} MB`, '', 'info']);
}

// ------------------------------------------------------------------ 3 & 4. memory, first load
async function benchServeAndLoad() {
  log('\n== `kerege serve` with a fresh SQLite database and the demo');
  const dir = mkdtempSync(join(os.tmpdir(), 'kerege-bench-serve-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/server/cli.js'), 'serve'], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'kerege.db')}`, KEREGE_DEMO: '1', PORT: String(port), HOST: '127.0.0.1', KEREGE_LOG: '0' },
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const base = `http://127.0.0.1:${port}`;
  try {
    let healthy = false;
    while (!healthy) {
      if (child.exitCode !== null) throw new Error(`kerege serve exited (${child.exitCode}):\n${output}`);
      if (performance.now() - started > 120_000) throw new Error(`kerege serve not healthy after 120 s:\n${output}`);
      try { healthy = (await fetch(`${base}/api/health`)).ok; } catch { /* not listening yet */ }
      if (!healthy) await sleep(25);
    }
    const startS = (performance.now() - started) / 1000;
    log(`  healthy ${startS.toFixed(2)} s after spawn (pid ${child.pid})`);
    if (wants('memory')) {
      await sleep(2000);
      const { rssMb, hwmMb } = rssOf(child.pid);
      results.memory = { rssMb, hwmMb, startToHealthyS: startS };
      log(`  VmRSS ${rssMb.toFixed(1)} MB (peak VmHWM ${hwmMb.toFixed(1)} MB)`);
      rows.push(['server memory, VmRSS 2 s after healthy (SQLite, demo)', `${rssMb.toFixed(1)} MB`, `≤ ${TARGETS.rssMb} MB`, rssMb <= TARGETS.rssMb ? 'ok' : 'MISS']);
      rows.push(['  peak VmHWM (incl. demo load)', `${hwmMb.toFixed(1)} MB`, '', 'info']);
      rows.push(['first start: spawn → /api/health (migrate + demo)', `${startS.toFixed(2)} s`, `< ${TARGETS.firstStartS} s`, startS < TARGETS.firstStartS ? 'ok' : 'MISS']);
    }
    if (wants('load')) await benchLoad(base);
  } finally {
    await stopChild(child, false);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchLoad(base) {
  log('\n== first load weight');
  if (!existsSync(join(root, 'dist/web/index.html'))) {
    loud('dist/web/index.html is missing: first-load weight NOT measured (build the web app: npx vite build)');
    rows.push(['first load, gzip', 'not measured', `≤ ${TARGETS.firstLoadKb} KB`, 'skipped']);
    return;
  }
  // node:http, not fetch: the bytes exactly as served, never decoded on the way.
  const raw = (path, encoding) => new Promise((resolve, reject) => {
    http.get(new URL(path, base), { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve({ body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] ?? 'identity' })
        : reject(new Error(`GET ${path}: ${res.statusCode}`))));
      res.on('error', reject);
    }).on('error', reject);
  });
  /** The file itself, and what the server actually sends a browser asking for br (info only). */
  const sizes = async (path) => {
    const { body } = await raw(path, 'identity');
    const served = await raw(path, 'br, gzip');
    return { body, raw: body.length, gz: gzipSync(body).length, served: served.body.length, servedEncoding: served.encoding };
  };
  const get = async (path) => (await raw(path, 'identity')).body;
  const html = await get('/');
  const text = html.toString('utf8');
  const refs = [];
  for (const m of text.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) refs.push({ url: m[1], kind: 'script' });
  for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = tag.match(/\brel=["']([^"']+)["']/i)?.[1]?.toLowerCase() ?? '';
    const href = tag.match(/\bhref=["']([^"']+)["']/i)?.[1];
    const as = tag.match(/\bas=["']([^"']+)["']/i)?.[1]?.toLowerCase();
    if (!href || href.startsWith('data:')) continue;
    if (rel.includes('stylesheet')) refs.push({ url: href, kind: 'stylesheet' });
    else if (rel.includes('modulepreload')) refs.push({ url: href, kind: 'modulepreload' });
    else if (rel.includes('preload') && ['script', 'style', 'font'].includes(as)) refs.push({ url: href, kind: `preload ${as}` });
  }
  const files = [];
  const add = async (path, kind) => {
    const { body, ...size } = await sizes(path);
    files.push({ url: path, kind, ...size });
    return body;
  };
  await add('/', 'index.html');
  const seen = new Set(['/']);
  for (const ref of refs) {
    const path = new URL(ref.url, base).pathname;
    if (seen.has(path)) continue;
    seen.add(path);
    const body = await add(path, ref.kind);
    // Fonts the stylesheets pull in count too (a woff2 barely compresses; that is measured as is).
    if (ref.kind === 'stylesheet') {
      for (const f of body.toString('utf8').matchAll(/url\(\s*["']?([^"')]+\.(?:woff2?|ttf|otf))(?:[?#][^"')]*)?["']?\s*\)/gi)) {
        const fontPath = new URL(f[1], new URL(path, base)).pathname;
        if (seen.has(fontPath)) continue;
        seen.add(fontPath);
        await add(fontPath, 'font (from CSS)');
      }
    }
  }
  const sum = (key) => files.reduce((s, f) => s + f[key], 0);
  const [totalRaw, totalGz, totalServed] = [sum('raw'), sum('gz'), sum('served')];
  const kb = (n) => (n / 1024).toFixed(1).padStart(7);
  log(`  ${'file'.padEnd(48)} ${'kind'.padEnd(16)} ${'raw KB'.padStart(7)}  ${'gzip-6'.padStart(7)}  served (br, gzip)`);
  for (const f of files) log(`  ${f.url.padEnd(48)} ${f.kind.padEnd(16)} ${kb(f.raw)}  ${kb(f.gz)}  ${kb(f.served)} ${f.servedEncoding}`);
  log(`  ${'total'.padEnd(65)} ${kb(totalRaw)}  ${kb(totalGz)}  ${kb(totalServed)}`);
  results.load = { files, totalRaw, totalGz, totalServed, kbGz: totalGz / 1024 };
  rows.push([`first load: index.html + ${files.length - 1} JS/CSS/font files, gzip -6`, `${(totalGz / 1024).toFixed(1)} KB gz (${(totalRaw / 1024).toFixed(0)} KB raw)`,
    `≤ ${TARGETS.firstLoadKb} KB`, totalGz / 1024 <= TARGETS.firstLoadKb ? 'ok' : 'MISS']);
  rows.push(['  as served to a browser asking for br', `${(totalServed / 1024).toFixed(1)} KB`, '', 'info']);
}

// ------------------------------------------------------------------ 5. learners at national scale
// Issue 4's figures over generated learners (bench/generate-learners.mjs): the duplicate check
// while typing (latency, as a facilitator), and the learner list and search (rps against the
// same JSON from memory, as a regional coordinator). See bench/README.md and decision 0015.

const FACILITATOR = 'facilitator.kordai';
const FACILITATOR_CENTRE = 'CLC-KORDAI';
const REGIONAL = 'regional.vko';
const REGIONAL_OBLAST = 'KZ-VOS';
/** The most common surname stem of the generated names, its full name form, and a rare one. */
const SEARCH = { common: 'Ахметов', fullName: 'Ахметов Ерлан', rare: 'Мыңжасаров' };

async function openQuietly(url, fn) {
  const db = openDatabase(url);
  try { return await fn(db); } finally { await db.close(); }
}

/** A database with the demo, the generated centres and the learner data. --keep leaves it for a later --reuse. */
async function prepareLearnerDatabase(engine) {
  const keep = opts.keep || opts.reuse;
  const wanted = (made) => made && made.learners === LEARNERS && made.attendance === ATTENDANCE && made.seed === SEED && made.centresOption === CENTRES;
  let url, remove;
  if (engine === 'sqlite') {
    const dir = keep ? join(os.tmpdir(), 'kerege-bench-learners') : mkdtempSync(join(os.tmpdir(), 'kerege-bench-learners-'));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${LEARNERS}-${ATTENDANCE}-${CENTRES}-${SEED}.db`);
    url = `sqlite:${file}`;
    remove = async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      if (!keep) rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const u = new URL(PG_BASE);
    u.pathname = `/${PG_LEARNERS_DB}`;
    url = u.toString();
    remove = async () => {
      const c = await pgAdmin();
      await c.query(`drop database if exists ${PG_LEARNERS_DB} with (force)`);
      await c.end();
    };
  }
  const drop = async () => { if (!opts.keep) await remove(); };
  if (opts.reuse) {
    const made = await openQuietly(url, generatedLearners).catch(() => null);
    if (wanted(made)) {
      log(`  ${engine}: reusing ${engine === 'sqlite' ? url : PG_LEARNERS_DB}, generated earlier in ${made.times.totalS.toFixed(0)} s (--reuse)`);
      return { url, drop, made, reused: true };
    }
  }
  await remove();
  if (engine === 'postgres') {
    const c = await pgAdmin();
    await c.query(`create database ${PG_LEARNERS_DB}`);
    await c.end();
  }
  const db = openDatabase(url);
  try {
    const ctx = { db: db.kysely, engine: db.engine, clock: new HybridClock(), actor: null, locale: 'en' };
    let t = performance.now();
    await migrateToLatest(db);
    await ensureRoot(ctx);
    await loadDemo(ctx, { records: false }); // the generator makes the learning records, at scale
    const network = await generateNetwork(db, { centres: CENTRES, seed: SEED });
    if (engine === 'postgres') await (await import('kysely')).sql`analyze`.execute(db.kysely);
    const networkS = (performance.now() - t) / 1000;
    log(`  ${engine}: demo + ${network.centres} generated centres in ${networkS.toFixed(1)} s; generating ${LEARNERS} learners and ${ATTENDANCE} attendance marks…`);
    t = performance.now();
    const made = await generateLearners(db, {
      url, learners: LEARNERS, attendance: ATTENDANCE, seed: SEED, log, meta: { centresOption: CENTRES, networkS },
    });
    return { url, drop, made, reused: false };
  } finally {
    await db.close();
  }
}

/** Inputs drawn from the data: learners to type again, the list's centre, the regional counts. */
async function learnerInputs(url, engine) {
  return openQuietly(url, async (db) => {
    const { sql } = await import('kysely');
    const k = db.kysely;
    const cols = sql.raw('l.last_name, l.first_name, l.middle_name, l.birth_date, l.phone, l.iin');
    const live = sql.raw('l.deleted_at is null and l.merged_into is null');
    const total = Number((await sql`select count(*) as n from learners`.execute(k)).rows[0].n);
    const want = 1500;
    const rnd = prng(SEED ^ 0xd0b);
    let sample;
    if (engine === 'sqlite') {
      const rowids = [...new Set(Array.from({ length: want }, () => rnd.int(1, total)))];
      sample = (await sql`select ${cols} from learners l where l.rowid in (${sql.join(rowids)}) and ${live}`.execute(k)).rows;
    } else {
      const pct = Math.min(100, (want * 150) / total);
      sample = (await sql`select ${cols} from learners l tablesample bernoulli(${sql.lit(pct)}) repeatable (${sql.lit(SEED)}) where ${live} limit ${want}`.execute(k)).rows;
    }
    const own = (await sql`select ${cols} from learners l join org_units c on c.id = l.centre_id where c.code = ${FACILITATOR_CENTRE} and ${live} limit 150`.execute(k)).rows;
    const oblast = await k.selectFrom('org_units').select('path').where('code', '=', REGIONAL_OBLAST).executeTakeFirstOrThrow();
    const biggest = (await sql`select c.code, count(*) as n from learners l join org_units c on c.id = l.centre_id
      where c.path like ${`${oblast.path}%`} group by c.code order by n desc, c.code limit 1`.execute(k)).rows[0];
    const inOblast = Number((await sql`select count(*) as n from learners l join org_units c on c.id = l.centre_id where c.path like ${`${oblast.path}%`}`.execute(k)).rows[0].n);
    return { total, sample, own, listCentre: biggest.code, listCentreLearners: Number(biggest.n), inOblast };
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
function latencyStats(ms) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/** One GET at a time on a kept-alive socket, timed from the client: what one person waits. */
function sequentialClient(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path, headers) => new Promise((resolve, reject) => {
    const t = performance.now();
    http.get(new URL(path, base), { agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ ms: performance.now() - t, status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
  return { get, close: () => agent.destroy() };
}

async function loginCookie(base, username) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: ADMIN.password }),
  });
  if (!res.ok) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Typed as a facilitator would type someone already registered: another script, a slip, unfinished. */
function typingRequests(inputs, count) {
  const rnd = prng(SEED ^ 0x7e9);
  const latinOrAsIs = (s) => (s && rnd.next() < 0.3 && /\p{Script=Cyrillic}/u.test(s) ? passportLatin(s) : s);
  const slip = (s) => {
    if (!s || s.length < 4 || rnd.next() >= 0.2) return s;
    const i = rnd.int(1, s.length - 2);
    return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  };
  const phoneAsTyped = (e164) => `8 (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8, 10)}-${e164.slice(10)}`;
  const people = [...inputs.sample, ...inputs.own];
  const anyone = () => (rnd.next() < 0.1 && inputs.own.length ? rnd.pick(inputs.own) : rnd.pick(inputs.sample));
  const q = (o) => `/api/learners/matches?${new URLSearchParams(Object.entries(o).filter(([, v]) => v != null && v !== ''))}`;
  const randomDate = () => `${rnd.int(1950, 2010)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
  const VARIANTS = {
    'registered: name + birth date': () => { const p = anyone(); return { lastName: slip(latinOrAsIs(p.last_name)), firstName: latinOrAsIs(p.first_name), birthDate: p.birth_date }; },
    'registered: name + patronymic + birth date': () => { const p = anyone(); return { lastName: p.last_name, firstName: slip(p.first_name), middleName: p.middle_name, birthDate: p.birth_date }; },
    'typing: first name unfinished + birth date': () => { const p = anyone(); return { lastName: p.last_name, firstName: p.first_name.slice(0, rnd.int(2, 4)), birthDate: p.birth_date }; },
    'registered: name + phone': () => { const p = rnd.pick(people.filter((x) => x.phone)); return { lastName: latinOrAsIs(p.last_name), firstName: p.first_name, phone: phoneAsTyped(p.phone) }; },
    'registered: IIN only': () => { const p = rnd.pick(people.filter((x) => x.iin)); return { iin: `${p.iin.slice(0, 6)} ${p.iin.slice(6)}` }; },
    'new person: name + birth date + phone': () => ({
      lastName: rnd.pick(people).last_name, firstName: rnd.pick(people).first_name, birthDate: randomDate(),
      phone: `+7 701 ${rnd.int(100, 999)} ${rnd.int(10, 99)} ${rnd.int(10, 99)}`,
    }),
  };
  const names = Object.keys(VARIANTS);
  return Array.from({ length: count }, (_, i) => ({ variant: names[i % names.length], path: q(VARIANTS[names[i % names.length]]()) }));
}

async function benchMatches(engine, url, inputs, out) {
  const requests = typingRequests(inputs, DUP_REQUESTS);
  const warm = typingRequests({ ...inputs, sample: inputs.sample.slice().reverse() }, 300);
  const server = await startBenchServer(url, requests[0].path, { BENCH_USER: FACILITATOR });
  const base = `http://127.0.0.1:${server.port}`;
  const headers = { cookie: server.cookie };
  const client = sequentialClient(base);
  const probes = { pid: server.child.pid, postgres: engine === 'postgres' && localPostgres };
  try {
    for (const r of warm) await client.get(r.path, headers);
    const cpu0 = cpuMsOf(server.child.pid);
    const pg0 = probes.postgres ? postgresCpu() : null;
    const byVariant = new Map();
    const all = [];
    for (const r of requests) {
      const res = await client.get(r.path, headers);
      if (res.status !== 200) throw new Error(`GET ${r.variant}: ${res.status} ${res.body}`);
      const items = JSON.parse(res.body).items;
      const v = byVariant.get(r.variant) ?? { ms: [], hits: 0, outOfScope: 0 };
      v.ms.push(res.ms);
      if (items.length) v.hits++;
      if (items.some((m) => !m.inScope)) v.outOfScope++;
      byVariant.set(r.variant, v);
      all.push(res.ms);
    }
    const nodeCpu = (cpuMsOf(server.child.pid) - cpu0) / requests.length;
    const pgCpu = probes.postgres ? postgresCpuSince(pg0) / requests.length : NaN;
    const overall = latencyStats(all);
    const variants = [...byVariant].map(([name, v]) => ({ name, ...latencyStats(v.ms), hitShare: v.hits / v.ms.length, outOfScopeShare: v.outOfScope / v.ms.length }));
    const worst = variants.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    // The same requests from 10 connections at once: a hub's busy morning (information).
    const loaded = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, headers, requests: requests.slice(0, 600).map((r) => ({ method: 'GET', path: r.path })) });
    out.matches = { overall, variants, worst: worst.name, nodeCpuMsPerReq: nodeCpu, postgresCpuMsPerReq: pgCpu,
      underLoad: { rps: loaded.requests.average, p50: loaded.latency.p50, p99: loaded.latency.p99, non2xx: loaded.non2xx, errors: loaded.errors } };
    const f = (x) => x.toFixed(1);
    log(`  duplicate check as ${FACILITATOR} (${requests.length} requests, one at a time): p50 ${f(overall.p50)} ms, p95 ${f(overall.p95)} ms, p99 ${f(overall.p99)} ms, max ${f(overall.max)} ms`);
    for (const v of variants) log(`    ${v.name.padEnd(44)} p50 ${f(v.p50).padStart(6)}  p95 ${f(v.p95).padStart(6)}  p99 ${f(v.p99).padStart(6)} ms  (${v.n}, ${(v.hitShare * 100).toFixed(0)}% with a match, ${(v.outOfScopeShare * 100).toFixed(0)}% registered elsewhere)`);
    log(`    node CPU ${nodeCpu.toFixed(2)} ms/req${probes.postgres ? `, postgres CPU ${pgCpu.toFixed(2)} ms/req` : ''}; under load (${CONNECTIONS} connections): ${loaded.requests.average.toFixed(0)} rps, p50 ${loaded.latency.p50} ms, p99 ${loaded.latency.p99} ms`);
    const ok = overall.p95 <= TARGETS.matchP95Ms && worst.p95 <= TARGETS.matchP95Ms;
    rows.push([`duplicate check p95, ${engine} (${FACILITATOR}, ${requests.length} typed requests)`,
      `${f(overall.p95)} ms (p50 ${f(overall.p50)}; worst kind ${f(worst.p95)})`, `≤ ${TARGETS.matchP95Ms} ms`, ok ? 'ok' : 'MISS']);
    rows.push([`  worst kind of input, ${engine}`, worst.name, '', 'info']);
    rows.push([`  under load, ${CONNECTIONS} connections, ${engine}`, `${loaded.requests.average.toFixed(0)} rps, p50 ${loaded.latency.p50} / p99 ${loaded.latency.p99} ms`, '', 'info']);
  } finally {
    client.close();
    await stopChild(server.child, true);
  }
}

/**
 * Wait until the server has answered what autocannon left in flight: a slow route (seconds a
 * request) still holds up to 10 requests when a run ends, and on SQLite they block the event
 * loop, which would land on the next run's figures.
 */
async function drained(base, headers) {
  for (let i = 0; i < 3; i++) await fetch(`${base}/bench/memory`, { headers }).then((r) => r.arrayBuffer());
}

/** Memory route and API route alternating, the best run of each, as for the centre list. */
async function alternateWithMemory(base, headers, apiPath, probes) {
  const r = { memory: [], api: [] };
  await cannon(`${base}/bench/memory`, headers, WARMUP, probes);
  await cannon(`${base}${apiPath}`, headers, WARMUP, probes);
  await drained(base, headers);
  for (let round = 1; round <= ROUNDS; round++) {
    r.memory.push(await cannon(`${base}/bench/memory`, headers, DURATION, probes));
    r.api.push(await cannon(`${base}${apiPath}`, headers, DURATION, probes));
    await drained(base, headers);
  }
  const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
  const leastCpu = (list) => Math.min(...list.map((x) => x.serverCpuMsPerReq));
  r.bestMemory = best(r.memory);
  r.bestApi = best(r.api);
  r.ratio = r.bestApi.rps / r.bestMemory.rps;
  r.cpuRatio = leastCpu(r.memory) / leastCpu(r.api);
  r.memoryCpu = leastCpu(r.memory);
  r.apiCpu = leastCpu(r.api);
  if (probes.postgres) r.postgresCpuMsPerReq = Math.min(...r.api.map((x) => x.postgresCpuMsPerReq));
  return r;
}

async function benchLearnerLists(engine, url, inputs, out) {
  const probes = (child) => ({ pid: child.pid, postgres: engine === 'postgres' && localPostgres });
  const cases = [
    { key: 'list', label: `learner list API / memory, ${engine} (${inputs.listCentre}, ${inputs.listCentreLearners} learners)`, path: `/api/learners?centre=${inputs.listCentre}&limit=50` },
    { key: 'search', label: `learner search API / memory, ${engine} (q=${SEARCH.common}, ${REGIONAL_OBLAST}: ${inputs.inOblast} learners)`, path: `/api/learners?q=${encodeURIComponent(SEARCH.common)}&limit=50` },
  ];
  out.lists = {};
  for (const c of cases) {
    // The route as it runs (read cache on, decision 0015), and for the record the same route
    // with the cache off, from a second server process.
    const server = await startBenchServer(url, c.path, { BENCH_USER: REGIONAL });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const r = await alternateWithMemory(base, { cookie: server.cookie }, c.path, probes(server.child));
      const uncachedServer = await startBenchServer(url, c.path, { BENCH_USER: REGIONAL, BENCH_CACHE: '0' });
      try {
        const uBase = `http://127.0.0.1:${uncachedServer.port}`;
        await cannon(`${uBase}${c.path}`, { cookie: uncachedServer.cookie }, WARMUP, probes(uncachedServer.child));
        const runs = [];
        for (let round = 1; round <= ROUNDS; round++) runs.push(await cannon(`${uBase}${c.path}`, { cookie: uncachedServer.cookie }, DURATION, probes(uncachedServer.child)));
        r.uncached = runs.reduce((a, b) => (b.rps > a.rps ? b : a));
        r.uncachedRatio = r.uncached.rps / r.bestMemory.rps;
        // Search latencies one request at a time, with the cache off: the cost of a first search.
        if (c.key === 'search') await probeSearches(engine, uBase, out);
      } finally {
        await stopChild(uncachedServer.child, true);
      }
      r.path = c.path;
      r.items = server.items;
      r.bytes = server.bytes;
      out.lists[c.key] = r;
      log(`  ${c.key} as ${REGIONAL} ${c.path} → ${server.items} items, ${(server.bytes / 1024).toFixed(1)} KB: api ${r.bestApi.rps.toFixed(0)} rps `
        + `(p50 ${r.bestApi.p50} ms) vs memory ${r.bestMemory.rps.toFixed(0)} rps → ratio ${r.ratio.toFixed(3)}; node CPU ${r.apiCpu.toFixed(2)} vs ${r.memoryCpu.toFixed(2)} ms/req`
        + `${r.postgresCpuMsPerReq !== undefined ? `, postgres CPU ${r.postgresCpuMsPerReq.toFixed(2)} ms/req` : ''}`);
      rows.push([c.label, `${r.ratio.toFixed(2)}  (${r.bestApi.rps.toFixed(0)} / ${r.bestMemory.rps.toFixed(0)} rps)`, `≥ ${TARGETS.apiRatio}`, r.ratio >= TARGETS.apiRatio ? 'ok' : 'MISS']);
      rows.push([`  api latency p50 / p99; node CPU api / memory, ${engine}`, `${r.bestApi.p50} / ${r.bestApi.p99} ms; ${r.apiCpu.toFixed(2)} / ${r.memoryCpu.toFixed(2)} ms`
        + `${r.postgresCpuMsPerReq !== undefined ? `; postgres ${r.postgresCpuMsPerReq.toFixed(2)} ms` : ''}`, '', 'info']);
      log(`    read cache off: ${r.uncached.rps.toFixed(0)} rps (p50 ${r.uncached.p50} ms) → ratio ${r.uncachedRatio.toFixed(3)}`);
      rows.push([`  same with the read cache off (KEREGE_READ_CACHE=0), ${engine}`, `${r.uncachedRatio.toFixed(2)}  (${r.uncached.rps.toFixed(0)} rps, p50 ${r.uncached.p50} ms)`, '', 'info']);
    } finally {
      await stopChild(server.child, true);
    }
  }
}

/** Searches without a target, for the record: a full name and a rare surname, regional and national (p50 / p95 of 20). */
async function probeSearches(engine, base, out) {
  const client = sequentialClient(base);
  const cookies = { [REGIONAL]: await loginCookie(base, REGIONAL), admin: await loginCookie(base, ADMIN.username) };
  const probes = [
    [REGIONAL, 'full name', `/api/learners?q=${encodeURIComponent(SEARCH.fullName)}&limit=50`],
    [REGIONAL, 'rare surname', `/api/learners?q=${encodeURIComponent(SEARCH.rare)}&limit=50`],
    ['admin', 'national list', '/api/learners?limit=50'],
    ['admin', 'common surname', `/api/learners?q=${encodeURIComponent(SEARCH.common)}&limit=50`],
    ['admin', 'full name', `/api/learners?q=${encodeURIComponent(SEARCH.fullName)}&limit=50`],
    ['admin', 'rare surname', `/api/learners?q=${encodeURIComponent(SEARCH.rare)}&limit=50`],
  ];
  out.searchProbes = [];
  try {
    for (const [user, what, path] of probes) {
      const ms = [];
      let items = 0;
      for (let i = 0; i < 20; i++) {
        const res = await client.get(path, { cookie: cookies[user] });
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        if (i === 0) items = JSON.parse(res.body).items.length;
        ms.push(res.ms);
      }
      const s = latencyStats(ms.slice(2));
      out.searchProbes.push({ user, what, path, items, ...s });
      log(`    ${user.padEnd(13)} ${what.padEnd(15)} ${String(items).padStart(3)} items: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`);
      rows.push([`  ${what}${what.includes('list') ? '' : ' search'}, ${user === 'admin' ? 'national' : REGIONAL_OBLAST}, ${engine} (${items} rows)`, `p50 ${s.p50.toFixed(0)} / p95 ${s.p95.toFixed(0)} ms`, '', 'info']);
    }
  } finally {
    client.close();
  }
}

async function benchLearners(engine) {
  log(`\n== learners on ${engine}: ${LEARNERS.toLocaleString('en')} learners, ${ATTENDANCE.toLocaleString('en')} attendance marks, ${CENTRES} generated centres, seed ${SEED}`);
  const data = await prepareLearnerDatabase(engine);
  const g = data.made;
  const out = { scale: { learners: LEARNERS, attendance: ATTENDANCE, centres: CENTRES, seed: SEED }, generated: g, reused: data.reused };
  results.learners[engine] = out;
  const t = g.times;
  log(`  generated ${g.learners} learners (${g.withIin} with an IIN, ${g.duplicates} registered twice), ${g.trainings} trainings, ${g.meetings} meetings, `
    + `${g.enrolments} enrolments, ${g.attendance} marks over ${g.centres} centres in ${t.totalS.toFixed(1)} s: learners ${t.learnersS.toFixed(1)} s, `
    + `trainings…attendance ${t.trainingsS.toFixed(1)} s, indexes ${t.indexesS.toFixed(1)} s${engine === 'postgres' ? `, vacuum analyze ${t.analyzeS.toFixed(1)} s` : ''}`);
  rows.push([`learner data generated, ${engine}${data.reused ? ' (earlier run, --reuse)' : ''}`,
    `${(g.learners / 1e6).toFixed(2)}M learners + ${(g.attendance / 1e6).toFixed(1)}M marks in ${t.totalS.toFixed(0)} s`, '', 'info']);
  rows.push([`  learners / trainings…attendance / indexes${engine === 'postgres' ? ' / vacuum' : ''}, ${engine}`,
    `${t.learnersS.toFixed(0)} / ${t.trainingsS.toFixed(0)} / ${t.indexesS.toFixed(0)}${engine === 'postgres' ? ` / ${t.analyzeS.toFixed(0)}` : ''} s`, '', 'info']);
  try {
    const inputs = await learnerInputs(data.url, engine);
    await benchMatches(engine, data.url, inputs, out);
    await benchLearnerLists(engine, data.url, inputs, out);
  } finally {
    await data.drop();
  }
}

// ------------------------------------------------------------------ import (bench/import.mjs)
/** Importing a 100,000-row learner register: ≤ 30 s and ≤ 3× a raw batched insert of the same rows. */
async function benchImportPart() {
  const { benchImport } = await import('./import.mjs');
  const IMPORT_TARGETS = { seconds: 30, ratio: 3 };
  results.import = {};
  const engines = opts['pg-only'] ? ['postgres'] : opts['sqlite-only'] ? ['sqlite'] : ['sqlite', 'postgres'];
  for (const engine of engines) {
    if (engine === 'postgres') {
      const ok = await pgReachable();
      if (ok !== true) {
        loud(`PostgreSQL is NOT reachable at ${new URL(PG_BASE).host} (${ok}): the PostgreSQL import benchmark is SKIPPED`);
        results.import.postgres = { skipped: String(ok) };
        rows.push(['learner import, postgres', 'SKIPPED (PostgreSQL unreachable)', '', 'skipped']);
        continue;
      }
    }
    const r = await benchImport(engine, { rows: Number(opts['import-rows']), seed: SEED, pgBase: PG_BASE, log });
    results.import[engine] = r;
    const label = `${Number(opts['import-rows']).toLocaleString('en')}-row learner import`;
    rows.push([`${label}, ${engine}: as the wizard (upload + preview + commit) ${r.wizard.totalS.toFixed(1)} s, no preview (upload + commit) ${r.direct.totalS.toFixed(1)} s; the slower`, `${r.importS.toFixed(1)} s`, `≤ ${IMPORT_TARGETS.seconds} s`, r.importS <= IMPORT_TARGETS.seconds ? 'ok' : 'MISS']);
    rows.push([`${label} / raw batched insert, ${engine}`, `${r.ratio.toFixed(2)}× (raw ${r.rawS.toFixed(1)} s)`, `≤ ${IMPORT_TARGETS.ratio}×`, r.ratio <= IMPORT_TARGETS.ratio ? 'ok' : 'MISS']);
  }
}

// ------------------------------------------------------------------ run
let failed = false;
try {
  if (wants('api')) {
    const engines = opts['pg-only'] ? ['postgres'] : opts['sqlite-only'] ? ['sqlite'] : ['sqlite', 'postgres'];
    for (const engine of engines) {
      if (engine === 'postgres') {
        const ok = await pgReachable();
        if (ok !== true) {
          loud(`PostgreSQL is NOT reachable at ${new URL(PG_BASE).host} (${ok}): the PostgreSQL API benchmark is SKIPPED`);
          results.api.postgres = { skipped: String(ok) };
          rows.push(['centre list API / memory, postgres', 'SKIPPED (PostgreSQL unreachable)', `≥ ${TARGETS.apiRatio}`, 'skipped']);
          continue;
        }
      }
      await benchApi(engine);
    }
  }
  if (wants('memory') || wants('load')) await benchServeAndLoad();
  if (wants('learners')) {
    const engines = opts['pg-only'] ? ['postgres'] : opts['sqlite-only'] ? ['sqlite'] : ['sqlite', 'postgres'];
    for (const engine of engines) {
      if (engine === 'postgres') {
        const ok = await pgReachable();
        if (ok !== true) {
          loud(`PostgreSQL is NOT reachable at ${new URL(PG_BASE).host} (${ok}): the PostgreSQL learner benchmark is SKIPPED`);
          results.learners.postgres = { skipped: String(ok) };
          rows.push(['learners, postgres', 'SKIPPED (PostgreSQL unreachable)', '', 'skipped']);
          continue;
        }
      }
      await benchLearners(engine);
    }
  }
  if (wants('import')) await benchImportPart();
} catch (error) {
  failed = true;
  console.error(`\nbench FAILED: ${error.stack ?? error}`);
}

mkdirSync(join(root, 'bench/out'), { recursive: true });
writeFileSync(join(root, 'bench/out/results.json'), `${JSON.stringify({ ...results, table: rows }, null, 2)}\n`);

const widths = [0, 1, 2, 3].map((i) => Math.max(...[['figure', 'value', 'target', ''], ...rows].map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
log(`\nKerege benchmarks — ${results.at} — ${results.machine.cpus} CPU (${results.machine.cpu}), Node ${process.version}`);
log(line(['figure', 'value', 'target', '']));
log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) log(line(r));
log(`\nwritten: bench/out/results.json`);

const missed = rows.some((r) => r[3] === 'MISS');
if (failed || (opts.strict && missed)) process.exitCode = 1;
