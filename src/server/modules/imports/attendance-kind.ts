// Importing the attendance register of one training (chosen at upload): a row per person and
// meeting day. The person is found among the people on the training's sheet (enrolled or
// completed) by IIN, or by name — one "Surname Name" column or two, in either order and any
// script — with the birth date to tell namesakes apart; nobody else can be marked, as on the
// sheet. The day names the meeting (its start time when a day has two). Marks then follow the
// sheet's own rules (planSheet) and are written as the sheet writes them: new marks, and
// corrections of earlier ones, audited, each meeting's version moved on so that a sheet open
// in a browser meanwhile is told to reload. Decisions 0013 (attendance), 0018 (imports).
import { ATTENDANCE_IMPORT_FIELDS, ATTENDANCE_REQUIRED } from '../../../domain/imports.js';
import { foldName } from '../../../domain/person-match.js';
import { planMarks, writePlan } from '../attendance/service.js';
import * as sheets from '../attendance/queries.js';
import { cellReader, headerIndex, readDate, readNumber, suggestMapping, yesNo, type Mapping } from './cells.js';
import { unguard } from './sheet.js';
import { groupBy, type Checking, type Good, type Kind, type StoredRow } from './kind.js';
import { readIin } from './learner-rows.js';

interface Mark { meetingId: string; learnerId: string; present: boolean; hours: number | undefined }

const HEADER_WORDS: Record<string, string[]> = {
  iin: ['iin', 'жсн', 'иин'],
  fullName: ['full name', 'name', 'learner', 'participant', 'аты-жөні', 'тыңдаушы', 'қатысушы', 'фио', 'ф.и.о.', 'слушатель', 'участник'],
  lastName: ['last name', 'surname', 'тегі', 'фамилия'],
  firstName: ['first name', 'given name', 'аты', 'есімі', 'имя'],
  birthDate: ['birth date', 'date of birth', 'туған күні', 'дата рождения'],
  date: ['date', 'day', 'meeting date', 'күні', 'сабақ күні', 'дата', 'дата занятия'],
  startTime: ['start', 'start time', 'time', 'басталуы', 'уақыты', 'начало', 'время'],
  present: ['present', 'attended', 'attendance', 'mark', 'қатысты', 'қатысу', 'белгі', 'присутствие', 'присутствовал', 'отметка'],
  hours: ['hours', 'hours attended', 'сағат', 'қатысқан сағат', 'часы', 'часов'],
};
const LABEL_KEYS: Record<string, string[]> = {
  iin: ['learners.iin'], lastName: ['learners.lastName'], firstName: ['learners.firstName'], birthDate: ['learners.birthDate'],
  date: ['trainings.meetingDate'], startTime: ['trainings.startTime'],
};
let index: Map<string, string> | null = null;

/**
 * A person's names as a register may write them, folded whole: "Әбдірахманова Гүлнар",
 * "Gulnar Abdirakhmanova", with the patronymic after them or not.
 */
function nameKeys(p: { last_name: string; first_name: string; middle_name: string | null }): string[] {
  const keys = [`${p.last_name} ${p.first_name}`, `${p.first_name} ${p.last_name}`];
  if (p.middle_name) keys.push(`${p.last_name} ${p.first_name} ${p.middle_name}`);
  return keys.map(foldName);
}

