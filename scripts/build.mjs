#!/usr/bin/env node
// Builds what is missing or stale: the server (tsc → dist/server) and the web app
// (vite → dist/web). `--force` rebuilds both. Used by `npm start` and `npx kerege`.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

/** Brotli and gzip twins of the web app's text files, served as they are (no work per request). */
function precompress(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { precompress(path); continue; }
    if (!/\.(js|css|html|json|svg|webmanifest)$/.test(name)) continue;
    const data = readFileSync(path);
    if (data.length < 1024) continue;
    writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  }
}

const serverStamp = join(root, 'dist/server/.stamp');
if (stale(serverStamp, ['src/server', 'src/domain', 'tsconfig.server.json', 'package.json'])) {
  run('server', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json']);
  writeFileSync(serverStamp, new Date().toISOString());
}
const webStamp = join(root, 'dist/web/.stamp');
if (stale(webStamp, ['src/web', 'src/domain', 'locales', 'index.html', 'public', 'vite.config.ts', 'package.json'])) {
  run('web app', [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
  precompress(join(root, 'dist/web'));
  writeFileSync(webStamp, new Date().toISOString());
}
