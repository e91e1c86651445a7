// Harness for browser journeys (tests/e2e/*.spec.ts).
// Run with: npx vitest run --config vitest.e2e.config.ts
// Journeys that use startServer() need the built server: node scripts/build.mjs --force
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { afterAll, beforeAll, beforeEach, expect, onTestFailed } from 'vitest';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const outDir = path.join(repoRoot, 'tests/e2e/out');

// ------------------------------------------------------------------ when a journey fails

/** Pages and servers of the running journeys, described when one fails. */
const openPages = new Set<Page>();
const runningServers = new Set<StartedServer>();

/** Where each open page was and what it showed, plus the servers' last lines: added to the failure. */
async function describeFailure(name: string): Promise<string> {
  const parts: string[] = [];
  let i = 0;
  for (const page of openPages) {
    if (page.isClosed()) continue;
    const state = await page.evaluate(() => {
      const text = (sel: string) => [...document.querySelectorAll(sel)].map((e) => (e as HTMLElement).innerText.trim()).filter(Boolean).join(' | ').slice(0, 300);
      return { h1: text('h1'), alerts: text('[role=alert]'), invalid: text('[aria-invalid=true]'), dialogs: text('[role=dialog] h2') };
    }).catch((e: Error) => ({ error: e.message.split('\n')[0] }));
    const shot = await screenshot(page, `FAILED-${name}-${i++}`).catch(() => null);
    parts.push(`page ${page.url()} ${JSON.stringify(state)}${shot ? ` screenshot ${path.relative(repoRoot, shot)}` : ''}`);
  }
  for (const server of runningServers) {
    const lines = server.output().trim().split('\n').slice(-8).join('\n      ');
    if (lines) parts.push(`server ${server.url} last lines:\n      ${lines}`);
  }
  return parts.length ? `\n--- at the failure ---\n${parts.join('\n')}` : '';
}

beforeEach(() => {
  onTestFailed(async ({ task }) => {
    const error = task.result?.errors?.[0];
    if (!error) return;
    const more = await describeFailure(task.name.replace(/\W+/g, '-').slice(0, 40));
    error.message += more;
    if (error.stack) error.stack = error.stack.replace(/\n/, `${more}\n`);
  });
});

// ------------------------------------------------------------------ server

export interface StartedServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  /** Stops the server and deletes its temp directory (and the database). */
  stop(): Promise<void>;
  /** Absolute path of the fresh SQLite file the server uses. */
  dbPath: string;
  /** Everything the server printed so far (stdout and stderr interleaved). */
  output(): string;
}

export interface StartServerOptions {
  /** KEREGE_DEMO=1 when true (default false). */
  demo?: boolean;
  /** Extra environment for the server; overrides the defaults. */
  env?: Record<string, string>;
}

/** A port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('could not find a free port'));
        return;
      }
      const { port } = addr;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * A SQLite database with the demo loaded (`kerege demo`), made once per build and copied for
 * each journey that asks for the demo: loading its ~250,000 learning records takes 20 s or
 * more, and every journey would otherwise pay it. `kerege demo` closes the database, which
 * folds the WAL back into the file, so the one file is the whole database.
 */
async function demoTemplate(cli: string): Promise<string> {
  const file = path.join(os.tmpdir(), `kerege-e2e-demo-${Math.round(statSync(cli).mtimeMs)}.db`);
  const done = `${file}.done`;
  if (existsSync(done)) return file;
  for (const f of [file, `${file}-wal`, `${file}-shm`]) await rm(f, { force: true });
  await promisify(execFile)(process.execPath, [cli, 'demo'], {
    cwd: repoRoot, env: { ...process.env, DATABASE_URL: `sqlite:${file}` }, maxBuffer: 16 * 1024 * 1024,
  });
  if (existsSync(`${file}-wal`)) throw new Error(`${file}-wal is left after kerege demo: the template would be incomplete`);
  await writeFile(done, new Date().toISOString());
  return file;
}

