// The demo's learning records, planned centre by centre: people, trainings with their
// meetings, enrolments with attendance marks, walk-in visits, follow-up outcomes and a few
// certificates — built so that the seeds' figures follow from the records exactly:
//   seed 002  trained per UNESCO CLC: Oct–Dec 2003 and 2004 (Jan–Feb), 665 distinct people;
//   seed 001  the IT-Yurt, Nov 2011 – Nov 2012: 244 trained, 483 teaching hours,
//             74 trainings/seminars, 54 found a job (seed 000: 55 work, business or better job);
//   seed 001  the rural online centres in 2013, 2014, 2015: active centres, users, visitors,
//             trainings;
//   seed 003  the media-literacy course of 4–8 April 2016 for 11 librarians (staff accounts).
// Pure and deterministic (a seeded generator per centre); the loader writes the plans
// (records-load.ts). How each figure is made: docs/demo-data.md, "Learning records".
import { addMonths } from '../../domain/followups.js';
import { demoCentres, type DemoCentre } from './network.js';
import {
  Prng, addDays, birthDate, daysBetween, guardianOf, mobile, person, seedOf, weekday, type NameMix, type Person,
} from './people.js';

// ------------------------------------------------------------------ plan shapes

export interface PlannedLearner extends Person {
  birthDate: string;
  phone: string | null;
  /** The day of registration: the first visit or enrolment. */
  consentDate: string;
  guardianName: string | null;
  languages: string[];
  education: string | null;
  employmentStatus: string | null;
  registeredUnemployed: boolean;
  targetGroups: string[];
  /** Org unit code of where the person lives. */
  settlement: string | null;
  /** Username of the staff account that is this person. */
  user?: string;
}

export interface PlannedEnrolment {
  learner: number;
  status: 'enrolled' | 'completed' | 'dropped';
  enrolledOn: string;
  /** Hours attended per meeting, in meeting order; 0 = absent; shorter than the meetings = not marked. */
  hours: number[];
  droppedOn?: string;
}

export interface PlannedTraining {
  course: string;
  kind: 'training' | 'seminar';
  place: string | null;
  startDate: string;
  endDate: string;
  capacity: number;
  language: 'kk' | 'ru';
  note: string | null;
  meetings: Array<{ date: string; startTime: string; hours: number }>;
  enrolments: PlannedEnrolment[];
}

export interface PlannedVisit { date: string; purpose: 'internet' | 'consultation' | 'event' | 'reading_room'; count: number; learner: number | null }

export interface PlannedOutcome {
  learner: number;
  training: number;
  dueOn: string;
  recordedOn: string;
  status: 'employed' | 'self_employed' | 'improved_job' | 'further_study' | 'still_looking' | 'unreachable';
  employer: string | null;
  evidence: 'self_report' | 'employment_centre' | 'employer' | null;
}

export interface PlannedCertificate { training: number; learner: number; language: 'kk' | 'ru' | 'en' }

export interface CentrePlan {
  centre: string;
  learners: PlannedLearner[];
  trainings: PlannedTraining[];
  visits: PlannedVisit[];
  outcomes: PlannedOutcome[];
  certificates: PlannedCertificate[];
}

// ------------------------------------------------------------------ shared helpers

const centreByCode = new Map(demoCentres.map((c) => [c.code, c]));
const centre = (code: string): DemoCentre => centreByCode.get(code)!;

/** `n` split over weights by the largest remainder: whole numbers that add up to `n` exactly. */
export function apportion(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (n * w) / total);
  const shares = exact.map(Math.floor);
  let left = n - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left === 0) break;
    shares[i]++;
    left--;
  }
  return shares;
}

/** The next day from `date` (itself included) that is not a Sunday. */
function workday(date: string): string {
  return weekday(date) === 0 ? addDays(date, 1) : date;
}

/** `count` meetings on consecutive working days (no Sundays) from `start`. */
function meetingsFrom(start: string, count: number, startTime: string, hours: number) {
  const meetings: PlannedTraining['meetings'] = [];
  let day = workday(start);
  for (let i = 0; i < count; i++) {
    meetings.push({ date: day, startTime, hours });
    day = workday(addDays(day, 1));
  }
  return meetings;
}

