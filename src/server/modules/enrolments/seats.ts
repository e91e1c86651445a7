// Seats of a training and its waiting list (decision 0013). A seat is held by an enrolled or
// a completed learner; the waiting list is ordered by `waitlist_position`, a number that only
// grows (the position shown is the rank among those waiting, so nobody is renumbered).
// Callers hold the training's row lock (dialect.ts lockRow) while they count and write.
import type { Ctx, Queryable } from '../../context.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { updateRecords } from '../../db/write.js';

export interface SeatState { occupied: number; waiting: number; lastPosition: number }

export async function seatState(db: Queryable, trainingId: string): Promise<SeatState> {
  const rows = await db.selectFrom('enrolments')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('waitlist_position').as('last')])
    .where('training_id', '=', trainingId).where('deleted_at', 'is', null).groupBy('status').execute();
  const state: SeatState = { occupied: 0, waiting: 0, lastPosition: 0 };
  for (const r of rows) {
    if (r.status === 'enrolled' || r.status === 'completed') state.occupied += Number(r.n);
    if (r.status === 'waiting') {
      state.waiting = Number(r.n);
      state.lastPosition = Number(r.last ?? 0);
    }
  }
  return state;
}

/**
 * Give free seats to the first people waiting: status enrolled, `promoted_at` set so that
 * their page tells them once (`promotion_seen_at`, set by the learner's page). Answers the
 * ids of those promoted.
 */
export async function promoteWaiting(
  tx: Transaction<Database>, ctx: Ctx, training: { id: string; capacity: number | null; centre_id: string },
): Promise<string[]> {
  const { occupied, waiting } = await seatState(tx, training.id);
  const free = training.capacity === null ? waiting : training.capacity - occupied;
  if (free <= 0 || waiting === 0) return [];
  const next = await tx.selectFrom('enrolments').selectAll().where('training_id', '=', training.id).where('status', '=', 'waiting')
    .where('deleted_at', 'is', null).orderBy('waitlist_position').orderBy('id').limit(free).execute();
  const at = new Date().toISOString();
  await updateRecords(tx, ctx, 'enrolments', next.map((before) => ({
    before, patch: { status: 'enrolled', waitlist_position: null, promoted_at: at, promotion_seen_at: null },
  })), { scopeId: training.centre_id });
  return next.map((r) => r.id);
}
