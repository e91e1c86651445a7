// Answers that depend only on the records, kept while the database has not changed.
// The token that says "nothing has changed since" is engine-specific (dialect.ts):
// on SQLite the change feed's highest sequence number (writers are serialised, so
// sequence order is commit order); on PostgreSQL that number together with the transactions
// in progress, from one snapshot — numbers there can commit out of order, and a late commit
// leaves the list. One cheap lookup replaces the queries behind a list page, and it stays
// correct with several processes on one database.
//
// Bounded twice: by entries and by an estimate of their bytes, since a page of full
// learner records (~50 KB) weighs fifty times a small answer and the server's memory
// budget is 150 MB. Least recently used goes first.
import type { Queryable } from '../context.js';
import { changeToken, type Engine } from './dialect.js';

/** Where the change token comes from: read now from `db`, or already read by the request. */
export interface CacheSource { db: Queryable; changeToken?: string }

interface Entry { seq: string; value: unknown; bytes: number }

/** What an answer is assumed to weigh when its caller gives no estimate. */
const DEFAULT_ENTRY_BYTES = 2_048;

export class FeedCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  constructor(
    private readonly engine: Engine,
    private readonly maxEntries = 1000,
    private readonly maxBytes = 24 * 1024 * 1024,
  ) {}

  /**
   * The cached answer for `key` if the database is unchanged since it was computed, else
   * `compute()`'s. `sizeOf` estimates an answer's bytes. Keys must hold everything the
   * answer depends on — for personal data, the caller's scope: entries are never shared
   * across scopes. `source.changeToken`, when the request already read it (app.ts, with
   * the session), saves a round trip; it must have been read before `compute` runs.
   */
  async get<T>(source: CacheSource, key: string, compute: () => Promise<T>, sizeOf?: (value: T) => number): Promise<T> {
    const seq = source.changeToken ?? await changeToken(source.db, this.engine);
    const hit = this.entries.get(key);
    if (hit && hit.seq === seq) {
      this.entries.delete(key); // re-insert: the Map's order is the recency order
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = await compute();
    if (hit) this.drop(key, hit);
    const bytes = sizeOf ? sizeOf(value) : DEFAULT_ENTRY_BYTES;
    if (bytes > this.maxBytes) return value;
    while (this.entries.size >= this.maxEntries || this.bytes + bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value!;
      this.drop(oldestKey, oldest);
    }
    this.entries.set(key, { seq, value, bytes });
    this.bytes += bytes;
    return value;
  }

  private drop(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
