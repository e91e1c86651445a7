// Sign in and out, who am I, my language, my password.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ChangePasswordBody, LocaleBody, LoginBody, User } from '../../domain/accounts.js';
import type { Locale } from '../../domain/common.js';
import type { App } from '../app.js';
import type { Actor } from '../context.js';
import type { Engine } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { KeregeError } from '../errors.js';
import * as accounts from '../modules/users/service.js';
import { hasOwnLearning } from '../modules/my/service.js';
import { isNationwide } from './access.js';
import { IDLE_TIMEOUT_MS, SESSION_COOKIE, endSession, findSessionUser } from './sessions.js';

const cookieOptions = (secure: boolean) => ({
  path: '/', httpOnly: true, sameSite: 'lax' as const, secure, maxAge: Math.floor(IDLE_TIMEOUT_MS / 1000) * 21,
});

/** The actor behind the request's session cookie, if any. */
export async function loadActor(db: Kysely<Database>, engine: Engine, req: FastifyRequest): Promise<{
  actor: Actor | null; csrfToken: string | null; token: string | null; locale: Locale | null; changeToken: string | null;
}> {
  const token = req.cookies[SESSION_COOKIE];
  const none = { actor: null, csrfToken: null, token: null, locale: null, changeToken: null };
  if (!token) return none;
  const user = await findSessionUser(db, token, engine);
  if (!user || !user.active || user.deleted_at) return none;
  const role = user.role as Actor['role'];
  return {
    actor: { id: user.id, username: user.username, role, orgUnitId: user.org_unit_id, scopePath: isNationwide(role) ? null : user.path, partnerId: user.partner_id },
    csrfToken: user.csrf_token, token, locale: user.locale as Locale, changeToken: String(user.change_token),
  };
}

const Me = z.object({
  user: User, csrfToken: z.string(),
  ownLearning: z.boolean().describe('A learner record is linked to this account: its own learning is at /my'),
});

export function authRoutes(app: App): void {
  const tags = ['auth'];
  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: 'Sign in; sets the session cookie', body: LoginBody, response: { 200: Me } },
  }, async (req, reply) => {
    const { token, csrfToken, user } = await accounts.login(req.ctx, req.body.username, req.body.password, req.ip);
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(req.protocol === 'https'));
    return { user, csrfToken, ownLearning: await hasOwnLearning(req.ctx.db, user.id) };
  });
  app.post('/api/auth/logout', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Sign out (ends this session)', response: { 204: z.null() } },
  }, async (req, reply) => {
    if (!req.ctx.actor || !req.sessionToken) throw new KeregeError('unauthenticated');
    await endSession(req.ctx.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
  app.get('/api/auth/me', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'The signed-in user and the CSRF token for state-changing requests', response: { 200: Me } },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    const me = await accounts.me(req.ctx);
    return { user: me, csrfToken: req.csrfToken!, ownLearning: await hasOwnLearning(req.ctx.db, me.id) };
  });
  app.put('/api/auth/me/locale', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Remember the user\'s language', body: LocaleBody, response: { 200: User } },
  }, (req) => accounts.setOwnLocale(req.ctx, req.body.locale));
  app.post('/api/auth/password', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Change one\'s own password; ends every other session', body: ChangePasswordBody, response: { 204: z.null() } },
  }, async (req, reply) => {
    await accounts.changeOwnPassword(req.ctx, req.body.currentPassword, req.body.newPassword, req.sessionToken!);
    return reply.code(204).send(null);
  });
}
