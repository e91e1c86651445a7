// Merging duplicate learners through the whole stack, on both engines: everything the
// duplicate had moves to the survivor (a training both were on becomes one enrolment with
// the better status and the marks of both; a visit both made on one day counts once), empty
// fields are filled, certificates keep their codes; undo puts every row back exactly; stale
// versions, a second merge, unsafe undo and records outside the caller's area are refused
// and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iinChecksum } from '../../src/domain/iin.js';
import { linkKey, nowSeconds, sealLinkToken } from '../../src/server/modules/learners/links.js';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { ICT_COURSE, makeMeeting, makeTraining, writeCounts } from './learning-fixtures.js';

const CONSENT = { date: '2026-01-15', version: 'kerege-consent-1' };
const BIRTH = '1995-03-14';

function iinFor(): string {
  for (let serial = 1; ; serial++) {
    const first11 = `9503143${String(serial).padStart(4, '0')}`;
    const check = iinChecksum(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

const TABLES = ['learners', 'enrolments', 'attendance', 'certificates', 'visits', 'outcomes', 'learner_links'] as const;

describe.each(ENGINES)('merging learners on %s', (engine) => {
  let env: TestEnv;
  let admin: Client;
  let regional: Client;
  let kordai: Client;
  let pushkin: Client;
  let survivor: { id: string; version: string };
  let duplicate: { id: string; version: string };
  let t1: string;
  let t2: string;
  let certCode: string;
  let mergeId: string;
  /** Both records and all they named, just before the first merge: undo must give exactly this back. */
  let beforeMerge: Record<string, unknown[]>;

  /** Every row that names either learner (or is one), without the stamps a write changes. */
  async function snapshot(ids: string[]) {
    const db = env.db.kysely as any;
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      const rows = table === 'learners'
        ? await db.selectFrom(table).selectAll().where('id', 'in', ids).orderBy('id').execute()
        : await db.selectFrom(table).selectAll().where('learner_id', 'in', ids).orderBy('id').execute();
      out[table] = rows.map(({ version, updated_at, ...rest }: Record<string, unknown>) => ({ ...rest, hours: rest.hours === undefined ? undefined : Number(rest.hours) }));
    }
    return out;
  }

  const learner = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.post('/api/learners', { sex: 'male', birthDate: BIRTH, consent: CONSENT, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: string };
  };
  const fresh = async (id: string) => (await admin.get(`/api/learners/${id}`)).body as { id: string; version: string; [k: string]: unknown };
  const mark = async (meeting: { id: string; version: string }, marks: unknown[]) => {
    const res = await admin.put(`/api/meetings/${meeting.id}/attendance`, { version: meeting.version, marks });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  beforeAll(async () => {
    env = await testEnv(engine);
    admin = await env.as('admin');
    regional = await env.as('regional.vko');
    kordai = await env.as('facilitator.kordai');
    pushkin = await env.as('manager.pushkin');
    const course = (await admin.post('/api/courses', { ...ICT_COURSE, code: 'ICT-MERGE' })).body.id;

    survivor = await learner(admin, { centreId: 'LIB-VOS-PUSHKIN', lastName: 'Серікұлы', firstName: 'Ерлан' });
    duplicate = await learner(admin, {
      centreId: 'MOB-VOS-ITYURT', lastName: 'Serikuly', firstName: 'Yerlan', middleName: 'Serikovich',
      phone: '+7 701 555 12 34', iin: iinFor(), languages: ['kk'],
    });

    // T1: both are on it — the survivor missed the first meeting, the duplicate finished the course
    const training1 = await makeTraining(admin, course, { centreId: 'LIB-VOS-PUSHKIN' });
    t1 = training1.id;
    const m1 = await makeMeeting(admin, t1, { date: '2026-11-03', hours: 2 });
    const m2 = await makeMeeting(admin, t1, { date: '2026-11-04', hours: 2 });
    expect((await admin.post(`/api/trainings/${t1}/enrolments`, { learnerIds: [survivor.id, duplicate.id] })).status).toBe(201);
    await mark(m1, [{ learnerId: survivor.id, present: false }, { learnerId: duplicate.id, present: true }]);
    const m2now = (await admin.get(`/api/meetings/${m2.id}/attendance`)).body;
    await mark({ id: m2.id, version: m2now.version ?? m2.version }, [{ learnerId: duplicate.id, present: true }]);
    const dupEnrolment = (await admin.get(`/api/trainings/${t1}/enrolments`)).body.items.find((e: { learnerId: string }) => e.learnerId === duplicate.id);
    expect((await admin.post(`/api/enrolments/${dupEnrolment.id}/complete`, { version: dupEnrolment.version })).status).toBe(200);
    const cert = await admin.post(`/api/enrolments/${dupEnrolment.id}/certificate`, { language: 'kk' });
    expect(cert.status, JSON.stringify(cert.body)).toBe(201);
    certCode = cert.body.code;

    // T2: only the duplicate
    const training2 = await makeTraining(admin, course, { centreId: 'MOB-VOS-ITYURT', place: 'Ридер' });
    t2 = training2.id;
    const m3 = await makeMeeting(admin, t2, { date: '2026-11-05', hours: 3 });
    expect((await admin.post(`/api/trainings/${t2}/enrolments`, { learnerIds: [duplicate.id] })).status).toBe(201);
    await mark(m3, [{ learnerId: duplicate.id, present: true }]);

    // visits: one day both were counted at the yurt, another only the duplicate
    for (const [centreId, date, learnerId] of [
      ['MOB-VOS-ITYURT', '2026-11-10', survivor.id], ['MOB-VOS-ITYURT', '2026-11-10', duplicate.id], ['LIB-VOS-PUSHKIN', '2026-11-11', duplicate.id],
    ]) expect((await admin.post('/api/visits', { centreId, date, purpose: 'internet', learnerId })).status).toBe(201);
    expect((await admin.post('/api/outcomes', { learnerId: duplicate.id, recordedOn: '2026-11-20', status: 'employed', evidence: 'self_report' })).status).toBe(201);
  });
  afterAll(() => env.close());

  it('lets only coordinators merge: 403 for centre staff, 404 outside the area, nothing written', async () => {
    const before = await writeCounts(env);
    const s = await fresh(survivor.id);
    const d = await fresh(duplicate.id);
    const body = { intoId: s.id, version: d.version, intoVersion: s.version };
    expect((await kordai.post(`/api/learners/${d.id}/merge`, body)).status).toBe(403);
    expect((await pushkin.post(`/api/learners/${d.id}/merge`, body)).status).toBe(403);
    const zhambyl = await learner(admin, { centreId: 'CLC-KORDAI', lastName: 'Серікұлы', firstName: 'Ерлан' });
    const after = await writeCounts(env);
    expect((await regional.post(`/api/learners/${d.id}/merge`, { intoId: zhambyl.id, version: d.version, intoVersion: zhambyl.version })).status).toBe(404);
    expect((await regional.post(`/api/learners/${zhambyl.id}/merge`, { intoId: s.id, version: zhambyl.version, intoVersion: s.version })).status).toBe(404);
    expect((await regional.post(`/api/learners/${d.id}/merge`, { ...body, intoId: d.id, intoVersion: d.version })).body.fields[0]).toMatchObject({ field: 'intoId', code: 'same_learner' });
    expect(await writeCounts(env)).toEqual(after);
    expect(after.audit).toBeGreaterThan(before.audit); // only the learner made for this test
  });

  it('refuses stale versions with 409, writing nothing', async () => {
    const s = await fresh(survivor.id);
    const d = await fresh(duplicate.id);
    const before = await writeCounts(env);
    const res = await regional.withLocale('kk').post(`/api/learners/${d.id}/merge`, { intoId: s.id, version: d.version, intoVersion: '1-0-stale' });
    expect(res.status).toBe(409);
    expect(res.body.message).not.toMatch(/^errors\./);
    expect((await regional.post(`/api/learners/${d.id}/merge`, { intoId: s.id, version: '1-0-stale', intoVersion: s.version })).status).toBe(409);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('moves everything to the survivor, combines the shared training, keeps the counts and the certificate code', async () => {
    const s = await fresh(survivor.id);
    const d = await fresh(duplicate.id);
    beforeMerge = await snapshot([s.id, d.id]);
    const res = await regional.post(`/api/learners/${d.id}/merge`, { intoId: s.id, version: d.version, intoVersion: s.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    mergeId = res.body.merge.id;
    expect(res.body.merge).toMatchObject({
      survivorId: s.id, duplicateId: d.id, mergedBy: 'regional.vko', undoneAt: null,
      filled: ['middleName', 'phone', 'iin', 'languages'],
      moved: { enrolments: 1, combinedEnrolments: 1, attendance: 3, certificates: 1, visits: 2, outcomes: 1, links: 0 },
      survivor: { lastName: 'Серікұлы' }, duplicate: { lastName: 'Serikuly' },
    });
    expect(res.body.survivor).toMatchObject({ phone: '+77015551234', iin: d.iin, middleName: 'Serikovich', languages: ['kk'], archivedAt: null });
    expect(await fresh(d.id)).toMatchObject({ mergedInto: s.id, iin: null });
    expect((await fresh(d.id)).archivedAt).not.toBeNull();

    // T1: one enrolment, the survivor's, completed, with 4 hours (2 taken over from the duplicate's mark, 2 moved)
    const e1 = (await admin.get(`/api/trainings/${t1}/enrolments`)).body.items;
    expect(e1.map((e: { learnerId: string; status: string; hoursAttended: number }) => [e.learnerId, e.status, e.hoursAttended])).toEqual([[s.id, 'completed', 4]]);
    const e2 = (await admin.get(`/api/trainings/${t2}/enrolments`)).body.items;
    expect(e2.map((e: { learnerId: string; hoursAttended: number }) => [e.learnerId, e.hoursAttended])).toEqual([[s.id, 3]]);
    const certs = (await admin.get(`/api/certificates?learner=${s.id}`)).body.items;
    expect(certs.map((c: { code: string }) => c.code)).toEqual([certCode]);
    expect(certs[0].enrolmentId).toBe(e1[0].id);
    expect((await env.anonymous().get(`/api/certificates/verify/${certCode}`)).body).toMatchObject({ valid: true, revoked: false });
    const visits = (await admin.get(`/api/visits?learner=${s.id}`)).body.items;
    expect(visits.map((v: { date: string }) => v.date).sort()).toEqual(['2026-11-10', '2026-11-11']);
    expect((await admin.get(`/api/outcomes?learner=${s.id}`)).body.items).toHaveLength(1);
    // the learner list counts the person once
    const listed = (await regional.get('/api/learners?limit=200')).body.items.map((l: { id: string }) => l.id);
    expect(listed).toContain(s.id);
    expect(listed).not.toContain(d.id);
    // audited: the merge record and every moved row
    expect((await admin.get(`/api/audit?recordId=${mergeId}`)).body.items.map((a: { action: string }) => a.action)).toEqual(['create']);
    expect((await admin.get(`/api/audit?recordId=${d.id}`)).body.items[0]).toMatchObject({ action: 'update' });
    // history on both records
    for (const id of [s.id, d.id]) {
      expect((await regional.get(`/api/learner-merges?learner=${id}`)).body.items.map((m: { id: string }) => m.id)).toEqual([mergeId]);
    }
  });

  it('refuses a second merge of the merged record and its restore', async () => {
    const s = await fresh(survivor.id);
    const d = await fresh(duplicate.id);
    expect((await regional.post(`/api/learners/${d.id}/merge`, { intoId: s.id, version: d.version, intoVersion: s.version })).body).toMatchObject({ code: 'conflict' });
    expect((await admin.post(`/api/learners/${d.id}/restore`, { version: d.version })).status).toBe(409);
    expect((await admin.patch(`/api/learners/${d.id}`, { version: d.version, phone: null })).status).toBe(409);
  });

  it('undoes exactly: every row as it was, the survivor\'s filled fields emptied again', async () => {
    expect((await kordai.post(`/api/learner-merges/${mergeId}/undo`)).status).toBe(403);
    const res = await regional.post(`/api/learner-merges/${mergeId}/undo`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.merge.undoneBy).toBe('regional.vko');
    expect(res.body.survivor).toMatchObject({ phone: null, iin: null, middleName: null, languages: [] });
    expect(await snapshot([survivor.id, duplicate.id])).toEqual(beforeMerge);
    expect((await admin.get(`/api/trainings/${t1}/enrolments`)).body.items).toHaveLength(2);
    expect((await env.anonymous().get(`/api/certificates/verify/${certCode}`)).body).toMatchObject({ valid: true });
    const again = await regional.post(`/api/learner-merges/${mergeId}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/undone/i);
  });

  it('refuses an undo when a moved record changed since, writing nothing', async () => {
    const s = await fresh(survivor.id);
    const d = await fresh(duplicate.id);
    const res = await regional.post(`/api/learners/${d.id}/merge`, { intoId: s.id, version: d.version, intoVersion: s.version });
    expect(res.status).toBe(200);
    // someone drops the survivor out of T2 (the enrolment the merge moved)
    const e2 = (await admin.get(`/api/trainings/${t2}/enrolments`)).body.items[0];
    expect((await admin.post(`/api/enrolments/${e2.id}/drop`, { version: e2.version })).status).toBe(200);
    const before = await writeCounts(env);
    const undo = await regional.withLocale('ru').post(`/api/learner-merges/${res.body.merge.id}/undo`);
    expect(undo.status).toBe(409);
    expect(undo.body.message).not.toMatch(/^errors\./);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('still undoes after the survivor was edited in a field the merge did not fill', async () => {
    const a = await learner(admin, { centreId: 'LIB-VOS-PUSHKIN', lastName: 'Ахметова', firstName: 'Әсел', sex: 'female' });
    const b = await learner(admin, { centreId: 'LIB-VOS-PUSHKIN', lastName: 'Akhmetova', firstName: 'Asel', sex: 'female', phone: '87015550000' });
    const merged = await regional.post(`/api/learners/${b.id}/merge`, { intoId: a.id, version: b.version, intoVersion: a.version });
    expect(merged.body.merge.filled).toEqual(['phone']);
    const edited = await admin.patch(`/api/learners/${a.id}`, { version: merged.body.survivor.version, education: 'higher' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const undo = await regional.post(`/api/learner-merges/${merged.body.merge.id}/undo`);
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    expect(undo.body.survivor).toMatchObject({ phone: null, education: 'higher' });
    expect(await fresh(b.id)).toMatchObject({ phone: '+77015550000', archivedAt: null, mergedInto: null });
    // but not when the filled field itself was changed since
    const again = await regional.post(`/api/learners/${b.id}/merge`, { intoId: a.id, version: (await fresh(b.id)).version, intoVersion: (await fresh(a.id)).version });
    await admin.patch(`/api/learners/${a.id}`, { version: again.body.survivor.version, phone: '87015550001' });
    expect((await regional.post(`/api/learner-merges/${again.body.merge.id}/undo`)).status).toBe(409);
  });

  it('moves a link with the person: the linked centre now sees the survivor', async () => {
    const a = await learner(admin, { centreId: 'LIB-VOS-PUSHKIN', lastName: 'Тұрсынов', firstName: 'Ұлан', birthDate: '1999-09-09' });
    const b = await learner(admin, { centreId: 'MOB-VOS-ITYURT', lastName: 'Tursynov', firstName: 'Ulan', birthDate: '1999-09-09' });
    const key = await linkKey(env.db.kysely);
    const kordaiId = (await kordai.get('/api/auth/me')).body.user.id;
    const linkToken = sealLinkToken(key, { learnerId: b.id, actorId: kordaiId, expiresAt: nowSeconds() + 60 });
    expect((await kordai.post('/api/learners/links', { linkToken, centreId: 'CLC-KORDAI', consent: CONSENT })).status).toBe(201);
    expect((await kordai.get(`/api/learners/${a.id}`)).status).toBe(404);
    const merged = await regional.post(`/api/learners/${b.id}/merge`, { intoId: a.id, version: (await fresh(b.id)).version, intoVersion: a.version });
    expect(merged.body.merge.moved.links).toBe(1);
    expect((await kordai.get(`/api/learners/${a.id}`)).status).toBe(200);
    const list = (await kordai.get('/api/learners?limit=200')).body.items.map((l: { id: string }) => l.id);
    expect(list).toContain(a.id);
    expect(list).not.toContain(b.id);
    expect((await regional.post(`/api/learner-merges/${merged.body.merge.id}/undo`)).status).toBe(200);
    expect((await kordai.get(`/api/learners/${a.id}`)).status).toBe(404);
    expect((await kordai.get(`/api/learners/${b.id}`)).status).toBe(200);
  });

  it('lists merges only for learners the caller can see', async () => {
    expect((await kordai.get(`/api/learner-merges?learner=${survivor.id}`)).status).toBe(404);
    expect((await regional.get(`/api/learner-merges?learner=${survivor.id}`)).body.items).toHaveLength(2);
    expect((await pushkin.get(`/api/learner-merges?learner=${survivor.id}`)).body.items[0]).toMatchObject({ survivor: { firstName: 'Ерлан' }, duplicate: null });
    expect((await regional.get('/api/learner-merges?learner=nope')).status).toBe(400);
  });
});
