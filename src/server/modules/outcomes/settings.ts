// The network's follow-up intervals, kept in the `settings` table under `followup_months` as
// a JSON array ("[3,6,12]"). Settings are technical rows (decision 0002), not records: no
// change feed. A change of this rule is still audited (who, when, before → after), scoped to
// the root unit so that only nationwide roles read it — written here in the same transaction.
import { z } from 'zod';
import { DEFAULT_FOLLOW_UP_MONTHS, FOLLOW_UP_LIMITS, normaliseIntervals } from '../../../domain/followups.js';
import { uuidv7 } from '../../../domain/ids.js';
import type { FollowUpSettingsInput } from '../../../domain/outcomes.js';
import { assertCan } from '../../auth/access.js';
import type { Ctx, Queryable } from '../../context.js';

export const FOLLOW_UP_SETTING = 'followup_months';

const Stored = z.array(z.number().int().min(1).max(FOLLOW_UP_LIMITS.monthsMax)).min(1).max(FOLLOW_UP_LIMITS.intervalsMax);

/** The intervals in force: the stored ones, or the default when none (or a damaged value) is stored. */
export async function followUpMonths(db: Queryable): Promise<{ months: number[]; isDefault: boolean }> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', FOLLOW_UP_SETTING).executeTakeFirst();
  if (row) {
    let value: unknown = null;
    try { value = JSON.parse(row.value); } catch { /* damaged: the default holds */ }
    const parsed = Stored.safeParse(value);
    if (parsed.success) {
      const months = normaliseIntervals(parsed.data);
      return { months, isDefault: months.join() === DEFAULT_FOLLOW_UP_MONTHS.join() };
    }
  }
  return { months: [...DEFAULT_FOLLOW_UP_MONTHS], isDefault: true };
}

export async function getFollowUpSettings(ctx: Ctx) {
  assertCan(ctx.actor, 'outcome.read');
  return followUpMonths(ctx.db);
}

export async function setFollowUpSettings(ctx: Ctx, input: z.infer<typeof FollowUpSettingsInput>) {
  const actor = assertCan(ctx.actor, 'settings.manage');
  return ctx.db.transaction().execute(async (tx) => {
    const before = await followUpMonths(tx);
    if (before.months.join() === input.months.join()) return before;
    const value = JSON.stringify(input.months);
    await tx.insertInto('settings').values({ key: FOLLOW_UP_SETTING, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    const root = await tx.selectFrom('org_units').select('id').where('parent_id', 'is', null).where('kind', '=', 'country').executeTakeFirstOrThrow();
    await tx.insertInto('audit_log').values({
      id: uuidv7(), at: new Date().toISOString(), actor_id: actor.id, actor_username: actor.username, action: 'update',
      table_name: 'settings', row_id: FOLLOW_UP_SETTING, scope_id: root.id,
      before: JSON.stringify({ months: before.months }), after: JSON.stringify({ months: input.months }),
    }).execute();
    return followUpMonths(tx);
  });
}
