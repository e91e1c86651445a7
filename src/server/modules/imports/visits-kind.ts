// Importing a visit register. A row is either anonymous walk-ins — a day, a purpose and a
// count — or one registered learner's visit, named by IIN. Anonymous counts of the same centre,
// day and purpose are added up over the file, and that sum SETS the day's tally, as the day
// tally on the visits page does: importing the same register twice counts nobody twice, and a
// day typed in before is replaced by the register (the preview says so, row by row). A
// learner's visit already recorded is left as it is. Decision 0014 (visits), 0018 (imports).
import { VISIT_IMPORT_FIELDS, VISIT_REQUIRED } from '../../../domain/imports.js';
import { VISIT_PURPOSES } from '../../../domain/learning.js';
import { VISIT_LIMITS, VisitDate, type VisitPurpose } from '../../../domain/visits.js';
import { inScope } from '../../auth/access.js';
import { lockRow } from '../../db/dialect.js';
import { updateRecord } from '../../db/write.js';
import { linkedIntoArea } from '../learners/links.js';
import { cellReader, code, dictionary, headerIndex, issueCode, readDate, readNumber, suggestMapping } from './cells.js';
import { centreResolver } from './centres.js';
import { groupBy, insertPerCentre, type Checking, type Good, type Kind, type StoredRow } from './kind.js';
import { readIin } from './learner-rows.js';

interface VisitRow { centreId: string; date: string; purpose: VisitPurpose; count: number; learnerId: string | null }

const HEADER_WORDS: Record<string, string[]> = {
  centre: ['centre', 'center', 'centre code', 'орталық', 'орталық коды', 'центр', 'код центра'],
  date: ['date', 'day', 'күні', 'күн', 'дата', 'день'],
  purpose: ['purpose', 'мақсаты', 'мақсат', 'цель', 'цель посещения', 'келу мақсаты'],
  count: ['count', 'visits', 'number', 'visitors', 'саны', 'келушілер', 'келушілер саны', 'количество', 'посетители', 'посещений'],
  iin: ['iin', 'жсн', 'иин', 'learner iin', 'тыңдаушының жсн'],
};
/** The app's labels and our visit export's headers count too. */
const LABEL_KEYS: Record<string, string[]> = {
  centre: ['learners.centre', 'exports.columns.visits.centre'], date: ['visits.day', 'exports.columns.visits.date'],
  purpose: ['visits.purpose', 'exports.columns.visits.purpose'], count: ['exports.columns.visits.count'], iin: ['learners.iin'],
};

let index: Map<string, string> | null = null;
let purposes: Map<string, string> | null = null;
const purposeWords = () => (purposes ??= dictionary(VISIT_PURPOSES, (p) => [`visits.purposes.${p}`], {
  internet: ['интернет', 'internet', 'ғаламтор', 'компьютер', 'computer'],
  consultation: ['кеңес', 'консультация', 'consultation', 'advice'],
  event: ['іс-шара', 'шара', 'мероприятие', 'event'],
  reading_room: ['оқу залы', 'кітапхана', 'читальный зал', 'библиотека', 'reading room', 'library'],
  other: ['басқа', 'другое', 'прочее', 'other'],
}));

const LOOKUP_CHUNK = 500;

async function check(c: Checking, rows: StoredRow[]): Promise<Array<Good<VisitRow>>> {
  const { ctx, actor } = c;
  const centreOf = centreResolver(ctx.db, actor);
  const parsed: Array<{ n: number; centreId: string | null; date: string; purpose: VisitPurpose; count: number; iin: string | null }> = [];
  for (const [n, ...cells] of rows) {
    const cell = cellReader(cells, c.mapping);
    const before = c.failed(n);
    const date = VisitDate.safeParse(readDate(cell('date') ?? ''));
    if (!date.success) c.fail(c.issue(n, 'date', issueCode(date.error.issues[0])));
    const purpose = code(purposeWords(), cell('purpose') ?? '');
    if (!(VISIT_PURPOSES as readonly string[]).includes(purpose)) c.fail(c.issue(n, 'purpose', cell('purpose') ? 'unknown_purpose' : 'required_or_type'));
    const iin = readIin(cell('iin'));
    const countCell = cell('count');
    const count = countCell === null ? 1 : readNumber(countCell);
    if (typeof count !== 'number' || !Number.isInteger(count)) c.fail(c.issue(n, 'count', 'not_whole_number'));
    else if (count < 1 || count > VISIT_LIMITS.countMax) c.fail(c.issue(n, 'count', 'count_range', { max: VISIT_LIMITS.countMax }));
    else if (iin && count !== 1) c.fail(c.issue(n, 'count', 'count_with_learner'));
    if (iin !== null && !/^\d{12}$/.test(iin)) c.fail(c.issue(n, 'iin', 'iin_format'));
    const centreId = (await centreOf(cell('centre') ?? c.job.centre_id))?.id ?? null;
    if (!centreId) c.fail(c.issue(n, 'centre', 'unknown_centre'));
    if (!before && !c.failed(n)) parsed.push({ n, centreId, date: date.data!, purpose: purpose as VisitPurpose, count: count as number, iin });
  }
  c.progress(Math.floor(rows.length / 2));

  // registered learners by IIN: in the caller's area, by home centre or by a link
  const iins = [...new Set(parsed.map((p) => p.iin).filter((i): i is string => i !== null))];
  const learnerOf = new Map<string, string>();
  for (let i = 0; i < iins.length; i += LOOKUP_CHUNK) {
    const found = await ctx.db.selectFrom('learners').innerJoin('org_units as c', 'c.id', 'learners.centre_id')
      .select(['learners.id', 'learners.iin', 'c.path'])
      .where('learners.iin', 'in', iins.slice(i, i + LOOKUP_CHUNK)).where('learners.deleted_at', 'is', null).where('learners.merged_into', 'is', null)
      .execute();
    const linked = await linkedIntoArea(ctx.db, actor, found.filter((f) => !inScope(actor, f.path)).map((f) => f.id));
    for (const f of found) if (inScope(actor, f.path) || linked.has(f.id)) learnerOf.set(f.iin!, f.id);
  }

  const good: Array<Good<VisitRow>> = [];
  const sums = new Map<string, { n: number; count: number }>();
  const learnerVisits = new Map<string, number>();
  for (const p of parsed) {
    const learnerId = p.iin ? learnerOf.get(p.iin) ?? null : null;
    if (p.iin && !learnerId) { c.fail(c.issue(p.n, 'iin', 'unknown_learner')); continue; }
    const key = `${p.centreId}|${p.date}|${p.purpose}`;
    if (learnerId) {
      const again = learnerVisits.get(`${key}|${learnerId}`);
      if (again !== undefined) c.duplicate(c.issue(p.n, 'iin', 'visit_in_file', { row: again }));
      else learnerVisits.set(`${key}|${learnerId}`, p.n);
    } else {
      const sum = sums.get(key) ?? { n: p.n, count: 0 };
      sum.count += p.count;
      if (sum.count > VISIT_LIMITS.countMax) c.fail(c.issue(p.n, 'count', 'count_range', { max: VISIT_LIMITS.countMax }));
      sums.set(key, sum);
    }
    good.push({ n: p.n, item: { centreId: p.centreId!, date: p.date, purpose: p.purpose, count: p.count, learnerId } });
  }

  // the tallies the file replaces, said before anything is written
  for (const [centreId, keys] of groupBy(sums.keys(), (k) => k.split('|')[0])) {
    const tallies = await liveTallies(ctx.db, centreId, [...new Set(keys.map((k) => k.split('|')[1]))]);
    for (const t of tallies) {
      const sum = sums.get(`${centreId}|${t.date}|${t.purpose}`);
      if (sum && sum.count !== t.count) c.warn(c.issue(sum.n, 'count', 'tally_replaced', { before: t.count, after: sum.count }));
    }
  }
  return good;
}


