// The demo's learning records reproduce the seeds' own figures (issue 4, "Demo data"). Each
// figure is counted here with plain queries over the records — not with the code that made
// them — on both engines: seed 002's trained table per CLC, the IT-Yurt's year (seeds 000 and
// 001), the East Kazakhstan online centres in 2013–2015 (seed 001) and the eleven librarians
// of Aktobe (seed 003). The figures are typed in from the seeds (shared/seeds).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOUND_JOB, WORK_OR_BUSINESS_OR_BETTER_JOB } from '../../src/domain/followups.js';
import { ENGINES, testEnv, type TestEnv } from './harness.js';

// Seed 002, Section 3: trained since October 2003 (Taraz: set up in December 2003) and in 2004.
const CLC_TABLE: Array<[code: string, since2003: number, in2004: number]> = [
  ['CLC-KORDAI', 48, 49],
  ['CLC-SORTOBE', 97, 27],
  ['CLC-NOGAIBAI', 46, 28],
  ['CLC-KARABULAK', 98, 75],
  ['CLC-AMANBOKTER', 64, 16],
  ['CLC-TARAZ', 47, 70],
];

// Seed 001: the rural library online centres.
const ONLINE: Array<{ year: number; centres: number; users: number; visitors: number | null; trainings: number }> = [
  { year: 2013, centres: 32, users: 10_087, visitors: null, trainings: 2_029 },
  { year: 2014, centres: 40, users: 20_782, visitors: 95_842, trainings: 6_608 },
  { year: 2015, centres: 43, users: 41_365, visitors: 104_440, trainings: 6_741 },
];

const YURT = { from: '2011-11-01', to: '2012-11-30' };

