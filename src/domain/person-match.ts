// Is this the same person? Duplicate matching across scripts: pure, no I/O.
//
// Names are compared on their search folds (fold.ts), so script and
// transliteration differences (Ерлан Серікұлы = Yerlan Serikuly = Erlan
// Serikuly) are gone before any distance is measured; what is left is
// typing errors, which an edit distance counts directly. Patronymic endings
// are brought to the Kazakh form (-ovich/-evich/-ogli/-ugli → -uli,
// -ovna/-evna → -kizi), so Серикович = Серікұлы = Serik uly.
//
// nameSimilarity: normalised optimal-string-alignment (restricted
// Damerau-Levenshtein) similarity per name part, 1 − edits / longer length,
// combined by geometric mean (last × first, and the middle name when both
// have one), the better of straight and swapped first/last. A geometric mean
// lets one typo through but not a wholly different first name: the twins
// Асан and Үсен Сериков stay apart (≈ 0.71).
//
// scoreMatch: same valid IIN → 1. Otherwise evidence combines like
// independent clues, score = 1 − Π(1 − wᵢ):
//   name            0.5 × similarity when ≥ NAME_SIMILAR (else 0.25 ×): ≤ 0.5
//   same birth date 0.85 ┐ only when the names are similar
//   same phone      0.65 ┘
// then × 0.4 when both birth dates are known and differ, × 0.3 when both
// have a valid IIN and they differ. Hence: exact name + birth date ≥ 0.92,
// one typo + birth date ≥ 0.91, exact name + phone 0.825, name alone ≤ 0.5.
// Rationale and limits: docs/decisions/0010-person-identity.md.
import { SEARCH_KEY_SEPARATOR, foldForSearch } from './fold.js';
import { parseIin } from './iin.js';
import { normalisePhone } from './phone.js';

export interface PersonName {
  lastName: string;
  firstName: string;
  middleName?: string | null;
}
export interface PersonFacts extends PersonName {
  birthDate?: string | null;
  phone?: string | null;
  iin?: string | null;
}
export type MatchReason = 'iin' | 'name' | 'name_similar' | 'birth_date' | 'phone';
export interface MatchScore {
  score: number;
  reasons: MatchReason[];
}

/** A score at or above this is shown as a likely duplicate. */
export const MATCH_THRESHOLD = 0.7;
/** Name similarity at or above this counts as the same name with a typo. */
export const NAME_SIMILAR = 0.8;

const W_NAME_SIMILAR = 0.5;
const W_NAME_OTHER = 0.25;
const W_BIRTH_DATE = 0.85;
const W_PHONE = 0.65;
const DIFFERENT_BIRTH_DATE = 0.4;
const DIFFERENT_IIN = 0.3;

const collapse = (s: string): string => s.replace(/([a-z])\1+/g, '$1');

/**
 * The fold of one name part with a Russian or Turkic patronymic ending
 * rewritten to the Kazakh one: Серикович, Serikovich, Серік ұлы → serikuli.
 */
export function foldName(part: string | null | undefined): string {
  const key = part ?? '';
  const known = foldedNames.get(key);
  if (known !== undefined) return known;
  const folded = foldNameUncached(key);
  // Name parts repeat endlessly (a few thousand distinct parts among 2M people), and a
  // duplicate check scores a block of up to ~200 people: folding each part once instead of
  // once per pair cuts scoring about 4× (decision 0015). Bounded, oldest first out.
  if (foldedNames.size >= FOLD_CACHE_SIZE) foldedNames.delete(foldedNames.keys().next().value!);
  foldedNames.set(key, folded);
  return folded;
}

const FOLD_CACHE_SIZE = 20_000;
const foldedNames = new Map<string, string>();

function foldNameUncached(part: string): string {
  const folded = foldForSearch(part)
    .replace(/(?<=[a-z]{2})(?:ovich|evich|ogli|ugli)$/, 'uli')
    .replace(/(?<=[a-z]{2})(?:ovna|evna)$/, 'kizi');
  return collapse(folded);
}

/**
 * Folded keys to store for search and blocking: last+first(+middle),
 * first+last and last alone, both as foldForSearch gives them (so a plain
 * search finds them) and with patronymic endings made Kazakh. They are
 * already folded, so nameSearchKey joins them into a search_key column.
 */
