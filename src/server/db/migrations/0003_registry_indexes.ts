// Indexes the centre list needs at national scale (bench/): a subtree of centres is found
// by (kind, path prefix) and ordered by name. PostgreSQL needs text_pattern_ops for the
// prefix LIKE to use an index; SQLite uses a plain index once LIKE is case-sensitive.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../dialect.js';

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const ops = engine === 'postgres' ? sql.raw(' text_pattern_ops') : sql.raw('');
  await db.schema.createIndex('org_units_kind_path').on('org_units').expression(sql`kind, path${ops}`).execute();
  await db.schema.dropIndex('org_units_kind').execute(); // superseded by the per-language ones
  for (const lang of ['kk', 'ru', 'en']) {
    await db.schema.createIndex(`org_units_kind_name_${lang}`).on('org_units').columns(['kind', `name_${lang}`, 'id']).execute();
  }
}