/** Attendance that meets the 80 % rule: every meeting, or (5+ meetings) all but one, at random. */
function completedHours(rng: Prng, meetings: PlannedTraining['meetings']): number[] {
  const missed = meetings.length >= 5 && rng.chance(0.3) ? rng.int(1, meetings.length - 1) : -1;
  return meetings.map((m, i) => (i === missed ? 0 : m.hours));
}

/** Attendance below the rule: the first meeting or two, then nothing. */
function incompleteHours(rng: Prng, meetings: PlannedTraining['meetings']): number[] {
  // a one-meeting seminar missed; a longer course given up after a meeting or two
  const came = meetings.length === 1 ? 0 : Math.min(meetings.length - 1, rng.int(1, 2));
  return meetings.map((m, i) => (i < came ? m.hours : 0));
}

const EDUCATION_ADULT = ['general_secondary', 'general_secondary', 'vocational', 'vocational', 'incomplete_higher', 'higher'] as const;

/**
 * Fill the trainings of one centre and period with `trained` new people who each complete at
 * least one of them, some completing two (distinct people is what the seeds count), and
 * `others` who enrol once and do not complete. Enrolments are appended to the trainings;
 * answers, per new person, the first training they joined.
 */
function fillTrainings(
  rng: Prng, trainings: PlannedTraining[], people: number[], others: number[], groupSize: () => number,
): Map<number, number> {
  const firstTraining = new Map<number, number>();
  let fresh = 0;
  const seen: number[] = [];
  let otherAt = 0;
  trainings.forEach((t, ti) => {
    // one seat kept for someone who may not complete (below)
    const size = Math.min(t.capacity - 1, groupSize());
    const remainingTrainings = trainings.length - ti;
    const want = Math.min(size, Math.ceil((people.length - fresh) / remainingTrainings) + (ti < trainings.length / 3 ? 1 : 0));
    const group = new Set<number>();
    while (group.size < want && fresh < people.length) {
      const p = people[fresh++];
      group.add(p);
      seen.push(p);
      firstTraining.set(p, ti);
    }
    // people who already took a course here come back for another
    for (let tries = 0; group.size < size && seen.length > group.size && tries < size * 4; tries++) group.add(rng.pick(seen));
    const members = [...group];
    const enrolledOn = addDays(t.startDate, -rng.int(1, 6));
    for (const p of members) t.enrolments.push({ learner: p, status: 'completed', enrolledOn, hours: completedHours(rng, t.meetings) });
    // one who does not complete, now and then
    if (otherAt < others.length && (rng.chance(others.length / trainings.length) || trainings.length - ti <= others.length - otherAt)) {
      const p = others[otherAt++];
      firstTraining.set(p, ti);
      const drops = t.meetings.length > 1 && rng.chance(0.5);
      t.enrolments.push(drops
        ? { learner: p, status: 'dropped', enrolledOn, hours: t.meetings.slice(0, 1).map((m) => m.hours), droppedOn: t.meetings[Math.min(1, t.meetings.length - 1)].date }
        : { learner: p, status: 'enrolled', enrolledOn, hours: incompleteHours(rng, t.meetings) });
    }
  });
  if (fresh < people.length || otherAt < others.length) throw new Error('demo: not every planned learner got a training');
  return firstTraining;
}

/** Registration on the day of the person's first enrolment. */
function consentFromEnrolments(learners: PlannedLearner[], trainings: PlannedTraining[]): void {
  const first = new Map<number, string>();
  for (const t of trainings) {
    for (const e of t.enrolments) {
      const d = first.get(e.learner);
      if (!d || e.enrolledOn < d) first.set(e.learner, e.enrolledOn);
    }
  }
  learners.forEach((l, i) => {
    const d = first.get(i);
    if (d) l.consentDate = d;
  });
}

