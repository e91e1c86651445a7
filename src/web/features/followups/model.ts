// Follow-ups and outcomes (docs/api.md, "visits, follow-ups and outcomes"): the
// shapes the web app reads, the closed lists in their order, the due windows of
// the worklist and the outcome form's own checks. The lists mirror OUTCOME_STATUS
// and OUTCOME_EVIDENCE of src/domain/learning.ts (model.test.ts keeps them equal);
// importing that module would bring zod into these pages' chunk.
import { addDays } from '../visits/model';
import type { CentreRef } from '../visits/model';

export const STATUSES = ['employed', 'self_employed', 'improved_job', 'further_study', 'still_looking', 'unreachable'] as const;
export type OutcomeStatus = (typeof STATUSES)[number];
export const EVIDENCE = ['self_report', 'employment_centre', 'employer'] as const;
export type Evidence = (typeof EVIDENCE)[number];
/** Statuses where an employer or a business has a name worth asking for. */
export const WITH_EMPLOYER: readonly OutcomeStatus[] = ['employed', 'self_employed', 'improved_job'];
export const OUTCOME_LIMITS = { employerMax: 300, noteMax: 4000 } as const;

interface Person { id: string; lastName: string; firstName: string; middleName: string | null }
export interface TrainingRef {
  id: string; kind: string; startDate: string; endDate: string; centreId: string;
  course: { id: string; name: { kk: string; ru: string; en: string } };
}

export interface FollowUp {
  enrolmentId: string;
  learnerId: string;
  learner: Person & { phone: string | null };
  trainingId: string;
  training: TrainingRef;
  centre: CentreRef;
  enrolmentStatus: string;
  months: number;
  dueOn: string;
}

export interface FollowUpPage {
  items: FollowUp[];
  nextCursor: string | null;
  total: number;
  months: number[];
  dueFrom: string;
  dueBefore: string;
}

export interface Outcome {
  id: string;
  version: string;
  archivedAt: string | null;
  centreId: string;
  centre: CentreRef;
  learnerId: string;
  learner: Person;
  trainingId: string | null;
  training: TrainingRef | null;
  dueOn: string | null;
  recordedOn: string | null;
  status: OutcomeStatus | null;
  employer: string | null;
  evidence: Evidence | null;
  note: string | null;
}

export interface OutcomeSummary {
  from: string | null;
  to: string | null;
  people: number;
  foundWorkOrBusinessOrBetterJob: number;
  foundJob: number;
  byStatus: Record<OutcomeStatus, number>;
}

export interface FollowUpSettings { months: number[]; isDefault: boolean }

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The same day `months` calendar months away, clamped to the month's end (as the server counts). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${pad(ty, 4)}-${pad(tm)}-${pad(Math.min(d, last))}`;
}

/** The worklist's windows: what is due now (the server's default), also the next month's, or older ones too. */
export const WINDOWS = ['due', 'soon', 'older'] as const;
export type DueWindow = (typeof WINDOWS)[number];

export function windowRange(window: DueWindow, today: string): { dueFrom?: string; dueBefore?: string } {
  switch (window) {
    case 'soon': return { dueFrom: addMonths(today, -12), dueBefore: addDays(today, 30) };
    case 'older': return { dueFrom: addMonths(today, -36), dueBefore: today };
    default: return {};
  }
}

/** Days from `today` to `dueOn`: negative when overdue. */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export interface OutcomeForm {
  status: OutcomeStatus | null;
  employer: string;
  recordedOn: string;
  evidence: Evidence | null;
  note: string;
}

/** What is missing before the server is asked (it checks again: dates, the training's end). */
export function outcomeFormErrors(form: OutcomeForm, today: string): Partial<Record<keyof OutcomeForm, string>> {
  const errors: Partial<Record<keyof OutcomeForm, string>> = {};
  if (!form.status) errors.status = 'required';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.recordedOn)) errors.recordedOn = 'required';
  else if (form.recordedOn > today) errors.recordedOn = 'date_in_future';
  if (form.status && form.status !== 'unreachable' && !form.evidence) errors.evidence = 'evidence_required';
  if (form.employer.trim().length > OUTCOME_LIMITS.employerMax) errors.employer = 'too_big';
  if (form.note.trim().length > OUTCOME_LIMITS.noteMax) errors.note = 'too_big';
  return errors;
}

/** The fields of an outcome as the API takes them (blank text is "none"; no employer when there is none to name). */
export function outcomeBody(form: OutcomeForm): Record<string, unknown> {
  const employer = form.status && WITH_EMPLOYER.includes(form.status) ? form.employer.trim() || null : null;
  return {
    status: form.status,
    employer,
    recordedOn: form.recordedOn,
    evidence: form.evidence,
    note: form.note.trim() || null,
  };
}

export const INTERVAL_LIMITS = { intervalsMax: 6, monthsMax: 60 } as const;

/** "3, 6, 12" → [3, 6, 12]: 1–6 distinct whole months of 1–60, ascending; null when it is not that. */
export function parseIntervals(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  const months = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  if (months.length < 1 || months.length > INTERVAL_LIMITS.intervalsMax) return null;
  return months.every((m) => m >= 1 && m <= INTERVAL_LIMITS.monthsMax) ? months : null;
}
