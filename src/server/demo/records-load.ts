// Writes the demo's learning records (records.ts) into the database. Courses and the eleven
// librarians' staff accounts go through their services like any other; the tens of thousands
// of people, visits, trainings, meetings, enrolments and marks go through the write door's
// batch form for generated rows (db/write.ts insertGenerated): ids, versions and a change-feed
// row each, one audit entry per table and centre (decision 0020); multi-row statements, one
// transaction per centre. Before anything is written, every plan is checked against the rules
// the API enforces (checkPlan), so the demo holds nothing the API would refuse.
import { CourseInput, learnerIssues } from '../../domain/learning.js';
import { completionStatus } from '../../domain/trainings.js';
import type { Ctx } from '../context.js';
import { insertGenerated } from '../db/write.js';
import { newCode } from '../modules/certificates/service.js';
import { createCourse } from '../modules/courses/service.js';
import { nameColumns } from '../modules/learners/service.js';
import { createUser } from '../modules/users/service.js';
import { demoCourses } from './courses.js';
import { DEMO_PASSWORD } from './network.js';
import { AKTOBE, AKTOBE_LIBRARIANS, demoPlans, type CentrePlan } from './records.js';

/** The consent text version the demo's people agreed to. */
export const DEMO_CONSENT_VERSION = 'demo-2026-1';

export interface RecordCounts { learners: number; trainings: number; meetings: number; enrolments: number; marks: number; visits: number; outcomes: number; certificates: number }

/**
 * Throws when a plan breaks a rule the API would enforce: learner fields (consent not in the
 * future nor before birth, a guardian for a minor), meetings within their training's days,
 * seats, the completion rule, one enrolment per learner and training, consent before enrolment,
 * visits after registration, outcomes after the training and for a learner it trained.
 */
export function checkPlan(plan: CentrePlan, planned: Map<string, { hours: number; percent: number }>): void {
  const fail = (what: string) => {
    throw new Error(`demo plan ${plan.centre}: ${what}`);
  };
  plan.learners.forEach((l, i) => {
    const issues = learnerIssues({ birthDate: l.birthDate, sex: l.sex, consent: { date: l.consentDate, guardianName: l.guardianName } });
    if (issues.length) fail(`learner ${i}: ${issues.map((x) => x.code).join(', ')}`);
  });
  plan.trainings.forEach((t, ti) => {
    const course = planned.get(t.course) ?? fail(`unknown course ${t.course}`);
    if (t.endDate < t.startDate) fail(`training ${ti} ends before it starts`);
    for (const m of t.meetings) if (m.date < t.startDate || m.date > t.endDate) fail(`training ${ti}: a meeting outside its days`);
    const scheduled = t.meetings.reduce((sum, m) => sum + m.hours, 0);
    const seen = new Set<number>();
    let seats = 0;
    for (const e of t.enrolments) {
      if (seen.has(e.learner)) fail(`training ${ti}: learner ${e.learner} enrolled twice`);
      seen.add(e.learner);
      if (e.status !== 'dropped') seats++;
      if (plan.learners[e.learner].consentDate > e.enrolledOn) fail(`training ${ti}: learner ${e.learner} enrolled before registering`);
      if (e.hours.length > t.meetings.length || e.hours.some((h, k) => h < 0 || h > t.meetings[k].hours)) fail(`training ${ti}: marks do not fit the meetings`);
      const met = completionStatus(e.hours.reduce((a, b) => a + b, 0), scheduled, course!.percent).met;
      // completed only by the rule; an enrolment left open after the training did not meet it
      if (e.status !== 'dropped' && (e.status === 'completed') !== met) fail(`training ${ti}: learner ${e.learner} is ${e.status} but the rule says ${met ? 'met' : 'not met'}`);
    }
    if (seats > t.capacity) fail(`training ${ti}: ${seats} seats taken of ${t.capacity}`);
  });
  for (const v of plan.visits) {
    if (v.learner !== null && (v.count !== 1 || plan.learners[v.learner].consentDate > v.date)) fail('a registered visit before registration or counted twice');
    if (v.count < 1 || v.count > 10_000) fail(`a tally of ${v.count}`);
  }
  for (const o of plan.outcomes) {
    const t = plan.trainings[o.training];
    if (o.recordedOn < t.endDate) fail('an outcome recorded before its training ended');
    if (!t.enrolments.some((e) => e.learner === o.learner && e.status !== 'dropped')) fail('an outcome about a training the learner did not take');
  }
  for (const c of plan.certificates) {
    if (!plan.trainings[c.training].enrolments.some((e) => e.learner === c.learner && e.status === 'completed')) fail('a certificate without a completion');
  }
}

