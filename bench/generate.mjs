// National-scale data for benchmarks (and later issues): the demo network plus N centres
// spread over every oblast and city of republican significance, in extra raions and
// settlements coded `BENCH-…`. Written straight into the tables in batched multi-row
// INSERTs inside transactions — not through the API — but by the data rules of
// docs/decisions/0002 and 0003: UUIDv7 ids, materialised path and depth, hybrid-clock
// versions, ISO timestamps, folded search keys, and a change-feed and audit row per record,
// as the write door (src/server/db/write.ts) would have made them.
//
// Deterministic: what is generated (how many units, where, names, fields) depends only on
// the seed, the centre count and the demo network. Ids, versions and timestamps are made
// at run time, as they would be in production.
//
//   import { generateNetwork } from './bench/generate.mjs';
//   await generateNetwork(db, { centres: 5000, seed: 2026 });   // db: openDatabase(url) or its .kysely
//
//   node bench/generate.mjs --url=sqlite:./data/bench.db [--centres=5000] [--seed=2026]
//     migrates, loads the demo into an empty database, then generates.
import { uuidv7 } from '../dist/domain/ids.js';
import { searchKey } from '../dist/domain/fold.js';
import { sortKeys } from '../dist/domain/collate.js';
import { HybridClock } from '../dist/server/db/clock.js';

export const CODE_PREFIX = 'BENCH-';
const ACTOR = 'bench-generator';
/** Rows per INSERT: 500 × ≤17 columns stays under both engines' parameter limits. */
const BATCH = 500;

/** mulberry32: small, fast, seeded. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (array) => array[Math.floor(next() * array.length)],
    weighted: (pairs) => {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, w] of pairs) if ((r -= w) < 0) return value;
      return pairs[pairs.length - 1][0];
    },
  };
}

// Place names from Kazakh toponym parts: [kk, ru, en].
const HEADS = [
  ['Ақ', 'Ак', 'Ak'], ['Қара', 'Кара', 'Kara'], ['Жаңа', 'Жана', 'Zhana'], ['Көк', 'Кок', 'Kok'],
  ['Сары', 'Сары', 'Sary'], ['Бес', 'Бес', 'Bes'], ['Қызыл', 'Кызыл', 'Kyzyl'], ['Ұзын', 'Узын', 'Uzyn'],
  ['Үш', 'Уш', 'Ush'], ['Тас', 'Тас', 'Tas'], ['Алтын', 'Алтын', 'Altyn'], ['Шұбар', 'Шубар', 'Shubar'],
  ['Таң', 'Тан', 'Tan'], ['Жел', 'Жел', 'Zhel'], ['Ой', 'Ой', 'Oi'], ['Құм', 'Кум', 'Kum'],
];
const TAILS = [
  ['бұлақ', 'булак', 'bulak'], ['су', 'су', 'su'], ['тау', 'тау', 'tau'], ['көл', 'коль', 'kol'],
  ['жар', 'жар', 'zhar'], ['төбе', 'тобе', 'tobe'], ['құдық', 'кудук', 'kuduk'], ['өзек', 'озек', 'ozek'],
  ['қайың', 'кайын', 'kaiyn'], ['терек', 'терек', 'terek'], ['ағаш', 'агаш', 'agash'], ['сай', 'сай', 'sai'],
  ['кент', 'кент', 'kent'], ['дала', 'дала', 'dala'],
];
const placeName = (rnd) => {
  const [h, t] = [rnd.pick(HEADS), rnd.pick(TAILS)];
  return { kk: h[0] + t[0], ru: h[1] + t[1], en: h[2] + t[2] };
};

const CENTRE_NAMES = {
  library: (p) => ({ kk: `${p.kk} ауылдық кітапханасы`, ru: `Сельская библиотека ${p.ru}`, en: `${p.en} Rural Library` }),
  online_centre: (p) => ({ kk: `${p.kk} онлайн орталығы`, ru: `Онлайн-центр ${p.ru}`, en: `${p.en} Online Centre` }),
  clc: (p) => ({ kk: `${p.kk} қоғамдық оқу орталығы`, ru: `Общественный учебный центр ${p.ru}`, en: `${p.en} Community Learning Centre` }),
  mobile: (p) => ({ kk: `${p.kk} IT-киіз үйі`, ru: `Мобильная IT-юрта ${p.ru}`, en: `${p.en} Mobile IT-Yurt` }),
  vet_school: (p) => ({ kk: `${p.kk} колледжі`, ru: `Колледж ${p.ru}`, en: `${p.en} College` }),
  ngo: (p) => ({ kk: `«${p.kk} жастары» қоғамдық бірлестігі`, ru: `ОО «Молодёжь ${p.ru}»`, en: `${p.en} Youth NGO` }),
};
const CENTRE_TYPES = [['library', 45], ['online_centre', 25], ['clc', 15], ['vet_school', 8], ['ngo', 6], ['mobile', 1]];
const CONNECTIVITY = [['fixed', 50], ['mobile', 30], ['satellite', 12], ['none', 8]];
const STREETS = ['Абай', 'Достық', 'Бейбітшілік', 'Тәуелсіздік', 'Жамбыл', 'Мектеп', 'Орталық', 'Жастар'];
const GIVEN = ['Aigerim', 'Dana', 'Saule', 'Aliya', 'Madina', 'Yerlan', 'Nurlan', 'Askar', 'Gulnara', 'Zhanar', 'Bolat', 'Ainur'];
const FAMILY = ['Abenova', 'Seitkali', 'Omarova', 'Zhaksylykov', 'Bekova', 'Tulegenov', 'Iskakova', 'Nurpeisov', 'Sadykova', 'Kassymov'];
const HOURS = ['Mo-Fr 09:00-18:00', 'Mo-Sa 09:00-18:00', 'Tu-Su 10:00-19:00', null];
const LANGUAGES = [[['kk', 'ru'], 70], [['kk'], 15], [['ru', 'kk'], 10], [['kk', 'ru', 'en'], 5]];

/** The Kysely instance and the engine, from `openDatabase(url)` or a bare Kysely. */
function unwrap(db) {
  return db && db.kysely ? db.kysely : db;
}

