// Follow-up and outcome routes (M5), and the network's follow-up intervals.
// Who may: docs/decisions/0014-visits-outcomes.md.
import { IdParams, page } from '../../../domain/common.js';
import {
  FollowUpPage, FollowUpQuery, FollowUpSettings, FollowUpSettingsInput, Outcome, OutcomeInput, OutcomeListQuery, OutcomePatch,
  OutcomeSummary, OutcomeSummaryQuery,
} from '../../../domain/outcomes.js';
import type { App } from '../../app.js';
import { tombstoneRoutes } from '../tombstone-routes.js';
import * as service from './service.js';
import * as settings from './settings.js';
import { worklist } from './worklist.js';

export function outcomeRoutes(app: App): void {
  const tags = ['outcomes'];
  app.get('/api/settings/follow-ups', {
    config: { access: 'outcome.read' },
    schema: { tags, summary: 'The months after a training ends at which follow-ups fall due (default 3, 6, 12)', response: { 200: FollowUpSettings } },
  }, (req) => settings.getFollowUpSettings(req.ctx));
  app.put('/api/settings/follow-ups', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: "Set the network's follow-up intervals (audited)", body: FollowUpSettingsInput, response: { 200: FollowUpSettings } },
  }, (req) => settings.setFollowUpSettings(req.ctx, req.body));
  app.get('/api/follow-ups', {
    config: { access: 'outcome.read' },
    schema: {
      tags, summary: 'Follow-ups due in the centres in scope with no outcome recorded, oldest first',
      querystring: FollowUpQuery, response: { 200: FollowUpPage },
    },
  }, (req) => worklist(req.ctx, req.query));

  app.get('/api/outcomes', {
    config: { access: 'outcome.read' },
    schema: { tags, summary: 'Outcomes recorded in the centres in scope, latest first', querystring: OutcomeListQuery, response: { 200: page(Outcome) } },
  }, (req) => service.listOutcomes(req.ctx, req.query));
  app.get('/api/outcomes/summary', {
    config: { access: 'outcome.read' },
    schema: {
      tags, summary: 'People who found work, a business or a better job (seed 000) and who found a job (seed 001), each once',
      querystring: OutcomeSummaryQuery, response: { 200: OutcomeSummary },
    },
  }, (req) => service.summarise(req.ctx, req.query));
  app.get('/api/outcomes/:id', {
    config: { access: 'outcome.read' },
    schema: { tags, summary: 'One outcome', params: IdParams, response: { 200: Outcome } },
  }, (req) => service.getOutcome(req.ctx, req.params.id));
  app.post('/api/outcomes', {
    config: { access: 'outcome.write' },
    schema: { tags, summary: 'Record an outcome; with trainingId and dueOn it answers that follow-up', body: OutcomeInput, response: { 201: Outcome } },
  }, async (req, reply) => reply.code(201).send(await service.recordOutcome(req.ctx, req.body)));
  app.patch('/api/outcomes/:id', {
    config: { access: 'outcome.write' },
    schema: {
      tags, summary: 'Correct an outcome (learner, training and due date are fixed)', params: IdParams, body: OutcomePatch, response: { 200: Outcome },
    },
  }, (req) => service.updateOutcome(req.ctx, req.params.id, req.body));
  tombstoneRoutes(app, { path: '/api/outcomes', tags, access: 'outcome.write', noun: 'an outcome', response: Outcome, set: service.setOutcomeArchived });
}
