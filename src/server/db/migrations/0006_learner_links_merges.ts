// One person, counted once (issue 4, item 4): links of a learner to other centres, the merges
// of duplicates (with what each moved, so it can be undone exactly), and the key that seals
// link tokens. Both are record tables (write door, change feed, audit) owned by a centre.
// Rationale: docs/decisions/0019-merge-and-link.md. Never edit once merged.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../dialect.js';

export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // A learner registered at one centre, also kept by another after the person consented there.
  await db.schema.createTable('learner_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    // the linked centre (the scope of the row), not the learner's home centre
    .addColumn('centre_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id'))
    .addColumn('consent_date', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('consent_recorded_by', 'text', (c) => c.notNull())
    .addColumn('guardian_name', 'text')
    // the link token this link was made with: a token is good for one link only
    .addColumn('token_id', 'text', (c) => c.notNull().unique())
    .execute();
  // The scope checks: "learners linked to these centres" and "centres this learner is linked to".
  await db.schema.createIndex('learner_links_centre').on('learner_links').columns(['centre_id', 'learner_id']).execute();
  await db.schema.createIndex('learner_links_live').on('learner_links').columns(['learner_id', 'centre_id']).unique()
    .where(sql.ref('deleted_at'), 'is', null).execute();

  // A merge of a duplicate into a survivor: every row it changed, before and after.
  await db.schema.createTable('learner_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    // the survivor's centre at the time of the merge (the scope of the row)
    .addColumn('centre_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('survivor_id', 'text', (c) => c.notNull().references('learners.id'))
    .addColumn('duplicate_id', 'text', (c) => c.notNull().references('learners.id'))
    .addColumn('merged_by', 'text', (c) => c.notNull())
    // JSON: [{ table, id, version, before, after }] in the order written
    .addColumn('changes', 'text', (c) => c.notNull())
    // JSON: counts per table, for the history list
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema.createIndex('learner_merges_survivor').on('learner_merges').column('survivor_id').execute();
  await db.schema.createIndex('learner_merges_duplicate').on('learner_merges').column('duplicate_id').execute();

  // The key that seals link tokens (AES-256-GCM), made once per database.
  await db.insertInto('settings').values({ key: 'link_token_key', value: randomBytes(32).toString('hex') }).execute();
}
