// Import routes. The file is the raw request body (no multipart: one file, one request),
// read as bytes whatever its content type says — what it is, is decided by its first bytes.
import { z } from 'zod';
import { IdParams } from '../../../domain/common.js';
import { IMPORT_LIMITS, ImportOptions, ImportPreview, ImportStatus, ImportUpload, ImportUploadQuery } from '../../../domain/imports.js';
import type { App } from '../../app.js';
import { translate } from '../../i18n.js';
import * as service from './service.js';

const FileRefused = z.object({
  code: z.string(), message: z.string(),
  fields: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
}).describe('Not a spreadsheet, too many rows, a broken encoding, a formula … (field "file")');

export function importRoutes(app: App): void {
  const tags = ['imports'];
  app.register(async (scope) => {
    // Only the upload lives here, with its own body reader and limit.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.bytesMax }, (_req, body, done) => done(null, body));
    (scope as unknown as App).post('/api/imports', {
      config: { access: 'import.write' },
      bodyLimit: IMPORT_LIMITS.bytesMax,
      schema: {
        tags, querystring: ImportUploadQuery, response: { 201: ImportUpload, 400: FileRefused },
        summary: 'Upload a register (the raw XLSX or CSV file as the body); answers its columns and a suggested mapping',
      },
    }, async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      try {
        return reply.code(201).send(await service.uploadImport(req.ctx, req.query, body));
      } catch (error) {
        if (!(error instanceof service.ImportFileError)) throw error;
        const locale = req.ctx.locale;
        return reply.code(400).send({
          code: 'validation', message: translate(locale, 'errors.validation'),
          fields: [{ field: 'file', code: error.code, message: translate(locale, `imports.errors.${error.code}`, error.params) }],
        });
      }
    });
  });
  app.post('/api/imports/:id/preview', {
    config: { access: 'import.write' },
    schema: { tags, summary: 'Check every row with a mapping: counts, per-row errors, likely duplicates; writes nothing', params: IdParams, body: ImportOptions, response: { 200: ImportPreview } },
  }, (req) => service.previewImport(req.ctx, req.params.id, req.body));
  app.post('/api/imports/:id/commit', {
    config: { access: 'import.write' },
    schema: { tags, summary: 'Start writing the rows (all or nothing, in the background); follow it with GET /api/imports/:id', params: IdParams, body: ImportOptions, response: { 202: ImportStatus } },
  }, async (req, reply) => reply.code(202).send(await service.commitImport(req.ctx, req.params.id, req.body)));
  app.get('/api/imports/:id', {
    config: { access: 'import.write' },
    schema: { tags, summary: "An import's progress and result (your own imports only)", params: IdParams, response: { 200: ImportStatus } },
  }, (req) => service.importStatus(req.ctx, req.params.id));
}

