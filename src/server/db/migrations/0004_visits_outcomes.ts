// Visits and outcomes (issue 4, M4–M5): the uniqueness rules the services rely on, kept by
// the database too so that two writers at the same moment cannot both add a row, and the
// indexes of the outcome lists and the follow-up worklist. Partial indexes: live rows only
// (an archived row never blocks a new one). Both engines support partial unique indexes.
// Rationale: docs/decisions/0014-visits-outcomes.md. Never edit once merged.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../dialect.js';

export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // One live tally of anonymous walk-ins per centre, day and purpose.
  await db.schema.createIndex('visits_tally').on('visits').columns(['centre_id', 'date', 'purpose']).unique()
    .where(sql.ref('learner_id'), 'is', null).where(sql.ref('deleted_at'), 'is', null).execute();
  // A registered learner's visit is counted once per centre, day and purpose.
  await db.schema.createIndex('visits_learner_day').on('visits').columns(['learner_id', 'date', 'purpose', 'centre_id']).unique()
    .where(sql.ref('learner_id'), 'is not', null).where(sql.ref('deleted_at'), 'is', null).execute();

  // One live recorded outcome per follow-up (learner, training, due date).
  await db.schema.createIndex('outcomes_follow_up').on('outcomes').columns(['training_id', 'learner_id', 'due_on']).unique()
    .where(sql.ref('due_on'), 'is not', null).where(sql.ref('deleted_at'), 'is', null).execute();
  // Outcomes of a centre by the day they were recorded (lists, summaries).
  await db.schema.createIndex('outcomes_centre_recorded').on('outcomes').columns(['centre_id', 'recorded_on']).execute();
}
