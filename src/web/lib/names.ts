export type Lang = 'kk' | 'ru' | 'en';
export interface Names { kk: string; ru: string; en: string }

/** The name in the reader's language, falling back to the others in a fixed order. */
export function localName(names: Names | null | undefined, lang: string): string {
  if (!names) return '';
  const order: Lang[] = lang === 'kk' ? ['kk', 'ru', 'en'] : lang === 'ru' ? ['ru', 'kk', 'en'] : ['en', 'ru', 'kk'];
  for (const l of order) if (names[l]) return names[l];
  return '';
}
