// Exports on both engines: every list to CSV and XLSX with its list's filters and scope,
// spreadsheet-injection cells neutralised, each export audited without names in the entry.
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { ICT_COURSE, makeLearners, makeTraining } from './learning-fixtures.js';

const CONSENT = { date: '2026-11-02', version: 'kerege-consent-1' };

async function readXlsx(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([body]));
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

/** CSV text → rows (quoted fields with doubled quotes; no line breaks inside in these tests). */
function readCsv(text: string): string[][] {
  return text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') { cells.push(cell); cell = ''; } else cell += ch;
    }
    cells.push(cell);
    return cells;
  });
}

describe.each(ENGINES)('exports on %s', (engine) => {
  let env: TestEnv;
  let kordai: Client;
  let admin: Client;
  let trainingId: string;
  beforeAll(async () => {
    env = await testEnv(engine);
    kordai = await env.as('facilitator.kordai');
    admin = await env.as('admin');
    // Hostile names: each would run as a formula in a spreadsheet if written as it is.
    for (const [lastName, firstName] of [['=HYPERLINK("http://evil.example","x")', 'Ерлан'], ['+Сейітов', '@Айдар'], ['-Тест', 'Ерлан']]) {
      const res = await kordai.post('/api/learners', { centreId: 'CLC-KORDAI', lastName, firstName, sex: 'male', birthDate: '1990-01-01', consent: CONSENT });
      expect(res.status).toBe(201);
    }
    // A training with two learners enrolled, and a visit (the demo holds none of these yet).
    const course = await kordai.post('/api/courses', { ...ICT_COURSE, orgUnitId: 'CLC-KORDAI' });
    expect(course.status, JSON.stringify(course.body)).toBe(201);
    trainingId = (await makeTraining(kordai, course.body.id)).id;
    const learners = await makeLearners(kordai, 'CLC-KORDAI', 2, 'Экспорт');
    expect((await kordai.post(`/api/trainings/${trainingId}/enrolments`, { learnerIds: learners })).status).toBe(201);
    expect((await kordai.post('/api/visits', { centreId: 'CLC-KORDAI', date: '2026-11-03', purpose: 'internet', count: 3 })).status).toBe(201);
  });
  afterAll(() => env.close());

  const raw = (client: Client, url: string) => client.request('GET', url);
  async function download(username: string, url: string) {
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'kerege-demo-2026' } });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    return env.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': 'kk' } });
  }

  it('exports learners to CSV in Kazakh with formula-like cells neutralised, scoped and audited', async () => {
    const res = await download('facilitator.kordai', '/api/exports/learners?format=csv&centre=CLC-KORDAI');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="learners-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = readCsv(res.payload);
    expect(rows[0].slice(0, 3)).toEqual(['Орталық', 'Тегі', 'Аты']);
    const names = rows.slice(1).map((r) => [r[1], r[2]]);
    expect(names).toContainEqual(["'=HYPERLINK(\"http://evil.example\",\"x\")", 'Ерлан']);
    expect(names).toContainEqual(["'+Сейітов", "'@Айдар"]);
    expect(names).toContainEqual(["'-Тест", 'Ерлан']);
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.slice(1).every((r) => r[0] === 'CLC-KORDAI')).toBe(true);
    expect(rows[1][4]).toMatch(/^(Ер|Әйел)$/);

    const audit = await admin.get('/api/audit?action=export&limit=1');
    expect(audit.body.items[0]).toMatchObject({
      action: 'export', table: 'learners', actor: { username: 'facilitator.kordai' },
      after: { list: 'learners', format: 'csv', filters: { centre: 'CLC-KORDAI' }, rows: rows.length - 1 },
    });
  });

  it('exports to XLSX the same rows, neutralised too; a search is audited without its text', async () => {
    const res = await download('facilitator.kordai', '/api/exports/learners?format=xlsx&q=%D0%95%D1%80%D0%BB%D0%B0%D0%BD');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0][1]).toBe('Тегі');
    expect(rows.slice(1).map((r) => r[1])).toContain("'=HYPERLINK(\"http://evil.example\",\"x\")");
    const entry = (await admin.get('/api/audit?action=export&limit=1')).body.items[0];
    expect(entry.after).toMatchObject({ format: 'xlsx', filters: { q: '[search]' }, rows: rows.length - 1 });
    expect(JSON.stringify(entry)).not.toContain('Ерлан');
  });

  it('keeps to the caller\'s area and the list\'s filters; refuses an unknown format', async () => {
    const out = await download('facilitator.kordai', '/api/exports/learners?format=csv&centre=VKO-PUSHKIN-LIB');
    expect(out.statusCode).toBe(404);
    const centres = await download('regional.vko', '/api/exports/centres?format=csv');
    const rows = readCsv(centres.payload);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.slice(1).every((r) => r[3] === 'Шығыс Қазақстан облысы')).toBe(true);
    const libraries = readCsv((await download('admin', '/api/exports/centres?format=csv&type=library')).payload);
    expect(libraries.slice(1).every((r) => r[2] === 'Кітапхана')).toBe(true);
    expect((await raw(kordai, '/api/exports/learners?format=pdf')).status).toBe(400);
    expect((await raw(await env.as('employer.yba'), '/api/exports/learners')).status).toBe(403);
  });

  it.each(['trainings', 'visits', 'outcomes', 'partners'])('exports %s as XLSX and CSV', async (list) => {
    // no outcome is recorded here (the outcomes suite covers them): its export is the header row
    for (const format of ['xlsx', 'csv']) {
      const res = await download('admin', `/api/exports/${list}?format=${format}`);
      expect(res.statusCode, res.payload.slice(0, 200)).toBe(200);
      const rows = format === 'xlsx' ? await readXlsx(res.rawPayload) : readCsv(res.payload);
      expect(rows[0].length).toBeGreaterThan(3);
      expect(rows.length).toBeGreaterThan(list === 'outcomes' ? 0 : 1);
    }
  });

  it('exports the enrolments of one training', async () => {
    const res = await download('facilitator.kordai', `/api/exports/trainings/${trainingId}/enrolments?format=csv`);
    expect(res.statusCode).toBe(200);
    const rows = readCsv(res.payload);
    expect(rows[0][0]).toBe('Тыңдаушы');
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Жазылған', 'Жазылған']);
    expect((await download('regional.vko', `/api/exports/trainings/${trainingId}/enrolments?format=csv`)).statusCode).toBe(404);
  });
});
