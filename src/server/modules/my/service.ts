// A person's own learning: the learner records linked to the signed-in account (a learner's
// account, or a staff member who is also a learner, as seed 003's librarians are), their
// enrolments and certificates. Nobody else's data: everything is found from `user_id`. A seat
// that came free while the person waited is "new" until they say they have seen it.
import { UUID_PATTERN } from '../../../domain/ids.js';
import type { MyLearning } from '../../../domain/my.js';
import { requireActor } from '../../auth/access.js';
import type { Ctx, Queryable } from '../../context.js';
import { updateRecords, type Row } from '../../db/write.js';
import { attendedByEnrolment, scheduledByTraining } from '../learners/record.js';

async function ownLearnerIds(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('learners').select('id')
    .where('user_id', '=', userId).where('deleted_at', 'is', null).where('merged_into', 'is', null).execute();
  return rows.map((r) => r.id);
}

/** Whether the account has learning of its own to show (a linked, live learner record). */
export async function hasOwnLearning(db: Queryable, userId: string): Promise<boolean> {
  return (await ownLearnerIds(db, userId)).length > 0;
}

export async function myLearning(ctx: Ctx): Promise<MyLearning> {
  const actor = requireActor(ctx.actor);
  const ids = await ownLearnerIds(ctx.db, actor.id);
  if (ids.length === 0) return { linked: false, enrolments: [], certificates: [] };
  const rows = await ctx.db.selectFrom('enrolments as e')
    .innerJoin('trainings as t', 't.id', 'e.training_id')
    .innerJoin('courses as c', 'c.id', 't.course_id')
    .innerJoin('org_units as u', 'u.id', 't.centre_id')
    .select([
      'e.id', 'e.status', 'e.waitlist_position', 'e.promoted_at', 'e.promotion_seen_at', 't.id as training_id', 't.kind', 't.place',
      't.start_date', 't.end_date', 'c.name_kk as course_kk', 'c.name_ru as course_ru', 'c.name_en as course_en',
      'u.name_kk as centre_kk', 'u.name_ru as centre_ru', 'u.name_en as centre_en',
    ])
    .where('e.learner_id', 'in', ids).where('e.deleted_at', 'is', null).where('t.deleted_at', 'is', null)
    .orderBy('t.start_date', 'desc').orderBy('e.id')
    .limit(500)
    .execute();
  // hours as the learner page counts them: present marks of live meetings, against the live meetings
  const attended = await attendedByEnrolment(ctx.db, rows.map((r) => r.id));
  const planned = await scheduledByTraining(ctx.db, [...new Set(rows.map((r) => r.training_id))]);
  const certificates = await ctx.db.selectFrom('certificates')
    .select(['code', 'course_name', 'centre_name', 'hours', 'issued_on', 'language', 'revoked_at'])
    .where('learner_id', 'in', ids).where('deleted_at', 'is', null).orderBy('issued_on', 'desc').limit(500).execute();
  return {
    linked: true,
    enrolments: rows.map((r) => ({
      id: r.id,
      training: {
        id: r.training_id, kind: r.kind as never, place: r.place, startDate: r.start_date, endDate: r.end_date,
        course: { kk: r.course_kk, ru: r.course_ru, en: r.course_en }, centre: { kk: r.centre_kk, ru: r.centre_ru, en: r.centre_en },
      },
      status: r.status as never,
      waitlistPosition: r.waitlist_position,
      newSeat: r.status === 'enrolled' && r.promoted_at !== null && r.promotion_seen_at === null,
      hoursAttended: attended.get(r.id) ?? 0,
      hoursPlanned: planned.get(r.training_id) ?? 0,
    })),
    certificates: certificates.map((c) => ({
      code: c.code, courseName: c.course_name, centreName: c.centre_name, hours: c.hours, issuedOn: c.issued_on,
      language: c.language, revoked: c.revoked_at !== null,
    })),
  };
}

/** The person has seen their new seats: each is told once. Others' enrolments are ignored. */
export async function markSeen(ctx: Ctx, enrolmentIds: string[]): Promise<{ seen: number }> {
  const actor = requireActor(ctx.actor);
  return ctx.db.transaction().execute(async (tx) => {
    const ids = await ownLearnerIds(tx, actor.id);
    const wanted = enrolmentIds.filter((id) => UUID_PATTERN.test(id));
    if (ids.length === 0 || wanted.length === 0) return { seen: 0 };
    const rows = await tx.selectFrom('enrolments').selectAll()
      .where('id', 'in', wanted).where('learner_id', 'in', ids).where('deleted_at', 'is', null)
      .where('promoted_at', 'is not', null).where('promotion_seen_at', 'is', null).execute();
    const at = new Date().toISOString();
    for (const row of rows) {
      await updateRecords(tx, { ...ctx, actor }, 'enrolments', [{ before: row as unknown as Row, patch: { promotion_seen_at: at } }], { scopeId: row.centre_id });
    }
    return { seen: rows.length };
  });
}
