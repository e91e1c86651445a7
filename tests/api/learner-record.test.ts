// The learner's record on both engines: one learner's trainings (status, place in line, hours,
// certificates) as their home centre and a linked centre see them — a training outside the
// caller's area listed without its id, its certificates without id or code, and no one else's
// name anywhere; the links of a learner, and removing one: after it the linked centre gets
// 404 again, the home side can put it back, and a bad request writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { ICT_COURSE, makeLearners, makeMeeting, makeTraining, writeCounts, tarazFacilitator } from './learning-fixtures.js';

const CONSENT = { date: '2026-11-02', version: 'kerege-consent-1' };
const MISSING = '0190b4c0-0000-7000-8000-000000000000';
const aigul = {
  centreId: 'LIB-VOS-PUSHKIN', lastName: 'Нұрланқызы', firstName: 'Айгүл', sex: 'female', birthDate: '1988-07-21', consent: CONSENT,
};

interface Item {
  id: string; status: string; waitingPosition: number | null; hoursAttended: number; scheduledHours: number;
  training: { id: string | null; inScope: boolean; courseName: string; centreName: string; startDate: string; kind: string };
  certificates: Array<{ id: string | null; code: string | null; language: string; revoked: boolean }>;
}

describe.each(ENGINES)("the learner's record on %s", (engine) => {
  let env: TestEnv;
  let admin: Client;
  let kordai: Client;
  let pushkin: Client;
  let taraz: Client;
  let aigulId: string;
  let linkId: string;
  const trainings: Record<'pushkin' | 'kordai' | 'full', string> = { pushkin: '', kordai: '', full: '' };
  let certificate: { id: string; code: string };
  let otherName: string;

  const enrolmentsAs = async (client: Client) => {
    const res = await client.get(`/api/learners/${aigulId}/enrolments`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Item[];
  };

  beforeAll(async () => {
    env = await testEnv(engine);
    admin = await env.as('admin');
    kordai = await env.as('facilitator.kordai');
    pushkin = await env.as('manager.pushkin');
    taraz = await tarazFacilitator(env, admin);
    aigulId = (await pushkin.post('/api/learners', aigul)).body.id;
    const courseId = (await admin.post('/api/courses', { ...ICT_COURSE, code: 'ICT-RECORD' })).body.id;

    // At home (Pushkin): 2 of 2 scheduled hours, completed, a certificate in Kazakh.
    const home = await makeTraining(pushkin, courseId, { centreId: 'LIB-VOS-PUSHKIN', startDate: '2026-10-05', endDate: '2026-10-30' });
    trainings.pushkin = home.id;
    const meeting = await makeMeeting(pushkin, home.id, { date: '2026-10-06', hours: 2 });
    const [e] = (await pushkin.post(`/api/trainings/${home.id}/enrolments`, { learnerIds: [aigulId] })).body.items;
    await pushkin.put(`/api/meetings/${meeting.id}/attendance`, { version: meeting.version, marks: [{ learnerId: aigulId, present: true }] });
    const current = (await pushkin.get(`/api/trainings/${home.id}/enrolments`)).body.items[0];
    expect((await pushkin.post(`/api/enrolments/${e.id}/complete`, { version: current.version })).status).toBe(200);
    const issued = await pushkin.post(`/api/enrolments/${e.id}/certificate`, { language: 'kk' });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    certificate = issued.body;

    // Kordai links her (the person consented there), enrols her, and puts her on a waiting list.
    const match = (await kordai.get('/api/learners/matches?lastName=Nurlankyzy&firstName=Aigul&birthDate=1988-07-21')).body.items[0];
    const link = await kordai.post('/api/learners/links', { linkToken: match.linkToken, centreId: 'CLC-KORDAI', consent: CONSENT });
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    linkId = link.body.id;
    trainings.kordai = (await makeTraining(kordai, courseId)).id;
    await makeMeeting(kordai, trainings.kordai, { hours: 3 });
    expect((await kordai.post(`/api/trainings/${trainings.kordai}/enrolments`, { learnerIds: [aigulId] })).status).toBe(201);
    trainings.full = (await makeTraining(kordai, courseId, { capacity: 1, kind: 'seminar', startDate: '2026-12-01', endDate: '2026-12-05' })).id;
    const [other] = await makeLearners(kordai, 'CLC-KORDAI', 1, 'record');
    otherName = (await kordai.get(`/api/learners/${other}`)).body.lastName;
    const waiting = await kordai.post(`/api/trainings/${trainings.full}/enrolments`, { learnerIds: [other, aigulId] });
    expect(waiting.body.items.map((i: { status: string }) => i.status)).toEqual(['enrolled', 'waiting']);
  });
  afterAll(() => env.close());

  it("lists the learner's trainings for the home centre: its own in full, the linked centre's without ids", async () => {
    const items = await enrolmentsAs(pushkin);
    expect(items.map((i) => i.training.startDate)).toEqual(['2026-12-01', '2026-11-02', '2026-10-05']);
    const [full, linked, home] = items;
    expect(home).toMatchObject({
      status: 'completed', hoursAttended: 2, scheduledHours: 2,
      training: { id: trainings.pushkin, inScope: true, courseName: ICT_COURSE.name.en, kind: 'training' },
      certificates: [{ id: certificate.id, code: certificate.code, language: 'kk', revoked: false }],
    });
    expect(linked).toMatchObject({ status: 'enrolled', hoursAttended: 0, scheduledHours: 3, training: { id: null, inScope: false } });
    expect(linked.training.centreName).toMatch(/Kordai/);
    expect(full).toMatchObject({ status: 'waiting', waitingPosition: 1, training: { id: null, inScope: false, kind: 'seminar' } });
    // the other person on the full seminar is nobody's business here
    expect(JSON.stringify(items)).not.toContain(otherName);
  });

  it('shows a linked centre its own trainings in full, the home one without the certificate code', async () => {
    const items = await enrolmentsAs(kordai.withLocale('ru'));
    const home = items.find((i) => i.training.startDate === '2026-10-05')!;
    expect(home.training).toMatchObject({ id: null, inScope: false, courseName: ICT_COURSE.name.ru });
    expect(home.certificates).toEqual([{ id: null, code: null, language: 'kk', issuedOn: expect.any(String), revoked: false }]);
    expect(items.find((i) => i.training.startDate === '2026-12-01')).toMatchObject({
      waitingPosition: 1, training: { id: trainings.full, inScope: true },
    });
    expect(JSON.stringify(items)).not.toContain(certificate.code);
  });

  it('is 404 for a learner out of reach and for a malformed id', async () => {
    expect((await taraz.get(`/api/learners/${aigulId}/enrolments`)).status).toBe(404);
    expect((await taraz.get(`/api/learners/${aigulId}/links`)).status).toBe(404);
    expect((await pushkin.get(`/api/learners/${MISSING}/enrolments`)).status).toBe(404);
    expect((await pushkin.get('/api/learners/not-an-id/enrolments')).status).toBe(404);
  });

  it('shows a revoked certificate as revoked in the list', async () => {
    const revoked = await pushkin.post(`/api/certificates/${certificate.id}/revoke`, { reason: 'Issued by mistake' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const home = (await enrolmentsAs(pushkin)).find((i) => i.training.id === trainings.pushkin)!;
    expect(home.certificates[0]).toMatchObject({ id: certificate.id, revoked: true });
  });

  it("lists the learner's links to the home side and to the linked centre, to nobody else", async () => {
    const fromHome = await pushkin.get(`/api/learners/${aigulId}/links`);
    expect(fromHome.status).toBe(200);
    expect(fromHome.body.items).toHaveLength(1);
    expect(fromHome.body.items[0]).toMatchObject({ id: linkId, learnerId: aigulId, centre: { code: 'CLC-KORDAI' }, archivedAt: null });
    expect((await kordai.get(`/api/learners/${aigulId}/links`)).body.items.map((l: { id: string }) => l.id)).toEqual([linkId]);
  });

  it('refuses a stale version, a missing version and an outsider, writing nothing', async () => {
    const before = await writeCounts(env);
    const stale = await kordai.post(`/api/learners/links/${linkId}/archive`, { version: '0000000000000-0000-aaaaaaaaaaaa' });
    expect(stale.status, JSON.stringify(stale.body)).toBe(409);
    const missing = await kordai.withLocale('kk').post(`/api/learners/links/${linkId}/archive`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.fields[0]).toMatchObject({ field: 'version' });
    expect(missing.body.fields[0].message).not.toMatch(/^errors\./);
    const version = (await kordai.get(`/api/learners/${aigulId}/links`)).body.items[0].version;
    expect((await taraz.post(`/api/learners/links/${linkId}/archive`, { version })).status).toBe(404);
    expect((await kordai.post(`/api/learners/links/${MISSING}/archive`, { version })).status).toBe(404);
    expect(await writeCounts(env)).toEqual(before);
    expect((await kordai.get(`/api/learners/${aigulId}`)).status).toBe(200);
  });

  it('removes the link from the linked centre: the learner is out of its reach again, audited', async () => {
    const version = (await kordai.get(`/api/learners/${aigulId}/links`)).body.items[0].version;
    const removed = await kordai.post(`/api/learners/links/${linkId}/archive`, { version });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.archivedAt).toEqual(expect.any(String));
    expect((await kordai.get(`/api/learners/${aigulId}`)).status).toBe(404);
    expect((await kordai.get(`/api/learners/${aigulId}/enrolments`)).status).toBe(404);
    expect((await kordai.get('/api/learners?limit=200')).body.items.map((l: { id: string }) => l.id)).not.toContain(aigulId);
    const match = (await kordai.get('/api/learners/matches?lastName=Nurlankyzy&firstName=Aigul&birthDate=1988-07-21')).body.items[0];
    expect(match).toMatchObject({ id: null, inScope: false });
    expect((await pushkin.get(`/api/learners/${aigulId}/links`)).body.items).toEqual([]);
    // her enrolments at Kordai stay that centre's records
    expect((await enrolmentsAs(pushkin))).toHaveLength(3);
    const audit = await admin.get(`/api/audit?recordId=${linkId}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['archive', 'create']);
    // removing twice is a conflict, for either side (the link row stays theirs to put back)
    for (const client of [kordai, pushkin]) {
      const again = await client.post(`/api/learners/links/${linkId}/archive`, { version: removed.body.version });
      expect(again.status).toBe(409);
      expect(again.body.message).not.toMatch(/^errors\./);
    }
  });

  it('lets the home side put the link back and remove it again', async () => {
    const restored = await pushkin.post(`/api/learners/links/${linkId}/restore`, { version: await versionOf(env, linkId) });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.archivedAt).toBeNull();
    expect((await kordai.get(`/api/learners/${aigulId}`)).status).toBe(200);
    const removed = await pushkin.post(`/api/learners/links/${linkId}/archive`, { version: restored.body.version });
    expect(removed.status).toBe(200);
    expect((await kordai.get(`/api/learners/${aigulId}`)).status).toBe(404);
  });
});

/** The stored version of a link (the home side no longer lists an archived one). */
async function versionOf(env: TestEnv, id: string): Promise<string> {
  return (await env.db.kysely.selectFrom('learner_links').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
}
