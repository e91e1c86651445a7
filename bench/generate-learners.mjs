// National-scale learning data for benchmarks (issue 4 and later): on top of generateNetwork's
// centres, N learners (default 2,000,000) and trainings, meetings and enrolments enough for
// M attendance marks (default 20,000,000), spread over every live centre.
//
// Written straight into the tables, as fast as each engine allows, by the data rules where
// they matter to the figures: UUIDv7 ids (time-ordered, so primary keys append), hybrid-clock
// versions, ISO UTC timestamps made at run time, and name_key / sort_key exactly as the
// learners service computes them (checked against its own function on a sample of rows).
// Deliberate shortcuts, all for bulk bench data only (bench/README.md, decision 0015):
//   - no change-feed or audit rows for learners, trainings, meetings, enrolments and
//     attendance (the 30 courses get theirs): they would double the data and the time, and no
//     figure reads them;
//   - secondary indexes of those tables are dropped before the load and rebuilt after it from
//     their own stored definitions (same indexes, built by sorting instead of row by row);
//   - foreign keys are not checked during the load (SQLite: foreign_keys off on the loading
//     connection; PostgreSQL: session_replication_role = replica). The generator only ever
//     points at rows it has just made or read, and the rebuilt unique indexes re-check
//     uniqueness;
//   - PostgreSQL gets VACUUM (ANALYZE) of those tables afterwards, which autovacuum does on a
//     hub a minute after a bulk insert; SQLite gets nothing, like the app.
//
// Deterministic: names, dates, places, enrolments and marks depend only on the seed, the
// counts and the centres in the database. Ids, versions and timestamps are made at run time.
//
//   import { generateLearners } from './bench/generate-learners.mjs';
//   await generateLearners(db, { learners: 2_000_000, attendance: 20_000_000, seed: 2026 });
//
//   node bench/generate-learners.mjs --url=sqlite:/tmp/l.db [--learners=200000 --attendance=2000000]
//     a fresh database: migrations, demo, generateNetwork (--centres=5000), then learners.
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { randomFillSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { foldForSearch, searchKey, SEARCH_KEY_SEPARATOR } from '../dist/domain/fold.js';
import { iinChecksum, parseIin } from '../dist/domain/iin.js';
import { uuidv7 } from '../dist/domain/ids.js';
import { foldName } from '../dist/domain/person-match.js';
import { HybridClock } from '../dist/server/db/clock.js';
import { nameColumns } from '../dist/server/modules/learners/service.js';
import { prng } from './generate.mjs';
import * as N from './learner-names.mjs';

export const ACTOR = 'bench-generator';
/** settings key that marks a database as fully generated (value: JSON of what and how long). */
export const MARKER = 'bench_learners';
const LEARNING_TABLES = ['learners', 'trainings', 'meetings', 'enrolments', 'attendance'];
/** Rows per statement: SQLite multi-row INSERT (≤ 27 columns × 100 < 32,766 parameters); PostgreSQL COPY batch. */
const SQLITE_ROWS = 100;
const PG_ROWS = 20_000;
/** SQLite commits this often so the WAL (checkpointed after each commit) stays bounded. */
const SQLITE_COMMIT_ROWS = 1_000_000;

// ---------------------------------------------------------------- fast primitives

/**
 * UUIDv7 like dist/domain/ids.js (48-bit ms, version 7, a 12-bit counter monotonic within a
 * millisecond, variant, random) — from one bulk random buffer: the domain one costs ~12 µs
 * an id on this machine (two crypto calls and BigInt), which is minutes over 25M rows.
 */
function idFactory() {
  const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
  const pool = Buffer.allocUnsafe(1 << 16);
  let pos = pool.length;
  let lastMs = 0;
  let seq = 0;
  const byte = () => {
    if (pos >= pool.length) { randomFillSync(pool); pos = 0; }
    return pool[pos++];
  };
  return () => {
    let now = Date.now();
    if (now <= lastMs) {
      seq = (seq + 1) & 0xfff;
      if (seq === 0) lastMs += 1;
      now = lastMs;
    } else {
      lastMs = now;
      seq = ((byte() << 8) | byte()) & 0x7ff;
    }
    const ms = now.toString(16).padStart(12, '0');
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${HEX[seq >> 8][1]}${HEX[seq & 0xff]}-${HEX[0x80 | (byte() & 0x3f)]}${HEX[byte()]}-`
      + `${HEX[byte()]}${HEX[byte()]}${HEX[byte()]}${HEX[byte()]}${HEX[byte()]}${HEX[byte()]}`;
  };
}

/** ISO dates by day number (days since 1970-01-01), cached. */
const dayCache = new Map();
function isoDay(day) {
  let s = dayCache.get(day);
  if (s === undefined) { s = new Date(day * 86_400_000).toISOString().slice(0, 10); dayCache.set(day, s); }
  return s;
}
const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** A picker over `items` with Zipf-like weights 1 / (rank + offset)^s: early items are common. */
function zipf(items, s = 1, offset = 3) {
  const cum = new Float64Array(items.length);
  let total = 0;
  for (let i = 0; i < items.length; i++) cum[i] = total += 1 / (i + offset) ** s;
  return (rnd) => {
    const r = rnd.next() * total;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid] > r) hi = mid; else lo = mid + 1; }
    return lo;
  };
}

/** A picker over [value, weight] pairs. */
function weighted(pairs) {
  const cum = [];
  let total = 0;
  for (const [, w] of pairs) cum.push(total += w);
  return (rnd) => {
    const r = rnd.next() * total;
    for (let i = 0; i < cum.length; i++) if (r < cum[i]) return pairs[i][0];
    return pairs[pairs.length - 1][0];
  };
}

const gauss = (rnd) => Math.sqrt(-2 * Math.log(1 - rnd.next())) * Math.cos(2 * Math.PI * rnd.next());

// ---------------------------------------------------------------- name keys, exactly as the service

const collapse = (s) => s.replace(/([a-z])\1+/g, '$1');
function memo(fn) {
  const cache = new Map();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) { v = fn(s); cache.set(s, v); }
    return v;
  };
}
const F = memo(foldForSearch);
const FN = memo(foldName);

/**
 * name_key and sort_key of the learners service (`nameColumns` = searchKey(nameKeys(name)) and
 * foldForSearch(last first middle)), built from per-part folds that are cached: the fold of a
 * text is the collapsed concatenation of the folds of its words (fold.ts, step 6). Every
 * VERIFY_EVERY-th row is compared with the service's own function and a difference stops the
 * generator, so a change in the folding rules cannot go unnoticed.
 */
function nameCols(last, first, middle) {
  const fl = F(last), ff = F(first), fm = middle ? F(middle) : '';
  const cl = FN(last), cf = FN(first), cm = middle ? FN(middle) : '';
  const keys = [collapse(fl + ff + fm), collapse(fl + ff), collapse(ff + fl), fl, collapse(cl + cf + cm), collapse(cl + cf), collapse(cf + cl), cl];
  const out = [];
  for (const k of keys) if (k !== '' && !out.includes(k)) out.push(k);
  return { name_key: out.join(SEARCH_KEY_SEPARATOR), sort_key: keys[0] };
}
const VERIFY_EVERY = 499;

// ---------------------------------------------------------------- people

const SCRIPT = { kazakh: 0, russian: 1, passport: 2, latin2021: 3 };
const ETHNIC = { kazakh: 0, russian: 1, other: 2 };
const pickKzMale = zipf(N.KAZAKH_MALE, 0.9);
const pickKzFemale = zipf(N.KAZAKH_FEMALE, 0.9);
const pickRuMale = zipf(N.RUSSIAN_MALE, 0.9);
const pickRuFemale = zipf(N.RUSSIAN_FEMALE, 0.9);
const pickKzSurname = zipf(N.KAZAKH_SURNAMES, 0.8, 4);
const pickRuSurname = zipf(N.RUSSIAN_SURNAMES, 0.8, 4);
const pickOtherSurname = zipf(N.OTHER_SURNAMES, 0.7, 3);
const pickRuPatronymic = zipf(N.RUSSIAN_PATRONYMICS, 0.8);

/**
 * A person's name facts as small integers, so that a later re-registration of the same person
 * can be written in another script: ethnic group, sex, first name, surname, surname kind
 * (0 family name, 1 father's name + ұлы/қызы), father (−1 none), patronymic style (0 Kazakh, 1 Russian).
 */
function drawPerson(rnd) {
  const eth = rnd.next() < 0.7 ? ETHNIC.kazakh : rnd.next() < 2 / 3 ? ETHNIC.russian : ETHNIC.other;
  const male = rnd.next() < 0.47;
  let first, surname, surnameKind = 0, father = -1, patStyle = 0, script;
  if (eth === ETHNIC.kazakh) {
    first = male ? pickKzMale(rnd) : pickKzFemale(rnd);
    surname = pickKzSurname(rnd);
    if (rnd.next() < 0.06) surnameKind = 1;
    if (rnd.next() < 0.75 || surnameKind === 1) father = pickKzMale(rnd);
    patStyle = rnd.next() < 0.45 ? 1 : 0;
    const r = rnd.next();
    script = r < 0.6 ? SCRIPT.kazakh : r < 0.9 ? SCRIPT.russian : r < 0.97 ? SCRIPT.passport : SCRIPT.latin2021;
  } else if (eth === ETHNIC.russian) {
    first = male ? pickRuMale(rnd) : pickRuFemale(rnd);
    surname = pickRuSurname(rnd);
    if (rnd.next() < 0.85) father = pickRuPatronymic(rnd);
    script = rnd.next() < 0.95 ? SCRIPT.russian : SCRIPT.passport;
  } else {
    const kazakhFirst = rnd.next() < 0.5;
    first = kazakhFirst ? (male ? pickKzMale(rnd) : pickKzFemale(rnd)) : (male ? pickRuMale(rnd) : pickRuFemale(rnd));
    surnameKind = kazakhFirst ? 2 : 3; // 2/3: OTHER_SURNAMES, first name from the Kazakh / Russian list
    surname = pickOtherSurname(rnd);
    if (rnd.next() < 0.5) father = pickRuPatronymic(rnd);
    script = rnd.next() < 0.93 ? SCRIPT.russian : SCRIPT.passport;
  }
  return { eth, male, first, surname, surnameKind, father, patStyle, script };
}

/** The name as written: last, first, middle (or null), in the person's script. */
function writeName(p) {
  let last, first, middle = null;
  if (p.eth === ETHNIC.kazakh) {
    first = (p.male ? N.KAZAKH_MALE : N.KAZAKH_FEMALE)[p.first];
    const father = p.father >= 0 ? N.KAZAKH_MALE[p.father] : null;
    if (p.surnameKind === 1) last = N.kazakhPatronymic(father, p.male);
    else last = p.male ? N.KAZAKH_SURNAMES[p.surname] : N.femaleSurname(N.KAZAKH_SURNAMES[p.surname]);
    if (father && p.surnameKind !== 1) middle = (p.patStyle === 1 && N.russianStylePatronymic(father, p.male)) || N.kazakhPatronymic(father, p.male);
  } else {
    const kazakhFirst = p.surnameKind === 2;
    first = kazakhFirst ? (p.male ? N.KAZAKH_MALE : N.KAZAKH_FEMALE)[p.first] : (p.male ? N.RUSSIAN_MALE : N.RUSSIAN_FEMALE)[p.first];
    const s = p.eth === ETHNIC.russian ? N.RUSSIAN_SURNAMES[p.surname] : N.OTHER_SURNAMES[p.surname];
    last = p.male ? s : N.femaleSurname(s);
    if (p.father >= 0) middle = N.RUSSIAN_PATRONYMICS[p.father][p.male ? 1 : 2];
  }
  const spell = spelling(p.script);
  return { last: spell(last), first: spell(first), middle: middle && spell(middle) };
}

const spelling = (script) => (script === SCRIPT.russian ? N.russianSpelling
  : script === SCRIPT.passport ? N.passportLatin : script === SCRIPT.latin2021 ? N.latin2021 : (s) => s);

/** A typing slip in a word: two neighbours swapped, or a letter dropped or doubled. */
function typo(rnd, word) {
  if (word.length < 4) return word;
  const i = rnd.int(1, word.length - 2);
  const r = rnd.next();
  if (r < 0.4) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (r < 0.7) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}

const MOBILE = weighted([['701', 20], ['702', 10], ['705', 10], ['707', 15], ['708', 5], ['747', 8], ['700', 5], ['771', 5], ['775', 5], ['776', 5], ['777', 12], ['778', 5]]);
const EDUCATION = weighted([['general_secondary', 30], ['vocational', 25], ['higher', 25], ['basic_secondary', 8], ['incomplete_higher', 6], ['primary', 2], ['postgraduate', 1], [null, 3]]);
const EMPLOYMENT = weighted([['employed', 30], ['unemployed', 25], ['self_employed', 10], ['student', 12], ['pensioner', 8], ['homemaker', 8], ['other', 3], [null, 4]]);
const KZ_LANGS = weighted([['["kk","ru"]', 70], ['["kk"]', 20], ['["kk","ru","en"]', 10]]);
const RU_LANGS = weighted([['["ru"]', 60], ['["ru","kk"]', 35], ['["ru","en"]', 5]]);
const CONSENT_VERSIONS = [['2016-1', 2016], ['2019-2', 2019], ['2023-1', 2023]];

const START_BIRTH = dayOf('1950-01-01');
const END_BIRTH = dayOf('2010-12-31');
const YOUNG_BIRTH = dayOf('1985-01-01');
const CONSENT_FROM = dayOf('2012-01-01');
const CONSENT_TO = dayOf('2026-10-31');
const TRAINING_FROM = dayOf('2012-01-09');
const TRAINING_TO = dayOf('2026-09-30');

// ---------------------------------------------------------------- courses (the national catalogue)

const COURSES = [
  ['ict_basics', 24, 'Компьютерлік сауаттылық негіздері', 'Основы компьютерной грамотности', 'Computer literacy basics', 30],
  ['ict_basics', 16, 'Word мәтіндік редакторы', 'Текстовый редактор Word', 'Word processing', 18],
  ['ict_basics', 20, 'Excel электрондық кестелері', 'Электронные таблицы Excel', 'Spreadsheets with Excel', 15],
  ['ict_basics', 12, 'Интернет және электрондық пошта', 'Интернет и электронная почта', 'Internet and e-mail', 20],
  ['e_government', 8, 'Электрондық үкімет порталы', 'Портал электронного правительства', 'The e-government portal', 22],
  ['e_government', 6, 'Электрондық цифрлық қолтаңба', 'Электронная цифровая подпись', 'Digital signature and e-services', 10],
  ['job_search', 12, 'Жұмыс іздеу және түйіндеме', 'Поиск работы и резюме', 'Job search and CV writing', 12],
  ['job_search', 6, 'Enbek.kz порталымен жұмыс', 'Работа с порталом Enbek.kz', 'Using the Enbek.kz job portal', 8],
  ['business_planning', 32, 'Бизнес-жоспар құру', 'Составление бизнес-плана', 'Business planning', 8],
  ['business_planning', 24, 'Шағын бизнес негіздері', 'Основы малого бизнеса', 'Small business basics', 7],
  ['languages', 48, 'Ағылшын тілі: бастауыш деңгей', 'Английский язык: начальный уровень', 'English for beginners', 9],
  ['languages', 48, 'Қазақ тілі ересектерге', 'Казахский язык для взрослых', 'Kazakh for adults', 6],
  ['media_literacy', 20, 'Медиа және ақпараттық сауаттылық', 'Медиа- и информационная грамотность', 'Media and information literacy', 6],
  ['media_literacy', 8, 'Интернеттегі қауіпсіздік', 'Безопасность в интернете', 'Online safety', 8],
  ['crafts', 40, 'Киіз басу және тоқыма', 'Валяние и ткачество', 'Felt making and weaving', 3],
  ['crafts', 60, 'Тігін ісі', 'Швейное дело', 'Sewing', 4],
  ['farming', 24, 'Жылыжай шаруашылығы', 'Тепличное хозяйство', 'Greenhouse farming', 3],
  ['farming', 16, 'Мал шаруашылығы негіздері', 'Основы животноводства', 'Livestock care basics', 3],
  ['farming', 8, 'Фермерлерге субсидия алу', 'Получение субсидий фермерами', 'Applying for farm subsidies', 3],
  ['tourism', 20, 'Ауылдық туризм', 'Сельский туризм', 'Rural tourism and guest houses', 2],
  ['other', 12, 'Қаржылық сауаттылық', 'Финансовая грамотность', 'Financial literacy', 6],
  ['ict_basics', 10, 'Смартфон зейнеткерлерге', 'Смартфон для пенсионеров', 'Smartphones for pensioners', 8],
  ['ict_basics', 40, 'Бағдарламалау негіздері', 'Основы программирования', 'Programming basics', 3],
  ['e_government', 6, 'Онлайн банкинг', 'Онлайн-банкинг', 'Online banking', 6],
];

async function insertCourses(kysely, rootId, clock) {
  const at = new Date().toISOString();
  const rows = COURSES.map(([category, hours, kk, ru, en], i) => {
    const code = `BENCH-CRS-${String(i + 1).padStart(2, '0')}`;
    const values = {
      org_unit_id: rootId, code, name_kk: kk, name_ru: ru, name_en: en, description_kk: null, description_ru: null, description_en: null,
      category, planned_hours: hours, languages: '["kk","ru"]', target_groups: '[]', level: 'beginner', completion_percent: 80,
    };
    return { values, row: { ...values, id: uuidv7(), created_at: at, updated_at: at, version: clock.next(), deleted_at: null, search_key: searchKey([code, kk, ru, en]) } };
  });
  await kysely.transaction().execute(async (tx) => {
    await tx.insertInto('courses').values(rows.map((r) => r.row)).execute();
    await tx.insertInto('changes').values(rows.map(({ row }) => ({ table_name: 'courses', row_id: row.id, scope_id: rootId, version: row.version, op: 'insert', at }))).execute();
    await tx.insertInto('audit_log').values(rows.map(({ row, values }) => ({
      id: uuidv7(), at, actor_id: null, actor_username: ACTOR, action: 'create', table_name: 'courses', row_id: row.id, scope_id: rootId,
      before: null, after: JSON.stringify(values),
    }))).execute();
  });
  return rows.map(({ row }, i) => ({ id: row.id, hours: row.planned_hours, completion: row.completion_percent, weight: COURSES[i][5] }));
}

// ---------------------------------------------------------------- writers per engine

const COLUMNS = {
  learners: [['id'], ['created_at'], ['updated_at'], ['version'], ['deleted_at'], ['centre_id'], ['last_name'], ['first_name'], ['middle_name'],
    ['sex'], ['birth_date'], ['phone'], ['settlement_id'], ['languages'], ['education'], ['employment_status'], ['registered_unemployed', 'int'],
    ['target_groups'], ['iin'], ['consent_date'], ['consent_version'], ['consent_recorded_by'], ['guardian_name'], ['user_id'], ['name_key'],
    ['sort_key'], ['merged_into']],
  trainings: [['id'], ['created_at'], ['updated_at'], ['version'], ['deleted_at'], ['centre_id'], ['course_id'], ['kind'], ['place'],
    ['start_date'], ['end_date'], ['capacity', 'int'], ['language'], ['trainers'], ['volunteers'], ['note']],
  meetings: [['id'], ['created_at'], ['updated_at'], ['version'], ['deleted_at'], ['centre_id'], ['training_id'], ['date'], ['start_time'], ['hours', 'float']],
  enrolments: [['id'], ['created_at'], ['updated_at'], ['version'], ['deleted_at'], ['centre_id'], ['training_id'], ['learner_id'], ['status'],
    ['waitlist_position', 'int'], ['enrolled_on'], ['completed_on'], ['dropped_on'], ['promoted_at'], ['promotion_seen_at']],
  attendance: [['id'], ['created_at'], ['updated_at'], ['version'], ['deleted_at'], ['centre_id'], ['meeting_id'], ['enrolment_id'], ['learner_id'],
    ['present', 'int'], ['hours', 'float']],
};

/** better-sqlite3 directly, on its own connection to the same file: multi-row prepared INSERTs. */
async function sqliteWriter(kysely) {
  const { rows } = await sql`select file from pragma_database_list where name = 'main'`.execute(kysely);
  const file = rows[0]?.file;
  if (!file) throw new Error('generateLearners: an in-memory SQLite database cannot be reached from a second connection; use a file');
  const raw = new Database(file);
  raw.pragma('foreign_keys = OFF');
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -1048576'); // 1 GiB of page cache for the load and the index builds
  raw.pragma('threads = 2'); // sorter threads for CREATE INDEX
  const buffers = {};
  const statements = {};
  for (const [table, cols] of Object.entries(COLUMNS)) {
    const one = `(${cols.map(() => '?').join(',')})`;
    statements[table] = raw.prepare(`insert into ${table} (${cols.map((c) => c[0]).join(',')}) values ${Array(SQLITE_ROWS).fill(one).join(',')}`);
    statements[`${table}1`] = raw.prepare(`insert into ${table} (${cols.map((c) => c[0]).join(',')}) values ${one}`);
    buffers[table] = [];
  }
  let sinceCommit = 0;
  const flushAll = () => {
    for (const [table, cols] of Object.entries(COLUMNS)) {
      const buf = buffers[table];
      for (let i = 0; i < buf.length; i += cols.length) statements[`${table}1`].run(buf.slice(i, i + cols.length));
      buf.length = 0;
    }
  };
  return {
    engine: 'sqlite',
    async begin() { raw.exec('begin'); },
    add(table, row) {
      const buf = buffers[table];
      for (let i = 0; i < row.length; i++) buf.push(row[i]);
      if (buf.length === row.length * SQLITE_ROWS) {
        statements[table].run(buf);
        buf.length = 0;
        if ((sinceCommit += SQLITE_ROWS) >= SQLITE_COMMIT_ROWS) {
          flushAll(); // parents and children of the same moment commit together
          raw.exec('commit');
          raw.exec('begin');
          sinceCommit = 0;
        }
      }
      return null;
    },
    async commit() { flushAll(); raw.exec('commit'); },
    async rollback() { if (raw.inTransaction) raw.exec('rollback'); },
    async indexes(tables) {
      return raw.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(',')})`).all(...tables);
    },
    async exec(text) { raw.exec(text); },
    async finish() {
      raw.pragma('wal_checkpoint(TRUNCATE)');
      raw.close();
    },
  };
}

