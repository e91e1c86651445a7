// Imports of an attendance register belong to one training, chosen at upload (issue 4, item 9).
// Never edit once merged.
import type { Kysely } from 'kysely';
import type { Engine } from '../dialect.js';

export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('imports').addColumn('training_id', 'text').execute();
}
