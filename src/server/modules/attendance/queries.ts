// Attendance queries: the sheet of one meeting in one query — who is on it and their mark.
import type { Queryable } from '../../context.js';

/**
 * The meeting's sheet: every enrolled or completed learner of the training, and anyone else
 * already marked at this meeting (who dropped out later), with their mark or none, in name
 * order. The mark is joined on (meeting, learner): the unique index of the attendance table.
 */
export function sheetRows(db: Queryable, trainingId: string, meetingId: string) {
  return db.selectFrom('enrolments').innerJoin('learners as l', 'l.id', 'enrolments.learner_id')
    .leftJoin('attendance as a', (join) => join.onRef('a.learner_id', '=', 'enrolments.learner_id').on('a.meeting_id', '=', meetingId))
    .select([
      'enrolments.id as enrolment_id', 'enrolments.learner_id', 'enrolments.status', 'l.last_name', 'l.first_name', 'l.middle_name',
      'a.id as mark_id', 'a.present', 'a.hours', 'a.version as mark_version', 'a.deleted_at as mark_deleted_at',
    ])
    .where('enrolments.training_id', '=', trainingId).where('enrolments.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('enrolments.status', 'in', ['enrolled', 'completed']), eb('a.id', 'is not', null)]))
    .orderBy('l.sort_key').orderBy('enrolments.id')
    .execute();
}
export type SheetRow = Awaited<ReturnType<typeof sheetRows>>[number];
