// Attendance sheets through the whole stack, on both engines: a 30-person sheet saved in one
// request with every mark audited under its author, refusals that write nothing, a correction
// audited before → after, a meeting's new length carried to its marks, and two people saving
// the same sheet at once (the second gets 409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { ICT_COURSE, makeLearners, makeMeeting, makeTraining, writeCounts } from './learning-fixtures.js';

type Sheet = { meeting: { id: string; version: string; hours: number }; items: { learnerId: string; status: string; mark: { id: string; present: boolean; hours: number } | null }[]; changed?: number };

describe.each(ENGINES)('attendance on %s', (engine) => {
  let env: TestEnv;
  let kordai: Client;
  let admin: Client;
  let learners: string[];
  let trainingId: string;
  let meeting: { id: string; version: string };
  const sheet = async (id = meeting.id) => (await kordai.get(`/api/meetings/${id}/attendance`)).body as Sheet;
  beforeAll(async () => {
    env = await testEnv(engine);
    [kordai, admin] = await Promise.all(['facilitator.kordai', 'admin'].map((u) => env.as(u)));
    const course = (await admin.post('/api/courses', ICT_COURSE)).body;
    learners = await makeLearners(kordai, 'CLC-KORDAI', 32, 'att');
    const training = await makeTraining(kordai, course.id, { capacity: 30 });
    trainingId = training.id;
    const enrolled = await kordai.post(`/api/trainings/${trainingId}/enrolments`, { learnerIds: learners });
    expect(enrolled.body.items.filter((e: { status: string }) => e.status === 'waiting')).toHaveLength(2);
    meeting = await makeMeeting(kordai, trainingId, { hours: 2 });
  });
  afterAll(() => env.close());

  it('lists every enrolled learner, unmarked, in name order; not the waiting list', async () => {
    const s = await sheet();
    expect(s.meeting).toMatchObject({ id: meeting.id, version: meeting.version, hours: 2 });
    expect(s.items).toHaveLength(30);
    expect(s.items.every((r) => r.status === 'enrolled' && r.mark === null)).toBe(true);
    expect(s.items.map((r) => r.learnerId)).not.toContain(learners[31]);
  });

  it('saves a 30-person sheet in one request; every mark is in the audit trail under its author', async () => {
    const before = await writeCounts(env);
    const marks = learners.slice(0, 30).map((learnerId, i) => (i % 10 === 9 ? { learnerId, present: false } : i % 10 === 8 ? { learnerId, present: true, hours: 1.5 } : { learnerId, present: true }));
    const res = await kordai.put(`/api/meetings/${meeting.id}/attendance`, { version: meeting.version, marks });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const saved = res.body as Sheet;
    expect(saved.changed).toBe(30);
    expect(saved.meeting.version).not.toBe(meeting.version);
    const byLearner = new Map(saved.items.map((r) => [r.learnerId, r.mark]));
    expect(byLearner.get(learners[0])).toMatchObject({ present: true, hours: 2 });
    expect(byLearner.get(learners[8])).toMatchObject({ present: true, hours: 1.5 });
    expect(byLearner.get(learners[9])).toMatchObject({ present: false, hours: 0 });
    // 30 marks and the meeting's new version: one change-feed row and one audit entry each
    expect(await writeCounts(env)).toEqual({ changes: before.changes + 31, audit: before.audit + 31 });
    const audit = await env.db.kysely.selectFrom('audit_log').select(['actor_username', 'action', 'after', 'scope_id'])
      .where('table_name', '=', 'attendance').where('row_id', 'in', saved.items.map((r) => r.mark!.id)).execute();
    expect(audit).toHaveLength(30);
    expect(new Set(audit.map((a) => `${a.actor_username}:${a.action}`))).toEqual(new Set(['facilitator.kordai:create']));
    expect(JSON.parse(audit[0].after!)).toMatchObject({ meeting_id: meeting.id, present: expect.any(Number), hours: expect.any(Number) });
    meeting = saved.meeting;

    const again = await kordai.put(`/api/meetings/${meeting.id}/attendance`, { version: meeting.version, marks });
    expect(again.body.changed).toBe(0);
    expect(again.body.meeting.version).toBe(meeting.version);
    expect(await writeCounts(env)).toEqual({ changes: before.changes + 31, audit: before.audit + 31 });
  });

  it.each([
    ['someone on the waiting list', () => ({ learnerId: learners[31], present: true }), 'marks.1.learnerId', 'not_enrolled'],
    ['someone not enrolled at all', () => ({ learnerId: '0190b4c0-0000-7000-8000-000000000000', present: true }), 'marks.1.learnerId', 'not_enrolled'],
    ['more hours than the meeting', () => ({ learnerId: learners[1], present: true, hours: 2.5 }), 'marks.1.hours', 'hours_above_meeting'],
    ['hours for someone absent', () => ({ learnerId: learners[1], present: false, hours: 1 }), 'marks.1.hours', 'absent_with_hours'],
    ['the same learner twice', () => ({ learnerId: learners[0], present: true }), 'marks.1.learnerId', 'duplicate'],
  ])('refuses a mark for %s, writing nothing, not even the good marks', async (_, bad, field, code) => {
    const before = await writeCounts(env);
    const res = await kordai.withLocale('kk').put(`/api/meetings/${meeting.id}/attendance`, {
      version: meeting.version, marks: [{ learnerId: learners[0], present: false }, bad()],
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field, code })]);
    expect(res.body.fields[0].message).not.toMatch(/^errors\./);
    expect(await writeCounts(env)).toEqual(before);
    expect((await sheet()).items.find((r) => r.learnerId === learners[0])!.mark).toMatchObject({ present: true });
  });

  it('refuses a stale sheet with 409', async () => {
    const before = await writeCounts(env);
    const stale = await kordai.put(`/api/meetings/${meeting.id}/attendance`, { version: '1-0-x', marks: [{ learnerId: learners[0], present: false }] });
    expect(stale.status).toBe(409);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('audits a correction of a past mark before → after, rewriting nothing else', async () => {
    const before = await writeCounts(env);
    const res = await kordai.put(`/api/meetings/${meeting.id}/attendance`, {
      version: meeting.version, marks: [{ learnerId: learners[0], present: false }, { learnerId: learners[1], present: true }],
    });
    expect(res.status).toBe(200);
    expect(res.body.changed).toBe(1);
    expect(await writeCounts(env)).toEqual({ changes: before.changes + 2, audit: before.audit + 2 });
    const mark = (res.body as Sheet).items.find((r) => r.learnerId === learners[0])!.mark!;
    const history = await admin.get(`/api/audit?recordId=${mark.id}`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(history.body.items[0]).toMatchObject({
      actor: { username: 'facilitator.kordai' }, before: { present: true, hours: 2 }, after: { present: false, hours: 0 },
    });
    meeting = res.body.meeting;
  });

  it('lets two people save the same sheet at once: the second gets 409', async () => {
    const [a, b] = await Promise.all([
      kordai.put(`/api/meetings/${meeting.id}/attendance`, { version: meeting.version, marks: [{ learnerId: learners[2], present: false }] }),
      admin.put(`/api/meetings/${meeting.id}/attendance`, { version: meeting.version, marks: [{ learnerId: learners[3], present: false }] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const s = await sheet();
    const absent = s.items.filter((r) => r.mark && !r.mark.present).map((r) => r.learnerId);
    expect(absent.filter((id) => id === learners[2] || id === learners[3])).toHaveLength(1);
    meeting = s.meeting;
  });

  it('carries a meeting\'s new length to its marks, audited, and counts hours for completion', async () => {
    const shorter = await kordai.patch(`/api/meetings/${meeting.id}`, { version: meeting.version, hours: 1 });
    expect(shorter.status).toBe(200);
    const s = await sheet();
    const mark = (i: number) => s.items.find((r) => r.learnerId === learners[i])!.mark;
    expect(mark(5)).toMatchObject({ present: true, hours: 1 }); // the whole meeting stays whole
    expect(mark(8)).toMatchObject({ present: true, hours: 1 }); // 1.5 of 2 is cut to 1
    expect(mark(9)).toMatchObject({ present: false, hours: 0 });
    const history = await admin.get(`/api/audit?recordId=${mark(5)!.id}`);
    expect(history.body.items[0]).toMatchObject({ action: 'update', before: { hours: 2 }, after: { hours: 1 } });

    const second = await makeMeeting(kordai, trainingId, { date: '2026-11-04', hours: 3 });
    await kordai.put(`/api/meetings/${second.id}/attendance`, { version: second.version, marks: [{ learnerId: learners[5], present: true, hours: 2 }] });
    const list = (await kordai.get(`/api/trainings/${trainingId}/enrolments`)).body;
    expect(list).toMatchObject({ scheduledHours: 4, completionPercent: 80 });
    const e5 = list.items.find((e: { learnerId: string }) => e.learnerId === learners[5]);
    expect(e5).toMatchObject({ hoursAttended: 3, completion: { percent: 75, met: false } });

    // an archived meeting's hours count neither way; an archived meeting takes no sheet
    const archived = await kordai.post(`/api/meetings/${second.id}/archive`, { version: (await sheet(second.id)).meeting.version });
    const after = (await kordai.get(`/api/trainings/${trainingId}/enrolments`)).body;
    expect(after.scheduledHours).toBe(1);
    expect(after.items.find((e: { learnerId: string }) => e.learnerId === learners[5]).completion).toMatchObject({ percent: 100, met: true });
    const closed = await kordai.put(`/api/meetings/${second.id}/attendance`, { version: archived.body.version, marks: [] });
    expect(closed.status).toBe(409);
  });

  it('keeps a dropped learner\'s past mark on the sheet, correctable; the waiting list takes the seat', async () => {
    const list = (await kordai.get(`/api/trainings/${trainingId}/enrolments`)).body.items;
    const e0 = list.find((e: { learnerId: string }) => e.learnerId === learners[0]);
    const dropped = await kordai.post(`/api/enrolments/${e0.id}/drop`, { version: e0.version });
    expect(dropped.body.promoted.map((p: { learnerId: string }) => p.learnerId)).toEqual([learners[30]]);
    const s = await sheet();
    expect(s.items.find((r) => r.learnerId === learners[0])).toMatchObject({ status: 'dropped', mark: { present: false } });
    expect(s.items.find((r) => r.learnerId === learners[30])).toMatchObject({ status: 'enrolled', mark: null });
    const fix = await kordai.put(`/api/meetings/${meeting.id}/attendance`, {
      version: s.meeting.version, marks: [{ learnerId: learners[0], present: true }, { learnerId: learners[30], present: true }],
    });
    expect(fix.status).toBe(200);
    expect(fix.body.changed).toBe(2);
  });
});
