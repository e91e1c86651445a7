import { IdParams, page } from '../../../domain/common.js';
import { Partner, PartnerInput, PartnerListQuery, PartnerPatch, Partnership, PartnershipInput, PartnershipListQuery, PartnershipPatch } from '../../../domain/registry.js';
import type { App } from '../../app.js';
import { tombstoneRoutes } from '../tombstone-routes.js';
import * as service from './service.js';

export function partnerRoutes(app: App): void {
  let tags = ['partners'];
  app.get('/api/partners', {
    config: { access: 'registry.read' },
    schema: { tags, summary: 'Partner organisations visible in scope', querystring: PartnerListQuery, response: { 200: page(Partner) } },
  }, (req) => service.listPartners(req.ctx, req.query));
  app.post('/api/partners', {
    config: { access: 'partner.write' },
    schema: { tags, summary: 'Add a partner organisation', body: PartnerInput, response: { 201: Partner } },
  }, async (req, reply) => reply.code(201).send(await service.createPartner(req.ctx, req.body)));
  app.get('/api/partners/:id', {
    config: { access: 'registry.read' },
    schema: { tags, summary: 'One partner organisation', params: IdParams, response: { 200: Partner } },
  }, (req) => service.getPartner(req.ctx, req.params.id));
  app.patch('/api/partners/:id', {
    config: { access: 'partner.write' },
    schema: { tags, summary: 'Edit a partner organisation', params: IdParams, body: PartnerPatch, response: { 200: Partner } },
  }, (req) => service.updatePartner(req.ctx, req.params.id, req.body));
  tombstoneRoutes(app, { path: '/api/partners', tags, access: 'partner.write', noun: 'a partner organisation', response: Partner, set: service.setPartnerArchived });

  tags = ['partnerships'];
  app.get('/api/partnerships', {
    config: { access: 'registry.read' },
    schema: { tags, summary: 'Partnerships of centres in scope', querystring: PartnershipListQuery, response: { 200: page(Partnership) } },
  }, (req) => service.listPartnerships(req.ctx, req.query));
  app.post('/api/partnerships', {
    config: { access: 'partner.write' },
    schema: { tags, summary: 'Record a partnership between a centre and an organisation', body: PartnershipInput, response: { 201: Partnership } },
  }, async (req, reply) => reply.code(201).send(await service.createPartnership(req.ctx, req.body)));
  app.patch('/api/partnerships/:id', {
    config: { access: 'partner.write' },
    schema: { tags, summary: 'Edit a partnership', params: IdParams, body: PartnershipPatch, response: { 200: Partnership } },
  }, (req) => service.updatePartnership(req.ctx, req.params.id, req.body));
  tombstoneRoutes(app, { path: '/api/partnerships', tags, access: 'partner.write', noun: 'a partnership', response: Partnership, set: service.setPartnershipArchived });
}
