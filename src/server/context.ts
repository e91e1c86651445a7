// What a service needs to act: the database, who is acting and in which language.
// Passed explicitly (style.md: no hidden globals).
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../domain/accounts.js';
import type { Locale } from '../domain/common.js';
import type { HybridClock } from './db/clock.js';
import type { Engine } from './db/dialect.js';
import type { FeedCache } from './db/feed-cache.js';
import type { Database } from './db/schema.js';

export interface Actor {
  id: string;
  username: string;
  role: Role;
  orgUnitId: string;
  /** The materialised path of the actor's org unit; null for nationwide roles (admin, national). */
  scopePath: string | null;
  partnerId: string | null;
}

export type Queryable = Kysely<Database> | Transaction<Database>;

export interface Ctx {
  db: Kysely<Database>;
  engine: Engine;
  clock: HybridClock;
  actor: Actor | null;
  locale: Locale;
  /** Read answers kept while the change feed stands still (absent outside the HTTP app). */
  cache?: FeedCache;
  /** The change token read with the session at the start of a GET request (feed-cache.ts). */
  changeToken?: string;
}
