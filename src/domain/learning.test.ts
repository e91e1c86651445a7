// The cross-field rules of a learner record, without I/O.
import { describe, expect, it } from 'vitest';
import { CourseInput, CoursePatch, LearnerInput, ageOn, isoToday, learnerIssues } from './learning.js';

const TODAY = '2026-11-23';
const codes = (value: unknown) => learnerIssues(value, TODAY).map((i) => `${i.path.join('.')}:${i.code}`);

describe('ageOn', () => {
  it('counts full years, turning over on the birthday itself', () => {
    expect(ageOn('2008-11-23', '2026-11-23')).toBe(18);
    expect(ageOn('2008-11-24', '2026-11-23')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('isoToday', () => {
  it('is the date in Kazakhstan (UTC+5)', () => {
    expect(isoToday(new Date('2026-11-23T18:59:59Z'))).toBe('2026-11-23');
    expect(isoToday(new Date('2026-11-23T19:00:00Z'))).toBe('2026-11-24');
  });
});

describe('learnerIssues', () => {
  const consent = { date: '2026-11-01', version: 'v1' };
  it('asks a guardian only of a minor at the consent date', () => {
    expect(codes({ birthDate: '2008-11-02', consent })).toEqual(['consent.guardianName:guardian_required']);
    expect(codes({ birthDate: '2008-11-01', consent })).toEqual([]);
    expect(codes({ birthDate: '2012-01-01', consent: { ...consent, guardianName: 'Ана' } })).toEqual([]);
    expect(codes({ birthDate: '2012-01-01', consent: { ...consent, guardianName: '   ' } })).toEqual(['consent.guardianName:guardian_required']);
  });
  it('keeps dates in range', () => {
    expect(codes({ birthDate: '2026-11-24', consent })).toContain('birthDate:date_in_future');
    expect(codes({ birthDate: '1899-12-31', consent })).toEqual(['birthDate:date_too_early']);
    expect(codes({ birthDate: '1990-01-01', consent: { ...consent, date: '2026-12-01' } })).toEqual(['consent.date:date_in_future']);
    expect(codes({ birthDate: '1990-01-01', consent: { ...consent, date: '1989-01-01' } })).toEqual(['consent.date:consent_before_birth']);
  });
  it('cross-checks the IIN with the birth date and sex', () => {
    expect(codes({ iin: '900101300017', birthDate: '1990-01-01', sex: 'male', consent })).toEqual([]);
    expect(codes({ iin: '900101300017', birthDate: '1990-01-02', sex: 'female', consent }))
      .toEqual(['iin:iin_birth_date_mismatch', 'iin:iin_sex_mismatch']);
  });
  it('ignores what the field schemas report themselves', () => {
    expect(codes(null)).toEqual([]);
    expect(codes('x')).toEqual([]);
    expect(codes({ birthDate: 42, iin: Symbol('never'), consent: 'yes' })).toEqual([]);
  });
});

describe('schemas', () => {
  const learner = {
    centreId: 'CLC-KORDAI', lastName: 'Серікұлы', firstName: 'Ерлан', sex: 'male', birthDate: '1990-01-01',
    iin: '900101 300017', phone: '8 701 123 45 67', consent: { date: '2020-01-01', version: 'v1' },
  };
  it('normalises the IIN and phone, and reports every problem at once', () => {
    expect(LearnerInput.parse(learner)).toMatchObject({ iin: '900101300017', phone: '+77011234567', targetGroups: [], registeredUnemployed: false });
    const result = LearnerInput.safeParse({ ...learner, phone: 'abc', lastName: '', birthDate: '1990-01-02' });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual(
      expect.arrayContaining(['phone:phone_format', 'iin:iin_birth_date_mismatch']),
    );
  });
  it('leaves omitted fields out of a patch, defaults in an input', () => {
    expect(CoursePatch.parse({ version: 'v' })).toEqual({ version: 'v' });
    expect(CourseInput.parse({ name: { kk: 'a', ru: 'b', en: 'c' }, category: 'other', plannedHours: 2 }))
      .toMatchObject({ languages: [], targetGroups: [], level: 'beginner', completionPercent: 80 });
  });
});
