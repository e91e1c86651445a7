// The import figure (issue 4, performance): a generated 100,000-row learner register (XLSX)
// imported through the API in both ways a register can go — as the wizard does it (upload,
// preview, commit) and straight to the commit — until GET /api/imports/:id says done; the slower
// way is the figure. Compared with a raw batched insert of the same rows (the learners table only: no checks, no
// change feed, no audit) made in the same run, on the same engine, into an equally fresh
// database. Targets: ≤ 30 s, and ≤ 3× the raw insert. The raw side's clock includes making the
// stored rows (name keys, ids, versions), as any insert of learners must.
//
//   import { benchImport } from './import.mjs';   // from bench/run.mjs (--only=import)
//
// The API runs in-process (app.inject): the file is the request body as a browser sends it;
// only the network is left out. Each side gets its own fresh database (migrations + demo).
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { KAZAKH_FEMALE, KAZAKH_MALE, KAZAKH_SURNAMES } from './learner-names.mjs';

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;

/** Mobile operators' codes (phone.ts accepts 6xx and 7xx). */
const MOBILE = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n register rows as a facilitator's sheet has them: distinct valid IINs, phones, dates. */
export async function registerRows(n, seed) {
  const { iinChecksum } = await import(dist('domain/iin.js'));
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const used = new Set();
  const rows = [];
  for (let i = 0; i < n; i++) {
    const female = rnd() < 0.55;
    const day = new Date(Date.UTC(1955, 0, 1) + Math.floor(rnd() * 18_000) * 86_400_000);
    const iso = day.toISOString().slice(0, 10);
    const [y, m, d] = iso.split('-');
    const century = Number(y) >= 2000 ? 5 : 3;
    let iin = null;
    for (let serial = Math.floor(rnd() * 9000) + 1; !iin; serial = (serial % 9999) + 1) {
      const first11 = `${y.slice(2)}${m}${d}${century + (female ? 1 : 0)}${String(serial).padStart(4, '0')}`;
      const check = iinChecksum(first11);
      if (check !== null && !used.has(first11 + check)) iin = first11 + check;
    }
    used.add(iin);
    const surname = pick(KAZAKH_SURNAMES);
    rows.push([
      female && surname.endsWith('ов') ? `${surname}а` : surname, pick(female ? KAZAKH_FEMALE : KAZAKH_MALE), female ? 'әйел' : 'ер',
      `${d}.${m}.${y}`, `8 ${pick(MOBILE)} ${String(i).padStart(7, '0').replace(/(\d{3})(\d{2})(\d{2})/, '$1 $2 $3')}`,
      iin, '01.11.2026', 'kerege-consent-1',
    ]);
  }
  return rows;
}

const HEADER = ['Тегі', 'Аты', 'Жынысы', 'Туған күні', 'Телефон', 'ЖСН', 'Келісім күні', 'Келісім нұсқасы'];

