// Learners (M3): register, find, edit, archive — and the duplicate check that looks across
// the whole network but tells the caller about records outside their area only that they
// exist ("already registered at another centre"). Personal data: scoped staff only.
import { z } from 'zod';
import { foldForSearch } from '../../../domain/fold.js';
import { UUID_PATTERN } from '../../../domain/ids.js';
import { parseIin } from '../../../domain/iin.js';
import { LEARNING_LIMITS, LearnerInput, LearnerListQuery, LearnerMatchQuery, LearnerPatch, learnerIssues } from '../../../domain/learning.js';
import { MATCH_THRESHOLD, nameSearchKey, scoreMatch, type PersonName } from '../../../domain/person-match.js';
import { normalisePhone } from '../../../domain/phone.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { searchTerm } from '../../db/paging.js';
import { archiveRecord, insertRecord, restoreRecord, updateRecord } from '../../db/write.js';
import { KeregeError, invalid, notFound } from '../../errors.js';
import { findOrgUnit } from '../org-units/queries.js';
import { visibleUnit } from '../org-units/service.js';
import { LINK_TOKEN_SECONDS, linkKey, linkedIntoArea, linkedIntoScope, nowSeconds, sealLinkToken } from './links.js';
import * as q from './queries.js';

/** Kinds of place a learner can live in. */
export const PLACE_KINDS = new Set(['settlement', 'city', 'raion', 'oblast']);

export function nameColumns(name: PersonName) {
  return { name_key: nameSearchKey(name), sort_key: foldForSearch(`${name.lastName} ${name.firstName} ${name.middleName ?? ''}`) };
}

/**
 * A learner by its home centre in the actor's area; for reading (`linked`), also one linked
 * to a centre in it. Editing and archiving stay with the home centre's side (decision 0019).
 */
async function visibleLearner(db: Queryable, actor: Actor, id: string, { linked = false } = {}): Promise<q.LearnerRow> {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const row = await q.findLearner(db, id);
  if (!row || !(inScope(actor, row.path) || (linked && (await linkedIntoArea(db, actor, [row.id])).has(row.id)))) throw notFound();
  return row;
}

/** The centre that keeps the record: a live centre in the actor's area, else a field error. */
async function keepingCentre(db: Queryable, actor: Actor, idOrCode: string) {
  const unit = await findOrgUnit(db, idOrCode);
  if (!unit || unit.kind !== 'centre' || unit.deleted_at || !inScope(actor, unit.path)) throw invalid('centreId', 'unknown_centre');
  return unit;
}

/** Where the learner lives: any live place in Kazakhstan (geography is not personal data). */
async function place(db: Queryable, idOrCode: string | null | undefined): Promise<string | null> {
  if (!idOrCode) return null;
  const unit = await findOrgUnit(db, idOrCode);
  if (!unit || !PLACE_KINDS.has(unit.kind) || unit.deleted_at) throw invalid('settlementId', 'unknown_settlement');
  return unit.id;
}

/** A staff account in the actor's area, not yet linked to another learner. */
async function linkableUser(db: Queryable, actor: Actor, userId: string | null | undefined, self: string | null): Promise<string | null> {
  if (!userId) return null;
  const user = UUID_PATTERN.test(userId)
    ? await db.selectFrom('users').innerJoin('org_units as u', 'u.id', 'users.org_unit_id').select(['users.id', 'users.deleted_at', 'u.path'])
      .where('users.id', '=', userId).executeTakeFirst()
    : undefined;
  if (!user || user.deleted_at || !inScope(actor, user.path)) throw invalid('userId', 'unknown_user');
  const linked = await q.learnerIdOfUser(db, user.id);
  if (linked && linked !== self) throw invalid('userId', 'user_linked');
  return user.id;
}

async function assertIinFree(db: Queryable, iin: string | null | undefined, self: string | null) {
  if (!iin) return;
  const holder = await q.learnerIdWithIin(db, iin);
  if (holder && holder !== self) throw invalid('iin', 'iin_taken');
}

/** A race between the check above and the insert still ends as a field error, not a 500. */
function uniqueTaken(input: { iin?: string | null }) {
  return (error: unknown): never => {
    if (isUniqueViolation(error)) throw input.iin ? invalid('iin', 'iin_taken') : invalid('userId', 'user_linked');
    throw error;
  };
}