function adult(rng: Prng, mix: NameMix, on: string, minAge: number, maxAge: number, extra: Partial<PlannedLearner> = {}): PlannedLearner {
  const p = person(rng, mix, extra.sex);
  return {
    ...p, birthDate: birthDate(rng, on, minAge, maxAge), phone: null, consentDate: on, guardianName: null,
    languages: /[a-z]/i.test(p.lastName) ? ['kk'] : /[әғқңөұүһі]/i.test(p.lastName + p.firstName) ? ['kk', 'ru'] : ['ru'],
    education: rng.pick(EDUCATION_ADULT), employmentStatus: 'unemployed', registeredUnemployed: false, targetGroups: [],
    settlement: null, ...extra,
  };
}

// ------------------------------------------------------------------ seed 000/001: the IT-Yurt

export const IT_YURT = 'MOB-VOS-ITYURT';

/** The mix of trainings and seminars: 74 of them, 483 teaching hours (seed 001). */
const YURT_PROGRAMME: Array<{ course: string; kind: 'training' | 'seminar'; count: number; meetings: number; hours: number }> = [
  { course: 'ICT-WORD', kind: 'training', count: 11, meetings: 6, hours: 2 }, //      132 h
  { course: 'ICT-EXCEL', kind: 'training', count: 9, meetings: 6, hours: 2 }, //      108 h
  { course: 'ICT-INTERNET', kind: 'training', count: 14, meetings: 4, hours: 2 }, //  112 h
  { course: 'EGOV-USE', kind: 'seminar', count: 14, meetings: 1, hours: 3 }, //        42 h
  { course: 'JOB-SEARCH', kind: 'seminar', count: 13, meetings: 1, hours: 3 }, //      39 h
  { course: 'JOB-SEARCH', kind: 'seminar', count: 1, meetings: 1, hours: 2 }, //        2 h (a short one)
  { course: 'BIZ-PLAN', kind: 'seminar', count: 12, meetings: 2, hours: 2 }, //        48 h
]; //                                                                            74, 483 h

const YURT_PLACES = [
  'Өскемен, Пушкин кітапханасының ауласы',
  'Өскемен, Еңбек және жұмыспен қамту орталығы',
  'Өскемен, Жастар ресурстық орталығы',
  'Өскемен, Көші-қон департаменті (қандастарға)',
  'Усть-Каменогорск, ВКГТУ им. Д. Серикбаева',
  'Аблакетка ауылы, мәдениет үйі',
];

const EMPLOYERS = [
  '«Казцинк» ЖШС', 'АО «Ульбинский металлургический завод»', 'АО «Усть-Каменогорский титано-магниевый комбинат»',
  '«Magnum Cash&Carry» ЖШС', '«Қазпошта» АҚ филиалы', 'Шығыс Қазақстан облыстық кітапханасы', 'ТОО «Востокэнерго»',
  'Өскемен қаласының әкімдігі', '«Kaspi Bank» АҚ бөлімшесі', 'ИП «Техносервис»', '«Шығыс Жарық» ЖШС', 'КГП «Областная больница»',
  'ТОО «Восток-Телеком»', '«Өскемен су арнасы» МКК', 'ТОО «Арай-Строй»',
];

