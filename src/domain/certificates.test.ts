// Dates and hours as each language writes them on a document, and the verification code.
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, formatDate, formatDateRange, formatHours, groupCode, isCertificateCode, normaliseCode } from './certificates.js';

describe('certificate dates', () => {
  it('writes one day the way each language does', () => {
    expect(formatDate('2016-04-08', 'kk')).toBe('2016 ж. 8 сәуір');
    expect(formatDate('2016-04-08', 'ru')).toBe('8 апреля 2016 г.');
    expect(formatDate('2016-04-08', 'en')).toBe('8 April 2016');
    expect(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => formatDate(`2020-${m}-01`, 'kk').split(' ')[3]))
      .toEqual(['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан']);
  });

  it('writes a span with the shared month and year once', () => {
    expect(formatDateRange('2016-04-04', '2016-04-08', 'kk')).toBe('2016 ж. 4–8 сәуір');
    expect(formatDateRange('2016-04-04', '2016-04-08', 'ru')).toBe('4–8 апреля 2016 г.');
    expect(formatDateRange('2016-04-04', '2016-04-08', 'en')).toBe('4–8 April 2016');
    expect(formatDateRange('2016-03-28', '2016-04-08', 'kk')).toBe('2016 ж. 28 наурыз – 8 сәуір');
    expect(formatDateRange('2016-03-28', '2016-04-08', 'ru')).toBe('28 марта – 8 апреля 2016 г.');
    expect(formatDateRange('2015-12-28', '2016-01-08', 'en')).toBe('28 December 2015 – 8 January 2016');
    expect(formatDateRange('2016-04-08', '2016-04-08', 'ru')).toBe('8 апреля 2016 г.');
  });

  it('writes hours with the decimal sign of the language', () => {
    expect(formatHours(24, 'kk')).toBe('24');
    expect(formatHours(23.5, 'ru')).toBe('23,5');
    expect(formatHours(23.5, 'en')).toBe('23.5');
    expect(formatHours(1 / 3, 'en')).toBe('0.33');
  });
});

describe('verification codes', () => {
  it('use 32 symbols none of which reads as another', () => {
    expect(new Set(CODE_ALPHABET).size).toBe(32);
    expect(CODE_ALPHABET).not.toMatch(/[01IO]/);
  });

  it('are read back however they were typed', () => {
    expect(normaliseCode(' ab2c-d3ef gh4j ')).toBe('AB2CD3EFGH4J');
    expect(isCertificateCode('AB2CD3EFGH4J')).toBe(true);
    expect(isCertificateCode('AB2CD3EFGH4')).toBe(false);
    expect(isCertificateCode('AB2CD3EFGH4O')).toBe(false);
    expect(groupCode('AB2CD3EFGH4J')).toBe('AB2C-D3EF-GH4J');
  });
});
