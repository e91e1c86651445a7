// Answers that depend only on the records, kept while the database has not changed.
// The token that says "nothing has changed since" is engine-specific (dialect.ts):
// on SQLite the change feed's highest sequence number (writers are serialised, so
// sequence order is commit order); on PostgreSQL the WAL position, which every commit
// moves — sequence numbers there can commit out of order. One cheap lookup replaces the
// queries behind a list page, and it stays correct with several processes on one database.
import type { Queryable } from '../context.js';
import { changeToken, type Engine } from './dialect.js';

export class FeedCache {
  private readonly entries = new Map<string, { seq: string; value: unknown }>();
  constructor(private readonly engine: Engine, private readonly max = 1000) {}

  async get<T>(db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
    const seq = await changeToken(db, this.engine);
    const hit = this.entries.get(key);
    if (hit && hit.seq === seq) {
      this.entries.delete(key); // re-insert: the Map's order is the recency order
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = await compute();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { seq, value });
    return value;
  }
}