/** Seeds 000 and 001: the Youth IT-Yurt from November 2011 to November 2012. */
export function itYurtPlan(): CentrePlan {
  const rng = new Prng(seedOf(IT_YURT));
  const trained = 244;
  const notCompleting = 18;
  const learners: PlannedLearner[] = [];
  // unemployed youth of Oskemen, rural newcomers and repatriates (kandas) from China and Mongolia
  for (let i = 0; i < trained + notCompleting; i++) {
    const l = adult(rng, { kazakh: 0.58, latin: 0.08 }, '2011-11-01', 18, 29, { settlement: 'KZ-VOS-UKA' });
    const kandas = /[a-z]/i.test(l.lastName) || rng.chance(0.08);
    l.targetGroups = kandas ? ['unemployed_youth', 'repatriates'] : ['unemployed_youth'];
    if (kandas) l.languages = ['kk'];
    l.registeredUnemployed = rng.chance(0.62);
    l.phone = rng.chance(0.85) ? mobile(rng) : null;
    l.education = rng.pick(['general_secondary', 'vocational', 'vocational', 'incomplete_higher', 'higher'] as const);
    learners.push(l);
  }
  // The demo learner account (learner.demo, «Нұрлан Серікбаев») is one of them.
  Object.assign(learners[0], { lastName: 'Серікбаев', firstName: 'Нұрлан', middleName: 'Асқарұлы', sex: 'male', user: 'learner.demo' });

  // 74 sessions, interleaved, starting every 5 days or so from mid-November 2011.
  const sessions = YURT_PROGRAMME.flatMap((p) => Array.from({ length: p.count }, () => p));
  const order = sessions.map((s, i) => ({ s, key: (i * 37) % sessions.length })).sort((a, b) => a.key - b.key).map((x) => x.s);
  const trainings: PlannedTraining[] = order.map((p, i) => {
    const start = workday(addDays('2011-11-14', Math.floor((i * 366) / order.length)));
    const meetings = meetingsFrom(start, p.meetings, p.kind === 'training' ? '10:00' : '15:00', p.hours);
    return {
      course: p.course, kind: p.kind, place: YURT_PLACES[i % YURT_PLACES.length], startDate: start, endDate: meetings.at(-1)!.date,
      capacity: p.kind === 'training' ? 10 : 15, language: i % 3 === 2 ? 'ru' : 'kk', note: null, meetings, enrolments: [],
    };
  });
  const people = Array.from({ length: trained }, (_, i) => i);
  const others = Array.from({ length: notCompleting }, (_, i) => trained + i);
  fillTrainings(rng, trainings, people, others, () => rng.int(8, 10));
  consentFromEnrolments(learners, trainings);

  // Follow-ups 3 and 6 months after a training, recorded by the impact assessment (November 2012).
  const assessment = '2012-11-30';
  const lastCompleted = new Map<number, number>();
  trainings.forEach((t, ti) => {
    for (const e of t.enrolments) if (e.status === 'completed' && addMonths(t.endDate, 3) <= assessment) lastCompleted.set(e.learner, ti);
  });
  const followed = [...lastCompleted.keys()].sort((a, b) => a - b);
  const outcomes: PlannedOutcome[] = [];
  const record = (learner: number, months: number, status: PlannedOutcome['status'], evidence: PlannedOutcome['evidence'], employer: string | null = null) => {
    const ti = lastCompleted.get(learner)!;
    const dueOn = addMonths(trainings[ti].endDate, months);
    outcomes.push({ learner, training: ti, dueOn, recordedOn: dueOn, status, employer, evidence });
  };
  // 54 found a job (seed 001); one more started a small business (seed 000's 55); some of the
  // employed had a better job by the 6-month follow-up. Then further study, still looking, no answer.
  const plan: Array<[count: number, status: PlannedOutcome['status']]> = [[54, 'employed'], [1, 'self_employed'], [7, 'further_study'], [24, 'still_looking'], [6, 'unreachable']];
  // a stride prime to the number of people visits each of them at most once
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  const stride = [7, 11, 13, 17, 19].find((s) => gcd(s, followed.length) === 1)!;
  let at = 0;
  for (const [count, status] of plan) {
    for (let k = 0; k < count; k++, at++) {
      const learner = followed[(at * stride) % followed.length];
      if (status === 'employed') {
        record(learner, 3, 'employed', rng.pick(['employment_centre', 'employer', 'self_report'] as const), rng.pick(EMPLOYERS));
        const ti = lastCompleted.get(learner)!;
        if (k % 6 === 0 && addMonths(trainings[ti].endDate, 6) <= assessment) {
          record(learner, 6, 'improved_job', 'self_report', rng.pick(EMPLOYERS));
        }
      } else if (status === 'self_employed') {
        record(learner, 3, 'self_employed', 'self_report', 'ЖК «Жас дизайнер» (баспа және жарнама)');
      } else {
        record(learner, 3, status, status === 'unreachable' ? null : 'self_report');
      }
    }
  }
  if (new Set(outcomes.map((o) => o.learner)).size !== at) throw new Error('demo: IT-Yurt follow-ups reuse a person');

  const certificates: PlannedCertificate[] = [];
  for (const ti of [0, 3, 8]) {
    const e = trainings[ti].enrolments.find((x) => x.status === 'completed')!;
    certificates.push({ training: ti, learner: e.learner, language: ti === 3 ? 'ru' : 'kk' });
  }
  return { centre: IT_YURT, learners, trainings, visits: [], outcomes, certificates };
}

