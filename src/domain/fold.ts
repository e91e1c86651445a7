// Search folding across scripts: pure, no I/O, no dependencies.
//
// foldForSearch() turns a name written in Kazakh Cyrillic, Kazakh Latin
// (2017 apostrophes, 2018 acutes, 2021 alphabet), Russian Cyrillic or an
// English/Russian transliteration into one coarse phonetic skeleton over
// [a-z0-9], so that "Өскемен" = "Öskemen" = "Oskemen" and
// "Қайрат" = "Qairat" = "Kairat" = "Кайрат". Case, spaces, hyphens,
// apostrophes, soft/hard signs and doubled letters do not matter.
// Exonyms ("Усть-Каменогорск" vs "Өскемен") are NOT folding: store them as
// aliases in the same search key. Rationale, tables and limits:
// docs/decisions/0006-search-folding.md.
//
// Steps, in order:
//  1. NFC. Latin look-alikes typed inside a Cyrillic word become Cyrillic
//     ("Cерік" with a Latin C is "Серік").
//  2. Lower case. Letters whose mark is phonemic are rewritten before the
//     marks go: 2017 s' c' y' (ш ч у), ş ç (ш ч), 2018 ý (у), ı, ə; № goes.
//  3. NFKD and drop every combining mark (ä→a, ğ→g, ū→u, й→и, ё→е, İ→i).
//  4. Cyrillic letters map to skeleton letters; Latin a-z and digits stay;
//     anything else separates words.
//  5. Per word: Latin digraphs and loose letters are canonicalised
//     (zh→j, h→kh, q→k, c→k, x→ks, y→i, ye→e), then doubled letters collapse.
//  6. Words are concatenated without a separator and collapsed once more.
//
// The skeleton only contains h inside sh/ch/kh, c inside ch, and never
// q w x y, so no rule of step 5 can fire across a word boundary: the output
// is a fixpoint (foldForSearch(foldForSearch(x)) === foldForSearch(x)) and
// the fold of a word is a substring of the fold of any text containing it.

/** Skeleton of each Cyrillic letter (lower case, after NFKD: й ё ї ў are gone). */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', ґ: 'g', д: 'd', е: 'e', є: 'e',
  ж: 'j', з: 'z', и: 'i', і: 'i', ы: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n',
  ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u',
  ф: 'f', х: 'kh', һ: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ь: '',
  э: 'e', ю: 'iu', я: 'ia',
};

/**
 * Rewritten before NFKD: Latin letters whose mark changes the sound (NFKD
 * would keep only the base letter), letters NFKD leaves alone, and №, which
 * NFKD would turn into the letters "No" ("№112" must fold like "112").
 */
const PRE_NFKD: Readonly<Record<string, string>> = {
  ş: 'sh', ș: 'sh', ç: 'ch', ý: 'u', ı: 'i', ə: 'a', ǝ: 'a', ɵ: 'o',
  ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', '№': ' ',
};
const PRE_NFKD_RE = /[şșçýıəǝɵøłđßæœ№]/g;

