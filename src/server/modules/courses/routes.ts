import { IdParams, page } from '../../../domain/common.js';
import { Course, CourseInput, CourseListQuery, CoursePatch } from '../../../domain/learning.js';
import type { App } from '../../app.js';
import { tombstoneRoutes } from '../tombstone-routes.js';
import * as service from './service.js';

export function courseRoutes(app: App): void {
  const tags = ['courses'];
  app.get('/api/courses', {
    config: { access: 'course.read' },
    schema: { tags, summary: "The national catalogue and the courses of centres in scope: search, category, catalogue, centre", querystring: CourseListQuery, response: { 200: page(Course) } },
  }, (req) => service.listCourses(req.ctx, req.query));
  app.get('/api/courses/:id', {
    config: { access: 'course.read' },
    schema: { tags, summary: 'One course by id or code', params: IdParams, response: { 200: Course } },
  }, (req) => service.getCourse(req.ctx, req.params.id));
  app.post('/api/courses', {
    config: { access: 'course.write' },
    schema: { tags, summary: "Add a course to the national catalogue (national staff) or to a centre's own courses", body: CourseInput, response: { 201: Course } },
  }, async (req, reply) => reply.code(201).send(await service.createCourse(req.ctx, req.body)));
  app.patch('/api/courses/:id', {
    config: { access: 'course.write' },
    schema: { tags, summary: 'Edit a course (its owner cannot change)', params: IdParams, body: CoursePatch, response: { 200: Course } },
  }, (req) => service.updateCourse(req.ctx, req.params.id, req.body));
  tombstoneRoutes(app, { path: '/api/courses', tags, access: 'course.write', noun: 'a course', response: Course, set: service.setCourseArchived });
}
