// The read cache's change token (decision 0012) on both engines: it moves with every commit
// that writes to the change feed, and — on PostgreSQL, where a transaction holding a lower
// sequence number can commit after one holding a higher — also when the late one commits.
// Writes that never reach the feed, and finished writes in other databases, leave it alone.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeToken } from '../../src/server/db/dialect.js';
import { ENGINES, testEnv, type TestEnv } from './harness.js';

const change = (rowId: string) => ({ table_name: 'learners', row_id: rowId, scope_id: 's', version: rowId, op: 'insert', at: '2026-11-24T00:00:00Z' });

describe.each(ENGINES)('change token on %s', (engine) => {
  let env: TestEnv;
  const token = () => changeToken(env.db.kysely, engine);
  /**
   * The token at a moment when no transaction is in progress anywhere in the cluster: other
   * suites write to their own databases of the same server meanwhile, and while one of their
   * transactions runs it is listed in a PostgreSQL token (a lost hit, not a wrong answer).
   */
  async function quietToken() {
    for (let i = 0; i < 400; i++) {
      const t = await token();
      if (engine === 'sqlite' || t.endsWith(':')) return t;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('the server never had a moment without a transaction in progress');
  }
  beforeAll(async () => { env = await testEnv(engine, { demo: false }); });
  afterAll(async () => { await env?.close(); });

  it('moves with each commit to the change feed and stays put without one', async () => {
    const before = await quietToken();
    expect(await quietToken()).toBe(before);
    await env.db.kysely.insertInto('changes').values(change('a')).execute();
    const after = await quietToken();
    expect(after).not.toBe(before);
    // a session or an import's progress is not a record change
    await env.db.kysely.updateTable('users').set({ locale: 'kk' }).where('username', '=', 'nobody').execute();
    expect(await quietToken()).toBe(after);
  });

  it('does not move for a rolled-back write', async () => {
    const before = await quietToken();
    await expect(env.db.kysely.transaction().execute(async (tx) => {
      await tx.insertInto('changes').values(change('rolled-back')).execute();
      throw new Error('rollback');
    })).rejects.toThrow('rollback');
    expect(await quietToken()).toBe(before);
  });

  // PostgreSQL only: SQLite allows one writer at a time, so commits there are in sequence order
  if (engine !== 'postgres') return;

  it('changes when a transaction holding an earlier sequence number commits last', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let taken!: () => void;
    const hasNumber = new Promise<void>((resolve) => { taken = resolve; });
    // A takes its number first and commits last
    const a = env.db.kysely.transaction().execute(async (tx) => {
      await tx.insertInto('changes').values(change('early')).execute();
      taken();
      await held;
    });
    await hasNumber;
    await env.db.kysely.insertInto('changes').values(change('late')).execute(); // B: a higher number, committed
    const whileAWrites = await token();
    const seqs = await sql<{ row_id: string; seq: string }>`select row_id, seq from changes where row_id in ('early', 'late')`.execute(env.db.kysely);
    const seqOf = (id: string) => Number(seqs.rows.find((r) => r.row_id === id)?.seq ?? NaN);
    expect(Number.isNaN(seqOf('early'))).toBe(true); // A's row is not visible yet …
    expect(seqOf('late')).toBeGreaterThan(0); // … B's is, with the highest number
    release();
    await a;
    const afterA = await token();
    expect(afterA).not.toBe(whileAWrites); // the highest number is the same; the token is not
    expect(afterA.split(':')[0]).toBe(whileAWrites.split(':')[0]);
  });

  it('is back where it was once a write in another database of the cluster has ended', async () => {
    const before = await quietToken();
    const other = new pg.Client({ connectionString: process.env.KEREGE_TEST_PG });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('create temporary table kerege_token_probe (n int)');
      await other.query('insert into kerege_token_probe values (1)');
      await other.query('commit');
    } finally {
      await other.end();
    }
    expect(await quietToken()).toBe(before);
  });
});
