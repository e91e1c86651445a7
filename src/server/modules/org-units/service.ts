// Org units: the hierarchy Kazakhstan > oblast > raion/city > settlement (> centre).
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { ALLOWED_PARENTS, OrgUnitInput, OrgUnitListQuery, OrgUnitPatch, type OrgUnitKind } from '../../../domain/registry.js';
import { sortKeys } from '../../../domain/collate.js';
import { searchKey } from '../../../domain/fold.js';
import { uuidv7 } from '../../../domain/ids.js';
import { assertCan, assertInScope, assertWritable } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { archiveRecord, insertRecord, restoreRecord, updateRecord } from '../../db/write.js';
import { searchTerm } from '../../db/paging.js';
import { KeregeError, invalid, notFound } from '../../errors.js';
import * as q from './queries.js';

export function unitSearchKey(code: string, names: { kk: string; ru: string; en: string }, aliases: string[]): string {
  return searchKey([code, names.kk, names.ru, names.en, ...aliases]);
}

/** The unit, if it exists and the actor may see it; 404 otherwise. */
export async function visibleUnit(db: Queryable, actor: Actor, idOrCode: string): Promise<q.OrgUnitRow> {
  const row = await q.findOrgUnit(db, idOrCode);
  if (!row) throw notFound();
  assertInScope(actor, row.path);
  return row;
}

/** Like visibleUnit, but a bad reference inside a body is a field error, not a 404. */
export async function referencedUnit(db: Queryable, actor: Actor, idOrCode: string, field: string): Promise<q.OrgUnitRow> {
  const row = await q.findOrgUnit(db, idOrCode);
  if (!row || row.deleted_at || (actor.scopePath && !row.path.startsWith(actor.scopePath))) {
    throw invalid(field, 'unknown_org_unit');
  }
  return row;
}

export function assertParentKind(kind: OrgUnitKind, parent: q.OrgUnitRow, field = 'parentId'): void {
  if (!ALLOWED_PARENTS[kind].includes(parent.kind as OrgUnitKind)) {
    throw invalid(field, 'parent_kind', { kind, parentKind: parent.kind });
  }
}

export async function listOrgUnits(ctx: Ctx, query: z.infer<typeof OrgUnitListQuery>) {
  const actor = assertCan(ctx.actor, 'registry.read');
  const parent = query.parent ? await visibleUnit(ctx.db, actor, query.parent) : undefined;
  const page = await q.listOrgUnits(ctx.db, {
    scopePath: actor.scopePath, search: searchTerm(query.q), parentId: parent?.id,
    kind: query.kind, includeArchived: query.includeArchived, limit: query.limit, cursor: query.cursor, locale: ctx.locale,
  });
  const counts = await q.childCounts(ctx.db, page.rows.map((r) => r.id));
  return { items: page.rows.map((r) => ({ ...q.toOrgUnit(r), childCount: counts.get(r.id) ?? 0 })), nextCursor: page.nextCursor };
}

export async function getOrgUnit(ctx: Ctx, idOrCode: string) {
  const actor = assertCan(ctx.actor, 'registry.read');
  const row = await visibleUnit(ctx.db, actor, idOrCode);
  return detail(ctx.db, actor, row);
}

async function detail(db: Queryable, actor: Actor, row: q.OrgUnitRow) {
  const units = await q.ancestorsOf(db, [row.path]);
  const ancestors = q.idsOnPath(row.path).slice(0, -1).map((id) => units.get(id)!).filter((u) => u && (actor.scopePath === null || actor.scopePath.startsWith(u.path) || u.path.startsWith(actor.scopePath)));
  return { ...q.toOrgUnit(row), ancestors: ancestors.map(q.toRef), childCount: await q.countChildren(db, row.id) };
}

function codeTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw invalid('code', 'code_taken');
  throw error;
}

export async function createOrgUnit(ctx: Ctx, input: z.infer<typeof OrgUnitInput>) {
  const actor = assertCan(ctx.actor, 'orgUnit.write');
  return ctx.db.transaction().execute(async (tx) => {
    const parent = await referencedUnit(tx, actor, input.parentId, 'parentId');
    assertWritable(actor, parent.path, { allowOwnRoot: true });
    assertParentKind(input.kind, parent);
    const id = uuidv7();
    const row = await insertRecord(tx, { ...ctx, actor }, 'org_units', {
      code: input.code, kind: input.kind, parent_id: parent.id, path: `${parent.path}${id}/`, depth: parent.depth + 1,
      name_kk: input.name.kk, name_ru: input.name.ru, name_en: input.name.en, ...sortKeys(input.name), aliases: JSON.stringify(input.aliases),
      lat: input.lat ?? null, lon: input.lon ?? null, search_key: unitSearchKey(input.code, input.name, input.aliases),
    }, { id }).catch(codeTaken);
    return detail(tx, actor, row as unknown as q.OrgUnitRow);
  });
}