export async function registerXlsx(rows) {
  const out = new PassThrough();
  const chunks = [];
  out.on('data', (c) => chunks.push(c));
  // Shared strings, as Excel and LibreOffice write them.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('Тізім');
  sheet.addRow(HEADER).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function freshDatabase(engine, pgBase, name) {
  const { openDatabase } = await import(dist('server/db/dialect.js'));
  const { migrateToLatest } = await import(dist('server/db/migrate.js'));
  const { ensureRoot, loadDemo } = await import(dist('server/demo/load.js'));
  const { HybridClock } = await import(dist('server/db/clock.js'));
  let url;
  let drop;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'kerege-bench-import-'));
    url = `sqlite:${join(dir, 'import.db')}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(pgBase);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: pgBase });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const db = openDatabase(url);
  const ctx = { db: db.kysely, engine: db.engine, clock: new HybridClock(), actor: null, locale: 'en' };
  await migrateToLatest(db);
  await ensureRoot(ctx);
  await loadDemo(ctx);
  return { db, ctx, drop };
}

/** The learners table rows the import would write, made before the clock starts. */
async function rawValues(db, rows) {
  const { nameColumns } = await import(dist('server/modules/learners/service.js'));
  const { uuidv7 } = await import(dist('domain/ids.js'));
  const { HybridClock } = await import(dist('server/db/clock.js'));
  const clock = new HybridClock();
  const centre = await db.kysely.selectFrom('org_units').select('id').where('code', '=', 'CLC-KORDAI').executeTakeFirstOrThrow();
  const user = await db.kysely.selectFrom('users').select('id').where('username', '=', 'facilitator.kordai').executeTakeFirstOrThrow();
  const at = new Date().toISOString();
  return rows.map((r) => {
    const [d, m, y] = r[3].split('.');
    const name = { lastName: r[0], firstName: r[1], middleName: null };
    return {
      id: uuidv7(), created_at: at, updated_at: at, version: clock.next(), deleted_at: null, centre_id: centre.id,
      last_name: r[0], first_name: r[1], middle_name: null, sex: r[2] === 'ер' ? 'male' : 'female', birth_date: `${y}-${m}-${d}`,
      phone: `+7${r[4].replace(/\D/g, '').slice(1)}`, settlement_id: null, languages: '[]', education: null, employment_status: null,
      registered_unemployed: 0, target_groups: '[]', iin: r[5], consent_date: '2026-11-01', consent_version: 'kerege-consent-1',
      guardian_name: null, consent_recorded_by: user.id, user_id: null, merged_into: null, ...nameColumns(name),
    };
  });
}

/**
 * One import through the API into a fresh database with the demo, as `facilitator.kordai`:
 * upload, (preview,) commit, then poll until done. Answers each phase's seconds.
 */
async function throughApi(engine, pgBase, file, { preview }) {
  const api = await freshDatabase(engine, pgBase, 'kerege_bench_import_api');
  const { buildApp } = await import(dist('server/app.js'));
  const app = await buildApp({ db: api.db, demo: async () => true, webRoot: '/nonexistent' });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'facilitator.kordai', password: 'kerege-demo-2026' } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const headers = { cookie, 'x-csrf-token': JSON.parse(login.body).csrfToken };
    const t0 = performance.now();
    const up = await app.inject({ method: 'POST', url: '/api/imports?kind=learners&centre=CLC-KORDAI', payload: file, headers: { ...headers, 'content-type': 'application/octet-stream' } });
    if (up.statusCode !== 201) throw new Error(`upload answered ${up.statusCode}: ${up.body.slice(0, 300)}`);
    const { id, suggested } = JSON.parse(up.body);
    const t1 = performance.now();
    if (preview) {
      const answer = JSON.parse((await app.inject({ method: 'POST', url: `/api/imports/${id}/preview`, payload: { mapping: suggested }, headers })).body);
      if (answer.invalid !== 0) throw new Error(`the generated register has ${answer.invalid} bad rows: ${JSON.stringify(answer.errors.slice(0, 3))}`);
    }
    const t2 = performance.now();
    const started = await app.inject({ method: 'POST', url: `/api/imports/${id}/commit`, payload: { mapping: suggested }, headers });
    if (started.statusCode !== 202) throw new Error(`commit answered ${started.statusCode}: ${started.body.slice(0, 300)}`);
    let status;
    do {
      await sleep(100);
      status = JSON.parse((await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers })).body);
    } while (status.status === 'running');
    const t3 = performance.now();
    if (status.status !== 'done') throw new Error(`import ended ${status.status}: ${JSON.stringify(status.errors.slice(0, 3))}`);
    const s = (a, b) => (b - a) / 1000;
    return { uploadS: s(t0, t1), previewS: s(t1, t2), commitS: s(t2, t3), totalS: s(t0, t3), created: status.created, skipped: status.skipped };
  } finally {
    await app.close();
    await api.db.close();
    await api.drop();
  }
}

/** Measures one engine; answers the figures (seconds). */
export async function benchImport(engine, { rows: n = 100_000, seed = 2026, pgBase, log = console.log } = {}) {
  log(`\n== import of a ${n.toLocaleString('en')}-row learner register (XLSX) on ${engine}`);
  const rows = await registerRows(n, seed);
  const file = await registerXlsx(rows);
  log(`  register: ${(file.length / 2 ** 20).toFixed(1)} MB XLSX`);

  // 1. raw batched insert of the same rows (learners table only), in one transaction
  const raw = await freshDatabase(engine, pgBase, 'kerege_bench_import_raw');
  let rawS;
  try {
    // The clock includes making the stored rows (their name keys, ids, versions): the same
    // rows the import writes, minus the checks, the change feed and the audit trail.
    const t = performance.now();
    const values = await rawValues(raw.db, rows);
    await raw.db.kysely.transaction().execute(async (tx) => {
      for (let i = 0; i < values.length; i += 200) await tx.insertInto('learners').values(values.slice(i, i + 200)).execute();
    });
    rawS = (performance.now() - t) / 1000;
  } finally {
    await raw.db.close();
    await raw.drop();
  }
  log(`  raw batched insert: ${rawS.toFixed(1)} s`);

  // 2. through the API, twice, each into a fresh database: as the wizard does it (upload,
  // preview, commit — the commit writes what the preview checked), and straight to the commit
  // without a preview (the commit checks every row itself)
  const result = { engine, rows: n, fileMb: file.length / 2 ** 20, rawS };
  const wizard = await throughApi(engine, pgBase, file, { preview: true });
  log(`  API, as the wizard: upload ${wizard.uploadS.toFixed(1)} s, preview ${wizard.previewS.toFixed(1)} s, commit ${wizard.commitS.toFixed(1)} s` +
    ` = ${wizard.totalS.toFixed(1)} s; ${wizard.created} written, ${wizard.skipped} left out`);
  const direct = await throughApi(engine, pgBase, file, { preview: false });
  log(`  API, no preview: upload ${direct.uploadS.toFixed(1)} s, commit ${direct.commitS.toFixed(1)} s = ${direct.totalS.toFixed(1)} s`);
  // the figure is the slower of the two ways
  const importS = Math.max(wizard.totalS, direct.totalS);
  Object.assign(result, { wizard, direct, importS, ratio: importS / rawS });
  return result;
}