export function detailColumns(input: Partial<z.infer<typeof LearnerPatch>>): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  if (input.lastName !== undefined) v.last_name = input.lastName;
  if (input.firstName !== undefined) v.first_name = input.firstName;
  if (input.middleName !== undefined) v.middle_name = input.middleName;
  if (input.sex !== undefined) v.sex = input.sex;
  if (input.birthDate !== undefined) v.birth_date = input.birthDate;
  if (input.phone !== undefined) v.phone = input.phone;
  if (input.languages !== undefined) v.languages = JSON.stringify(input.languages);
  if (input.education !== undefined) v.education = input.education ?? null;
  if (input.employmentStatus !== undefined) v.employment_status = input.employmentStatus ?? null;
  if (input.registeredUnemployed !== undefined) v.registered_unemployed = input.registeredUnemployed ? 1 : 0;
  if (input.targetGroups !== undefined) v.target_groups = JSON.stringify(input.targetGroups);
  if (input.iin !== undefined) v.iin = input.iin;
  return v;
}

export const consentColumns = (consent: z.infer<typeof LearnerInput>['consent'], actor: Actor) => ({
  consent_date: consent.date, consent_version: consent.version, guardian_name: consent.guardianName, consent_recorded_by: actor.id,
});

export async function listLearners(ctx: Ctx, query: z.infer<typeof LearnerListQuery>) {
  const actor = assertCan(ctx.actor, 'learner.read');
  const compute = async () => {
    const unit = query.centre ? await visibleUnit(ctx.db, actor, query.centre) : null;
    const prefix = unit?.path ?? actor.scopePath;
    const centreIds = prefix === null ? null : await q.centresUnder(ctx.db, prefix);
    const scope: q.LearnerScope = prefix === null ? null : centreIds ? { centreIds } : { pathPrefix: prefix };
    const linked = scope ? await linkedIntoScope(ctx.db, scope) : undefined;
    const page = await q.listLearners(ctx.db, {
      engine: ctx.engine, scope, linked, search: searchTerm(query.q), includeArchived: query.includeArchived, limit: query.limit, cursor: query.cursor,
    });
    return { items: page.rows.map(q.toLearner), nextCursor: page.nextCursor };
  };
  // Personal data: the key holds the caller's subtree, so a page is only ever served back
  // within the scope that read it (decisions 0015, 0021). A learner record is ~1 KB as JSON.
  if (!ctx.cache) return compute();
  const key = JSON.stringify(['learners', actor.scopePath, query]);
  return ctx.cache.get(ctx, key, compute, (page) => 512 + page.items.length * LEARNER_BYTES);
}

/** Rough size of one learner in a cached page. */
const LEARNER_BYTES = 1_100;

export async function getLearner(ctx: Ctx, id: string) {
  const actor = assertCan(ctx.actor, 'learner.read');
  return q.toLearner(await visibleLearner(ctx.db, actor, id, { linked: true }));
}

export async function createLearner(ctx: Ctx, input: z.infer<typeof LearnerInput>) {
  const actor = assertCan(ctx.actor, 'learner.write');
  return ctx.db.transaction().execute(async (tx) => {
    const centre = await keepingCentre(tx, actor, input.centreId);
    await assertIinFree(tx, input.iin, null);
    const values = {
      ...detailColumns(input), ...consentColumns(input.consent, actor), ...nameColumns(input),
      centre_id: centre.id, middle_name: input.middleName, phone: input.phone, iin: input.iin,
      settlement_id: await place(tx, input.settlementId), user_id: await linkableUser(tx, actor, input.userId, null),
      merged_into: null,
    };
    const row = await insertRecord(tx, { ...ctx, actor }, 'learners', values, { scopeId: centre.id }).catch(uniqueTaken(input));
    return q.toLearner((await q.findLearner(tx, row.id))!);
  });
}

