// Who may do what, and where. Roles decide the verbs; the actor's org unit decides the
// subtree. Out-of-scope records are reported as missing (404), never as forbidden.
import { NATIONWIDE_ROLES, STAFF_ROLES, type Role } from '../../domain/accounts.js';
import type { Actor } from '../context.js';
import { KeregeError, forbidden, notFound } from '../errors.js';

export const PERMISSIONS = {
  'registry.read': STAFF_ROLES,
  'orgUnit.write': ['admin', 'national', 'regional'],
  'centre.create': ['admin', 'national', 'regional'],
  'centre.edit': ['admin', 'national', 'regional', 'centre_manager'],
  'centre.archive': ['admin', 'national', 'regional'],
  'partner.write': ['admin', 'national', 'regional', 'centre_manager'],
  'user.manage': ['admin'],
  'audit.read': ['admin', 'national', 'regional', 'centre_manager'],
  // Learning (decision 0011). Courses: every staff role reads the catalogue and may add its
  // own unit's courses; which course one may change is decided by its owner's place in the tree.
  'course.read': STAFF_ROLES,
  'course.write': STAFF_ROLES,
  // Learners are personal data: scoped staff only — never employers or learners (they get
  // their own narrower routes later). Registering is the facilitator's daily work.
  'learner.read': STAFF_ROLES,
  'learner.write': STAFF_ROLES,
  // Merging two records of one person (and undoing it) rewrites records of several centres:
  // coordinators only, both records in their area (decision 0019).
  'learner.merge': ['admin', 'national', 'regional'],
  // Importing a register (decision 0018): staff; each kind also needs its own write permission.
  'import.write': STAFF_ROLES,
  // Trainings (decision 0013). Scheduling, enrolling and taking attendance are the daily work
  // of every centre's staff (many rural centres have one facilitator and no manager); which
  // training one may touch is decided by its centre's place in the tree. Lists that name
  // learners (enrolments, attendance sheets) are read under 'learner.read'.
  'training.read': STAFF_ROLES,
  'training.write': STAFF_ROLES,
  'attendance.write': STAFF_ROLES,
  // Visits and outcomes (decision 0014). Counting walk-ins and following learners up are a
  // centre's daily work, each in its own area. Visit lists name learners and outcomes say
  // what became of a person: staff only, never employers or learners. The follow-up
  // intervals are one rule for the whole network: only nationwide roles change them.
  'visit.read': STAFF_ROLES,
  'visit.write': STAFF_ROLES,
  'outcome.read': STAFF_ROLES,
  'outcome.write': STAFF_ROLES,
  'settings.manage': ['admin', 'national'],
  // Certificates (decision 0017). Issuing is part of completing a course: every staff role, in
  // its own area. A certificate names a person: listing and downloading are staff only.
  // Revoking takes back a document someone holds: a centre's manager or a coordinator above
  // it, not the facilitator who issued it (a centre with no manager asks its oblast).
  'certificate.read': STAFF_ROLES,
  'certificate.issue': STAFF_ROLES,
  'certificate.revoke': ['admin', 'national', 'regional', 'centre_manager'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new KeregeError('unauthenticated');
  return actor;
}

/** The signed-in actor, if their role grants `permission`; 401 or 403 otherwise. */
export function assertCan(actor: Actor | null, permission: Permission): Actor {
  const a = requireActor(actor);
  if (!(PERMISSIONS[permission] as readonly Role[]).includes(a.role)) throw forbidden();
  return a;
}

export const isNationwide = (role: Role) => NATIONWIDE_ROLES.includes(role);

/** Whether a record under `path` is inside the actor's subtree. */
export function inScope(actor: Actor, path: string): boolean {
  return actor.scopePath === null || path.startsWith(actor.scopePath);
}

/** 404 unless the record under `path` is in the actor's subtree. */
export function assertInScope(actor: Actor, path: string): void {
  if (!inScope(actor, path)) throw notFound();
}

/**
 * Writes below the top of one's own subtree: a regional coordinator manages the raions,
 * settlements and centres of the oblast, but cannot move or archive the oblast itself.
 */
export function assertWritable(actor: Actor, path: string, { allowOwnRoot = false } = {}): void {
  assertInScope(actor, path);
  if (!allowOwnRoot && actor.scopePath !== null && path === actor.scopePath) throw forbidden();
}
