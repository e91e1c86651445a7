// Follow-ups and outcomes (M5): the pure rules, no I/O. When follow-ups fall due after a
// training ends (calendar months, clamped to the month's last day), which end dates can have
// a follow-up due inside a period (so the server asks the database for those trainings only),
// and the two outcome figures of the seeds, each counting a person once.
// Decision: docs/decisions/0014-visits-outcomes.md.
import { OUTCOME_STATUS } from './learning.js';

export type OutcomeStatus = (typeof OUTCOME_STATUS)[number];

export const FOLLOW_UP_LIMITS = {
  /** Intervals a network may set. */
  intervalsMax: 6,
  /** The longest interval, in months. */
  monthsMax: 60,
  /** The default worklist looks this many months back from its `dueBefore`. */
  windowMonths: 12,
} as const;

/** Follow-ups fall due 3, 6 and 12 months after a training ends unless the network sets others. */
export const DEFAULT_FOLLOW_UP_MONTHS: readonly number[] = [3, 6, 12];

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate(); // month 1–12
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const format = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function parse(date: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Year and month `months` away from (y, m); months may be negative. */
function shift(y: number, m: number, months: number): [number, number] {
  const index = y * 12 + (m - 1) + months;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/**
 * The same day `months` calendar months later (or earlier, for a negative number); a day the
 * target month does not have becomes its last day: 31 January + 1 month = 28 (29) February.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parse(date);
  const [ty, tm] = shift(y, m, months);
  return format(ty, tm, Math.min(d, daysIn(ty, tm)));
}

/** The follow-ups of a training that ended on `endDate`: one per interval, in order. */
export function followUpDates(endDate: string, months: readonly number[]): Array<{ months: number; dueOn: string }> {
  return [...months].sort((a, b) => a - b).map((k) => ({ months: k, dueOn: addMonths(endDate, k) }));
}

/**
 * The latest end date whose follow-up after `months` falls on or before `date`.
 * addMonths only ever moves forward with its start, so every earlier end date qualifies too.
 */
export function latestEndDueBy(date: string, months: number): string {
  const [y, m, d] = parse(date);
  const [ty, tm] = shift(y, m, -months);
  // the last day of a month is reached from every later day of a longer month
  return format(ty, tm, d === daysIn(y, m) ? daysIn(ty, tm) : Math.min(d, daysIn(ty, tm)));
}

/** The earliest end date whose follow-up after `months` falls on or after `date`. */
export function earliestEndDueFrom(date: string, months: number): string {
  const [y, m, d] = parse(date);
  const [ty, tm] = shift(y, m, -months);
  if (d <= daysIn(ty, tm)) return format(ty, tm, d);
  // no day of the shorter month reaches `date`: the first day of the next month does
  const [ny, nm] = shift(ty, tm, 1);
  return format(ny, nm, 1);
}

/** The range of training end dates that can have a follow-up due within [from, to]. */
export function endDatesDueWithin(from: string, to: string, months: readonly number[]): { from: string; to: string } | null {
  if (months.length === 0 || from > to) return null;
  const shortest = Math.min(...months);
  const longest = Math.max(...months);
  return { from: earliestEndDueFrom(from, longest), to: latestEndDueBy(to, shortest) };
}

/** Intervals as a network stores them: distinct whole months, ascending. */
export function normaliseIntervals(months: readonly number[]): number[] {
  return [...new Set(months)].sort((a, b) => a - b);
}

// ------------------------------------------------------------------ indicators

/** Seed 000: "found work, developed a small business or improved their job" (55). */
export const WORK_OR_BUSINESS_OR_BETTER_JOB: readonly OutcomeStatus[] = ['employed', 'self_employed', 'improved_job'];
/** Seed 001: "found a job" (54). */
export const FOUND_JOB: readonly OutcomeStatus[] = ['employed'];

export interface OutcomeFact {
  learnerId: string;
  status: string | null;
}

/** Distinct people with at least one outcome in `statuses` (a person followed up three times counts once). */
export function countPeopleWith(outcomes: Iterable<OutcomeFact>, statuses: readonly string[]): number {
  const people = new Set<string>();
  for (const o of outcomes) if (o.status !== null && statuses.includes(o.status)) people.add(o.learnerId);
  return people.size;
}

/** People who found work, started a business or improved their job (seed 000's 55). */
export const foundWorkOrBusinessOrBetterJob = (outcomes: Iterable<OutcomeFact>): number =>
  countPeopleWith(outcomes, WORK_OR_BUSINESS_OR_BETTER_JOB);

/** People who found a job (seed 001's 54). */
export const foundJob = (outcomes: Iterable<OutcomeFact>): number => countPeopleWith(outcomes, FOUND_JOB);
