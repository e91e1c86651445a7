// Importing a learner register through the whole stack, on both engines: upload (XLSX and
// CSV, UTF-8 and Windows-1251), the suggested mapping, the preview with per-row errors in the
// caller's language, the all-or-nothing commit in the background, and every refusal of a
// file — not a spreadsheet, a million rows, a broken encoding, a formula — writing nothing.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iinChecksum } from '../../src/domain/iin.js';
import { uuidv7 } from '../../src/domain/ids.js';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';

const kk = JSON.parse(readFileSync(new URL('../../locales/kk.json', import.meta.url), 'utf8'));

function makeIin(birthDate: string, sex: 'male' | 'female', serial = 1): string {
  const [y, m, d] = birthDate.split('-');
  const century = Number(y) >= 2000 ? 5 : 3;
  for (let s = serial; ; s++) {
    const first11 = `${y.slice(2)}${m}${d}${century + (sex === 'female' ? 1 : 0)}${String(s).padStart(4, '0')}`;
    const check = iinChecksum(first11);
    if (check !== null) return first11 + check;
  }
}

const HEADER_KK = ['Тегі', 'Аты', 'Жынысы', 'Туған күні', 'Телефон', 'ЖСН', 'Келісім күні', 'Келісім нұсқасы'];
/** A register of n people, as a facilitator writes it (dates as 14.03.1995, sex as "ер"/"әйел"). */
function people(n: number, tag: string): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    const female = i % 2 === 1;
    const birth = `1990-05-${day}`;
    return [`Сапарова${tag}${i}`, female ? 'Айгүл' : 'Нұрлан', female ? 'әйел' : 'ер', `${day}.05.1990`, `8 701 ${String(1000000 + i).slice(1, 4)} ${String(i % 100).padStart(2, '0')} 1${i % 10}`,
      makeIin(birth, female ? 'female' : 'male', (tag.codePointAt(0)! % 60) * 150 + i * 3), '01.11.2026', 'kerege-consent-1'];
  });
}

