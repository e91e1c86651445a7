// The closed vocabularies of the registry and accounts, with no dependencies, so the web
// app can use them without pulling zod into its bundle. The zod schemas build on these.

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const ROLES = ['admin', 'national', 'regional', 'centre_manager', 'facilitator', 'employer', 'learner'] as const;
export type Role = (typeof ROLES)[number];

export const ORG_UNIT_KINDS = ['country', 'oblast', 'city', 'raion', 'settlement', 'centre'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
/** Kinds created through /api/org-units; centres are created through /api/centres. */
export const PLAIN_UNIT_KINDS = ['oblast', 'city', 'raion', 'settlement'] as const;

/** Which kinds may sit directly under which (the hierarchy rule). */
export const ALLOWED_PARENTS: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  country: [],
  oblast: ['country'],
  city: ['country', 'oblast'],
  raion: ['oblast', 'city'],
  settlement: ['raion', 'city', 'oblast'],
  centre: ['country', 'oblast', 'city', 'raion', 'settlement'],
};

export const CENTRE_TYPES = ['library', 'online_centre', 'clc', 'mobile', 'vet_school', 'ngo'] as const;
export type CentreType = (typeof CENTRE_TYPES)[number];
export const CONNECTIVITY = ['satellite', 'fixed', 'mobile', 'none'] as const;
export type Connectivity = (typeof CONNECTIVITY)[number];
export const PARTNER_KINDS = [
  'employment_centre', 'akimat', 'ngo', 'vet_school', 'business', 'chamber', 'donor', 'migration_department',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
