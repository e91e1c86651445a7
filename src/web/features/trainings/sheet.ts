// The attendance sheet as the page edits it, and what one Save sends. Pure
// functions, unit-tested (sheet.test.ts). A row is present, absent or not
// marked yet; hours are optional (empty = the whole meeting when present).
// Rows not marked are not sent: the server leaves them as they are.

export interface SheetRow {
  learnerId: string;
  name: string;
  /** enrolled, completed, or dropped (a dropped learner's past mark stays correctable). */
  status: string;
  present: boolean | null;
  /** As typed; '' = the whole meeting (present) or none (absent). */
  hours: string;
}

export interface SavedMark { present: boolean; hours: number }

/** Rows from the server's sheet: a stored whole-meeting mark shows an empty hours box. */
export function rowsFromSheet(
  items: { learnerId: string; status: string; learner: { lastName: string; firstName: string; middleName: string | null };
    mark: SavedMark | null }[],
  meetingHours: number,
): SheetRow[] {
  return items.map((item) => ({
    learnerId: item.learnerId,
    name: [item.learner.lastName, item.learner.firstName, item.learner.middleName].filter(Boolean).join(' '),
    status: item.status,
    present: item.mark ? item.mark.present : null,
    hours: item.mark && item.mark.present && item.mark.hours !== meetingHours ? String(item.mark.hours) : '',
  }));
}

/** Present ↔ absent; a row not marked yet becomes present (most people come). */
export function toggled(row: SheetRow): SheetRow {
  const present = row.present !== true;
  return { ...row, present, hours: present ? row.hours : '' };
}

export function setPresent(row: SheetRow, present: boolean): SheetRow {
  return { ...row, present, hours: present ? row.hours : '' };
}

/** Every row not marked absent becomes present; absences already marked stay. */
export function allPresent(rows: SheetRow[]): SheetRow[] {
  return rows.map((r) => (r.present === null ? { ...r, present: true } : r));
}

/** Typed hours as a number: '' → undefined; "1,5" (a decimal comma) → 1.5; nonsense → NaN. */
export function parseHours(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** Rows whose hours cannot be sent: not a number, or above the meeting's length. */
export function hoursProblems(rows: SheetRow[], meetingHours: number): Map<string, 'hours_format' | 'hours_above_meeting'> {
  const problems = new Map<string, 'hours_format' | 'hours_above_meeting'>();
  for (const r of rows) {
    if (r.present !== true) continue;
    const h = parseHours(r.hours);
    if (h === undefined) continue;
    if (Number.isNaN(h)) problems.set(r.learnerId, 'hours_format');
    else if (h > meetingHours) problems.set(r.learnerId, 'hours_above_meeting');
  }
  return problems;
}

const same = (a: SheetRow, b: SheetRow | undefined) => !!b && a.present === b.present && (parseHours(a.hours) ?? '') === (parseHours(b.hours) ?? '');

/** How many rows differ from what was loaded. */
export function changedCount(rows: SheetRow[], base: SheetRow[]): number {
  const before = new Map(base.map((r) => [r.learnerId, r]));
  return rows.filter((r) => !same(r, before.get(r.learnerId))).length;
}

/** The marks one PUT sends: every marked row (the server writes only what changed). */
export function marksToSend(rows: SheetRow[]): { learnerId: string; present: boolean; hours?: number }[] {
  return rows.filter((r) => r.present !== null).map((r) => {
    const hours = r.present ? parseHours(r.hours) : undefined;
    return hours === undefined ? { learnerId: r.learnerId, present: r.present! } : { learnerId: r.learnerId, present: r.present!, hours };
  });
}

/**
 * After a conflict (someone else saved the sheet): the fresh rows with this
 * reader's own changes put back on top, so nothing typed is lost.
 */
export function reapply(fresh: SheetRow[], mine: SheetRow[], base: SheetRow[]): SheetRow[] {
  const before = new Map(base.map((r) => [r.learnerId, r]));
  const changed = new Map(mine.filter((r) => !same(r, before.get(r.learnerId))).map((r) => [r.learnerId, r]));
  return fresh.map((r) => {
    const own = changed.get(r.learnerId);
    return own ? { ...r, present: own.present, hours: own.hours } : r;
  });
}

export function tally(rows: SheetRow[]): { present: number; absent: number; unmarked: number } {
  let present = 0;
  let absent = 0;
  for (const r of rows) {
    if (r.present === true) present++;
    else if (r.present === false) absent++;
  }
  return { present, absent, unmarked: rows.length - present - absent };
}
