import { describe, expect, it } from 'vitest';
import {
  allPresent, changedCount, hoursProblems, marksToSend, parseHours, reapply, rowsFromSheet, tally, toggled, type SheetRow,
} from './sheet';

const learner = (lastName: string) => ({ lastName, firstName: 'A', middleName: null });

describe('attendance sheet model', () => {
  const loaded = rowsFromSheet([
    { learnerId: 'a', status: 'enrolled', learner: learner('Әлиев'), mark: null },
    { learnerId: 'b', status: 'enrolled', learner: learner('Бекова'), mark: { present: true, hours: 2 } },
    { learnerId: 'c', status: 'completed', learner: learner('Серікұлы'), mark: { present: true, hours: 1.5 } },
    { learnerId: 'd', status: 'dropped', learner: learner('Орлов'), mark: { present: false, hours: 0 } },
  ], 2);

  it('reads marks: a whole meeting shows no hours, a part shows them, unmarked is null', () => {
    expect(loaded.map((r) => [r.present, r.hours])).toEqual([[null, ''], [true, ''], [true, '1.5'], [false, '']]);
    expect(loaded[0].name).toBe('Әлиев A');
  });

  it('toggles unmarked → present → absent → present, and absence clears hours', () => {
    const a = toggled(loaded[0]);
    expect(a.present).toBe(true);
    const c = toggled(loaded[2]);
    expect([c.present, c.hours]).toEqual([false, '']);
    expect(toggled(c).present).toBe(true);
  });

  it('"all present" keeps absences already marked', () => {
    expect(allPresent(loaded).map((r) => r.present)).toEqual([true, true, true, false]);
  });

  it('sends every marked row, hours only when typed, nothing for unmarked rows', () => {
    expect(marksToSend(loaded)).toEqual([
      { learnerId: 'b', present: true },
      { learnerId: 'c', present: true, hours: 1.5 },
      { learnerId: 'd', present: false },
    ]);
  });

  it('counts changes against what was loaded ("1,5" and "1.5" are the same hours)', () => {
    expect(changedCount(loaded, loaded)).toBe(0);
    const edited = loaded.map((r) => (r.learnerId === 'a' ? toggled(r) : r.learnerId === 'c' ? { ...r, hours: '1,5' } : r));
    expect(changedCount(edited, loaded)).toBe(1);
  });

  it('parses a decimal comma and refuses nonsense and hours above the meeting', () => {
    expect(parseHours('1,5')).toBe(1.5);
    expect(parseHours(' ')).toBeUndefined();
    expect(parseHours('abc')).toBeNaN();
    const rows: SheetRow[] = [{ ...loaded[1], hours: '3' }, { ...loaded[2], hours: 'x' }, { ...loaded[3], hours: '' }];
    expect([...hoursProblems(rows, 2)]).toEqual([['b', 'hours_above_meeting'], ['c', 'hours_format']]);
  });

  it('after a conflict keeps the fresh sheet and puts the reader\'s own changes back on top', () => {
    const mine = loaded.map((r) => (r.learnerId === 'a' ? toggled(r) : r));
    const fresh = loaded.map((r) => (r.learnerId === 'b' ? { ...r, present: false } : r));
    const merged = reapply(fresh, mine, loaded);
    expect(merged.map((r) => r.present)).toEqual([true, false, true, false]);
  });

  it('tallies', () => {
    expect(tally(loaded)).toEqual({ present: 2, absent: 1, unmarked: 1 });
  });
});
