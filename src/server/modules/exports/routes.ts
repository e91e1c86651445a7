// Export routes: every list to XLSX or CSV with the same filters as its list route, under the
// same permission, streamed page by page through the list's own service (so scope, filters
// and order are exactly the list's). Each export is audited — who, which list, which filters,
// how many rows — and never carries names or IINs in its URL: a search text (`q`) is recorded
// only as "a search was used". Decision: docs/decisions/0018-import-export.md.
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { IdParams } from '../../../domain/common.js';
import { CentreListQuery, PartnerListQuery } from '../../../domain/registry.js';
import { LearnerListQuery } from '../../../domain/learning.js';
import { OutcomeListQuery } from '../../../domain/outcomes.js';
import { TrainingListQuery } from '../../../domain/trainings.js';
import { VisitListQuery } from '../../../domain/visits.js';
import { ExportFormat } from '../../../domain/imports.js';
import type { App } from '../../app.js';
import { assertCan, type Permission } from '../../auth/access.js';
import type { Ctx } from '../../context.js';
import { recordEvent } from '../../db/write.js';
import { uuidv7 } from '../../../domain/ids.js';
import * as centres from '../centres/service.js';
import * as enrolments from '../enrolments/service.js';
import * as learners from '../learners/service.js';
import * as outcomes from '../outcomes/service.js';
import * as partners from '../partners/service.js';
import * as trainings from '../trainings/service.js';
import * as visits from '../visits/service.js';
import { COLUMNS, type ListName } from './columns.js';
import { csvWriter, xlsxWriter } from './writers.js';
import { translate } from '../../i18n.js';

const PAGE = 200;
type Page = { items: unknown[]; nextCursor?: string | null };

interface ExportSpec {
  list: ListName;
  permission: Permission;
  /** The list's query schema (the same filters as its list route). */
  query: z.ZodType;
  pages: (ctx: Ctx, query: any, params: any) => AsyncGenerator<unknown[]>;
  path: string;
  params?: z.ZodType;
}

/** Every page of a cursor-paged list service. */
const paged = (fetch: (ctx: Ctx, query: any) => Promise<Page>) => async function* (ctx: Ctx, query: any) {
  let cursor: string | undefined;
  do {
    const page = await fetch(ctx, { ...query, limit: PAGE, cursor });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
};

const SPECS: ExportSpec[] = [
  { list: 'learners', path: '/api/exports/learners', permission: 'learner.read', query: LearnerListQuery, pages: paged(learners.listLearners as never) },
  { list: 'trainings', path: '/api/exports/trainings', permission: 'training.read', query: TrainingListQuery, pages: paged(trainings.listTrainings as never) },
  {
    list: 'enrolments', path: '/api/exports/trainings/:id/enrolments', permission: 'learner.read', query: z.object({}), params: IdParams,
    pages: async function* (ctx, _query, params) { yield (await enrolments.listEnrolments(ctx, params.id)).items; },
  },
  { list: 'visits', path: '/api/exports/visits', permission: 'visit.read', query: VisitListQuery, pages: paged(visits.listVisits as never) },
  { list: 'outcomes', path: '/api/exports/outcomes', permission: 'outcome.read', query: OutcomeListQuery, pages: paged(outcomes.listOutcomes as never) },
  { list: 'centres', path: '/api/exports/centres', permission: 'registry.read', query: CentreListQuery, pages: paged(centres.listCentres as never) },
  { list: 'partners', path: '/api/exports/partners', permission: 'registry.read', query: PartnerListQuery, pages: paged(partners.listPartners as never) },
];

/** The filters as audited: ids, codes and dates; a search text only as "used". */
function auditedFilters(query: Record<string, unknown>, params: Record<string, unknown> | undefined) {
  const out: Record<string, unknown> = { ...(params ?? {}) };
  for (const [key, value] of Object.entries(query)) {
    if (key === 'limit' || key === 'cursor' || key === 'format' || value === undefined || value === false) continue;
    out[key] = key === 'q' ? '[search]' : value;
  }
  return out;
}

const CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

export function exportRoutes(app: App): void {
  for (const spec of SPECS) {
    app.get(spec.path, {
      config: { access: spec.permission },
      schema: {
        tags: ['exports'], summary: `The ${spec.list} list as XLSX or CSV (format=xlsx|csv), with the list's own filters; audited`,
        querystring: ExportFormat.and(spec.query), ...(spec.params ? { params: spec.params } : {}),
      },
    }, async (req, reply) => {
      const ctx = req.ctx;
      const actor = assertCan(ctx.actor, spec.permission);
      const query = req.query as Record<string, unknown> & { format: 'csv' | 'xlsx' };
      const params = req.params as Record<string, unknown> | undefined;
      const pages = spec.pages(ctx, query, params);
      // The first page is read before answering, so that a bad filter or an unknown training
      // is an ordinary error reply, not a broken download.
      const first = await pages.next();
      const out = new PassThrough();
      const writer = query.format === 'csv' ? csvWriter(out) : xlsxWriter(out, translate(ctx.locale, `exports.lists.${spec.list}`));
      const columns = COLUMNS[spec.list];
      const stamp = new Date().toISOString().slice(0, 10);
      void (async () => {
        let rows = 0;
        try {
          await writer.row(columns.map((c) => translate(ctx.locale, `exports.columns.${spec.list}.${c.key}`)));
          const write = async (items: unknown[]) => {
            for (const item of items) { await writer.row(columns.map((c) => c.value(item as never, ctx.locale))); rows++; }
          };
          if (!first.done) await write(first.value);
          for await (const items of pages) await write(items);
          await recordEvent(ctx.db, ctx, {
            action: 'export', table: spec.list, id: uuidv7(), scopeId: actor.orgUnitId,
            details: { list: spec.list, format: query.format, filters: auditedFilters(query, params), rows },
          });
          await writer.end();
        } catch (error) {
          req.log.error({ err: error }, 'export failed');
          out.destroy(error as Error);
        }
      })();
      return reply
        .header('content-type', CONTENT_TYPE[query.format])
        .header('content-disposition', `attachment; filename="${spec.list}-${stamp}.${query.format}"`)
        .header('cache-control', 'no-store')
        .send(out);
    });
  }
}
