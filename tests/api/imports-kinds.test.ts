// Importing trainings, attendance and visits through the whole stack, on both engines: each
// kind's mapping guessed from Kazakh or Russian headers, its rows read the way registers write
// them, per-row errors in the caller's language, and all or nothing — a file with a bad row
// writes nothing (the change feed and the audit trail stand still).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iinChecksum } from '../../src/domain/iin.js';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { ICT_COURSE, makeLearners, makeMeeting, makeTraining, writeCounts } from './learning-fixtures.js';

/** A valid IIN of a woman born on 12 April 1995. */
const IIN = (() => {
  for (let serial = 10; ; serial++) {
    const first11 = `9504124${String(serial).padStart(4, '0')}`;
    const check = iinChecksum(first11);
    if (check !== null) return first11 + check;
  }
})();

const csv = (rows: string[][]) => rows.map((r) => r.join(';')).join('\r\n');

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Тізім');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(ENGINES)('imports of trainings, attendance and visits on %s', (engine) => {
  let env: TestEnv;
  let kordai: Client;
  let admin: Client;
  beforeAll(async () => {
    env = await testEnv(engine);
    [kordai, admin] = await Promise.all(['facilitator.kordai', 'admin'].map((u) => env.as(u)));
    expect((await admin.post('/api/courses', ICT_COURSE)).status).toBe(201);
  });
  afterAll(() => env.close());

  const upload = (client: Client, kind: string, body: Buffer | string, extra = '') =>
    client.request('POST', `/api/imports?kind=${kind}&centre=CLC-KORDAI${extra}`, Buffer.from(body), { 'content-type': 'application/octet-stream' });
  async function waitFor(client: Client, id: string) {
    for (let i = 0; i < 400; i++) {
      const res = await client.get(`/api/imports/${id}`);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('import did not finish');
  }
  /** Upload, preview with the suggested mapping, commit, wait: the preview and the end state. */
  async function importFile(client: Client, kind: string, body: Buffer | string, extra = '') {
    const up = await upload(client, kind, body, extra);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const options = { mapping: up.body.suggested };
    const preview = (await client.post(`/api/imports/${up.body.id}/preview`, options)).body;
    expect((await client.post(`/api/imports/${up.body.id}/commit`, options)).status).toBe(202);
    return { up: up.body, preview, done: await waitFor(client, up.body.id) };
  }

  describe('visits', () => {
    const day = async (date: string) => (await kordai.get(`/api/visits/day?centre=CLC-KORDAI&date=${date}`)).body;

    it('adds up a day\'s counts per purpose into its tally, records a learner\'s visit by IIN, and a second import changes nothing', async () => {
      const learner = await kordai.post('/api/learners', {
        centreId: 'CLC-KORDAI', lastName: 'Сейітова', firstName: 'Мөлдір', sex: 'female', birthDate: '1995-04-12', iin: IIN,
        consent: { date: '2026-11-01', version: 'kerege-consent-1' },
      });
      expect(learner.status, JSON.stringify(learner.body)).toBe(201);
      const file = csv([
        ['Күні', 'Келу мақсаты', 'Саны', 'ЖСН'],
        ['02.11.2026', 'интернет', '5', ''],
        ['2026-11-02', 'Интернетке кіру', '3', ''],
        ['02.11.2026', 'Кеңес алу', '2', ''],
        ['02.11.2026', 'іс-шара', '', IIN],
        ['03.11.2026', 'читальный зал', '4', ''],
      ]);
      const { up, preview, done } = await importFile(kordai, 'visits', file);
      expect(up.suggested).toMatchObject({ date: 0, purpose: 1, count: 2, iin: 3, centre: null });
      expect(preview).toMatchObject({ total: 5, valid: 5, invalid: 0, toImport: 5, errors: [] });
      expect(done).toMatchObject({ status: 'done', created: 4 });
      expect(await day('2026-11-02')).toMatchObject({ counts: { internet: 8, consultation: 2, event: 0 }, registered: { event: 1 }, visits: 11 });
      expect((await day('2026-11-03')).counts.reading_room).toBe(4);

      const before = await writeCounts(env);
      const again = await importFile(kordai, 'visits', file);
      expect(again.done).toMatchObject({ status: 'done', created: 0 });
      expect((await day('2026-11-02')).visits).toBe(11);
      // only the import itself is audited; no record changed
      expect((await writeCounts(env)).changes).toBe(before.changes);
    });

    it('a register that differs from a day typed in before replaces its tally, and the preview says so', async () => {
      const file = csv([['Дата', 'Цель посещения', 'Количество'], ['02.11.2026', 'интернет', '10']]);
      const { preview, done } = await importFile(kordai.withLocale('ru'), 'visits', file);
      expect(preview.warnings).toEqual([expect.objectContaining({ row: 2, field: 'count', code: 'tally_replaced', message: 'Учёт этого дня был 8, по файлу станет 10.' })]);
      expect(preview.toImport).toBe(1);
      expect(done).toMatchObject({ status: 'done', created: 1 });
      expect((await day('2026-11-02')).counts.internet).toBe(10);
    });

    it('bad rows — a day to come, an unknown purpose, a count that is not a number, an unknown IIN — are all answered, and nothing is written', async () => {
      const before = await writeCounts(env);
      const file = csv([
        ['Күні', 'Келу мақсаты', 'Саны', 'ЖСН'],
        ['01.01.2030', 'интернет', '1', ''],
        ['04.11.2026', 'би', '1', ''],
        ['04.11.2026', 'интернет', 'көп', ''],
        ['04.11.2026', 'интернет', '1', '850101300019'],
        ['04.11.2026', 'интернет', '7', ''],
      ]);
      const up = await upload(kordai.withLocale('kk'), 'visits', file);
      const preview = (await kordai.withLocale('kk').post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.suggested })).body;
      expect(preview).toMatchObject({ total: 5, valid: 1, invalid: 4 });
      expect(preview.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
        [2, 'date', 'date_in_future'], [3, 'purpose', 'unknown_purpose'], [4, 'count', 'not_whole_number'], [5, 'iin', 'unknown_learner'],
      ]);
      expect(preview.errors[1].message).toContain('Келу мақсаты белгісіз');
      const done = await (async () => {
        await kordai.post(`/api/imports/${up.body.id}/commit`, { mapping: up.body.suggested });
        return waitFor(kordai, up.body.id);
      })();
      expect(done).toMatchObject({ status: 'failed', errorCount: 4 });
      expect(await writeCounts(env)).toEqual(before);
      expect((await day('2026-11-04')).visits).toBe(0);
    });
  });

  describe('trainings', () => {
    it('schedules a training per row, the course named in any language; the same file again is all duplicates', async () => {
      const file = await xlsx([
        ['Курс', 'Түрі', 'Бірінші күні', 'Соңғы күні', 'Орын саны', 'Оқыту тілі', 'Ескертпе'],
        ['Компьютерлік сауаттылық', 'тренинг', '01.12.2026', '05.12.2026', 12, 'қазақша', ''],
        ['Computer literacy', 'семинар', '2026-12-10', '2026-12-10', 30, 'орысша', 'Кітапханада'],
        ['ict-train', '', '15.12.2026', '19.12.2026', 10, '', ''],
      ]);
      const { up, preview, done } = await importFile(kordai.withLocale('kk'), 'trainings', file);
      expect(up.suggested).toMatchObject({ course: 0, kind: 1, startDate: 2, endDate: 3, capacity: 4, language: 5, note: 6, centre: null });
      expect(preview).toMatchObject({ total: 3, valid: 3, invalid: 0, duplicates: 0, toImport: 3 });
      expect(done).toMatchObject({ status: 'done', created: 3 });
      const list = (await kordai.get('/api/trainings?centre=CLC-KORDAI&from=2026-12-01&limit=50')).body.items
        .filter((t: { startDate: string }) => t.startDate >= '2026-12-01');
      expect(list.map((t: { kind: string; language: string; capacity: number; startDate: string }) => [t.startDate, t.kind, t.language, t.capacity]).sort())
        .toEqual([['2026-12-01', 'training', 'kk', 12], ['2026-12-10', 'seminar', 'ru', 30], ['2026-12-15', 'training', 'kk', 10]]);

      const again = await importFile(kordai, 'trainings', file);
      expect(again.preview).toMatchObject({ valid: 3, duplicates: 3, toImport: 0 });
      expect(again.preview.warnings.map((w: { code: string }) => w.code)).toEqual(['training_exists', 'training_exists', 'training_exists']);
      expect(again.done).toMatchObject({ status: 'done', created: 0, skipped: 3 });
    });

    it('an unknown course, an end before the start and no seats are row errors; nothing is written', async () => {
      const before = await writeCounts(env);
      const file = csv([
        ['Курс', 'Начало', 'Окончание', 'Количество мест'],
        ['Астрономия', '01.12.2026', '05.12.2026', '10'],
        ['ICT-TRAIN', '05.12.2026', '01.12.2026', '10'],
        ['ICT-TRAIN', '01.12.2026', '02.12.2026', '0'],
        ['ICT-TRAIN', '07.12.2026', '08.12.2026', '10'],
      ]);
      const up = await upload(kordai.withLocale('ru'), 'trainings', file);
      expect(up.body.suggested).toMatchObject({ course: 0, startDate: 1, endDate: 2, capacity: 3 });
      const preview = (await kordai.withLocale('ru').post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.suggested })).body;
      expect(preview.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
        [2, 'course', 'unknown_course'], [3, 'endDate', 'end_before_start'], [4, 'capacity', 'too_small'],
      ]);
      await kordai.post(`/api/imports/${up.body.id}/commit`, { mapping: up.body.suggested });
      expect(await waitFor(kordai, up.body.id)).toMatchObject({ status: 'failed', errorCount: 3 });
      expect(await writeCounts(env)).toEqual(before);
    });
    it('a training of the mobile IT-Yurt needs its place; a training twice in the file is a likely repeat', async () => {
      const file = csv([
        ['Центр', 'Курс', 'Начало', 'Окончание', 'Количество мест', 'Место проведения'],
        ['MOB-VOS-ITYURT', 'ICT-TRAIN', '02.02.2027', '03.02.2027', '10', ''],
        ['MOB-VOS-ITYURT', 'ICT-TRAIN', '09.02.2027', '10.02.2027', '10', 'Глубокое, школа №1'],
        ['CLC-KORDAI', 'ICT-TRAIN', '16.02.2027', '17.02.2027', '10', ''],
        ['CLC-KORDAI', 'ICT-TRAIN', '16.02.2027', '18.02.2027', '12', ''],
      ]);
      const up = await upload(admin.withLocale('ru'), 'trainings', file);
      const preview = (await admin.withLocale('ru').post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.suggested })).body;
      expect(preview).toMatchObject({ total: 4, valid: 3, invalid: 1, duplicates: 1, toImport: 2 });
      expect(preview.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([[2, 'place', 'place_required']]);
      expect(preview.warnings.map((w: { row: number; code: string }) => [w.row, w.code])).toEqual([[5, 'training_in_file']]);
    });
  });

  describe('attendance', () => {
    let trainingId: string;
    let people: string[];
    const sheet = async (meetingId: string) => (await kordai.get(`/api/meetings/${meetingId}/attendance`)).body;
    let first: { id: string };
    let second: { id: string };
    beforeAll(async () => {
      const course = (await kordai.get('/api/courses?q=ICT-TRAIN')).body.items[0];
      const training = await makeTraining(kordai, course.id, { capacity: 2 });
      trainingId = training.id;
      people = await makeLearners(kordai, 'CLC-KORDAI', 3, 'imp');
      await kordai.post(`/api/trainings/${trainingId}/enrolments`, { learnerIds: people }); // the third waits
      first = await makeMeeting(kordai, trainingId, { date: '2026-11-03', hours: 2 });
      second = await makeMeeting(kordai, trainingId, { date: '2026-11-04', hours: 3 });
    });

    it('marks the people on the sheet by full name (either order, any script), per meeting day, hours by the meeting', async () => {
      // makeLearners: Ахметов-imp Айгүл 1, Серікұлы-imp Ерлан 2
      const file = csv([
        ['Аты-жөні', 'Сабақ күні', 'Қатысты', 'Сағат'],
        ['Ахметов-imp Айгүл 1', '03.11.2026', '+', ''],
        ['Ерлан 2 Серікұлы-imp', '03.11.2026', 'жоқ', ''],
        ['АХМЕТОВ-IMP Айгүл 1', '04.11.2026', 'иә', '1,5'],
      ]);
      const { up, preview, done } = await importFile(kordai.withLocale('kk'), 'attendance', file, `&training=${trainingId}`);
      expect(up).toMatchObject({ kind: 'attendance', trainingId });
      expect(up.suggested).toMatchObject({ fullName: 0, date: 1, present: 2, hours: 3 });
      expect(preview).toMatchObject({ total: 3, valid: 3, invalid: 0, errors: [] });
      expect(done).toMatchObject({ status: 'done', created: 3 });
      const marks = (s: { items: { learnerId: string; mark: { present: boolean; hours: number } | null }[] }) =>
        Object.fromEntries(s.items.map((i) => [i.learnerId, i.mark && [i.mark.present, i.mark.hours]]));
      expect(marks(await sheet(first.id))).toEqual({ [people[0]]: [true, 2], [people[1]]: [false, 0] });
      expect(marks(await sheet(second.id))).toEqual({ [people[0]]: [true, 1.5], [people[1]]: null });
    });

    it('someone waiting, a day without a meeting, a mark that is neither yes nor no, too many hours: row errors, nothing written', async () => {
      const before = await writeCounts(env);
      const file = csv([
        ['ФИО', 'Дата', 'Присутствие', 'Часы'],
        ['Оспанова-imp Нұржан 3', '03.11.2026', '+', ''],
        ['Ахметов-imp Айгүл 1', '05.11.2026', '+', ''],
        ['Серікұлы-imp Ерлан 2', '04.11.2026', 'может быть', ''],
        ['Серікұлы-imp Ерлан 2', '03.11.2026', '+', '4'],
        ['Ахметов-imp Айгүл 1', '03.11.2026', '-', ''],
      ]);
      const up = await upload(kordai.withLocale('ru'), 'attendance', file, `&training=${trainingId}`);
      const preview = (await kordai.withLocale('ru').post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.suggested })).body;
      expect(preview.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
        [2, 'fullName', 'not_on_sheet'], [3, 'date', 'no_meeting'], [4, 'present', 'yes_or_no'], [5, 'hours', 'hours_above_meeting'],
      ]);
      expect(preview.errors[1].message).toContain('2026-11-05');
      await kordai.post(`/api/imports/${up.body.id}/commit`, { mapping: up.body.suggested });
      expect(await waitFor(kordai, up.body.id)).toMatchObject({ status: 'failed', errorCount: 4 });
      expect(await writeCounts(env)).toEqual(before);
    });

    it('reads a register as paper journals are kept: a column per day headed by its date, marks or hours in the cells', async () => {
      const file = await xlsx([
        ['№', 'Тегі', 'Аты', '03.11', '04.11.2026'],
        [1, 'Ахметов-imp', 'Айгүл 1', 'н', '2'],
        [2, 'Серікұлы-imp', 'Ерлан 2', '+', ''],
      ]);
      const { up, preview, done } = await importFile(kordai.withLocale('kk'), 'attendance', file, `&training=${trainingId}`);
      expect(up.suggested).toMatchObject({ lastName: 1, firstName: 2, date: null, present: null });
      expect(preview).toMatchObject({ total: 2, valid: 2, invalid: 0, mappingErrors: [] });
      // Айгүл: absent on the 3rd (was present), 2 of 3 hours on the 4th (was 1.5); Ерлан: present on the 3rd (was absent)
      expect(done).toMatchObject({ status: 'done', created: 3 });
      const marks = (s: { items: { learnerId: string; mark: { present: boolean; hours: number } | null }[] }) =>
        Object.fromEntries(s.items.map((i) => [i.learnerId, i.mark && [i.mark.present, i.mark.hours]]));
      expect(marks(await sheet(first.id))).toEqual({ [people[0]]: [false, 0], [people[1]]: [true, 2] });
      expect(marks(await sheet(second.id))).toEqual({ [people[0]]: [true, 2], [people[1]]: null });

      const bad = csv([['ФИО', '03.11.2026', '05.11.2026'], ['Ахметов-imp Айгүл 1', 'может', '+']]);
      const up2 = await upload(kordai.withLocale('ru'), 'attendance', bad, `&training=${trainingId}`);
      const checked = (await kordai.withLocale('ru').post(`/api/imports/${up2.body.id}/preview`, { mapping: up2.body.suggested })).body;
      expect(checked.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
        [2, '03.11.2026', 'yes_or_no'], [2, '05.11.2026', 'no_meeting'],
      ]);
    });

    it('an attendance upload needs a training in the caller\'s area; a file naming nobody is a mapping error', async () => {
      const noTraining = await upload(kordai, 'attendance', 'Күні;Қатысты\r\n03.11.2026;+');
      expect(noTraining.status).toBe(400);
      expect(noTraining.body.fields[0]).toMatchObject({ field: 'training' });
      const vko = await env.as('regional.vko');
      const elsewhere = await vko.request('POST', `/api/imports?kind=attendance&centre=CLC-KORDAI&training=${trainingId}`, Buffer.from('a;b\r\n1;2'), { 'content-type': 'text/csv' });
      expect(elsewhere.status).toBe(400);
      const up = await upload(kordai, 'attendance', 'Күні;Қатысты\r\n03.11.2026;+', `&training=${trainingId}`);
      const preview = (await kordai.post(`/api/imports/${up.body.id}/preview`, { mapping: up.body.suggested })).body;
      expect(preview.mappingErrors).toEqual([expect.objectContaining({ field: 'fullName', code: 'person_column_required' })]);
      // neither a mark column nor a column per day
      const names = await upload(kordai, 'attendance', 'ФИО;Примечание\r\nАхметов-imp Айгүл 1;был', `&training=${trainingId}`);
      const noMarks = (await kordai.post(`/api/imports/${names.body.id}/preview`, { mapping: names.body.suggested })).body;
      expect(noMarks.mappingErrors).toEqual([expect.objectContaining({ field: 'date', code: 'marks_columns_required' })]);
    });
  });
});
