import { IdParams, page } from '../../../domain/common.js';
import { OrgUnit, OrgUnitDetail, OrgUnitInput, OrgUnitListQuery, OrgUnitPatch } from '../../../domain/registry.js';
import type { App } from '../../app.js';
import { tombstoneRoutes } from '../tombstone-routes.js';
import * as service from './service.js';

export function orgUnitRoutes(app: App): void {
  const tags = ['org-units'];
  app.get('/api/org-units', {
    config: { access: 'registry.read' },
    schema: { tags, summary: 'List org units in scope (search across scripts, children of a parent, by kind)', querystring: OrgUnitListQuery, response: { 200: page(OrgUnit) } },
  }, (req) => service.listOrgUnits(req.ctx, req.query));
  app.get('/api/org-units/:id', {
    config: { access: 'registry.read' },
    schema: { tags, summary: 'One org unit by id or code, with its ancestors', params: IdParams, response: { 200: OrgUnitDetail } },
  }, (req) => service.getOrgUnit(req.ctx, req.params.id));
  app.post('/api/org-units', {
    config: { access: 'orgUnit.write' },
    schema: { tags, summary: 'Create an oblast, city, raion or settlement', body: OrgUnitInput, response: { 201: OrgUnitDetail } },
  }, async (req, reply) => reply.code(201).send(await service.createOrgUnit(req.ctx, req.body)));
  app.patch('/api/org-units/:id', {
    config: { access: 'orgUnit.write' },
    schema: { tags, summary: 'Edit or move an org unit (with its subtree)', params: IdParams, body: OrgUnitPatch, response: { 200: OrgUnitDetail } },
  }, (req) => service.updateOrgUnit(req.ctx, req.params.id, req.body));
  tombstoneRoutes(app, { path: '/api/org-units', tags, access: 'orgUnit.write', noun: 'an org unit with no active children', response: OrgUnitDetail, set: service.setUnitArchived });
}