/**
 * Starts the built Kerege server (`node dist/server/cli.js serve`) on a free
 * port with a fresh SQLite database in a temp directory, and waits until
 * `GET /api/health` answers 200 (up to 150 s: a first start with the demo writes its ~250,000
 * learning records, which takes a while on a busy machine; docs/demo-data.md).
 */
export async function startServer(opts: StartServerOptions = {}): Promise<StartedServer> {
  const cli = path.join(repoRoot, 'dist/server/cli.js');
  if (!existsSync(cli)) {
    throw new Error(`${cli} is missing: build first (node scripts/build.mjs --force)`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kerege-e2e-'));
  const dbPath = path.join(dir, 'kerege.db');
  // The server sees a database that already holds the demo and starts at once.
  if (opts.demo) await copyFile(await demoTemplate(cli), dbPath);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  let log = '';
  const child = spawn(process.execPath, [cli, 'serve'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dbPath}`,
      KEREGE_DEMO: opts.demo ? '1' : '0',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
  let spawnError: Error | undefined;
  child.on('error', (e) => (spawnError = e));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    await rm(dir, { recursive: true, force: true });
  };

  const fail = async (why: string): Promise<never> => {
    await stop();
    const msg = `startServer: ${why}\n----- server output -----\n${log || '(nothing)'}\n-------------------------`;
    console.error(msg);
    throw new Error(msg);
  };

  const deadline = Date.now() + 150_000;
  let lastError = '';
  for (;;) {
    if (spawnError) return fail(`could not spawn the server: ${spawnError.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      return fail(`server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
      lastError = `GET /api/health answered ${res.status}`;
    } catch (e) {
      lastError = e instanceof Error ? `${e.message}${e.cause ? ` (${String(e.cause)})` : ''}` : String(e);
    }
    if (Date.now() > deadline) return fail(`no 200 from ${url}/api/health within 150 s; last: ${lastError}`);
    await sleep(200);
  }

  const server: StartedServer = {
    url, dbPath, output: () => log,
    stop: async () => { runningServers.delete(server); await stop(); },
  };
  runningServers.add(server);
  return server;
}

// ------------------------------------------------------------------ browser

export const chromiumPath = '/usr/bin/chromium';

/** Debian's headless Chromium, with the flags these machines need. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: run scripts/test-all.sh as root once (installs Debian's chromium)`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

export interface NewPageOptions {
  /** BCP 47 locale for navigator.language and Accept-Language (default 'en-US'). */
  locale?: string;
  viewport?: { width: number; height: number };
}

/** A fresh browser context (own cookies and storage) with one page opened at `url`. */
export async function newPage(browser: Browser, url: string, opts: NewPageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: opts.locale ?? 'en-US',
    ...(opts.viewport ? { viewport: opts.viewport } : {}),
  });
  const page = await context.newPage();
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  await page.goto(url);
  return page;
}

// ------------------------------------------------------------------ signing in

/** What the journeys of one spec file run against. */
export interface Journey { readonly server: StartedServer; readonly browser: Browser }

/**
 * The app with the demo network, and a browser, for the journeys of one spec file: started
 * before them and stopped after. Call it at the top of the file; read it in tests and in
 * hooks registered after it.
 */
export function demoJourney(): Journey {
  let server: StartedServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer({ demo: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the journey has not started (demoJourney() is read before its beforeAll ran)');
    return value;
  };
  return { get server() { return started(server); }, get browser() { return started(browser); } };
}

/** The page fits its window: nothing sticks out sideways (a phone's 375 px above all). */
export async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scroll, `${where}: the page is wider than the window`).toBeLessThanOrEqual(width);
}

/**
 * A view checked and kept: settled, its transitions over (axe measures contrast on the final
 * colours), no wider than its window when `fits`, no serious axe violation, and a full-page
 * screenshot from the top in tests/e2e/out.
 */
export async function look(page: Page, name: string, { fits = false } = {}): Promise<void> {
  await settled(page);
  await page.waitForFunction(() => document.getAnimations().length === 0);
  if (fits) await expectNoHorizontalOverflow(page, name);
  await expectNoSeriousA11yViolations(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** The demo accounts' password (`kerege demo`). */
export const DEMO_PASSWORD = 'kerege-demo-2026';

/** Nothing more is on its way: no request in flight, and no "loading" shown in any language. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('[role=status] .mantine-Loader-root').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

/**
 * Signs in on the login page, whose labels are in Kazakh, and waits until the person has
 * landed at home, with their name in the header (in the closed drawer on a phone), settled.
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Пайдаланушы аты').fill(username);
  await page.getByLabel('Құпиясөз', { exact: false }).first().fill(password);
  await page.keyboard.press('Enter');
  await landed(page);
  await page.getByTestId('user-name').first().waitFor({ state: 'attached' });
  await settled(page);
}

/**
 * After signing in, wait for the page each role lands on: "/" leads to /network, which leads to
 * the account's own unit — /network/<id>, or /centres/<id> for centre staff — and a learner to
 * /my. Waiting for just "/network" let a journey click on while the address was still moving,
 * and the last redirect could take it back.
 */
export async function landed(page: Page): Promise<void> {
  await page.waitForURL((url) => /^\/(network|centres)\/[0-9a-f-]{36}$|^\/my$/.test(url.pathname));
}

/**
 * Open the navigation drawer of a phone-sized window. The burger is pressed only while the
 * menu says it is closed (pressing it again while it opens on a slow machine would close it),
 * and again if a change of address closed it meanwhile.
 */
export async function openNavigation(page: Page): Promise<void> {
  const burger = page.getByRole('button', { name: /^(Мәзірді (ашу|жабу)|Открыть меню|Закрыть меню|Open menu|Close menu)$/ });
  const open = () => page.evaluate(() => document.getElementById('kerege-nav')?.inert === false);
  const deadline = Date.now() + 30_000;
  while (!(await open())) {
    if (Date.now() > deadline) throw new Error('the navigation drawer did not open');
    if ((await burger.getAttribute('aria-expanded')) !== 'true') await burger.click();
    await page.waitForFunction(() => document.getElementById('kerege-nav')?.inert === false, null, { timeout: 5_000 }).catch(() => undefined);
  }
}

/**
 * Follow a link of the main navigation, opening the drawer first on a phone. On a slow machine
 * the drawer can close again before the click lands (it closes on every change of address),
 * so it is opened and the link tried again until it is followed.
 */
export async function followNavLink(page: Page, name: string, phone: boolean): Promise<void> {
  const link = page.getByRole('navigation', { name: /^(Негізгі мәзір|Основное меню|Main menu)$/ }).getByRole('link', { name, exact: true });
  const deadline = Date.now() + 40_000;
  for (;;) {
    if (phone) await openNavigation(page);
    try {
      await link.click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

// ------------------------------------------------------------------ accessibility

let axeSource: string | undefined;
async function loadAxe(): Promise<string> {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

export interface A11yOptions {
  /** Passed to axe.run (e.g. { rules: { 'color-contrast': { enabled: false } } }). Use sparingly. */
  axeOptions?: RunOptions;
}

/**
 * Runs axe-core on the page as it is now and throws when any violation has
 * impact 'serious' or 'critical'. Returns the full results for anything else.
 */
export async function expectNoSeriousA11yViolations(page: Page, opts: A11yOptions = {}): Promise<AxeResults> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol, which the app's CSP (script-src 'self') does not
  // govern; an injected <script> tag would be refused.
  if (!present) await page.evaluate(await loadAxe());
  const results = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(
        document,
        options ?? {},
      ),
    opts.axeOptions,
  );
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const lines = serious.map((v) => {
      const targets = v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(', ');
      const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
      return `- [${v.impact}] ${v.id}: ${v.help}\n    at ${targets}${more}`;
    });
    throw new Error(`${serious.length} serious/critical accessibility violation(s) on ${page.url()}:\n${lines.join('\n')}`);
  }
  return results;
}

// ------------------------------------------------------------------ screenshots

/** Saves a full-page PNG to tests/e2e/out/<name>.png (gitignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
