// Shapes of the documented API (docs/api.md) as the web app reads them.
import type { Lang, Names } from './names';

// The vocabularies come from the domain (zod-free), shared with the server.
import type { CentreType, Connectivity, OrgUnitKind, PartnerKind, Role } from '../../domain/vocabulary';
export { CENTRE_TYPES, CONNECTIVITY as CONNECTIVITIES, ORG_UNIT_KINDS, PARTNER_KINDS, ROLES } from '../../domain/vocabulary';
export type { CentreType, Connectivity, OrgUnitKind, PartnerKind, Role };

export const LANGS: Lang[] = ['kk', 'ru', 'en'];

interface Tracked {
  version: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UnitRef { id: string; code: string; kind: OrgUnitKind; name: Names }

export interface OrgUnit extends Tracked {
  id: string;
  code: string;
  kind: OrgUnitKind;
  name: Names;
  parentId: string | null;
  aliases: string[];
  lat: number | null;
  lon: number | null;
  depth: number;
  /** Only on GET /api/org-units/:id (and on list items if the server adds it). */
  childCount?: number;
  ancestors?: UnitRef[];
}

export interface Centre extends Tracked {
  id: string;
  code: string;
  type: CentreType;
  name: Names;
  orgUnitId: string;
  ancestors?: UnitRef[];
  address: string | Names | null;
  lat: number | null;
  lon: number | null;
  phone: string | null;
  email: string | null;
  facilitators: string[];
  openedOn: string | null;
  connectivity: Connectivity;
  computers: number | null;
  languages: Lang[];
  openingHours: string | null;
  invented: boolean;
  warnings?: string[];
}

export interface Partner extends Tracked {
  id: string;
  kind: PartnerKind;
  name: Names;
  orgUnitId: string;
  orgUnit?: UnitRef;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  note: string | null;
}

export interface Partnership extends Tracked {
  id: string;
  centreId: string;
  centre: { id: string; code: string; name: Names };
  partnerId: string;
  partner: { id: string; kind: PartnerKind; name: Names };
  role: string;
  startDate: string;
  endDate: string | null;
  note: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  orgUnit?: UnitRef;
  partnerId: string | null;
  locale: Lang | null;
  active: boolean;
  version: string;
}

/** `ownLearning`: a learner record is linked to the account (a learner, or staff who also learn). */
export interface Me { user: User; csrfToken: string; ownLearning: boolean }
export interface Health { status: string; db: string; version: string; demo: boolean }
