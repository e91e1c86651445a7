// Learning (issue 4, M2–M5): courses, trainings and their meetings, learners, enrolments,
// attendance, certificates, walk-in visits and outcomes. Every table is a record table
// (data rules) owned by a scope: `org_unit_id` for courses (KZ = the national catalogue, or
// a centre), `centre_id` (an org unit of kind centre) for everything else.
// Rationale: docs/decisions/0011-learning-data-model.md. Never edit once merged.
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { columnTypes, type Engine } from '../dialect.js';

function recordColumns<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> {
  return table
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text');
}

/** A record table owned by a centre: the record columns, then `centre_id`. */
const centreOwned = <T extends string>(db: Kysely<any>, name: T) =>
  recordColumns(db.schema.createTable(name)).addColumn('centre_id', 'text', (c) => c.notNull().references('org_units.id'));

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const { double } = columnTypes(engine);

  // ---------------------------------------------------------------- courses (M2)
  await recordColumns(db.schema.createTable('courses'))
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name_kk', 'text', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description_kk', 'text')
    .addColumn('description_ru', 'text')
    .addColumn('description_en', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('planned_hours', double, (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('target_groups', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('completion_percent', 'integer', (c) => c.notNull().defaultTo(80))
    .addColumn('search_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('courses_owner').on('courses').columns(['org_unit_id', 'name_ru']).execute();

  await centreOwned(db, 'trainings')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('trainers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('volunteers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('trainings_centre').on('trainings').columns(['centre_id', 'start_date']).execute();
  await db.schema.createIndex('trainings_course').on('trainings').column('course_id').execute();
  await db.schema.createIndex('trainings_start').on('trainings').column('start_date').execute();

  await centreOwned(db, 'meetings')
    .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('hours', double, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_training').on('meetings').columns(['training_id', 'date']).execute();
  await db.schema.createIndex('meetings_centre').on('meetings').columns(['centre_id', 'date']).execute();

  // ---------------------------------------------------------------- learners (M3)
  await centreOwned(db, 'learners')
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('middle_name', 'text')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('settlement_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('education', 'text')
    .addColumn('employment_status', 'text')
    .addColumn('registered_unemployed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('target_groups', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('iin', 'text')
    .addColumn('consent_date', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    // no foreign key: the system (demo loader, imports) records consent too
    .addColumn('consent_recorded_by', 'text', (c) => c.notNull())
    .addColumn('guardian_name', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    // searchKey(nameKeys(...)): every folded ordering of the name, for `q` (substring)
    .addColumn('name_key', 'text', (c) => c.notNull())
    // foldForSearch(last first middle): the list order, and a prefix index on the name
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text', (c) => c.references('learners.id'))
    .execute();
  // NULLs are distinct in a unique index on both engines: many learners without an IIN,
  // at most one row per IIN (a merge moves the IIN to the surviving record).
  await db.schema.createIndex('learners_iin').on('learners').column('iin').unique().execute();
  await db.schema.createIndex('learners_user').on('learners').column('user_id').unique().execute();
  await db.schema.createIndex('learners_centre_name').on('learners').columns(['centre_id', 'sort_key', 'id']).execute();
  await db.schema.createIndex('learners_name').on('learners').columns(['sort_key', 'id']).execute();
  await db.schema.createIndex('learners_birth_date').on('learners').column('birth_date').execute();
  await db.schema.createIndex('learners_phone').on('learners').column('phone').execute();
  await db.schema.createIndex('learners_merged').on('learners').column('merged_into').where(sql.ref('merged_into'), 'is not', null).execute();

  // ---------------------------------------------------------------- enrolment and attendance (M4)
  await centreOwned(db, 'enrolments')
    .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id'))
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('waitlist_position', 'integer')
    .addColumn('enrolled_on', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('dropped_on', 'text')
    // a waiting learner moved up to a freed seat; told on their next visit to their page
    .addColumn('promoted_at', 'text')
    .addColumn('promotion_seen_at', 'text')
    .execute();
  await db.schema.createIndex('enrolments_training').on('enrolments').columns(['training_id', 'learner_id']).unique().execute();
  await db.schema.createIndex('enrolments_learner').on('enrolments').column('learner_id').execute();

  await centreOwned(db, 'attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id'))
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('hours', double, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attendance_meeting').on('attendance').columns(['meeting_id', 'learner_id']).unique().execute();
  await db.schema.createIndex('attendance_enrolment').on('attendance').column('enrolment_id').execute();

  await centreOwned(db, 'certificates')
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('enrolments.id'))
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('language', 'text', (c) => c.notNull())
    // what is printed, frozen at issue: the name as written then, and the hours
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('hours', double, (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoke_reason', 'text')
    .execute();
  await db.schema.createIndex('certificates_enrolment').on('certificates').column('enrolment_id').execute();

  // ---------------------------------------------------------------- visits and outcomes (M3, M5)
  await centreOwned(db, 'visits')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    // anonymous visitors are counted (count ≥ 1, learner_id null); a registered user's visit
    // names the learner (count 1), so "users" (distinct people) and "visits" stay apart
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('learner_id', 'text', (c) => c.references('learners.id'))
    .execute();
  await db.schema.createIndex('visits_centre').on('visits').columns(['centre_id', 'date']).execute();
  await db.schema.createIndex('visits_learner').on('visits').column('learner_id').where(sql.ref('learner_id'), 'is not', null).execute();

  await centreOwned(db, 'outcomes')
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learners.id'))
    .addColumn('training_id', 'text', (c) => c.references('trainings.id'))
    .addColumn('due_on', 'text')
    // null until the follow-up is done: a due row is the facilitator's worklist
    .addColumn('recorded_on', 'text')
    .addColumn('status', 'text')
    .addColumn('employer', 'text')
    .addColumn('evidence', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('outcomes_centre_due').on('outcomes').columns(['centre_id', 'due_on']).execute();
  await db.schema.createIndex('outcomes_learner').on('outcomes').column('learner_id').execute();
}
