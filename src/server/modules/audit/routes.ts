import { AuditEntry, AuditQuery } from '../../../domain/accounts.js';
import { page } from '../../../domain/common.js';
import type { App } from '../../app.js';
import { listAudit } from './service.js';

export function auditRoutes(app: App): void {
  app.get('/api/audit', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], summary: 'The audit trail of the caller\'s subtree, newest first', querystring: AuditQuery, response: { 200: page(AuditEntry) } },
  }, (req) => listAudit(req.ctx, req.query));
}
