// Learners through the whole stack, on both engines: registration and its refusals, search
// across scripts, the network-wide duplicate check that leaks nothing across scope, scope.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iinChecksum } from '../../src/domain/iin.js';
import { buildApp } from '../../src/server/app.js';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';

const kk = JSON.parse(readFileSync(new URL('../../locales/kk.json', import.meta.url), 'utf8'));

/** A valid IIN for a birth date and sex (serial chosen so that a check digit exists). */
function makeIin(birthDate: string, sex: 'male' | 'female', serial = 1): string {
  const [y, m, d] = birthDate.split('-');
  const century = Number(y) >= 2000 ? 5 : 3;
  for (let s = serial; ; s++) {
    const first11 = `${y.slice(2)}${m}${d}${century + (sex === 'female' ? 1 : 0)}${String(s).padStart(4, '0')}`;
    const check = iinChecksum(first11);
    if (check !== null) return first11 + check;
  }
}

const CONSENT = { date: '2026-11-02', version: 'kerege-consent-1' };
const erlan = {
  centreId: 'CLC-KORDAI', lastName: 'Серікұлы', firstName: 'Ерлан', sex: 'male', birthDate: '1995-03-14',
  phone: '8 (701) 123-45-67', iin: makeIin('1995-03-14', 'male'), consent: CONSENT,
  targetGroups: ['unemployed_youth', 'unemployed_youth'], languages: ['kk', 'ru'], employmentStatus: 'unemployed', registeredUnemployed: true,
};