/** Latin letters that look like a Cyrillic letter with another sound. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  B: 'В', C: 'С', c: 'с', H: 'Н', P: 'Р', p: 'р', X: 'Х', x: 'х', Y: 'У', y: 'у',
};
const CYRILLIC_RE = /\p{Script=Cyrillic}/u;

/** 2017 apostrophe letters: s' = ш and c' = ч inside a word, y' = у anywhere. */
const APOSTROPHE_DIGRAPH_RE = /([sc])['’ʼʻ`´‘′](?=\p{L})|y['’ʼʻ`´‘′]/gu;

/** Latin canonicalisation inside one word; longest alternatives first. */
const LATIN: Readonly<Record<string, string>> = {
  sh: 'sh', ch: 'ch', kh: 'kh', zh: 'j', gh: 'g', ph: 'f', ye: 'e',
  h: 'kh', c: 'k', q: 'k', w: 'v', x: 'ks', y: 'i',
};
const LATIN_RE = /sh|ch|kh|zh|gh|ph|ye|[hcqwxy]/g;

const collapse = (s: string): string => s.replace(/([a-z])\1+/g, '$1');

const canonicalWord = (word: string): string =>
  collapse(word.replace(LATIN_RE, (m) => LATIN[m]));

/**
 * The search skeleton of a text: only [a-z0-9], no spaces, possibly ''.
 * Never contains a LIKE wildcard (% _) or the search-key separator.
 */
export function foldForSearch(text: string): string {
  // Whitespace only separates words, and every step below works within a word, so the fold
  // of a text is the collapsed concatenation of its words' folds (the tests check this).
  if (!/\s/.test(text)) return foldWord(text);
  let joined = '';
  for (const word of text.split(/\s+/)) joined += foldWord(word);
  return collapse(joined);
}

// Names and places repeat (a register holds the same first names and surnames many times):
// recent folds of single words are kept, so registering or importing many people folds each
// name part once.
const FOLDS_KEPT = 20_000;
const folds = new Map<string, string>();

function foldWord(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    if (folds.size >= FOLDS_KEPT) folds.clear();
    folded = foldOnce(word);
    folds.set(word, folded);
  }
  return folded;
}

/** The fold without the word cache (for tests that compare the two). */
export const foldUncached = (text: string): string => foldOnce(text);

function foldOnce(text: string): string {
  const prepared = text
    .normalize('NFC')
    .replace(/\p{L}+/gu, (w) =>
      CYRILLIC_RE.test(w) ? w.replace(/[BCHPXYcpxy]/g, (c) => LOOKALIKES[c]) : w,
    )
    .toLowerCase()
    .replace(APOSTROPHE_DIGRAPH_RE, (_m, sc: string | undefined) =>
      sc === 's' ? 'sh' : sc === 'c' ? 'ch' : 'u',
    )
    .replace(PRE_NFKD_RE, (c) => PRE_NFKD[c])
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');

  let mapped = '';
  for (const ch of prepared) {
    const cyr = CYRILLIC[ch];
    mapped += cyr !== undefined ? cyr : /^[a-z0-9]$/.test(ch) ? ch : ' ';
  }
  return collapse(mapped.split(' ').map(canonicalWord).join(''));
}

/** The characters a fold is made of, in the order every collation sorts them. */
const FOLDED_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * The smallest fold greater than every fold that starts with `prefix` (null when there is
 * none: "zzz"), so that `key >= prefix and key < end` is an index range of the keys starting
 * with the prefix. Built from the fold's own alphabet, not by adding a symbol such as '~',
 * which a linguistic collation (en_US, ru_RU) would ignore.
 */
export function foldedPrefixEnd(prefix: string): string | null {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const at = FOLDED_ALPHABET.indexOf(prefix[i]);
    if (at >= 0 && at < FOLDED_ALPHABET.length - 1) return prefix.slice(0, i) + FOLDED_ALPHABET[at + 1];
  }
  return null;
}

/** Separator between the folded values inside a search key. */
export const SEARCH_KEY_SEPARATOR = ' | ';

/**
 * One string for a `search_key` column: the folded form of every non-empty
 * value (names in each language, aliases, old names), duplicates removed,
 * joined by SEARCH_KEY_SEPARATOR. A record matches a query q when
 * `searchKey(values).includes(foldForSearch(q))`, i.e. in SQL
 * `search_key LIKE '%' || :folded || '%'` (safe: the folded query holds
 * only [a-z0-9], so it has no wildcard and cannot span two values).
 */
export function searchKey(values: ReadonlyArray<string | null | undefined>): string {
  const folded = new Set<string>();
  for (const value of values) {
    if (value == null) continue;
    const f = foldForSearch(value);
    if (f !== '') folded.add(f);
  }
  return [...folded].join(SEARCH_KEY_SEPARATOR);
}

/**
 * The match rule in code: does a key built by searchKey() match the query?
 * Like `LIKE '%%'`, a query that folds to '' (blank, punctuation, emoji,
 * scripts other than Latin/Cyrillic) matches everything; callers that do
 * not want that should check `foldForSearch(query) === ''` first.
 */
export function matchesSearch(key: string, query: string): boolean {
  return key.includes(foldForSearch(query));
}