/** Ids of org units (centres and places) and accounts by code and username. */
async function lookups(ctx: Ctx) {
  const units = await ctx.db.selectFrom('org_units').select(['id', 'code', 'name_kk', 'name_ru', 'name_en']).execute();
  const users = await ctx.db.selectFrom('users').select(['id', 'username']).execute();
  return {
    unit: new Map(units.map((u) => [u.code, u])),
    user: new Map(users.map((u) => [u.username, u.id])),
  };
}

/** The courses, the librarians' accounts, then every centre's records. */
export async function loadDemoRecords(sys: Ctx): Promise<RecordCounts> {
  const courses = new Map<string, { id: string; hours: number; percent: number; name: Record<'kk' | 'ru' | 'en', string> }>();
  for (const c of demoCourses) {
    const created = await createCourse(sys, CourseInput.parse({ ...c, orgUnitId: 'KZ' }));
    courses.set(c.code, { id: created.id, hours: c.plannedHours, percent: c.completionPercent, name: c.name });
  }
  // Staff are learners too (seed 003): the librarians' own accounts, hashed side by side.
  await Promise.all(AKTOBE_LIBRARIANS.map((l) => createUser(sys, {
    username: l.username, displayName: `${l.person.firstName} ${l.person.lastName}`, password: DEMO_PASSWORD, role: 'facilitator',
    orgUnitId: AKTOBE, partnerId: null, locale: 'kk',
  }, { checkActor: false })));
  const { unit, user } = await lookups(sys);
  const counts: RecordCounts = { learners: 0, trainings: 0, meetings: 0, enrolments: 0, marks: 0, visits: 0, outcomes: 0, certificates: 0 };
  // PostgreSQL takes centres on a few connections at once, so that building one centre's rows
  // here overlaps with writing another's there; SQLite has one writer.
  const plans = demoPlans();
  const writer = async () => {
    for (let next = plans.next(); !next.done; next = plans.next()) {
      checkPlan(next.value, courses);
      await writePlan(sys, next.value, { unit, user, courses }, counts);
    }
  };
  await Promise.all(Array.from({ length: sys.engine === 'postgres' ? 3 : 1 }, writer));
  return counts;
}

