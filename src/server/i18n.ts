// Server-side messages in the caller's language, from the same locale files as the web app.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../domain/common.js';

type Tree = { [key: string]: string | Tree };
const root = fileURLToPath(new URL('../../locales/', import.meta.url));
const catalogues = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(`${root}${l}.json`, 'utf8')) as Tree]),
) as Record<Locale, Tree>;

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The message for `key` in `locale` (English, then the key itself, as fallbacks). */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = lookup(catalogues[locale], key) ?? lookup(catalogues.en, key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function hasKey(locale: Locale, key: string): boolean {
  return lookup(catalogues[locale], key) !== undefined;
}

/** The best of kk/ru/en from an Accept-Language header. */
export function pickLocale(header: string | undefined, fallback: Locale = 'en'): Locale {
  if (!header) return fallback;
  const ranked = header.split(',').map((part) => {
    const [tag, q] = part.trim().split(';q=');
    return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
  }).sort((a, b) => b.q - a.q);
  return (ranked.find((r) => (LOCALES as readonly string[]).includes(r.lang))?.lang as Locale) ?? fallback;
}
