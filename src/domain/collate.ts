// Alphabetical order as a reader of each language expects it: Kazakh letters in their
// places (Ә after А, Ө after О, Ұ and Ү after У, І after Ы), Ё after Е in Russian. Both
// databases compare text by code point (or by a locale the server happens to have), so we
// store a sort key instead: each character becomes two base-36 digits of its rank, plain
// ASCII that every collation orders the same way.

const KAZAKH = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';
const RUSSIAN = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const LATIN = 'abcdefghijklmnopqrstuvwxyz';

type SortLocale = 'kk' | 'ru' | 'en';

function ranks(locale: SortLocale): Map<string, number> {
  // Digits first, then the reader's own script, then the others.
  const scripts = locale === 'en' ? [LATIN, KAZAKH] : [locale === 'kk' ? KAZAKH : RUSSIAN, LATIN, KAZAKH];
  const map = new Map<string, number>();
  for (let d = 0; d <= 9; d++) map.set(String(d), 10 + d);
  let next = 40;
  for (const script of scripts) for (const ch of script) if (!map.has(ch)) map.set(ch, next++);
  return map;
}

const RANKS: Record<SortLocale, Map<string, number>> = { kk: ranks('kk'), ru: ranks('ru'), en: ranks('en') };
const WIDTH = 2; // 36² = 1296 ranks
const OTHER_BASE = 200;

/** The key that orders `text` alphabetically for readers of `locale` under a plain binary comparison. */
export function sortKey(text: string, locale: SortLocale): string {
  const table = RANKS[locale];
  let key = '';
  for (const ch of text.normalize('NFC').toLowerCase()) {
    let rank = table.get(ch);
    if (rank === undefined) {
      const base = ch.normalize('NFD')[0];
      rank = table.get(base) ?? (/[\p{L}\p{N}]/u.test(ch) ? OTHER_BASE + ((ch.codePointAt(0) ?? 0) % 1000) : 1);
    }
    key += rank.toString(36).padStart(WIDTH, '0');
  }
  return key;
}

/** The three sort keys stored beside a name in three languages. */
export function sortKeys(names: { kk: string; ru: string; en: string }): { sort_kk: string; sort_ru: string; sort_en: string } {
  return { sort_kk: sortKey(names.kk, 'kk'), sort_ru: sortKey(names.ru, 'ru'), sort_en: sortKey(names.en, 'en') };
}
