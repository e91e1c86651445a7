// API tests run through app.inject on both engines: SQLite always, PostgreSQL when
// KEREGE_TEST_PG points at a server (scripts/test-all.sh starts one). Under CI=true a
// missing PostgreSQL is a failure, never a silent skip.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp, type App } from '../../src/server/app.js';
import type { Ctx } from '../../src/server/context.js';
import { HybridClock } from '../../src/server/db/clock.js';
import { openDatabase, type Db, type Engine } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { ensureRoot, isDemo, loadDemo } from '../../src/server/demo/load.js';
import { DEMO_PASSWORD } from '../../src/server/demo/network.js';

const pgUrl = process.env.KEREGE_TEST_PG;
if (!pgUrl && process.env.CI === 'true') {
  throw new Error('KEREGE_TEST_PG is not set under CI=true: the PostgreSQL half of the API tests must run');
}
if (!pgUrl) console.warn('\n!!! KEREGE_TEST_PG not set: the PostgreSQL half of the API tests is SKIPPED !!!\n');

export const ENGINES: Engine[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

async function freshDatabaseUrl(engine: Engine): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kerege-test-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `kerege_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestEnv {
  engine: Engine;
  app: App;
  db: Db;
  ctx: Ctx;
  /** A client signed in as `username` (demo password unless given). */
  as(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export interface Reply { status: number; body: any; headers: Record<string, unknown> }

export class Client {
  constructor(private readonly app: App, private cookie = '', private csrf = '', readonly locale = 'en') {}
  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await this.app.inject({
      method: method as 'GET', url, payload: body === undefined ? undefined : (body as object),
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}), 'accept-language': this.locale, ...headers },
    });
    let parsed: unknown = null;
    try { parsed = res.body ? JSON.parse(res.body) : null; } catch { parsed = res.body; }
    return { status: res.statusCode, body: parsed, headers: res.headers };
  }
  get(url: string) { return this.request('GET', url); }
  post(url: string, body: unknown = {}) { return this.request('POST', url, body); }
  patch(url: string, body: unknown) { return this.request('PATCH', url, body); }
  put(url: string, body: unknown) { return this.request('PUT', url, body); }
  withLocale(locale: string) { return new Client(this.app, this.cookie, this.csrf, locale); }
  withoutCsrf() { return new Client(this.app, this.cookie, '', this.locale); }
}

export async function signIn(app: App, username: string, password: string = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  return new Client(app, cookie, JSON.parse(res.body).csrfToken);
}

/**
 * A fresh database with the demo network. Its learning records (tens of thousands of people,
 * docs/demo-data.md) only with `records: true`: the suites' fixtures expect an empty register.
 */
export async function testEnv(engine: Engine, { demo = true, records = false } = {}): Promise<TestEnv> {
  const database = await freshDatabaseUrl(engine);
  const db = openDatabase(database.url, { poolSize: 4 });
  await migrateToLatest(db);
  const ctx: Ctx = { db: db.kysely, engine, clock: new HybridClock(), actor: null, locale: 'en' };
  await ensureRoot(ctx);
  if (demo) await loadDemo(ctx, { records });
  const demoFlag = await isDemo(ctx);
  const app = await buildApp({ db, demo: async () => demoFlag, webRoot: '/nonexistent' });
  await app.ready();
  return {
    engine, app, db, ctx,
    as: (username, password) => signIn(app, username, password),
    anonymous: () => new Client(app),
    close: async () => { await app.close(); await db.close(); await database.drop(); },
  };
}