export function nameKeys(person: PersonName): string[] {
  const { lastName: l, firstName: f } = person;
  const m = person.middleName ?? '';
  const keys = [foldForSearch(`${l} ${f} ${m}`), foldForSearch(`${l} ${f}`), foldForSearch(`${f} ${l}`), foldForSearch(l)];
  const [cl, cf, cm] = [foldName(l), foldName(f), foldName(m)];
  keys.push(collapse(cl + cf + cm), collapse(cl + cf), collapse(cf + cl), cl);
  return [...new Set(keys.filter((k) => k !== ''))];
}

/**
 * The `name_key` column: nameKeys joined as searchKey joins values. The keys are folds
 * already, and a fold folds to itself, so they are not folded a second time: folding a whole
 * name (a text seen once) costs far more than the joins, and filled the word-fold cache with
 * texts that never come back. Equal to `searchKey(nameKeys(person))` (the tests check it).
 */
export function nameSearchKey(person: PersonName): string {
  return nameKeys(person).join(SEARCH_KEY_SEPARATOR);
}

/** Rows of the distance table, reused from call to call (scoring is synchronous). */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Optimal string alignment distance: insert, delete, substitute, swap neighbours. */
function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(2 * (b.length + 1)));
  let [before, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
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

/** 1 − distance / longer length; 0 when either side folds to nothing. */
function partSimilarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  return 1 - osaDistance(a, b) / Math.max(a.length, b.length);
}

/** Similarity of two people's names in [0, 1]; 1 = the same folded name. */
export function nameSimilarity(a: PersonName, b: PersonName): number {
  const [al, af, am] = [foldName(a.lastName), foldName(a.firstName), foldName(a.middleName)];
  const [bl, bf, bm] = [foldName(b.lastName), foldName(b.firstName), foldName(b.middleName)];
  const middle = am !== '' && bm !== '' ? partSimilarity(am, bm) : null;
  const combine = (last: number, first: number) =>
    middle === null ? Math.sqrt(last * first) : Math.cbrt(last * first * middle);
  const straight = combine(partSimilarity(al, bl), partSimilarity(af, bf));
  const swapped = combine(partSimilarity(al, bf), partSimilarity(af, bl));
  return Math.max(straight, swapped);
}

const validIin = (iin: string | null | undefined) => {
  const parsed = iin ? parseIin(iin) : null;
  return parsed?.ok ? parsed : null;
};
const validPhone = (phone: string | null | undefined) => {
  const r = phone ? normalisePhone(phone) : null;
  return r?.ok ? r.e164 : null;
};

/**
 * How likely `candidate` (being typed) is `stored` (already registered),
 * in [0, 1], symmetric; reasons list every fact the two agree on. A birth
 * date missing on one side is taken from its IIN. Invalid IINs and phones
 * are ignored, as are missing facts.
 */
export function scoreMatch(candidate: PersonFacts, stored: PersonFacts): MatchScore {
  const [iinA, iinB] = [validIin(candidate.iin), validIin(stored.iin)];
  const birthA = candidate.birthDate?.trim() || iinA?.birthDate || null;
  const birthB = stored.birthDate?.trim() || iinB?.birthDate || null;
  const [phoneA, phoneB] = [validPhone(candidate.phone), validPhone(stored.phone)];

  const similarity = nameSimilarity(candidate, stored);
  const similar = similarity >= NAME_SIMILAR;
  const sameBirth = birthA !== null && birthA === birthB;
  const samePhone = phoneA !== null && phoneA === phoneB;

  const reasons: MatchReason[] = [];
  if (similarity === 1) reasons.push('name');
  else if (similar) reasons.push('name_similar');
  if (sameBirth) reasons.push('birth_date');
  if (samePhone) reasons.push('phone');
  if (iinA && iinB && iinA.iin === iinB.iin) return { score: 1, reasons: ['iin', ...reasons] };

  let miss = 1 - similarity * (similar ? W_NAME_SIMILAR : W_NAME_OTHER);
  if (similar && sameBirth) miss *= 1 - W_BIRTH_DATE;
  if (similar && samePhone) miss *= 1 - W_PHONE;
  let score = 1 - miss;
  if (birthA !== null && birthB !== null && birthA !== birthB) score *= DIFFERENT_BIRTH_DATE;
  if (iinA && iinB) score *= DIFFERENT_IIN;
  return { score: Math.round(score * 1000) / 1000, reasons };
}
