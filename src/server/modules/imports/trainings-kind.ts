// Importing a training register: a row per training of a course at a centre. The course is
// named by its code or by its name in any of the three languages (as the catalogue has it,
// folded across scripts), among the courses the centre may run; kind and language may be
// words ("семинар", "қазақша"). Each row then goes through the API's own training schema. A
// training of the same course at the same centre starting the same day is likely the same
// one: left out unless the user imports duplicates. Trainers, volunteers and meetings are
// added on the training's page afterwards.
import { TRAINING_IMPORT_FIELDS, TRAINING_REQUIRED } from '../../../domain/imports.js';
import { TRAINING_KINDS } from '../../../domain/learning.js';
import { LOCALES } from '../../../domain/common.js';
import { TrainingInput } from '../../../domain/trainings.js';
import { trainingColumns } from '../trainings/service.js';
import { cellReader, code, dictionary, fold, headerIndex, issueCode, readDate, readNumber, suggestMapping } from './cells.js';
import { centreResolver } from './centres.js';
import { groupBy, insertPerCentre, type Checking, type Good, type Kind, type StoredRow } from './kind.js';

interface TrainingRow { centreId: string; values: Record<string, unknown> }

const HEADER_WORDS: Record<string, string[]> = {
  centre: ['centre', 'center', 'centre code', 'орталық', 'орталық коды', 'центр', 'код центра'],
  course: ['course', 'course code', 'course name', 'курс', 'курстың атауы', 'курс коды', 'название курса', 'код курса'],
  kind: ['kind', 'type', 'түрі', 'вид', 'тип'],
  startDate: ['start', 'start date', 'from', 'басталуы', 'басталған күні', 'бірінші күні', 'начало', 'дата начала', 'с'],
  endDate: ['end', 'end date', 'to', 'аяқталуы', 'аяқталған күні', 'соңғы күні', 'окончание', 'дата окончания', 'по'],
  capacity: ['capacity', 'seats', 'places', 'орын саны', 'орындар', 'мест', 'количество мест'],
  language: ['language', 'language of instruction', 'оқыту тілі', 'тілі', 'язык', 'язык обучения'],
  place: ['place', 'venue', 'village', 'өтетін орны', 'орны', 'место', 'место проведения'],
  note: ['note', 'notes', 'comment', 'ескертпе', 'түсініктеме', 'примечание', 'комментарий'],
};
/** The app's form labels and our training export's headers count too. */
const LABEL_KEYS: Record<string, string[]> = Object.fromEntries(TRAINING_IMPORT_FIELDS.map((f) => [
  f, f === 'note' ? ['trainings.note'] : [`trainings.${f}`, `exports.columns.trainings.${f}`],
]));

let index: Map<string, string> | null = null;
let words: { kind: Map<string, string>; language: Map<string, string> } | null = null;
const dicts = () => (words ??= {
  kind: dictionary(TRAINING_KINDS, (k) => [`trainings.kinds.${k}`], {
    training: ['тренинг', 'оқыту', 'обучение', 'курс'], seminar: ['семинар'], consultation: ['кеңес', 'консультация'], event: ['іс-шара', 'мероприятие'],
  }),
  language: dictionary(LOCALES, (l) => [`lang.${l}`, `learners.languages.${l}`], {
    kk: ['қазақ', 'қазақша', 'казахский', 'kazakh', 'қаз', 'каз'], ru: ['орыс', 'орысша', 'русский', 'russian', 'рус'],
    en: ['ағылшын', 'ағылшынша', 'английский', 'english', 'англ'],
  }),
});

/** The courses each centre may run (the national catalogue's and those of units above it), by folded code and names. */
async function courseFinder(c: Checking) {
  const courses = await c.ctx.db.selectFrom('courses').innerJoin('org_units as u', 'u.id', 'courses.org_unit_id')
    .select(['courses.id', 'courses.code', 'courses.name_kk', 'courses.name_ru', 'courses.name_en', 'u.path'])
    .where('courses.deleted_at', 'is', null).execute();
  return (centre: { path: string }, value: string): string | null => {
    const wanted = fold(value);
    const found = courses.filter((k) => centre.path.startsWith(k.path)
      && [k.code, k.name_kk, k.name_ru, k.name_en].some((name) => name !== null && fold(name) === wanted));
    // the centre's own course before the national one of the same name
    found.sort((a, b) => b.path.length - a.path.length);
    return found[0]?.id ?? null;
  };
}

/** Whether each centre is the mobile IT-Yurt (its trainings need a place), asked once per centre. */
function mobileCentres(c: Checking) {
  const known = new Map<string, boolean>();
  return async (centreId: string) => {
    let mobile = known.get(centreId);
    if (mobile === undefined) {
      const centre = await c.ctx.db.selectFrom('centres').select('type').where('org_unit_id', '=', centreId).executeTakeFirst();
      known.set(centreId, (mobile = centre?.type === 'mobile'));
    }
    return mobile;
  };
}

