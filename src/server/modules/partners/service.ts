// Partner organisations and the partnerships between a centre and an organisation.
import { z } from 'zod';
import { PartnerInput, PartnerListQuery, PartnerPatch, PartnershipInput, PartnershipListQuery, PartnershipPatch } from '../../../domain/registry.js';
import { sortKeys } from '../../../domain/collate.js';
import { searchKey } from '../../../domain/fold.js';
import { UUID_PATTERN } from '../../../domain/ids.js';
import { assertCan, assertWritable } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { archiveRecord, insertRecord, restoreRecord, updateRecord } from '../../db/write.js';
import { searchTerm } from '../../db/paging.js';
import { KeregeError, invalid, notFound } from '../../errors.js';
import { visibleCentre } from '../centres/service.js';
import { referencedUnit, visibleUnit } from '../org-units/service.js';
import * as q from './queries.js';

const partnerKey = (name: { kk: string; ru: string; en: string }) => searchKey([name.kk, name.ru, name.en]);

async function visiblePartner(db: Queryable, actor: Actor, id: string) {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const row = await q.findPartner(db, id, actor.scopePath);
  if (!row) throw notFound();
  return row;
}

export async function listPartners(ctx: Ctx, query: z.infer<typeof PartnerListQuery>) {
  const actor = assertCan(ctx.actor, 'registry.read');
  const unit = query.orgUnit ? await visibleUnit(ctx.db, actor, query.orgUnit) : undefined;
  const page = await q.listPartners(ctx.db, {
    scopePath: actor.scopePath, search: searchTerm(query.q), kind: query.kind, unitPath: unit?.path,
    includeArchived: query.includeArchived, limit: query.limit, cursor: query.cursor, locale: ctx.locale,
  });
  return { items: page.rows.map(q.toPartner), nextCursor: page.nextCursor };
}

export async function getPartner(ctx: Ctx, id: string) {
  const actor = assertCan(ctx.actor, 'registry.read');
  return q.toPartner(await visiblePartner(ctx.db, actor, id));
}

function partnerColumns(input: Partial<z.infer<typeof PartnerInput>>) {
  const v: Record<string, unknown> = {};
  if (input.kind !== undefined) v.kind = input.kind;
  if (input.name) Object.assign(v, { name_kk: input.name.kk, name_ru: input.name.ru, name_en: input.name.en, ...sortKeys(input.name), search_key: partnerKey(input.name) });
  for (const key of ['address', 'phone', 'email', 'website', 'note'] as const) if (input[key] !== undefined) v[key] = input[key] ?? null;
  return v;
}

export async function createPartner(ctx: Ctx, input: z.infer<typeof PartnerInput>) {
  const actor = assertCan(ctx.actor, 'partner.write');
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await referencedUnit(tx, actor, input.orgUnitId, 'orgUnitId');
    assertWritable(actor, unit.path, { allowOwnRoot: true });
    const row = await insertRecord(tx, { ...ctx, actor }, 'partners', { ...partnerColumns(input), org_unit_id: unit.id }, { scopeId: unit.id });
    return q.toPartner((await q.findPartner(tx, row.id, null))!);
  });
}

export async function updatePartner(ctx: Ctx, id: string, patch: z.infer<typeof PartnerPatch>) {
  const actor = assertCan(ctx.actor, 'partner.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visiblePartner(tx, actor, id);
    assertWritable(actor, row.path, { allowOwnRoot: true });
    const values = partnerColumns(patch);
    if (patch.orgUnitId !== undefined) {
      const unit = await referencedUnit(tx, actor, patch.orgUnitId, 'orgUnitId');
      assertWritable(actor, unit.path, { allowOwnRoot: true });
      values.org_unit_id = unit.id;
    }
    await updateRecord(tx, { ...ctx, actor }, 'partners', row.id, patch.version, values, { scopeId: (values.org_unit_id as string) ?? row.org_unit_id });
    return q.toPartner((await q.findPartner(tx, row.id, null))!);
  });
}

export async function setPartnerArchived(ctx: Ctx, id: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'partner.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visiblePartner(tx, actor, id);
    assertWritable(actor, row.path, { allowOwnRoot: true });
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    const c = { ...ctx, actor };
    if (archived) await archiveRecord(tx, c, 'partners', row.id, version, row.org_unit_id);
    else await restoreRecord(tx, c, 'partners', row.id, version, row.org_unit_id);
    return q.toPartner((await q.findPartner(tx, row.id, null))!);
  });
}

