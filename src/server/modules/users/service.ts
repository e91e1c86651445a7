// Accounts: sign-in with rate limiting, one's own settings, and the admin's account management.
import { z } from 'zod';
import { UserInput, UserListQuery, UserPatch, type Role } from '../../../domain/accounts.js';
import type { Locale } from '../../../domain/common.js';
import { searchKey } from '../../../domain/fold.js';
import { assertCan, requireActor } from '../../auth/access.js';
import { decoyHash, hashPassword, verifyPassword } from '../../auth/password.js';
import { MAX_FAILURES, accountKey, addressKey, clearFailures, isLocked, recordFailure } from '../../auth/rate-limit.js';
import { createSession, endUserSessions } from '../../auth/sessions.js';
import type { Ctx, Queryable } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { insertRecord, updateRecord } from '../../db/write.js';
import { searchTerm } from '../../db/paging.js';
import { KeregeError, invalid, notFound } from '../../errors.js';
import { findOrgUnit } from '../org-units/queries.js';
import * as q from './queries.js';

const userKey = (username: string, displayName: string) => searchKey([username, displayName]);

export async function login(ctx: Ctx, username: string, password: string, ip: string) {
  const db = ctx.db;
  const keys = [accountKey(username), addressKey(ip)];
  if ((await isLocked(db, keys[0], MAX_FAILURES.account)) || (await isLocked(db, keys[1], MAX_FAILURES.address))) {
    throw new KeregeError('rate_limited');
  }
  const user = await q.findByUsername(db, username);
  const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
  if (!user || !ok || !user.active || user.deleted_at) {
    for (const key of keys) await recordFailure(db, key);
    throw new KeregeError('invalid_credentials');
  }
  await clearFailures(db, keys[0]);
  const session = await createSession(db, user.id);
  const row = await q.findUser(db, user.id);
  return { ...session, user: q.toUser(row!) };
}

export async function me(ctx: Ctx) {
  const actor = requireActor(ctx.actor);
  const row = await q.findUser(ctx.db, actor.id);
  if (!row) throw new KeregeError('unauthenticated');
  return q.toUser(row);
}

export async function setOwnLocale(ctx: Ctx, locale: Locale) {
  const actor = requireActor(ctx.actor);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await q.findUser(tx, actor.id);
    await updateRecord(tx, ctx, 'users', actor.id, null, { locale }, { scopeId: row!.org_unit_id });
    return q.toUser((await q.findUser(tx, actor.id))!);
  });
}

export async function changeOwnPassword(ctx: Ctx, current: string, next: string, keepToken: string) {
  const actor = requireActor(ctx.actor);
  const user = await q.findByUsername(ctx.db, actor.username);
  if (!user || !(await verifyPassword(current, user.password_hash))) throw invalid('currentPassword', 'wrong_password');
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (tx) => {
    await updateRecord(tx, ctx, 'users', user.id, null, { password_hash: hash }, { scopeId: user.org_unit_id, action: 'password' });
    await endUserSessions(tx, user.id, keepToken);
  });
}

async function bindings(db: Queryable, role: Role, orgUnitId: string, partnerId: string | null | undefined) {
  const unit = await findOrgUnit(db, orgUnitId);
  if (!unit || unit.deleted_at) throw invalid('orgUnitId', 'unknown_org_unit');
  if (role === 'employer') {
    if (!partnerId) throw invalid('partnerId', 'partner_required');
  }
  if (partnerId) {
    const partner = await db.selectFrom('partners').select(['id', 'deleted_at']).where('id', '=', partnerId).executeTakeFirst();
    if (!partner || partner.deleted_at) throw invalid('partnerId', 'unknown_partner');
  }
  return { unit, partnerId: role === 'employer' ? partnerId! : null };
}

/** Create an account; used by the admin API, `kerege user add` and the demo loader. */
export async function createUser(ctx: Ctx, input: z.infer<typeof UserInput>, { checkActor = true } = {}) {
  if (checkActor) assertCan(ctx.actor, 'user.manage');
  const hash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (tx) => {
    const { unit, partnerId } = await bindings(tx, input.role, input.orgUnitId, input.partnerId);
    const row = await insertRecord(tx, ctx, 'users', {
      org_unit_id: unit.id, username: input.username, display_name: input.displayName, password_hash: hash,
      role: input.role, partner_id: partnerId, locale: input.locale, active: 1, search_key: userKey(input.username, input.displayName),
    }, { scopeId: unit.id }).catch((error) => {
      if (isUniqueViolation(error)) throw invalid('username', 'username_taken');
      throw error;
    });
    return q.toUser((await q.findUser(tx, row.id))!);
  });
}

export async function listUsers(ctx: Ctx, query: z.infer<typeof UserListQuery>) {
  assertCan(ctx.actor, 'user.manage');
  const unit = query.orgUnit ? await findOrgUnit(ctx.db, query.orgUnit) : undefined;
  if (query.orgUnit && !unit) throw notFound();
  const page = await q.listUsers(ctx.db, {
    search: searchTerm(query.q), role: query.role, unitPath: unit?.path,
    includeArchived: query.includeArchived, limit: query.limit, cursor: query.cursor,
  });
  return { items: page.rows.map(q.toUser), nextCursor: page.nextCursor };
}

export async function getUser(ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'user.manage');
  const row = await q.findUser(ctx.db, id);
  if (!row) throw notFound();
  return q.toUser(row);
}

export async function updateUser(ctx: Ctx, id: string, patch: z.infer<typeof UserPatch>) {
  assertCan(ctx.actor, 'user.manage');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await q.findUser(tx, id);
    if (!row) throw notFound();
    const role = patch.role ?? (row.role as Role);
    const { unit, partnerId } = await bindings(tx, role, patch.orgUnitId ?? row.org_unit_id, patch.partnerId === undefined ? row.partner_id : patch.partnerId);
    const displayName = patch.displayName ?? row.display_name;
    await updateRecord(tx, ctx, 'users', id, patch.version, {
      display_name: displayName, role, org_unit_id: unit.id, partner_id: partnerId, locale: patch.locale ?? row.locale,
      search_key: userKey(row.username, displayName),
    }, { scopeId: unit.id });
    if (role !== row.role || unit.id !== row.org_unit_id) await endUserSessions(tx, id); // new powers: sign in again
    return q.toUser((await q.findUser(tx, id))!);
  });
}

export async function setUserPassword(ctx: Ctx, id: string, password: string) {
  assertCan(ctx.actor, 'user.manage');
  const hash = await hashPassword(password);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await q.findUser(tx, id);
    if (!row) throw notFound();
    await updateRecord(tx, ctx, 'users', id, null, { password_hash: hash }, { scopeId: row.org_unit_id, action: 'password' });
    await endUserSessions(tx, id);
    return q.toUser((await q.findUser(tx, id))!);
  });
}

export async function setUserActive(ctx: Ctx, id: string, version: string, active: boolean) {
  const actor = assertCan(ctx.actor, 'user.manage');
  if (!active && id === actor.id) throw invalid('id', 'cannot_deactivate_self');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await q.findUser(tx, id);
    if (!row) throw notFound();
    await updateRecord(tx, ctx, 'users', id, version, { active: active ? 1 : 0 }, { scopeId: row.org_unit_id, action: active ? 'restore' : 'archive' });
    if (!active) await endUserSessions(tx, id);
    return q.toUser((await q.findUser(tx, id))!);
  });
}
