// IIN parsing: hand-checked numbers, the check-digit algorithm re-implemented
// independently below, impossible dates, century digits, and properties.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Iin, crossCheckIin, iinChecksum, parseIin } from './iin.js';

/** Independent check digit: spelled out differently from iin.ts on purpose. */
function checkDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  const pass = (weights: number[]) => d.reduce((sum, digit, i) => sum + digit * weights[i], 0) % 11;
  const a = pass([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (a < 10) return a;
  const b = pass([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return b < 10 ? b : null;
}

/** A valid IIN from date digits, century/sex digit and serial (or null if never issued). */
function makeIin(yymmdd: string, centurySex: number, serial: string): string | null {
  const first11 = `${yymmdd}${centurySex}${serial}`;
  const c = checkDigit(first11);
  return c === null ? null : `${first11}${c}`;
}

describe('parseIin — numbers checked by hand', () => {
  it('900101300017: 9·1+1·4+1·6+3·7+1·11 = 51 ≡ 7 (mod 11) → male, 1990-01-01', () => {
    expect(parseIin('900101300017')).toEqual({ ok: true, iin: '900101300017', birthDate: '1990-01-01', sex: 'male' });
  });
  it('761229456780: sum 374 = 34·11 ≡ 0 → female, 1976-12-29', () => {
    expect(parseIin('761229456780')).toEqual({ ok: true, iin: '761229456780', birthDate: '1976-12-29', sex: 'female' });
  });
  it('050312500345: sum 148 ≡ 5 → male, 2005-03-12', () => {
    expect(parseIin('050312500345')).toMatchObject({ ok: true, birthDate: '2005-03-12', sex: 'male' });
  });
  it('second pass: 88031530051 sums to 153 ≡ 10, then 155 ≡ 1 → 880315300511', () => {
    expect(iinChecksum('88031530051')).toBe(1);
    expect(parseIin('880315300511')).toMatchObject({ ok: true, birthDate: '1988-03-15', sex: 'male' });
    expect(parseIin('880315300510').ok).toBe(false); // the first-pass 10 is not a digit
  });
  it('never issued: 88031530050 gives 10 on both passes (142, 153)', () => {
    expect(iinChecksum('88031530050')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(parseIin(`88031530050${d}`)).toEqual({ ok: false, code: 'iin_checksum' });
  });
});

describe('parseIin — input and errors', () => {
  it('accepts spaces, tabs and non-breaking spaces', () => {
    expect(parseIin(' 900101 300017 ')).toMatchObject({ ok: true, iin: '900101300017' });
    expect(parseIin('900 101 300 017')).toMatchObject({ ok: true, iin: '900101300017' });
    expect(parseIin('900101\u00a0300017')).toMatchObject({ ok: true });
  });
  it.each(['', '90010130001', '9001013000170', '90010130001O', '900101-300017', '٩٠٠١٠١٣٠٠٠١٧', '+900101300017'])(
    'refuses %j as iin_format',
    (text) => expect(parseIin(text)).toEqual({ ok: false, code: 'iin_format' }),
  );
  it('refuses a wrong check digit', () => {
    for (const last of '012345689') expect(parseIin(`90010130001${last}`)).toEqual({ ok: false, code: 'iin_checksum' });
  });
  it('refuses impossible dates even with a correct check digit', () => {
    for (const [yymmdd, c] of [['900230', 3], ['900431', 3], ['901301', 4], ['900001', 3], ['900100', 5], ['000229', 3]] as const) {
      const iin = makeIin(yymmdd, c, '0001') ?? makeIin(yymmdd, c, '0002');
      expect(iin).not.toBeNull();
      expect(parseIin(iin!)).toEqual({ ok: false, code: 'iin_date' });
    }
  });
  it('knows leap years per century: 2000-02-29 exists, 1900-02-29 does not', () => {
    expect(parseIin(makeIin('000229', 5, '0001')!)).toMatchObject({ ok: true, birthDate: '2000-02-29', sex: 'male' });
    expect(parseIin(makeIin('000229', 3, '0001')!)).toEqual({ ok: false, code: 'iin_date' });
  });
  it('reads the century and sex digit', () => {
    const expected = [
      [1, '1899-05-17', 'male'], [2, '1899-05-17', 'female'],
      [3, '1999-05-17', 'male'], [4, '1999-05-17', 'female'],
      [5, '2099-05-17', 'male'], [6, '2099-05-17', 'female'],
    ] as const;
    for (const [digit, birthDate, sex] of expected) {
      const iin = makeIin('990517', digit, '1234') ?? makeIin('990517', digit, '1235');
      expect(parseIin(iin!)).toEqual({ ok: true, iin, birthDate, sex });
    }
  });
  it('refuses century digits 0 and 7–9 as iin_format', () => {
    for (const digit of [0, 7, 8, 9]) {
      const iin = makeIin('900101', digit, '0001') ?? makeIin('900101', digit, '0002');
      expect(parseIin(iin!)).toEqual({ ok: false, code: 'iin_format' });
    }
  });
  it('iinChecksum refuses anything but 11 digits', () => {
    for (const text of ['', '9001013000', '900101300017', '9001013000a', '９００１０１３０００１']) expect(iinChecksum(text)).toBeNull();
  });
});

describe('crossCheckIin', () => {
  it('reports contradictions with the recorded birth date and sex', () => {
    expect(crossCheckIin('900101300017', { birthDate: '1990-01-01', sex: 'male' })).toEqual([]);
    expect(crossCheckIin('900101300017', { birthDate: '1990-01-02', sex: 'male' })).toEqual(['iin_birth_date_mismatch']);
    expect(crossCheckIin('900101300017', { birthDate: '1990-01-01', sex: 'female' })).toEqual(['iin_sex_mismatch']);
    expect(crossCheckIin('761229456780', { birthDate: '1976-12-28', sex: 'male' })).toEqual(['iin_birth_date_mismatch', 'iin_sex_mismatch']);
  });
  it('compares only what is given, and says nothing about an invalid IIN', () => {
    expect(crossCheckIin('900101300017', {})).toEqual([]);
    expect(crossCheckIin('900101300017', { birthDate: null, sex: null })).toEqual([]);
    expect(crossCheckIin('900101300018', { birthDate: '2000-01-01' })).toEqual([]);
  });
});

describe('Iin schema', () => {
  it('normalises to 12 digits', () => {
    expect(Iin.parse(' 900101 300017')).toBe('900101300017');
  });
  it('reports the code as the message', () => {
    const messages = (text: string) => {
      const r = Iin.safeParse(text);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages('12345')).toEqual(['iin_format']);
    expect(messages('900101300018')).toEqual(['iin_checksum']);
    expect(messages(makeIin('900230', 3, '0001') ?? makeIin('900230', 3, '0002')!)).toEqual(['iin_date']);
    expect(messages('9'.repeat(1000))).toEqual(['iin_format']);
    expect(Iin.safeParse(900101300017).success).toBe(false);
  });
});

/** Valid IINs with their expected date and sex. */
const validIin = fc
  .record({
    date: fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    female: fc.boolean(),
    serial: fc.stringMatching(/^[0-9]{4}$/),
  })
  .map(({ date, female, serial }) => {
    const iso = date.toISOString().slice(0, 10);
    const year = date.getUTCFullYear();
    const digit = (year < 1900 ? 1 : year < 2000 ? 3 : 5) + (female ? 1 : 0);
    const iin = makeIin(iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10), digit, serial);
    return { iin, birthDate: iso, sex: female ? 'female' : 'male' };
  })
  .filter((x): x is { iin: string; birthDate: string; sex: 'male' | 'female' } => x.iin !== null);

describe('IIN properties', () => {
  it('iinChecksum agrees with the independent implementation', () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9]{11}$/), (s) => iinChecksum(s) === checkDigit(s)), { numRuns: 500 });
  });
  it('every valid IIN parses back to its birth date and sex', () => {
    fc.assert(
      fc.property(validIin, ({ iin, birthDate, sex }) => {
        expect(parseIin(iin)).toEqual({ ok: true, iin, birthDate, sex });
      }),
      { numRuns: 500 },
    );
  });
  // The check digit is weaker than it looks. In the first pass digit 11 has
  // weight 11 ≡ 0, so a typo there goes unseen unless that pass gave 10; and
  // a typo elsewhere goes unseen when it moves the number onto (or off) the
  // second pass and that happens to give the same check digit (≈1 in 60).
  // A typo in digits 1–7 then still shows as a different birth date or sex,
  // which crossCheckIin compares with what was recorded.
  const change = (iin: string, pos: number, delta: number) =>
    iin.slice(0, pos) + String((Number(iin[pos]) + delta) % 10) + iin.slice(pos + 1);
  const firstPass = (iin: string) => [...iin.slice(0, 11)].reduce((s, d, i) => s + Number(d) * (i + 1), 0) % 11;
  const typo = fc.tuple(validIin, fc.integer({ min: 1, max: 9 }));

  it('a typo in the date, century/sex or check digit makes it invalid or changes date or sex', () => {
    fc.assert(
      fc.property(typo, fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 11), ([{ iin, birthDate, sex }, delta], pos) => {
        const r = parseIin(change(iin, pos, delta));
        expect(!r.ok || r.birthDate !== birthDate || r.sex !== sex).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('a typo in serial digits 8–10 goes unseen only through the second pass', () => {
    fc.assert(
      fc.property(typo, fc.constantFrom(7, 8, 9), ([{ iin }, delta], pos) => {
        const changed = change(iin, pos, delta);
        if (parseIin(changed).ok) expect(firstPass(iin) === 10 || firstPass(changed) === 10).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('a typo in digit 11 is caught only when the first pass gave 10', () => {
    fc.assert(
      fc.property(typo, ([{ iin }, delta]) => {
        expect(parseIin(change(iin, 10, delta)).ok).toBe(firstPass(iin) !== 10);
      }),
      { numRuns: 300 },
    );
    expect(parseIin('900101300027')).toMatchObject({ ok: true, birthDate: '1990-01-01' }); // 900101300017 with digit 11 changed
  });
});
