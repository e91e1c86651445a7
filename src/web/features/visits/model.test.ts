// The tally form's rules, and the web's copy of the purposes kept equal to the domain's.
import { describe, expect, it } from 'vitest';
import { VISIT_PURPOSES, isoToday } from '../../../domain/learning';
import { VISIT_LIMITS } from '../../../domain/visits';
import { COUNT_MAX, PURPOSES, addDays, changedCounts, kzToday, monthStart, parseCount, step, totalsByDay, zeroCounts, type Visit } from './model';

const typed = (over: Partial<Record<(typeof PURPOSES)[number], string>> = {}) =>
  ({ internet: '0', consultation: '0', event: '0', reading_room: '0', other: '0', ...over });

describe('visits model', () => {
  it('mirrors the domain: purposes in order, the count limit, today in Kazakhstan', () => {
    expect(PURPOSES).toEqual(VISIT_PURPOSES);
    expect(COUNT_MAX).toBe(VISIT_LIMITS.countMax);
    const late = new Date('2026-11-23T20:30:00Z'); // already the 24th in Kazakhstan (UTC+5)
    expect(kzToday(late)).toBe('2026-11-24');
    expect(kzToday(late)).toBe(isoToday(late));
  });

  it('reads a typed count: digits within 0…10,000, blank as 0, anything else refused', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount(' 1 200 ')).toBe(1200);
    expect(parseCount('')).toBe(0);
    expect(parseCount('10001')).toBeNull();
    expect(parseCount('-1')).toBeNull();
    expect(parseCount('3.5')).toBeNull();
    expect(parseCount('abc')).toBeNull();
    expect(step(0, -1)).toBe(0);
    expect(step(9_995, 10)).toBe(10_000);
    expect(step(4, 1)).toBe(5);
  });

  it('sends only the purposes that changed; nothing when nothing did; nothing at all with a bad field', () => {
    const saved = { ...zeroCounts(), internet: 5, event: 2 };
    expect(changedCounts(typed({ internet: '5', event: '2' }), saved)).toBeNull();
    expect(changedCounts(typed({ internet: '7', event: '2', other: '1' }), saved)).toEqual({ internet: 7, other: 1 });
    expect(changedCounts(typed({ internet: '5', event: '' }), saved)).toEqual({ event: 0 });
    expect(changedCounts(typed({ internet: 'x' }), saved)).toBe('invalid');
  });

  it('walks calendar days and months', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(monthStart('2026-11-23')).toBe('2026-11-01');
  });

  it('sums the listed entries per day, newest first, leaving archived ones out', () => {
    const entry = (date: string, purpose: Visit['purpose'], count: number, learnerId: string | null = null, archivedAt: string | null = null): Visit => ({
      id: `${date}${purpose}${learnerId}`, version: '1', archivedAt, centreId: 'c', centre: { id: 'c', code: 'C', name: { kk: '', ru: '', en: '' } },
      date, purpose, count, learnerId, learner: null,
    });
    const days = totalsByDay([
      entry('2026-11-20', 'internet', 4), entry('2026-11-22', 'event', 10), entry('2026-11-20', 'internet', 1, 'L1'),
      entry('2026-11-20', 'other', 3, null, '2026-11-21T00:00:00Z'),
    ]);
    expect(days.map((d) => [d.date, d.total, d.registered])).toEqual([['2026-11-22', 10, 0], ['2026-11-20', 5, 1]]);
    expect(days[1].byPurpose.internet).toBe(5);
  });
});
