// The foundation: registry, accounts, change feed, audit, sessions. Never edit once merged;
// add a new migration instead.
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

// The data rules (architecture.md): every record table carries these.
function recordColumns<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> {
  return table
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text');
}

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const types = columnTypes(engine);

  await recordColumns(db.schema.createTable('org_units'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('name_kk', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('lat', types.double)
    .addColumn('lon', types.double)
    .addColumn('search_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_units_parent').on('org_units').columns(['parent_id', 'name_ru']).execute();
  await db.schema.createIndex('org_units_path').on('org_units').expression(sql`path ${sql.raw(engine === 'postgres' ? 'text_pattern_ops' : '')}`).execute();
  await db.schema.createIndex('org_units_kind').on('org_units').columns(['kind', 'name_ru']).execute();

  await recordColumns(db.schema.createTable('centres'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().unique().references('org_units.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('facilitators', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('opened_on', 'text')
    .addColumn('connectivity', 'text', (c) => c.notNull())
    .addColumn('computers', 'integer')
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('opening_hours', 'text')
    .addColumn('invented', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('centres_type').on('centres').columns(['type', 'connectivity']).execute();

  await recordColumns(db.schema.createTable('partners'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_kk', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('note', 'text')
    .addColumn('search_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partners_org_unit').on('partners').column('org_unit_id').execute();

  await recordColumns(db.schema.createTable('partnerships'))
    .addColumn('centre_id', 'text', (c) => c.notNull().references('centres.id'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('partnerships_centre').on('partnerships').column('centre_id').execute();
  await db.schema.createIndex('partnerships_partner').on('partnerships').column('partner_id').execute();

  await recordColumns(db.schema.createTable('users'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.references('partners.id'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('search_key', 'text', (c) => c.notNull())
    .execute();

  let changes = db.schema.createTable('changes');
  changes = engine === 'postgres'
    ? changes.addColumn('seq', types.sequence, (c) => c.primaryKey())
    : changes.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
  await changes
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_username', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .execute();
  await db.schema.createIndex('audit_log_row').on('audit_log').columns(['row_id', 'id']).execute();
  await db.schema.createIndex('audit_log_scope').on('audit_log').columns(['scope_id', 'id']).execute();

  await db.schema.createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema.createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
