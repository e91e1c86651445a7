// Training and meeting routes (M2). Who may: docs/decisions/0013-trainings-attendance.md.
import { IdParams, page } from '../../../domain/common.js';
import {
  Meeting, MeetingInput, MeetingPatch, Training, TrainingDetail, TrainingInput, TrainingListQuery, TrainingPatch, TrainingStaff, TrainingStaffQuery,
} from '../../../domain/trainings.js';
import type { App } from '../../app.js';
import { tombstoneRoutes } from '../tombstone-routes.js';
import * as meetings from './meetings.js';
import * as service from './service.js';

export function trainingRoutes(app: App): void {
  const tags = ['trainings'];
  app.get('/api/trainings/staff', {
    config: { access: 'training.write' },
    schema: {
      tags, summary: 'Who may be named trainer or volunteer at a centre: staff of the centre or of a unit above it',
      querystring: TrainingStaffQuery, response: { 200: TrainingStaff },
    },
  }, (req) => service.trainingStaff(req.ctx, req.query));
  app.get('/api/trainings', {
    config: { access: 'training.read' },
    schema: {
      tags, summary: 'Trainings of the centres in scope, by start date; mine=true: where you are a trainer or volunteer',
      querystring: TrainingListQuery, response: { 200: page(Training) },
    },
  }, (req) => service.listTrainings(req.ctx, req.query));
  app.get('/api/trainings/:id', {
    config: { access: 'training.read' },
    schema: { tags, summary: 'One training with its meetings, enrolment counts and seats left', params: IdParams, response: { 200: TrainingDetail } },
  }, (req) => service.getTraining(req.ctx, req.params.id));
  app.post('/api/trainings', {
    config: { access: 'training.write' },
    schema: { tags, summary: 'Schedule a training of a course at a centre in your area', body: TrainingInput, response: { 201: TrainingDetail } },
  }, async (req, reply) => reply.code(201).send(await service.createTraining(req.ctx, req.body)));
  app.patch('/api/trainings/:id', {
    config: { access: 'training.write' },
    schema: {
      tags, summary: 'Edit a training (the centre is fixed); more seats go to the waiting list at once',
      params: IdParams, body: TrainingPatch, response: { 200: TrainingDetail },
    },
  }, (req) => service.updateTraining(req.ctx, req.params.id, req.body));
  tombstoneRoutes(app, { path: '/api/trainings', tags, access: 'training.write', noun: 'a training', response: TrainingDetail, set: service.setTrainingArchived });

  app.post('/api/trainings/:id/meetings', {
    config: { access: 'training.write' },
    schema: { tags, summary: "Add a meeting within the training's days", params: IdParams, body: MeetingInput, response: { 201: Meeting } },
  }, async (req, reply) => reply.code(201).send(await meetings.createMeeting(req.ctx, req.params.id, req.body)));
  app.patch('/api/meetings/:id', {
    config: { access: 'training.write' },
    schema: { tags, summary: "Edit a meeting; a new length carries over to its marks (audited)", params: IdParams, body: MeetingPatch, response: { 200: Meeting } },
  }, (req) => meetings.updateMeeting(req.ctx, req.params.id, req.body));
  tombstoneRoutes(app, { path: '/api/meetings', tags, access: 'training.write', noun: 'a meeting', response: Meeting, set: meetings.setMeetingArchived });
}
