// Prints a short digest of the failed tests in vitest JSON reports, so that the
// end of a long CI log (often all that is kept) says what failed and why.
//   node scripts/failure-digest.mjs report.json [more.json ...]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MAX_FAILURES = 6;
const MAX_LINES = 14;
// eslint-disable-next-line no-control-regex
const ansi = /\x1b\[[0-9;]*m/g;

const failures = [];
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    continue; // a run that died before writing its report
  }
  for (const suite of report.testResults ?? []) {
    const where = path.relative(process.cwd(), suite.name ?? '');
    for (const test of suite.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      failures.push({ where, name: test.fullName ?? test.title, messages: test.failureMessages ?? [] });
    }
    // A file that failed outside any test (a hook, an import) has no failed assertion.
    if (suite.status === 'failed' && !(suite.assertionResults ?? []).some((t) => t.status === 'failed')) {
      failures.push({ where, name: '(outside the tests: a hook or the file itself)', messages: [suite.message ?? ''] });
    }
  }
}

if (failures.length > 0) {
  console.log(`\n---------------- failed tests: ${failures.length} ----------------`);
  for (const f of failures.slice(0, MAX_FAILURES)) {
    console.log(`✗ ${f.where} › ${f.name}`);
    const lines = f.messages.join('\n').replace(ansi, '').split('\n').map((l) => l.trimEnd())
      .filter((l) => l && !/node_modules|<anonymous>|node:internal/.test(l));
    // The message's first lines, then where in a test file it was thrown.
    const head = lines.slice(0, MAX_LINES);
    const at = lines.filter((l) => /\.(spec|test)\.ts:\d+/.test(l) && !head.includes(l)).slice(0, 2);
    for (const line of [...head, ...at]) console.log(`    ${line.slice(0, 240)}`);
  }
  if (failures.length > MAX_FAILURES) console.log(`… and ${failures.length - MAX_FAILURES} more`);
}
