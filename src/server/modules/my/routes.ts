// The signed-in person's own learning (issue 4, item 2). Any account may ask: the answer holds
// only the learner records linked to that very account (none for most staff).
import { MyLearning, SeenInput } from '../../../domain/my.js';
import type { App } from '../../app.js';
import * as service from './service.js';

export function myRoutes(app: App): void {
  const tags = ['my'];
  app.get('/api/my/learning', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Your own trainings (newest first), new seats from a waiting list, and certificates', response: { 200: MyLearning } },
  }, (req) => service.myLearning(req.ctx));
  app.post('/api/my/learning/seen', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Say that you have seen your new seats (each is told once)', body: SeenInput },
  }, (req) => service.markSeen(req.ctx, req.body.enrolmentIds));
}
