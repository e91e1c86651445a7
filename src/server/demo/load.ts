// Loads the demo network (docs/demo-data.md) through the same services as the API, so the
// demo rows carry versions, change-feed entries and audit like any other record.
import { sortKeys } from '../../domain/collate.js';
import type { Ctx } from '../context.js';
import { insertRecord } from '../db/write.js';
import { createCentre } from '../modules/centres/service.js';
import { createOrgUnit, unitSearchKey } from '../modules/org-units/service.js';
import { createPartner, createPartnership } from '../modules/partners/service.js';
import { createUser } from '../modules/users/service.js';
import { demoOrgUnits } from './geo.js';
import { DEMO_PASSWORD, demoCentres, demoPartners, demoPartnerships, demoUsers } from './network.js';
import { loadDemoRecords, type RecordCounts } from './records-load.js';

export const DEMO_SETTING = 'demo_loaded';

/** The system acting as a nationwide admin while it loads the demo. */
function systemCtx(ctx: Ctx): Ctx {
  return { ...ctx, actor: { id: 'system', username: 'system', role: 'admin', orgUnitId: '', scopePath: null, partnerId: null } };
}

export async function ensureRoot(ctx: Ctx): Promise<void> {
  const root = await ctx.db.selectFrom('org_units').select('id').where('code', '=', 'KZ').executeTakeFirst();
  if (root) return;
  const names = { kk: 'Қазақстан', ru: 'Казахстан', en: 'Kazakhstan' };
  await ctx.db.transaction().execute(async (tx) => {
    const id = (await import('../../domain/ids.js')).uuidv7();
    await insertRecord(tx, systemCtx(ctx), 'org_units', {
      code: 'KZ', kind: 'country', parent_id: null, path: `/${id}/`, depth: 0, name_kk: names.kk, name_ru: names.ru, name_en: names.en, ...sortKeys(names),
      aliases: JSON.stringify(['Qazaqstan', 'Kazakstan']), lat: 48.0, lon: 67.0, search_key: unitSearchKey('KZ', names, ['Qazaqstan', 'Kazakstan']),
    }, { id });
  });
}

export async function isDemo(ctx: Ctx): Promise<boolean> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', DEMO_SETTING).executeTakeFirst();
  return row?.value === '1';
}

/** True when the database holds no centres and no accounts yet. */
export async function isEmpty(ctx: Ctx): Promise<boolean> {
  const centre = await ctx.db.selectFrom('centres').select('id').limit(1).executeTakeFirst();
  const user = await ctx.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !centre && !user;
}

/**
 * The demo network, then (unless `records: false`) its learning records: people, trainings,
 * attendance, visits and outcomes from which the seeds' figures follow (records.ts).
 */
export async function loadDemo(
  ctx: Ctx, { records = true }: { records?: boolean } = {},
): Promise<{ units: number; centres: number; partners: number; users: number; records: RecordCounts | null }> {
  const sys = systemCtx(ctx);
  await ensureRoot(ctx);
  for (const unit of demoOrgUnits) {
    if (unit.kind === 'country') continue;
    await createOrgUnit(sys, {
      code: unit.code, kind: unit.kind, parentId: unit.parent!, name: unit.name, aliases: unit.aliases ?? [],
      lat: unit.lat ?? null, lon: unit.lon ?? null,
    });
  }
  for (const c of demoCentres) {
    await createCentre(sys, {
      code: c.code, type: c.type, name: c.name, orgUnitId: c.parent, address: c.address, lat: c.lat, lon: c.lon, phone: c.phone,
      email: c.email, facilitators: c.facilitators, openedOn: c.openedOn, connectivity: c.connectivity, computers: c.computers,
      languages: c.languages, openingHours: c.openingHours,
    }, { invented: c.invented });
  }
  const partnerIds = new Map<string, string>();
  for (const p of demoPartners) {
    const created = await createPartner(sys, {
      kind: p.kind, name: p.name, orgUnitId: p.orgUnit, address: p.address ?? null, phone: p.phone ?? null,
      email: p.email ?? null, website: p.website ?? null, note: p.note ?? null,
    });
    partnerIds.set(p.code, created.id);
  }
  for (const ps of demoPartnerships) {
    await createPartnership(sys, {
      centreId: ps.centre, partnerId: partnerIds.get(ps.partner)!, role: ps.role, startDate: ps.startDate,
      endDate: ps.endDate ?? null, note: ps.note ?? null,
    });
  }
  for (const u of demoUsers) {
    await createUser(sys, {
      username: u.username, displayName: u.displayName, password: u.password ?? DEMO_PASSWORD, role: u.role,
      orgUnitId: u.orgUnit, partnerId: u.partner ? partnerIds.get(u.partner) : null, locale: 'kk',
    }, { checkActor: false });
  }
  const written = records ? await loadDemoRecords(sys) : null;
  await ctx.db.insertInto('settings').values({ key: DEMO_SETTING, value: '1' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' })).execute();
  return { units: demoOrgUnits.length, centres: demoCentres.length, partners: demoPartners.length, users: demoUsers.length, records: written };
}
