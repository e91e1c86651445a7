// The HTTP application: plugins, the request context, errors in the caller's language,
// the API modules, and the web app's static files with the SPA fallback.
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { assertCan, requireActor, type Permission } from './auth/access.js';
import { authRoutes, loadActor } from './auth/routes.js';
import type { Ctx } from './context.js';
import { HybridClock } from './db/clock.js';
import type { Db } from './db/dialect.js';
import { FeedCache } from './db/feed-cache.js';
import { KeregeError, fieldCode } from './errors.js';
import { pickLocale, translate } from './i18n.js';
import { attendanceRoutes } from './modules/attendance/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { certificateRoutes } from './modules/certificates/routes.js';
import { centreRoutes } from './modules/centres/routes.js';
import { courseRoutes } from './modules/courses/routes.js';
import { enrolmentRoutes } from './modules/enrolments/routes.js';
import { exportRoutes } from './modules/exports/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { importRoutes } from './modules/imports/routes.js';
import { myRoutes } from './modules/my/routes.js';
import { learnerRoutes } from './modules/learners/routes.js';
import { orgUnitRoutes } from './modules/org-units/routes.js';
import { outcomeRoutes } from './modules/outcomes/routes.js';
import { partnerRoutes } from './modules/partners/routes.js';
import { placeRoutes } from './modules/places/routes.js';
import { trainingRoutes } from './modules/trainings/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { visitRoutes } from './modules/visits/routes.js';
import { VERSION } from './version.js';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyRequest { ctx: Ctx; sessionToken: string | null; csrfToken: string | null }
  interface FastifyInstance {
    /** 'METHOD /path' of every API route, for the authorisation test. */
    apiRoutes: string[];
  }
  interface FastifyContextConfig {
    /** The guard, checked before the body is even read: a permission, or who may call at all. */
    access?: Permission | 'public' | 'signed_in';
  }
}

export interface AppOptions {
  db: Db;
  /** Where the built web app is; defaults to dist/web next to the server build. */
  webRoot?: string;
  logger?: boolean;
  /** Where the log goes when `logger` is on (default stdout); tests read it to check what is logged. */
  logStream?: NodeJS.WritableStream;
  demo?: () => Promise<boolean>;
  /** Keep list answers while the database is unchanged (feed-cache.ts); default on. */
  cacheReads?: boolean;
}

const BODY_LIMIT = 256 * 1024;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CSRF_EXEMPT = new Set(['/api/auth/login']);

export async function buildApp(options: AppOptions): Promise<App> {
  const { db } = options;
  const clock = new HybridClock();
  const cache = options.cacheReads === false ? undefined : new FeedCache(db.engine);
  const app = Fastify({
    // Personal data never reaches the log: requests are logged by path only (names travel in
    // the query strings of /api/learners?q= and /api/learners/matches), and a database error's
    // `detail` (PostgreSQL quotes the offending values there) is redacted.
    logger: options.logger ? {
      level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'err.detail'],
      serializers: { req: (r) => ({ method: r.method, url: r.url.split('?')[0] }) },
      ...(options.logStream ? { stream: options.logStream } : {}),
    } : false,
    bodyLimit: BODY_LIMIT,
    trustProxy: process.env.KEREGE_TRUST_PROXY === '1',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API; replies are written with plain JSON.stringify (fast).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  // Over a satellite link every byte counts: API replies are compressed; the web app's files
  // are compressed once at build time (scripts/build.mjs) and served as they are.
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } } });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'], connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"], frameAncestors: ["'none'"], workerSrc: ["'self'"], upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Kerege API', version: VERSION, description: 'Community learning centre network: registry, accounts and audit.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kerege_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req) => {
    // The caller's language: what the request asks for, else the user's saved choice, else English.
    const asked = req.headers['accept-language'] as string | undefined;
    req.ctx = { db: db.kysely, engine: db.engine, clock, actor: null, locale: pickLocale(asked), cache };
    if (!req.url.startsWith('/api/')) return;
    const { actor, csrfToken, token, locale, changeToken } = await loadActor(db.kysely, db.engine, req);
    req.ctx.actor = actor;
    // Read along with the session (one round trip less for cached lists). Only for reads: a
    // request that writes must not be answered from before its own write.
    if (req.method === 'GET' && changeToken !== null) req.ctx.changeToken = changeToken;
    if (!asked && locale) req.ctx.locale = locale;
    req.sessionToken = token;
    req.csrfToken = csrfToken;
    if (STATE_CHANGING.has(req.method) && !CSRF_EXEMPT.has(req.url.split('?')[0]) && actor) {
      if (req.headers['x-csrf-token'] !== csrfToken) throw new KeregeError('csrf');
    }
    const access = req.routeOptions.config?.access;
    if (access === 'signed_in') requireActor(actor);
    else if (access && access !== 'public') assertCan(actor, access);
  });
  app.decorate('apiRoutes', [] as string[]);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push(`${method} ${route.url}`);
  });

  const webRoot = options.webRoot ?? fileURLToPath(new URL('../web/', import.meta.url));
  const hasWeb = existsSync(`${webRoot}/index.html`);
  app.setErrorHandler((error, req, reply) => sendError(error, req, reply));
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || !hasWeb) return sendError(new KeregeError('not_found'), req, reply);
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });

  healthRoutes(app, { engine: db.engine, demo: options.demo ?? (async () => false) });
  authRoutes(app);
  orgUnitRoutes(app);
  centreRoutes(app);
  partnerRoutes(app);
  userRoutes(app);
  auditRoutes(app);
  courseRoutes(app);
  learnerRoutes(app);
  trainingRoutes(app);
  enrolmentRoutes(app);
  attendanceRoutes(app);
  certificateRoutes(app);
  visitRoutes(app);
  outcomeRoutes(app);
  placeRoutes(app);
  importRoutes(app);
  myRoutes(app);
  exportRoutes(app);
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      preCompressed: true,
      setHeaders: (res, path) => {
        const immutable = /[\\/]assets[\\/]/.test(path);
        res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}

function sendError(error: unknown, req: FastifyRequest, reply: FastifyReply) {
  const locale = req.ctx?.locale ?? 'en';
  if (hasZodFastifySchemaValidationErrors(error)) {
    // Each zod issue: keyword = its code, params = its details (minimum, maximum …).
    const fields = error.validation.map((issue) => {
      const params = (issue.params ?? {}) as { minimum?: unknown; maximum?: unknown };
      const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const code = fieldCode(issue.keyword, issue.message);
      return { field, code, message: translate(locale, `errors.field.${code}`, { min: params.minimum, max: params.maximum }) };
    });
    return reply.code(400).send({ code: 'validation', message: translate(locale, 'errors.validation'), fields });
  }
  if (error instanceof KeregeError) {
    const fields = error.fields.map((f) => ({ field: f.field, code: f.code, message: translate(locale, `errors.field.${f.code}`, f.params) }));
    const key = error.code === 'conflict' && error.detail ? `errors.conflict_${error.detail}` : `errors.${error.code}`;
    return reply.code(error.status).send({ code: error.code, message: translate(locale, key), ...(fields.length ? { fields } : {}) });
  }
  const e = error as { statusCode?: number; code?: string };
  if (e.statusCode === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply.code(413).send({ code: 'too_large', message: translate(locale, 'errors.too_large') });
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return reply.code(400).send({ code: 'bad_request', message: translate(locale, 'errors.bad_request') });
  }
  req.log.error({ err: error }, 'unhandled error');
  return reply.code(500).send({ code: 'internal', message: translate(locale, 'errors.internal') });
}