async function check(c: Checking, rows: StoredRow[]): Promise<Array<Good<Mark>>> {
  const db = c.ctx.db;
  const trainingId = c.job.training_id!;
  const training = await db.selectFrom('trainings').select(['id', 'deleted_at', 'start_date', 'end_date']).where('id', '=', trainingId).executeTakeFirst();
  if (!training || training.deleted_at) {
    for (const [n] of rows) c.fail(c.issue(n, 'date', 'training_gone'));
    return [];
  }
  const meetings = await db.selectFrom('meetings').select(['id', 'date', 'start_time', 'hours'])
    .where('training_id', '=', trainingId).where('deleted_at', 'is', null).execute();
  const people = await db.selectFrom('enrolments').innerJoin('learners as l', 'l.id', 'enrolments.learner_id')
    .select(['l.id', 'l.last_name', 'l.first_name', 'l.middle_name', 'l.iin', 'l.birth_date'])
    .where('enrolments.training_id', '=', trainingId).where('enrolments.deleted_at', 'is', null)
    .where('enrolments.status', 'in', ['enrolled', 'completed']).execute();
  const byIin = new Map(people.filter((p) => p.iin).map((p) => [p.iin!, p]));
  const named = groupBy(people.flatMap((p) => [...new Set(nameKeys(p))].map((key) => ({ key, p }))), (x) => x.key);
  const byName = new Map([...named].map(([key, xs]) => [key, xs.map((x) => x.p)]));

  // "wide" registers: a column per meeting day, headed by its date, a mark in each cell
  const days = dayColumns(c.columns, training);
  const wide = c.mapping.date == null && c.mapping.present == null;

  const good: Array<Good<Mark>> = [];
  const marked = new Map<string, number>();
  for (const [n, ...cells] of rows) {
    const cell = cellReader(cells, c.mapping);
    // the person
    let candidates: typeof people = [];
    let personField = 'iin';
    const iin = readIin(cell('iin'));
    const full = cell('fullName');
    const last = cell('lastName');
    const first = cell('firstName');
    if (iin) candidates = byIin.has(iin) ? [byIin.get(iin)!] : [];
    else if (full) {
      personField = 'fullName';
      // a patronymic the record does not have is left out
      const words = full.split(/\s+/);
      candidates = byName.get(foldName(full)) ?? (words.length > 2 ? byName.get(foldName(words.slice(0, -1).join(' '))) : undefined) ?? [];
    } else if (last && first) {
      personField = 'lastName';
      candidates = byName.get(foldName(`${last} ${first}`)) ?? [];
    } else {
      c.fail(c.issue(n, personFieldOf(c.mapping), 'person_required'));
    }
    const birth = cell('birthDate');
    if (candidates.length > 1 && birth) candidates = candidates.filter((p) => p.birth_date === readDate(birth));
    if (!c.failed(n)) {
      if (candidates.length === 0) c.fail(c.issue(n, personField, 'not_on_sheet'));
      else if (candidates.length > 1) c.fail(c.issue(n, personField, 'ambiguous_person'));
    }

    // the row's marks: one (date, mark and hours columns) or one per dated column with something in it
    const entries = wide
      ? days.flatMap((d) => {
        const v = unguard(cells[d.index] ?? '').trim();
        return v === '' ? [] : [{ date: d.date, start: null, mark: v, hours: null, column: d.header }];
      })
      : [{ date: readDate(cell('date') ?? ''), start: cell('startTime')?.padStart(5, '0') ?? null, mark: cell('present'), hours: cell('hours'), column: null }];
    const rowMarks: Array<Omit<Mark, 'learnerId'>> = [];
    for (const e of entries) {
      const at = (field: string, code: string, params: Record<string, unknown> = {}) =>
        c.fail({ ...c.issue(n, field, code, params), ...(e.column === null ? {} : { column: e.column }) });
      // the meeting
      let onDay = meetings.filter((m) => m.date === e.date);
      if (onDay.length > 1 && e.start) onDay = onDay.filter((m) => m.start_time === e.start);
      if (onDay.length === 0) { at('date', 'no_meeting', { date: e.date }); continue; }
      if (onDay.length > 1) { at('startTime', 'several_meetings'); continue; }
      const meeting = onDay[0];
      // the mark: yes or no, or (in a dated column) the hours attended
      let present: boolean | string | null = e.mark === null ? null : yesNo(e.mark);
      let hours: number | string | undefined = e.hours === null ? undefined : readNumber(e.hours);
      if (typeof present === 'string' && e.column !== null && typeof readNumber(present) === 'number') {
        hours = readNumber(present) as number;
        present = hours > 0;
      }
      if (typeof present !== 'boolean') { at('present', present === null ? 'required_or_type' : 'yes_or_no'); continue; }
      if (typeof hours === 'string' || (typeof hours === 'number' && hours < 0)) { at('hours', 'invalid_format'); continue; }
      const h = present ? (hours ?? meeting.hours) : (hours ?? 0);
      if (!present && h > 0) { at('hours', 'absent_with_hours'); continue; }
      if (h > meeting.hours + 1e-9) { at('hours', 'hours_above_meeting', { max: meeting.hours }); continue; }
      rowMarks.push({ meetingId: meeting.id, present, hours });
    }
    if (c.failed(n)) continue;
    const person = candidates[0];
    for (const m of rowMarks) {
      const key = `${m.meetingId}|${person.id}`;
      if (marked.has(key)) { c.fail(c.issue(n, personField, 'mark_in_file', { row: marked.get(key) })); break; }
      marked.set(key, n);
      good.push({ n, item: { ...m, learnerId: person.id } });
    }
  }
  return good;
}

