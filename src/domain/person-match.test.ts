// Duplicate-person matching: spellings across scripts, typos, swapped and
// patronymic names, the scoring rules, and properties.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MATCH_THRESHOLD, NAME_SIMILAR, foldName, nameKeys, nameSearchKey, nameSimilarity, scoreMatch, type PersonFacts } from './person-match.js';
import { searchKey, matchesSearch } from './fold.js';

const p = (lastName: string, firstName: string, more: Partial<PersonFacts> = {}): PersonFacts => ({ lastName, firstName, ...more });
const BORN = { birthDate: '1990-01-01' };

describe('foldName and nameKeys', () => {
  it('brings patronymic endings to the Kazakh form', () => {
    for (const s of ['Серікұлы', 'Серикулы', 'Serikuly', 'Serik uly', 'Серік-ұлы', 'Серикович', 'Serikovich']) expect(foldName(s)).toBe('serikuli');
    for (const s of ['Серікқызы', 'Serikkyzy', 'Serik qyzy', 'Сериковна', 'Serikovna', 'Серик кызы']) expect(foldName(s)).toBe('serikizi');
    expect(foldName('Karim ogli')).toBe('karimuli');
    expect(foldName('Ivanova')).toBe('ivanova'); // a surname, not a patronymic
  });
  it('stores both orders and the last name, so either order is found', () => {
    const keys = nameKeys(p('Серікұлы', 'Ерлан'));
    expect(keys).toEqual(expect.arrayContaining(['serikulierlan', 'erlanserikuli', 'serikuli']));
    const key = searchKey(keys);
    for (const q of ['Ерлан Серікұлы', 'Serikuly Yerlan', 'Erlan Serik', 'серик']) expect(matchesSearch(key, q)).toBe(true);
    const swapped = nameKeys(p('Ерлан', 'Серікұлы')); // the same person, fields swapped
    expect(swapped).toEqual(expect.arrayContaining(['serikulierlan', 'erlanserikuli']));
  });
  it('keeps the plain fold next to the Kazakh patronymic form', () => {
    const keys = nameKeys(p('Ахметов', 'Ерлан', { middleName: 'Серикович' }));
    expect(keys).toEqual(expect.arrayContaining(['akhmetoverlanserikovich', 'akhmetoverlanserikuli', 'akhmetoverlan', 'erlanakhmetov', 'akhmetov']));
    expect(nameKeys(p('', ''))).toEqual([]);
    expect(nameKeys(p('Ким', 'Ким'))).toEqual(['kimkim', 'kim']);
  });
});

describe('nameSimilarity', () => {
  it('is 1 for spellings of one name in any script and order', () => {
    const forms = [p('Серікұлы', 'Ерлан'), p('Serikuly', 'Yerlan'), p('Серикулы', 'Ерлан'), p('Serikuly', 'Erlan'), p('Ерлан', 'Серікұлы'), p('Serik uly', 'Erlan')];
    for (const a of forms) for (const b of forms) expect(nameSimilarity(a, b)).toBe(1);
  });
  it('tolerates one typo (substitution, insertion, deletion, neighbours swapped)', () => {
    expect(nameSimilarity(p('Серикулы', 'Ерлан'), p('Серикулыы', 'Ерлан'))).toBe(1); // doubled letters fold away
    for (const typo of ['Серикуды', 'Серикаулы', 'Сериклы', 'Сеирикулы', 'Серкиулы']) {
      const s = nameSimilarity(p('Серикулы', 'Ерлан'), p(typo, 'Ерлан'));
      expect(s).toBeGreaterThanOrEqual(NAME_SIMILAR);
      expect(s).toBeLessThan(1);
    }
    expect(nameSimilarity(p('Ахметова', 'Жанар'), p('Ахметова', 'Жанра'))).toBeGreaterThanOrEqual(NAME_SIMILAR);
  });
  it('keeps different first names apart even with the same surname', () => {
    expect(nameSimilarity(p('Сериков', 'Асан'), p('Сериков', 'Үсен'))).toBeLessThan(NAME_SIMILAR);
    expect(nameSimilarity(p('Сериков', 'Нұрлан'), p('Сериков', 'Нұрбек'))).toBeLessThan(NAME_SIMILAR);
    expect(nameSimilarity(p('Иванов', 'Иван'), p('Петрова', 'Мария'))).toBeLessThan(0.3);
  });
  it('counts the middle name when both have one', () => {
    const a = p('Ахметов', 'Ерлан', { middleName: 'Серікұлы' });
    expect(nameSimilarity(a, p('Akhmetov', 'Yerlan', { middleName: 'Serikovich' }))).toBe(1);
    expect(nameSimilarity(a, p('Akhmetov', 'Yerlan'))).toBe(1);
    expect(nameSimilarity(a, p('Ахметов', 'Ерлан', { middleName: 'Болатович' }))).toBeLessThan(NAME_SIMILAR);
  });
  it('is the same the second time a pair is scored, either way round, and for long names', () => {
    const a = p('Сериков', 'Нұрлан');
    const b = p('Серіков', 'Нурлан');
    const first = nameSimilarity(a, b);
    expect(nameSimilarity(b, a)).toBe(first);
    expect(nameSimilarity(a, b)).toBe(first);
    // longer than the distance table's first size (32 letters)
    const long = 'Абдрахмановабдрахмановабдрахмановабдрахманова';
    expect(nameSimilarity(p(long, 'Ерлан'), p(long, 'Ерлан'))).toBe(1);
    const typo = nameSimilarity(p(long, 'Ерлан'), p(long.replace('хм', 'мх'), 'Ерлан'));
    expect(typo).toBeGreaterThan(NAME_SIMILAR);
    expect(typo).toBeLessThan(1);
  });
  it('gives nothing for names that fold to nothing', () => {
    expect(nameSimilarity(p('王', '伟'), p('王', '伟'))).toBe(0);
  });
});

