#!/usr/bin/env node
// Bench-only prototype (decision 0015): what the duplicate check spends in Node per request,
// and what caching the folded name parts would save. The check scores every learner of a
// birth-date block (≈ 40–190 people at 2M learners) with scoreMatch (dist/domain/person-match.js),
// which folds both names again for every pair (foldName → foldForSearch: NFC, NFKD and ~10
// regular expressions, ≈ 13 µs a call, 6 calls a pair). Prototypes: the same algorithm with
// foldName memoised in a bounded Map, and a whole block scored at once; both must give
// identical scores and reasons on every pair they time.
//
//   node bench/match-scoring-prototype.mjs --url=sqlite:/tmp/kerege-bench-learners/2000000-20000000-5000-2026.db
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MATCH_THRESHOLD, NAME_SIMILAR, foldName, scoreMatch } from '../dist/domain/person-match.js';
import { parseIin } from '../dist/domain/iin.js';
import { normalisePhone } from '../dist/domain/phone.js';

const { values: opts } = parseArgs({ options: { url: { type: 'string' }, people: { type: 'string', default: '200' } } });
if (!opts.url?.startsWith('sqlite:')) {
  console.error('usage: node bench/match-scoring-prototype.mjs --url=sqlite:<generated bench database> [--people=200]');
  process.exit(2);
}

// ---------------------------------------------------------------- the prototype: scoreMatch with cached folds
const FOLD_CACHE_MAX = 20_000;
const folds = new Map();
function cachedFoldName(part) {
  const key = part ?? '';
  let v = folds.get(key);
  if (v === undefined) {
    v = foldName(key);
    if (folds.size >= FOLD_CACHE_MAX) folds.delete(folds.keys().next().value);
    folds.set(key, v);
  }
  return v;
}
function osaDistance(a, b) {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  let before = new Array(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length];
}
const partSimilarity = (a, b) => (a === '' || b === '' ? 0 : 1 - osaDistance(a, b) / Math.max(a.length, b.length));
function nameSimilarity(a, b) {
  const [al, af, am] = [cachedFoldName(a.lastName), cachedFoldName(a.firstName), cachedFoldName(a.middleName)];
  const [bl, bf, bm] = [cachedFoldName(b.lastName), cachedFoldName(b.firstName), cachedFoldName(b.middleName)];
  const middle = am !== '' && bm !== '' ? partSimilarity(am, bm) : null;
  const combine = (last, first) => (middle === null ? Math.sqrt(last * first) : Math.cbrt(last * first * middle));
  return Math.max(combine(partSimilarity(al, bl), partSimilarity(af, bf)), combine(partSimilarity(al, bf), partSimilarity(af, bl)));
}
const validIin = (iin) => { const p = iin ? parseIin(iin) : null; return p?.ok ? p : null; };
const validPhone = (phone) => { const r = phone ? normalisePhone(phone) : null; return r?.ok ? r.e164 : null; };
function scoreMatchCached(candidate, stored) {
  const [iinA, iinB] = [validIin(candidate.iin), validIin(stored.iin)];
  const birthA = candidate.birthDate?.trim() || iinA?.birthDate || null;
  const birthB = stored.birthDate?.trim() || iinB?.birthDate || null;
  const [phoneA, phoneB] = [validPhone(candidate.phone), validPhone(stored.phone)];
  const similarity = nameSimilarity(candidate, stored);
  const similar = similarity >= NAME_SIMILAR;
  const sameBirth = birthA !== null && birthA === birthB;
  const samePhone = phoneA !== null && phoneA === phoneB;
  const reasons = [];
  if (similarity === 1) reasons.push('name');
  else if (similar) reasons.push('name_similar');
  if (sameBirth) reasons.push('birth_date');
  if (samePhone) reasons.push('phone');
  if (iinA && iinB && iinA.iin === iinB.iin) return { score: 1, reasons: ['iin', ...reasons] };
  let miss = 1 - similarity * (similar ? 0.5 : 0.25);
  if (similar && sameBirth) miss *= 1 - 0.85;
  if (similar && samePhone) miss *= 1 - 0.65;
  let score = 1 - miss;
  if (birthA !== null && birthB !== null && birthA !== birthB) score *= 0.4;
  if (iinA && iinB) score *= 0.3;
  return { score: Math.round(score * 1000) / 1000, reasons };
}

/**
 * Further: score a whole block for one candidate — the candidate's folds, IIN and phone worked
 * out once, and the stored IIN and phone taken as they are (the learners service stores only
 * validated, normalised values; an IIN's birth date equals the row's birth date).
 */
