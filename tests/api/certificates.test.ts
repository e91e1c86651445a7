// Certificates through the whole stack, on both engines: issue for a completed enrolment (and
// only then, writing nothing otherwise), one live certificate per enrolment and language, the
// PDF (a real PDF with Noto Sans embedded: every Kazakh letter comes out as text; it renders),
// the public JSON and page for valid, revoked and unknown codes with nothing personal beyond
// the name, revocation and who may do it, lists, and a Kordai facilitator who cannot see a
// certificate of East Kazakhstan (404).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iinChecksum } from '../../src/domain/iin.js';
import { DEMO_PASSWORD } from '../../src/server/demo/network.js';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { ICT_COURSE, makeMeeting, makeTraining, writeCounts } from './learning-fixtures.js';

const MISSING = '0190b4c0-0000-7000-8000-000000000000';
const KAZAKH_LETTERS = ['Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І'];
const HOLDER = { lastName: 'Құрманғазықызы', firstName: 'Әсемгүл', middleName: 'Ңұрһіғөү' };
const HOLDER_NAME = 'Құрманғазықызы Әсемгүл Ңұрһіғөү';
const BIRTH = '1994-05-17';
const PHONE = '+77011234567';

/** A valid IIN for a woman born on BIRTH. */
function iinFor(): string {
  for (let serial = 1; ; serial++) {
    const first11 = `9405174${String(serial).padStart(4, '0')}`;
    const check = iinChecksum(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

/** A learner who attended 4 of 5 hours (80 %: the course rule) and whose completion is confirmed. */
async function completedEnrolment(client: Client, courseId: string, centre: string, learner: Record<string, unknown>) {
  const res = await client.post('/api/learners', {
    centreId: centre, sex: 'female', birthDate: BIRTH, consent: { date: '2026-01-15', version: 'kerege-consent-1' }, ...learner,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const training = await makeTraining(client, courseId, { centreId: centre });
  const m1 = await makeMeeting(client, training.id, { date: '2026-11-03', hours: 4 });
  await makeMeeting(client, training.id, { date: '2026-11-04', hours: 1 });
  const [e] = (await client.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [res.body.id] })).body.items;
  await client.put(`/api/meetings/${m1.id}/attendance`, { version: m1.version, marks: [{ learnerId: res.body.id, present: true }] });
  const current = (await client.get(`/api/trainings/${training.id}/enrolments`)).body.items[0];
  const done = await client.post(`/api/enrolments/${e.id}/complete`, { version: current.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { enrolmentId: e.id as string, learnerId: res.body.id as string, trainingId: training.id };
}

describe.each(ENGINES)('certificates on %s', (engine) => {
  let env: TestEnv;
  let kordai: Client;
  let pushkin: Client;
  let regional: Client;
  let national: Client;
  let courseId: string;
  let done: Awaited<ReturnType<typeof completedEnrolment>>;
  let cert: { id: string; code: string; verifyUrl: string; [key: string]: unknown };
  let dir: string;

  /** The raw bytes of a GET, signed in as `username` (the harness client reads text). */
  async function download(username: string, url: string) {
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    return env.app.inject({ method: 'GET', url, headers: { cookie } });
  }

  beforeAll(async () => {
    env = await testEnv(engine);
    dir = mkdtempSync(join(tmpdir(), 'kerege-cert-'));
    [kordai, pushkin, regional, national] = await Promise.all(['facilitator.kordai', 'manager.pushkin', 'regional.vko', 'national'].map((u) => env.as(u)));
    courseId = (await national.post('/api/courses', ICT_COURSE)).body.id;
    done = await completedEnrolment(kordai, courseId, 'CLC-KORDAI', { ...HOLDER, phone: PHONE, iin: iinFor() });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await env.close();
  });

  it('issues a certificate for a completed enrolment, once per language', async () => {
    const res = await kordai.post(`/api/enrolments/${done.enrolmentId}/certificate`, { language: 'kk' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    cert = res.body;
    expect(cert).toMatchObject({
      enrolmentId: done.enrolmentId, learnerId: done.learnerId, trainingId: done.trainingId, language: 'kk',
      holderName: HOLDER_NAME, courseName: ICT_COURSE.name.kk, centreName: expect.stringContaining('Қордай'),
      hours: 4, startDate: '2026-11-02', endDate: '2026-11-27', revokedAt: null,
    });
    expect(cert.code).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    expect(cert.verifyUrl).toBe(`http://localhost:80/verify/${cert.code}`);
    const again = await kordai.post(`/api/enrolments/${done.enrolmentId}/certificate`, { language: 'kk' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(cert.id);
    const ru = await kordai.post(`/api/enrolments/${done.enrolmentId}/certificate`, { language: 'ru' });
    expect(ru.status).toBe(201);
    expect(ru.body).toMatchObject({ language: 'ru', courseName: ICT_COURSE.name.ru, holderName: HOLDER_NAME });
    expect(ru.body.code).not.toBe(cert.code);
    const audit = await national.get(`/api/audit?recordId=${cert.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('makes one certificate of two requests that arrive together', async () => {
    const other = await completedEnrolment(kordai, courseId, 'CLC-KORDAI', { lastName: 'Серікұлы', firstName: 'Ерлан', sex: 'male' });
    const results = await Promise.all([0, 1, 2].map(() => kordai.post(`/api/enrolments/${other.enrolmentId}/certificate`, { language: 'en' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
  });

  it('points the QR code at KEREGE_PUBLIC_URL when it is set', async () => {
    process.env.KEREGE_PUBLIC_URL = 'https://kerege.example.kz/';
    try {
      expect((await kordai.get(`/api/certificates/${cert.id}`)).body.verifyUrl).toBe(`https://kerege.example.kz/verify/${cert.code}`);
    } finally {
      delete process.env.KEREGE_PUBLIC_URL;
    }
  });

  it('refuses an enrolment that is not completed, writing nothing', async () => {
    const training = await makeTraining(kordai, courseId);
    const learner = (await kordai.get(`/api/certificates/${cert.id}`)).body.learnerId;
    const [e] = (await kordai.post(`/api/trainings/${training.id}/enrolments`, { learnerIds: [learner] })).body.items;
    const before = await writeCounts(env);
    const res = await kordai.withLocale('kk').post(`/api/enrolments/${e.id}/certificate`, { language: 'kk' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'status', code: 'not_completed', message: expect.stringMatching(/аяқта/) })]);
    expect((await kordai.post(`/api/enrolments/${MISSING}/certificate`, { language: 'kk' })).status).toBe(404);
    expect((await kordai.post(`/api/enrolments/${done.enrolmentId}/certificate`, { language: 'de' })).status).toBe(400);
    expect(await writeCounts(env)).toEqual(before);
    expect((await kordai.get(`/api/certificates?enrolment=${e.id}`)).body.items).toEqual([]);
  });

  it.each([
    ['kk', ['СЕРТИФИКАТ', '2026 ж. 2–27 қараша', ICT_COURSE.name.kk]],
    ['ru', ['СЕРТИФИКАТ', '2–27 ноября 2026 г.', ICT_COURSE.name.ru]],
    ['en', ['CERTIFICATE', '2–27 November 2026', ICT_COURSE.name.en]],
  ])('writes a PDF in %s with the font embedded and every Kazakh letter as text', async (language, expected) => {
    const issued = await kordai.post(`/api/enrolments/${done.enrolmentId}/certificate`, { language });
    const res = await download('facilitator.kordai', `/api/certificates/${issued.body.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="certificate-${issued.body.code}.pdf"`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(dir, `${language}.pdf`);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8').replace(/\s+/g, ' ');
    // every Kazakh letter of the name (in whichever case it has) comes out as text, so the font has it
    for (const letter of KAZAKH_LETTERS) expect(text.toLowerCase(), letter).toContain(letter.toLowerCase());
    for (const phrase of [HOLDER_NAME, ...expected, issued.body.code.match(/.{4}/g).join('-')]) expect(text).toContain(phrase);
    expect(text).not.toMatch(/1994|17\.05|7011234567|940517/);
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).toMatch(/NotoSans-Regular\s.*\byes\b/);
    expect(fonts).toMatch(/NotoSans-Bold\s.*\byes\b/);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-singlefile', file, join(dir, language)]);
    expect(readdirSync(dir)).toContain(`${language}.png`);
  });

  it('verifies a valid code publicly with only what is printed', async () => {
    const anonymous = env.anonymous();
    const res = await anonymous.get(`/api/certificates/verify/${cert.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ valid: true, revoked: false, name: HOLDER_NAME, course: ICT_COURSE.name.kk, centre: cert.centreName, issuedOn: cert.issuedOn });
    const typed = cert.code.toLowerCase().match(/.{4}/g)!.join('-');
    expect((await anonymous.get(`/api/certificates/verify/${typed}`)).body.valid).toBe(true);
    for (const unknown of ['ABCDEFGHJKMN', 'nope', 'A'.repeat(90)]) {
      const missing = await anonymous.get(`/api/certificates/verify/${unknown}`);
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('not_found');
    }
  });

  it('shows the public page: the name, the status, no birth date, IIN or phone, no script', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/verify/${cert.code}`, headers: { 'accept-language': 'kk' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const html = res.body;
    expect(html).toContain('<html lang="kk">');
    expect(html).toContain(HOLDER_NAME);
    expect(html).toContain('Сертификат жарамды');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/1994|17\.05|05\.17|7011234567|701 123|940517/);
    const ru = await env.app.inject({ method: 'GET', url: `/verify/${cert.code}?lang=ru`, headers: { 'accept-language': 'kk' } });
    expect(ru.body).toContain('Сертификат действителен');
    expect(ru.body).toMatch(/href="\?lang=en"/);
    const unknown = await env.app.inject({ method: 'GET', url: '/verify/ABCDEFGHJKMN?lang=en' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^text\/html/);
    expect(unknown.body).toContain('Certificate not found');
    const hostile = await env.app.inject({ method: 'GET', url: `/verify/${encodeURIComponent('<img src=x>')}` });
    expect(hostile.statusCode).toBe(404);
    expect(hostile.body).not.toContain('<img');
  });

  it('escapes what it prints on the page', async () => {
    const vko = await completedEnrolment(regional, courseId, 'LIB-VOS-PUSHKIN', { lastName: '<b>Ким</b>', firstName: 'Анна & "Ко"' });
    const issued = await regional.post(`/api/enrolments/${vko.enrolmentId}/certificate`, { language: 'ru' });
    const page = (await env.app.inject({ method: 'GET', url: `/verify/${issued.body.code}` })).body;
    expect(page).toContain('&lt;b&gt;Ким&lt;/b&gt; Анна &amp; &quot;Ко&quot;');
    expect(page).not.toContain('<b>Ким');
  });

  it('revokes: coordinators and centre managers in scope; it then verifies as revoked', async () => {
    expect((await kordai.post(`/api/certificates/${cert.id}/revoke`, { reason: 'Қате енгізілген' })).status).toBe(403);
    expect((await pushkin.post(`/api/certificates/${cert.id}/revoke`, { reason: 'x' })).status).toBe(404);
    expect((await regional.post(`/api/certificates/${cert.id}/revoke`, { reason: 'x' })).status).toBe(404);
    expect((await national.post(`/api/certificates/${cert.id}/revoke`, { reason: ' ' })).status).toBe(400);
    const res = await national.post(`/api/certificates/${cert.id}/revoke`, { reason: 'Issued for the wrong training' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ revokedAt: expect.any(String), revokeReason: 'Issued for the wrong training' });
    const again = await national.post(`/api/certificates/${cert.id}/revoke`, { reason: 'twice' });
    expect(again.body.fields).toEqual([expect.objectContaining({ field: 'status', code: 'already_revoked' })]);
    const verified = await env.anonymous().get(`/api/certificates/verify/${cert.code}`);
    expect(verified.body).toMatchObject({ valid: false, revoked: true, name: HOLDER_NAME });
    const page = await env.app.inject({ method: 'GET', url: `/verify/${cert.code}?lang=en` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This certificate has been revoked');
    expect(page.body).not.toContain('Issued for the wrong training');
    const audit = await national.get(`/api/audit?recordId=${cert.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update']);
    // a new certificate in the same language can be issued after a revocation: a new code
    const fresh = await kordai.post(`/api/enrolments/${done.enrolmentId}/certificate`, { language: 'kk' });
    expect(fresh.status).toBe(201);
    expect(fresh.body.code).not.toBe(cert.code);
  });

  it('lists the certificates of an enrolment and of a learner, in scope', async () => {
    const byEnrolment = await kordai.get(`/api/certificates?enrolment=${done.enrolmentId}`);
    expect(byEnrolment.status).toBe(200);
    expect(byEnrolment.body.items.map((c: { language: string }) => c.language).sort()).toEqual(['en', 'kk', 'kk', 'ru']);
    const byLearner = await kordai.get(`/api/certificates?learner=${done.learnerId}&limit=2`);
    expect(byLearner.body.items).toHaveLength(2);
    const next = await kordai.get(`/api/certificates?learner=${done.learnerId}&limit=2&cursor=${byLearner.body.nextCursor}`);
    expect(next.body.items).toHaveLength(2);
    expect(next.body.nextCursor).toBeNull();
    const all = await kordai.get('/api/certificates?limit=200');
    expect(all.body.items.every((c: { centreId: string }) => c.centreId === byEnrolment.body.items[0].centreId)).toBe(true);
    expect((await regional.get(`/api/certificates?enrolment=${done.enrolmentId}`)).body.items).toEqual([]);
  });

  it('hides an East Kazakhstan certificate from a Kordai facilitator: 404 like a missing one', async () => {
    const vko = await completedEnrolment(pushkin, courseId, 'LIB-VOS-PUSHKIN', { lastName: 'Оспанова', firstName: 'Дина' });
    const issued = await pushkin.post(`/api/enrolments/${vko.enrolmentId}/certificate`, { language: 'en' });
    expect(issued.status).toBe(201);
    expect((await kordai.post(`/api/enrolments/${vko.enrolmentId}/certificate`, { language: 'kk' })).status).toBe(404);
    expect((await kordai.get(`/api/certificates/${issued.body.id}`)).status).toBe(404);
    expect((await kordai.get(`/api/certificates/${issued.body.code}`)).status).toBe(404);
    expect((await download('facilitator.kordai', `/api/certificates/${issued.body.id}/pdf`)).statusCode).toBe(404);
    expect((await kordai.get(`/api/certificates?learner=${vko.learnerId}`)).body.items).toEqual([]);
    // the centre's manager may revoke its own certificates
    expect((await pushkin.post(`/api/certificates/${issued.body.id}/revoke`, { reason: 'test' })).status).toBe(200);
  });
});
