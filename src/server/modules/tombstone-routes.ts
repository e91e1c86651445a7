// Archive and undo are the same pair of routes for every record that can be archived.
import { IdParams, VersionBody } from '../../domain/common.js';
import type { z } from 'zod';
import type { App } from '../app.js';
import type { Permission } from '../auth/access.js';
import type { Ctx } from '../context.js';

export function tombstoneRoutes(app: App, options: {
  path: string; tags: string[]; access: Permission; noun: string; response: z.ZodType;
  set: (ctx: Ctx, id: string, version: string, archived: boolean) => Promise<unknown>;
}): void {
  const { path, tags, access, noun, response, set } = options;
  app.post(`${path}/:id/archive`, {
    config: { access },
    schema: { tags, summary: `Archive ${noun} (a tombstone; undo with restore)`, params: IdParams, body: VersionBody, response: { 200: response } },
  }, (req) => set(req.ctx, req.params.id, req.body.version, true));
  app.post(`${path}/:id/restore`, {
    config: { access },
    schema: { tags, summary: `Undo the archiving of ${noun}`, params: IdParams, body: VersionBody, response: { 200: response } },
  }, (req) => set(req.ctx, req.params.id, req.body.version, false));
}
