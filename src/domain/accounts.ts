// Accounts and roles (M11): who may do what is decided on the server; these are the shapes.
import { z } from 'zod';
import { IdOrCode, LIMITS, ListQuery, Locale, Version } from './common.js';
import { OrgUnitRef } from './registry.js';

import { ROLES } from './vocabulary.js';

export { ROLES };
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const STAFF_ROLES: readonly Role[] = ['admin', 'national', 'regional', 'centre_manager', 'facilitator'];
/** Roles that see the whole network whatever org unit they are bound to. */
export const NATIONWIDE_ROLES: readonly Role[] = ['admin', 'national'];

export const Password = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax).describe('At least 10 characters');
export const Username = z
  .string()
  .trim()
  .min(3)
  .max(LIMITS.usernameMax)
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, { message: 'username_format' })
  .transform((s) => s.toLowerCase());

export const LoginBody = z.object({ username: z.string().trim().min(1).max(LIMITS.usernameMax), password: z.string().min(1).max(LIMITS.passwordMax) });
export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1).max(LIMITS.passwordMax), newPassword: Password });
export const LocaleBody = z.object({ locale: Locale });

export const UserInput = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(LIMITS.nameMax),
  password: Password,
  role: Role,
  orgUnitId: IdOrCode.describe('Org unit (or centre) the account is bound to'),
  partnerId: z.string().max(64).nullish().describe('Partner organisation, for employer accounts'),
  locale: Locale.default('kk'),
});
export const UserPatch = z.object({
  version: Version,
  displayName: z.string().trim().min(1).max(LIMITS.nameMax).optional(),
  role: Role.optional(),
  orgUnitId: IdOrCode.optional(),
  partnerId: z.string().max(64).nullish(),
  locale: Locale.optional(),
});
export const SetPasswordBody = z.object({ password: Password });
export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  orgUnitId: z.string(),
  orgUnit: OrgUnitRef,
  partnerId: z.string().nullable(),
  locale: Locale,
  active: z.boolean(),
  version: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const UserListQuery = ListQuery.extend({ role: Role.optional(), orgUnit: IdOrCode.optional() });
export type UserInput = z.infer<typeof UserInput>;

export const AUDIT_ACTIONS = ['create', 'update', 'archive', 'restore', 'password', 'login', 'logout', 'import', 'export'] as const;
export const AuditQuery = z.object({
  table: z.string().max(64).optional(),
  recordId: z.string().max(64).optional(),
  actor: z.string().max(LIMITS.usernameMax).optional().describe('Username of who made the change'),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: ListQuery.shape.limit,
  cursor: ListQuery.shape.cursor,
});
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), username: z.string() }).nullable(),
  action: z.string(),
  table: z.string(),
  recordId: z.string(),
  label: z.string().nullable().describe('A code or username naming the record, when it has one'),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