/**
 * COPY … FROM STDIN on a plain `pg` client, as a "submittable" (the interface pg-copy-streams
 * uses), so no extra package: COPY takes ~7 s per million attendance rows here, a multi-row
 * INSERT … SELECT FROM unnest(arrays) ~40 s (array literals built and parsed on both sides).
 */
class CopyIn {
  constructor(text, payload) { this.text = text; this.payload = payload; this.error = null; }
  submit(connection) { connection.query(this.text); }
  handleCopyInResponse(connection) {
    for (let i = 0; i < this.payload.length; i += 1 << 20) connection.sendCopyFromChunk(this.payload.subarray(i, i + (1 << 20)));
    connection.endCopyFrom();
  }
  handleError(error) { this.error = error; }
  handleReadyForQuery() { this.callback?.(this.error, this); }
  handleCommandComplete() {}
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

const FREE_TEXT = new Set(['last_name', 'first_name', 'middle_name', 'guardian_name', 'place', 'note', 'name_key', 'sort_key']);
/** COPY text format: \N for null, backslash escapes for the four characters that need them. */
const copyValue = (v) => (v === null || v === undefined ? '\\N' : typeof v === 'string' && /[\\\t\n\r]/.test(v)
  ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]) : String(v));

/** One PostgreSQL connection of its own (`url`): COPY batches of PG_ROWS rows, the next batch built while the last one loads. */
async function postgresWriter(url) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = (text, params) => client.query(text, params);
  const texts = {};
  const buffers = {};
  const freeText = {}; // columns that may hold a tab, newline or backslash (names as typed); the rest are ids, dates, numbers, keys
  for (const [table, cols] of Object.entries(COLUMNS)) {
    freeText[table] = cols.map((c) => FREE_TEXT.has(c[0]));
    texts[table] = `copy ${table} (${cols.map((c) => c[0]).join(',')}) from stdin`;
    buffers[table] = [];
  }
  let pending = null;
  const send = async (table) => {
    const rows = buffers[table];
    if (rows.length === 0) return;
    buffers[table] = [];
    const payload = Buffer.from(`${rows.join('\n')}\n`);
    if (pending) await pending; // one COPY at a time on the connection; this batch was built meanwhile
    const copy = new CopyIn(texts[table], payload);
    pending = new Promise((resolve, reject) => client.query(copy, (error) => (error ? reject(error) : resolve())));
    pending.catch(() => {}); // awaited by the next send or by commit
  };
  await run('set session_replication_role = replica'); // no FK triggers during the load (see header)
  await run('set synchronous_commit = off');
  return {
    engine: 'postgres',
    async begin() { await run('begin'); },
    add(table, row) {
      const free = freeText[table];
      let line = row[0];
      for (let i = 1; i < row.length; i++) {
        const v = row[i];
        line += v === null ? '\t\\N' : free[i] ? `\t${copyValue(v)}` : `\t${v}`;
      }
      const rows = buffers[table];
      rows.push(line);
      return rows.length >= PG_ROWS ? send(table) : null;
    },
    async commit() {
      for (const table of Object.keys(COLUMNS)) await send(table);
      if (pending) await pending;
      pending = null;
      await run('commit');
    },
    async rollback() { try { await pending; } catch { /* the failure being rolled back */ } await run('rollback').catch(() => {}); },
    async indexes(tables) {
      const { rows } = await run(`select indexname as name, indexdef as sql from pg_indexes where schemaname = current_schema()
        and tablename = any($1) and indexname not in (select conname from pg_constraint)`, [tables]);
      return rows;
    },
    async exec(text) { await run(text); },
    async finish() { await client.end(); },
  };
}

