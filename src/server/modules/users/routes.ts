import { SetPasswordBody, User, UserInput, UserListQuery, UserPatch } from '../../../domain/accounts.js';
import { IdParams, VersionBody, page } from '../../../domain/common.js';
import type { App } from '../../app.js';
import * as service from './service.js';

export function userRoutes(app: App): void {
  const tags = ['users'];
  app.get('/api/users', {
    config: { access: 'user.manage' },
    schema: { tags, summary: 'List accounts (admin)', querystring: UserListQuery, response: { 200: page(User) } },
  }, (req) => service.listUsers(req.ctx, req.query));
  app.post('/api/users', {
    config: { access: 'user.manage' },
    schema: { tags, summary: 'Create an account bound to an org unit (admin)', body: UserInput, response: { 201: User } },
  }, async (req, reply) => reply.code(201).send(await service.createUser(req.ctx, req.body)));
  app.get('/api/users/:id', {
    config: { access: 'user.manage' },
    schema: { tags, summary: 'One account (admin)', params: IdParams, response: { 200: User } },
  }, (req) => service.getUser(req.ctx, req.params.id));
  app.patch('/api/users/:id', {
    config: { access: 'user.manage' },
    schema: { tags, summary: 'Change an account\'s name, role, org unit or partner (admin)', params: IdParams, body: UserPatch, response: { 200: User } },
  }, (req) => service.updateUser(req.ctx, req.params.id, req.body));
  app.post('/api/users/:id/password', {
    config: { access: 'user.manage' },
    schema: { tags, summary: 'Reset an account\'s password; ends its sessions (admin)', params: IdParams, body: SetPasswordBody, response: { 200: User } },
  }, (req) => service.setUserPassword(req.ctx, req.params.id, req.body.password));
  app.post('/api/users/:id/deactivate', {
    config: { access: 'user.manage' },
    schema: { tags, summary: 'Deactivate an account; ends its sessions (admin)', params: IdParams, body: VersionBody, response: { 200: User } },
  }, (req) => service.setUserActive(req.ctx, req.params.id, req.body.version, false));
  app.post('/api/users/:id/activate', {
    config: { access: 'user.manage' },
    schema: { tags, summary: 'Activate an account again (admin)', params: IdParams, body: VersionBody, response: { 200: User } },
  }, (req) => service.setUserActive(req.ctx, req.params.id, req.body.version, true));
}
