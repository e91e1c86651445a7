// Login failures counted per account and per address, in the database (shared by all
// processes). A window opens at the first failure; too many failures in it lock the key
// until the window ends. Success clears the account's counter.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES = { account: 5, address: 30 } as const;

export const accountKey = (username: string) => `account:${username.toLowerCase()}`;
export const addressKey = (ip: string) => `address:${ip}`;

export async function isLocked(db: Kysely<Database>, key: string, max: number): Promise<boolean> {
  const row = await db.selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return false;
  if (Date.now() - Date.parse(row.window_started_at) > LOGIN_WINDOW_MS) return false;
  return row.failures >= max;
}

export async function recordFailure(db: Kysely<Database>, key: string): Promise<void> {
  const now = new Date();
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
  await db.insertInto('login_attempts')
    .values({ key, failures: 1, window_started_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({
      failures: eb.case().when('login_attempts.window_started_at', '<', windowStart).then(1)
        .else(eb('login_attempts.failures', '+', 1)).end(),
      window_started_at: eb.case().when('login_attempts.window_started_at', '<', windowStart).then(now.toISOString())
        .else(eb.ref('login_attempts.window_started_at')).end(),
    })))
    .execute();
}

export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}