/** The live anonymous tallies of a centre on some days. */
async function liveTallies(db: Checking['ctx']['db'], centreId: string, dates: string[]) {
  const out: Array<{ id: string; version: string; date: string; purpose: string; count: number }> = [];
  for (let i = 0; i < dates.length; i += LOOKUP_CHUNK) {
    out.push(...await db.selectFrom('visits').select(['id', 'version', 'date', 'purpose', 'count'])
      .where('centre_id', '=', centreId).where('learner_id', 'is', null).where('deleted_at', 'is', null)
      .where('date', 'in', dates.slice(i, i + LOOKUP_CHUNK)).execute());
  }
  return out;
}

export const visits: Kind<VisitRow> = {
  permission: 'visit.write',
  fields: VISIT_IMPORT_FIELDS,
  required: VISIT_REQUIRED,
  suggest: (columns) => suggestMapping(VISIT_IMPORT_FIELDS, columns, index ??= headerIndex(VISIT_IMPORT_FIELDS, HEADER_WORDS, LABEL_KEYS)),
  check,
  async write(tx, c, items, progress) {
    let changed = 0;
    for (const [centreId, list] of groupBy(items, (v) => v.centreId)) {
      // the centre's tallies are written by one writer at a time (as the visits page does)
      await lockRow(tx, c.ctx.engine, 'org_units', centreId);
      const sums = new Map<string, { date: string; purpose: VisitPurpose; count: number }>();
      const learnerRows: VisitRow[] = [];
      for (const v of list) {
        if (v.learnerId) { learnerRows.push(v); continue; }
        const key = `${v.date}|${v.purpose}`;
        const sum = sums.get(key) ?? { date: v.date, purpose: v.purpose, count: 0 };
        sum.count += v.count;
        sums.set(key, sum);
      }
      const dates = [...new Set(list.map((v) => v.date))];
      const existing = new Map((await liveTallies(tx, centreId, dates)).map((t) => [`${t.date}|${t.purpose}`, t]));
      const inserts: Array<{ centreId: string; values: Record<string, unknown> }> = [];
      for (const [key, sum] of sums) {
        const tally = existing.get(key);
        if (!tally) inserts.push({ centreId, values: { centre_id: centreId, date: sum.date, purpose: sum.purpose, count: sum.count, learner_id: null } });
        else if (tally.count !== sum.count) {
          await updateRecord(tx, c.ctx, 'visits', tally.id, tally.version, { count: sum.count }, { scopeId: centreId });
          changed += 1;
        }
      }
      // a learner's visit is recorded once per centre, day and purpose: those already there stay
      const recorded = new Set<string>();
      for (let i = 0; i < dates.length; i += LOOKUP_CHUNK) {
        const rows = await tx.selectFrom('visits').select(['date', 'purpose', 'learner_id'])
          .where('centre_id', '=', centreId).where('learner_id', 'is not', null).where('deleted_at', 'is', null)
          .where('date', 'in', dates.slice(i, i + LOOKUP_CHUNK)).execute();
        for (const r of rows) recorded.add(`${r.date}|${r.purpose}|${r.learner_id}`);
      }
      for (const v of learnerRows) {
        const key = `${v.date}|${v.purpose}|${v.learnerId}`;
        if (recorded.has(key)) continue;
        recorded.add(key);
        inserts.push({ centreId, values: { centre_id: centreId, date: v.date, purpose: v.purpose, count: 1, learner_id: v.learnerId } });
      }
      changed += await insertPerCentre(tx, c, 'visits', inserts, (r) => r.values, () => {});
      progress(list.length);
    }
    return changed;
  },
};
