// Learner routes. Names travel in the query string of /matches and /?q= by contract; the
// request logger (app.ts) logs paths without query strings, and nothing here logs a body.
import { IdParams, page } from '../../../domain/common.js';
import { Learner, LearnerInput, LearnerListQuery, LearnerMatchQuery, LearnerMatches, LearnerPatch } from '../../../domain/learning.js';
import type { App } from '../../app.js';
import { tombstoneRoutes } from '../tombstone-routes.js';
import { mergeAndLinkRoutes } from './merge-routes.js';
import { learnerRecordRoutes } from './record-routes.js';
import * as service from './service.js';

export function learnerRoutes(app: App): void {
  const tags = ['learners'];
  app.get('/api/learners', {
    config: { access: 'learner.read' },
    schema: { tags, summary: 'Learners of the centres in scope, in name order; q searches names across scripts', querystring: LearnerListQuery, response: { 200: page(Learner) } },
  }, (req) => service.listLearners(req.ctx, req.query));
  app.get('/api/learners/matches', {
    config: { access: 'learner.read' },
    schema: {
      tags, summary: 'Likely duplicates across the whole network, best first (at most 10); outside your area only "registered elsewhere"',
      querystring: LearnerMatchQuery, response: { 200: LearnerMatches },
    },
  }, (req) => service.findMatches(req.ctx, req.query));
  app.get('/api/learners/:id', {
    config: { access: 'learner.read' },
    schema: { tags, summary: 'One learner', params: IdParams, response: { 200: Learner } },
  }, (req) => service.getLearner(req.ctx, req.params.id));
  app.post('/api/learners', {
    config: { access: 'learner.write' },
    schema: { tags, summary: 'Register a learner at a centre in your area; consent is required', body: LearnerInput, response: { 201: Learner } },
  }, async (req, reply) => reply.code(201).send(await service.createLearner(req.ctx, req.body)));
  app.patch('/api/learners/:id', {
    config: { access: 'learner.write' },
    schema: { tags, summary: 'Edit a learner (new consent is recorded as given to you)', params: IdParams, body: LearnerPatch, response: { 200: Learner } },
  }, (req) => service.updateLearner(req.ctx, req.params.id, req.body));
  tombstoneRoutes(app, { path: '/api/learners', tags, access: 'learner.write', noun: 'a learner', response: Learner, set: service.setLearnerArchived });
  mergeAndLinkRoutes(app);
  learnerRecordRoutes(app);
}
