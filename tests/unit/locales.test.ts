// Every user-visible string is a key present in kk, ru and en; plurals follow each locale.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };
const load = (lang: string) => JSON.parse(readFileSync(new URL(`../../locales/${lang}.json`, import.meta.url), 'utf8')) as Tree;
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))));

const kk = flatten(load('kk'));
const ru = flatten(load('ru'));
const en = flatten(load('en'));
// Plural suffixes differ by language (CLDR): Russian has one/few/many, Kazakh and English one/other.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const bases = (keys: Record<string, string>) => new Set(Object.keys(keys).map(base));

describe('locale files', () => {
  it('have the same keys (up to plural forms) in kk, ru and en', () => {
    const all = new Set([...bases(kk), ...bases(ru), ...bases(en)]);
    for (const [lang, keys] of Object.entries({ kk, ru, en })) {
      const have = bases(keys);
      expect([...all].filter((k) => !have.has(k)), `missing in ${lang}`).toEqual([]);
    }
  });

  it('have no empty strings', () => {
    for (const [lang, keys] of Object.entries({ kk, ru, en })) {
      expect(Object.entries(keys).filter(([, v]) => !v.trim()).map(([k]) => k), lang).toEqual([]);
    }
  });

  it('give Russian one/few/many and Kazakh and English one/other for every plural', () => {
    const plural = [...bases(ru)].filter((k) => `${k}_one` in ru || `${k}_few` in ru || `${k}_many` in ru);
    for (const key of plural) {
      for (const form of ['one', 'few', 'many']) expect(ru, `ru ${key}_${form}`).toHaveProperty([`${key}_${form}`]);
      for (const form of ['one', 'other']) {
        expect(kk, `kk ${key}_${form}`).toHaveProperty([`${key}_${form}`]);
        expect(en, `en ${key}_${form}`).toHaveProperty([`${key}_${form}`]);
      }
    }
  });

  it('has Kazakh that is not a copy of the Russian', () => {
    const shared = Object.keys(kk).filter((k) => k in ru && /[а-яё]/i.test(ru[k]) && ru[k].length > 12);
    const copies = shared.filter((k) => kk[k] === ru[k]);
    expect(copies.length / shared.length).toBeLessThan(0.05);
    const kazakhLetters = Object.values(kk).join('').match(/[әғқңөұүһі]/gi) ?? [];
    expect(kazakhLetters.length).toBeGreaterThan(100);
  });

  it('keeps interpolation variables the same in every language', () => {
    const vars = (s: string) => (s.match(/\{\{\s*\w+\s*\}\}/g) ?? []).map((v) => v.replace(/\s/g, '')).sort();
    for (const key of Object.keys(en)) {
      if (key in kk) expect(vars(kk[key]), `kk ${key}`).toEqual(vars(en[key]));
      if (key in ru && !/_(one|few|many|other)$/.test(key)) expect(vars(ru[key]), `ru ${key}`).toEqual(vars(en[key]));
    }
  });
});
