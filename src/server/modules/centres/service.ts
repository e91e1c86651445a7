// Centres: create, edit (including moving to another raion), archive and restore.
import { z } from 'zod';
import { CentreInput, CentreListQuery, CentrePatch } from '../../../domain/registry.js';
import { sortKeys } from '../../../domain/collate.js';
import { insideKazakhstan } from '../../../domain/territory.js';
import { UUID_PATTERN, uuidv7 } from '../../../domain/ids.js';
import { assertCan, assertInScope, assertWritable } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { insertRecord, updateRecord } from '../../db/write.js';
import { searchTerm } from '../../db/paging.js';
import { KeregeError, invalid, notFound } from '../../errors.js';
import { findOrgUnit } from '../org-units/queries.js';
import { applyUnitPatch, assertParentKind, referencedUnit, unitSearchKey, visibleUnit } from '../org-units/service.js';
import * as q from './queries.js';

const warningsFor = (lat: number, lon: number) => (insideKazakhstan(lat, lon) ? [] : ['outside_kazakhstan']);

export async function visibleCentre(db: Queryable, actor: Actor, idOrCode: string): Promise<q.CentreRow> {
  const row = await q.findCentre(db, idOrCode, UUID_PATTERN.test(idOrCode));
  if (!row) throw notFound();
  assertInScope(actor, row.path);
  return row;
}

async function present(db: Queryable, row: q.CentreRow) {
  return (await q.withAncestors(db, [row]))[0];
}

export async function listCentres(ctx: Ctx, query: z.infer<typeof CentreListQuery>) {
  const actor = assertCan(ctx.actor, 'registry.read');
  const compute = async () => {
    const unit = query.orgUnit ? await visibleUnit(ctx.db, actor, query.orgUnit) : undefined;
    const search = searchTerm(query.q);
    const placePaths = search ? await q.matchingPlacePaths(ctx.db, search, actor.scopePath) : [];
    const page = await q.listCentres(ctx.db, {
      scopePath: actor.scopePath, unitPath: unit?.path, search, placePaths,
      type: query.type, connectivity: query.connectivity, includeArchived: query.includeArchived,
      limit: query.limit, cursor: query.cursor, locale: ctx.locale,
    });
    return { items: await q.withAncestors(ctx.db, page.rows), nextCursor: page.nextCursor };
  };
  // The answer depends on the records, the caller's subtree, the language and the query only.
  return ctx.cache ? ctx.cache.get(ctx, JSON.stringify(['centres', actor.scopePath, ctx.locale, query]), compute) : compute();
}

export async function centreMap(ctx: Ctx) {
  const actor = assertCan(ctx.actor, 'registry.read');
  return { items: await q.mapPoints(ctx.db, actor.scopePath) };
}

export async function getCentre(ctx: Ctx, idOrCode: string) {
  const actor = assertCan(ctx.actor, 'registry.read');
  return present(ctx.db, await visibleCentre(ctx.db, actor, idOrCode));
}

function centreColumns(input: Partial<z.infer<typeof CentreInput>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (input.type !== undefined) values.type = input.type;
  if (input.address !== undefined) values.address = input.address;
  if (input.phone !== undefined) values.phone = input.phone;
  if (input.email !== undefined) values.email = input.email ?? null;
  if (input.facilitators !== undefined) values.facilitators = JSON.stringify(input.facilitators);
  if (input.openedOn !== undefined) values.opened_on = input.openedOn ?? null;
  if (input.connectivity !== undefined) values.connectivity = input.connectivity;
  if (input.computers !== undefined) values.computers = input.computers ?? null;
  if (input.languages !== undefined) values.languages = JSON.stringify(input.languages);
  if (input.openingHours !== undefined) values.opening_hours = input.openingHours;
  return values;
}

export async function createCentre(ctx: Ctx, input: z.infer<typeof CentreInput>, options: { invented?: boolean } = {}) {
  const actor = assertCan(ctx.actor, 'centre.create');
  const c = { ...ctx, actor };
  const centre = await ctx.db.transaction().execute(async (tx) => {
    const parent = await referencedUnit(tx, actor, input.orgUnitId, 'orgUnitId');
    assertWritable(actor, parent.path, { allowOwnRoot: true });
    assertParentKind('centre', parent, 'orgUnitId');
    const id = uuidv7();
    await insertRecord(tx, c, 'org_units', {
      code: input.code, kind: 'centre', parent_id: parent.id, path: `${parent.path}${id}/`, depth: parent.depth + 1,
      name_kk: input.name.kk, name_ru: input.name.ru, name_en: input.name.en, ...sortKeys(input.name), aliases: '[]', lat: input.lat, lon: input.lon,
      search_key: unitSearchKey(input.code, input.name, []),
    }, { id }).catch((error) => {
      if (isUniqueViolation(error)) throw invalid('code', 'code_taken');
      throw error;
    });
    await insertRecord(tx, c, 'centres', { ...centreColumns(input), org_unit_id: id, invented: options.invented ? 1 : 0 }, { id });
    return present(tx, (await q.findCentre(tx, id, true))!);
  });
  return { ...centre, warnings: warningsFor(input.lat, input.lon) };
}

export async function updateCentre(ctx: Ctx, idOrCode: string, patch: z.infer<typeof CentrePatch>) {
  const actor = assertCan(ctx.actor, 'centre.edit');
  const c = { ...ctx, actor };
  const centre = await ctx.db.transaction().execute(async (tx) => {
    const row = await visibleCentre(tx, actor, idOrCode);
    const managerOfThis = actor.role === 'centre_manager';
    assertWritable(actor, row.path, { allowOwnRoot: managerOfThis });
    if (managerOfThis && (patch.orgUnitId !== undefined || patch.code !== undefined)) throw invalid('orgUnitId', 'not_allowed_for_role');
    if (row.deleted_at) throw new KeregeError('conflict', [], 'archived');
    // The centre row's version is the centre's version: bump it first, atomically, so two
    // editors of the same centre cannot both win — whichever fields each of them changed.
    await updateRecord(tx, c, 'centres', row.id, patch.version, { ...centreColumns(patch), updated_at: new Date().toISOString() }, { scopeId: row.id });
    const unit = (await findOrgUnit(tx, row.id))!;
    await applyUnitPatch(tx, c, unit, { code: patch.code, name: patch.name, parentId: patch.orgUnitId, lat: patch.lat, lon: patch.lon }, null, 'orgUnitId');
    return present(tx, (await q.findCentre(tx, row.id, true))!);
  });
  return { ...centre, warnings: warningsFor(centre.lat, centre.lon) };
}

export async function setCentreArchived(ctx: Ctx, idOrCode: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'centre.archive');
  const c = { ...ctx, actor };
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleCentre(tx, actor, idOrCode);
    assertWritable(actor, row.path);
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    const at = archived ? new Date().toISOString() : null;
    if (!archived) {
      const parent = await findOrgUnit(tx, row.parent_id!);
      if (parent?.deleted_at) throw invalid('orgUnitId', 'parent_archived');
    }
    const action = archived ? 'archive' : 'restore';
    await updateRecord(tx, c, 'centres', row.id, version, { deleted_at: at }, { scopeId: row.id, action });
    await updateRecord(tx, c, 'org_units', row.id, null, { deleted_at: at }, { scopeId: row.id, action });
    return present(tx, (await q.findCentre(tx, row.id, true))!);
  });
}
