// The area of a list of centre-owned records (visits, outcomes): the centre or org unit asked
// for (404 when outside the caller's subtree, decision 0003), else the caller's own subtree;
// as a few centre ids (read from each centre's index) or, for a large area, a path prefix.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor, Queryable } from '../context.js';
import { startsWith } from '../db/dialect.js';
import { centresUnder, type LearnerScope } from './learners/queries.js';
import { visibleUnit } from './org-units/service.js';

export type Area = LearnerScope;

export async function areaOf(db: Queryable, actor: Actor, centre: string | undefined): Promise<Area> {
  const unit = centre ? await visibleUnit(db, actor, centre) : null;
  const prefix = unit?.path ?? actor.scopePath;
  if (prefix === null) return null;
  const centreIds = await centresUnder(db, prefix);
  return centreIds ? { centreIds } : { pathPrefix: prefix };
}

/**
 * The condition "in the area" on a query over `table` joined with its centre's org unit as
 * `c` (null: the whole network, no condition).
 */
export function inArea(area: Area, table: 'visits' | 'outcomes' | 'trainings'): Expression<SqlBool> | null {
  if (!area) return null;
  if ('centreIds' in area) {
    return area.centreIds.length ? sql<boolean>`${sql.ref(`${table}.centre_id`)} in (${sql.join(area.centreIds)})` : sql<boolean>`1 = 0`;
  }
  return startsWith(sql.ref('c.path'), area.pathPrefix);
}
