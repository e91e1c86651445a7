// Certificates (issue 4, M3): what is printed is frozen at issue. 0002 froze the holder's
// name and the hours; the course's and the centre's names (in the certificate's language)
// and the training's dates are frozen here too, so that renaming a course or a centre later
// changes neither the PDF nor what its QR code verifies. A live certificate per enrolment
// and language is unique (a revoked or archived one does not block a new one), so two
// people pressing "issue" at once get one certificate.
// Rationale: docs/decisions/0017-certificates.md. Never edit once merged.
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../dialect.js';

export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  for (const column of ['course_name', 'centre_name', 'start_date', 'end_date']) {
    await db.schema.alterTable('certificates').addColumn(column, 'text', (c) => c.notNull().defaultTo('')).execute();
  }
  await db.schema.createIndex('certificates_live').on('certificates').columns(['enrolment_id', 'language']).unique()
    .where(sql.ref('revoked_at'), 'is', null).where(sql.ref('deleted_at'), 'is', null).execute();
  // A learner's certificates (GET /api/certificates?learner=).
  await db.schema.createIndex('certificates_learner').on('certificates').column('learner_id').execute();
}
