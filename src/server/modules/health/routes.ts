import { z } from 'zod';
import type { App } from '../../app.js';
import type { Engine } from '../../db/dialect.js';
import { VERSION } from '../../version.js';

export const Health = z.object({
  status: z.literal('ok'),
  db: z.enum(['sqlite', 'postgres']),
  version: z.string(),
  demo: z.boolean().describe('True when the data is the demo network'),
});

export function healthRoutes(app: App, deps: { engine: Engine; demo: () => Promise<boolean> }): void {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['meta'], summary: 'Liveness, database engine, version and whether the data is the demo', response: { 200: Health } },
  }, async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' as const, db: deps.engine, version: VERSION, demo: await deps.demo() };
  });
}
