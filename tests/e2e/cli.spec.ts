// The command line against a running server: `kerege user add` creates an account the server
// can use at once (SQLite in WAL mode lets both write), `kerege migrate` is idempotent, and bad
// arguments are refused with a clear message and nothing written.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startServer, type StartedServer } from './support.js';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'dist/server/cli.js');

describe('kerege CLI', () => {
  let server: StartedServer;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    server = await startServer({ demo: true });
    env = { ...process.env, DATABASE_URL: `sqlite:${server.dbPath}` };
  });
  afterAll(() => server.stop());

  it('prints the URL and the demo accounts at start', () => {
    expect(server.output()).toMatch(/Kerege is serving on http:\/\/127\.0\.0\.1:\d+/);
    expect(server.output()).toContain('regional.vko');
    expect(server.output()).toContain('kerege-demo-2026');
  });

  it('adds a user while the server runs, by org unit code', async () => {
    const { stdout } = await run(process.execPath, [cli, 'user', 'add', '--username', 'cli.user', '--password', 'cli-password-1', '--role', 'facilitator', '--org', 'CLC-TARAZ', '--name', 'Дәурен Омаров'], { env });
    expect(stdout).toContain('created cli.user (facilitator) in CLC-TARAZ');
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cli.user', password: 'cli-password-1' }),
    });
    expect(login.status).toBe(200);
    expect((await login.json()).user.orgUnit.code).toBe('CLC-TARAZ');
  });

  it('refuses bad arguments with field messages and writes nothing', async () => {
    const failed = await run(process.execPath, [cli, 'user', 'add', '--username', 'x', '--password', 'short', '--role', 'wizard', '--org', 'KZ'], { env }).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('--password');
    expect(failed.stderr).toContain('--role');
    const unknownOrg = await run(process.execPath, [cli, 'user', 'add', '--username', 'nobody.here', '--password', 'long-enough-1', '--role', 'national', '--org', 'NO-SUCH-UNIT'], { env }).catch((e) => e);
    expect(unknownOrg.code).toBe(2);
    expect(unknownOrg.stderr).toContain('orgUnitId');
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody.here', password: 'long-enough-1' }),
    });
    expect(login.status).toBe(401);
  });

  it('migrates idempotently and refuses to load the demo twice', async () => {
    const { stdout } = await run(process.execPath, [cli, 'migrate'], { env });
    expect(stdout).toContain('database is up to date');
    const demo = await run(process.execPath, [cli, 'demo'], { env }).catch((e) => e);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain('empty database');
  });
});