// ------------------------------------------------------------------ seed 002: the UNESCO CLCs

/** Seed 002, "Trained" per CLC: since October 2003 (Taraz: December 2003) and in 2004. */
export const CLC_TRAINED: Array<{ centre: string; first: number; second: number; courses: string[]; children?: boolean }> = [
  { centre: 'CLC-KORDAI', first: 48, second: 49, courses: ['CLC-COMPUTER', 'CLC-ENGLISH', 'CLC-BUSINESS'] },
  { centre: 'CLC-SORTOBE', first: 97, second: 27, courses: ['CLC-SEWING', 'CLC-COMPUTER'] },
  { centre: 'CLC-NOGAIBAI', first: 46, second: 28, courses: ['CLC-COMPUTER', 'CLC-FARMING'] },
  { centre: 'CLC-KARABULAK', first: 98, second: 75, courses: ['CLC-COMPUTER', 'CLC-ENGLISH', 'CLC-SEWING'] },
  { centre: 'CLC-AMANBOKTER', first: 64, second: 16, courses: ['CLC-COMPUTER', 'CLC-BUSINESS', 'CLC-FARMING'] },
  { centre: 'CLC-TARAZ', first: 47, second: 70, courses: ['CLC-COMPUTER', 'CLC-ENGLISH'], children: true },
];

/** The two periods of the table. The report is dated February 2004: its "2004" is January–February. */
export const CLC_PERIODS = [
  { from: '2003-10-01', to: '2003-12-31' },
  { from: '2004-01-01', to: '2004-02-29' },
] as const;

const CLC_HOURS: Record<string, number> = { 'CLC-COMPUTER': 16, 'CLC-ENGLISH': 16, 'CLC-SEWING': 16, 'CLC-FARMING': 12, 'CLC-BUSINESS': 12 };

export function clcPlan(row: (typeof CLC_TRAINED)[number]): CentrePlan {
  const rng = new Prng(seedOf(row.centre));
  const c = centre(row.centre);
  const learners: PlannedLearner[] = [];
  const trainings: PlannedTraining[] = [];
  [row.first, row.second].forEach((trained, period) => {
    const from = period === 0 && c.openedOn > CLC_PERIODS[0].from ? c.openedOn : CLC_PERIODS[period].from;
    const to = CLC_PERIODS[period].to;
    const others = Math.max(1, Math.round(trained * 0.06));
    const people: number[] = [];
    const quitters: number[] = [];
    for (let i = 0; i < trained + others; i++) {
      const on = from;
      const l = row.children
        ? (() => {
          const child = adult(rng, { kazakh: 0.7, latin: 0 }, on, 10, 16, { settlement: c.parent, education: 'primary', employmentStatus: 'student', targetGroups: ['disadvantaged_children'] });
          child.guardianName = guardianOf(rng, child);
          if (ageOf(child.birthDate, on) >= 12) child.education = 'basic_secondary';
          return child;
        })()
        : (() => {
          const group = rng.pick(['unemployed_youth', 'women', 'farmers', 'women', 'unemployed_youth'] as const);
          return adult(rng, { kazakh: 0.78, latin: 0 }, on, group === 'unemployed_youth' ? 17 : 20, group === 'unemployed_youth' ? 29 : 58, {
            settlement: c.parent, targetGroups: [group], ...(group === 'women' ? { sex: 'female' as const } : {}),
            employmentStatus: group === 'farmers' ? 'self_employed' : rng.pick(['unemployed', 'unemployed', 'homemaker', 'employed'] as const),
          });
        })();
      if (!row.children && ageOf(l.birthDate, on) < 18) l.guardianName = guardianOf(rng, l);
      l.phone = rng.chance(0.15) ? mobile(rng) : null;
      (i < trained ? people : quitters).push(learners.length);
      learners.push(l);
    }
    // Courses of 12–16 hours: 2-hour meetings on working days; groups of 8–14.
    const count = Math.max(2, Math.ceil((trained * 1.25) / 9));
    const span = daysBetween(from, to) - 14;
    const periodTrainings: PlannedTraining[] = [];
    for (let k = 0; k < count; k++) {
      const courseCode = row.courses[k % row.courses.length];
      const start = workday(addDays(from, 2 + Math.floor((k * span) / count)));
      const meetings = meetingsFrom(start, CLC_HOURS[courseCode] / 2, k % 2 ? '15:00' : '10:00', 2);
      if (meetings.at(-1)!.date > to) throw new Error(`demo: a ${row.centre} training runs past ${to}`);
      periodTrainings.push({
        course: courseCode, kind: 'training', place: null, startDate: start, endDate: meetings.at(-1)!.date, capacity: 15,
        language: rng.chance(0.75) ? 'kk' : 'ru', note: null, meetings, enrolments: [],
      });
    }
    fillTrainings(rng, periodTrainings, people, quitters, () => rng.int(9, 14));
    // nobody enrols before the centre opened
    for (const t of periodTrainings) for (const e of t.enrolments) if (e.enrolledOn < from) e.enrolledOn = from;
    trainings.push(...periodTrainings);
  });
  consentFromEnrolments(learners, trainings);
  return { centre: row.centre, learners, trainings, visits: [], outcomes: [], certificates: [] };
}