async function insertBatched(tx, table, rows) {
  for (let i = 0; i < rows.length; i += BATCH) await tx.insertInto(table).values(rows.slice(i, i + BATCH)).execute();
}

/**
 * Generate `centres` centres (default 5000) over the oblasts and cities already in the database
 * (load the demo first). Answers what it made. Refuses to run twice on one database.
 */
export async function generateNetwork(db, { centres = 5000, seed = 2026 } = {}) {
  const kysely = unwrap(db);
  const rnd = prng(seed);
  const clock = new HybridClock();
  const started = Date.now();

  const already = await kysely.selectFrom('org_units').select('id').where('code', 'like', `${CODE_PREFIX}%`).limit(1).executeTakeFirst();
  if (already) throw new Error('generateNetwork: this database already holds BENCH- units; use a fresh database');
  const units = await kysely.selectFrom('org_units')
    .select(['id', 'code', 'kind', 'parent_id', 'path', 'depth', 'lat', 'lon', 'name_kk', 'name_ru', 'name_en'])
    .where('deleted_at', 'is', null).orderBy('code').execute();
  const regions = units.filter((u) => u.depth === 1 && (u.kind === 'oblast' || u.kind === 'city'));
  if (regions.length === 0) throw new Error('generateNetwork: no oblasts found; load the demo network first');

  const now = () => new Date().toISOString();
  const orgUnitRows = [];
  const centreRows = [];
  const changeRows = [];
  const auditRows = [];
  const record = (table, row, auditAfter) => {
    changeRows.push({ table_name: table, row_id: row.id, scope_id: row.id, version: row.version, op: 'insert', at: row.created_at });
    auditRows.push({
      id: uuidv7(), at: row.created_at, actor_id: null, actor_username: ACTOR, action: 'create',
      table_name: table, row_id: row.id, scope_id: row.id, before: null, after: JSON.stringify(auditAfter),
    });
  };
  const addUnit = (parent, code, kind, name, lat, lon) => {
    const id = uuidv7();
    const at = now();
    const values = {
      code, kind, parent_id: parent.id, name_kk: name.kk, name_ru: name.ru, name_en: name.en,
      aliases: '[]', lat: round(lat), lon: round(lon),
    };
    const row = {
      ...values, id, path: `${parent.path}${id}/`, depth: parent.depth + 1,
      search_key: searchKey([code, name.kk, name.ru, name.en]), ...sortKeys(name),
      created_at: at, updated_at: at, version: clock.next(), deleted_at: null,
    };
    orgUnitRows.push(row);
    record('org_units', row, values);
    return row;
  };

  // 1. Extra raions and settlements in every region; the demo's own raions, cities and
  //    settlements take centres too.
  const places = new Map(regions.map((r) => [r.id, []]));
  for (const u of units) {
    if (u.depth < 2 || !['raion', 'city', 'settlement'].includes(u.kind)) continue;
    const regionId = u.path.split('/').filter(Boolean)[1];
    places.get(regionId)?.push(u);
  }
  for (const region of regions) {
    const short = region.code.replace(/^KZ-/, '');
    const raions = region.kind === 'city' ? rnd.int(2, 4) : rnd.int(4, 8);
    for (let r = 1; r <= raions; r++) {
      const rname = placeName(rnd);
      const raion = addUnit(region, `${CODE_PREFIX}${short}-R${pad(r, 2)}`, 'raion',
        { kk: `${rname.kk} ауданы`, ru: `${rname.ru}ский район`, en: `${rname.en} District` },
        (region.lat ?? 48) + (rnd.next() - 0.5) * 2, (region.lon ?? 67) + (rnd.next() - 0.5) * 3);
      places.get(region.id).push(raion);
      const settlements = region.kind === 'city' ? rnd.int(1, 3) : rnd.int(5, 14);
      for (let s = 1; s <= settlements; s++) {
        places.get(region.id).push(addUnit(raion, `${raion.code}-S${pad(s, 2)}`, 'settlement', placeName(rnd),
          raion.lat + (rnd.next() - 0.5) * 0.8, raion.lon + (rnd.next() - 0.5) * 1.2));
      }
    }
  }

  // 2. Centres: a region by weight (cities of republican significance weigh less), then a
  //    place in it, mostly a settlement.
  const regionWeights = regions.map((r) => [r, (r.kind === 'city' ? 0.5 : 1) * (0.7 + rnd.next() * 0.6)]);
  const perPlace = new Map();
  const settlementsOf = new Map([...places].map(([id, list]) => [id, list.filter((p) => p.kind === 'settlement')]));
  for (let i = 1; i <= centres; i++) {
    const region = rnd.weighted(regionWeights);
    const list = places.get(region.id);
    const settlements = settlementsOf.get(region.id);
    const place = settlements.length && rnd.next() < 0.8 ? rnd.pick(settlements) : rnd.pick(list);
    const n = (perPlace.get(place.id) ?? 0) + 1;
    perPlace.set(place.id, n);
    const type = rnd.weighted(CENTRE_TYPES);
    let name = CENTRE_NAMES[type](placeNameOf(place));
    if (n > 1) name = { kk: `${name.kk} №${n}`, ru: `${name.ru} №${n}`, en: `${name.en} No. ${n}` };
    const code = `${CODE_PREFIX}C${pad(i, 5)}`;
    const unit = addUnit(place, code, 'centre', name,
      (place.lat ?? region.lat ?? 48) + (rnd.next() - 0.5) * 0.05, (place.lon ?? region.lon ?? 67) + (rnd.next() - 0.5) * 0.05);
    const at = now();
    const values = {
      type,
      address: `${rnd.pick(STREETS)} көшесі, ${rnd.int(1, 120)}`,
      phone: `+7 7${rnd.int(10, 29)} ${rnd.int(200, 999)} ${pad(rnd.int(0, 99), 2)} ${pad(rnd.int(0, 99), 2)}`,
      email: rnd.next() < 0.6 ? `${code.toLowerCase()}@bench.kerege.invalid` : null,
      facilitators: JSON.stringify(Array.from({ length: rnd.int(0, 3) }, () => `${rnd.pick(GIVEN)} ${rnd.pick(FAMILY)}`)),
      opened_on: `${rnd.int(1995, 2024)}-${pad(rnd.int(1, 12), 2)}-${pad(rnd.int(1, 28), 2)}`,
      connectivity: rnd.weighted(CONNECTIVITY),
      computers: rnd.next() < 0.85 ? rnd.int(0, 30) : null,
      languages: JSON.stringify(rnd.weighted(LANGUAGES)),
      opening_hours: rnd.pick(HOURS),
      org_unit_id: unit.id,
      invented: 1,
    };
    const row = { ...values, id: unit.id, created_at: at, updated_at: at, version: clock.next(), deleted_at: null };
    centreRows.push(row);
    record('centres', row, values);
  }

  const built = Date.now();
  // 3. Write: parents before children (ids are time-ordered, so creation order is fine).
  await kysely.transaction().execute(async (tx) => {
    await insertBatched(tx, 'org_units', orgUnitRows);
    await insertBatched(tx, 'centres', centreRows);
  });
  await kysely.transaction().execute(async (tx) => {
    await insertBatched(tx, 'changes', changeRows);
    await insertBatched(tx, 'audit_log', auditRows);
  });

  const byRegion = {};
  for (const region of regions) byRegion[region.code] = 0;
  const regionOf = new Map(orgUnitRows.map((u) => [u.id, u.path.split('/').filter(Boolean)[1]]));
  const codeOf = new Map(regions.map((r) => [r.id, r.code]));
  for (const c of centreRows) byRegion[codeOf.get(regionOf.get(c.id))]++;
  return {
    units: orgUnitRows.length - centreRows.length,
    centres: centreRows.length,
    byRegion,
    ms: Date.now() - started,
    buildMs: built - started,
  };
}

