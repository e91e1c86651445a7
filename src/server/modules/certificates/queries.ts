// Certificate queries. Blind to users: callers pass the scope (a path prefix) and decide what
// the caller may see. The public verification reads one row by its unique code and nothing
// else: every printed text is frozen on the certificate itself (decision 0017).
import { sql } from 'kysely';
import type { Queryable } from '../../context.js';
import { startsWith } from '../../db/dialect.js';
import { decodeCursor, pageOf } from '../../db/paging.js';

/** An enrolment with everything a certificate prints and what decides who may issue one. */
export function enrolmentForCertificate(db: Queryable, id: string) {
  return db.selectFrom('enrolments')
    .innerJoin('trainings as t', 't.id', 'enrolments.training_id')
    .innerJoin('courses as co', 'co.id', 't.course_id')
    .innerJoin('org_units as c', 'c.id', 'enrolments.centre_id')
    .innerJoin('learners as l', 'l.id', 'enrolments.learner_id')
    .select([
      'enrolments.id', 'enrolments.status', 'enrolments.deleted_at', 'enrolments.centre_id', 'enrolments.learner_id', 'enrolments.training_id',
      't.start_date', 't.end_date', 't.deleted_at as training_deleted_at',
      'co.name_kk as course_kk', 'co.name_ru as course_ru', 'co.name_en as course_en',
      'c.name_kk as centre_kk', 'c.name_ru as centre_ru', 'c.name_en as centre_en', 'c.path',
      'l.last_name', 'l.first_name', 'l.middle_name',
    ])
    .where('enrolments.id', '=', id).executeTakeFirst();
}
export type CertificateSource = NonNullable<Awaited<ReturnType<typeof enrolmentForCertificate>>>;

/** Hours the learner attended over the training's live meetings. */
export async function attendedHours(db: Queryable, enrolmentId: string): Promise<number> {
  const row = await db.selectFrom('attendance').innerJoin('meetings as m', 'm.id', 'attendance.meeting_id')
    .select((eb) => eb.fn.sum<number>('attendance.hours').as('h'))
    .where('attendance.enrolment_id', '=', enrolmentId).where('attendance.deleted_at', 'is', null)
    .where('attendance.present', '=', 1).where('m.deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.h ?? 0);
}

function base(db: Queryable) {
  return db.selectFrom('certificates')
    .innerJoin('enrolments as e', 'e.id', 'certificates.enrolment_id')
    .innerJoin('org_units as c', 'c.id', 'certificates.centre_id')
    .selectAll('certificates').select(['e.training_id', 'c.path']);
}
export type CertificateRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function findCertificate(db: Queryable, by: { id: string } | { code: string }) {
  const query = base(db);
  return ('id' in by ? query.where('certificates.id', '=', by.id) : query.where('certificates.code', '=', by.code)).executeTakeFirst();
}

/** The live (not revoked, not archived) certificate of an enrolment in one language. */
export function liveCertificate(db: Queryable, enrolmentId: string, language: string) {
  return base(db).where('certificates.enrolment_id', '=', enrolmentId).where('certificates.language', '=', language)
    .where('certificates.revoked_at', 'is', null).where('certificates.deleted_at', 'is', null).executeTakeFirst();
}

export async function codeTaken(db: Queryable, code: string): Promise<boolean> {
  return (await db.selectFrom('certificates').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

/** The public view of a code: only what is printed. Unscoped on purpose (anyone holding the code). */
export function verificationUnscoped(db: Queryable, code: string) {
  return db.selectFrom('certificates')
    .select(['holder_name', 'course_name', 'centre_name', 'start_date', 'end_date', 'hours', 'issued_on', 'revoked_at', 'language', 'code'])
    .where('code', '=', code).where('deleted_at', 'is', null).executeTakeFirst();
}
export type VerificationRow = NonNullable<Awaited<ReturnType<typeof verificationUnscoped>>>;

export interface CertificateFilter {
  /** Path prefix of the caller's area; null = the whole network. */
  pathPrefix: string | null;
  enrolmentId?: string;
  learnerId?: string;
  trainingId?: string;
  limit: number;
  cursor?: string;
}

/** Newest first (ids are time-ordered); the cursor holds only the last id. */
export async function listCertificates(db: Queryable, f: CertificateFilter) {
  let query = base(db);
  if (f.pathPrefix !== null) query = query.where(startsWith(sql.ref('c.path'), f.pathPrefix));
  if (f.enrolmentId) query = query.where('certificates.enrolment_id', '=', f.enrolmentId);
  if (f.learnerId) query = query.where('certificates.learner_id', '=', f.learnerId);
  if (f.trainingId) query = query.where('e.training_id', '=', f.trainingId);
  query = query.where('certificates.deleted_at', 'is', null);
  if (f.cursor) query = query.where('certificates.id', '<', decodeCursor(f.cursor)[1]);
  const rows = await query.orderBy('certificates.id', 'desc').limit(f.limit + 1).execute();
  return pageOf(rows, f.limit, (r) => ['', r.id]);
}
