import { z } from 'zod';
import { IdParams, page } from '../../../domain/common.js';
import { Centre, CentreInput, CentreListQuery, CentreMapItem, CentrePatch, CentreWithWarnings } from '../../../domain/registry.js';
import type { App } from '../../app.js';
import { tombstoneRoutes } from '../tombstone-routes.js';
import * as service from './service.js';

export function centreRoutes(app: App): void {
  const tags = ['centres'];
  app.get('/api/centres', {
    config: { access: 'registry.read' },
    schema: { tags, summary: 'List centres in scope: search, org unit subtree, type, connectivity', querystring: CentreListQuery, response: { 200: page(Centre) } },
  }, (req) => service.listCentres(req.ctx, req.query));
  app.get('/api/centres/map', {
    config: { access: 'registry.read' },
    schema: { tags, summary: 'Every live centre in scope, compactly, for the map', response: { 200: z.object({ items: z.array(CentreMapItem) }) } },
  }, (req) => service.centreMap(req.ctx));
  app.get('/api/centres/:id', {
    config: { access: 'registry.read' },
    schema: { tags, summary: 'One centre by id or code', params: IdParams, response: { 200: Centre } },
  }, (req) => service.getCentre(req.ctx, req.params.id));
  app.post('/api/centres', {
    config: { access: 'centre.create' },
    schema: { tags, summary: 'Create a centre; a point outside Kazakhstan is saved with a warning', body: CentreInput, response: { 201: CentreWithWarnings } },
  }, async (req, reply) => reply.code(201).send(await service.createCentre(req.ctx, req.body)));
  app.patch('/api/centres/:id', {
    config: { access: 'centre.edit' },
    schema: { tags, summary: 'Edit a centre, or move it to another org unit', params: IdParams, body: CentrePatch, response: { 200: CentreWithWarnings } },
  }, (req) => service.updateCentre(req.ctx, req.params.id, req.body));
  tombstoneRoutes(app, { path: '/api/centres', tags, access: 'centre.archive', noun: 'a centre', response: Centre, set: service.setCentreArchived });
}