async function visiblePartnership(db: Queryable, actor: Actor, id: string) {
  if (!UUID_PATTERN.test(id)) throw notFound();
  const row = await q.findPartnership(db, id);
  if (!row || (actor.scopePath && !row.path.startsWith(actor.scopePath))) throw notFound();
  return row;
}

export async function listPartnerships(ctx: Ctx, query: z.infer<typeof PartnershipListQuery>) {
  const actor = assertCan(ctx.actor, 'registry.read');
  const centre = query.centre ? await visibleCentre(ctx.db, actor, query.centre) : undefined;
  const partner = query.partner ? await visiblePartner(ctx.db, actor, query.partner) : undefined;
  const page = await q.listPartnerships(ctx.db, {
    scopePath: actor.scopePath, centreId: centre?.id, partnerId: partner?.id,
    includeArchived: query.includeArchived, limit: query.limit, cursor: query.cursor,
  });
  return { items: page.rows.map(q.toPartnership), nextCursor: page.nextCursor };
}

async function writableCentre(db: Queryable, actor: Actor, idOrCode: string) {
  const centre = await visibleCentre(db, actor, idOrCode).catch(() => { throw invalid('centreId', 'unknown_centre'); });
  assertWritable(actor, centre.path, { allowOwnRoot: true });
  return centre;
}

async function referencedPartner(db: Queryable, actor: Actor, id: string) {
  const partner = await visiblePartner(db, actor, id).catch(() => { throw invalid('partnerId', 'unknown_partner'); });
  if (partner.deleted_at) throw invalid('partnerId', 'unknown_partner');
  return partner;
}

export async function createPartnership(ctx: Ctx, input: z.infer<typeof PartnershipInput>) {
  const actor = assertCan(ctx.actor, 'partner.write');
  return ctx.db.transaction().execute(async (tx) => {
    const centre = await writableCentre(tx, actor, input.centreId);
    const partner = await referencedPartner(tx, actor, input.partnerId);
    const row = await insertRecord(tx, { ...ctx, actor }, 'partnerships', {
      centre_id: centre.id, partner_id: partner.id, role: input.role, start_date: input.startDate,
      end_date: input.endDate ?? null, note: input.note,
    }, { scopeId: centre.id });
    return q.toPartnership((await q.findPartnership(tx, row.id))!);
  });
}

export async function updatePartnership(ctx: Ctx, id: string, patch: z.infer<typeof PartnershipPatch>) {
  const actor = assertCan(ctx.actor, 'partner.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visiblePartnership(tx, actor, id);
    await writableCentre(tx, actor, row.centre_id);
    const values: Record<string, unknown> = {};
    if (patch.centreId !== undefined) values.centre_id = (await writableCentre(tx, actor, patch.centreId)).id;
    if (patch.partnerId !== undefined) values.partner_id = (await referencedPartner(tx, actor, patch.partnerId)).id;
    if (patch.role !== undefined) values.role = patch.role;
    if (patch.startDate !== undefined) values.start_date = patch.startDate;
    if (patch.endDate !== undefined) values.end_date = patch.endDate ?? null;
    if (patch.note !== undefined) values.note = patch.note;
    const start = (values.start_date as string) ?? row.start_date;
    const end = values.end_date === undefined ? row.end_date : (values.end_date as string | null);
    if (end && end < start) throw invalid('endDate', 'end_before_start');
    await updateRecord(tx, { ...ctx, actor }, 'partnerships', row.id, patch.version, values, { scopeId: (values.centre_id as string) ?? row.centre_id });
    return q.toPartnership((await q.findPartnership(tx, row.id))!);
  });
}

export async function setPartnershipArchived(ctx: Ctx, id: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'partner.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visiblePartnership(tx, actor, id);
    await writableCentre(tx, actor, row.centre_id);
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    const c = { ...ctx, actor };
    if (archived) await archiveRecord(tx, c, 'partnerships', row.id, version, row.centre_id);
    else await restoreRecord(tx, c, 'partnerships', row.id, version, row.centre_id);
    return q.toPartnership((await q.findPartnership(tx, row.id))!);
  });
}