/** Centres per region (oblast or city) in the whole database, demo included. */
export async function centresPerRegion(db) {
  const kysely = unwrap(db);
  const regions = await kysely.selectFrom('org_units').select(['code', 'path'])
    .where('depth', '=', 1).where('kind', 'in', ['oblast', 'city']).execute();
  const centres = await kysely.selectFrom('org_units').select('path').where('kind', '=', 'centre').where('deleted_at', 'is', null).execute();
  const count = new Map(regions.map((r) => [r.path, 0]));
  for (const c of centres) {
    const prefix = `/${c.path.split('/').filter(Boolean).slice(0, 2).join('/')}/`;
    if (count.has(prefix)) count.set(prefix, count.get(prefix) + 1);
  }
  return Object.fromEntries(regions.map((r) => [r.code, count.get(r.path)]));
}

const pad = (n, width) => String(n).padStart(width, '0');
const round = (x) => Math.round(x * 1e5) / 1e5;
/** A place's name as used inside a centre's name: "Тас ауданы" → "Тас", "Tas District" → "Tas". */
const placeNameOf = (unit) => ({
  kk: unit.name_kk.replace(/\s+ауданы$/, ''),
  ru: unit.name_ru.replace(/^район\s+|\s+район$/, ''),
  en: unit.name_en.replace(/\s+District$/, ''),
});

// ---------------------------------------------------------------- command line
if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: { url: { type: 'string' }, centres: { type: 'string' }, seed: { type: 'string' } } });
  if (!values.url) {
    console.error('usage: node bench/generate.mjs --url=sqlite:./data/bench.db|postgres://… [--centres=5000] [--seed=2026]');
    process.exit(2);
  }
  const { openDatabase } = await import('../dist/server/db/dialect.js');
  const { migrateToLatest } = await import('../dist/server/db/migrate.js');
  const { ensureRoot, isEmpty, loadDemo } = await import('../dist/server/demo/load.js');
  const db = openDatabase(values.url);
  const ctx = { db: db.kysely, engine: db.engine, clock: new HybridClock(), actor: null, locale: 'en' };
  await migrateToLatest(db);
  await ensureRoot(ctx);
  if (await isEmpty(ctx)) await loadDemo(ctx);
  const made = await generateNetwork(db, { centres: Number(values.centres ?? 5000), seed: Number(values.seed ?? 2026) });
  console.log(JSON.stringify(made, null, 2));
  await db.close();
}
