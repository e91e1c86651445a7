// The course catalogue through the whole stack, on both engines: the national catalogue seen
// by every staff role, a centre's own courses seen by that centre and above, who may write.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';

const ictBasics = {
  code: 'ICT-BASICS',
  name: { kk: 'Компьютерлік сауаттылық негіздері', ru: 'Основы компьютерной грамотности', en: 'Computer literacy basics' },
  description: { en: 'Word, Excel and the Internet' },
  category: 'ict_basics', plannedHours: 24, languages: ['kk', 'ru'], targetGroups: ['pensioners', 'unemployed_youth'],
};
const felting = {
  name: { kk: 'Киіз басу', ru: 'Валяние войлока', en: 'Felt making' },
  category: 'crafts', plannedHours: 16, languages: ['kk'], level: 'beginner', completionPercent: 75,
};
const ru = JSON.parse(readFileSync(new URL('../../locales/ru.json', import.meta.url), 'utf8'));
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((c) => c.id);

describe.each(ENGINES)('courses on %s', (engine) => {
  let env: TestEnv;
  let national: Client;
  let kordai: Client;
  let pushkin: Client;
  let regional: Client;
  let admin: Client;
  let catalogueId: string;
  let kordaiCourse: { id: string; version: string };
  beforeAll(async () => {
    env = await testEnv(engine);
    [national, kordai, pushkin, regional, admin] = await Promise.all(
      ['national', 'facilitator.kordai', 'manager.pushkin', 'regional.vko', 'admin'].map((u) => env.as(u)),
    );
  });
  afterAll(() => env.close());

  it('adds a national catalogue course that every staff role sees', async () => {
    const res = await national.post('/api/courses', ictBasics);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'ICT-BASICS', national: true, owner: { code: 'KZ', kind: 'country' }, level: 'beginner', completionPercent: 80,
      description: { kk: null, ru: null, en: 'Word, Excel and the Internet' }, targetGroups: ['pensioners', 'unemployed_youth'],
    });
    catalogueId = res.body.id;
    for (const client of [admin, national, regional, pushkin, kordai]) {
      expect(ids(await client.get('/api/courses')), 'list').toContain(catalogueId);
      expect((await client.get('/api/courses/ict-basics')).body.id, 'by code').toBe(catalogueId);
    }
  });

  it('adds a centre\'s own course, seen by that centre and those above it only', async () => {
    const res = await kordai.post('/api/courses', felting);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ national: false, owner: { code: 'CLC-KORDAI', kind: 'centre' }, completionPercent: 75 });
    kordaiCourse = res.body;
    for (const client of [kordai, admin, national]) expect(ids(await client.get('/api/courses'))).toContain(kordaiCourse.id);
    for (const client of [pushkin, regional]) {
      expect(ids(await client.get('/api/courses'))).not.toContain(kordaiCourse.id);
      expect((await client.get(`/api/courses/${kordaiCourse.id}`)).status).toBe(404);
    }
    expect(ids(await kordai.get('/api/courses?catalogue=national'))).toEqual([catalogueId]);
    expect(ids(await kordai.get('/api/courses?catalogue=centres'))).toEqual([kordaiCourse.id]);
    expect(ids(await admin.get('/api/courses?centre=CLC-KORDAI'))).toEqual([kordaiCourse.id]);
    expect((await pushkin.get('/api/courses?centre=CLC-KORDAI')).status).toBe(404);
  });

  it('keeps writes to the owner\'s area', async () => {
    const nationalByFacilitator = await kordai.post('/api/courses', { ...felting, orgUnitId: 'KZ' });
    expect(nationalByFacilitator.body.fields).toEqual([expect.objectContaining({ field: 'orgUnitId', code: 'not_allowed_for_role' })]);
    const elsewhere = await kordai.post('/api/courses', { ...felting, orgUnitId: 'LIB-VOS-PUSHKIN' });
    expect(elsewhere.body.fields).toEqual([expect.objectContaining({ field: 'orgUnitId', code: 'unknown_centre' })]);
    const noCentre = await regional.post('/api/courses', felting);
    expect(noCentre.body.fields).toEqual([expect.objectContaining({ field: 'orgUnitId', code: 'centre_required' })]);
    const forCentre = await regional.post('/api/courses', { ...felting, orgUnitId: 'LIB-VOS-PUSHKIN' });
    expect(forCentre.status).toBe(201);
    expect(ids(await pushkin.get('/api/courses?catalogue=centres'))).toEqual([forCentre.body.id]);

    const catalogue = (await kordai.get(`/api/courses/${catalogueId}`)).body;
    expect((await kordai.patch(`/api/courses/${catalogueId}`, { version: catalogue.version, plannedHours: 1 })).status).toBe(403);
    expect((await kordai.post(`/api/courses/${catalogueId}/archive`, { version: catalogue.version })).status).toBe(403);
    expect((await pushkin.patch(`/api/courses/${kordaiCourse.id}`, { version: kordaiCourse.version, plannedHours: 1 })).status).toBe(404);
    const byNational = await national.patch(`/api/courses/${kordaiCourse.id}`, { version: kordaiCourse.version, plannedHours: 18 });
    expect(byNational.status).toBe(200);
    kordaiCourse = byNational.body;
  });

  it('edits only what is sent, with the version read', async () => {
    const current = (await national.get(`/api/courses/${catalogueId}`)).body;
    const res = await national.patch(`/api/courses/${catalogueId}`, { version: current.version, level: 'intermediate' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ level: 'intermediate', languages: ['kk', 'ru'], completionPercent: 80, plannedHours: 24, code: 'ICT-BASICS' });
    expect((await national.patch(`/api/courses/${catalogueId}`, { version: current.version, level: 'advanced' })).status).toBe(409);
    const renamed = await national.patch(`/api/courses/${catalogueId}`, {
      version: res.body.version, name: { kk: 'Цифрлық сауаттылық', ru: 'Цифровая грамотность', en: 'Digital literacy' },
    });
    expect(renamed.status).toBe(200);
    expect(ids(await kordai.get(`/api/courses?q=${encodeURIComponent('tsifrovaia')}`))).toEqual([catalogueId]);
    expect(ids(await kordai.get(`/api/courses?q=${encodeURIComponent('Цифрлық')}`))).toEqual([catalogueId]);
    expect(ids(await kordai.get('/api/courses?q=kompiuter'))).toEqual([]);
  });

  it('finds courses across scripts and by category', async () => {
    expect(ids(await kordai.get(`/api/courses?q=${encodeURIComponent('Kiiz')}`))).toEqual([kordaiCourse.id]);
    expect(ids(await kordai.get('/api/courses?q=valianie'))).toEqual([kordaiCourse.id]);
    expect(ids(await kordai.get('/api/courses?category=ict_basics'))).toEqual([catalogueId]);
    expect((await kordai.get('/api/courses?category=astrology')).status).toBe(400);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = (await admin.get('/api/audit?limit=1')).body.items[0].id;
    const res = await national.withLocale('ru').post('/api/courses', {
      code: 'bad code!', name: { kk: '', ru: 'x'.repeat(10_000), en: 'ok' }, category: 'astrology', plannedHours: -2,
      languages: ['de'], targetGroups: ['aliens'], completionPercent: 120,
    });
    expect(res.status).toBe(400);
    const fields = res.body.fields.map((f: { field: string }) => f.field);
    for (const f of ['code', 'name.kk', 'name.ru', 'category', 'plannedHours', 'languages.0', 'targetGroups.0', 'completionPercent']) expect(fields).toContain(f);
    expect(res.body.message).toBe(ru.errors.validation);
    expect(res.body.fields.find((f: { field: string }) => f.field === 'category').message).toBe(ru.errors.field.invalid_value);
    const dup = await national.post('/api/courses', { ...ictBasics, code: 'ict-basics' });
    expect(dup.body.fields).toEqual([expect.objectContaining({ field: 'code', code: 'code_taken' })]);
    expect((await admin.get('/api/audit?limit=1')).body.items[0].id).toBe(before);
  });

  it('archives and restores a centre course, hiding it meanwhile', async () => {
    const archived = await kordai.post(`/api/courses/${kordaiCourse.id}/archive`, { version: kordaiCourse.version });
    expect(archived.status).toBe(200);
    expect(ids(await kordai.get('/api/courses'))).not.toContain(kordaiCourse.id);
    expect(ids(await kordai.get('/api/courses?includeArchived=true'))).toContain(kordaiCourse.id);
    expect((await kordai.patch(`/api/courses/${kordaiCourse.id}`, { version: archived.body.version, plannedHours: 2 })).status).toBe(409);
    expect((await kordai.post(`/api/courses/${kordaiCourse.id}/archive`, { version: archived.body.version })).status).toBe(409);
    const restored = await kordai.post(`/api/courses/${kordaiCourse.id}/restore`, { version: archived.body.version });
    expect(restored.body.archivedAt).toBeNull();
    const audit = await admin.get(`/api/audit?recordId=${kordaiCourse.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['restore', 'archive', 'update', 'create']);
  });
});
