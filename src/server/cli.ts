// The command line: kerege serve | migrate | demo | user add. Reads the same environment as
// the server (PORT, DATABASE_URL, KEREGE_DEMO). node:util parseArgs, no framework.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ROLES, UserInput } from '../domain/accounts.js';
import { buildApp } from './app.js';
import { redactUrl, readConfig } from './config.js';
import type { Ctx } from './context.js';
import { HybridClock } from './db/clock.js';
import { openDatabase, type Db, bulkLoading } from './db/dialect.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureRoot, isDemo, isEmpty, loadDemo } from './demo/load.js';
import { DEMO_PASSWORD, demoUsers } from './demo/network.js';
import { KeregeError } from './errors.js';
import { translate } from './i18n.js';
import { createUser } from './modules/users/service.js';

const USAGE = `Usage: kerege <command>
  serve                 migrate, load the demo into an empty database (unless KEREGE_DEMO=0), serve
  migrate               run the database migrations and exit
  demo                  load the demo network into an empty database
  user add --username U --password P --role R --org <org unit id or code> [--name "Display name"] [--partner <id>] [--locale kk|ru|en]
Environment: PORT (8080), DATABASE_URL (sqlite:./data/kerege.db | postgres://…), KEREGE_DEMO (0 = no demo)`;

function systemCtx(db: Db): Ctx {
  return { db: db.kysely, engine: db.engine, clock: new HybridClock(), actor: null, locale: 'en' };
}

async function prepare(db: Db): Promise<void> {
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  await ensureRoot(systemCtx(db));
}

/**
 * `kerege demo` in a child process on the same database: the demo's ~250,000 records pass
 * through that process's memory, which ends with it, so the server starts at its usual size.
 */
function loadDemoInChild(): Promise<Awaited<ReturnType<typeof loadDemo>>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'demo'], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last));
      else reject(new Error(`loading the demo failed (exit code ${code})`));
    });
  });
}

async function serve(): Promise<void> {
  const config = readConfig();
  const db = openDatabase(config.databaseUrl);
  await prepare(db);
  const ctx = systemCtx(db);
  if (config.demo && (await isEmpty(ctx))) {
    const started = Date.now();
    const counts = config.databaseUrl.endsWith(':memory:') ? await loadDemo(ctx) : await loadDemoInChild();
    const people = counts.records ? `, ${counts.records.learners} learners, ${counts.records.trainings} trainings, ${counts.records.visits} visit entries` : '';
    console.log(`demo network loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.centres} centres, ${counts.partners} partners, ${counts.users} accounts${people}`);
  }
  const demo = await isDemo(ctx);
  const app = await buildApp({ db, logger: process.env.KEREGE_LOG === '1', demo: async () => demo, cacheReads: process.env.KEREGE_READ_CACHE !== '0' });
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`Kerege is serving on http://${shown}:${config.port} (database: ${db.engine}, ${redactUrl(config.databaseUrl)})`);
  if (demo) {
    console.log(`Demo accounts (password "${DEMO_PASSWORD}", demo only):`);
    for (const u of demoUsers) console.log(`  ${u.username.padEnd(20)} ${u.role.padEnd(15)} ${u.orgUnit}`);
  }
  const stop = async () => { await app.close(); await db.close(); process.exit(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function userAdd(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args, options: {
      username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' },
      name: { type: 'string' }, partner: { type: 'string' }, locale: { type: 'string' },
    },
  });
  const parsed = UserInput.safeParse({
    username: values.username, password: values.password, role: values.role, orgUnitId: values.org,
    displayName: values.name ?? values.username, partnerId: values.partner ?? null, locale: values.locale ?? 'kk',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`  --${issue.path.join('.') || '?'}: ${issue.message}`);
    console.error(`roles: ${ROLES.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const db = openDatabase(readConfig().databaseUrl);
  try {
    await prepare(db);
    const user = await createUser(systemCtx(db), parsed.data, { checkActor: false });
    console.log(`created ${user.username} (${user.role}) in ${user.orgUnit.code}`);
  } catch (error) {
    if (!(error instanceof KeregeError)) throw error;
    for (const f of error.fields) console.error(`  ${f.field}: ${translate('en', `errors.field.${f.code}`, f.params)}`);
    process.exitCode = 2;
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': return serve();
    case 'migrate': {
      const db = openDatabase(readConfig().databaseUrl);
      await prepare(db);
      console.log('database is up to date');
      return db.close();
    }
    case 'demo': {
      const db = openDatabase(readConfig().databaseUrl);
      await prepare(db);
      const ctx = systemCtx(db);
      if (!(await isEmpty(ctx))) {
        console.error('the database already holds centres or accounts: the demo loads only into an empty database');
        process.exitCode = 1;
      } else {
        // an empty database filled in one go: nothing to lose if the machine stops halfway
        await bulkLoading(db, true);
        console.log(JSON.stringify(await loadDemo(ctx)));
        await bulkLoading(db, false);
      }
      return db.close();
    }
    case 'user':
      if (rest[0] === 'add') return userAdd(rest.slice(1));
      break;
  }
  console.log(USAGE);
  if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
