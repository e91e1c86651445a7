import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FOLLOW_UP_MONTHS, addMonths, earliestEndDueFrom, endDatesDueWithin, followUpDates, foundJob,
  foundWorkOrBusinessOrBetterJob, latestEndDueBy, normaliseIntervals,
} from './followups.js';

/** Every date from `from` to `to`, inclusive. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-08-31', 3, '2026-11-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-31', 12, '2027-12-31'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-10-10', 6, '2027-04-10'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-10', -1, '2025-12-10'],
    ['2011-11-30', 60, '2016-11-30'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses what is not a date', () => {
    expect(() => addMonths('31.01.2026', 1)).toThrow();
  });
});

describe('followUpDates', () => {
  it('gives the default 3, 6 and 12 months in order, clamped to the month', () => {
    expect(followUpDates('2025-11-30', DEFAULT_FOLLOW_UP_MONTHS)).toEqual([
      { months: 3, dueOn: '2026-02-28' }, { months: 6, dueOn: '2026-05-30' }, { months: 12, dueOn: '2026-11-30' },
    ]);
    expect(followUpDates('2026-01-31', [12, 1])).toEqual([{ months: 1, dueOn: '2026-02-28' }, { months: 12, dueOn: '2027-01-31' }]);
  });
});

describe('end dates of the follow-ups due in a period', () => {
  // Brute force over two leap and non-leap years: the bounds are exactly the set of end dates.
  const ends = days('2022-09-01', '2025-03-31');
  const checks = ['2024-02-28', '2024-02-29', '2024-03-01', '2024-03-31', '2024-04-30', '2024-04-29', '2025-02-28', '2024-12-31', '2024-07-15'];
  it.each(checks.flatMap((d) => [1, 2, 3, 6, 12].map((k) => [d, k] as const)))('on %s after %i months', (date, k) => {
    const dueBy = ends.filter((e) => addMonths(e, k) <= date);
    expect(latestEndDueBy(date, k)).toBe(dueBy[dueBy.length - 1]);
    const dueFrom = ends.filter((e) => addMonths(e, k) >= date);
    expect(earliestEndDueFrom(date, k)).toBe(dueFrom[0]);
  });

  it('spans the shortest and longest intervals, and nothing for an empty period', () => {
    expect(endDatesDueWithin('2026-01-01', '2026-03-31', [3, 6, 12])).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(endDatesDueWithin('2026-03-01', '2026-01-01', [3])).toBeNull();
    expect(endDatesDueWithin('2026-01-01', '2026-03-01', [])).toBeNull();
  });

  it('keeps intervals distinct and ascending', () => {
    expect(normaliseIntervals([12, 3, 6, 3])).toEqual([3, 6, 12]);
  });
});

describe('outcome indicators', () => {
  const outcomes = [
    { learnerId: 'a', status: 'employed' },
    { learnerId: 'a', status: 'employed' }, // followed up again: still one person
    { learnerId: 'b', status: 'self_employed' },
    { learnerId: 'c', status: 'improved_job' },
    { learnerId: 'd', status: 'still_looking' },
    { learnerId: 'd', status: 'employed' }, // found a job at the second follow-up
    { learnerId: 'e', status: 'further_study' },
    { learnerId: 'f', status: 'unreachable' },
    { learnerId: 'g', status: null },
  ];

  it('counts people who found work, started a business or improved their job once each', () => {
    expect(foundWorkOrBusinessOrBetterJob(outcomes)).toBe(4);
  });

  it('counts people who found a job once each', () => {
    expect(foundJob(outcomes)).toBe(2);
  });

  it('gives the seeds\' figures from 54 employed, 1 self-employed and others', () => {
    const people = [
      ...Array.from({ length: 54 }, (_, i) => ({ learnerId: `e${i}`, status: 'employed' })),
      { learnerId: 's0', status: 'self_employed' },
      ...Array.from({ length: 54 }, (_, i) => ({ learnerId: `e${i}`, status: 'employed' })),
      ...Array.from({ length: 30 }, (_, i) => ({ learnerId: `l${i}`, status: 'still_looking' })),
    ];
    expect(foundJob(people)).toBe(54);
    expect(foundWorkOrBusinessOrBetterJob(people)).toBe(55);
  });
});