function ageOf(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

// ------------------------------------------------------------------ seed 001: the online centres

/** Seed 001 per year: users (distinct people), visitors (all visits) and trainings. 2013 gives no visitors. */
export const ONLINE_CENTRE_YEARS = [
  { year: 2013, centres: 32, users: 10_087, visitors: null, trainings: 2_029 },
  { year: 2014, centres: 40, users: 20_782, visitors: 95_842, trainings: 6_608 },
  { year: 2015, centres: 43, users: 41_365, visitors: 104_440, trainings: 6_741 },
] as const;
/** Visitors in 2013: not in the seed; the demo's own figure, in line with the users (see docs). */
export const VISITORS_2013 = 46_310;

const OC_COURSES = ['OC-INTERNET', 'OC-INTERNET', 'OC-EGOV', 'OC-EGOV', 'OC-MAIL', 'OC-JOBS', 'OC-PC'] as const;
const OC_HOURS: Record<string, number> = { 'OC-PC': 3 };

interface CentreYear { users: number; trainings: number; anonymous: number; from: string; to: string }

/** How each year's figures are shared among the centres open that year. */
export function onlineCentreShares(): Map<string, CentreYear[]> {
  const online = demoCentres.filter((c) => c.type === 'online_centre');
  const shares = new Map<string, CentreYear[]>(online.map((c) => [c.code, []]));
  for (const y of ONLINE_CENTRE_YEARS) {
    const first = `${y.year}-01-01`;
    const last = `${y.year}-12-31`;
    const open = online.filter((c) => c.openedOn <= last);
    if (open.length !== y.centres) throw new Error(`demo: ${open.length} online centres open in ${y.year}, seed 001 says ${y.centres}`);
    const from = (c: DemoCentre) => (c.openedOn > first ? addDays(c.openedOn, 1) : first);
    // a centre's share: its computers, for the part of the year it was open
    const weights = open.map((c) => (c.computers ?? 2) * (daysBetween(from(c), last) + 1));
    const visitors = y.visitors ?? VISITORS_2013;
    const users = apportion(y.users, weights);
    const trainings = apportion(y.trainings, weights);
    const anonymous = apportion(visitors - y.users, weights);
    open.forEach((c, i) => shares.get(c.code)!.push({ users: users[i], trainings: trainings[i], anonymous: anonymous[i], from: from(c), to: last }));
  }
  return shares;
}

/** Working days (no Sundays) from `from` to `to`. */
function workdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (weekday(d) !== 0) days.push(d);
  return days;
}

/**
 * One online centre, 2013–2015. Its users of a year are the first `users` people of its
 * register (a person who came in 2013 comes back later), each with one registered visit that
 * year; anonymous walk-ins are a weekly tally per purpose; the trainings are short sessions of
 * 2–3 of that year's users. A person registers at their first visit or enrolment.
 */
