// Sessions live in the database so several server processes can share them. The cookie
// holds a random token; the table keeps only its SHA-256, so a leaked table opens nothing.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { changeTokenExpression, prepared, type Engine } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

export const SESSION_COOKIE = 'kerege_session';
export const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
/** Sliding expiry is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Kysely<Database>, userId: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = Date.now();
  await db.insertInto('sessions').values({
    id: digest(token), user_id: userId, csrf_token: csrfToken,
    created_at: new Date(now).toISOString(), last_seen_at: new Date(now).toISOString(),
    expires_at: new Date(now + ABSOLUTE_TIMEOUT_MS).toISOString(),
  }).execute();
  return { token, csrfToken };
}

/** The live session for a cookie token with its user and the user's org unit path, in one query. */
export async function findSessionUser(db: Kysely<Database>, token: string, engine: Engine) {
  const row = await prepared(db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at',
      'users.id', 'users.username', 'users.role', 'users.org_unit_id', 'users.partner_id', 'users.locale', 'users.active',
      'users.deleted_at', 'org_units.path', changeTokenExpression(engine).as('change_token')])
    .where('sessions.id', '=', digest(token))).executeTakeFirst();
  if (!row || !(await stillLive(db, row.session_id, row.last_seen_at, row.expires_at))) return null;
  return row;
}

/** Whether a session is within its idle and absolute limits (ending it if not); slides the idle expiry. */
async function stillLive(db: Kysely<Database>, id: string, lastSeenAt: string, expiresAt: string): Promise<boolean> {
  const now = Date.now();
  const lastSeen = Date.parse(lastSeenAt);
  if (now - lastSeen > IDLE_TIMEOUT_MS || now > Date.parse(expiresAt)) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return false;
  }
  if (now - lastSeen > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now).toISOString() }).where('id', '=', id).execute();
  }
  return true;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', digest(token)).execute();
}

/** Revoke every session of a user (password change, deactivation), optionally keeping one. */
export async function endUserSessions(db: Kysely<Database>, userId: string, keepToken?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken) query = query.where('id', '!=', digest(keepToken));
  await query.execute();
}
