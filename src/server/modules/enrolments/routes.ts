// Enrolment routes (M3). The list names learners, so it is read under 'learner.read'.
import { IdParams, VersionBody } from '../../../domain/common.js';
import { DropResult, EnrolInput, Enrolment, EnrolmentList } from '../../../domain/trainings.js';
import { z } from 'zod';
import type { App } from '../../app.js';
import * as service from './service.js';

export function enrolmentRoutes(app: App): void {
  const tags = ['enrolments'];
  app.get('/api/trainings/:id/enrolments', {
    config: { access: 'learner.read' },
    schema: {
      tags, summary: "The training's learners: status, waiting position, hours attended and the completion rule",
      params: IdParams, response: { 200: EnrolmentList },
    },
  }, (req) => service.listEnrolments(req.ctx, req.params.id));
  app.post('/api/trainings/:id/enrolments', {
    config: { access: 'training.write' },
    schema: {
      tags, summary: 'Enrol learners in order; when the seats run out the rest join the waiting list. All or nothing',
      params: IdParams, body: EnrolInput, response: { 201: z.object({ items: z.array(Enrolment) }) },
    },
  }, async (req, reply) => reply.code(201).send(await service.enrol(req.ctx, req.params.id, req.body)));
  app.post('/api/enrolments/:id/drop', {
    config: { access: 'training.write' },
    schema: {
      tags, summary: 'Drop out, or leave the waiting list; a freed seat goes to the first person waiting',
      params: IdParams, body: VersionBody, response: { 200: DropResult },
    },
  }, (req) => service.dropEnrolment(req.ctx, req.params.id, req.body.version));
  app.post('/api/enrolments/:id/complete', {
    config: { access: 'training.write' },
    schema: {
      tags, summary: "Confirm completion: only when the learner has attended the course's share of the scheduled hours",
      params: IdParams, body: VersionBody, response: { 200: Enrolment },
    },
  }, (req) => service.completeEnrolment(req.ctx, req.params.id, req.body.version));
}