function scoreBlock(candidate, block) {
  const iinA = validIin(candidate.iin);
  const birthA = candidate.birthDate?.trim() || iinA?.birthDate || null;
  const phoneA = validPhone(candidate.phone);
  const [al, af, am] = [cachedFoldName(candidate.lastName), cachedFoldName(candidate.firstName), cachedFoldName(candidate.middleName)];
  return block.map((stored) => {
    const [bl, bf, bm] = [cachedFoldName(stored.lastName), cachedFoldName(stored.firstName), cachedFoldName(stored.middleName)];
    const middle = am !== '' && bm !== '' ? partSimilarity(am, bm) : null;
    const combine = (last, first) => (middle === null ? Math.sqrt(last * first) : Math.cbrt(last * first * middle));
    const similarity = Math.max(combine(partSimilarity(al, bl), partSimilarity(af, bf)), combine(partSimilarity(al, bf), partSimilarity(af, bl)));
    const similar = similarity >= NAME_SIMILAR;
    const birthB = stored.birthDate || null;
    const sameBirth = birthA !== null && birthA === birthB;
    const samePhone = phoneA !== null && phoneA === stored.phone;
    const reasons = [];
    if (similarity === 1) reasons.push('name');
    else if (similar) reasons.push('name_similar');
    if (sameBirth) reasons.push('birth_date');
    if (samePhone) reasons.push('phone');
    if (iinA && stored.iin && iinA.iin === stored.iin) return { score: 1, reasons: ['iin', ...reasons] };
    let miss = 1 - similarity * (similar ? 0.5 : 0.25);
    if (similar && sameBirth) miss *= 1 - 0.85;
    if (similar && samePhone) miss *= 1 - 0.65;
    let score = 1 - miss;
    if (birthA !== null && birthB !== null && birthA !== birthB) score *= 0.4;
    if (iinA && stored.iin) score *= 0.3;
    return { score: Math.round(score * 1000) / 1000, reasons };
  });
}

// ---------------------------------------------------------------- measure on real blocks
const db = new Database(opts.url.slice('sqlite:'.length), { readonly: true });
const total = db.prepare('select max(rowid) as n from learners').get().n;
const pick = db.prepare('select last_name, first_name, middle_name, birth_date from learners where rowid = ?');
const blockOf = db.prepare('select last_name, first_name, middle_name, birth_date, phone, iin from learners where birth_date = ? and deleted_at is null and merged_into is null limit 1000');
const facts = (r) => ({ lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name, birthDate: r.birth_date, phone: r.phone ?? null, iin: r.iin ?? null });
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const requests = Array.from({ length: Number(opts.people) }, () => {
  const p = pick.get(1 + Math.floor(rand() * total));
  return { candidate: { ...facts(p), phone: null, iin: null }, block: blockOf.all(p.birth_date).map(facts) };
});
const sizes = requests.map((r) => r.block.length).sort((a, b) => a - b);
let differ = 0, matches = 0;
for (const r of requests) {
  const batch = scoreBlock(r.candidate, r.block);
  r.block.forEach((s, i) => {
    const a = scoreMatch(r.candidate, s), b = scoreMatchCached(r.candidate, s), c = batch[i];
    if (a.score !== b.score || a.reasons.join() !== b.reasons.join() || a.score !== c.score || a.reasons.join() !== c.reasons.join()) differ++;
    if (a.score >= MATCH_THRESHOLD) matches++;
  });
}
const time = (fn) => {
  const ms = [];
  for (let round = 0; round < 3; round++) for (const r of requests) {
    const t = performance.now();
    for (const s of r.block) fn(r.candidate, s);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)], p95: ms[Math.floor(ms.length * 0.95)] };
};
const today = time(scoreMatch);
const cached = time(scoreMatchCached);
const blockMs = [];
for (let round = 0; round < 3; round++) for (const r of requests) { const t = performance.now(); scoreBlock(r.candidate, r.block); blockMs.push(performance.now() - t); }
blockMs.sort((a, b) => a - b);
console.log(`${requests.length} typed people, birth-date blocks of ${sizes[0]}–${sizes[sizes.length - 1]} (median ${sizes[Math.floor(sizes.length / 2)]}) learners, ${matches} pairs ≥ threshold`);
console.log(`scoreMatch over a block, per request:          p50 ${today.p50.toFixed(2)} ms, p95 ${today.p95.toFixed(2)} ms`);
console.log(`same with folded name parts cached (prototype): p50 ${cached.p50.toFixed(2)} ms, p95 ${cached.p95.toFixed(2)} ms; ${folds.size} distinct parts cached`);
console.log(`whole block scored at once (prototype):         p50 ${blockMs[Math.floor(blockMs.length / 2)].toFixed(2)} ms, p95 ${blockMs[Math.floor(blockMs.length * 0.95)].toFixed(2)} ms`);
console.log(`${differ} pairs scored differently from scoreMatch`);
if (differ) process.exitCode = 1;
