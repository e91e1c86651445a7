// Follow-ups and outcomes through the whole stack, on both engines: the worklist computed from
// ended trainings (who is due, who is not), recording an outcome and its refusals, the
// network's intervals, corrections with versions, archive/restore, the seeds' two figures
// counted per person, and scope (a Kordai facilitator cannot see VKO outcomes: 404).
// Trainings and enrolments are written straight through the write door: they are the
// trainings module's records, and only their rows matter here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src/domain/followups.js';
import { isoToday } from '../../src/domain/learning.js';
import { insertRecord } from '../../src/server/db/write.js';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { register, writeCounts } from './visit-outcome-fixtures.js';

const ASKED = 'dueBefore=2026-11-23';

describe.each(ENGINES)('follow-ups and outcomes on %s', (engine) => {
  let env: TestEnv;
  let admin: Client;
  let national: Client;
  let kordai: Client;
  let pushkin: Client;
  let regional: Client;
  const L: Record<string, string> = {};
  const T: Record<string, string> = {};
  let vkoOutcome: { id: string; version: string };

  /** A training of the test course at a centre, ended on `end`, and its enrolments. */
  async function training(centreCode: string, kind: string, start: string, end: string, enrolments: Array<[string, string]>) {
    const db = env.db.kysely;
    const centre = await db.selectFrom('org_units').select('id').where('code', '=', centreCode).executeTakeFirstOrThrow();
    const course = await db.selectFrom('courses').select('id').where('code', '=', 'JOB-SEARCH').executeTakeFirstOrThrow();
    return db.transaction().execute(async (tx) => {
      const t = await insertRecord(tx, env.ctx, 'trainings', {
        centre_id: centre.id, course_id: course.id, kind, place: null, start_date: start, end_date: end, capacity: 20, language: 'kk',
        trainers: '[]', volunteers: '[]', note: null,
      }, { scopeId: centre.id });
      for (const [learnerId, status] of enrolments) {
        await insertRecord(tx, env.ctx, 'enrolments', {
          centre_id: centre.id, training_id: t.id, learner_id: learnerId, status, waitlist_position: status === 'waiting' ? 1 : null,
          enrolled_on: start, completed_on: status === 'completed' ? end : null, dropped_on: status === 'dropped' ? start : null,
          promoted_at: null, promotion_seen_at: null,
        }, { scopeId: centre.id });
      }
      return t.id;
    });
  }

  const due = async (client: Client, query = ASKED) => {
    const res = await client.get(`/api/follow-ups?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as {
      items: Array<{ learnerId: string; months: number; dueOn: string; trainingId: string }>; total: number; months: number[]; dueFrom: string; dueBefore: string;
    };
  };
  const keys = (items: Array<{ learnerId: string; dueOn: string }>) => items.map((i) => `${Object.keys(L).find((k) => L[k] === i.learnerId)}@${i.dueOn}`);

  beforeAll(async () => {
    env = await testEnv(engine);
    [admin, national, kordai, pushkin, regional] = await Promise.all(
      ['admin', 'national', 'facilitator.kordai', 'manager.pushkin', 'regional.vko'].map((u) => env.as(u)),
    );
    const course = await national.post('/api/courses', {
      code: 'JOB-SEARCH', category: 'job_search', plannedHours: 16,
      name: { kk: 'Жұмыс іздеу', ru: 'Поиск работы', en: 'Job search' },
    });
    expect(course.status).toBe(201);
    for (const [key, last, first] of [['done', 'Әлиева', 'Дана'], ['enrolled', 'Жақсыбеков', 'Ерлан'], ['dropped', 'Омарова', 'Сая'],
      ['waiting', 'Бекова', 'Айым'], ['walkin', 'Тоқтаров', 'Арман']] as const) {
      L[key] = await register(kordai, 'CLC-KORDAI', last, first);
    }
    L.vko = await register(pushkin, 'LIB-VOS-PUSHKIN', 'Петрова', 'Анна');
    T.main = await training('CLC-KORDAI', 'training', '2025-10-06', '2025-10-31',
      [[L.done, 'completed'], [L.enrolled, 'enrolled'], [L.dropped, 'dropped'], [L.waiting, 'waiting']]);
    T.event = await training('CLC-KORDAI', 'event', '2025-10-31', '2025-10-31', [[L.done, 'enrolled']]);
    T.recent = await training('CLC-KORDAI', 'seminar', '2026-08-24', '2026-08-31', [[L.done, 'completed']]);
    T.vko = await training('LIB-VOS-PUSHKIN', 'training', '2025-10-06', '2025-10-31', [[L.vko, 'completed']]);
  });
  afterAll(() => env.close());

  it('lists who is due: enrolled and completed learners of ended trainings, oldest first, in the area', async () => {
    const list = await due(kordai);
    expect(list.months).toEqual([3, 6, 12]);
    // 31 October + 3 months = 31 January; + 6 = 30 April; + 12 = 31 October. The seminar's 3 months fall on 30 November.
    expect(keys(list.items)).toEqual([ // by due date, then enrolment (Дана's was made first)
      'done@2026-01-31', 'enrolled@2026-01-31', 'done@2026-04-30', 'enrolled@2026-04-30', 'done@2026-10-31', 'enrolled@2026-10-31',
    ]);
    expect(list.total).toBe(6);
    expect(list.items[0]).toMatchObject({
      trainingId: T.main, months: 3, centre: { code: 'CLC-KORDAI' }, training: { kind: 'training', endDate: '2025-10-31', course: { name: { en: 'Job search' } } },
    });
    expect(list.items.find((i) => i.learnerId === L.done)).toMatchObject({ enrolmentStatus: 'completed', learner: { lastName: 'Әлиева', firstName: 'Дана' } });
    expect(keys((await due(kordai, 'dueBefore=2026-11-30')).items)).toContain('done@2026-11-30');
    expect((await due(kordai, 'dueBefore=2026-11-23&dueFrom=2026-02-01')).total).toBe(4);
    expect((await due(regional)).items.map((i) => i.learnerId)).toEqual([L.vko, L.vko, L.vko]);
    expect((await due(admin)).total).toBe(9);
    expect((await kordai.get(`/api/follow-ups?centre=LIB-VOS-PUSHKIN&${ASKED}`)).status).toBe(404);
    const byDefault = await due(kordai, '');
    expect([byDefault.dueBefore, byDefault.dueFrom]).toEqual([isoToday(), addMonths(isoToday(), -12)]);
  });

  it('pages the worklist with a cursor', async () => {
    const first = await kordai.get(`/api/follow-ups?${ASKED}&limit=4`);
    expect(first.body.items).toHaveLength(4);
    expect(first.body.total).toBe(6);
    const second = await kordai.get(`/api/follow-ups?${ASKED}&limit=4&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    expect(keys([...first.body.items, ...second.body.items])).toEqual(keys((await due(kordai)).items));
  });

  it('records an outcome for a follow-up, kept by the training\'s centre, and takes it off the worklist', async () => {
    const res = await kordai.post('/api/outcomes', {
      learnerId: L.done, trainingId: T.main, dueOn: '2026-01-31', recordedOn: '2026-02-03', status: 'employed',
      employer: ' ТОО «Қордай Агро» ', evidence: 'self_report',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      centre: { code: 'CLC-KORDAI' }, learnerId: L.done, learner: { lastName: 'Әлиева' }, trainingId: T.main,
      training: { endDate: '2025-10-31' }, dueOn: '2026-01-31', recordedOn: '2026-02-03', status: 'employed',
      employer: 'ТОО «Қордай Агро»', evidence: 'self_report', note: null, archivedAt: null,
    });
    const audit = await admin.get(`/api/audit?recordId=${res.body.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(keys((await due(kordai)).items)).not.toContain('done@2026-01-31');
    expect((await due(kordai)).total).toBe(5);
    // could not reach: no evidence needed
    const unreachable = await kordai.post('/api/outcomes', { learnerId: L.enrolled, trainingId: T.main, dueOn: '2026-01-31', recordedOn: '2026-02-05', status: 'unreachable' });
    expect(unreachable.status, JSON.stringify(unreachable.body)).toBe(201);
    expect((await due(kordai)).total).toBe(4);
  });

  it.each([
    ['the same follow-up twice', () => ({}), 'dueOn', 'already_recorded'],
    ['a day that is no follow-up of the training', () => ({ dueOn: '2026-02-01' }), 'dueOn', 'not_due_date'],
    ['a due date without its training', () => ({ trainingId: null }), 'trainingId', 'training_required'],
    ['a record dated in the future', () => ({ dueOn: '2026-04-30', recordedOn: '2031-01-01' }), 'recordedOn', 'date_in_future'],
    ['a record before the training ended', () => ({ dueOn: '2026-04-30', recordedOn: '2025-10-30' }), 'recordedOn', 'before_training_end'],
    ['an unknown status', () => ({ status: 'retired' }), 'status', 'invalid_value'],
    ['no evidence', () => ({ dueOn: '2026-04-30', evidence: null }), 'evidence', 'evidence_required'],
    ['a learner who dropped out', () => ({ learnerId: L.dropped }), 'learnerId', 'not_enrolled'],
    ['a learner on the waiting list', () => ({ learnerId: L.waiting, dueOn: '2026-04-30' }), 'learnerId', 'not_enrolled'],
    ['a learner outside one\'s area', () => ({ learnerId: L.vko, trainingId: null, dueOn: null }), 'learnerId', 'unknown_learner'],
    ['a training outside one\'s area', () => ({ trainingId: T.vko }), 'trainingId', 'unknown_training'],
    ['an unknown training', () => ({ trainingId: 'nope' }), 'trainingId', 'unknown_training'],
  ])('refuses %s with a field error, writing nothing', async (_, change, field, code) => {
    const before = await writeCounts(env);
    const res = await kordai.withLocale('kk').post('/api/outcomes', {
      learnerId: L.done, trainingId: T.main, dueOn: '2026-01-31', recordedOn: '2026-05-04', status: 'employed', evidence: 'employer', ...change(),
    });
    expect(res.status).toBe(400);
    expect(res.body.fields.find((f: { field: string }) => f.field === field), JSON.stringify(res.body.fields)).toMatchObject({ code });
    expect(res.body.fields.every((f: { message: string }) => f.message && !f.message.startsWith('errors.'))).toBe(true);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('records an outcome with no training, kept by the learner\'s centre', async () => {
    const res = await kordai.post('/api/outcomes', {
      learnerId: L.walkin, recordedOn: '2026-06-01', status: 'self_employed', employer: 'ЖК Тоқтаров (sewing)', evidence: 'employment_centre', note: 'Started with a microcredit',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ centre: { code: 'CLC-KORDAI' }, trainingId: null, training: null, dueOn: null, status: 'self_employed' });
    // a VKO learner enrolled in a Kordai training is followed up by Kordai although the record is VKO's
    const t = await training('CLC-KORDAI', 'training', '2025-01-06', '2025-01-31', [[L.vko, 'completed']]);
    const visiting = await kordai.post('/api/outcomes', { learnerId: L.vko, trainingId: t, dueOn: '2025-07-31', recordedOn: '2025-08-01', status: 'further_study', evidence: 'self_report' });
    expect(visiting.status, JSON.stringify(visiting.body)).toBe(201);
    expect(visiting.body.centre.code).toBe('CLC-KORDAI');
  });

  it('follows the network\'s intervals: only nationwide roles set them, audited', async () => {
    expect((await kordai.get('/api/settings/follow-ups')).body).toEqual({ months: [3, 6, 12], isDefault: true });
    expect((await kordai.put('/api/settings/follow-ups', { months: [6] })).status).toBe(403);
    expect((await regional.put('/api/settings/follow-ups', { months: [6] })).status).toBe(403);
    for (const months of [[], [0], [61], [1, 2, 3, 4, 5, 6, 7], [1.5]]) {
      expect((await national.put('/api/settings/follow-ups', { months })).status, JSON.stringify(months)).toBe(400);
    }
    const set = await national.put('/api/settings/follow-ups', { months: [12, 6, 6] });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ months: [6, 12], isDefault: false });
    const before = await writeCounts(env);
    expect((await national.put('/api/settings/follow-ups', { months: [6, 12] })).body.months).toEqual([6, 12]);
    expect(await writeCounts(env)).toEqual(before);
    const audit = await admin.get('/api/audit?table=settings');
    expect(audit.body.items[0]).toMatchObject({ action: 'update', actor: { username: 'national' }, before: { months: [3, 6, 12] }, after: { months: [6, 12] } });
    expect((await regional.get('/api/audit?table=settings')).body.items).toEqual([]);
    try {
      // the 3-month follow-ups are no longer asked for; the 6 and 12 months are (Анна's 6 months are recorded)
      const list = await due(kordai);
      expect(list.months).toEqual([6, 12]);
      expect(keys(list.items).sort()).toEqual(['done@2026-04-30', 'done@2026-10-31', 'enrolled@2026-04-30', 'enrolled@2026-10-31', 'vko@2026-01-31']);
    } finally {
      expect((await national.put('/api/settings/follow-ups', { months: [3, 6, 12] })).body.isDefault).toBe(true);
    }
  });

  it('corrects an outcome with the version read (409 when stale), re-checking the evidence rule', async () => {
    const [outcome] = (await kordai.get(`/api/outcomes?learner=${L.done}`)).body.items;
    const res = await kordai.patch(`/api/outcomes/${outcome.id}`, { version: outcome.version, status: 'improved_job', note: 'Promoted to shift lead' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'improved_job', note: 'Promoted to shift lead', employer: 'ТОО «Қордай Агро»', dueOn: '2026-01-31' });
    expect((await kordai.patch(`/api/outcomes/${outcome.id}`, { version: outcome.version, status: 'employed' })).status).toBe(409);
    const noEvidence = await kordai.patch(`/api/outcomes/${outcome.id}`, { version: res.body.version, evidence: null });
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.fields).toEqual([expect.objectContaining({ field: 'evidence', code: 'evidence_required' })]);
    const back = await kordai.patch(`/api/outcomes/${outcome.id}`, { version: res.body.version, status: 'employed' });
    expect(back.body.status).toBe('employed');
    const audit = await admin.get(`/api/audit?recordId=${outcome.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'update', 'create']);
  });

  it('archives an outcome (the follow-up is due again) and restores it unless recorded anew', async () => {
    const [outcome] = (await kordai.get(`/api/outcomes?learner=${L.done}`)).body.items;
    const archived = await kordai.post(`/api/outcomes/${outcome.id}/archive`, { version: outcome.version });
    expect(archived.status).toBe(200);
    expect(keys((await due(kordai)).items)).toContain('done@2026-01-31');
    expect((await kordai.get(`/api/outcomes?learner=${L.done}`)).body.items).toEqual([]);
    expect((await kordai.get(`/api/outcomes?learner=${L.done}&includeArchived=true`)).body.items).toHaveLength(1);
    const anew = await kordai.post('/api/outcomes', { learnerId: L.done, trainingId: T.main, dueOn: '2026-01-31', recordedOn: '2026-02-10', status: 'still_looking', evidence: 'self_report' });
    expect(anew.status).toBe(201);
    const refused = await kordai.post(`/api/outcomes/${outcome.id}/restore`, { version: archived.body.version });
    expect(refused.status).toBe(400);
    expect(refused.body.fields).toEqual([expect.objectContaining({ field: 'dueOn', code: 'already_recorded' })]);
    expect((await kordai.post(`/api/outcomes/${anew.body.id}/archive`, { version: anew.body.version })).status).toBe(200);
    expect((await kordai.post(`/api/outcomes/${outcome.id}/restore`, { version: archived.body.version })).status).toBe(200);
    expect(keys((await due(kordai)).items)).not.toContain('done@2026-01-31');
  });

  it('gives the seeds\' two figures from the records, each person once', async () => {
    // Дана employed at 3 months and again at 6; Арман self-employed; Ерлан unreachable; Анна further study
    expect((await kordai.post('/api/outcomes', {
      learnerId: L.done, trainingId: T.main, dueOn: '2026-04-30', recordedOn: '2026-05-02', status: 'employed', evidence: 'employer',
    })).status).toBe(201);
    const res = await kordai.get('/api/outcomes/summary');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: null, to: null, people: 4, foundWorkOrBusinessOrBetterJob: 2, foundJob: 1,
      byStatus: { employed: 1, self_employed: 1, improved_job: 0, further_study: 1, still_looking: 0, unreachable: 1 },
    });
    expect((await kordai.get('/api/outcomes/summary?from=2026-05-01&to=2026-12-31')).body).toMatchObject({ people: 2, foundJob: 1, foundWorkOrBusinessOrBetterJob: 2 });
    const page = await kordai.get('/api/outcomes?limit=2');
    expect(page.body.items.map((o: { recordedOn: string }) => o.recordedOn)).toEqual(['2026-06-01', '2026-05-02']);
    const rest = await kordai.get(`/api/outcomes?limit=10&cursor=${page.body.nextCursor}`);
    expect(rest.body.items.map((o: { recordedOn: string }) => o.recordedOn)).toEqual(['2026-02-05', '2026-02-03', '2025-08-01']);
  });

  it('keeps VKO outcomes out of a Kordai facilitator\'s reach: 404, like a missing id', async () => {
    const res = await pushkin.post('/api/outcomes', { learnerId: L.vko, trainingId: T.vko, dueOn: '2026-01-31', recordedOn: '2026-02-01', status: 'employed', evidence: 'employment_centre' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    vkoOutcome = res.body;
    expect((await kordai.get(`/api/outcomes/${vkoOutcome.id}`)).status).toBe(404);
    expect((await kordai.get('/api/outcomes/0190b4c0-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await kordai.patch(`/api/outcomes/${vkoOutcome.id}`, { version: vkoOutcome.version, note: 'x' })).status).toBe(404);
    expect((await kordai.post(`/api/outcomes/${vkoOutcome.id}/archive`, { version: vkoOutcome.version })).status).toBe(404);
    expect((await kordai.get('/api/outcomes?centre=LIB-VOS-PUSHKIN')).status).toBe(404);
    expect((await kordai.get('/api/outcomes/summary?centre=LIB-VOS-PUSHKIN')).status).toBe(404);
    expect((await kordai.get('/api/outcomes')).body.items.map((o: { id: string }) => o.id)).not.toContain(vkoOutcome.id);
    expect((await pushkin.get(`/api/outcomes/${vkoOutcome.id}`)).body.learner.lastName).toBe('Петрова');
    expect((await regional.get('/api/outcomes/summary')).body).toMatchObject({ people: 1, foundJob: 1 });
    expect((await admin.get('/api/outcomes/summary')).body).toMatchObject({ people: 4, foundJob: 2, foundWorkOrBusinessOrBetterJob: 3 });
    expect((await (await env.as('employer.yba')).get('/api/outcomes')).status).toBe(403);
  });
});
