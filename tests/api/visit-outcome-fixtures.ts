// What the visits and outcomes suites share: learners registered through the API, and the
// counts of the change feed and audit trail (both stand still when nothing is written).
import { expect } from 'vitest';
import type { Client, TestEnv } from './harness.js';

/** A learner registered at a centre by a client; answers the id. */
export async function register(client: Client, centreId: string, lastName: string, firstName: string): Promise<string> {
  const res = await client.post('/api/learners', {
    centreId, lastName, firstName, sex: 'female', birthDate: '1990-04-12', consent: { date: '2026-01-15', version: 'kerege-consent-1' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** Rows of the change feed and audit trail: both stand still when nothing is written. */
export async function writeCounts(env: TestEnv): Promise<{ changes: number; audit: number }> {
  const db = env.db.kysely;
  const [c, a] = await Promise.all([
    db.selectFrom('changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { changes: Number(c.n), audit: Number(a.n) };
}
