// Linking a person registered at another centre, on both engines: the duplicate check hands a
// facilitator outside the person's area a sealed token (and nothing personal); the token is
// refused when altered, someone else's, expired or used twice; consent is checked again; once
// linked, the learner is in scope for the linked centre (list, page, enrolment, visits) and
// for nobody new elsewhere; the home centre does not change; the link is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkKey, sealLinkToken, nowSeconds } from '../../src/server/modules/learners/links.js';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { ICT_COURSE, makeTraining, myId, writeCounts, tarazFacilitator } from './learning-fixtures.js';

const CONSENT = { date: '2026-11-02', version: 'kerege-consent-1' };
const aigul = {
  centreId: 'LIB-VOS-PUSHKIN', lastName: 'Нұрланқызы', firstName: 'Айгүл', sex: 'female', birthDate: '1988-07-21',
  phone: '+7 777 555 44 33', consent: CONSENT,
};
const typed = `lastName=Nurlankyzy&firstName=Aigul&birthDate=1988-07-21`;

describe.each(ENGINES)('linking learners on %s', (engine) => {
  let env: TestEnv;
  let admin: Client;
  let kordai: Client;
  let taraz: Client;
  let pushkin: Client;
  let aigulId: string;
  let token: string;

  const tokenFor = async (client: Client) => {
    const res = await client.get(`/api/learners/matches?${typed}`);
    expect(res.status).toBe(200);
    return res.body.items[0] as { id: string | null; inScope: boolean; linkToken?: string };
  };
  const link = (client: Client, body: Record<string, unknown>) =>
    client.post('/api/learners/links', { centreId: 'CLC-KORDAI', consent: CONSENT, ...body });

  beforeAll(async () => {
    env = await testEnv(engine);
    admin = await env.as('admin');
    kordai = await env.as('facilitator.kordai');
    pushkin = await env.as('manager.pushkin');
    taraz = await tarazFacilitator(env, admin);
    const res = await pushkin.post('/api/learners', aigul);
    expect(res.status).toBe(201);
    aigulId = res.body.id;
  });
  afterAll(() => env.close());

  it('gives a facilitator outside the area an opaque token, never the id or a name', async () => {
    const match = await tokenFor(kordai);
    expect(match).toMatchObject({ id: null, inScope: false });
    token = match.linkToken!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(token).not.toContain(aigulId.replace(/-/g, ''));
    expect((await tokenFor(pushkin)).linkToken).toBeUndefined();
    // each check seals anew: tokens cannot be compared to learn who is who
    expect((await tokenFor(kordai)).linkToken).not.toBe(token);
  });

  it('refuses an altered, foreign or expired token and a bad consent, writing nothing', async () => {
    const before = await writeCounts(env);
    const flipped = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    for (const [client, body, field, code] of [
      [kordai, { linkToken: flipped }, 'linkToken', 'link_token_invalid'],
      [kordai, { linkToken: 'x'.repeat(86) }, 'linkToken', 'link_token_invalid'],
      [taraz, { linkToken: token, centreId: 'CLC-TARAZ' }, 'linkToken', 'link_token_invalid'],
      [kordai, { linkToken: token, centreId: 'CLC-TARAZ' }, 'centreId', 'unknown_centre'],
      [kordai, { linkToken: token, consent: { ...CONSENT, date: '2099-01-01' } }, 'consent.date', 'date_in_future'],
      [kordai, { linkToken: token, consent: undefined }, 'consent', 'required_or_type'],
    ] as const) {
      const res = await link(client, body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.fields[0]).toMatchObject({ field, code });
    }
    const key = await linkKey(env.db.kysely);
    const expired = sealLinkToken(key, { learnerId: aigulId, actorId: await myId(kordai), expiresAt: nowSeconds() - 1 });
    const res = await kordai.withLocale('kk').post('/api/learners/links', { linkToken: expired, centreId: 'CLC-KORDAI', consent: CONSENT });
    expect(res.body.fields[0]).toMatchObject({ field: 'linkToken', code: 'link_token_expired' });
    expect(res.body.fields[0].message).not.toMatch(/^errors\./);
    expect(await writeCounts(env)).toEqual(before);
    expect((await kordai.get(`/api/learners/${aigulId}`)).status).toBe(404);
  });

  it('links with consent: the learner is now in scope for Kordai, home centre unchanged, audited', async () => {
    const res = await link(kordai, { linkToken: token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ learnerId: aigulId, consent: { date: CONSENT.date, recordedBy: await myId(kordai) } });
    const page = await kordai.get(`/api/learners/${aigulId}`);
    expect(page.status).toBe(200);
    expect(page.body.centre.code).toBe('LIB-VOS-PUSHKIN');
    expect((await kordai.get('/api/learners?limit=200')).body.items.map((l: { id: string }) => l.id)).toContain(aigulId);
    expect((await kordai.get('/api/learners?q=Nurlankyzy')).body.items.map((l: { id: string }) => l.id)).toEqual([aigulId]);
    expect(await tokenFor(kordai)).toMatchObject({ id: aigulId, inScope: true });
    const audit = await admin.get(`/api/audit?recordId=${res.body.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['create']);
    // still the home centre's record to edit
    expect((await kordai.patch(`/api/learners/${aigulId}`, { version: page.body.version, education: 'higher' })).status).toBe(404);
  });

  it('lets Kordai enrol the linked learner and count their visit', async () => {
    const course = (await admin.post('/api/courses', { ...ICT_COURSE, code: 'ICT-LINK' })).body.id;
    const training = await makeTraining(kordai, course);
    const enrolled = await kordai.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [aigulId] });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
    const visit = await kordai.post('/api/visits', { centreId: 'CLC-KORDAI', date: '2026-11-05', purpose: 'internet', learnerId: aigulId });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    expect(visit.body.learner).toMatchObject({ id: aigulId, firstName: 'Айгүл' });
    const listed = (await kordai.get('/api/visits?centre=CLC-KORDAI')).body.items.find((v: { learnerId: string }) => v.learnerId === aigulId);
    expect(listed.learner).toMatchObject({ firstName: 'Айгүл' });
  });

  it('refuses the token a second time, and a second link to the same centre', async () => {
    expect((await link(kordai, { linkToken: token })).body.fields[0]).toMatchObject({ code: 'link_token_used' });
    const key = await linkKey(env.db.kysely);
    const again = sealLinkToken(key, { learnerId: aigulId, actorId: await myId(kordai), expiresAt: nowSeconds() + 60 });
    const res = await link(kordai, { linkToken: again });
    expect(res.status).toBe(409);
  });

  it('shows the learner to nobody new elsewhere', async () => {
    expect((await taraz.get(`/api/learners/${aigulId}`)).status).toBe(404);
    expect((await taraz.get('/api/learners?limit=200')).body.items.map((l: { id: string }) => l.id)).not.toContain(aigulId);
    const elsewhere = await tokenFor(taraz);
    expect(elsewhere).toMatchObject({ id: null, inScope: false });
    const training = (await admin.post('/api/trainings', {
      courseId: (await admin.get('/api/courses?q=ICT-LINK')).body.items[0]?.id, centreId: 'CLC-TARAZ', kind: 'training',
      startDate: '2026-11-02', endDate: '2026-11-27', capacity: 10, language: 'kk',
    })).body;
    const refused = await taraz.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [aigulId] });
    expect(refused.body.fields?.[0]).toMatchObject({ code: 'unknown_learner' });
  });
});
