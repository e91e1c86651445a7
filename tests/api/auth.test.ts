// Sessions, CSRF, rate limiting, password rules and account management, on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, signIn, testEnv, type Client, type TestEnv } from './harness.js';

describe.each(ENGINES)('accounts on %s', (engine) => {
  let env: TestEnv;
  let admin: Client;
  beforeAll(async () => {
    env = await testEnv(engine);
    admin = await env.as('admin');
  });
  afterAll(() => env.close());

  it('signs in with an httpOnly SameSite cookie and answers me with a CSRF token', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'Regional.VKO', password: 'kerege-demo-2026' } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body).not.toContain('password');
    const me = await (await env.as('regional.vko')).get('/api/auth/me');
    expect(me.body.user).toMatchObject({ username: 'regional.vko', role: 'regional', orgUnit: { code: 'KZ-VOS' } });
    expect(me.body.csrfToken).toEqual(expect.any(String));
    expect((await env.anonymous().get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, even with the cookie', async () => {
    const res = await admin.withoutCsrf().post('/api/org-units', { code: 'X', kind: 'raion', parentId: 'KZ-VOS', name: { kk: 'a', ru: 'a', en: 'a' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf');
  });

  it('rate-limits failed logins per account, with the counter in the database', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await env.anonymous().post('/api/auth/login', { username: 'national', password: 'wrong-password' });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('invalid_credentials');
    }
    const locked = await env.anonymous().post('/api/auth/login', { username: 'national', password: 'kerege-demo-2026' });
    expect(locked.status).toBe(429);
    const rows = await env.db.kysely.selectFrom('login_attempts').selectAll().where('key', '=', 'account:national').execute();
    expect(rows[0].failures).toBe(5);
  });

  it('answers unknown users exactly as wrong passwords', async () => {
    const res = await env.anonymous().withLocale('ru').post('/api/auth/login', { username: 'nobody', password: 'whatever-it-is' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'invalid_credentials', message: 'Неверное имя пользователя или пароль.' });
  });

  it('creates, edits, resets, deactivates an account; a password change revokes sessions', async () => {
    const bad = await admin.post('/api/users', { username: 'a b', displayName: '', password: 'short', role: 'wizard', orgUnitId: 'KZ' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['displayName', 'password', 'role', 'username']);
    const created = await admin.post('/api/users', {
      username: 'aigul.f', displayName: 'Айгүл Серікқызы', password: 'a-long-password', role: 'facilitator', orgUnitId: 'CLC-KORDAI', locale: 'kk',
    });
    expect(created.status).toBe(201);
    expect(created.body.orgUnit.code).toBe('CLC-KORDAI');
    expect(JSON.stringify(created.body)).not.toContain('a-long-password');
    const taken = await admin.post('/api/users', { username: 'AIGUL.F', displayName: 'x', password: 'a-long-password', role: 'learner', orgUnitId: 'KZ' });
    expect(taken.body.fields[0]).toMatchObject({ field: 'username', code: 'username_taken' });
    const employer = await admin.post('/api/users', { username: 'emp.x', displayName: 'x', password: 'a-long-password', role: 'employer', orgUnitId: 'KZ-KAR' });
    expect(employer.body.fields[0]).toMatchObject({ field: 'partnerId', code: 'partner_required' });

    const session = await signIn(env.app, 'aigul.f', 'a-long-password');
    expect((await session.get('/api/auth/me')).status).toBe(200);
    const found = await admin.get('/api/users?q=Айгүл');
    expect(found.body.items.map((u: { username: string }) => u.username)).toContain('aigul.f');
    const reset = await admin.post(`/api/users/${created.body.id}/password`, { password: 'another-long-one' });
    expect(reset.status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(401);

    const again = await signIn(env.app, 'aigul.f', 'another-long-one');
    const own = await again.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'third-long-password' });
    expect(own.body.fields[0]).toMatchObject({ field: 'currentPassword', code: 'wrong_password' });
    expect((await again.put('/api/auth/me/locale', { locale: 'ru' })).body.locale).toBe('ru');

    const user = (await admin.get(`/api/users/${created.body.id}`)).body;
    const off = await admin.post(`/api/users/${user.id}/deactivate`, { version: user.version });
    expect(off.body.active).toBe(false);
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect((await env.anonymous().post('/api/auth/login', { username: 'aigul.f', password: 'another-long-one' })).status).toBe(401);
    const audit = await admin.get(`/api/audit?recordId=${user.id}`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'password', 'archive']));
    expect(JSON.stringify(audit.body)).not.toContain('scrypt$');
  });

  it('refuses oversized bodies and unknown API routes with JSON', async () => {
    const big = await admin.post('/api/partners', { kind: 'ngo', name: { kk: 'x'.repeat(300_000), ru: 'x', en: 'x' }, orgUnitId: 'KZ' });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('too_large');
    const missing = await admin.get('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('sets security headers and documents every route in OpenAPI', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    const doc = JSON.parse(res.body);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/centres', '/api/org-units/{id}', '/api/audit', '/api/users/{id}/password']));
  });
});
