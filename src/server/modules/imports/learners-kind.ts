// Importing a learner register: each row through the API's own learner schema, centres (in the
// caller's area only) and places resolved once per distinct value, IINs once in the file and
// not yet in the network, and likely duplicates — of an earlier row or of a person already
// registered — flagged as the duplicate check does while typing. Written in batches per centre.
import type { z } from 'zod';
import { LEARNER_IMPORT_FIELDS, LEARNER_REQUIRED } from '../../../domain/imports.js';
import { MATCH_THRESHOLD, foldName, scoreMatch } from '../../../domain/person-match.js';
import { inScope } from '../../auth/access.js';
import { findOrgUnit } from '../org-units/queries.js';
import { PLACE_KINDS, consentColumns, detailColumns, nameColumns } from '../learners/service.js';
import { issueCode } from './cells.js';
import { centreResolver } from './centres.js';
import { insertPerCentre, type Checking, type Good, type Kind, type StoredRow } from './kind.js';
import { LearnerInput, fieldOfPath, rowToInput, suggestLearnerMapping } from './learner-rows.js';

type Parsed = z.infer<typeof LearnerInput>;
interface LearnerRow { input: Parsed; centreId: string; settlementId: string | null }

const LOOKUP_CHUNK = 500;

async function check(c: Checking, rows: StoredRow[]): Promise<Array<Good<LearnerRow>>> {
  const { ctx, actor } = c;
  // 1. each row through the API's schema
  const parsed: Array<{ n: number; input: Parsed }> = [];
  const context = { defaultCentre: c.job.centre_id, consent: c.options.consent ?? null };
  rows.forEach(([n, ...cells], i) => {
    const outcome = LearnerInput.safeParse(rowToInput(cells, c.mapping, context));
    if (outcome.success) parsed.push({ n, input: outcome.data });
    else {
      for (const e of outcome.error.issues) {
        const limits = e as { minimum?: unknown; maximum?: unknown };
        c.fail(c.issue(n, fieldOfPath(e.path), issueCode(e), { min: limits.minimum, max: limits.maximum }));
      }
    }
    if (i % 5000 === 4999) c.progress(Math.floor((i + 1) / 2));
  });

  // 2. centres (only in the caller's area) and places, each distinct value looked up once
  const centreOf = centreResolver(ctx.db, actor);
  const centres = new Map<string, string | null>();
  const places = new Map<string, string | null>();
  for (const { input } of parsed) {
    centres.set(input.centreId, (await centreOf(input.centreId))?.id ?? null);
    const s = input.settlementId;
    if (s && !places.has(s)) {
      const unit = await findOrgUnit(ctx.db, s.trim());
      places.set(s, unit && PLACE_KINDS.has(unit.kind) && !unit.deleted_at ? unit.id : null);
    }
  }

  // 3. IINs: once in the file, and not yet in the network
  const iinRow = new Map<string, number>();
  for (const { n, input } of parsed) {
    if (!input.iin) continue;
    if (iinRow.has(input.iin)) c.fail(c.issue(n, 'iin', 'iin_in_file', { row: iinRow.get(input.iin) }));
    else iinRow.set(input.iin, n);
  }
  const iins = [...iinRow.keys()];
  for (let i = 0; i < iins.length; i += LOOKUP_CHUNK) {
    const taken = await ctx.db.selectFrom('learners').select('iin').where('iin', 'in', iins.slice(i, i + LOOKUP_CHUNK)).execute();
    for (const t of taken) c.fail(c.issue(iinRow.get(t.iin!)!, 'iin', 'iin_taken'));
  }
  for (const { n, input } of parsed) {
    if (!centres.get(input.centreId)) c.fail(c.issue(n, 'centre', 'unknown_centre'));
    if (input.settlementId && !places.get(input.settlementId)) c.fail(c.issue(n, 'settlement', 'unknown_settlement'));
  }
  c.progress(Math.floor(rows.length * 0.6));

  // 4. likely duplicates of the rows that pass: earlier rows, then people already registered
  const seen = new Map<string, number>();
  const candidates = parsed.filter((p) => !c.failed(p.n));
  const flagged = new Set<number>();
  for (const { n, input } of candidates) {
    const key = `${[foldName(input.lastName), foldName(input.firstName)].sort().join(' ')}|${input.birthDate}`;
    if (seen.has(key)) { flagged.add(n); c.duplicate(c.issue(n, 'lastName', 'duplicate_in_file', { row: seen.get(key) })); }
    else seen.set(key, n);
  }
  for (let i = 0; i < candidates.length; i += LOOKUP_CHUNK) {
    const chunk = candidates.slice(i, i + LOOKUP_CHUNK);
    const dates = [...new Set(chunk.map((x) => x.input.birthDate))];
    const phones = [...new Set(chunk.map((x) => x.input.phone).filter((p): p is string => Boolean(p)))];
    // two lookups, each on its own index (PostgreSQL's planner scanned the table for the OR of both)
    const people = () => ctx.db.selectFrom('learners').innerJoin('org_units as c', 'c.id', 'learners.centre_id')
      .select(['learners.id', 'learners.last_name', 'learners.first_name', 'learners.middle_name', 'learners.birth_date', 'learners.phone', 'learners.iin', 'c.path'])
      .where('learners.deleted_at', 'is', null).where('learners.merged_into', 'is', null);
    const byDate = await people().where('learners.birth_date', 'in', dates).execute();
    const byPhone = phones.length ? await people().where('learners.phone', 'in', phones).execute() : [];
    const stored = [...new Map([...byDate, ...byPhone].map((p) => [p.id, p])).values()];
    const byKey = new Map<string, typeof stored>();
    for (const s of stored) {
      for (const k of [s.birth_date, s.phone]) {
        if (!k) continue;
        const list = byKey.get(k);
        if (list) list.push(s); else byKey.set(k, [s]);
      }
    }
    for (const { n, input } of chunk) {
      if (flagged.has(n)) continue;
      const pool = new Set([...(byKey.get(input.birthDate) ?? []), ...(input.phone ? byKey.get(input.phone) ?? [] : [])]);
      for (const s of pool) {
        const { score } = scoreMatch({ ...input, middleName: input.middleName ?? null, phone: input.phone ?? null, iin: input.iin ?? null }, {
          lastName: s.last_name, firstName: s.first_name, middleName: s.middle_name, birthDate: s.birth_date, phone: s.phone, iin: s.iin,
        });
        if (score >= MATCH_THRESHOLD) {
          flagged.add(n);
          c.duplicate(c.issue(n, 'lastName', inScope(actor, s.path) ? 'possible_duplicate' : 'registered_elsewhere'));
          break;
        }
      }
    }
  }
  c.progress(rows.length);

  return parsed.map((p) => ({
    n: p.n,
    item: { input: p.input, centreId: centres.get(p.input.centreId)!, settlementId: p.input.settlementId ? places.get(p.input.settlementId) ?? null : null },
  }));
}

export const learners: Kind<LearnerRow> = {
  permission: 'learner.write',
  fields: LEARNER_IMPORT_FIELDS,
  required: LEARNER_REQUIRED,
  suggest: suggestLearnerMapping,
  mappingProblems(mapping, options) {
    const consentMapped = mapping.consentDate != null && mapping.consentVersion != null;
    return !consentMapped && !options.consent ? [['consent', 'consent_required']] : [];
  },
  check,
  write: (tx, c, items, progress) => insertPerCentre(tx, c, 'learners', items, ({ input, centreId, settlementId }) => ({
    ...detailColumns(input), ...consentColumns(input.consent, c.actor), ...nameColumns(input),
    centre_id: centreId, middle_name: input.middleName, phone: input.phone, iin: input.iin,
    settlement_id: settlementId, user_id: null, merged_into: null,
  }), progress),
};
