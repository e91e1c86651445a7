#!/usr/bin/env node
// Builds what is missing or stale: the server (tsc → dist/server) and the web app
// (vite → dist/web). `--force` rebuilds both. Used by `npm start` and `npx kerege`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function stale(stamp, inputs) {
  if (force || !existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.some((input) => newest(join(root, input)) > built);
}

function run(label, args) {
  const started = Date.now();
  process.stdout.write(`building ${label}… `);
  execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const serverStamp = join(root, 'dist/server/.stamp');
if (stale(serverStamp, ['src/server', 'src/domain', 'tsconfig.server.json', 'package.json'])) {
  run('server', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json']);
  writeFileSync(serverStamp, new Date().toISOString());
}
const webStamp = join(root, 'dist/web/.stamp');
if (stale(webStamp, ['src/web', 'src/domain', 'locales', 'index.html', 'public', 'vite.config.ts', 'package.json'])) {
  run('web app', [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  writeFileSync(webStamp, new Date().toISOString());
}
