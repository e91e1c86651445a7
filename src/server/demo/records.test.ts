// The demo's learning-record plans, without a database: the same every time, within the
// API's rules, names in every script, and nothing that would collide with the browser
// journeys. The figures themselves are counted from the written records on both engines in
// tests/api/demo-figures.test.ts.
import { describe, expect, it } from 'vitest';
import { demoCourses } from './courses.js';
import { Prng, person } from './people.js';
import { checkPlan } from './records-load.js';
import { AKTOBE_LIBRARIANS, CLC_TRAINED, aktobePlan, apportion, clcPlan, itYurtPlan, onlineCentrePlan, onlineCentreShares } from './records.js';

const courses = new Map(demoCourses.map((c) => [c.code, { hours: c.plannedHours, percent: c.completionPercent }]));
const shares = onlineCentreShares();
const someOnlineCentre = () => {
  const [code, years] = [...shares].find(([, y]) => y.length === 3)!;
  return onlineCentrePlan(code, years);
};

describe('demo record plans', () => {
  it('are the same on every run (a seeded generator, no Math.random)', () => {
    expect(JSON.stringify(itYurtPlan())).toBe(JSON.stringify(itYurtPlan()));
    expect(JSON.stringify(clcPlan(CLC_TRAINED[0]))).toBe(JSON.stringify(clcPlan(CLC_TRAINED[0])));
  });

  it('keep the rules the API enforces', () => {
    for (const plan of [itYurtPlan(), ...CLC_TRAINED.map(clcPlan), aktobePlan(), someOnlineCentre()]) {
      expect(() => checkPlan(plan, courses)).not.toThrow();
    }
  });

  it('share out every seed 001 figure exactly, and only among the centres open that year', () => {
    const years = [...shares.values()].filter((y) => y.length > 0);
    expect(years.reduce((sum, y) => sum + (y.find((x) => x.to === '2015-12-31')?.users ?? 0), 0)).toBe(41_365);
    expect([...shares.values()].filter((y) => y.length === 0)).toHaveLength(2); // the two opened in 2016
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 5, 2]).reduce((a, b) => a + b, 0)).toBe(7);
  });

  it('write names in Kazakh Cyrillic, Russian Cyrillic and Latin letters', () => {
    const rng = new Prng(1);
    const names = Array.from({ length: 400 }, () => person(rng, { kazakh: 0.5, latin: 0.1 }));
    expect(names.some((p) => /[әғқңөұүһі]/i.test(p.firstName + p.lastName))).toBe(true);
    expect(names.some((p) => /^[А-ЯЁа-яё]+$/.test(p.lastName) && /(вич|вна)$/.test(p.middleName ?? ''))).toBe(true);
    expect(names.some((p) => /^[A-Za-z]+$/.test(p.lastName))).toBe(true);
    for (const p of names.filter((x) => x.sex === 'female')) expect(p.lastName).not.toMatch(/(ов|ев|ин|ov|ev|in)$/);
  });

  it('leave the browser journeys\' «Ерлан Серікұлы» (born 1990-05-12, +7 701 555 12 34) a new person', () => {
    for (const plan of [itYurtPlan(), ...CLC_TRAINED.map(clcPlan), aktobePlan(), someOnlineCentre()]) {
      for (const l of plan.learners) {
        expect(l.birthDate).not.toBe('1990-05-12');
        expect(l.phone).not.toBe('+77015551234');
      }
    }
  });

  it('make the eleven Aktobe librarians learners linked to their staff accounts', () => {
    const plan = aktobePlan();
    expect(plan.learners).toHaveLength(11);
    expect(plan.learners.map((l) => l.user)).toEqual(AKTOBE_LIBRARIANS.map((l) => l.username));
    expect(plan.trainings[0]).toMatchObject({ startDate: '2016-04-04', endDate: '2016-04-08' });
    expect(plan.trainings[0].enrolments.every((e) => e.status === 'completed')).toBe(true);
  });
});
