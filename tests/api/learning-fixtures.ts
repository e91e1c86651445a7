// Records the trainings and attendance suites build on, made through the API like a user would.
import { expect } from 'vitest';
import type { Client, TestEnv } from './harness.js';

export const ICT_COURSE = {
  code: 'ICT-TRAIN',
  name: { kk: 'Компьютерлік сауаттылық', ru: 'Компьютерная грамотность', en: 'Computer literacy' },
  category: 'ict_basics', plannedHours: 24, languages: ['kk', 'ru'], completionPercent: 80,
};

const FIRST = ['Айгүл', 'Ерлан', 'Нұржан', 'Әсел', 'Қайрат', 'Гүлнар', 'Бауыржан', 'Мәдина', 'Ұлан', 'Жанар'];
const LAST = ['Ахметов', 'Серікұлы', 'Оспанова', 'Жұмабеков', 'Қасымова', 'Тұрсынов'];

/** A facilitator of the Taraz CLC (the demo has none there), signed in: someone of another oblast. */
export async function tarazFacilitator(env: TestEnv, admin: Client): Promise<Client> {
  const made = await admin.post('/api/users', {
    username: 'facilitator.taraz', displayName: 'Тараз фасилитаторы', password: 'a-long-password', role: 'facilitator', orgUnitId: 'CLC-TARAZ',
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return env.as('facilitator.taraz', 'a-long-password');
}

/** `n` learners registered at a centre (no IIN, no phone), ids in the order made. */
export async function makeLearners(client: Client, centreId: string, n: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await client.post('/api/learners', {
      centreId, lastName: `${LAST[i % LAST.length]}-${tag}`, firstName: `${FIRST[i % FIRST.length]} ${i + 1}`,
      sex: i % 2 ? 'male' : 'female', birthDate: '1994-05-17', consent: { date: '2026-01-15', version: 'kerege-consent-1' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

export async function myId(client: Client): Promise<string> {
  return (await client.get('/api/auth/me')).body.user.id;
}

/** A training at a centre; the body's other fields can be overridden. */
export async function makeTraining(client: Client, courseId: string, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/trainings', {
    courseId, centreId: 'CLC-KORDAI', kind: 'training', startDate: '2026-11-02', endDate: '2026-11-27', capacity: 10, language: 'kk', ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: string; [key: string]: unknown };
}

export async function makeMeeting(client: Client, trainingId: string, body: Record<string, unknown> = {}) {
  const res = await client.post(`/api/trainings/${trainingId}/meetings`, { date: '2026-11-03', startTime: '10:00', hours: 2, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: string; hours: number };
}

/** Rows of the change feed and of the audit trail: both stand still when nothing is written. */
export async function writeCounts(env: TestEnv): Promise<{ changes: number; audit: number }> {
  const db = env.db.kysely;
  const [c, a] = await Promise.all([
    db.selectFrom('changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { changes: Number(c.n), audit: Number(a.n) };
}
