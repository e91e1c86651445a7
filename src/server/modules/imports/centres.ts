// The centres and trainings an import may name: only those in the importing user's area.
import { inScope } from '../../auth/access.js';
import type { Actor, Queryable } from '../../context.js';
import { findOrgUnit } from '../org-units/queries.js';

/** A live centre in the caller's area (by id or code), or null. */
export async function centreInScope(db: Queryable, actor: Actor, idOrCode: string) {
  const unit = await findOrgUnit(db, idOrCode.trim());
  return unit && unit.kind === 'centre' && !unit.deleted_at && inScope(actor, unit.path) ? unit : null;
}

/** Resolves each distinct centre value of a file once: the centre's id and path, or null. */
export function centreResolver(db: Queryable, actor: Actor) {
  const known = new Map<string, { id: string; path: string } | null>();
  return async (value: string): Promise<{ id: string; path: string } | null> => {
    if (!known.has(value)) {
      const unit = await centreInScope(db, actor, value);
      known.set(value, unit ? { id: unit.id, path: unit.path } : null);
    }
    return known.get(value)!;
  };
}
