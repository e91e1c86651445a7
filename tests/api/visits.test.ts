// Walk-in visits through the whole stack, on both engines: single entries (anonymous and a
// registered learner's), the day's tally in one save (idempotent, corrections audited), the
// summary that keeps "users" and "visitors" apart, paging, archive/restore and scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoToday } from '../../src/domain/learning.js';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';
import { register, writeCounts } from './visit-outcome-fixtures.js';

const DAY1 = '2026-11-19';
const DAY2 = '2026-11-20';
const tomorrow = () => new Date(Date.parse(`${isoToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe.each(ENGINES)('visits on %s', (engine) => {
  let env: TestEnv;
  let admin: Client;
  let kordai: Client;
  let pushkin: Client;
  let regional: Client;
  let aigerim: string;
  let bolat: string;
  let vkoLearner: string;
  let tallyId: string;
  let visitId: string;
  beforeAll(async () => {
    env = await testEnv(engine);
    [admin, kordai, pushkin, regional] = await Promise.all(['admin', 'facilitator.kordai', 'manager.pushkin', 'regional.vko'].map((u) => env.as(u)));
    aigerim = await register(kordai, 'CLC-KORDAI', 'Сейітова', 'Әйгерім');
    bolat = await register(kordai, 'CLC-KORDAI', 'Нұрланов', 'Болат');
    vkoLearner = await register(pushkin, 'LIB-VOS-PUSHKIN', 'Иванова', 'Мария');
  });
  afterAll(() => env.close());

  it('adds anonymous walk-ins to the day\'s count, one row per day and purpose, audited', async () => {
    const first = await kordai.post('/api/visits', { centreId: 'CLC-KORDAI', date: DAY2, purpose: 'internet', count: 5 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ centre: { code: 'CLC-KORDAI' }, date: DAY2, purpose: 'internet', count: 5, learnerId: null, learner: null });
    const more = await kordai.post('/api/visits', { centreId: 'CLC-KORDAI', date: DAY2, purpose: 'internet', count: 2 });
    expect(more.status).toBe(200);
    expect(more.body).toMatchObject({ id: first.body.id, count: 7 });
    tallyId = first.body.id;
    const audit = await admin.get(`/api/audit?recordId=${tallyId}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.body.items[0]).toMatchObject({ before: { count: 5 }, after: { count: 7 } });
  });

  it('records a registered learner\'s visit once a day and purpose, counting one', async () => {
    const res = await kordai.post('/api/visits', { centreId: 'CLC-KORDAI', date: DAY2, purpose: 'internet', learnerId: aigerim });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ count: 1, learnerId: aigerim, learner: { id: aigerim, lastName: 'Сейітова', firstName: 'Әйгерім' } });
    visitId = res.body.id;
    const before = await writeCounts(env);
    const again = await kordai.post('/api/visits', { centreId: 'CLC-KORDAI', date: DAY2, purpose: 'internet', learnerId: aigerim, count: 1 });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(visitId);
    expect(await writeCounts(env)).toEqual(before);
    for (const [learnerId, purpose] of [[aigerim, 'consultation'], [bolat, 'event']]) {
      expect((await kordai.post('/api/visits', { centreId: 'CLC-KORDAI', date: DAY2, purpose, learnerId })).status).toBe(201);
    }
  });

  it.each([
    ['a date in the future', () => ({ date: tomorrow() }), 'date', 'date_in_future'],
    ['a date that is not one', () => ({ date: '2026-02-30' }), 'date', 'invalid_format'],
    ['an unknown purpose', () => ({ purpose: 'gaming' }), 'purpose', 'invalid_value'],
    ['no walk-ins', () => ({ count: 0 }), 'count', 'too_small'],
    ['a fraction of a visitor', () => ({ count: 1.5 }), 'count', 'required_or_type'],
    ['a learner counted three times', () => ({ learnerId: aigerim, count: 3 }), 'count', 'one_per_learner'],
    ['a learner outside one\'s area', () => ({ learnerId: vkoLearner }), 'learnerId', 'unknown_learner'],
    ['a learner who does not exist', () => ({ learnerId: '0190b4c0-0000-7000-8000-000000000000' }), 'learnerId', 'unknown_learner'],
    ['a centre outside one\'s area', () => ({ centreId: 'LIB-VOS-PUSHKIN' }), 'centreId', 'unknown_centre'],
  ])('refuses %s with a field error, writing nothing', async (_, change, field, code) => {
    const before = await writeCounts(env);
    const res = await kordai.withLocale('ru').post('/api/visits', { centreId: 'CLC-KORDAI', date: DAY1, purpose: 'other', count: 1, ...change() });
    expect(res.status).toBe(400);
    expect(res.body.fields.find((f: { field: string }) => f.field === field), JSON.stringify(res.body.fields)).toMatchObject({ code });
    expect(res.body.fields.every((f: { message: string }) => f.message && !f.message.startsWith('errors.'))).toBe(true);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('sets a day\'s tally in one save; the same tally again writes nothing; corrections are audited', async () => {
    const before = await writeCounts(env);
    const res = await kordai.put('/api/visits/day', { centreId: 'CLC-KORDAI', date: DAY1, counts: { internet: 12, consultation: 3, reading_room: 4, other: 0 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      centreId: expect.any(String), date: DAY1, visits: 19,
      counts: { internet: 12, consultation: 3, event: 0, reading_room: 4, other: 0 },
      registered: { internet: 0, consultation: 0, event: 0, reading_room: 0, other: 0 },
    });
    const afterFirst = await writeCounts(env);
    expect(afterFirst).toEqual({ changes: before.changes + 3, audit: before.audit + 3 });

    const again = await kordai.put('/api/visits/day', { centreId: 'CLC-KORDAI', date: DAY1, counts: { internet: 12, consultation: 3, reading_room: 4, other: 0 } });
    expect(again.body).toEqual(res.body);
    expect(await writeCounts(env)).toEqual(afterFirst);

    // a correction: internet 12 → 10, the reading room cleared, consultation left as it is
    const fixed = await kordai.put('/api/visits/day', { centreId: 'CLC-KORDAI', date: DAY1, counts: { internet: 10, reading_room: 0 } });
    expect(fixed.body.counts).toEqual({ internet: 10, consultation: 3, event: 0, reading_room: 0, other: 0 });
    expect(await writeCounts(env)).toEqual({ changes: afterFirst.changes + 2, audit: afterFirst.audit + 2 });
    const audit = await admin.get('/api/audit?table=visits&limit=2');
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['archive', 'update']);
    expect((await kordai.get(`/api/visits/day?centre=CLC-KORDAI&date=${DAY1}`)).body).toEqual(fixed.body);
  });

  it('refuses a tally with an unknown purpose, a negative count or a future day, writing nothing', async () => {
    const before = await writeCounts(env);
    for (const body of [
      { centreId: 'CLC-KORDAI', date: DAY1, counts: { internet: 1, gaming: 2 } },
      { centreId: 'CLC-KORDAI', date: DAY1, counts: { internet: -1 } },
      { centreId: 'CLC-KORDAI', date: tomorrow(), counts: { internet: 1 } },
      { centreId: 'LIB-VOS-PUSHKIN', date: DAY1, counts: { internet: 1 } },
    ]) {
      const res = await kordai.put('/api/visits/day', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation');
    }
    expect(await writeCounts(env)).toEqual(before);
  });

  it('counts visitors (every visit) apart from users (distinct registered learners)', async () => {
    const res = await kordai.get(`/api/visits/summary?centre=CLC-KORDAI&from=${DAY1}&to=${DAY2}`);
    expect(res.status).toBe(200);
    // DAY1: tally 10 internet + 3 consultation; DAY2: 7 anonymous internet, Әйгерім (internet, consultation), Болат (event)
    expect(res.body).toEqual({
      from: DAY1, to: DAY2, visits: 23, anonymousVisits: 20, registeredVisits: 3, users: 2,
      byPurpose: { internet: 18, consultation: 4, event: 1, reading_room: 0, other: 0 },
    });
    const oneDay = await kordai.get(`/api/visits/summary?from=${DAY1}&to=${DAY1}`);
    expect(oneDay.body).toMatchObject({ visits: 13, users: 0 });
    expect((await kordai.get(`/api/visits/summary?from=${DAY2}&to=${DAY1}`)).status).toBe(400);
  });

  it('lists entries newest day first, in pages, filtered by learner and purpose', async () => {
    const seen: string[] = [];
    let url = '/api/visits?centre=CLC-KORDAI&limit=2';
    for (;;) {
      const res = await kordai.get(url);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((v: { id: string; date: string }) => `${v.date}/${v.id}`));
      if (!res.body.nextCursor) break;
      url = `/api/visits?centre=CLC-KORDAI&limit=2&cursor=${res.body.nextCursor}`;
    }
    expect(seen).toHaveLength(6);
    expect([...seen].sort().reverse()).toEqual(seen);
    const hers = await kordai.get(`/api/visits?learner=${aigerim}`);
    expect(hers.body.items.map((v: { purpose: string }) => v.purpose).sort()).toEqual(['consultation', 'internet']);
    expect((await kordai.get('/api/visits?purpose=event')).body.items).toHaveLength(1);
  });

  it('archives and restores an entry; a restored tally may not count a day twice', async () => {
    const visit = (await kordai.get(`/api/visits?learner=${bolat}`)).body.items[0];
    const archived = await kordai.post(`/api/visits/${visit.id}/archive`, { version: visit.version });
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await kordai.get(`/api/visits/summary?from=${DAY2}&to=${DAY2}`)).body).toMatchObject({ users: 1, visits: 9 });
    expect((await kordai.post(`/api/visits/${visit.id}/archive`, { version: archived.body.version })).status).toBe(409);
    const restored = await kordai.post(`/api/visits/${visit.id}/restore`, { version: archived.body.version });
    expect(restored.status).toBe(200);
    expect((await kordai.get(`/api/visits/summary?from=${DAY2}&to=${DAY2}`)).body).toMatchObject({ users: 2, visits: 10 });

    const tally = (await kordai.get(`/api/visits?learner=&purpose=internet&from=${DAY2}&to=${DAY2}`)).body.items.find((v: { id: string }) => v.id === tallyId);
    const gone = await kordai.post(`/api/visits/${tallyId}/archive`, { version: tally.version });
    expect(gone.status).toBe(200);
    expect((await kordai.put('/api/visits/day', { centreId: 'CLC-KORDAI', date: DAY2, counts: { internet: 6 } })).body.counts.internet).toBe(6);
    const twice = await kordai.post(`/api/visits/${tallyId}/restore`, { version: gone.body.version });
    expect(twice.status).toBe(400);
    expect(twice.body.fields).toEqual([expect.objectContaining({ field: 'purpose', code: 'visit_counted' })]);
  });

  it('keeps each centre\'s visits in its own area (404 outside, not counted)', async () => {
    expect((await pushkin.post('/api/visits', { centreId: 'LIB-VOS-PUSHKIN', date: DAY2, purpose: 'reading_room', count: 4 })).status).toBe(201);
    expect((await pushkin.get('/api/visits?centre=CLC-KORDAI')).status).toBe(404);
    expect((await pushkin.get(`/api/visits/day?centre=CLC-KORDAI&date=${DAY2}`)).status).toBe(404);
    expect((await pushkin.get(`/api/visits/summary?centre=CLC-KORDAI`)).status).toBe(404);
    expect((await pushkin.post(`/api/visits/${visitId}/archive`, { version: 'x' })).status).toBe(404);
    const own = await pushkin.get('/api/visits');
    expect(own.body.items.map((v: { centre: { code: string } }) => v.centre.code)).toEqual(['LIB-VOS-PUSHKIN']);
    expect((await regional.get(`/api/visits/summary?from=${DAY2}&to=${DAY2}`)).body).toMatchObject({ visits: 4, users: 0, byPurpose: { reading_room: 4 } });
    const national = await admin.get(`/api/visits/summary?from=${DAY2}&to=${DAY2}`);
    expect(national.body).toMatchObject({ visits: 13, users: 2 }); // Kordai 6 + 3 registered, Pushkin 4
  });

  it('names a visiting learner only to those whose area holds the learner', async () => {
    // a Kordai learner seen at a VKO library, recorded by national staff
    const res = await admin.post('/api/visits', { centreId: 'LIB-VOS-PUSHKIN', date: DAY1, purpose: 'internet', learnerId: aigerim });
    expect(res.status).toBe(201);
    expect(res.body.learner).toMatchObject({ lastName: 'Сейітова' });
    const seen = (await pushkin.get(`/api/visits?from=${DAY1}&to=${DAY1}`)).body.items;
    expect(seen).toEqual([expect.objectContaining({ id: res.body.id, learnerId: aigerim, learner: null })]);
    expect(JSON.stringify(seen)).not.toContain('Сейітова');
    expect((await regional.get(`/api/visits/summary?from=${DAY1}&to=${DAY1}`)).body).toMatchObject({ visits: 1, users: 1 });
  });
});
