#!/usr/bin/env node
// `npx kerege <command>`: build what is missing, then hand over to the compiled CLI.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
await import(join(root, 'dist/server/cli.js'));