// ---------------------------------------------------------------- the generator

/**
 * Generate `learners` learners and trainings with exactly `attendance` attendance marks over the
 * live centres of the database (run generateNetwork first). `db` is `openDatabase(url)` (or
 * `{ kysely, engine }`); PostgreSQL also needs `url`, for the COPY connection. Answers counts and
 * timings (seconds). Refuses a database with learners.
 */
export async function generateLearners(db, { url, learners = 2_000_000, attendance = 20_000_000, seed = 2026, log = () => {}, meta = {} } = {}) {
  const kysely = db.kysely ?? db;
  const engine = db.engine ?? (await sql`select 1 from pragma_database_list`.execute(kysely).then(() => 'sqlite', () => 'postgres'));
  const t0 = performance.now();
  const rnd = prng(seed ^ 0x1ea7);
  const clock = new HybridClock();
  const newId = idFactory();

  if (await kysely.selectFrom('learners').select('id').limit(1).executeTakeFirst()) {
    throw new Error('generateLearners: this database already holds learners; use a fresh database');
  }
  const root = await kysely.selectFrom('org_units').select('id').where('code', '=', 'KZ').executeTakeFirstOrThrow();
  const centres = await kysely.selectFrom('org_units as o').innerJoin('centres as c', 'c.id', 'o.id').leftJoin('org_units as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.code', 'o.path', 'c.type', 'o.parent_id', 'p.kind as parent_kind', 'p.name_kk as parent_name'])
    .where('o.kind', '=', 'centre').where('o.deleted_at', 'is', null).orderBy('o.code').execute();
  if (centres.length === 0) throw new Error('generateLearners: no centres; run the demo and generateNetwork first');
  const courses = await insertCourses(kysely, root.id, clock);
  const pickCourse = weighted(courses.map((c) => [c, c.weight]));

  // Centre sizes: log-normal, so a few centres are big and many are small.
  const centreWeight = new Float64Array(centres.length);
  let totalWeight = 0;
  for (let c = 0; c < centres.length; c++) centreWeight[c] = totalWeight += Math.exp(0.8 * gauss(rnd));
  const pickCentre = () => {
    const r = rnd.next() * totalWeight;
    let lo = 0, hi = centres.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (centreWeight[mid] > r) hi = mid; else lo = mid + 1; }
    return lo;
  };
  const learnerCentre = new Int32Array(learners);
  for (let i = 0; i < learners; i++) learnerCentre[i] = pickCentre();

  if (engine === 'postgres' && !url) throw new Error('generateLearners: pass { url } for PostgreSQL (the loader opens its own connection for COPY)');
  const writer = engine === 'sqlite' ? await sqliteWriter(kysely) : await postgresWriter(url);
  const times = {};
  const counts = { learners, attendance: 0, trainings: 0, meetings: 0, enrolments: 0, withIin: 0, withPhone: 0, duplicates: 0, archived: 0 };
  const indexes = await writer.indexes(LEARNING_TABLES);
  try {
    for (const ix of indexes) await writer.exec(`drop index ${engine === 'postgres' ? `"${ix.name}"` : ix.name}`);
    await writer.begin();

    // ------------------------------------------------------------ learners
    let t = performance.now();
    const ids = new Array(learners);
    const persons = new Array(learners); // name facts, for re-registrations of the same person
    const birthDays = new Int32Array(learners);
    const phones = new Array(learners);
    const reliability = new Float32Array(learners);
    const lastPhoneOfCentre = new Array(centres.length).fill(null);
    const iins = new Set();
    let at = new Date().toISOString();
    for (let i = 0; i < learners; i++) {
      if ((i & 1023) === 0) at = new Date().toISOString();
      const centre = centres[learnerCentre[i]];
      let person, birth, phone = null;
      const duplicate = i > 1000 && rnd.next() < 0.015;
      if (duplicate) {
        // The same person registered again elsewhere: another spelling, maybe a slip, same birth date.
        const j = rnd.int(0, i - 1);
        const p = persons[j];
        let script = p.script;
        while (script === p.script) script = p.eth === ETHNIC.kazakh ? rnd.int(0, 3) : rnd.pick([SCRIPT.russian, SCRIPT.passport]);
        person = { ...p, script, slip: rnd.next() < 0.2, dropMiddle: rnd.next() < 0.3 };
        birth = rnd.next() < 0.95 ? birthDays[j] : birthDays[j] + rnd.int(1, 40);
        if (rnd.next() < 0.6) phone = phones[j];
        counts.duplicates++;
      } else {
        person = drawPerson(rnd);
        const r = rnd.next();
        birth = r < 0.003 ? dayOf(`${rnd.int(1950, 2010)}-01-01`)
          : r < 0.6 ? rnd.int(YOUNG_BIRTH, END_BIRTH - 365 * 2) : rnd.int(START_BIRTH, END_BIRTH);
      }
      persons[i] = person;
      birthDays[i] = birth;
      let { last, first, middle } = writeName(person);
      if (person.slip) first = typo(rnd, first);
      if (person.dropMiddle) middle = null;
      if (phone === null && rnd.next() < 0.85) {
        phone = rnd.next() < 0.02 && lastPhoneOfCentre[learnerCentre[i]]
          ? lastPhoneOfCentre[learnerCentre[i]] // a family or the centre's own phone, shared
          : `+7${MOBILE(rnd)}${String(rnd.int(0, 9_999_999)).padStart(7, '0')}`;
      }
      if (phone) { lastPhoneOfCentre[learnerCentre[i]] = phone; counts.withPhone++; }
      phones[i] = phone;
      const birthDate = isoDay(birth);
      const year = Number(birthDate.slice(0, 4));
      const sex = person.male ? 'male' : 'female';
      let iin = null;
      if (!duplicate && rnd.next() < 0.3) {
        const head = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${year >= 2000 ? (person.male ? 5 : 6) : (person.male ? 3 : 4)}`;
        for (let serial = rnd.int(0, 9999), tries = 0; tries < 10_000; serial = (serial + 1) % 10_000, tries++) {
          const first11 = head + String(serial).padStart(4, '0');
          const check = iinChecksum(first11);
          if (check === null || iins.has(first11 + check)) continue;
          iin = first11 + check;
          break;
        }
        if (iin) { iins.add(iin); counts.withIin++; }
        if (i % VERIFY_EVERY === 0 && iin) {
          const parsed = parseIin(iin);
          if (!parsed.ok || parsed.birthDate !== birthDate || parsed.sex !== sex) throw new Error(`generateLearners: bad IIN ${JSON.stringify(parsed)}`);
        }
      }
      const consentDay = rnd.int(Math.max(CONSENT_FROM, birth + 7 * 365), CONSENT_TO);
      const consentDate = isoDay(consentDay);
      const ageAtConsent = Number(consentDate.slice(0, 4)) - year - (consentDate.slice(5) < birthDate.slice(5) ? 1 : 0);
      const guardian = ageAtConsent < 18
        ? `${spelling(person.script)(person.eth === ETHNIC.kazakh ? N.KAZAKH_MALE[pickKzMale(rnd)] : N.RUSSIAN_MALE[pickRuMale(rnd)])} ${last}` : null;
      const consentVersion = CONSENT_VERSIONS.filter(([, y]) => y <= Number(consentDate.slice(0, 4))).pop()?.[0] ?? CONSENT_VERSIONS[0][0];
      const age = 2026 - year;
      const employment = age >= 63 ? 'pensioner' : age < 18 ? 'student' : EMPLOYMENT(rnd);
      const groups = [];
      if (employment === 'unemployed' && age <= 29) groups.push('unemployed_youth');
      if (!person.male && rnd.next() < 0.3) groups.push('women');
      if (age >= 63) groups.push('pensioners');
      if (rnd.next() < 0.05) groups.push(rnd.pick(['farmers', 'entrepreneurs', 'single_mothers', 'repatriates', 'disabilities', 'library_staff', 'civil_servants_teachers']));
      const settlement = centre.parent_kind && ['settlement', 'city', 'raion'].includes(centre.parent_kind) && rnd.next() < 0.8 ? centre.parent_id : null;
      const archived = rnd.next() < 0.004;
      if (archived) counts.archived++;
      const keys = nameCols(last, first, middle);
      if (i % VERIFY_EVERY === 0) {
        const service = nameColumns({ lastName: last, firstName: first, middleName: middle });
        if (service.name_key !== keys.name_key || service.sort_key !== keys.sort_key) {
          throw new Error(`generateLearners: name keys differ from the learners service for ${JSON.stringify([last, first, middle])}: ${JSON.stringify([keys, service])}`);
        }
      }
      const id = newId();
      ids[i] = id;
      reliability[i] = 0.6 + 0.38 * rnd.next();
      const p = writer.add('learners', [
        id, at, at, clock.next(), archived ? at : null, centre.id, last, first, middle, sex, birthDate, phone, settlement,
        person.eth === ETHNIC.kazakh ? KZ_LANGS(rnd) : RU_LANGS(rnd), age < 16 ? 'basic_secondary' : EDUCATION(rnd), employment,
        employment === 'unemployed' && rnd.next() < 0.4 ? 1 : 0, JSON.stringify(groups), iin, consentDate, consentVersion, ACTOR, guardian, null,
        keys.name_key, keys.sort_key, null,
      ]);
      if (p) await p;
      if ((i + 1) % Math.max(1, Math.floor(learners / 10)) === 0) log(`    learners ${i + 1} / ${learners} (${((performance.now() - t) / 1000).toFixed(0)} s)`);
    }
    times.learnersS = (performance.now() - t) / 1000;

    // ------------------------------------------------------------ trainings … attendance
    t = performance.now();
    // Learners of each centre, for enrolment (CSR arrays).
    const start = new Int32Array(centres.length + 1);
    for (let i = 0; i < learners; i++) start[learnerCentre[i] + 1]++;
    for (let c = 0; c < centres.length; c++) start[c + 1] += start[c];
    const fill = start.slice(0, centres.length);
    const pool = new Int32Array(learners);
    for (let i = 0; i < learners; i++) pool[fill[learnerCentre[i]]++] = i;

    const KIND = weighted([['training', 62], ['seminar', 22], ['consultation', 8], ['event', 8]]);
    const START_TIMES = ['09:00', '10:00', '11:00', '14:00', '15:00', '16:00', '18:00'];
    let remaining = attendance;
    let marks = 0;
    let nextLog = attendance / 10;
    while (remaining > 0) {
      at = new Date().toISOString();
      const c = learnerCentre[rnd.int(0, learners - 1)]; // a centre, by its number of learners
      const centre = centres[c];
      const course = pickCourse(rnd);
      const kind = KIND(rnd);
      const poolSize = start[c + 1] - start[c];
      let enrolled = kind === 'training' ? rnd.int(6, 20) : kind === 'seminar' ? rnd.int(8, 25) : kind === 'consultation' ? rnd.int(1, 4) : rnd.int(10, 35);
      let meetingsN = kind === 'training' ? rnd.int(4, 16) : kind === 'seminar' ? rnd.int(1, 3) : 1;
      enrolled = Math.max(1, Math.min(enrolled, poolSize + 2));
      if (enrolled * meetingsN > remaining) {
        meetingsN = Math.floor(remaining / enrolled);
        if (meetingsN === 0) { enrolled = remaining; meetingsN = 1; }
      }
      const waiting = rnd.next() < 0.03 ? rnd.int(1, 3) : 0;
      // Meetings: every 1–7 days from the first day.
      const first = rnd.int(TRAINING_FROM, TRAINING_TO);
      const meetingDays = [];
      for (let m = 0, d = first; m < meetingsN; m++, d += rnd.int(1, 7)) meetingDays.push(d);
      const meetingHours = kind === 'training' ? Math.min(6, Math.max(1, Math.round((course.hours / meetingsN) * 2) / 2))
        : kind === 'seminar' ? rnd.int(2, 6) : kind === 'consultation' ? 1 : rnd.int(2, 4);
      const scheduled = meetingHours * meetingsN;
      const trainingId = newId();
      const language = rnd.next() < 0.6 ? 'kk' : 'ru';
      let p = writer.add('trainings', [
        trainingId, at, at, clock.next(), null, centre.id, course.id, kind, centre.type === 'mobile' ? `${centre.parent_name ?? 'Ауыл'}, мәдениет үйі` : null,
        isoDay(first), isoDay(meetingDays[meetingDays.length - 1]), waiting ? enrolled : enrolled + rnd.int(0, 5), language, '[]', '[]', null,
      ]);
      if (p) await p;
      counts.trainings++;
      const meetingIds = [];
      for (const d of meetingDays) {
        const id = newId();
        meetingIds.push(id);
        p = writer.add('meetings', [id, at, at, clock.next(), null, centre.id, trainingId, isoDay(d), rnd.pick(START_TIMES), meetingHours]);
        if (p) await p;
      }
      counts.meetings += meetingsN;
      // Who: mostly the centre's own learners, a few from anywhere.
      const chosen = new Set();
      let guard = 0;
      while (chosen.size < enrolled + waiting && guard++ < (enrolled + waiting) * 20) {
        chosen.add(poolSize > 0 && rnd.next() < 0.97 ? pool[start[c] + rnd.int(0, poolSize - 1)] : rnd.int(0, learners - 1));
      }
      const people = [...chosen];
      for (let e = 0; e < people.length; e++) {
        const learner = people[e];
        const enrolmentId = newId();
        const onWaitingList = e >= enrolled;
        const enrolledOn = isoDay(first - rnd.int(0, 14));
        if (onWaitingList) {
          p = writer.add('enrolments', [enrolmentId, at, at, clock.next(), null, centre.id, trainingId, ids[learner], 'waiting', e - enrolled + 1, enrolledOn, null, null, null, null]);
          if (p) await p;
          counts.enrolments++;
          continue;
        }
        const dropAt = rnd.next() < 0.08 && meetingsN > 2 ? rnd.int(1, meetingsN - 1) : -1;
        const reliable = reliability[learner];
        let hours = 0;
        const present = new Uint8Array(meetingsN);
        for (let m = 0; m < meetingsN; m++) {
          present[m] = (dropAt < 0 || m < dropAt) && rnd.next() < reliable ? 1 : 0;
          hours += present[m] * meetingHours;
        }
        const status = dropAt >= 0 ? 'dropped' : hours * 100 >= scheduled * course.completion ? 'completed' : 'enrolled';
        p = writer.add('enrolments', [
          enrolmentId, at, at, clock.next(), null, centre.id, trainingId, ids[learner], status, null, enrolledOn,
          status === 'completed' ? isoDay(meetingDays[meetingsN - 1]) : null, status === 'dropped' ? isoDay(meetingDays[dropAt]) : null, null, null,
        ]);
        if (p) await p;
        counts.enrolments++;
        for (let m = 0; m < meetingsN; m++) {
          p = writer.add('attendance', [newId(), at, at, clock.next(), null, centre.id, meetingIds[m], enrolmentId, ids[learner], present[m], present[m] * meetingHours]);
          if (p) await p;
        }
        marks += meetingsN;
        remaining -= meetingsN;
      }
      if (marks >= nextLog) {
        log(`    attendance ${marks} / ${attendance} (${counts.trainings} trainings, ${((performance.now() - t) / 1000).toFixed(0)} s)`);
        nextLog += attendance / 10;
      }
    }
    counts.attendance = marks;
    await writer.commit();
    times.trainingsS = (performance.now() - t) / 1000;

    // ------------------------------------------------------------ indexes, statistics
    t = performance.now();
    if (engine === 'postgres') await writer.exec("set maintenance_work_mem = '1GB'");
    for (const ix of indexes) await writer.exec(ix.sql);
    times.indexesS = (performance.now() - t) / 1000;
    t = performance.now();
    if (engine === 'postgres') await writer.exec(`vacuum (analyze) ${LEARNING_TABLES.join(', ')}, courses`);
    times.analyzeS = (performance.now() - t) / 1000;
  } catch (error) {
    await writer.rollback();
    throw error;
  } finally {
    await writer.finish();
  }
  times.totalS = (performance.now() - t0) / 1000;
  const summary = { ...counts, courses: courses.length, centres: centres.length, seed, engine, times, ...meta };
  await kysely.insertInto('settings').values({ key: MARKER, value: JSON.stringify(summary) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(summary) })).execute();
  return summary;
}

/** What generateLearners wrote into this database, or null. */
export async function generatedLearners(db) {
  const kysely = db.kysely ?? db;
  const row = await kysely.selectFrom('settings').select('value').where('key', '=', MARKER).executeTakeFirst();
  return row ? JSON.parse(row.value) : null;
}

// ---------------------------------------------------------------- command line
if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({ options: {
    url: { type: 'string' }, centres: { type: 'string' }, seed: { type: 'string' }, learners: { type: 'string' }, attendance: { type: 'string' },
  } });
  if (!values.url) {
    console.error('usage: node bench/generate-learners.mjs --url=sqlite:/tmp/bench.db|postgres://… [--learners=2000000] [--attendance=20000000] [--centres=5000] [--seed=2026]');
    process.exit(2);
  }
  const { openDatabase } = await import('../dist/server/db/dialect.js');
  const { migrateToLatest } = await import('../dist/server/db/migrate.js');
  const { ensureRoot, isEmpty, loadDemo } = await import('../dist/server/demo/load.js');
  const { generateNetwork } = await import('./generate.mjs');
  const db = openDatabase(values.url);
  const ctx = { db: db.kysely, engine: db.engine, clock: new HybridClock(), actor: null, locale: 'en' };
  const seed = Number(values.seed ?? 2026);
  let t = performance.now();
  await migrateToLatest(db);
  await ensureRoot(ctx);
  if (await isEmpty(ctx)) await loadDemo(ctx, { records: false });
  const network = await generateNetwork(db, { centres: Number(values.centres ?? 5000), seed });
  console.log(`demo + ${network.centres} centres in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const made = await generateLearners(db, {
    url: values.url, learners: Number(values.learners ?? 2_000_000), attendance: Number(values.attendance ?? 20_000_000), seed, log: console.log,
  });
  console.log(JSON.stringify(made, null, 2));
  console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await db.close();
}