/**
 * Columns headed by a day of the training: 09.11.2026, 2026-11-09 or a date cell, or 09.11
 * (the year is the training's).
 */
function dayColumns(columns: string[], training: { start_date: string; end_date: string }) {
  const out: Array<{ index: number; date: string; header: string }> = [];
  columns.forEach((header, index) => {
    const h = header.trim();
    const short = /^(\d{1,2})[./](\d{1,2})\.?$/.exec(h);
    const years = [...new Set([training.start_date.slice(0, 4), training.end_date.slice(0, 4)])];
    const candidates = short
      ? years.map((y) => `${y}-${short[2].padStart(2, '0')}-${short[1].padStart(2, '0')}`)
      : [readDate(h)];
    const date = candidates.find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= training.start_date && d <= training.end_date)
      ?? candidates.find((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)));
    if (date) out.push({ index, date, header });
  });
  return out;
}

/** Whether a header looks like a day (the wide layout), without the training at hand. */
const looksLikeDay = (header: string) => /^\d{1,2}[./]\d{1,2}\.?$/.test(header.trim()) || /^\d{4}-\d{2}-\d{2}$/.test(readDate(header));

/** The column to blame when a row names nobody: the first person column mapped. */
const personFieldOf = (mapping: Mapping) => ['iin', 'fullName', 'lastName', 'firstName'].find((f) => mapping[f] != null) ?? 'fullName';

export const attendance: Kind<Mark> = {
  permission: 'attendance.write',
  fields: ATTENDANCE_IMPORT_FIELDS,
  required: ATTENDANCE_REQUIRED,
  suggest: (columns) => suggestMapping(ATTENDANCE_IMPORT_FIELDS, columns, index ??= headerIndex(ATTENDANCE_IMPORT_FIELDS, HEADER_WORDS, LABEL_KEYS)),
  mappingProblems(mapping, _options, columns) {
    const problems: Array<[string, string]> = [];
    const named = mapping.iin != null || mapping.fullName != null || (mapping.lastName != null && mapping.firstName != null);
    if (!named) problems.push(['fullName', 'person_column_required']);
    // one mark per row (a date and a mark column), or the wide layout (a column per day)
    const long = mapping.date != null || mapping.present != null;
    if (long) {
      if (mapping.date == null) problems.push(['date', 'required_column']);
      if (mapping.present == null) problems.push(['present', 'required_column']);
    } else if (!columns.some(looksLikeDay)) problems.push(['date', 'marks_columns_required']);
    return problems;
  },
  check,
  async write(tx, c, items, progress) {
    let changed = 0;
    for (const [meetingId, marks] of groupBy(items, (m) => m.meetingId)) {
      const meeting = await tx.selectFrom('meetings').select(['id', 'version', 'centre_id', 'hours', 'training_id', 'deleted_at'])
        .where('id', '=', meetingId).executeTakeFirstOrThrow();
      if (meeting.deleted_at) throw new Error(`meeting ${meetingId} archived during the import`);
      const rows = await sheets.sheetRows(tx, meeting.training_id, meeting.id);
      const plan = planMarks(meeting.hours, rows, marks.map((m) => ({ learnerId: m.learnerId, present: m.present, hours: m.hours })));
      if (plan.issues.length) throw new Error(`the sheet of meeting ${meetingId} changed during the import`);
      if (plan.inserts.length + plan.updates.length > 0) await writePlan(tx, c.ctx, meeting, rows, plan);
      changed += plan.inserts.length + plan.updates.length;
      progress(marks.length);
    }
    return changed;
  },
};