export async function updateLearner(ctx: Ctx, id: string, patch: z.infer<typeof LearnerPatch>) {
  const actor = assertCan(ctx.actor, 'learner.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleLearner(tx, actor, id);
    if (row.deleted_at) throw new KeregeError('conflict', [], 'archived');
    if (row.merged_into) throw new KeregeError('conflict', [], 'merged');
    const merged = {
      birthDate: patch.birthDate ?? row.birth_date, sex: patch.sex ?? row.sex, iin: patch.iin === undefined ? row.iin : patch.iin,
      consent: patch.consent ?? { date: row.consent_date, guardianName: row.guardian_name },
    };
    const issues = learnerIssues(merged);
    if (issues.length) throw new KeregeError('validation', issues.map((i) => ({ field: i.path.join('.'), code: i.code })));
    const values = detailColumns(patch);
    if (patch.lastName !== undefined || patch.firstName !== undefined || patch.middleName !== undefined) {
      Object.assign(values, nameColumns({
        lastName: patch.lastName ?? row.last_name, firstName: patch.firstName ?? row.first_name,
        middleName: patch.middleName === undefined ? row.middle_name : patch.middleName,
      }));
    }
    if (patch.consent) Object.assign(values, consentColumns(patch.consent, actor));
    if (patch.iin !== undefined) await assertIinFree(tx, patch.iin, row.id);
    if (patch.userId !== undefined) values.user_id = await linkableUser(tx, actor, patch.userId, row.id);
    if (patch.settlementId !== undefined) values.settlement_id = await place(tx, patch.settlementId);
    if (patch.centreId !== undefined) values.centre_id = (await keepingCentre(tx, actor, patch.centreId)).id;
    const scopeId = (values.centre_id as string | undefined) ?? row.centre_id;
    await updateRecord(tx, { ...ctx, actor }, 'learners', row.id, patch.version, values, { scopeId }).catch(uniqueTaken(patch));
    return q.toLearner((await q.findLearner(tx, row.id))!);
  });
}

export async function setLearnerArchived(ctx: Ctx, id: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'learner.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleLearner(tx, actor, id);
    // a merged record comes back only by undoing the merge, which puts back what moved
    if (row.merged_into) throw new KeregeError('conflict', [], 'merged');
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    const c = { ...ctx, actor };
    if (archived) await archiveRecord(tx, c, 'learners', row.id, version, row.centre_id);
    else await restoreRecord(tx, c, 'learners', row.id, version, row.centre_id);
    return q.toLearner((await q.findLearner(tx, row.id))!);
  });
}

/**
 * Likely duplicates of the person being typed, best first. Looked up across the whole
 * network; a match outside the caller's area is answered as `{ id: null, inScope: false }`
 * with the score and reasons only — never a name, date or centre.
 */
export async function findMatches(ctx: Ctx, query: z.infer<typeof LearnerMatchQuery>) {
  const actor = assertCan(ctx.actor, 'learner.read');
  const parsedIin = query.iin ? parseIin(query.iin) : null;
  const iin = parsedIin?.ok ? parsedIin.iin : null;
  const phoneResult = query.phone ? normalisePhone(query.phone) : null;
  const phone = phoneResult?.ok ? phoneResult.e164 : null;
  const birthDate = query.birthDate ?? (parsedIin?.ok ? parsedIin.birthDate : null);
  const named = Boolean(query.lastName && query.firstName);
  // Without an IIN, only a similar name plus the birth date or phone reaches the threshold.
  if (!iin && !(named && (birthDate || phone))) return { items: [] };

  const candidate = { lastName: query.lastName ?? '', firstName: query.firstName ?? '', middleName: query.middleName, birthDate, phone, iin };
  const rows = await q.matchCandidatesNetworkWide(ctx.db, { iin, phone: named ? phone : null, birthDate: named ? birthDate : null });
  const linked = await linkedIntoArea(ctx.db, actor, rows.filter((r) => !inScope(actor, r.path)).map((r) => r.id));
  const scored = rows
    .filter((r) => r.id !== query.exclude)
    .map((r) => ({ row: r, here: inScope(actor, r.path) || linked.has(r.id), ...scoreMatch(candidate, {
      lastName: r.last_name, firstName: r.first_name, middleName: r.middle_name, birthDate: r.birth_date, phone: r.phone, iin: r.iin,
    }) }))
    .filter((m) => m.score >= MATCH_THRESHOLD)
    .sort((a, b) => b.score - a.score || Number(b.here) - Number(a.here) || (a.row.id < b.row.id ? -1 : 1))
    .slice(0, LEARNING_LIMITS.matchesMax);
  // "registered at another centre": a sealed token to link the person to yours, never an id
  const key = scored.some((m) => !m.here) ? await linkKey(ctx.db) : null;
  const expiresAt = nowSeconds() + LINK_TOKEN_SECONDS;
  return {
    items: scored.map(({ row, here, score, reasons }) => here
      ? {
        id: row.id, score, reasons, inScope: true,
        learner: {
          lastName: row.last_name, firstName: row.first_name, middleName: row.middle_name, birthDate: row.birth_date,
          centre: { id: row.centre_id, code: row.centre_code, name: { kk: row.name_kk, ru: row.name_ru, en: row.name_en } },
        },
      }
      : { id: null, score, reasons, inScope: false, linkToken: sealLinkToken(key!, { learnerId: row.id, actorId: actor.id, expiresAt }) }),
  };
}
