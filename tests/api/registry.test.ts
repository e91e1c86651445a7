// The network registry through the whole stack, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';

describe.each(ENGINES)('registry on %s', (engine) => {
  let env: TestEnv;
  let admin: Client;
  let regional: Client;
  beforeAll(async () => {
    env = await testEnv(engine);
    admin = await env.as('admin');
    regional = await env.as('regional.vko');
  });
  afterAll(() => env.close());

  it('answers health with the engine and the demo flag', async () => {
    const res = await env.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', db: engine, demo: true });
    expect(typeof res.body.version).toBe('string');
  });

  it('finds the same city in every script and spelling', async () => {
    for (const q of ['Өскемен', 'Oskemen', 'Ust-Kamenogorsk', 'Усть-Каменогорск', 'ust kamenogorsk', 'ÖSKEMEN']) {
      const res = await admin.get(`/api/org-units?q=${encodeURIComponent(q)}&kind=city`);
      expect(res.status, q).toBe(200);
      expect(res.body.items.map((u: { code: string }) => u.code), q).toContain('KZ-VOS-UKA');
      const centres = await regional.get(`/api/centres?q=${encodeURIComponent(q)}`);
      expect(centres.body.items.map((c: { code: string }) => c.code), `centres in ${q}`).toContain('LIB-VOS-PUSHKIN');
    }
  });

  it('lists names in each language\'s alphabetical order', async () => {
    const kk = (await admin.withLocale('kk').get('/api/org-units?parent=KZ-VOS&limit=100')).body.items.map((u: { name: { kk: string } }) => u.name.kk);
    const at = (prefix: string) => kk.findIndex((n: string) => n.startsWith(prefix));
    expect(at('Өскемен')).toBeGreaterThan(at('Марқакөл'));
    expect(at('Өскемен')).toBeLessThan(at('Риддер'));
    expect(at('Ұлан')).toBeLessThan(at('Үлкен Нарын'));
    expect(at('Үлкен Нарын')).toBeLessThan(at('Шемонаиха'));
  });

  it('accepts a code wherever an org unit is accepted', async () => {
    const byCode = await admin.get('/api/org-units/kz-vos');
    expect(byCode.status).toBe(200);
    const byId = await admin.get(`/api/org-units/${byCode.body.id}`);
    expect(byId.body.code).toBe('KZ-VOS');
    expect(byId.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['KZ']);
    const centres = await admin.get('/api/centres?orgUnit=KZ-VOS&limit=200');
    const byIdFilter = await admin.get(`/api/centres?orgUnit=${byCode.body.id}&limit=200`);
    expect(centres.body.items.length).toBeGreaterThan(40);
    expect(byIdFilter.body.items.length).toBe(centres.body.items.length);
  });

  it('shows a regional coordinator only their oblast, and out-of-scope ids as missing', async () => {
    const mine = await regional.get('/api/centres?limit=200');
    expect(mine.status).toBe(200);
    for (const c of mine.body.items) expect(c.ancestors.map((a: { code: string }) => a.code)).toContain('KZ-VOS');
    expect((await regional.get('/api/centres?q=Kordai')).body.items).toEqual([]);
    const kordai = await admin.get('/api/centres/CLC-KORDAI');
    expect(kordai.status).toBe(200);
    const hidden = await regional.get(`/api/centres/${kordai.body.id}`);
    const missing = await regional.get('/api/centres/0190b4c0-0000-7000-8000-000000000000');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await regional.get('/api/org-units/KZ-ZHA')).status).toBe(404);
    expect((await regional.get('/api/centres?orgUnit=KZ-ZHA')).status).toBe(404);
  });

  it('never answers a list from a stale cache, whoever wrote the change', async () => {
    const url = '/api/centres?orgUnit=KZ-VOS&limit=5';
    const first = (await regional.get(url)).body.items[0];
    expect((await regional.get(url)).body.items[0]).toEqual(first); // answered again (from the cache)
    // a write that did not come through this app's requests, as another process would make it
    const system = { ...env.ctx, actor: { id: 'system', username: 'system', role: 'admin' as const, orgUnitId: '', scopePath: null, partnerId: null } };
    const { updateCentre } = await import('../../src/server/modules/centres/service.js');
    await updateCentre(system, first.id, { version: first.version, computers: 42 });
    expect((await regional.get(url)).body.items[0].computers).toBe(42);
  });

  it('pages through centres with a cursor, without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await admin.get(`/api/centres?limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      for (const c of res.body.items) {
        expect(seen.has(c.id)).toBe(false);
        seen.add(c.id);
      }
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(seen.size).toBeGreaterThanOrEqual(80);
    expect((await admin.get('/api/centres?cursor=not-a-cursor')).status).toBe(400);
  });

  it('creates, edits, moves, archives and restores a raion with audit', async () => {
    const created = await regional.post('/api/org-units', {
      code: 'KZ-VOS-TST', kind: 'raion', parentId: 'KZ-VOS', name: { kk: 'Сынақ ауданы', ru: 'Тестовый район', en: 'Test District' },
    });
    expect(created.status).toBe(201);
    const settlement = await regional.post('/api/org-units', {
      code: 'KZ-VOS-TST-A', kind: 'settlement', parentId: created.body.id, name: { kk: 'Ақсу', ru: 'Аксу', en: 'Aksu' },
    });
    expect(settlement.status).toBe(201);
    // an org unit made its own descendant is refused and nothing changes
    const cycle = await regional.patch(`/api/org-units/${created.body.id}`, { version: created.body.version, parentId: settlement.body.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.fields).toEqual([expect.objectContaining({ field: 'parentId', code: 'cycle' })]);
    // has children: archive refused
    expect((await regional.post(`/api/org-units/${created.body.id}/archive`, { version: created.body.version })).status).toBe(400);
    const archived = await regional.post(`/api/org-units/${settlement.body.id}/archive`, { version: settlement.body.version });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const list = await regional.get(`/api/org-units?parent=${created.body.id}`);
    expect(list.body.items).toEqual([]);
    const restored = await regional.post(`/api/org-units/${settlement.body.id}/restore`, { version: archived.body.version });
    expect(restored.status).toBe(200);
    expect(restored.body.archivedAt).toBeNull();
    const audit = await admin.get(`/api/audit?recordId=${settlement.body.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['restore', 'archive', 'create']);
    expect(audit.body.items[2].actor.username).toBe('regional.vko');
    // entries speak the API's language: camelCase, names as {kk,ru,en}
    expect(audit.body.items[2].after).toMatchObject({ code: 'KZ-VOS-TST-A', kind: 'settlement', name: { kk: 'Ақсу', ru: 'Аксу', en: 'Aksu' }, parentId: created.body.id });
    expect(audit.body.items[1].after.archivedAt).toEqual(expect.any(String));
    // the oblast itself is above the regional coordinator's reach
    const oblast = await regional.get('/api/org-units/KZ-VOS');
    expect((await regional.patch('/api/org-units/KZ-VOS', { version: oblast.body.version, name: { kk: 'x', ru: 'x', en: 'x' } })).status).toBe(403);
  });

  it('moves a centre to another raion: the subtree rules follow it', async () => {
    const centre = (await admin.get('/api/centres?orgUnit=KZ-VOS&type=online_centre&limit=1')).body.items[0];
    const target = await admin.post('/api/org-units', {
      code: 'KZ-ZHA-MOVE', kind: 'raion', parentId: 'KZ-ZHA', name: { kk: 'Көшу ауданы', ru: 'Район переноса', en: 'Move District' },
    });
    const moved = await admin.patch(`/api/centres/${centre.id}`, { version: centre.version, orgUnitId: 'KZ-ZHA-MOVE' });
    expect(moved.status).toBe(200);
    expect(moved.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['KZ', 'KZ-ZHA', 'KZ-ZHA-MOVE']);
    expect((await regional.get(`/api/centres/${centre.id}`)).status).toBe(404);
    expect((await admin.get(`/api/centres?orgUnit=${target.body.id}`)).body.items.map((c: { id: string }) => c.id)).toEqual([centre.id]);
    const back = await admin.patch(`/api/centres/${centre.id}`, { version: moved.body.version, orgUnitId: centre.orgUnitId });
    expect(back.status).toBe(200);
    expect((await regional.get(`/api/centres/${centre.id}`)).status).toBe(200);
  });

  it('refuses the second of two concurrent edits with a clear conflict', async () => {
    const centre = (await regional.get('/api/centres/LIB-VOS-PUSHKIN')).body;
    const first = await regional.patch(`/api/centres/${centre.id}`, { version: centre.version, phone: '+7 723 236 1334' });
    expect(first.status).toBe(200);
    const second = await admin.patch(`/api/centres/${centre.id}`, { version: centre.version, openingHours: 'Mon–Fri 9–18' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('conflict');
    const now = (await admin.get(`/api/centres/${centre.id}`)).body;
    expect(now.openingHours).toBe(centre.openingHours);
    // a field left out of a patch is left alone (lists included)
    expect(now.facilitators).toEqual(centre.facilitators);
    expect(now.languages).toEqual(centre.languages);
    const audit = await regional.get(`/api/audit?recordId=${centre.id}&action=update`);
    expect(audit.body.items[0].after).toMatchObject({ phone: '+7 723 236 1334' });
    expect(audit.body.items[0].before).toMatchObject({ phone: centre.phone });
    expect(audit.body.items[0].label).toBe('LIB-VOS-PUSHKIN');
  });

  it('validates centre input field by field, in the caller\'s language, and writes nothing', async () => {
    const before = (await admin.get('/api/audit?limit=1')).body.items[0].id;
    const bad = await admin.withLocale('kk').post('/api/centres', {
      code: '', type: 'castle', name: { kk: '', ru: 'x'.repeat(10_000), en: 'ok' }, orgUnitId: 'KZ-VOS', lat: 'north', lon: 80,
      connectivity: 'pigeon', email: 'not-an-email',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation');
    const fields = bad.body.fields.map((f: { field: string }) => f.field);
    for (const f of ['code', 'type', 'name.kk', 'name.ru', 'lat', 'connectivity', 'email']) expect(fields).toContain(f);
    expect(bad.body.message).toBe('Белгіленген өрістерді тексеріңіз.');
    expect(bad.body.fields.find((f: { field: string }) => f.field === 'name.ru').message).toContain('300');
    expect((await admin.get('/api/audit?limit=1')).body.items[0].id).toBe(before);
  });

  it('saves emoji, right-to-left text and points outside Kazakhstan (with a warning)', async () => {
    const res = await regional.post('/api/centres', {
      code: 'TEST-EMOJI', type: 'ngo', name: { kk: 'Жастар 🚀 орталығы', ru: 'مركز الشباب', en: 'Youth centre 🧑‍💻' },
      orgUnitId: 'KZ-VOS-UKA', lat: 41.3, lon: 69.2, connectivity: 'fixed', languages: ['kk', 'ru'],
    });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual(['outside_kazakhstan']);
    expect(res.body.name.ru).toBe('مركز الشباب');
    const dup = await regional.post('/api/centres', { ...res.body, code: 'test-emoji', orgUnitId: 'KZ-VOS-UKA', email: null });
    expect(dup.status).toBe(400);
    expect(dup.body.fields[0]).toMatchObject({ field: 'code', code: 'code_taken' });
  });

  it('keeps partners and partnerships, with archive and undo', async () => {
    const partner = await regional.post('/api/partners', {
      kind: 'akimat', orgUnitId: 'KZ-VOS', name: { kk: 'Облыс әкімдігі', ru: 'Акимат области', en: 'Regional akimat' }, website: 'https://example.kz',
    });
    expect(partner.status).toBe(201);
    expect(partner.body.orgUnit).toMatchObject({ code: 'KZ-VOS', kind: 'oblast' });
    const ship = await regional.post('/api/partnerships', {
      centreId: 'LIB-VOS-PUSHKIN', partnerId: partner.body.id, role: 'funding', startDate: '2026-01-01', endDate: '2025-01-01',
    });
    expect(ship.status).toBe(400);
    expect(ship.body.fields[0]).toMatchObject({ field: 'endDate', code: 'end_before_start' });
    const ok = await regional.post('/api/partnerships', { centreId: 'LIB-VOS-PUSHKIN', partnerId: partner.body.id, role: 'funding', startDate: '2026-01-01' });
    expect(ok.status).toBe(201);
    expect(ok.body.partner.kind).toBe('akimat');
    const archived = await regional.post(`/api/partnerships/${ok.body.id}/archive`, { version: ok.body.version });
    expect(archived.body.archivedAt).not.toBeNull();
    const again = await regional.post(`/api/partnerships/${ok.body.id}/archive`, { version: archived.body.version });
    expect(again.status).toBe(409);
    expect((await regional.post(`/api/partnerships/${ok.body.id}/restore`, { version: archived.body.version })).status).toBe(200);
    // a Zhambyl facilitator cannot see it
    const kordai = await env.as('facilitator.kordai');
    expect((await kordai.get(`/api/partnerships?partner=${partner.body.id}`)).status).toBe(404);
    expect((await kordai.get(`/api/partners/${partner.body.id}`)).status).toBe(404);
  });
});