describe.each(ENGINES)('demo figures (%s)', (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await testEnv(engine, { records: true });
  }, 600_000);
  afterAll(async () => {
    await env?.close();
  });

  const db = () => env.db.kysely;
  const n = (v: unknown) => Number(v ?? 0);

  /** Distinct people who completed a live training at a centre, completion dated in [from, to]. */
  async function trained(code: string, from: string, to: string): Promise<number> {
    const row = await db().selectFrom('enrolments as e')
      .innerJoin('trainings as t', 't.id', 'e.training_id')
      .innerJoin('org_units as c', 'c.id', 't.centre_id')
      .select((eb) => eb.fn.count('e.learner_id').distinct().as('n'))
      .where('c.code', '=', code).where('e.status', '=', 'completed')
      .where('e.completed_on', '>=', from).where('e.completed_on', '<=', to)
      .where('e.deleted_at', 'is', null).where('t.deleted_at', 'is', null)
      .executeTakeFirst();
    return n(row?.n);
  }

  it("reproduces seed 002's trained table per CLC, 665 distinct people in all", async () => {
    for (const [code, since2003, in2004] of CLC_TABLE) {
      expect(await trained(code, '2003-10-01', '2003-12-31'), `${code} Oct–Dec 2003`).toBe(since2003);
      expect(await trained(code, '2004-01-01', '2004-12-31'), `${code} 2004`).toBe(in2004);
      expect(await trained(code, '2003-10-01', '2004-12-31'), `${code} total`).toBe(since2003 + in2004);
    }
    const all = await db().selectFrom('enrolments as e')
      .innerJoin('trainings as t', 't.id', 'e.training_id')
      .innerJoin('org_units as c', 'c.id', 't.centre_id')
      .select((eb) => eb.fn.count('e.learner_id').distinct().as('n'))
      .where('c.code', 'in', CLC_TABLE.map(([code]) => code)).where('e.status', '=', 'completed')
      .where('e.completed_on', '>=', '2003-10-01').where('e.completed_on', '<=', '2004-12-31')
      .where('e.deleted_at', 'is', null)
      .executeTakeFirst();
    expect(n(all?.n)).toBe(665);
  });

  it('reproduces the IT-Yurt year: 244 trained, 483 teaching hours, 74 trainings/seminars, 54 and 55 outcomes', async () => {
    expect(await trained('MOB-VOS-ITYURT', YURT.from, YURT.to)).toBe(244);
    const yurt = (await db().selectFrom('org_units').select('id').where('code', '=', 'MOB-VOS-ITYURT').executeTakeFirstOrThrow()).id;

    const hours = await db().selectFrom('meetings as m').innerJoin('trainings as t', 't.id', 'm.training_id')
      .select((eb) => eb.fn.sum<number>('m.hours').as('h'))
      .where('t.centre_id', '=', yurt).where('m.date', '>=', YURT.from).where('m.date', '<=', YURT.to)
      .where('m.deleted_at', 'is', null).where('t.deleted_at', 'is', null)
      .executeTakeFirst();
    expect(n(hours?.h)).toBe(483);

    const sessions = await db().selectFrom('trainings').select((eb) => eb.fn.countAll().as('n'))
      .where('centre_id', '=', yurt).where('kind', 'in', ['training', 'seminar'])
      .where('start_date', '>=', YURT.from).where('start_date', '<=', YURT.to).where('deleted_at', 'is', null)
      .executeTakeFirst();
    expect(n(sessions?.n)).toBe(74);

    const people = async (statuses: readonly string[]) => n((await db().selectFrom('outcomes')
      .select((eb) => eb.fn.count('learner_id').distinct().as('n'))
      .where('centre_id', '=', yurt).where('status', 'in', [...statuses])
      .where('recorded_on', '>=', YURT.from).where('recorded_on', '<=', YURT.to).where('deleted_at', 'is', null)
      .executeTakeFirst())?.n);
    expect(await people(FOUND_JOB)).toBe(54);
    expect(await people(WORK_OR_BUSINESS_OR_BETTER_JOB)).toBe(55);
  });

  it('reproduces the online centres of East Kazakhstan in 2013, 2014 and 2015', async () => {
    const online = db().selectFrom('centres').select('org_unit_id').where('type', '=', 'online_centre');
    for (const y of ONLINE) {
      const from = `${y.year}-01-01`;
      const to = `${y.year}-12-31`;
      const visits = await db().selectFrom('visits')
        .select((eb) => [eb.fn.sum<number>('count').as('visitors'), eb.fn.count('learner_id').distinct().as('users')])
        .where('centre_id', 'in', online).where('date', '>=', from).where('date', '<=', to).where('deleted_at', 'is', null)
        .executeTakeFirst();
      expect(n(visits?.users), `${y.year} users`).toBe(y.users);
      if (y.visitors !== null) expect(n(visits?.visitors), `${y.year} visitors`).toBe(y.visitors);
      else expect(n(visits?.visitors), `${y.year} visitors`).toBeGreaterThan(y.users);

      const trainings = await db().selectFrom('trainings').select((eb) => eb.fn.countAll().as('n'))
        .where('centre_id', 'in', online).where('start_date', '>=', from).where('start_date', '<=', to).where('deleted_at', 'is', null)
        .executeTakeFirst();
      expect(n(trainings?.n), `${y.year} trainings`).toBe(y.trainings);

      // active: a centre with a visit or a training that year
      const active = await sql<{ n: number }>`
        select count(*) as n from (
          select centre_id from visits where date between ${from} and ${to} and deleted_at is null
          union
          select centre_id from trainings where start_date between ${from} and ${to} and deleted_at is null
        ) a where a.centre_id in (select org_unit_id from centres where type = 'online_centre')`.execute(db());
      expect(n(active.rows[0]?.n), `${y.year} active centres`).toBe(y.centres);
    }
  });

  it('has the media-literacy course of 4–8 April 2016 with 11 librarians who are staff accounts', async () => {
    const course = await db().selectFrom('trainings as t')
      .innerJoin('org_units as c', 'c.id', 't.centre_id').innerJoin('courses as co', 'co.id', 't.course_id')
      .select(['t.id']).where('c.code', '=', 'LIB-AKT-CLS').where('co.category', '=', 'media_literacy')
      .where('t.start_date', '=', '2016-04-04').where('t.end_date', '=', '2016-04-08').where('t.deleted_at', 'is', null)
      .execute();
    expect(course).toHaveLength(1);
    const librarians = await db().selectFrom('enrolments as e')
      .innerJoin('learners as l', 'l.id', 'e.learner_id').innerJoin('users as u', 'u.id', 'l.user_id')
      .select(['l.id', 'l.target_groups', 'u.role', 'u.active'])
      .where('e.training_id', '=', course[0].id).where('e.status', '=', 'completed').where('e.deleted_at', 'is', null)
      .execute();
    expect(new Set(librarians.map((l) => l.id)).size).toBe(11);
    for (const l of librarians) {
      expect(['facilitator', 'centre_manager']).toContain(l.role);
      expect(l.active).toBe(1);
      expect(JSON.parse(l.target_groups)).toContain('library_staff');
    }
    const outside = await db().selectFrom('meetings').select((eb) => eb.fn.countAll().as('n'))
      .where('training_id', '=', course[0].id).where((eb) => eb.or([eb('date', '<', '2016-04-04'), eb('date', '>', '2016-04-08')]))
      .executeTakeFirst();
    expect(n(outside?.n)).toBe(0);
  });

  it('keeps the rules the API enforces', async () => {
    // every completion meets its course's rule: hours attended ≥ the share of the hours scheduled
    const broken = await sql<{ n: number }>`
      select count(*) as n from enrolments e
      join trainings t on t.id = e.training_id
      join courses co on co.id = t.course_id
      where e.status = 'completed'
        and coalesce((select sum(a.hours) from attendance a where a.enrolment_id = e.id and a.deleted_at is null), 0) * 100
          < co.completion_percent * (select sum(m.hours) from meetings m where m.training_id = t.id and m.deleted_at is null)`.execute(db());
    expect(n(broken.rows[0]?.n)).toBe(0);
    // meetings within their training's days; marks only for the enrolled; consent before enrolment
    const outside = await sql<{ n: number }>`
      select count(*) as n from meetings m join trainings t on t.id = m.training_id where m.date < t.start_date or m.date > t.end_date`.execute(db());
    expect(n(outside.rows[0]?.n)).toBe(0);
    const strangers = await sql<{ n: number }>`
      select count(*) as n from attendance a join enrolments e on e.id = a.enrolment_id
      join meetings m on m.id = a.meeting_id
      where e.learner_id <> a.learner_id or e.training_id <> m.training_id`.execute(db());
    expect(n(strangers.rows[0]?.n)).toBe(0);
    const early = await sql<{ n: number }>`
      select count(*) as n from enrolments e join learners l on l.id = e.learner_id where l.consent_date > e.enrolled_on`.execute(db());
    expect(n(early.rows[0]?.n)).toBe(0);
    // users and visitors kept apart: a registered visit counts one person once
    const registered = await sql<{ n: number }>`select count(*) as n from visits where learner_id is not null and count <> 1`.execute(db());
    expect(n(registered.rows[0]?.n)).toBe(0);
    // every record is in the change feed
    for (const table of ['learners', 'trainings', 'meetings', 'enrolments', 'attendance', 'visits', 'outcomes', 'certificates'] as const) {
      const rows = n((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
      const fed = n((await db().selectFrom('changes').select((eb) => eb.fn.count('row_id').distinct().as('n')).where('table_name', '=', table).executeTakeFirst())?.n);
      expect(fed, table).toBe(rows);
    }
  });
});
