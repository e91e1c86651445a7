// Trainings, meetings and enrolment through the whole stack, on both engines: scheduling and
// its refusals, the mobile centre's place, meetings inside the training's days, the waiting
// list and promotion on drop, capacity that is never exceeded, completion by the course rule,
// "my schedule", and a Kordai facilitator who cannot see a Pushkin training (404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoToday } from '../../src/domain/learning.js';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { ICT_COURSE, makeLearners, makeMeeting, makeTraining, myId, writeCounts } from './learning-fixtures.js';

const MISSING = '0190b4c0-0000-7000-8000-000000000000';
const statuses = (items: { status: string; waitingPosition: number | null }[]) => items.map((e) => `${e.status}${e.waitingPosition ?? ''}`);

describe.each(ENGINES)('trainings on %s', (engine) => {
  let env: TestEnv;
  let kordai: Client;
  let pushkin: Client;
  let regional: Client;
  let national: Client;
  let courseId: string;
  let kordaiId: string;
  let learners: string[];
  beforeAll(async () => {
    env = await testEnv(engine);
    [kordai, pushkin, regional, national] = await Promise.all(['facilitator.kordai', 'manager.pushkin', 'regional.vko', 'national'].map((u) => env.as(u)));
    const course = await national.post('/api/courses', ICT_COURSE);
    expect(course.status).toBe(201);
    courseId = course.body.id;
    kordaiId = await myId(kordai);
    learners = await makeLearners(kordai, 'CLC-KORDAI', 8, 'tr');
  });
  afterAll(() => env.close());

  it('schedules a training of a catalogue course at one\'s own centre, with its trainer', async () => {
    const res = await kordai.post('/api/trainings', {
      courseId: 'ict-train', centreId: 'CLC-KORDAI', kind: 'seminar', startDate: '2026-11-02', endDate: '2026-11-27',
      capacity: 12, language: 'kk', trainerIds: [kordaiId], note: ' Кітапхана залы ',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      centre: { code: 'CLC-KORDAI', type: 'clc' }, course: { id: courseId, code: 'ICT-TRAIN', completionPercent: 80, plannedHours: 24 },
      kind: 'seminar', place: null, capacity: 12, language: 'kk', note: 'Кітапхана залы', volunteers: [],
      trainers: [{ id: kordaiId, displayName: 'Мәдина Жұмабекова' }],
      counts: { enrolled: 0, completed: 0, waiting: 0, dropped: 0 }, seatsLeft: 12, meetingCount: 0, scheduledHours: 0, meetings: [], archivedAt: null,
    });
    const audit = await national.get(`/api/audit?recordId=${res.body.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it.each([
    ['a course of another centre', async () => ({ courseId: (await pushkin.post('/api/courses', { ...ICT_COURSE, code: 'PUSH-OWN' })).body.id }), 'courseId', 'unknown_course'],
    ['an unknown course', async () => ({ courseId: MISSING }), 'courseId', 'unknown_course'],
    ['a centre outside one\'s area', async () => ({ centreId: 'LIB-VOS-PUSHKIN' }), 'centreId', 'unknown_centre'],
    ['a trainer from another centre', async () => ({ trainerIds: [await myId(pushkin)] }), 'trainerIds.0', 'not_centre_staff'],
    ['a volunteer who is not an account', async () => ({ volunteerIds: ['nobody'] }), 'volunteerIds.0', 'not_centre_staff'],
    ['an end before the start', async () => ({ endDate: '2026-11-01' }), 'endDate', 'end_before_start'],
    ['no seats', async () => ({ capacity: 0 }), 'capacity', 'too_small'],
    ['501 seats', async () => ({ capacity: 501 }), 'capacity', 'too_big'],
    ['an unknown kind', async () => ({ kind: 'party' }), 'kind', 'invalid_value'],
  ])('refuses %s, writing nothing', async (_, change, field, code) => {
    const extra = await change();
    const before = await writeCounts(env);
    const res = await kordai.withLocale('kk').post('/api/trainings', {
      courseId, centreId: 'CLC-KORDAI', startDate: '2026-11-02', endDate: '2026-11-27', capacity: 10, language: 'kk', ...extra,
    });
    expect(res.status).toBe(400);
    expect(res.body.fields, JSON.stringify(res.body)).toContainEqual(expect.objectContaining({ field, code }));
    expect(res.body.fields.every((f: { message: string }) => f.message && !f.message.startsWith('errors.'))).toBe(true);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('asks the mobile IT-Yurt where it is held', async () => {
    const body = { courseId, centreId: 'MOB-VOS-ITYURT', startDate: '2026-11-02', endDate: '2026-11-06', capacity: 15, language: 'ru' };
    const missing = await regional.post('/api/trainings', body);
    expect(missing.body.fields).toEqual([expect.objectContaining({ field: 'place', code: 'place_required' })]);
    const ok = await regional.post('/api/trainings', { ...body, place: 'Глубокое, сельский клуб' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ place: 'Глубокое, сельский клуб', centre: { type: 'mobile' } });
    const cleared = await regional.patch(`/api/trainings/${ok.body.id}`, { version: ok.body.version, place: null });
    expect(cleared.body.fields).toEqual([expect.objectContaining({ field: 'place', code: 'place_required' })]);
  });

  it('keeps meetings inside the training\'s days, and the days around its meetings', async () => {
    const training = await makeTraining(kordai, courseId);
    const before = await writeCounts(env);
    for (const date of ['2026-11-01', '2026-11-28']) {
      const outside = await kordai.post(`/api/trainings/${training.id}/meetings`, { date, startTime: '10:00', hours: 2 });
      expect(outside.status).toBe(400);
      expect(outside.body.fields).toEqual([expect.objectContaining({ field: 'date', code: 'outside_training', message: expect.stringContaining('2026-11-02') })]);
    }
    const bad = await kordai.post(`/api/trainings/${training.id}/meetings`, { date: '2026-11-03', startTime: '9:00', hours: 13 });
    expect(bad.body.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`).sort()).toEqual(['hours:too_big', 'startTime:time_format']);
    expect(await writeCounts(env)).toEqual(before);

    const first = await makeMeeting(kordai, training.id, { date: '2026-11-27', hours: 3 });
    await makeMeeting(kordai, training.id, { date: '2026-11-03', startTime: '14:30', hours: 1.5 });
    const detail = (await kordai.get(`/api/trainings/${training.id}`)).body;
    expect(detail).toMatchObject({ meetingCount: 2, scheduledHours: 4.5 });
    expect(detail.meetings.map((m: { date: string; startTime: string }) => `${m.date} ${m.startTime}`)).toEqual(['2026-11-03 14:30', '2026-11-27 10:00']);

    const shrink = await kordai.patch(`/api/trainings/${training.id}`, { version: detail.version, endDate: '2026-11-20' });
    expect(shrink.body.fields).toEqual([expect.objectContaining({ field: 'endDate', code: 'meetings_outside' })]);
    const moved = await kordai.patch(`/api/meetings/${first.id}`, { version: first.version, date: '2026-11-20' });
    expect(moved.status).toBe(200);
    const shrunk = await kordai.patch(`/api/trainings/${training.id}`, { version: detail.version, endDate: '2026-11-20' });
    expect(shrunk.status).toBe(200);
    expect(shrunk.body.endDate).toBe('2026-11-20');

    const archived = await kordai.post(`/api/meetings/${first.id}/archive`, { version: moved.body.version });
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await kordai.get(`/api/trainings/${training.id}`)).body).toMatchObject({ meetingCount: 1, scheduledHours: 1.5 });
    const restored = await kordai.post(`/api/meetings/${first.id}/restore`, { version: archived.body.version });
    expect(restored.body.archivedAt).toBeNull();
    expect((await kordai.patch(`/api/meetings/${first.id}`, { version: first.version, hours: 1 })).status).toBe(409);
  });

  it('lists by start date with filters, pages, and shows trainers their own schedule', async () => {
    const other = await makeTraining(kordai, courseId, { startDate: '2027-02-01', endDate: '2027-02-10' });
    const all = (await kordai.get('/api/trainings?centre=CLC-KORDAI&limit=200')).body.items;
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.map((t: { startDate: string }) => t.startDate)).toEqual([...all.map((t: { startDate: string }) => t.startDate)].sort());
    expect((await kordai.get('/api/trainings?from=2027-01-01')).body.items.map((t: { id: string }) => t.id)).toEqual([other.id]);
    expect((await kordai.get('/api/trainings?to=2026-12-31')).body.items.map((t: { id: string }) => t.id)).not.toContain(other.id);
    const mine = (await kordai.get('/api/trainings?mine=true')).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0].trainers[0].id).toBe(kordaiId);
    expect((await national.get('/api/trainings?mine=true')).body.items).toEqual([]);
    expect((await kordai.get(`/api/trainings?course=${courseId}&limit=200`)).body.items).toHaveLength(all.length);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } =
        await kordai.get(`/api/trainings?centre=CLC-KORDAI&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((t) => t.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((t: { id: string }) => t.id));
  });

  it('fills the seats in order, then the waiting list; a freed seat goes to the first waiting', async () => {
    const training = await makeTraining(kordai, courseId, { capacity: 2 });
    const res = await kordai.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: learners.slice(0, 5) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(statuses(res.body.items)).toEqual(['enrolled', 'enrolled', 'waiting1', 'waiting2', 'waiting3']);
    expect((await kordai.get(`/api/trainings/${training.id}`)).body).toMatchObject({ counts: { enrolled: 2, waiting: 3 }, seatsLeft: 0 });

    const [first, , w1, w2] = res.body.items;
    const dropped = await kordai.post(`/api/enrolments/${first.id}/drop`, { version: first.version });
    expect(dropped.status).toBe(200);
    expect(dropped.body.enrolment).toMatchObject({ status: 'dropped', waitingPosition: null });
    expect(dropped.body.enrolment.droppedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dropped.body.promoted).toEqual([expect.objectContaining({ id: w1.id, status: 'enrolled', promotionSeenAt: null })]);
    expect(dropped.body.promoted[0].promotedAt).not.toBeNull();

    const leave = await kordai.post(`/api/enrolments/${w2.id}/drop`, { version: w2.version });
    expect(leave.body.promoted).toEqual([]);
    const list = (await kordai.get(`/api/trainings/${training.id}/enrolments`)).body;
    expect(statuses(list.items)).toEqual(['enrolled', 'enrolled', 'waiting1', 'dropped', 'dropped']);
    expect(list.items[2].learnerId).toBe(learners[4]);
    expect((await kordai.post(`/api/enrolments/${w2.id}/drop`, { version: leave.body.enrolment.version })).body.fields)
      .toEqual([expect.objectContaining({ field: 'status', code: 'wrong_status' })]);

    // more seats go to the waiting list at once; fewer than those holding one is refused
    const current = (await kordai.get(`/api/trainings/${training.id}`)).body;
    const fewer = await kordai.patch(`/api/trainings/${training.id}`, { version: current.version, capacity: 1 });
    expect(fewer.body.fields).toEqual([expect.objectContaining({ field: 'capacity', code: 'below_occupied', message: expect.stringContaining('2') })]);
    const more = await kordai.patch(`/api/trainings/${training.id}`, { version: current.version, capacity: 4 });
    expect(more.body).toMatchObject({ capacity: 4, counts: { enrolled: 3, waiting: 0, dropped: 2 }, seatsLeft: 1 });

    // a learner who dropped out comes back on the same record
    const back = await kordai.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [learners[0]] });
    expect(back.body.items).toEqual([expect.objectContaining({ id: first.id, status: 'enrolled', droppedOn: null })]);
  });

  it('refuses a learner twice, out of scope or unknown, all in one answer, writing nothing', async () => {
    const training = await makeTraining(kordai, courseId, { capacity: 3 });
    await kordai.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [learners[0]] });
    const [elsewhere] = await makeLearners(pushkin, 'LIB-VOS-PUSHKIN', 1, 'vko');
    const before = await writeCounts(env);
    const res = await kordai.withLocale('ru').post(`/api/trainings/${training.id}/enrolments`, {
      learnerIds: [learners[1], learners[0], elsewhere, learners[1], 'x', MISSING],
    });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual([
      'learnerIds.1:already_enrolled', 'learnerIds.2:unknown_learner', 'learnerIds.3:duplicate', 'learnerIds.4:unknown_learner', 'learnerIds.5:unknown_learner',
    ]);
    expect(res.body.fields[0].message).toMatch(/записан/);
    expect(await writeCounts(env)).toEqual(before);
    expect((await kordai.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [] })).status).toBe(400);
  });

  it('never gives one seat twice, even to requests that arrive together', async () => {
    const training = await makeTraining(kordai, courseId, { capacity: 1 });
    const results = await Promise.all(learners.slice(5, 8).map((id) => kordai.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [id] })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const list = (await kordai.get(`/api/trainings/${training.id}/enrolments`)).body.items;
    expect(statuses(list).sort()).toEqual(['enrolled', 'waiting1', 'waiting2']);
  });

  it('confirms completion only when the course rule is met', async () => {
    const training = await makeTraining(kordai, courseId, { capacity: 5 });
    const m1 = await makeMeeting(kordai, training.id, { date: '2026-11-03', hours: 4 });
    await makeMeeting(kordai, training.id, { date: '2026-11-04', hours: 1 });
    const [e] = (await kordai.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [learners[2]] })).body.items;
    const early = await kordai.withLocale('kk').post(`/api/enrolments/${e.id}/complete`, { version: e.version });
    expect(early.body.fields).toEqual([expect.objectContaining({ field: 'hoursAttended', code: 'completion_rule_not_met', message: expect.stringContaining('80') })]);
    await kordai.put(`/api/meetings/${m1.id}/attendance`, { version: m1.version, marks: [{ learnerId: learners[2], present: true }] });
    const [ready] = (await kordai.get(`/api/trainings/${training.id}/enrolments`)).body.items;
    expect(ready).toMatchObject({ hoursAttended: 4, completion: { percent: 80, requiredPercent: 80, met: true } });
    const done = await kordai.post(`/api/enrolments/${e.id}/complete`, { version: ready.version });
    expect(done.status).toBe(200);
    // dated the day it is confirmed, or the training's last day when that came first
    expect(done.body).toMatchObject({ status: 'completed', completedOn: [isoToday(), '2026-11-27'].sort()[0] });
    expect((await kordai.get(`/api/trainings/${training.id}`)).body).toMatchObject({ counts: { completed: 1, enrolled: 0 }, seatsLeft: 4 });
    expect((await kordai.post(`/api/enrolments/${e.id}/drop`, { version: done.body.version })).body.fields)
      .toEqual([expect.objectContaining({ code: 'wrong_status' })]);
  });

  it('archives and restores a training; an archived one takes no enrolments or meetings', async () => {
    const training = await makeTraining(kordai, courseId);
    const archived = await kordai.post(`/api/trainings/${training.id}/archive`, { version: training.version });
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await kordai.get('/api/trainings?limit=200')).body.items.map((t: { id: string }) => t.id)).not.toContain(training.id);
    expect((await kordai.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [learners[3]] })).status).toBe(409);
    expect((await kordai.post(`/api/trainings/${training.id}/meetings`, { date: '2026-11-03', startTime: '10:00', hours: 2 })).status).toBe(409);
    const restored = await kordai.post(`/api/trainings/${training.id}/restore`, { version: archived.body.version });
    expect(restored.body.archivedAt).toBeNull();
  });

  it('offers as trainers the staff of the centre and above it, by name; nobody from elsewhere', async () => {
    const res = await kordai.get('/api/trainings/staff?centre=CLC-KORDAI');
    expect(res.status).toBe(200);
    const usernames = await Promise.all(res.body.items.map(async (s: { id: string }) => (await env.as('admin')).get(`/api/users/${s.id}`)));
    const names = usernames.map((u) => u.body.username);
    expect(names).toEqual(expect.arrayContaining(['facilitator.kordai', 'national', 'admin']));
    expect(names).not.toContain('manager.pushkin');
    expect(names).not.toContain('regional.vko');
    expect(names).not.toContain('employer.yba');
    expect(res.body.items[0]).toEqual({ id: expect.any(String), displayName: expect.any(String), role: expect.any(String) });
    const found = await kordai.get(`/api/trainings/staff?centre=CLC-KORDAI&q=${encodeURIComponent('facilitator.kordai')}`);
    expect(found.body.items).toHaveLength(1);
    expect((await kordai.get('/api/trainings/staff?centre=LIB-VOS-PUSHKIN')).status).toBe(404);
    expect((await national.get('/api/trainings/staff?centre=KZ-VOS')).body.fields).toEqual([expect.objectContaining({ field: 'centre', code: 'unknown_centre' })]);
  });

  it('hides a Pushkin training from a Kordai facilitator: 404 everywhere, like a missing id', async () => {
    const training = await makeTraining(pushkin, courseId, { centreId: 'LIB-VOS-PUSHKIN' });
    const meeting = await makeMeeting(pushkin, training.id);
    const missing = await kordai.get(`/api/trainings/${MISSING}`);
    const hidden = await kordai.get(`/api/trainings/${training.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    const attempts = [
      kordai.patch(`/api/trainings/${training.id}`, { version: training.version, capacity: 3 }),
      kordai.post(`/api/trainings/${training.id}/archive`, { version: training.version }),
      kordai.post(`/api/trainings/${training.id}/meetings`, { date: '2026-11-04', startTime: '10:00', hours: 2 }),
      kordai.get(`/api/trainings/${training.id}/enrolments`),
      kordai.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [learners[0]] }),
      kordai.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, hours: 1 }),
      kordai.get(`/api/meetings/${meeting.id}/attendance`),
      kordai.put(`/api/meetings/${meeting.id}/attendance`, { version: meeting.version, marks: [] }),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    expect((await kordai.get('/api/trainings?limit=200')).body.items.map((t: { id: string }) => t.id)).not.toContain(training.id);
    expect((await kordai.get('/api/trainings?centre=LIB-VOS-PUSHKIN')).status).toBe(404);
    expect((await regional.get(`/api/trainings/${training.id}`)).status).toBe(200);
  });
});