export function onlineCentrePlan(code: string, years: CentreYear[]): CentrePlan {
  const rng = new Prng(seedOf(code));
  const c = centre(code);
  const learners: PlannedLearner[] = [];
  const trainings: PlannedTraining[] = [];
  const visits: PlannedVisit[] = [];
  const total = Math.max(0, ...years.map((y) => y.users));
  for (let i = 0; i < total; i++) {
    const l = adult(rng, { kazakh: 0.5, latin: 0.03 }, '2013-01-01', 18, 72, { settlement: c.parent });
    const age = ageOf(l.birthDate, '2013-01-01');
    l.employmentStatus = age >= 60 ? 'pensioner' : rng.pick(['employed', 'self_employed', 'unemployed', 'homemaker', 'student', 'employed'] as const);
    l.targetGroups = age >= 60 ? ['pensioners'] : l.employmentStatus === 'self_employed' ? ['farmers'] : l.employmentStatus === 'unemployed' ? ['unemployed_youth'] : [];
    if (age >= 30 && l.targetGroups.includes('unemployed_youth')) l.targetGroups = [];
    l.registeredUnemployed = l.employmentStatus === 'unemployed' && rng.chance(0.4);
    l.phone = rng.chance(0.7) ? mobile(rng) : null;
    l.consentDate = '9999-12-31';
    learners.push(l);
  }
  const firstSeen = (i: number, date: string) => {
    if (date < learners[i].consentDate) learners[i].consentDate = date;
  };
  for (const y of years) {
    const days = workdays(y.from, y.to);
    // registered users: one visit each
    for (let i = 0; i < y.users; i++) {
      const date = days[rng.int(0, days.length - 1)];
      const roll = rng.next();
      visits.push({ date, purpose: roll < 0.75 ? 'internet' : roll < 0.9 ? 'consultation' : 'reading_room', count: 1, learner: i });
      firstSeen(i, date);
    }
    // anonymous walk-ins: a tally each Wednesday (or the first working day) per purpose
    const tallyDays = days.filter((d, k) => weekday(d) === 3 || k === 0);
    const perDay = apportion(y.anonymous, tallyDays.map(() => 1));
    tallyDays.forEach((date, k) => {
      const n = perDay[k];
      // internet access most of all; a consultation day and an event day take turns
      const [internet, other] = apportion(n, [78, 22]);
      if (internet) visits.push({ date, purpose: 'internet', count: internet, learner: null });
      if (other) visits.push({ date, purpose: k % 2 ? 'event' : 'consultation', count: other, learner: null });
    });
    // short sessions for 2–3 of the year's users, one meeting each
    const seats = Math.max(2, (c.computers ?? 2) * 2);
    for (let k = 0; k < y.trainings; k++) {
      const date = days[Math.floor((k * days.length) / y.trainings)];
      const course = rng.pick(OC_COURSES);
      const hours = OC_HOURS[course] ?? 2;
      const t: PlannedTraining = {
        course, kind: rng.chance(0.65) ? 'training' : 'seminar', place: null, startDate: date, endDate: date, capacity: seats,
        language: rng.chance(0.55) ? 'kk' : 'ru', note: null, meetings: [{ date, startTime: k % 2 ? '15:00' : '11:00', hours }], enrolments: [],
      };
      const size = Math.min(seats, rng.int(2, 3), y.users);
      const group = new Set<number>();
      while (group.size < size) group.add(rng.int(0, y.users - 1));
      for (const i of group) {
        const early = addDays(date, -rng.int(0, 3));
        const enrolledOn = early < y.from ? y.from : early;
        const came = rng.chance(0.92);
        t.enrolments.push({ learner: i, status: came ? 'completed' : 'enrolled', enrolledOn, hours: [came ? hours : 0] });
        firstSeen(i, enrolledOn);
      }
      trainings.push(t);
    }
  }
  return { centre: code, learners, trainings, visits, outcomes: [], certificates: [] };
}

// ------------------------------------------------------------------ seed 003: Aktobe librarians

