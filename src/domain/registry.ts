// The network registry (M1): org units, centres, partner organisations and partnerships.
import { z } from 'zod';
import { ALLOWED_PARENTS, CENTRE_TYPES, CONNECTIVITY, ORG_UNIT_KINDS, PARTNER_KINDS, PLAIN_UNIT_KINDS } from './vocabulary.js';
import { Code, IdOrCode, IsoDate, LIMITS, ListQuery, Locale, Names, RecordMeta, Version, optionalText } from './common.js';

export const OrgUnitKind = z.enum(ORG_UNIT_KINDS);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;
export { ALLOWED_PARENTS, CENTRE_TYPES, CONNECTIVITY, ORG_UNIT_KINDS, PARTNER_KINDS, PLAIN_UNIT_KINDS };
export const CentreType = z.enum(CENTRE_TYPES);
export const Connectivity = z.enum(CONNECTIVITY);
export const PartnerKind = z.enum(PARTNER_KINDS);

const Latitude = z.number().min(-90).max(90).describe('Latitude, WGS84 degrees');
const Longitude = z.number().min(-180).max(180).describe('Longitude, WGS84 degrees');
const Aliases = z.array(z.string().trim().min(1).max(LIMITS.nameMax)).max(LIMITS.aliasesMax);

export const OrgUnitInput = z.object({
  code: Code,
  kind: z.enum(PLAIN_UNIT_KINDS),
  parentId: IdOrCode.describe('Parent org unit id or code'),
  name: Names,
  aliases: Aliases.default([]).describe('Other spellings and former names, for search'),
  lat: Latitude.nullish(),
  lon: Longitude.nullish(),
});
// Patches: every field optional and no defaults, so a field left out is left alone.
export const OrgUnitPatch = OrgUnitInput.omit({ kind: true }).partial().extend({ version: Version, aliases: Aliases.optional() });

export const OrgUnitRef = z.object({ id: z.string(), code: z.string(), kind: OrgUnitKind, name: Names });
export const OrgUnit = z.object({
  ...RecordMeta,
  code: z.string(),
  kind: OrgUnitKind,
  name: Names,
  parentId: z.string().nullable(),
  aliases: z.array(z.string()),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  depth: z.number(),
  childCount: z.number().describe('Live children'),
});
export const OrgUnitDetail = OrgUnit.extend({ ancestors: z.array(OrgUnitRef) });
export const OrgUnitListQuery = ListQuery.extend({
  parent: IdOrCode.optional().describe('Only the direct children of this unit'),
  kind: OrgUnitKind.optional(),
});

export const CentreInput = z.object({
  code: Code,
  type: CentreType,
  name: Names,
  orgUnitId: IdOrCode.describe('The settlement, raion, city or oblast the centre is in'),
  address: optionalText(LIMITS.textMax),
  lat: Latitude,
  lon: Longitude,
  phone: optionalText(60),
  email: z.email().max(200).nullish().or(z.literal('').transform(() => null)),
  facilitators: z.array(z.string().trim().min(1).max(LIMITS.nameMax)).max(50).default([]),
  openedOn: IsoDate.nullish(),
  connectivity: Connectivity,
  computers: z.number().int().min(0).max(10000).nullish(),
  languages: z.array(Locale).max(3).default([]),
  openingHours: optionalText(500),
});
export const CentrePatch = CentreInput.partial().extend({
  version: Version,
  facilitators: CentreInput.shape.facilitators.unwrap().optional(),
  languages: CentreInput.shape.languages.unwrap().optional(),
});
export const Centre = z.object({
  ...RecordMeta,
  code: z.string(),
  type: CentreType,
  name: Names,
  orgUnitId: z.string(),
  ancestors: z.array(OrgUnitRef),
  address: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  facilitators: z.array(z.string()),
  openedOn: z.string().nullable(),
  connectivity: Connectivity,
  computers: z.number().nullable(),
  languages: z.array(Locale),
  openingHours: z.string().nullable(),
  invented: z.boolean(),
});
export const CentreWithWarnings = Centre.extend({ warnings: z.array(z.string()) });
export const CentreListQuery = ListQuery.extend({
  orgUnit: IdOrCode.optional().describe('Only centres in this org unit subtree'),
  type: CentreType.optional(),
  connectivity: Connectivity.optional(),
});
export const CentreMapItem = z.object({
  id: z.string(), code: z.string(), type: CentreType, name: Names, lat: z.number(), lon: z.number(),
  oblastId: z.string().nullable(),
});

export const PartnerInput = z.object({
  kind: PartnerKind,
  name: Names,
  orgUnitId: IdOrCode.describe('The org unit that keeps this partner record'),
  address: optionalText(),
  phone: optionalText(60),
  email: z.email().max(200).nullish().or(z.literal('').transform(() => null)),
  website: z.url().max(500).nullish().or(z.literal('').transform(() => null)),
  note: optionalText(LIMITS.noteMax),
});
export const PartnerPatch = PartnerInput.partial().extend({ version: Version });
export const Partner = z.object({
  ...RecordMeta,
  kind: PartnerKind,
  name: Names,
  orgUnitId: z.string(),
  orgUnit: OrgUnitRef.describe('The org unit that keeps this record'),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  note: z.string().nullable(),
});
export const PartnerListQuery = ListQuery.extend({ kind: PartnerKind.optional(), orgUnit: IdOrCode.optional() });

const PartnershipFields = z.object({
  centreId: IdOrCode,
  partnerId: z.string().min(1).max(64),
  role: z.string().trim().min(1).max(LIMITS.nameMax),
  startDate: IsoDate,
  endDate: IsoDate.nullish(),
  note: optionalText(LIMITS.noteMax),
});
const endAfterStart = (p: { startDate?: string; endDate?: string | null }) =>
  !p.startDate || !p.endDate || p.endDate >= p.startDate;
export const PartnershipInput = PartnershipFields.refine(endAfterStart, {
  message: 'end_before_start', path: ['endDate'],
});
export const PartnershipPatch = PartnershipFields.partial()
  .extend({ version: Version })
  .refine(endAfterStart, { message: 'end_before_start', path: ['endDate'] });
export const Partnership = z.object({
  ...RecordMeta,
  centreId: z.string(),
  centre: z.object({ id: z.string(), code: z.string(), name: Names }),
  partnerId: z.string(),
  partner: z.object({ id: z.string(), kind: PartnerKind, name: Names }),
  role: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  note: z.string().nullable(),
});
export const PartnershipListQuery = ListQuery.extend({
  centre: IdOrCode.optional(),
  partner: z.string().max(64).optional(),
});

export type OrgUnitInput = z.infer<typeof OrgUnitInput>;
export type CentreInput = z.infer<typeof CentreInput>;
export type PartnerInput = z.infer<typeof PartnerInput>;
export type PartnershipInput = z.infer<typeof PartnershipInput>;
