// Who may do what, as the UI needs to know it to show or hide buttons.
// The server decides; these only keep the UI from offering what it would refuse.
import type { Role, User } from './types';

const WRITERS: Role[] = ['admin', 'national', 'regional'];
const PARTNER_WRITERS: Role[] = ['admin', 'national', 'regional', 'centre_manager'];
const CERTIFICATE_REVOKERS: Role[] = ['admin', 'national', 'regional', 'centre_manager'];
const AUDIT_READERS: Role[] = ['admin', 'national', 'regional', 'centre_manager'];
/** Learners are personal data: staff only, each in their own area (STAFF_ROLES in src/domain/accounts.ts). */
const LEARNER_READERS: Role[] = ['admin', 'national', 'regional', 'centre_manager', 'facilitator'];

/** May create, edit, move and archive org units and centres. */
export const canWriteNetwork = (user: User | null | undefined): boolean => !!user && WRITERS.includes(user.role);

/** May edit this centre (a centre manager only their own). */
export function canEditCentre(user: User | null | undefined, centreId: string): boolean {
  if (!user) return false;
  if (WRITERS.includes(user.role)) return true;
  return user.role === 'centre_manager' && user.orgUnitId === centreId;
}

/** May write partners and partnerships. */
export const canWritePartners = (user: User | null | undefined): boolean =>
  !!user && PARTNER_WRITERS.includes(user.role);

export const canReadAudit = (user: User | null | undefined): boolean => !!user && AUDIT_READERS.includes(user.role);
export const isAdmin = (user: User | null | undefined): boolean => user?.role === 'admin';

/** May list, register and edit learners (in their own area). */
export const canReadLearners = (user: User | null | undefined): boolean => !!user && LEARNER_READERS.includes(user.role);

/** May merge two records of one person and undo it: coordinators (learner.merge, decision 0019). */
export const canMergeLearners = (user: User | null | undefined): boolean => !!user && WRITERS.includes(user.role);

/** May revoke a certificate: a centre's manager or a coordinator above it (certificate.revoke, decision 0017). */
export const canRevokeCertificates = (user: User | null | undefined): boolean => !!user && CERTIFICATE_REVOKERS.includes(user.role);

/** The page of a person's own unit: their centre's, or their place in the network. */
export const ownUnitPath = (user: User): string =>
  (user.orgUnit?.kind === 'centre' ? `/centres/${user.orgUnitId}` : `/network/${user.orgUnitId}`);

/** Where a signed-in person starts: a learner at their own learning, staff at their unit. */
export const homePath = (user: User): string => (user.role === 'learner' ? '/my' : ownUnitPath(user));
