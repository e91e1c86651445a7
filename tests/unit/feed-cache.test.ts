// The read cache's bounds and validity on a real (SQLite) database: an answer is served back
// only while the change feed is unchanged, and entries leave by count and by bytes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/server/db/dialect.js';
import { FeedCache } from '../../src/server/db/feed-cache.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kerege-cache-'));
  db = openDatabase(`sqlite:${join(dir, 'cache.db')}`, { poolSize: 1 });
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A compute function that counts its calls. */
function counter(value: string) {
  const fn = async () => { fn.calls++; return value; };
  fn.calls = 0;
  return fn;
}

describe('FeedCache', () => {
  it('serves an answer again until the change feed moves', async () => {
    const cache = new FeedCache('sqlite');
    const compute = counter('a');
    await cache.get({ db: db.kysely }, 'k', compute);
    await cache.get({ db: db.kysely }, 'k', compute);
    expect(compute.calls).toBe(1);
    await db.kysely.insertInto('changes').values({
      table_name: 'x', row_id: 'r', scope_id: 's', version: 'v', op: 'upsert', at: '2026-01-01T00:00:00Z',
    }).execute();
    await cache.get({ db: db.kysely }, 'k', compute);
    expect(compute.calls).toBe(2);
  });

  it('drops the least recently used entries when the byte budget is spent', async () => {
    const cache = new FeedCache('sqlite', 100, 1_000);
    const [a, b, c] = [counter('a'), counter('b'), counter('c')];
    const size = () => 400;
    await cache.get({ db: db.kysely }, 'a', a, size);
    await cache.get({ db: db.kysely }, 'b', b, size);
    await cache.get({ db: db.kysely }, 'a', a, size); // a is now the most recent
    await cache.get({ db: db.kysely }, 'c', c, size); // 1,200 bytes would not fit: b goes
    await cache.get({ db: db.kysely }, 'a', a, size);
    await cache.get({ db: db.kysely }, 'b', b, size);
    expect([a.calls, b.calls, c.calls]).toEqual([1, 2, 1]);
  });

  it('does not keep an answer larger than the whole budget, and bounds the entry count', async () => {
    const cache = new FeedCache('sqlite', 2, 1_000);
    const big = counter('big');
    await cache.get({ db: db.kysely }, 'big', big, () => 5_000);
    await cache.get({ db: db.kysely }, 'big', big, () => 5_000);
    expect(big.calls).toBe(2);
    const [x, y, z] = [counter('x'), counter('y'), counter('z')];
    for (const [k, f] of [['x', x], ['y', y], ['z', z], ['x', x]] as const) await cache.get({ db: db.kysely }, k, f);
    expect(x.calls).toBe(2);
  });

  it('uses a change token the request already read, without asking the database', async () => {
    const cache = new FeedCache('sqlite');
    const noDatabase = new Proxy({}, { get: () => { throw new Error('the database was asked'); } }) as never;
    const compute = counter('a');
    await cache.get({ db: noDatabase, changeToken: '7' }, 'k', compute);
    await cache.get({ db: noDatabase, changeToken: '7' }, 'k', compute);
    await cache.get({ db: noDatabase, changeToken: '8' }, 'k', compute);
    expect(compute.calls).toBe(2);
  });
});
