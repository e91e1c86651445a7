// Visit routes (M4). Who may: docs/decisions/0014-visits-outcomes.md.
import { page } from '../../../domain/common.js';
import { Visit, VisitDay, VisitDayInput, VisitDayQuery, VisitInput, VisitListQuery, VisitSummary, VisitSummaryQuery } from '../../../domain/visits.js';
import type { App } from '../../app.js';
import { tombstoneRoutes } from '../tombstone-routes.js';
import * as service from './service.js';

export function visitRoutes(app: App): void {
  const tags = ['visits'];
  app.get('/api/visits', {
    config: { access: 'visit.read' },
    schema: { tags, summary: 'Visit entries of the centres in scope, newest day first', querystring: VisitListQuery, response: { 200: page(Visit) } },
  }, (req) => service.listVisits(req.ctx, req.query));
  app.get('/api/visits/summary', {
    config: { access: 'visit.read' },
    schema: {
      tags, summary: 'Visitors (all visits) and users (distinct registered learners) of the centres in scope over a period',
      querystring: VisitSummaryQuery, response: { 200: VisitSummary },
    },
  }, (req) => service.summarise(req.ctx, req.query));
  app.get('/api/visits/day', {
    config: { access: 'visit.read' },
    schema: { tags, summary: "One centre's day: the anonymous tally and registered visits per purpose", querystring: VisitDayQuery, response: { 200: VisitDay } },
  }, (req) => service.getDay(req.ctx, req.query));
  app.put('/api/visits/day', {
    config: { access: 'visit.write' },
    schema: {
      tags, summary: "Set the day's tally of anonymous walk-ins per purpose in one save (corrections are audited)",
      body: VisitDayInput, response: { 200: VisitDay },
    },
  }, (req) => service.setDay(req.ctx, req.body));
  app.post('/api/visits', {
    config: { access: 'visit.write' },
    schema: {
      tags, summary: "Record a registered learner's visit (once a day and purpose), or add anonymous walk-ins to the day's count",
      body: VisitInput, response: { 200: Visit, 201: Visit },
    },
  }, async (req, reply) => {
    const { visit, created } = await service.recordVisit(req.ctx, req.body);
    return reply.code(created ? 201 : 200).send(visit);
  });
  tombstoneRoutes(app, { path: '/api/visits', tags, access: 'visit.write', noun: 'a visit entry', response: Visit, set: service.setVisitArchived });
}