const LOOKUP_CHUNK = 500;

/** Live trainings already scheduled among `keys` (centre|course|start), a query per centre and 500 first days. */
async function existingTrainings(c: Checking, keys: Array<{ centreId: string; courseId: string; startDate: string }>) {
  const found = new Set<string>();
  for (const [centreId, list] of groupBy(keys, (k) => k.centreId)) {
    const days = [...new Set(list.map((k) => k.startDate))];
    for (let i = 0; i < days.length; i += LOOKUP_CHUNK) {
      const rows = await c.ctx.db.selectFrom('trainings').select(['course_id', 'start_date'])
        .where('centre_id', '=', centreId).where('start_date', 'in', days.slice(i, i + LOOKUP_CHUNK)).where('deleted_at', 'is', null).execute();
      for (const r of rows) found.add(`${centreId}|${r.course_id}|${r.start_date}`);
    }
  }
  return found;
}

async function check(c: Checking, rows: StoredRow[]): Promise<Array<Good<TrainingRow>>> {
  const centreOf = centreResolver(c.ctx.db, c.actor);
  const courseOf = await courseFinder(c);
  const isMobile = mobileCentres(c);
  const d = dicts();
  const passed: Array<{ n: number; key: string; centreId: string; courseId: string; startDate: string; values: Record<string, unknown> }> = [];
  for (const [n, ...cells] of rows) {
    const cell = cellReader(cells, c.mapping);
    const centre = await centreOf(cell('centre') ?? c.job.centre_id);
    if (!centre) { c.fail(c.issue(n, 'centre', 'unknown_centre')); continue; }
    const centreId = centre.id;
    const courseCell = cell('course');
    const courseId = courseCell === null ? null : courseOf(centre, courseCell);
    if (courseCell !== null && !courseId) c.fail(c.issue(n, 'course', 'unknown_course'));
    const kind = cell('kind');
    const language = cell('language');
    const capacity = cell('capacity');
    const start = cell('startDate');
    const end = cell('endDate');
    const parsed = TrainingInput.safeParse({
      courseId: courseId ?? courseCell ?? undefined, centreId,
      kind: kind === null ? undefined : code(d.kind, kind),
      place: cell('place'), note: cell('note'),
      startDate: start === null ? undefined : readDate(start), endDate: end === null ? undefined : readDate(end),
      capacity: capacity === null ? undefined : readNumber(capacity),
      language: language === null ? c.ctx.locale : code(d.language, language),
    });
    if (!parsed.success) {
      for (const e of parsed.error.issues) {
        const field = String(e.path[0] ?? 'course').replace(/Id$/, '');
        const limits = e as { minimum?: unknown; maximum?: unknown };
        c.fail(c.issue(n, field === 'courseId' ? 'course' : field, issueCode(e), { min: limits.minimum, max: limits.maximum }));
      }
      continue;
    }
    const input = parsed.data;
    if (!input.place && await isMobile(centreId)) c.fail(c.issue(n, 'place', 'place_required'));
    if (c.failed(n)) continue;
    const values = { ...trainingColumns({ ...input, trainerIds: [], volunteerIds: [] }), course_id: courseId, centre_id: centreId, place: input.place ?? null, note: input.note ?? null };
    passed.push({ n, key: `${centreId}|${courseId}|${input.startDate}`, centreId, courseId: courseId!, startDate: input.startDate, values });
  }

  // likely the same training: an earlier row, or one already scheduled
  const existing = await existingTrainings(c, passed);
  const seen = new Map<string, number>();
  for (const p of passed) {
    if (seen.has(p.key)) c.duplicate(c.issue(p.n, 'course', 'training_in_file', { row: seen.get(p.key) }));
    else {
      seen.set(p.key, p.n);
      if (existing.has(p.key)) c.duplicate(c.issue(p.n, 'course', 'training_exists'));
    }
  }
  return passed.map((p) => ({ n: p.n, item: { centreId: p.centreId, values: p.values } }));
}

export const trainings: Kind<TrainingRow> = {
  permission: 'training.write',
  fields: TRAINING_IMPORT_FIELDS,
  required: TRAINING_REQUIRED,
  suggest: (columns) => suggestMapping(TRAINING_IMPORT_FIELDS, columns, index ??= headerIndex(TRAINING_IMPORT_FIELDS, HEADER_WORDS, LABEL_KEYS)),
  check,
  write: (tx, c, items, progress) => insertPerCentre(tx, c, 'trainings', items, (r) => r.values, progress),
};