describe.each(ENGINES)('learners on %s', (engine) => {
  let env: TestEnv;
  let admin: Client;
  let kordai: Client;
  let pushkin: Client;
  let regional: Client;
  let erlanId: string;
  beforeAll(async () => {
    env = await testEnv(engine);
    admin = await env.as('admin');
    kordai = await env.as('facilitator.kordai');
    pushkin = await env.as('manager.pushkin');
    regional = await env.as('regional.vko');
  });
  afterAll(() => env.close());

  const lastAudit = async () => (await admin.get('/api/audit?limit=1')).body.items[0].id;

  it('registers a learner: phone normalised, consent recorded by the facilitator, audited', async () => {
    const me = (await kordai.get('/api/auth/me')).body.user;
    const res = await kordai.post('/api/learners', erlan);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      centre: { code: 'CLC-KORDAI' }, lastName: 'Серікұлы', firstName: 'Ерлан', middleName: null, phone: '+77011234567',
      iin: erlan.iin, targetGroups: ['unemployed_youth'], registeredUnemployed: true, mergedInto: null, archivedAt: null,
      consent: { date: CONSENT.date, version: CONSENT.version, guardianName: null, recordedBy: me.id },
    });
    erlanId = res.body.id;
    expect(res.headers.location).toBeUndefined();
    const audit = await admin.get(`/api/audit?recordId=${erlanId}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(audit.body.items[0].after).not.toHaveProperty('name_key');
    expect((await kordai.get(`/api/learners/${erlanId}`)).body.id).toBe(erlanId);
  });

  it.each([
    ['a bad IIN checksum', { iin: erlan.iin.slice(0, 11) + ((Number(erlan.iin[11]) + 1) % 10) }, 'iin', 'iin_checksum'],
    ['an IIN of another birth date', { iin: makeIin('1995-03-15', 'male', 7) }, 'iin', 'iin_birth_date_mismatch'],
    ['an IIN of the other sex', { iin: makeIin('1995-03-14', 'female', 7) }, 'iin', 'iin_sex_mismatch'],
    ['a birth date in the future', { birthDate: '2031-01-01', iin: null }, 'birthDate', 'date_in_future'],
    ['a birth date before 1900', { birthDate: '1899-12-31', iin: null }, 'birthDate', 'date_too_early'],
    ['no consent', { consent: undefined }, 'consent', 'required_or_type'],
    ['consent in the future', { consent: { ...CONSENT, date: '2030-01-01' } }, 'consent.date', 'date_in_future'],
    ['a minor without a guardian', { birthDate: '2012-05-05', iin: null }, 'consent.guardianName', 'guardian_required'],
    ['a phone that is not a number', { phone: '8 701 12' }, 'phone', 'phone_format'],
    ['a foreign phone', { phone: '+998 90 123 45 67' }, 'phone', 'phone_country'],
    ['a 10,000-character name', { lastName: 'Ә'.repeat(10_000) }, 'lastName', 'too_big'],
    ['an unknown sex', { sex: 'x' }, 'sex', 'invalid_value'],
  ])('refuses %s with a field error in Kazakh, writing nothing', async (_, change, field, code) => {
    const before = await lastAudit();
    const res = await kordai.withLocale('kk').post('/api/learners', { ...erlan, iin: null, ...change });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation');
    const issue = res.body.fields.find((f: { field: string }) => f.field === field);
    expect(issue, JSON.stringify(res.body.fields)).toMatchObject({ code });
    if (kk.errors.field[code]?.includes('{{')) expect(issue.message).toMatch(/100/);
    else expect(issue.message).toBe(kk.errors.field[code]);
    expect(await lastAudit()).toBe(before);
  });

  it('accepts a minor with a guardian, and a blank phone and IIN as none', async () => {
    const res = await kordai.post('/api/learners', {
      ...erlan, firstName: 'Әсел', sex: 'female', birthDate: '2012-05-05', iin: '', phone: ' ',
      consent: { ...CONSENT, guardianName: 'Серікұлы Ерлан' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ iin: null, phone: null, consent: { guardianName: 'Серікұлы Ерлан' } });
  });

  it('refuses a centre outside the caller\'s area and an IIN already registered', async () => {
    const elsewhere = await kordai.post('/api/learners', { ...erlan, iin: null, centreId: 'LIB-VOS-PUSHKIN' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.fields).toEqual([expect.objectContaining({ field: 'centreId', code: 'unknown_centre' })]);
    const twice = await pushkin.post('/api/learners', { ...erlan, centreId: 'LIB-VOS-PUSHKIN' });
    expect(twice.status).toBe(400);
    expect(twice.body.fields).toEqual([expect.objectContaining({ field: 'iin', code: 'iin_taken' })]);
  });

  it('finds a name whichever script or spelling is typed', async () => {
    for (const q of ['Yerlan Serikuly', 'Ерлан Серикулы', 'Erlan', 'Serikuly Yerlan', 'серікұлы']) {
      const res = await kordai.get(`/api/learners?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(res.body.items.map((l: { id: string }) => l.id), q).toContain(erlanId);
    }
    expect((await kordai.get(`/api/learners?q=${encodeURIComponent('Қайрат')}`)).body.items).toEqual([]);
  });

  it('pages in name order with cursors that carry no name', async () => {
    for (const [last, first] of [['Абаев', 'Нұржан'], ['Zhaksybekova', 'Aliya'], ['Ким', 'Виктор']]) {
      expect((await kordai.post('/api/learners', { ...erlan, iin: null, phone: null, lastName: last, firstName: first })).status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string; lastName: string }[]; nextCursor: string | null } } =
        await kordai.get(`/api/learners?centre=CLC-KORDAI&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((l) => l.lastName));
      cursor = res.body.nextCursor;
      if (cursor) expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual(['', res.body.items.at(-1)!.id]);
    } while (cursor);
    // folded order: abaev…, jaksibekova… (Zh = Ж), kim…, serikuli asel, serikuli erlan
    expect(seen).toEqual(['Абаев', 'Zhaksybekova', 'Ким', 'Серікұлы', 'Серікұлы']);
    const forged = Buffer.from(JSON.stringify(['', '0190b4c0-0000-7000-8000-000000000000'])).toString('base64url');
    expect((await kordai.get(`/api/learners?cursor=${forged}`)).status).toBe(400);
  });

  describe('duplicate check across the network', () => {
    let aigulId: string;
    const aigul = {
      centreId: 'LIB-VOS-PUSHKIN', lastName: 'Нұрланқызы', firstName: 'Айгүл', sex: 'female', birthDate: '1988-07-21',
      phone: '+7 777 555 44 33', iin: makeIin('1988-07-21', 'female'), consent: CONSENT,
    };
    beforeAll(async () => {
      const res = await pushkin.post('/api/learners', aigul);
      expect(res.status).toBe(201);
      aigulId = res.body.id;
    });
    const typed = `lastName=${encodeURIComponent('Nurlankyzy')}&firstName=${encodeURIComponent('Aigul')}&birthDate=1988-07-21`;

    it('tells a Kordai facilitator only that the person is registered elsewhere', async () => {
      const res = await kordai.get(`/api/learners/matches?${typed}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      const [match] = res.body.items;
      // an opaque link token (decision 0019) is the only thing added: no personal field
      expect(Object.keys(match).sort()).toEqual(['id', 'inScope', 'linkToken', 'reasons', 'score']);
      expect(match).toMatchObject({ id: null, inScope: false, reasons: ['name', 'birth_date'] });
      expect(match.score).toBeGreaterThanOrEqual(0.7);
      expect(JSON.stringify(res.body)).not.toMatch(/Айгүл|Нұрлан|1988|PUSHKIN|Пушкин/);
    });

    it('shows the record to those whose area holds it', async () => {
      for (const client of [admin, regional, pushkin]) {
        const res = await client.get(`/api/learners/matches?${typed}`);
        expect(res.body.items[0]).toMatchObject({
          id: aigulId, inScope: true, learner: { lastName: 'Нұрланқызы', firstName: 'Айгүл', centre: { code: 'LIB-VOS-PUSHKIN' } },
        });
      }
    });

    it('matches by IIN alone, by phone with a typo in the name, and not by a name alone', async () => {
      const byIin = await kordai.get(`/api/learners/matches?iin=${aigul.iin}`);
      expect(byIin.body.items).toEqual([{ id: null, score: 1, reasons: ['iin', 'birth_date'], inScope: false, linkToken: expect.any(String) }]);
      const byPhone = await admin.get(`/api/learners/matches?lastName=${encodeURIComponent('Нурланкызы')}&firstName=${encodeURIComponent('Айгуль')}&phone=87775554433`);
      expect(byPhone.body.items[0]).toMatchObject({ id: aigulId, reasons: expect.arrayContaining(['phone']) });
      const nameOnly = await admin.get(`/api/learners/matches?lastName=Nurlankyzy&firstName=Aigul`);
      expect(nameOnly.body.items).toEqual([]);
      expect((await admin.get('/api/learners/matches')).body.items).toEqual([]);
      expect((await admin.get('/api/learners/matches?lastName=&firstName=&birthDate=&phone=&iin=')).status).toBe(200);
      const excluded = await admin.get(`/api/learners/matches?${typed}&exclude=${aigulId}`);
      expect(excluded.body.items).toEqual([]);
    });

    it('finds Ерлан Серікұлы typed as Yerlan Serikuly with the birth date, in scope', async () => {
      const res = await kordai.get(`/api/learners/matches?lastName=Serikuly&firstName=Yerlan&birthDate=1995-03-14`);
      expect(res.body.items[0]).toMatchObject({ id: erlanId, inScope: true, reasons: expect.arrayContaining(['name', 'birth_date']) });
    });

    it('keeps VKO learners out of a Kordai facilitator\'s reach: 404, like a missing id', async () => {
      const hidden = await kordai.get(`/api/learners/${aigulId}`);
      const missing = await kordai.get('/api/learners/0190b4c0-0000-7000-8000-000000000000');
      expect(hidden.status).toBe(404);
      expect(hidden.body).toEqual(missing.body);
      const version = (await admin.get(`/api/learners/${aigulId}`)).body.version;
      expect((await kordai.patch(`/api/learners/${aigulId}`, { version, phone: null })).status).toBe(404);
      expect((await kordai.post(`/api/learners/${aigulId}/archive`, { version })).status).toBe(404);
      expect((await kordai.get('/api/learners?limit=200')).body.items.map((l: { id: string }) => l.id)).not.toContain(aigulId);
      expect((await regional.get('/api/learners?limit=200')).body.items.map((l: { id: string }) => l.id)).toEqual([aigulId]);
      expect((await kordai.get('/api/learners?centre=LIB-VOS-PUSHKIN')).status).toBe(404);
    });
  });

  it('edits with the version read, re-checking the rules on the merged record', async () => {
    const current = (await kordai.get(`/api/learners/${erlanId}`)).body;
    const clash = await kordai.patch(`/api/learners/${erlanId}`, { version: current.version, birthDate: '1995-03-15' });
    expect(clash.status).toBe(400);
    expect(clash.body.fields).toEqual([expect.objectContaining({ field: 'iin', code: 'iin_birth_date_mismatch' })]);
    const renamed = await kordai.patch(`/api/learners/${erlanId}`, { version: current.version, middleName: 'Серікович', phone: '+7 705 000 11 22' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ middleName: 'Серікович', phone: '+77050001122', targetGroups: ['unemployed_youth'], languages: ['kk', 'ru'] });
    const stale = await admin.patch(`/api/learners/${erlanId}`, { version: current.version, phone: null });
    expect(stale.status).toBe(409);
    const reconsent = await admin.patch(`/api/learners/${erlanId}`, { version: renamed.body.version, consent: { date: '2026-11-20', version: 'kerege-consent-2' } });
    expect(reconsent.body.consent).toMatchObject({ version: 'kerege-consent-2', recordedBy: (await admin.get('/api/auth/me')).body.user.id });
  });

  it('lists people whose name starts with the term first, across pages', async () => {
    const people = [['Бекова', 'Дана', 'Ахметовна'], ['Ахметова', 'Айгүл', null], ['Akhmetov', 'Marat', null], ['Ахметов', 'Ермек', null]];
    const ids: Record<string, string> = {};
    for (const [last, first, middle] of people) {
      const res = await kordai.post('/api/learners', { ...erlan, iin: null, phone: null, lastName: last, firstName: first, middleName: middle });
      expect(res.status).toBe(201);
      ids[last!] = res.body.id;
    }
    // akhmetovaaigul < akhmetovermek < akhmetovmarat, then bekovadanaakhmetovna
    const expected = [ids['Ахметова'], ids['Ахметов'], ids.Akhmetov, ids['Бекова']];
    const all = (await kordai.get(`/api/learners?q=${encodeURIComponent('Ахметов')}`)).body.items.map((l: { id: string }) => l.id);
    expect(all).toEqual(expected);
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
          await kordai.get(`/api/learners?q=${encodeURIComponent('Ахметов')}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((l) => l.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen, `limit ${limit}`).toEqual(expected);
    }
    for (const id of Object.values(ids)) {
      const current = (await kordai.get(`/api/learners/${id}`)).body;
      expect((await kordai.post(`/api/learners/${id}/archive`, { version: current.version })).status).toBe(200);
    }
  });

  it('keeps the name search in step with renames (trigram index, migration 0007)', async () => {
    const created = await kordai.post('/api/learners', { ...erlan, iin: null, phone: null, lastName: 'Мыңжасаров', firstName: 'Тимур' });
    expect(created.status).toBe(201);
    const ids = async (q: string) => (await kordai.get(`/api/learners?q=${encodeURIComponent(q)}`)).body.items.map((l: { id: string }) => l.id);
    expect(await ids('Мыңжасаров Тимур')).toEqual([created.body.id]);
    expect(await ids('Mynzhasarov')).toEqual([created.body.id]);
    const renamed = await kordai.patch(`/api/learners/${created.body.id}`, { version: created.body.version, lastName: 'Құдайбергенов' });
    expect(renamed.status).toBe(200);
    expect(await ids('Мыңжасаров')).toEqual([]);
    expect(await ids('Кудайберген')).toEqual([created.body.id]);
    const archived = await kordai.post(`/api/learners/${created.body.id}/archive`, { version: renamed.body.version });
    expect(archived.status).toBe(200);
    expect(await ids('Кудайберген')).toEqual([]);
  });

  it('archives and restores, hiding the record from lists meanwhile', async () => {
    const current = (await kordai.get(`/api/learners/${erlanId}`)).body;
    const archived = await kordai.post(`/api/learners/${erlanId}/archive`, { version: current.version });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await kordai.get('/api/learners?q=Erlan')).body.items).toEqual([]);
    expect((await kordai.get('/api/learners?q=Erlan&includeArchived=true')).body.items).toHaveLength(1);
    expect((await kordai.patch(`/api/learners/${erlanId}`, { version: archived.body.version, phone: null })).status).toBe(409);
    const restored = await kordai.post(`/api/learners/${erlanId}/restore`, { version: archived.body.version });
    expect(restored.body.archivedAt).toBeNull();
    const audit = await admin.get(`/api/audit?recordId=${erlanId}`);
    expect(audit.body.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual(['restore', 'archive']);
  });

  it('links a staff account to one learner record at most', async () => {
    const user = (await admin.get('/api/users?q=facilitator.kordai')).body.items[0];
    const first = await admin.post('/api/learners', { ...erlan, iin: null, firstName: 'Мәдина', lastName: 'Жұмабекова', sex: 'female', userId: user.id });
    expect(first.status).toBe(201);
    expect(first.body.userId).toBe(user.id);
    const second = await admin.post('/api/learners', { ...erlan, iin: null, userId: user.id });
    expect(second.body.fields).toEqual([expect.objectContaining({ field: 'userId', code: 'user_linked' })]);
    const foreign = await kordai.post('/api/learners', { ...erlan, iin: null, userId: (await admin.get('/api/users?q=manager.pushkin')).body.items[0].id });
    expect(foreign.body.fields).toEqual([expect.objectContaining({ field: 'userId', code: 'unknown_user' })]);
  });

  it('logs paths only: no names or IINs in the log', async () => {
    let log = '';
    const logStream = new Writable({ write(chunk, _enc, done) { log += chunk.toString(); done(); } });
    const app = await buildApp({ db: env.db, logger: true, logStream, webRoot: '/nonexistent' });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'kerege-demo-2026' } });
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      await app.inject({ method: 'GET', url: `/api/learners/matches?lastName=Serikuly&firstName=Yerlan&iin=${erlan.iin}`, headers: { cookie } });
      await app.inject({ method: 'GET', url: '/api/learners?q=Serikuly', headers: { cookie } });
      expect(log).toContain('/api/learners/matches');
      expect(log).not.toMatch(/Serikuly|Yerlan/);
      expect(log).not.toContain(erlan.iin);
    } finally {
      await app.close();
    }
  });
});
