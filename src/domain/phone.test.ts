// Phone normalisation: the ways Kazakhstan numbers are written, the numbers
// that are refused, display formatting, the zod schema and properties.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MOBILE_PREFIXES, Phone, formatPhone, normalisePhone } from './phone.js';

describe('normalisePhone — accepted', () => {
  it.each([
    ['8 (701) 123-45-67', '+77011234567', 'mobile'],
    ['+7 701 123 4567', '+77011234567', 'mobile'],
    ['87011234567', '+77011234567', 'mobile'],
    ['7011234567', '+77011234567', 'mobile'],
    ['77011234567', '+77011234567', 'mobile'],
    ['+7 (701) 123.45.67', '+77011234567', 'mobile'],
    ['  +7-747-000-00-00  ', '+77470000000', 'mobile'],
    ['8 10 7 701 123 45 67', '+77011234567', 'mobile'],
    ['00 7 701 123 45 67', '+77011234567', 'mobile'],
    ['+7 723 236 1333', '+77232361333', 'landline'],
    ['8-7232-26-13-33', '+77232261333', 'landline'],
    ['8 (727) 250-00-00', '+77272500000', 'landline'],
    ['+7 7172 55 66 77', '+77172556677', 'landline'],
    ['8 (72331) 2-11-44', '+77233121144', 'landline'],
  ] as const)('%j → %s (%s)', (text, e164, kind) => {
    expect(normalisePhone(text)).toEqual({ ok: true, e164, kind });
  });

  it('knows every mobile prefix in the list, and only those', () => {
    for (let p = 700; p <= 799; p++) {
      const listed = MOBILE_PREFIXES.some(([lo, hi]) => p >= lo && p <= hi);
      const r = normalisePhone(`+7 ${p} 123 45 67`);
      if (listed) expect(r).toEqual({ ok: true, e164: `+7${p}1234567`, kind: 'mobile' });
      else if (p >= 710 && p < 730) expect(r).toMatchObject({ ok: true, kind: 'landline' });
      else expect(r).toEqual({ ok: false, code: 'phone_format' });
    }
  });
});

describe('normalisePhone — refused', () => {
  it.each([
    '', '   ', '+', '+7', '701 123 45', '8 701 123 45 6', '8 701 123 45 678', '+7 701 123 45 678',
    '701-ABC-45-67', '8 701 123 45 67 доб. 12', 'phone: 87011234567', '+7 701 123 45 67 ext 5',
    '7+7011234567', '++77011234567', '+7 701 123 45 67#', '1234567890123456789012345678901234567890123',
    '+7 600 123 45 67', '+7 799 123 45 67', '+7 501 123 45 67', '+7 101 123 45 67',
    '870112345678', '998 90 123 45 67', '912 345 67 89', '٨٧٠١١٢٣٤٥٦٧',
  ])('%j is phone_format', (text) => {
    expect(normalisePhone(text)).toEqual({ ok: false, code: 'phone_format' });
  });

  it.each([
    '+998 90 123 45 67', '+996 555 123 456', '+1 202 555 0100', '+44 20 7946 0000', '+8 701 123 45 67',
    '00 998 90 123 45 67', '8 10 998 90 123 45 67',
    '+7 912 345 67 89', '8 (912) 345-67-89', '+7 495 123 45 67', '8 812 123 45 67', '+7 800 555 35 35', '+7 301 123 45 67',
  ])('%j is phone_country', (text) => {
    expect(normalisePhone(text)).toEqual({ ok: false, code: 'phone_country' });
  });
});

describe('formatPhone', () => {
  it('groups for display', () => {
    expect(formatPhone('+77011234567')).toBe('+7 701 123 45 67');
    expect(formatPhone('+77232361333')).toBe('+7 723 236 13 33');
    expect(formatPhone('8 (701) 123-45-67')).toBe('+7 701 123 45 67');
  });
  it('leaves anything else as it is', () => {
    expect(formatPhone('+998901234567')).toBe('+998901234567');
    expect(formatPhone('')).toBe('');
  });
});

describe('Phone schema', () => {
  it('normalises, and reports the code as the message', () => {
    expect(Phone.parse('8 (701) 123-45-67')).toBe('+77011234567');
    const message = (text: string) => {
      const r = Phone.safeParse(text);
      return r.success ? null : r.error.issues.map((i) => i.message);
    };
    expect(message('+998 90 123 45 67')).toEqual(['phone_country']);
    expect(message('12')).toEqual(['phone_format']);
    expect(message('8'.repeat(500))).toEqual(['phone_format']);
  });
});

const kzNational = fc
  .tuple(fc.constantFrom(...MOBILE_PREFIXES.flatMap(([lo, hi]) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i)), 727, 717, 723, 713, 721), fc.stringMatching(/^[0-9]{7}$/))
  .map(([prefix, rest]) => `${prefix}${rest}`);

describe('phone properties', () => {
  it('every way of writing a number gives the same E.164, which is a fixpoint', () => {
    const separators = fc.constantFrom(' ', '-', '.', '', '  ');
    fc.assert(
      fc.property(kzNational, separators, fc.constantFrom('+7', '8', '7', '', '00 7', '8 10 7'), (n, sep, lead) => {
        const grouped = [n.slice(0, 3), n.slice(3, 6), n.slice(6, 8), n.slice(8)].join(sep);
        const r = normalisePhone(`${lead} ${grouped}`);
        expect(r.ok && r.e164).toBe(`+7${n}`);
        expect(normalisePhone(`+7${n}`)).toEqual(r);
        expect(normalisePhone(formatPhone(`+7${n}`))).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws, and a success is always +7 and ten digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        const r = normalisePhone(text);
        if (r.ok) expect(r.e164).toMatch(/^\+7[67][0-9]{9}$/);
      }),
      { numRuns: 500 },
    );
  });
});
