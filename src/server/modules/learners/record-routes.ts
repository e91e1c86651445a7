// The learner's record: one person's trainings across the network, the centres that keep
// them by a link, and removing a link (decision 0019; docs/api.md, "The learner's record").
import { IdParams } from '../../../domain/common.js';
import { LearnerEnrolmentList, LearnerLinkDetail, LearnerLinkList } from '../../../domain/learner-record.js';
import type { App } from '../../app.js';
import { tombstoneRoutes } from '../tombstone-routes.js';
import { learnerEnrolments, learnerLinks, setLinkArchived } from './record.js';

export function learnerRecordRoutes(app: App): void {
  const tags = ['learners'];
  app.get('/api/learners/:id/enrolments', {
    config: { access: 'learner.read' },
    schema: {
      tags, summary: "A learner's trainings, newest first: status, hours and certificates; a training outside your area is listed without its id",
      params: IdParams, response: { 200: LearnerEnrolmentList },
    },
  }, (req) => learnerEnrolments(req.ctx, req.params.id));
  app.get('/api/learners/:id/links', {
    config: { access: 'learner.read' },
    schema: { tags, summary: 'The centres that keep this learner too, as far as you may remove those links', params: IdParams, response: { 200: LearnerLinkList } },
  }, (req) => learnerLinks(req.ctx, req.params.id));
  // Staff of the linked centre's area or of the learner's home area; after archiving, the
  // linked centre no longer sees the learner.
  tombstoneRoutes(app, { path: '/api/learners/links', tags, access: 'learner.write', noun: 'a link of a learner to another centre', response: LearnerLinkDetail, set: setLinkArchived });
}
