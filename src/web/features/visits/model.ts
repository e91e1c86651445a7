// Visits (docs/api.md, "visits, follow-ups and outcomes"): the shapes the web app
// reads, the purposes in their order, and the small pure rules of the tally form.
// The closed list mirrors VISIT_PURPOSES of src/domain/learning.ts (model.test.ts
// keeps them equal): importing that module would bring zod into this page's chunk.

export const PURPOSES = ['internet', 'consultation', 'event', 'reading_room', 'other'] as const;
export type Purpose = (typeof PURPOSES)[number];
export type PerPurpose = Record<Purpose, number>;

/** The most walk-ins of one purpose in a day (VISIT_LIMITS.countMax). */
export const COUNT_MAX = 10_000;

export interface CentreRef { id: string; code: string; name: { kk: string; ru: string; en: string } }

export interface VisitDay {
  centreId: string;
  date: string;
  counts: PerPurpose;
  registered: PerPurpose;
  visits: number;
}

export interface Visit {
  id: string;
  version: string;
  archivedAt: string | null;
  centreId: string;
  centre: CentreRef;
  date: string;
  purpose: Purpose;
  count: number;
  learnerId: string | null;
  learner: { id: string; lastName: string; firstName: string; middleName: string | null } | null;
}

export interface VisitSummary {
  from: string | null;
  to: string | null;
  visits: number;
  anonymousVisits: number;
  registeredVisits: number;
  users: number;
  byPurpose: PerPurpose;
}

const DAY_MS = 86_400_000;

/** Today in Kazakhstan (UTC+5), as the server counts "not in the future" (isoToday in the domain). */
export function kzToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
}

/** A calendar date `days` later (or earlier). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the date's month. */
export const monthStart = (date: string) => `${date.slice(0, 8)}01`;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

export const zeroCounts = (): PerPurpose => ({ internet: 0, consultation: 0, event: 0, reading_room: 0, other: 0 });

/**
 * What the tally field holds as typed, as a count: digits only, within 0…COUNT_MAX;
 * anything else is null (the field shows an error and the day is not saved).
 */
export function parseCount(text: string): number | null {
  const trimmed = text.replace(/\s/g, '');
  if (trimmed === '') return 0;
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= COUNT_MAX ? n : null;
}

/** A count moved by a −/+ press, kept within 0…COUNT_MAX. */
export const step = (value: number, by: number) => Math.min(COUNT_MAX, Math.max(0, value + by));

/**
 * The purposes whose typed count differs from the saved one: the body of
 * PUT /api/visits/day (a purpose left out keeps its count), or null when
 * nothing changed. A field that is not a count makes the whole form unsendable.
 */
export function changedCounts(typed: Record<Purpose, string>, saved: PerPurpose): Partial<PerPurpose> | null | 'invalid' {
  const out: Partial<PerPurpose> = {};
  for (const p of PURPOSES) {
    const n = parseCount(typed[p]);
    if (n === null) return 'invalid';
    if (n !== saved[p]) out[p] = n;
  }
  return Object.keys(out).length ? out : null;
}

export interface DayTotal { date: string; total: number; registered: number; byPurpose: PerPurpose }

/** Visit entries (newest day first, as listed) summed per day. */
export function totalsByDay(entries: Visit[]): DayTotal[] {
  const days = new Map<string, DayTotal>();
  for (const v of entries) {
    if (v.archivedAt) continue;
    let day = days.get(v.date);
    if (!day) {
      day = { date: v.date, total: 0, registered: 0, byPurpose: zeroCounts() };
      days.set(v.date, day);
    }
    day.total += v.count;
    day.byPurpose[v.purpose] += v.count;
    if (v.learnerId) day.registered += v.count;
  }
  return [...days.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
