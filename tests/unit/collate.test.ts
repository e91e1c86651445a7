import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortKey } from '../../src/domain/collate.js';

const sorted = (names: string[], locale: 'kk' | 'ru' | 'en') =>
  [...names].sort((a, b) => (sortKey(a, locale) < sortKey(b, locale) ? -1 : sortKey(a, locale) > sortKey(b, locale) ? 1 : 0));

describe('alphabetical sort keys', () => {
  it('puts Kazakh letters where the Kazakh alphabet has them', () => {
    expect(sorted(['Ұлан ауданы', 'Өскемен', 'Үлкен Нарын', 'Алтай', 'Орал', 'Ақсу', 'Уржар', 'Іле', 'Ыстық', 'Әйтеке би'], 'kk'))
      .toEqual(['Ақсу', 'Алтай', 'Әйтеке би', 'Орал', 'Өскемен', 'Уржар', 'Ұлан ауданы', 'Үлкен Нарын', 'Ыстық', 'Іле']);
  });
  it('puts Ё after Е in Russian and ignores case', () => {
    expect(sorted(['Ёлкино', 'жана', 'Елец', 'Ежово', 'Зайсан'], 'ru')).toEqual(['Ежово', 'Елец', 'Ёлкино', 'жана', 'Зайсан']);
  });
  it('orders shorter prefixes first and digits before letters', () => {
    expect(sorted(['Ridder', 'Rid', '10 Ridder'], 'en')).toEqual(['10 Ridder', 'Rid', 'Ridder']);
  });
  it('is plain lower-case ASCII of two characters a character', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => {
      const key = sortKey(s, 'kk');
      return /^[0-9a-z]*$/.test(key) && key.length === 2 * [...s.normalize('NFC').toLowerCase()].length;
    }), { numRuns: 300 });
  });
});
