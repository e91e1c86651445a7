// Certificate routes (M3). Staff issue, list and download in their own area; coordinators and
// centre managers revoke. Two public routes answer anyone holding a code: the JSON of the
// contract and the page the QR code opens (outside /api, so it is served before the web
// app's fallback). Who may and why: docs/decisions/0017-certificates.md.
import {
  Certificate, CertificateIssueInput, CertificateListQuery, CertificateRevokeInput, CertificateVerification, CodeParams, VerifyPageQuery,
} from '../../../domain/certificates.js';
import { IdParams, page } from '../../../domain/common.js';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app.js';
import { notFound } from '../../errors.js';
import { verifyPage } from './page.js';
import * as service from './service.js';

/**
 * Where the QR code and `verifyUrl` point: KEREGE_PUBLIC_URL when set (the address people
 * reach from outside), else the address this request came to.
 */
export function publicOrigin(req: FastifyRequest): string {
  const configured = process.env.KEREGE_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `${req.protocol}://${req.host}`;
}

export function certificateRoutes(app: App): void {
  const tags = ['certificates'];
  app.post('/api/enrolments/:id/certificate', {
    config: { access: 'certificate.issue' },
    schema: {
      tags, summary: 'Issue the certificate of a completed enrolment in a language (201), or answer the live one it already has (200)',
      params: IdParams, body: CertificateIssueInput, response: { 200: Certificate, 201: Certificate },
    },
  }, async (req, reply) => {
    const { created, certificate } = await service.issueCertificate(req.ctx, req.params.id, req.body.language, publicOrigin(req));
    return reply.code(created ? 201 : 200).send(certificate);
  });
  app.get('/api/certificates', {
    config: { access: 'certificate.read' },
    schema: { tags, summary: 'Certificates of the centres in your area, newest first', querystring: CertificateListQuery, response: { 200: page(Certificate) } },
  }, (req) => service.listCertificates(req.ctx, req.query, publicOrigin(req)));
  app.get('/api/certificates/verify/:code', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Public: what a verification code confirms (404 for an unknown code); nothing but what is printed',
      params: CodeParams, response: { 200: CertificateVerification },
    },
  }, async (req, reply) => {
    const row = await service.verification(req.ctx.db, req.params.code);
    if (!row) throw notFound();
    return reply.header('cache-control', 'no-store').send(service.verificationAnswer(row));
  });
  app.get('/api/certificates/:id', {
    config: { access: 'certificate.read' },
    schema: { tags, summary: 'One certificate by id or code', params: IdParams, response: { 200: Certificate } },
  }, (req) => service.getCertificate(req.ctx, req.params.id, publicOrigin(req)));
  app.get('/api/certificates/:id/pdf', {
    config: { access: 'certificate.read' },
    schema: { tags, summary: "The certificate as a PDF (A4 landscape, in the certificate's language, with the QR code)", params: IdParams },
  }, async (req, reply) => {
    const { fileName, pdf } = await service.certificatePdf(req.ctx, req.params.id, publicOrigin(req));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'private, no-store').send(pdf);
  });
  app.post('/api/certificates/:id/revoke', {
    config: { access: 'certificate.revoke' },
    schema: { tags, summary: 'Revoke a certificate (audited); it then verifies as revoked', params: IdParams, body: CertificateRevokeInput, response: { 200: Certificate } },
  }, (req) => service.revokeCertificate(req.ctx, req.params.id, req.body.reason, publicOrigin(req)));

  // The page behind the QR code: server-written HTML, no script, in ?lang= or the browser's language.
  app.get('/verify/:code', {
    config: { access: 'public' },
    schema: { hide: true, params: CodeParams, querystring: VerifyPageQuery },
  }, async (req, reply) => {
    const row = await service.verification(req.ctx.db, req.params.code);
    const locale = req.query.lang ?? req.ctx.locale;
    return reply.code(row ? 200 : 404).type('text/html; charset=utf-8').header('cache-control', 'no-store')
      .header('content-language', locale).send(verifyPage(locale, req.params.code, row));
  });
}
