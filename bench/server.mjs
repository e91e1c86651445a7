// The server under test, run as a child of bench/run.mjs (fork, IPC): the real app from
// dist/server plus one route, GET /bench/memory, that answers a precomputed body — the
// same centre list the real route answers, fetched once through it and kept parsed, so
// both routes pay the same framework and serialisation costs and differ only by what the
// API does per request (session, scope, queries, shaping).
//
// env: BENCH_DB_URL, BENCH_API_PATH (e.g. /api/centres?orgUnit=KZ-VOS&limit=50),
//      BENCH_USER, BENCH_PASSWORD, BENCH_CACHE=0 (read cache off). Sends {type:'ready', port, cookie, bytes, items} when
//      listening; {type:'stop'} closes it.
import { buildApp } from '../dist/server/app.js';
import { openDatabase } from '../dist/server/db/dialect.js';

const { BENCH_DB_URL: url, BENCH_API_PATH: apiPath, BENCH_USER: username, BENCH_PASSWORD: password } = process.env;

const db = openDatabase(url);
const app = await buildApp({ db, demo: async () => true, cacheReads: process.env.BENCH_CACHE !== '0' });

let memoryBody = null;
app.get('/bench/memory', { config: { access: 'public' } }, async (req, reply) => reply.send(memoryBody));

const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
if (login.statusCode !== 200) throw new Error(`bench server: login as ${username} answered ${login.statusCode}: ${login.body}`);
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const first = await app.inject({ method: 'GET', url: apiPath, headers: { cookie } });
if (first.statusCode !== 200) throw new Error(`bench server: ${apiPath} answered ${first.statusCode}: ${first.body}`);
memoryBody = JSON.parse(first.body);

await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address();
process.send({ type: 'ready', port, cookie, bytes: Buffer.byteLength(first.body), items: memoryBody.items.length });

process.on('message', async (message) => {
  if (message?.type !== 'stop') return;
  await app.close();
  await db.close();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
