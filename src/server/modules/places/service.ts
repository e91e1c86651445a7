// Places: where a learner may live, searched across the whole country by any staff role
// (decision 0023). A facilitator's area is their centre, yet their learners live in villages
// all around it and sometimes far away; the names of settlements are no one's personal data.
import type { PlaceKind, PlaceListQuery } from '../../../domain/places.js';
import { assertCan } from '../../auth/access.js';
import type { Ctx } from '../../context.js';
import { searchTerm } from '../../db/paging.js';
import { ancestorsOf, idsOnPath, toRef } from '../org-units/queries.js';
import { referencedUnit } from '../org-units/service.js';
import { listPlacesNationwide } from './queries.js';

/** The region of a unit: the unit just below the country on its path (an oblast or a city of republican significance). */
export function regionPath(path: string): string | null {
  const ids = idsOnPath(path);
  return ids.length >= 2 ? `/${ids[0]}/${ids[1]}/` : null;
}

export async function listPlaces(ctx: Ctx, query: PlaceListQuery) {
  const actor = assertCan(ctx.actor, 'learner.read');
  // `near` must be in one's own area like any reference in a request; it only orders the answer.
  const nearPath = query.near ? (await referencedUnit(ctx.db, actor, query.near, 'near')).path : actor.scopePath;
  const firstUnder = nearPath ? regionPath(nearPath) : null;
  const page = await listPlacesNationwide(ctx.db, {
    search: searchTerm(query.q), firstUnder, limit: query.limit, cursor: query.cursor, locale: ctx.locale,
  });
  const units = await ancestorsOf(ctx.db, page.rows.map((r) => r.path));
  const items = page.rows.map((r) => ({
    ...toRef(r),
    kind: r.kind as PlaceKind, // the query selects these kinds only
    // From the oblast down: the country is the same for every place.
    ancestors: idsOnPath(r.path).slice(1, -1).map((id) => units.get(id)).filter((u) => u !== undefined).map(toRef),
    nearby: r.order_key.startsWith('0'),
  }));
  return { items, nextCursor: page.nextCursor };
}
