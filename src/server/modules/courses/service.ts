// Courses (M2): the national catalogue, kept by national staff, and each centre's own courses.
// Who may change a course follows its owner: the national catalogue only nationwide roles;
// a centre's course, staff of that centre and coordinators above it.
import { z } from 'zod';
import { CourseInput, CourseListQuery, CoursePatch } from '../../../domain/learning.js';
import { searchKey } from '../../../domain/fold.js';
import { UUID_PATTERN } from '../../../domain/ids.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { searchTerm } from '../../db/paging.js';
import { archiveRecord, insertRecord, restoreRecord, updateRecord } from '../../db/write.js';
import { KeregeError, forbidden, invalid, notFound } from '../../errors.js';
import { visibleCentre } from '../centres/service.js';
import { findOrgUnit, type OrgUnitRow } from '../org-units/queries.js';
import * as q from './queries.js';

const courseKey = (code: string | null | undefined, name: { kk: string; ru: string; en: string }) =>
  searchKey([code, name.kk, name.ru, name.en]);

async function visibleCourse(db: Queryable, actor: Actor, idOrCode: string): Promise<q.CourseRow> {
  const row = await q.findCourse(db, idOrCode, UUID_PATTERN.test(idOrCode), actor.scopePath);
  if (!row) throw notFound();
  return row;
}

/** Visible is not always writable: a facilitator reads the national catalogue but cannot edit it. */
function assertCourseWritable(actor: Actor, row: q.CourseRow): void {
  const writable = q.isNational(row) ? actor.scopePath === null : inScope(actor, row.path);
  if (!writable) throw forbidden();
}

/** The unit a new course belongs to: as asked, else the national catalogue or one's own centre. */
async function ownerFor(db: Queryable, actor: Actor, orgUnitId: string | undefined): Promise<OrgUnitRow> {
  if (orgUnitId === undefined) {
    if (actor.scopePath === null) return q.rootUnit(db);
    const own = await findOrgUnit(db, actor.orgUnitId);
    if (own?.kind !== 'centre' || own.deleted_at) throw invalid('orgUnitId', 'centre_required');
    return own;
  }
  const unit = await findOrgUnit(db, orgUnitId);
  if (unit?.kind === 'country') {
    if (actor.scopePath !== null) throw invalid('orgUnitId', 'not_allowed_for_role');
    return unit;
  }
  if (!unit || unit.kind !== 'centre' || unit.deleted_at || !inScope(actor, unit.path)) throw invalid('orgUnitId', 'unknown_centre');
  return unit;
}

export async function listCourses(ctx: Ctx, query: z.infer<typeof CourseListQuery>) {
  const actor = assertCan(ctx.actor, 'course.read');
  const centre = query.centre ? await visibleCentre(ctx.db, actor, query.centre) : undefined;
  const page = await q.listCourses(ctx.db, {
    scopePath: actor.scopePath, search: searchTerm(query.q), category: query.category,
    ownerKind: query.catalogue === 'national' ? 'country' : query.catalogue === 'centres' ? 'centre' : undefined,
    ownerId: centre?.id, includeArchived: query.includeArchived, limit: query.limit, cursor: query.cursor, locale: ctx.locale,
  });
  return { items: page.rows.map(q.toCourse), nextCursor: page.nextCursor };
}

export async function getCourse(ctx: Ctx, idOrCode: string) {
  const actor = assertCan(ctx.actor, 'course.read');
  return q.toCourse(await visibleCourse(ctx.db, actor, idOrCode));
}

function courseColumns(input: Partial<z.infer<typeof CoursePatch>>): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  if (input.code !== undefined) v.code = input.code ?? null;
  if (input.name) Object.assign(v, { name_kk: input.name.kk, name_ru: input.name.ru, name_en: input.name.en });
  if (input.description) Object.assign(v, { description_kk: input.description.kk, description_ru: input.description.ru, description_en: input.description.en });
  if (input.category !== undefined) v.category = input.category;
  if (input.plannedHours !== undefined) v.planned_hours = input.plannedHours;
  if (input.languages !== undefined) v.languages = JSON.stringify(input.languages);
  if (input.targetGroups !== undefined) v.target_groups = JSON.stringify(input.targetGroups);
  if (input.level !== undefined) v.level = input.level;
  if (input.completionPercent !== undefined) v.completion_percent = input.completionPercent;
  return v;
}

function codeTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw invalid('code', 'code_taken');
  throw error;
}

export async function createCourse(ctx: Ctx, input: z.infer<typeof CourseInput>) {
  const actor = assertCan(ctx.actor, 'course.write');
  return ctx.db.transaction().execute(async (tx) => {
    const owner = await ownerFor(tx, actor, input.orgUnitId);
    const values = { ...courseColumns(input), org_unit_id: owner.id, search_key: courseKey(input.code, input.name) };
    const row = await insertRecord(tx, { ...ctx, actor }, 'courses', values, { scopeId: owner.id }).catch(codeTaken);
    return q.toCourse((await q.findCourse(tx, row.id, true, null))!);
  });
}

export async function updateCourse(ctx: Ctx, idOrCode: string, patch: z.infer<typeof CoursePatch>) {
  const actor = assertCan(ctx.actor, 'course.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleCourse(tx, actor, idOrCode);
    assertCourseWritable(actor, row);
    if (row.deleted_at) throw new KeregeError('conflict', [], 'archived');
    const values = courseColumns(patch);
    if (patch.code !== undefined || patch.name) values.search_key = courseKey(patch.code === undefined ? row.code : patch.code, patch.name ?? q.toCourse(row).name);
    await updateRecord(tx, { ...ctx, actor }, 'courses', row.id, patch.version, values, { scopeId: row.org_unit_id }).catch(codeTaken);
    return q.toCourse((await q.findCourse(tx, row.id, true, null))!);
  });
}

export async function setCourseArchived(ctx: Ctx, idOrCode: string, version: string, archived: boolean) {
  const actor = assertCan(ctx.actor, 'course.write');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleCourse(tx, actor, idOrCode);
    assertCourseWritable(actor, row);
    if (archived === (row.deleted_at !== null)) throw new KeregeError('conflict', [], archived ? 'already_archived' : 'not_archived');
    const c = { ...ctx, actor };
    if (archived) await archiveRecord(tx, c, 'courses', row.id, version, row.org_unit_id);
    else await restoreRecord(tx, c, 'courses', row.id, version, row.org_unit_id);
    return q.toCourse((await q.findCourse(tx, row.id, true, null))!);
  });
}
