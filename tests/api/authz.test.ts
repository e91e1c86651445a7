// Every route × every role: allowed or refused, as the access table says. A route missing
// from the table fails this test, so a new route cannot land without deciding who may call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/accounts.js';
import { ENGINES, testEnv, type Client, type TestEnv } from './harness.js';

type Rule = 'public' | 'signed_in' | readonly Role[];
const STAFF = ['admin', 'national', 'regional', 'centre_manager', 'facilitator'] as const;
const REGISTRY_WRITERS = ['admin', 'national', 'regional'] as const;
const PARTNER_WRITERS = ['admin', 'national', 'regional', 'centre_manager'] as const;
const ADMIN = ['admin'] as const;

const ACCESS: Record<string, Rule> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'signed_in',
  'GET /api/auth/me': 'signed_in',
  'PUT /api/auth/me/locale': 'signed_in',
  'POST /api/auth/password': 'signed_in',
  'GET /api/org-units': STAFF,
  'GET /api/org-units/:id': STAFF,
  'POST /api/org-units': REGISTRY_WRITERS,
  'PATCH /api/org-units/:id': REGISTRY_WRITERS,
  'POST /api/org-units/:id/archive': REGISTRY_WRITERS,
  'POST /api/org-units/:id/restore': REGISTRY_WRITERS,
  'GET /api/centres': STAFF,
  'GET /api/centres/map': STAFF,
  'GET /api/centres/:id': STAFF,
  'POST /api/centres': REGISTRY_WRITERS,
  'PATCH /api/centres/:id': PARTNER_WRITERS,
  'POST /api/centres/:id/archive': REGISTRY_WRITERS,
  'POST /api/centres/:id/restore': REGISTRY_WRITERS,
  'GET /api/partners': STAFF,
  'POST /api/partners': PARTNER_WRITERS,
  'GET /api/partners/:id': STAFF,
  'PATCH /api/partners/:id': PARTNER_WRITERS,
  'POST /api/partners/:id/archive': PARTNER_WRITERS,
  'POST /api/partners/:id/restore': PARTNER_WRITERS,
  'GET /api/partnerships': STAFF,
  'POST /api/partnerships': PARTNER_WRITERS,
  'PATCH /api/partnerships/:id': PARTNER_WRITERS,
  'POST /api/partnerships/:id/archive': PARTNER_WRITERS,
  'POST /api/partnerships/:id/restore': PARTNER_WRITERS,
  'GET /api/users': ADMIN,
  'POST /api/users': ADMIN,
  'GET /api/users/:id': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  'POST /api/users/:id/password': ADMIN,
  'POST /api/users/:id/deactivate': ADMIN,
  'POST /api/users/:id/activate': ADMIN,
  'GET /api/audit': ['admin', 'national', 'regional', 'centre_manager'],
  // Learning (decision 0011): every staff role; which record one may touch is the owner's scope.
  'GET /api/courses': STAFF,
  'GET /api/courses/:id': STAFF,
  'POST /api/courses': STAFF,
  'PATCH /api/courses/:id': STAFF,
  'POST /api/courses/:id/archive': STAFF,
  'POST /api/courses/:id/restore': STAFF,
  // Learners are personal data: never employers or learners.
  'GET /api/learners': STAFF,
  'GET /api/learners/matches': STAFF,
  'GET /api/learners/:id': STAFF,
  'POST /api/learners': STAFF,
  'PATCH /api/learners/:id': STAFF,
  'POST /api/learners/:id/archive': STAFF,
  'POST /api/learners/:id/restore': STAFF,
  // One person, counted once (decision 0019): coordinators merge; any staff links with consent.
  'POST /api/learners/:id/merge': REGISTRY_WRITERS,
  'POST /api/learner-merges/:id/undo': REGISTRY_WRITERS,
  'GET /api/learner-merges': STAFF,
  'POST /api/learners/links': STAFF,
  // The learner's record: their trainings and links; removing a link (its centre's or the learner's home area).
  'GET /api/learners/:id/enrolments': STAFF,
  'GET /api/learners/:id/links': STAFF,
  'POST /api/learners/links/:id/archive': STAFF,
  'POST /api/learners/links/:id/restore': STAFF,
  // Trainings, enrolment and attendance (decision 0013): every staff role, each in its own area.
  'GET /api/trainings': STAFF,
  'GET /api/trainings/staff': STAFF,
  'GET /api/trainings/:id': STAFF,
  'POST /api/trainings': STAFF,
  'PATCH /api/trainings/:id': STAFF,
  'POST /api/trainings/:id/archive': STAFF,
  'POST /api/trainings/:id/restore': STAFF,
  'POST /api/trainings/:id/meetings': STAFF,
  'PATCH /api/meetings/:id': STAFF,
  'POST /api/meetings/:id/archive': STAFF,
  'POST /api/meetings/:id/restore': STAFF,
  'GET /api/trainings/:id/enrolments': STAFF,
  'POST /api/trainings/:id/enrolments': STAFF,
  'POST /api/enrolments/:id/drop': STAFF,
  'POST /api/enrolments/:id/complete': STAFF,
  'GET /api/meetings/:id/attendance': STAFF,
  'PUT /api/meetings/:id/attendance': STAFF,
  // Certificates (decision 0017): staff issue, list and download in their own area; revoking
  // a document someone holds is for centre managers and coordinators. Verification is public.
  'POST /api/enrolments/:id/certificate': STAFF,
  'GET /api/certificates': STAFF,
  'GET /api/certificates/:id': STAFF,
  'GET /api/certificates/:id/pdf': STAFF,
  'POST /api/certificates/:id/revoke': ['admin', 'national', 'regional', 'centre_manager'],
  'GET /api/certificates/verify/:code': 'public',
  // Visits and outcomes (decision 0014): every staff role in its own area; the network's
  // follow-up intervals are changed by nationwide roles only.
  'GET /api/visits': STAFF,
  'GET /api/visits/summary': STAFF,
  'GET /api/visits/day': STAFF,
  'PUT /api/visits/day': STAFF,
  'POST /api/visits': STAFF,
  'POST /api/visits/:id/archive': STAFF,
  'POST /api/visits/:id/restore': STAFF,
  'GET /api/settings/follow-ups': STAFF,
  'PUT /api/settings/follow-ups': ['admin', 'national'],
  'GET /api/follow-ups': STAFF,
  'GET /api/outcomes': STAFF,
  'GET /api/outcomes/summary': STAFF,
  'GET /api/outcomes/:id': STAFF,
  'POST /api/outcomes': STAFF,
  'PATCH /api/outcomes/:id': STAFF,
  'POST /api/outcomes/:id/archive': STAFF,
  'POST /api/outcomes/:id/restore': STAFF,
  'GET /api/places': STAFF,
  // Imports and exports (decision 0018): importing registers learners (every staff role, in
  // its own area; only one's own uploads are visible); each export is read under its list's
  // own permission.
  'POST /api/imports': STAFF,
  'POST /api/imports/:id/preview': STAFF,
  'POST /api/imports/:id/commit': STAFF,
  'GET /api/imports/:id': STAFF,
  'GET /api/my/learning': 'signed_in',
  'POST /api/my/learning/seen': 'signed_in',
  'GET /api/exports/learners': STAFF,
  'GET /api/exports/trainings': STAFF,
  'GET /api/exports/trainings/:id/enrolments': STAFF,
  'GET /api/exports/visits': STAFF,
  'GET /api/exports/outcomes': STAFF,
  'GET /api/exports/centres': STAFF,
  'GET /api/exports/partners': STAFF,
};