export const AKTOBE = 'LIB-AKT-CLS';

/** The eleven librarians' staff accounts: username, display name and where they work. */
export const AKTOBE_LIBRARIANS: Array<{ username: string; person: Person; settlement: string }> = [
  ['aktobe.lib01', 'Жұмағалиева', 'Гүлнар', 'Сейітқызы', 'KZ-AKT-AKT'],
  ['aktobe.lib02', 'Есенғалиева', 'Ақбота', 'Маратқызы', 'KZ-AKT-AKT'],
  ['aktobe.lib03', 'Куприянова', 'Наталья', 'Викторовна', 'KZ-AKT-AKT'],
  ['aktobe.lib04', 'Тәжібаева', 'Роза', 'Қайратқызы', 'KZ-AKT-AKT'],
  ['aktobe.lib05', 'Сарсенова', 'Айман', 'Болатовна', 'KZ-AKT-AKT'],
  ['aktobe.lib06', 'Досмағамбетова', 'Сәуле', null, 'KZ-AKT-KHR-KHR'],
  ['aktobe.lib07', 'Кенжебаева', 'Мақпал', 'Ержанқызы', 'KZ-AKT'],
  ['aktobe.lib08', 'Шевцова', 'Ирина', 'Петровна', 'KZ-AKT'],
  ['aktobe.lib09', 'Омарова', 'Динара', 'Асқарқызы', 'KZ-ALA'],
  ['aktobe.lib10', 'Бекова', 'Лаура', 'Нұрланқызы', 'KZ-ALA'],
  ['aktobe.lib11', 'Ахметжанов', 'Ерболат', 'Серікұлы', 'KZ-AST'],
].map(([username, lastName, firstName, middleName, settlement]) => ({
  username: username!, settlement: settlement!,
  person: { lastName: lastName!, firstName: firstName!, middleName, sex: lastName!.endsWith('а') ? 'female' : 'male' } as Person,
}));

/** Seed 003: the media and information literacy course, 4–8 April 2016, for eleven librarians. */
export function aktobePlan(): CentrePlan {
  const rng = new Prng(seedOf(AKTOBE));
  const learners: PlannedLearner[] = AKTOBE_LIBRARIANS.map((l) => ({
    ...l.person, birthDate: birthDate(rng, '2016-04-01', 24, 58), phone: mobile(rng), consentDate: '2016-03-28', guardianName: null,
    languages: /[әғқңөұүһі]/i.test(l.person.lastName + l.person.firstName + (l.person.middleName ?? '')) ? ['kk', 'ru'] : ['ru', 'kk'],
    education: 'higher', employmentStatus: 'employed', registeredUnemployed: false, targetGroups: ['library_staff'],
    settlement: l.settlement, user: l.username,
  }));
  const meetings = meetingsFrom('2016-04-04', 5, '09:30', 6);
  const training: PlannedTraining = {
    course: 'MIL-LIBRARIANS', kind: 'training', place: null, startDate: '2016-04-04', endDate: '2016-04-08', capacity: 12, language: 'ru',
    note: 'Kurmangazy Kazakh National Conservatory with the International IT University (IITU), supported by UNESCO Almaty (seed 003)',
    meetings, enrolments: [],
  };
  learners.forEach((_, i) => training.enrolments.push({
    learner: i, status: 'completed', enrolledOn: '2016-03-28',
    // one left the last afternoon early: 27 of 30 hours
    hours: meetings.map((m, k) => (i === 6 && k === 4 ? 3 : m.hours)),
  }));
  return {
    centre: AKTOBE, learners, trainings: [training], visits: [], outcomes: [],
    certificates: learners.map((l, i) => ({ training: 0, learner: i, language: l.languages[0] === 'kk' ? 'kk' : 'ru' })),
  };
}

/** Every plan, one centre at a time (the online centres are made as they are written). */
export function* demoPlans(): Generator<CentrePlan> {
  yield itYurtPlan();
  for (const row of CLC_TRAINED) yield clcPlan(row);
  yield aktobePlan();
  for (const [code, years] of onlineCentreShares()) if (years.length) yield onlineCentrePlan(code, years);
}
