// Places (geography as reference data): where a learner may live — a settlement, city, raion
// or oblast anywhere in the country — searched across scripts by every staff role, whatever
// their own area. Only the places' names and their ancestors' names travel; centres (org units
// of kind `centre`) are never among them. Decision: docs/decisions/0023-places.md.
import { z } from 'zod';
import { IdOrCode, LIMITS, Names } from './common.js';
import { OrgUnitRef } from './registry.js';
import { PLAIN_UNIT_KINDS } from './vocabulary.js';

/** The kinds of unit a learner's settlement may be (LearnerInput.settlementId): every unit but the country and centres. */
export const PLACE_KINDS = PLAIN_UNIT_KINDS;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PLACE_LIMITS = {
  listDefault: 20,
  listMax: 50,
} as const;

export const PlaceListQuery = z.object({
  q: z.string().trim().max(LIMITS.searchMax).optional().describe('Search names and aliases across scripts (Өскемен = Oskemen = Усть-Каменогорск)'),
  near: IdOrCode.optional().describe(
    "An org unit in your area (id or code), e.g. the registering centre: the places of its oblast (or city of republican significance) come first. Default: your own unit's",
  ),
  limit: z.coerce.number().int().min(1).max(PLACE_LIMITS.listMax).default(PLACE_LIMITS.listDefault),
  cursor: z.string().max(300).optional().describe('Opaque cursor from the previous page'),
});

export const Place = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(PLACE_KINDS),
  name: Names,
  ancestors: z.array(OrgUnitRef).describe('The units above it, from the oblast down (the country left out)'),
  nearby: z.boolean().describe('In the oblast (or city of republican significance) of `near`'),
}).describe('A settlement, city, raion or oblast, with its ancestors');

export type PlaceListQuery = z.infer<typeof PlaceListQuery>;