const DEMO_USER: Record<Role, string> = {
  admin: 'admin', national: 'national', regional: 'regional.vko', centre_manager: 'manager.pushkin',
  facilitator: 'facilitator.kordai', employer: 'employer.yba', learner: 'learner.demo',
};

// Requests that cannot change anything: ids that do not exist, bodies that fail validation.
const SAFE_ID = '0190b4c0-0000-7000-8000-000000000000';
const SAFE_BODY: Record<string, unknown> = {
  'POST /api/auth/logout': undefined,
  'PUT /api/auth/me/locale': { locale: 'xx' },
  'POST /api/auth/password': { currentPassword: '', newPassword: '' },
  'POST /api/auth/login': { username: '', password: '' },
};

describe.each(ENGINES)('authorisation on %s', (engine) => {
  let env: TestEnv;
  const clients = new Map<Role, Client>();
  const routes: string[] = [];
  beforeAll(async () => {
    env = await testEnv(engine);
    for (const role of ROLES) clients.set(role, await env.as(DEMO_USER[role]));
    routes.push(...env.app.apiRoutes);
  });
  afterAll(() => env.close());

  it('has an access rule for every route the app serves', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => !(r in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(Object.entries(ACCESS))('%s', async (route, rule) => {
    const [method, path] = route.split(' ');
    const url = path.replace(':id', SAFE_ID);
    const body = route in SAFE_BODY ? SAFE_BODY[route] : method === 'GET' ? undefined : {};
    const anonymous = await env.anonymous().request(method, url, body);
    if (rule === 'public') expect(anonymous.status, 'anonymous').not.toBe(401);
    else expect(anonymous.status, 'anonymous').toBe(401);
    for (const role of ROLES) {
      if (route === 'POST /api/auth/logout') continue; // would end the shared session; covered below
      const res = await clients.get(role)!.request(method, url, body);
      const allowed = rule === 'public' || rule === 'signed_in' || rule.includes(role);
      if (allowed) expect([401, 403], `${role} should be allowed`).not.toContain(res.status);
      else expect(res.status, `${role} should be refused`).toBe(403);
      expect(res.status, `${role}: never a 500`).toBeLessThan(500);
    }
  });

  it('lets every role sign out', async () => {
    for (const role of ROLES) {
      const client = await env.as(DEMO_USER[role]);
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      expect((await client.get('/api/auth/me')).status).toBe(401);
    }
  });
});