describe('scoreMatch', () => {
  const erlan = p('Серікұлы', 'Ерлан', BORN);
  it('matches Ерлан Серікұлы = Yerlan Serikuly = Ерлан Серикулы = Erlan Serikuly with the same birth date', () => {
    for (const other of [p('Serikuly', 'Yerlan', BORN), p('Серикулы', 'Ерлан', BORN), p('Serikuly', 'Erlan', BORN), p('Ерлан', 'Серікұлы', BORN)]) {
      const r = scoreMatch(other, erlan);
      expect(r.score).toBeGreaterThanOrEqual(0.9);
      expect(r.reasons).toEqual(['name', 'birth_date']);
    }
  });
  it('matches Kazakh, Russian and Latin spellings of first names', () => {
    for (const [a, b] of [['Жанар', 'Zhanar'], ['Жанар', 'Janar'], ['Айгүл', 'Aigul'], ['Айгүл', 'Айгуль'], ['Aigul', 'Aygul'], ['Қайрат', 'Kairat']]) {
      expect(scoreMatch(p('Ахметова', a, BORN), p('Akhmetova', b, BORN)).score).toBeGreaterThanOrEqual(0.9);
    }
  });
  it('matches a one-letter typo with the same birth date', () => {
    const r = scoreMatch(p('Серикуды', 'Ерлан', BORN), p('Серикулы', 'Ерлан', BORN));
    expect(r.score).toBeGreaterThanOrEqual(0.75);
    expect(r.reasons).toEqual(['name_similar', 'birth_date']);
  });
  it('matches the name and the same phone, however it is written', () => {
    const r = scoreMatch(p('Серікұлы', 'Ерлан', { phone: '8 (701) 123-45-67' }), p('Serikuly', 'Yerlan', { phone: '+77011234567' }));
    expect(r.score).toBeGreaterThanOrEqual(0.8);
    expect(r.reasons).toEqual(['name', 'phone']);
  });
  it('does not match on the name alone', () => {
    expect(scoreMatch(p('Серікұлы', 'Ерлан'), p('Serikuly', 'Yerlan')).score).toBeLessThanOrEqual(0.5);
    expect(scoreMatch(p('Серікұлы', 'Ерлан', BORN), p('Serikuly', 'Yerlan')).score).toBeLessThanOrEqual(0.5);
  });
  it('keeps apart people with the same name and different birth dates', () => {
    const r = scoreMatch(p('Ахметова', 'Айгүл', { birthDate: '1985-03-02', phone: '+77011234567' }), p('Ахметова', 'Айгуль', { birthDate: '1992-11-20', phone: '87011234567' }));
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reasons).toEqual(['name', 'phone']);
  });
  it('does not let a shared birth date or phone carry different names', () => {
    const family = { birthDate: '2010-05-05', phone: '+77011234567' };
    expect(scoreMatch(p('Сериков', 'Асан', family), p('Сериков', 'Үсен', family)).score).toBeLessThan(MATCH_THRESHOLD);
    expect(scoreMatch(p('Иванов', 'Иван', family), p('Петрова', 'Мария', family)).score).toBeLessThan(0.2);
  });
  it('is 1.0 for the same IIN whatever the spelling', () => {
    const r = scoreMatch(p('Серікұлы', 'Ерлан', { iin: '900101 300017' }), p('Serikov', 'Erlan', { iin: '900101300017', birthDate: '1990-01-01' }));
    expect(r).toEqual({ score: 1, reasons: ['iin', 'birth_date'] });
  });
  it('takes a missing birth date from the IIN', () => {
    expect(scoreMatch(p('Серікұлы', 'Ерлан', { iin: '900101300017' }), p('Serikuly', 'Yerlan', BORN))).toEqual(
      expect.objectContaining({ reasons: ['name', 'birth_date'] }),
    );
  });
  it('keeps apart two different valid IINs, and ignores an invalid one', () => {
    const other = '761229456780';
    expect(scoreMatch(p('Серікұлы', 'Ерлан', { ...BORN, iin: '900101300017' }), p('Serikuly', 'Yerlan', { ...BORN, iin: other })).score).toBeLessThan(MATCH_THRESHOLD);
    expect(scoreMatch(p('Серікұлы', 'Ерлан', { ...BORN, iin: '900101300018' }), p('Serikuly', 'Yerlan', { ...BORN, iin: other })).score).toBeGreaterThanOrEqual(0.9);
  });
});