async function writePlan(
  sys: Ctx, plan: CentrePlan,
  refs: Awaited<ReturnType<typeof lookups>> & { courses: Map<string, { id: string; name: Record<'kk' | 'ru' | 'en', string> }> },
  counts: RecordCounts,
): Promise<void> {
  const centre = refs.unit.get(plan.centre)!;
  const scope = { scopeId: centre.id, note: 'demo learning records (docs/demo-data.md)' };
  await sys.db.transaction().execute(async (tx) => {
    const learnerRows = plan.learners.map((l) => ({
      centre_id: centre.id, last_name: l.lastName, first_name: l.firstName, middle_name: l.middleName, sex: l.sex,
      birth_date: l.birthDate, phone: l.phone, settlement_id: l.settlement ? refs.unit.get(l.settlement)!.id : null,
      languages: JSON.stringify(l.languages), education: l.education, employment_status: l.employmentStatus,
      registered_unemployed: l.registeredUnemployed ? 1 : 0, target_groups: JSON.stringify(l.targetGroups), iin: null,
      consent_date: l.consentDate, consent_version: DEMO_CONSENT_VERSION, guardian_name: l.guardianName,
      consent_recorded_by: sys.actor!.id, user_id: l.user ? refs.user.get(l.user)! : null, merged_into: null,
      ...nameColumns(l),
    }));
    // in name order: the centre's name index then grows at one end instead of everywhere
    const byName = learnerRows.map((_, i) => i).sort((a, b) => (learnerRows[a].sort_key < learnerRows[b].sort_key ? -1 : learnerRows[a].sort_key > learnerRows[b].sort_key ? 1 : a - b));
    const inserted = await insertGenerated(tx, sys, 'learners', byName.map((i) => learnerRows[i]), scope);
    const learners = new Array<(typeof inserted)[number]>(inserted.length);
    byName.forEach((i, k) => (learners[i] = inserted[k]));
    const trainings = await insertGenerated(tx, sys, 'trainings', plan.trainings.map((t) => ({
      centre_id: centre.id, course_id: refs.courses.get(t.course)!.id, kind: t.kind, place: t.place, start_date: t.startDate,
      end_date: t.endDate, capacity: t.capacity, language: t.language, trainers: '[]', volunteers: '[]', note: t.note,
    })), scope);
    const meetingRows = plan.trainings.flatMap((t, ti) => t.meetings.map((m) => ({
      training_id: trainings[ti].id, centre_id: centre.id, date: m.date, start_time: m.startTime, hours: m.hours,
    })));
    const meetings = await insertGenerated(tx, sys, 'meetings', meetingRows, scope);
    const firstMeeting: number[] = [];
    plan.trainings.reduce((at, t, ti) => ((firstMeeting[ti] = at), at + t.meetings.length), 0);
    const enrolmentPlans = plan.trainings.flatMap((t, ti) => t.enrolments.map((e) => ({ e, ti })));
    const enrolments = await insertGenerated(tx, sys, 'enrolments', enrolmentPlans.map(({ e, ti }) => ({
      training_id: trainings[ti].id, learner_id: learners[e.learner].id, centre_id: centre.id, status: e.status, waitlist_position: null,
      enrolled_on: e.enrolledOn, completed_on: e.status === 'completed' ? plan.trainings[ti].endDate : null, dropped_on: e.droppedOn ?? null,
      promoted_at: null, promotion_seen_at: null,
    })), scope);
    const marks = await insertGenerated(tx, sys, 'attendance', enrolmentPlans.flatMap(({ e, ti }, k) => e.hours.map((hours, m) => ({
      meeting_id: meetings[firstMeeting[ti] + m].id, enrolment_id: enrolments[k].id, learner_id: learners[e.learner].id, centre_id: centre.id,
      present: hours > 0 ? 1 : 0, hours,
    }))), scope);
    // in date order, for the same reason (the centre-and-date index)
    const dated = [...plan.visits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const visits = await insertGenerated(tx, sys, 'visits', dated.map((v) => ({
      centre_id: centre.id, date: v.date, purpose: v.purpose, count: v.count, learner_id: v.learner === null ? null : learners[v.learner].id,
    })), scope);
    const outcomes = await insertGenerated(tx, sys, 'outcomes', plan.outcomes.map((o) => ({
      centre_id: centre.id, learner_id: learners[o.learner].id, training_id: trainings[o.training].id, due_on: o.dueOn,
      recorded_on: o.recordedOn, status: o.status, employer: o.employer, evidence: o.evidence, note: null,
    })), scope);
    const enrolmentOf = new Map(enrolmentPlans.map(({ e, ti }, k) => [`${ti}|${e.learner}`, { row: enrolments[k], hours: e.hours }]));
    const certificates = await insertGenerated(tx, sys, 'certificates', plan.certificates.map((c) => {
      const t = plan.trainings[c.training];
      const l = plan.learners[c.learner];
      const enrolment = enrolmentOf.get(`${c.training}|${c.learner}`)!;
      return {
        centre_id: centre.id, enrolment_id: enrolment.row.id, learner_id: learners[c.learner].id, code: newCode(), language: c.language,
        holder_name: [l.lastName, l.firstName, l.middleName].filter(Boolean).join(' '), hours: enrolment.hours.reduce((a, b) => a + b, 0),
        course_name: refs.courses.get(t.course)!.name[c.language], centre_name: centre[`name_${c.language}`],
        start_date: t.startDate, end_date: t.endDate, issued_on: t.endDate, revoked_at: null, revoke_reason: null,
      };
    }), scope);
    counts.learners += learners.length;
    counts.trainings += trainings.length;
    counts.meetings += meetings.length;
    counts.enrolments += enrolments.length;
    counts.marks += marks.length;
    counts.visits += visits.length;
    counts.outcomes += outcomes.length;
    counts.certificates += certificates.length;
  });
}