/**
 * Edit a unit's own columns and, when `parentId` changes, move it with its subtree.
 * Shared with the centres service, which edits a centre's unit the same way.
 */
export async function applyUnitPatch(
  tx: Transaction<Database>, ctx: Ctx & { actor: Actor }, row: q.OrgUnitRow,
  patch: { code?: string; name?: { kk: string; ru: string; en: string }; parentId?: string; aliases?: string[]; lat?: number | null; lon?: number | null },
  expectedVersion: string | null, parentField = 'parentId',
): Promise<q.OrgUnitRow> {
  const values: Record<string, unknown> = {};
  if (patch.code !== undefined) values.code = patch.code;
  if (patch.name) Object.assign(values, { name_kk: patch.name.kk, name_ru: patch.name.ru, name_en: patch.name.en, ...sortKeys(patch.name) });
  if (patch.aliases) values.aliases = JSON.stringify(patch.aliases);
  if (patch.lat !== undefined) values.lat = patch.lat;
  if (patch.lon !== undefined) values.lon = patch.lon;
  let move: { oldPath: string; newPath: string; depthDelta: number } | null = null;
  if (patch.parentId !== undefined) {
    const parent = await referencedUnit(tx, ctx.actor, patch.parentId, parentField);
    if (parent.id !== row.parent_id) {
      if (parent.path.startsWith(row.path)) throw invalid(parentField, 'cycle');
      assertWritable(ctx.actor, parent.path, { allowOwnRoot: true });
      assertParentKind(row.kind as OrgUnitKind, parent, parentField);
      move = { oldPath: row.path, newPath: `${parent.path}${row.id}/`, depthDelta: parent.depth + 1 - row.depth };
      values.parent_id = parent.id;
    }
  }
  const code = (values.code as string | undefined) ?? row.code;
  const names = patch.name ?? q.namesOf(row);
  const aliases = patch.aliases ?? JSON.parse(row.aliases);
  values.search_key = unitSearchKey(code, names, aliases);
  const updated = (await updateRecord(tx, ctx, 'org_units', row.id, expectedVersion, values, { scopeId: row.id }).catch(codeTaken)) as unknown as q.OrgUnitRow;
  if (move) {
    await q.movePaths(tx, move.oldPath, move.newPath, move.depthDelta);
    return { ...updated, path: move.newPath, depth: row.depth + move.depthDelta };
  }
  return updated;
}

export async function updateOrgUnit(ctx: Ctx, idOrCode: string, patch: z.infer<typeof OrgUnitPatch>) {
  const actor = assertCan(ctx.actor, 'orgUnit.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleUnit(tx, actor, idOrCode);
    assertWritable(actor, row.path);
    if (row.kind === 'centre') throw invalid('kind', 'centre_via_centres');
    if (row.kind === 'country') throw invalid('kind', 'root_fixed');
    const updated = await applyUnitPatch(tx, { ...ctx, actor }, row, patch, patch.version);
    return detail(tx, actor, updated);
  });
}

export async function setUnitArchived(ctx: Ctx, idOrCode: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'orgUnit.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleUnit(tx, actor, idOrCode);
    assertWritable(actor, row.path);
    if (row.kind === 'country' || row.kind === 'centre') throw invalid('kind', row.kind === 'centre' ? 'centre_via_centres' : 'root_fixed');
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    if (archived && (await q.countChildren(tx, row.id)) > 0) throw invalid('id', 'has_children');
    if (!archived && row.parent_id) {
      const parent = await q.findOrgUnit(tx, row.parent_id);
      if (parent?.deleted_at) throw invalid('parentId', 'parent_archived');
    }
    const updated = archived
      ? await archiveRecord(tx, { ...ctx, actor }, 'org_units', row.id, version, row.id)
      : await restoreRecord(tx, { ...ctx, actor }, 'org_units', row.id, version, row.id);
    return detail(tx, actor, updated as unknown as q.OrgUnitRow);
  });
}