const name = fc.constantFrom('Серікұлы', 'Serikuly', 'Серикуды', 'Ерлан', 'Yerlan', 'Жанар', 'Zhanar', 'Айгуль', 'Aigul', 'Сериков', 'Асан', 'Үсен', 'Иванов', '', '王');
const person = fc.record({
  lastName: fc.oneof(name, fc.string({ maxLength: 12 })),
  firstName: fc.oneof(name, fc.string({ maxLength: 12 })),
  middleName: fc.option(fc.constantFrom('Серикович', 'Serikovna', 'Болатович', ''), { nil: undefined }),
  birthDate: fc.option(fc.constantFrom('1990-01-01', '1985-03-02'), { nil: undefined }),
  phone: fc.option(fc.constantFrom('+77011234567', '8 701 123 45 67', '+77051112233', 'bad'), { nil: undefined }),
  iin: fc.option(fc.constantFrom('900101300017', '761229456780', '900101300018'), { nil: undefined }),
});

describe('matching properties', () => {
  it('score and name similarity are symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const ab = scoreMatch(a, b);
        expect(ab.score).toBe(scoreMatch(b, a).score);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
        const s = nameSimilarity(a, b);
        expect(s).toBe(nameSimilarity(b, a));
        expect(s >= 0 && s <= 1).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('a person matches themselves, and only the same IIN scores 1', () => {
    fc.assert(
      fc.property(person, (a) => {
        if (nameSimilarity(a, a) === 1 && a.birthDate) expect(scoreMatch(a, a).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
        const b = { ...a, iin: undefined };
        expect(scoreMatch(b, a).score).toBeLessThan(1);
      }),
      { numRuns: 300 },
    );
  });
  it('nameSearchKey is searchKey of nameKeys without folding the keys again', () => {
    const anyName = fc.oneof(name, fc.string({ maxLength: 16 }), fc.constantFrom('Ш-ах', 'Ye zh', 'Қ h', 's h', "Sh'"));
    fc.assert(
      fc.property(anyName, anyName, fc.option(fc.oneof(name, fc.string({ maxLength: 12 })), { nil: null }), (lastName, firstName, middleName) => {
        const p = { lastName, firstName, middleName };
        expect(nameSearchKey(p)).toBe(searchKey(nameKeys(p)));
      }),
      { numRuns: 2000 },
    );
  });
});
