// A person's own learning, on both engines: the learner account sees only the trainings of the
// learner record linked to it; a seat freed from the waiting list is "new" until they have seen
// it (issue 4, item 2), and nobody can mark another person's seat seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { ICT_COURSE, makeLearners, writeCounts } from './learning-fixtures.js';

describe.each(ENGINES)('my learning on %s', (engine) => {
  let env: TestEnv;
  let admin: Client;
  let learner: Client;
  let mine: string;
  let other: string;
  let trainingId: string;
  beforeAll(async () => {
    env = await testEnv(engine);
    [admin, learner] = await Promise.all(['admin', 'learner.demo'].map((u) => env.as(u)));
    const account = (await admin.get('/api/users?q=learner.demo')).body.items[0];
    const me = await admin.post('/api/learners', {
      centreId: 'MOB-VOS-ITYURT', lastName: 'Серікбаев', firstName: 'Нұрлан', sex: 'male', birthDate: '1993-06-02',
      consent: { date: '2026-11-01', version: 'kerege-consent-1' }, userId: account.id,
    });
    expect(me.status, JSON.stringify(me.body)).toBe(201);
    mine = me.body.id;
    [other] = await makeLearners(admin, 'MOB-VOS-ITYURT', 1, 'my');
    const course = (await admin.post('/api/courses', ICT_COURSE)).body;
    const training = await admin.post('/api/trainings', {
      courseId: course.id, centreId: 'MOB-VOS-ITYURT', place: 'Үрджар', kind: 'training', startDate: '2026-12-01', endDate: '2026-12-05', capacity: 1, language: 'kk',
    });
    expect(training.status, JSON.stringify(training.body)).toBe(201);
    trainingId = training.body.id;
    await admin.post(`/api/trainings/${trainingId}/enrolments`, { learnerIds: [other, mine] });
  });
  afterAll(() => env.close());

  it('shows the person their place on the waiting list, then the seat that came free, once', async () => {
    const waiting = (await learner.get('/api/my/learning')).body;
    expect(waiting).toMatchObject({ linked: true, certificates: [] });
    expect(waiting.enrolments).toEqual([expect.objectContaining({
      status: 'waiting', waitlistPosition: 1, newSeat: false, hoursAttended: 0, hoursPlanned: 0,
      training: expect.objectContaining({ id: trainingId, place: 'Үрджар', course: { kk: 'Компьютерлік сауаттылық', ru: 'Компьютерная грамотность', en: 'Computer literacy' } }),
    })]);

    const list = (await admin.get(`/api/trainings/${trainingId}/enrolments`)).body.items;
    const first = list.find((e: { learnerId: string }) => e.learnerId === other);
    expect((await admin.post(`/api/enrolments/${first.id}/drop`, { version: first.version })).status).toBe(200);

    const promoted = (await learner.get('/api/my/learning')).body.enrolments[0];
    expect(promoted).toMatchObject({ status: 'enrolled', waitlistPosition: null, newSeat: true });
    const seen = await learner.post('/api/my/learning/seen', { enrolmentIds: [promoted.id] });
    expect(seen.body).toEqual({ seen: 1 });
    expect((await learner.get('/api/my/learning')).body.enrolments[0].newSeat).toBe(false);
    // told once: a second "seen" changes nothing
    const before = await writeCounts(env);
    expect((await learner.post('/api/my/learning/seen', { enrolmentIds: [promoted.id] })).body).toEqual({ seen: 0 });
    expect(await writeCounts(env)).toEqual(before);
  });

  it('an account with no learner record sees nothing, and cannot mark another person\'s seat seen', async () => {
    const kordai = await env.as('facilitator.kordai');
    expect((await kordai.get('/api/my/learning')).body).toEqual({ linked: false, enrolments: [], certificates: [] });
    const enrolment = (await admin.get(`/api/trainings/${trainingId}/enrolments`)).body.items[0];
    const before = await writeCounts(env);
    expect((await kordai.post('/api/my/learning/seen', { enrolmentIds: [enrolment.id, 'not-an-id'] })).body).toEqual({ seen: 0 });
    expect(await writeCounts(env)).toEqual(before);
    expect((await kordai.post('/api/my/learning/seen', { enrolmentIds: [] })).status).toBe(400);
    expect((await env.anonymous().get('/api/my/learning')).status).toBe(401);
  });

  it('says in /api/auth/me whether an account has learning of its own: a learner, or staff who learn too', async () => {
    expect((await learner.get('/api/auth/me')).body.ownLearning).toBe(true);
    const staff = await env.as('manager.pushkin');
    expect((await staff.get('/api/auth/me')).body.ownLearning).toBe(false);
    const account = (await admin.get('/api/users?q=manager.pushkin')).body.items[0];
    const record = await admin.post('/api/learners', {
      centreId: 'LIB-VOS-PUSHKIN', lastName: 'Иванова', firstName: 'Мария', sex: 'female', birthDate: '1980-03-04',
      consent: { date: '2026-11-01', version: 'kerege-consent-1' }, userId: account.id,
    });
    expect(record.status, JSON.stringify(record.body)).toBe(201);
    expect((await staff.get('/api/auth/me')).body.ownLearning).toBe(true);
  });
});