const csv = (rows: string[][], delimiter = ';') => rows.map((r) => r.map((c) => (/[";,\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n');

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Тізім');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Windows-1251 bytes of a Russian text (the letters it has). */
function cp1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

describe.each(ENGINES)('imports on %s', (engine) => {
  let env: TestEnv;
  let kordai: Client;
  let admin: Client;
  beforeAll(async () => {
    env = await testEnv(engine);
    kordai = await env.as('facilitator.kordai');
    admin = await env.as('admin');
  });
  afterAll(() => env.close());

  const upload = (client: Client, body: Buffer | string, centre = 'CLC-KORDAI') =>
    client.request('POST', `/api/imports?kind=learners&centre=${centre}`, Buffer.from(body), { 'content-type': 'application/octet-stream' });
  const learnerCount = async () => Number((await env.db.kysely.selectFrom('learners').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const auditCount = async () => Number((await env.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  async function waitFor(client: Client, id: string) {
    for (let i = 0; i < 400; i++) {
      const res = await client.get(`/api/imports/${id}`);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  }

  it('imports a good XLSX register: mapping suggested from Kazakh headers, all rows written in one go, audited', async () => {
    const before = await learnerCount();
    const file = await xlsx([HEADER_KK, ...people(5, 'Х')]);
    const up = await kordai.withLocale('kk').request('POST', '/api/imports?kind=learners&centre=CLC-KORDAI', file, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ format: 'xlsx', rowCount: 5, columns: HEADER_KK });
    expect(up.body.suggested).toMatchObject({ lastName: 0, firstName: 1, sex: 2, birthDate: 3, phone: 4, iin: 5, consentDate: 6, consentVersion: 7, centre: null });
    const options = { mapping: up.body.suggested };
    const preview = await kordai.post(`/api/imports/${up.body.id}/preview`, options);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ total: 5, valid: 5, invalid: 0, toImport: 5, errors: [], mappingErrors: [] });
    expect(await learnerCount()).toBe(before);
    const started = await kordai.post(`/api/imports/${up.body.id}/commit`, options);
    expect(started.status).toBe(202);
    const done = await waitFor(kordai, up.body.id);
    expect(done).toMatchObject({ status: 'done', created: 5, skipped: 0, processed: 5, total: 5 });
    expect(await learnerCount()).toBe(before + 5);
    const list = await kordai.get('/api/learners?q=СапароваХ0');
    expect(list.body.items[0]).toMatchObject({ centre: { code: 'CLC-KORDAI' }, sex: 'male', birthDate: '1990-05-01', consent: { date: '2026-11-01', version: 'kerege-consent-1' } });
    expect(list.body.items[0].phone).toMatch(/^\+7701/);
    const audit = await admin.get('/api/audit?action=import');
    expect(audit.body.items[0]).toMatchObject({ action: 'import', table: 'learners', recordId: up.body.id, after: { created: 5, rows: 5 } });
    expect(JSON.stringify(audit.body.items[0])).not.toContain('Сапарова');
    // a second commit of the same upload is refused
    expect((await kordai.post(`/api/imports/${up.body.id}/commit`, options)).status).toBe(409);
  });

  it('a file with two bad rows answers both errors, in Kazakh, with row and column, and writes nothing', async () => {
    const rows = people(6, 'Қ');
    rows[1][3] = '31.02.1990';                // no such date (and no IIN to contradict it)
    rows[1][5] = '';
    rows[4][5] = `${rows[4][5].slice(0, 11)}${(Number(rows[4][5][11]) + 1) % 10}`; // IIN typo
    const up = await upload(kordai, csv([HEADER_KK, ...rows]));
    expect(up.body).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', rowCount: 6 });
    const before = [await learnerCount(), await auditCount()];
    const preview = await kordai.withLocale('kk').post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.suggested });
    expect(preview.body).toMatchObject({ total: 6, valid: 4, invalid: 2, toImport: 4 });
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'Туған күні', field: 'birthDate', code: 'invalid_format', message: kk.errors.field.invalid_format }),
      expect.objectContaining({ row: 6, column: 'ЖСН', field: 'iin', code: 'iin_checksum', message: kk.errors.field.iin_checksum }),
    ]);
    const started = await kordai.withLocale('kk').post(`/api/imports/${up.body.id}/commit`, { mapping: up.body.suggested });
    expect(started.status).toBe(202);
    const failed = await waitFor(kordai, up.body.id);
    expect(failed).toMatchObject({ status: 'failed', created: 0, errorCount: 2 });
    expect(failed.errors.map((e: { row: number }) => e.row)).toEqual([3, 6]);
    expect([await learnerCount(), await auditCount()]).toEqual(before);
  });

  it('reads Windows-1251 CSV with commas; consent attested by the importer when the file has none', async () => {
    const text = 'Фамилия,Имя,Пол,Дата рождения\r\nЕрмеков,Сергей,муж,1980-02-03\r\nПетрова,Ольга,жен,04.05.1985\r\n';
    const up = await upload(kordai, cp1251(text));
    expect(up.body).toMatchObject({ encoding: 'windows-1251', delimiter: ',', columns: ['Фамилия', 'Имя', 'Пол', 'Дата рождения'] });
    const missing = await kordai.post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.suggested });
    expect(missing.body.mappingErrors).toEqual([expect.objectContaining({ field: 'consent', code: 'consent_required' })]);
    const options = { mapping: up.body.suggested, consent: { date: '2026-10-01', version: 'paper-2026' } };
    expect((await kordai.post(`/api/imports/${up.body.id}/preview`, options)).body).toMatchObject({ valid: 2, invalid: 0 });
    await kordai.post(`/api/imports/${up.body.id}/commit`, options);
    expect(await waitFor(kordai, up.body.id)).toMatchObject({ status: 'done', created: 2 });
    const me = (await kordai.get('/api/auth/me')).body.user;
    const olga = (await kordai.get('/api/learners?q=Петрова')).body.items[0];
    expect(olga).toMatchObject({ firstName: 'Ольга', sex: 'female', birthDate: '1985-05-04', consent: { date: '2026-10-01', version: 'paper-2026', recordedBy: me.id } });
  });

  it('flags IINs repeated in the file or already registered, and likely duplicates (left out by default)', async () => {
    const rows = people(3, 'Д');
    rows[2] = [rows[2][0], rows[2][1], ...rows[0].slice(2)]; // same IIN (and birth date, sex) as row 2
    const up = await upload(kordai, csv([HEADER_KK, ...rows]));
    const preview = await kordai.post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.suggested });
    expect(preview.body.errors).toEqual([expect.objectContaining({ row: 4, field: 'iin', code: 'iin_in_file' })]);
    // the people imported by the first test, again, without IINs: likely duplicates
    const again = people(2, 'Х').map((r) => [...r.slice(0, 5), '', ...r.slice(6)]);
    const up2 = await upload(kordai, csv([HEADER_KK, ...again]));
    const p2 = await kordai.post(`/api/imports/${up2.body.id}/preview`, { mapping: up2.body.suggested });
    expect(p2.body).toMatchObject({ valid: 2, duplicates: 2, toImport: 0 });
    expect(p2.body.warnings[0]).toMatchObject({ row: 2, code: 'possible_duplicate' });
    const p3 = await kordai.post(`/api/imports/${up2.body.id}/preview`, { mapping: up2.body.suggested, duplicates: 'import' });
    expect(p3.body.toImport).toBe(2);
    const withIin = await upload(kordai, csv([HEADER_KK, ...people(1, 'Х')]));
    const p4 = await kordai.post(`/api/imports/${withIin.body.id}/preview`, { mapping: withIin.body.suggested });
    expect(p4.body.errors[0]).toMatchObject({ field: 'iin', code: 'iin_taken' });
  });

  it('a commit checks again when someone registered one of its people after the preview', async () => {
    const rows = people(3, 'Ж');
    const up = await upload(kordai, csv([HEADER_KK, ...rows]));
    const options = { mapping: up.body.suggested };
    expect((await kordai.post(`/api/imports/${up.body.id}/preview`, options)).body).toMatchObject({ valid: 3, toImport: 3 });
    const meanwhile = await kordai.post('/api/learners', {
      centreId: 'CLC-KORDAI', lastName: rows[1][0], firstName: rows[1][1], sex: 'female', birthDate: '1990-05-02', iin: rows[1][5],
      consent: { date: '2026-11-01', version: 'kerege-consent-1' },
    });
    expect(meanwhile.status, JSON.stringify(meanwhile.body)).toBe(201);
    const before = await learnerCount();
    await kordai.post(`/api/imports/${up.body.id}/commit`, options);
    const failed = await waitFor(kordai, up.body.id);
    // the row's own error from a fresh check, not a clash that only the write ran into
    expect(failed).toMatchObject({ status: 'failed', created: 0, errorCount: 1 });
    expect(failed.errors).toEqual([expect.objectContaining({ row: 3, field: 'iin', code: 'iin_taken' })]);
    expect(await learnerCount()).toBe(before);
  });

  it('a row that cannot be written after a right check leaves nothing written, chunks before it included', async () => {
    const rows = people(1100, 'и'); // two write chunks of the same centre
    const up = await upload(kordai, csv([HEADER_KK, ...rows]));
    const options = { mapping: up.body.suggested, duplicates: 'import' };
    expect((await kordai.post(`/api/imports/${up.body.id}/preview`, options)).body).toMatchObject({ valid: 1100, invalid: 0 });
    // the last row's IIN taken behind the change feed's back (as a bug or a restore might),
    // so the commit trusts its preview and only the write finds out
    const someone = await env.db.kysely.selectFrom('learners').selectAll().where('iin', 'is not', null).executeTakeFirstOrThrow();
    await env.db.kysely.insertInto('learners').values({ ...someone, id: uuidv7(), iin: rows[1099][5], user_id: null }).execute();
    const before = [await learnerCount(), await auditCount()];
    await kordai.post(`/api/imports/${up.body.id}/commit`, options);
    const failed = await waitFor(kordai, up.body.id);
    expect(failed).toMatchObject({ status: 'failed', created: 0, errorCount: 1 });
    expect(failed.errors[0]).toMatchObject({ field: 'file', code: 'iin_taken_meanwhile' });
    expect([await learnerCount(), await auditCount()]).toEqual(before);
  });

  it('rows of a centre outside the caller\'s area are errors; an upload for such a centre is refused', async () => {
    const header = ['Орталық', ...HEADER_KK];
    const rows = people(2, 'О').map((r, i) => [i === 0 ? 'CLC-KORDAI' : 'VKO-PUSHKIN-LIB', ...r]);
    const up = await upload(kordai, csv([header, ...rows]));
    expect(up.body.suggested.centre).toBe(0);
    const preview = await kordai.post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.suggested });
    expect(preview.body.errors).toEqual([expect.objectContaining({ row: 3, field: 'centre', column: 'Орталық', code: 'unknown_centre' })]);
    const refused = await upload(kordai, csv([HEADER_KK, ...people(1, 'О')]), 'VKO-PUSHKIN-LIB');
    expect(refused.status).toBe(400);
    expect(refused.body.fields[0]).toMatchObject({ field: 'centre', code: 'unknown_centre' });
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n\u0000\u0000', 'latin1'), 'not_spreadsheet'],
    ['a zip that is not a workbook', Buffer.from('PK\u0003\u0004garbage-that-is-no-zip-at-all', 'latin1'), 'not_spreadsheet'],
    ['plain prose', Buffer.from('Dear colleagues\nhere is the list you asked for.\nBest wishes\n'), 'not_spreadsheet'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls_old'],
    ['an empty file', Buffer.alloc(0), 'not_spreadsheet'],
    ['UTF-8 with damaged bytes', Buffer.concat([Buffer.from('Тегі;Аты;Жынысы;Туған күні\nСапарова;Ай'), Buffer.from([0xd2]), Buffer.from(';әйел;01.01.1990\n')]), 'encoding'],
    ['a CSV formula', Buffer.from('Тегі;Аты;Жынысы;Туған күні\nСапарова;=HYPERLINK("http://x");әйел;01.01.1990\n'), 'formula'],
  ])('refuses %s with a clear error, keeping nothing', async (_, body, code) => {
    const before = Number((await env.db.kysely.selectFrom('imports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const res = await upload(kordai.withLocale('kk'), body);
    expect(res.status).toBe(400);
    expect(res.body.fields[0]).toMatchObject({ field: 'file', code });
    expect(res.body.fields[0].message).toBe(code === 'formula' ? 'B2 ұяшығында формула бар. Формулаларды мәндермен ауыстырып, файлды қайта жүктеңіз.' : kk.imports.errors[code]);
    expect(Number((await env.db.kysely.selectFrom('imports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
  });

  it('refuses an XLSX formula cell, naming the cell', async () => {
    const file = await xlsx([HEADER_KK, ['Сапарова', 'Айгүл', 'әйел', { formula: 'DATE(1990,1,1)', result: new Date(Date.UTC(1990, 0, 1)) }]]);
    const res = await upload(kordai, file);
    expect(res.status).toBe(400);
    expect(res.body.fields[0]).toMatchObject({ code: 'formula' });
    expect(res.body.fields[0].message).toContain('D2');
  });

  it('reads every letter of a large XLSX with inline strings (as our exports write them), in one streamed read', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
    const sheet = writer.addWorksheet('Тізім');
    sheet.addRow(HEADER_KK).commit();
    const rows = Array.from({ length: 8000 }, (_, i) => [`Әбдірахманова-${i}`, 'Гүлжиһан', 'әйел', '01.05.1990', '', '', '01.11.2026', 'kerege-consent-1']);
    for (const r of rows) sheet.addRow(r).commit();
    sheet.commit();
    await writer.commit();
    const up = await upload(kordai, Buffer.concat(chunks));
    expect(up.status).toBe(201);
    expect(up.body.rowCount).toBe(8000);
    const stored = await env.db.kysely.selectFrom('imports').select('rows').where('id', '=', up.body.id).executeTakeFirstOrThrow();
    expect(stored.rows).not.toContain('\uFFFD');
    expect(JSON.parse(stored.rows!).map((r: string[]) => r.slice(1))).toEqual(rows);
  });

  it('refuses a 1,000,000-row file early and keeps nothing', async () => {
    const line = 'Аманов;Ержан;ер;01.01.1990\n';
    const body = Buffer.from(`Тегі;Аты;Жынысы;Туған күні\n${line.repeat(1_000_000)}`);
    const started = Date.now();
    const res = await upload(kordai, body);
    expect(res.status).toBe(400);
    expect(res.body.fields[0]).toMatchObject({ field: 'file', code: 'too_many_rows' });
    expect(res.body.fields[0].message).toContain('100000');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('someone else\'s import is not found; employers cannot import', async () => {
    const up = await upload(kordai, csv([HEADER_KK, ...people(1, 'Ж')]));
    const other = await env.as('regional.vko');
    expect((await other.get(`/api/imports/${up.body.id}`)).status).toBe(404);
    expect((await other.post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.suggested })).status).toBe(404);
    const employer = await env.as('employer.yba');
    expect((await upload(employer, csv([HEADER_KK]))).status).toBe(403);
  });
});
