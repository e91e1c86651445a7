// Certificates (M3): a completed learner gets a certificate in the language they choose,
// with a code that a QR code links to a public page; revoking one makes it verify as
// revoked. What is printed is frozen at issue. Rules and reasons: docs/decisions/0017.
import { randomBytes } from 'node:crypto';
import { CERTIFICATE_LIMITS, CODE_ALPHABET, isCertificateCode, normaliseCode, type CertificateListQuery } from '../../../domain/certificates.js';
import type { Locale } from '../../../domain/common.js';
import { UUID_PATTERN } from '../../../domain/ids.js';
import { isoToday } from '../../../domain/learning.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { isUniqueViolation, lockRow } from '../../db/dialect.js';
import { insertRecord, updateRecord } from '../../db/write.js';
import { KeregeError, conflict, invalid, notFound } from '../../errors.js';
import { renderCertificatePdf } from './pdf.js';
import * as q from './queries.js';

/** A fresh code: 12 symbols of 5 random bits (32 divides 256, so `byte % 32` is uniform). */
export function newCode(): string {
  return [...randomBytes(CERTIFICATE_LIMITS.codeLength)].map((b) => CODE_ALPHABET[b % 32]).join('');
}

export const verifyPath = (code: string) => `/verify/${code}`;

export function toCertificate(r: q.CertificateRow, origin: string) {
  return {
    id: r.id, version: r.version, code: r.code, verifyUrl: `${origin}${verifyPath(r.code)}`,
    enrolmentId: r.enrolment_id, learnerId: r.learner_id, trainingId: r.training_id, centreId: r.centre_id,
    language: r.language as Locale, holderName: r.holder_name, courseName: r.course_name, centreName: r.centre_name,
    hours: Number(r.hours), startDate: r.start_date, endDate: r.end_date, issuedOn: r.issued_on,
    revokedAt: r.revoked_at, revokeReason: r.revoke_reason, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** By id, or by its code as printed; outside the caller's area it is 404, like a missing one. */
async function visibleCertificate(db: Queryable, actor: Actor, idOrCode: string): Promise<q.CertificateRow> {
  const code = normaliseCode(idOrCode);
  const row = UUID_PATTERN.test(idOrCode) ? await q.findCertificate(db, { id: idOrCode })
    : isCertificateCode(code) ? await q.findCertificate(db, { code }) : undefined;
  if (!row || row.deleted_at || !inScope(actor, row.path)) throw notFound();
  return row;
}

/** The name as written, family name first as on Kazakh documents. */
const holderName = (s: q.CertificateSource) => [s.last_name, s.first_name, s.middle_name].filter((p) => p && p.trim()).join(' ');

/**
 * Issue a certificate for a completed enrolment in `language`, or answer the live one that
 * already exists for it (`created: false`). The enrolment's row is held while we look and
 * write, so two clicks at once make one certificate.
 */
export async function issueCertificate(ctx: Ctx, enrolmentId: string, language: Locale, origin: string) {
  const actor = assertCan(ctx.actor, 'certificate.issue');
  if (!UUID_PATTERN.test(enrolmentId)) throw notFound();
  return ctx.db.transaction().execute(async (tx) => {
    await lockRow(tx, ctx.engine, 'enrolments', enrolmentId);
    const source = await q.enrolmentForCertificate(tx, enrolmentId);
    if (!source || source.deleted_at || !inScope(actor, source.path)) throw notFound();
    if (source.training_deleted_at) throw new KeregeError('conflict', [], 'archived');
    if (source.status !== 'completed') throw invalid('status', 'not_completed');
    const existing = await q.liveCertificate(tx, enrolmentId, language);
    if (existing) return { created: false, certificate: toCertificate(existing, origin) };

    let code = newCode();
    while (await q.codeTaken(tx, code)) code = newCode(); // 2^60 codes: practically never loops
    const values = {
      centre_id: source.centre_id, enrolment_id: source.id, learner_id: source.learner_id, code, language,
      holder_name: holderName(source), hours: await q.attendedHours(tx, source.id),
      course_name: source[`course_${language}` as const], centre_name: source[`centre_${language}` as const],
      start_date: source.start_date, end_date: source.end_date, issued_on: isoToday(),
    };
    const row = await insertRecord(tx, { ...ctx, actor }, 'certificates', values, { scopeId: source.centre_id })
      .catch((error: unknown) => { throw isUniqueViolation(error) ? conflict() : error; });
    return { created: true, certificate: toCertificate((await q.findCertificate(tx, { id: row.id }))!, origin) };
  });
}

export async function revokeCertificate(ctx: Ctx, id: string, reason: string, origin: string) {
  const actor = assertCan(ctx.actor, 'certificate.revoke');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await visibleCertificate(tx, actor, id);
    if (row.revoked_at) throw invalid('status', 'already_revoked');
    await updateRecord(tx, { ...ctx, actor }, 'certificates', row.id, row.version,
      { revoked_at: new Date().toISOString(), revoke_reason: reason }, { scopeId: row.centre_id });
    return toCertificate((await q.findCertificate(tx, { id: row.id }))!, origin);
  });
}

export async function getCertificate(ctx: Ctx, id: string, origin: string) {
  const actor = assertCan(ctx.actor, 'certificate.read');
  return toCertificate(await visibleCertificate(ctx.db, actor, id), origin);
}

export async function listCertificates(ctx: Ctx, query: CertificateListQuery, origin: string) {
  const actor = assertCan(ctx.actor, 'certificate.read');
  const page = await q.listCertificates(ctx.db, {
    pathPrefix: actor.scopePath, enrolmentId: query.enrolment, learnerId: query.learner, trainingId: query.training,
    limit: query.limit, cursor: query.cursor,
  });
  return { items: page.rows.map((r) => toCertificate(r, origin)), nextCursor: page.nextCursor };
}

/** The PDF and its file name (the code only: a file name travels in mail and logs, a name must not). */
export async function certificatePdf(ctx: Ctx, id: string, origin: string): Promise<{ fileName: string; pdf: Buffer }> {
  const cert = await getCertificate(ctx, id, origin);
  const pdf = await renderCertificatePdf(cert, cert.verifyUrl);
  return { fileName: `certificate-${cert.code}.pdf`, pdf };
}

/** What a code confirms, for anyone holding it; null when no certificate has it. */
export async function verification(db: Queryable, code: string): Promise<q.VerificationRow | null> {
  const normal = normaliseCode(code);
  if (!isCertificateCode(normal)) return null;
  return (await q.verificationUnscoped(db, normal)) ?? null;
}

export function verificationAnswer(row: q.VerificationRow) {
  const revoked = row.revoked_at !== null;
  return { valid: !revoked, revoked, name: row.holder_name, course: row.course_name, centre: row.centre_name, issuedOn: row.issued_on };
}
