// One person, counted once: merging duplicates (coordinators) and linking a person registered
// at another centre (any staff, with the person's consent). Decision 0019.
import { z } from 'zod';
import { IdParams } from '../../../domain/common.js';
import { Learner } from '../../../domain/learning.js';
import { LearnerLink, LearnerMergeRecord, LinkInput, MergeInput, MergeListQuery } from '../../../domain/merge.js';
import type { App } from '../../app.js';
import { linkLearner } from './links.js';
import { listMerges, mergeLearners, undoMerge } from './merge.js';

const MergeResult = z.object({ merge: LearnerMergeRecord, survivor: Learner });

export function mergeAndLinkRoutes(app: App): void {
  const tags = ['learners'];
  app.post('/api/learners/:id/merge', {
    config: { access: 'learner.merge' },
    schema: {
      tags, summary: 'Merge this learner (a duplicate) into another record of the same person; both in your area. Undo with /api/learner-merges/{id}/undo',
      params: IdParams, body: MergeInput, response: { 200: MergeResult },
    },
  }, (req) => mergeLearners(req.ctx, req.params.id, req.body));
  app.post('/api/learner-merges/:id/undo', {
    config: { access: 'learner.merge' },
    schema: { tags, summary: 'Undo a merge exactly; 409 when the records changed since', params: IdParams, response: { 200: MergeResult } },
  }, (req) => undoMerge(req.ctx, req.params.id));
  app.get('/api/learner-merges', {
    config: { access: 'learner.read' },
    schema: { tags, summary: 'The merges a learner survived or was merged away by, newest first', querystring: MergeListQuery, response: { 200: z.object({ items: z.array(LearnerMergeRecord) }) } },
  }, (req) => listMerges(req.ctx, req.query));
  app.post('/api/learners/links', {
    config: { access: 'learner.write' },
    schema: {
      tags, summary: 'Keep a learner registered at another centre at yours too, with their consent (a link token from the duplicate check)',
      body: LinkInput, response: { 201: LearnerLink },
    },
  }, async (req, reply) => reply.code(201).send(await linkLearner(req.ctx, req.body)));
}
