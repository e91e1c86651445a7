// The facilitator's follow-up worklist (M5): who is due a follow-up call. Computed when asked,
// from the enrolments of trainings that ended (tables of 0002, filled by the trainings API)
// and the outcomes recorded — nothing is stored ahead, so a changed interval, a corrected end
// date or an archived enrolment shows at once. The database is asked only for trainings whose
// end date can have a follow-up due in the period (domain/followups.ts). Decision 0014.
import { FOLLOW_UP_LIMITS, addMonths, endDatesDueWithin, followUpDates } from '../../../domain/followups.js';
import { isoToday } from '../../../domain/learning.js';
import type { FollowUpQuery } from '../../../domain/outcomes.js';
import { assertCan } from '../../auth/access.js';
import type { Ctx } from '../../context.js';
import { decodeCursor, encodeCursor } from '../../db/paging.js';
import { invalid } from '../../errors.js';
import { areaOf } from '../area.js';
import { namesOf } from '../org-units/queries.js';
import * as q from './queries.js';
import { followUpMonths } from './settings.js';

/** Trainings and seminars are followed up; a consultation or an event is not a course one completes. */
export const FOLLOW_UP_KINDS = ['training', 'seminar'] as const;
/** Enrolments looked at for one worklist; a larger area must name a centre or a shorter period. */
export const WORKLIST_SCAN_MAX = 20_000;

function toItem(r: q.CandidateRow, due: { months: number; dueOn: string }) {
  return {
    enrolmentId: r.enrolment_id, learnerId: r.learner_id,
    learner: { id: r.learner_id, lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name, phone: r.phone },
    trainingId: r.training_id,
    training: {
      id: r.training_id, kind: r.kind as never, startDate: r.start_date, endDate: r.end_date, centreId: r.centre_id,
      course: { id: r.course_id, name: { kk: r.course_kk, ru: r.course_ru, en: r.course_en } },
    },
    centre: { id: r.centre_id, code: r.centre_code, name: namesOf(r) },
    enrolmentStatus: r.status as never, months: due.months, dueOn: due.dueOn,
  };
}
type Item = ReturnType<typeof toItem>;

const sortKey = (i: Item): [string, string] => [i.dueOn, `${i.enrolmentId}:${String(i.months).padStart(3, '0')}`];
const before = (a: [string, string], b: [string, string]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/**
 * Follow-ups due within [dueFrom, dueBefore] with no outcome recorded for them, oldest due
 * first. By default: due by today, and at most a year overdue (older ones on request).
 */
export async function worklist(ctx: Ctx, query: FollowUpQuery) {
  const actor = assertCan(ctx.actor, 'outcome.read');
  const area = await areaOf(ctx.db, actor, query.centre);
  const { months } = await followUpMonths(ctx.db);
  const dueBefore = query.dueBefore ?? isoToday();
  const dueFrom = query.dueFrom ?? addMonths(dueBefore, -FOLLOW_UP_LIMITS.windowMonths);
  if (dueFrom > dueBefore) throw invalid('dueFrom', 'end_before_start');
  const empty = { items: [], nextCursor: null, total: 0, months, dueFrom, dueBefore };
  const ends = endDatesDueWithin(dueFrom, dueBefore, months);
  if (!ends) return empty;

  const candidates = await q.followUpCandidates(ctx.db, {
    area, endFrom: ends.from, endTo: ends.to, kinds: FOLLOW_UP_KINDS, limit: WORKLIST_SCAN_MAX + 1,
  });
  if (candidates.length > WORKLIST_SCAN_MAX) throw invalid('centre', 'too_many_follow_ups', { max: WORKLIST_SCAN_MAX });
  const answered = await q.answeredFollowUps(ctx.db, [...new Set(candidates.map((c) => c.training_id))]);

  const due: Item[] = [];
  for (const c of candidates) {
    for (const d of followUpDates(c.end_date, months)) {
      if (d.dueOn < dueFrom || d.dueOn > dueBefore) continue;
      if (answered.has(`${c.training_id}|${c.learner_id}|${d.dueOn}`)) continue;
      due.push(toItem(c, d));
    }
  }
  due.sort((a, b) => (before(sortKey(a), sortKey(b)) ? -1 : 1));
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const rest = cursor ? due.filter((i) => before(cursor, sortKey(i))) : due;
  const items = rest.slice(0, query.limit);
  const nextCursor = rest.length > query.limit ? encodeCursor(...sortKey(items[items.length - 1])) : null;
  return { items, nextCursor, total: due.length, months, dueFrom, dueBefore };
}
