// Alphabetical order per language, and the indexes the centre list needs at national scale.
// Names are ordered by stored sort keys (src/domain/collate.ts: Ә after А, Ө after О …),
// not by the engine's collation. A subtree of centres is found by (kind, path prefix);
// PostgreSQL needs text_pattern_ops for the prefix LIKE to use an index, SQLite uses a plain
// index once LIKE is case-sensitive (dialect.ts).
import { sql, type Kysely } from 'kysely';
import { sortKeys } from '../../../domain/collate.js';
import type { Engine } from '../dialect.js';

const LANGS = ['kk', 'ru', 'en'] as const;

async function addSortKeys(db: Kysely<any>, table: 'org_units' | 'partners'): Promise<void> {
  for (const lang of LANGS) await db.schema.alterTable(table).addColumn(`sort_${lang}`, 'text', (c) => c.notNull().defaultTo('')).execute();
  const rows = await db.selectFrom(table).select(['id', 'name_kk', 'name_ru', 'name_en']).execute();
  for (const r of rows) {
    await db.updateTable(table).set(sortKeys({ kk: r.name_kk, ru: r.name_ru, en: r.name_en })).where('id', '=', r.id).execute();
  }
}

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await addSortKeys(db, 'org_units');
  await addSortKeys(db, 'partners');
  const ops = engine === 'postgres' ? sql.raw(' text_pattern_ops') : sql.raw('');
  await db.schema.createIndex('org_units_kind_path').on('org_units').expression(sql`kind, path${ops}`).execute();
  await db.schema.dropIndex('org_units_kind').execute(); // superseded by the per-language ones
  await db.schema.dropIndex('org_units_parent').execute();
  for (const lang of LANGS) {
    await db.schema.createIndex(`org_units_kind_sort_${lang}`).on('org_units').columns(['kind', `sort_${lang}`, 'id']).execute();
    await db.schema.createIndex(`org_units_parent_sort_${lang}`).on('org_units').columns(['parent_id', `sort_${lang}`, 'id']).execute();
  }
}
