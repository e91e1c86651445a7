import { describe, expect, it } from 'vitest';
import { demoOrgUnits, type DemoOrgUnit, type Names } from './geo.js';
import { DEMO_PASSWORD, demoCentres, demoPartners, demoPartnerships, demoUsers, type DemoCentre, type Role } from './network.js';

const units = new Map(demoOrgUnits.map((u) => [u.code, u]));
const centres = new Map(demoCentres.map((c) => [c.code, c]));
const partners = new Map(demoPartners.map((p) => [p.code, p]));

/** The org unit codes from `code` up to the root, `code` first. */
function ancestry(code: string): string[] {
  const chain: string[] = [];
  let cur: string | null = code;
  while (cur !== null) {
    if (chain.includes(cur)) throw new Error(`cycle at ${cur}: ${chain.join(' > ')}`);
    chain.push(cur);
    const unit: DemoOrgUnit | undefined = units.get(cur);
    if (!unit) throw new Error(`unknown org unit ${cur}`);
    cur = unit.parent;
  }
  return chain;
}

/** Today's oblast or republican city that holds an org unit. */
const regionOf = (code: string): string => ancestry(code).at(-2)!;

/** The oblasts of 2004 (seed 002), from today's division. */
const OBLAST_IN_2004: Record<string, string> = {
  'KZ-ZHT': 'KZ-ALM', // Zhetysu was split from Almaty oblast in 2022
  'KZ-ABA': 'KZ-VOS', // Abai from East Kazakhstan
  'KZ-ULT': 'KZ-KAR', // Ulytau from Karaganda
  'KZ-TUR': 'SOUTH-KAZAKHSTAN', // renamed in 2018 when Shymkent left it
  'KZ-SHY': 'SOUTH-KAZAKHSTAN',
};

const inKazakhstan = (lat: number, lon: number): boolean => lat >= 40.5 && lat <= 55.5 && lon >= 46.5 && lon <= 87.4;
const isDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const hasNames = (n: Names): boolean => [n.kk, n.ru, n.en].every((s) => typeof s === 'string' && s.trim().length > 0);

const unesco = demoCentres.filter((c) => demoPartnerships.some((p) => p.centre === c.code && p.partner === 'P-UNESCO-ALA') && c.type === 'clc');
const skf = demoCentres.filter((c) => demoPartnerships.some((p) => p.centre === c.code && p.partner === 'P-SKF'));
const online = demoCentres.filter((c) => c.type === 'online_centre');

describe('demo org units', () => {
  it('has one root, Kazakhstan', () => {
    const roots = demoOrgUnits.filter((u) => u.parent === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ code: 'KZ', kind: 'country', name: { kk: 'Қазақстан', ru: 'Казахстан', en: 'Kazakhstan' } });
  });

  it('has codes unique across org units and centres', () => {
    const codes = [...demoOrgUnits.map((u) => u.code), ...demoCentres.map((c) => c.code)];
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('forms an acyclic tree whose every parent exists', () => {
    for (const u of demoOrgUnits) {
      if (u.parent !== null) expect(units.has(u.parent), `${u.code} → ${u.parent}`).toBe(true);
      expect(ancestry(u.code).at(-1)).toBe('KZ');
    }
  });

  it('lists every parent before its children (loaders create units in array order)', () => {
    const seen = new Set<string>();
    for (const u of demoOrgUnits) {
      if (u.parent !== null) expect(seen.has(u.parent), `${u.code} before ${u.parent}`).toBe(true);
      seen.add(u.code);
    }
  });

  it('nests kinds sensibly and follows the code pattern', () => {
    for (const u of demoOrgUnits) {
      if (u.kind === 'country') continue;
      const parent = units.get(u.parent!)!;
      if (u.kind === 'oblast') expect(parent.kind).toBe('country');
      if (u.kind === 'raion') expect(parent.kind).toBe('oblast');
      if (u.kind === 'city') expect(['country', 'oblast']).toContain(parent.kind);
      if (u.kind === 'settlement') expect(['raion', 'city']).toContain(parent.kind);
      if (u.kind === 'raion' || (u.kind === 'city' && parent.kind === 'oblast')) expect(u.code).toMatch(new RegExp(`^${parent.code}-[A-Z]{3,4}$`));
      if (u.kind === 'settlement') expect(u.code).toMatch(new RegExp(`^${parent.code}-[A-Z]{3,4}$`));
    }
  });

  it('has today\'s 17 oblasts and the 3 cities of republican significance', () => {
    const oblasts = demoOrgUnits.filter((u) => u.kind === 'oblast').map((u) => u.code).sort();
    expect(oblasts).toEqual(
      ['KZ-ABA', 'KZ-AKM', 'KZ-AKT', 'KZ-ALM', 'KZ-ATY', 'KZ-KAR', 'KZ-KUS', 'KZ-KZY', 'KZ-MAN', 'KZ-PAV', 'KZ-SEV', 'KZ-TUR', 'KZ-ULT', 'KZ-VOS', 'KZ-ZAP', 'KZ-ZHA', 'KZ-ZHT'].sort(),
    );
    const republicanCities = demoOrgUnits.filter((u) => u.kind === 'city' && u.parent === 'KZ').map((u) => u.code).sort();
    expect(republicanCities).toEqual(['KZ-ALA', 'KZ-AST', 'KZ-SHY']);
  });

  it('names every unit in three languages, oblasts differently in kk and ru', () => {
    for (const u of demoOrgUnits) {
      expect(hasNames(u.name), u.code).toBe(true);
      if (u.kind === 'oblast') expect(u.name.kk, u.code).not.toBe(u.name.ru);
    }
  });

  it('puts every coordinate inside Kazakhstan', () => {
    for (const u of demoOrgUnits) {
      if (u.kind === 'oblast' || u.kind === 'city' || u.kind === 'country') expect(u.lat, u.code).toBeDefined();
      if (u.lat !== undefined || u.lon !== undefined) expect(inKazakhstan(u.lat!, u.lon!), u.code).toBe(true);
    }
  });

  it('knows Oskemen by its other names', () => {
    const uka = units.get('KZ-VOS-UKA')!;
    expect(uka).toMatchObject({ kind: 'city', parent: 'KZ-VOS', name: { kk: 'Өскемен', ru: 'Усть-Каменогорск', en: 'Oskemen' } });
    expect(uka.aliases).toEqual(expect.arrayContaining(['Ust-Kamenogorsk', 'Ust-Kamenogorsk city']));
  });
});

describe('demo centres', () => {
  it('sit under an existing org unit, near it, inside Kazakhstan', () => {
    for (const c of demoCentres) {
      const parent = units.get(c.parent);
      expect(parent, `${c.code} → ${c.parent}`).toBeDefined();
      expect(['settlement', 'raion', 'city']).toContain(parent!.kind);
      expect(inKazakhstan(c.lat, c.lon), c.code).toBe(true);
      if (parent!.lat !== undefined) {
        expect(Math.abs(c.lat - parent!.lat!), c.code).toBeLessThan(0.3);
        expect(Math.abs(c.lon - parent!.lon!), c.code).toBeLessThan(0.3);
      }
    }
  });

  it('are well formed', () => {
    for (const c of demoCentres) {
      expect(hasNames(c.name), c.code).toBe(true);
      expect(isDate(c.openedOn), `${c.code} ${c.openedOn}`).toBe(true);
      expect(c.languages.length, c.code).toBeGreaterThan(0);
      expect(c.source, c.code).toMatch(/^seed 00[0-4]$/);
      if (c.email !== null) expect(c.email, c.code).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/);
      if (c.computers !== null) expect(c.computers, c.code).toBeGreaterThan(0);
      if (!c.invented) expect(c.source, c.code).not.toBe('');
    }
  });

  it('has the six UNESCO CLCs of seed 002 with their registry contacts', () => {
    expect(unesco.map((c) => c.code).sort()).toEqual(['CLC-AMANBOKTER', 'CLC-KARABULAK', 'CLC-KORDAI', 'CLC-NOGAIBAI', 'CLC-SORTOBE', 'CLC-TARAZ']);
    for (const c of unesco) expect(c).toMatchObject({ type: 'clc', invented: false, source: 'seed 002' });
    expect(centres.get('CLC-KORDAI')).toMatchObject({
      address: 'Building 48, Tole bi street, Kordai village, Kordai rayon, Zhambyl oblast, 485610',
      phone: '8 (32636) 21249',
      email: 'Kordaicomc@mail.kz',
      facilitators: ['Sholpan M. Tikenbayeva'],
    });
    // where the settlements are today
    expect(regionOf(centres.get('CLC-AMANBOKTER')!.parent)).toBe('KZ-ZHT');
    expect(regionOf(centres.get('CLC-KARABULAK')!.parent)).toBe('KZ-ZHT');
    for (const code of ['CLC-KORDAI', 'CLC-NOGAIBAI', 'CLC-SORTOBE', 'CLC-TARAZ']) expect(regionOf(centres.get(code)!.parent)).toBe('KZ-ZHA');
  });

  it('has the 26 SKF CLCs spread over 13 oblasts of 2004 as seed 002 tabulates', () => {
    expect(skf).toHaveLength(26);
    for (const c of skf) expect(c).toMatchObject({ type: 'clc', source: 'seed 002' });
    const counts: Record<string, number> = {};
    for (const c of skf) {
      const today = regionOf(c.parent);
      const then = OBLAST_IN_2004[today] ?? today;
      counts[then] = (counts[then] ?? 0) + 1;
    }
    expect(counts).toEqual({
      'KZ-SEV': 4, 'KZ-AKT': 1, 'KZ-ZAP': 1, 'KZ-ATY': 1, 'KZ-KAR': 1, 'KZ-KUS': 3, 'KZ-KZY': 4,
      'KZ-PAV': 3, 'KZ-ZHA': 1, 'KZ-ALM': 3, 'KZ-AKM': 1, 'SOUTH-KAZAKHSTAN': 1, 'KZ-VOS': 2,
    });
    expect(centres.get('CLC-SKF-PERVOMAI')).toMatchObject({ invented: false, name: { en: 'Pervomai Training Centre' } });
  });

  it('has 45 online centres in today\'s East Kazakhstan, 32/40/43/45 by the end of 2013/14/15/16', () => {
    expect(online).toHaveLength(45);
    for (const c of online) {
      expect(ancestry(c.parent), c.code).toContain('KZ-VOS');
      expect(c).toMatchObject({ invented: true, source: 'seed 001' });
      expect(c.name.kk).toMatch(/ауылдық кітапханасының онлайн орталығы$/);
    }
    const by = (date: string) => online.filter((c) => c.openedOn <= date).length;
    expect([by('2011-12-31'), by('2012-12-31'), by('2013-12-31'), by('2014-12-31'), by('2015-12-31'), by('2016-12-31')]).toEqual([0, 32, 32, 40, 43, 45]);
    expect(online.filter((c) => c.connectivity === 'satellite').length).toBeGreaterThanOrEqual(15);
  });

  it('has the Pushkin Library, its IT-Yurt, the Aktobe library system and a Karaganda centre', () => {
    expect(centres.get('LIB-VOS-PUSHKIN')).toMatchObject({ type: 'library', parent: 'KZ-VOS-UKA', phone: '+7 723 236 1333', email: 'ust_acc@pushkinlibrary.kz', invented: false });
    expect(centres.get('MOB-VOS-ITYURT')).toMatchObject({ type: 'mobile', parent: 'KZ-VOS-UKA', openedOn: '2011-11-01', invented: false });
    expect(centres.get('LIB-AKT-CLS')).toMatchObject({ type: 'library', parent: 'KZ-AKT-AKT', facilitators: ['Bahtly Koshabaeva'], source: 'seed 003' });
    expect(centres.get('LIB-KAR-YOUTH')).toMatchObject({ parent: 'KZ-KAR-KAR', invented: true });
  });
});

describe('demo partners and partnerships', () => {
  it('have unique codes, three names and an existing owner unit', () => {
    expect(partners.size).toBe(demoPartners.length);
    for (const p of demoPartners) {
      expect(hasNames(p.name), p.code).toBe(true);
      expect(units.has(p.orgUnit), `${p.code} → ${p.orgUnit}`).toBe(true);
      expect(p.code).toMatch(/^P-[A-Z0-9-]+$/);
    }
  });

  it('link existing centres and partners with valid, ordered dates and no duplicates', () => {
    const seen = new Set<string>();
    for (const ps of demoPartnerships) {
      const key = `${ps.centre}|${ps.partner}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(centres.has(ps.centre), ps.centre).toBe(true);
      expect(partners.has(ps.partner), ps.partner).toBe(true);
      expect(ps.role.length).toBeGreaterThan(0);
      expect(isDate(ps.startDate), `${key} ${ps.startDate}`).toBe(true);
      if (ps.endDate !== undefined) {
        expect(isDate(ps.endDate)).toBe(true);
        expect(ps.endDate >= ps.startDate, key).toBe(true);
      }
    }
  });

  it('show every seed partnership the demo is built around', () => {
    const has = (centre: string, partner: string) => demoPartnerships.some((p) => p.centre === centre && p.partner === partner);
    for (const partner of ['P-VOS-EMPLOY', 'P-VOS-AMIDO', 'P-VOS-FUTURE', 'P-VOS-ZHASOTAN', 'P-VOS-MIGRATION', 'P-VOS-LIBASSOC']) {
      expect(has('MOB-VOS-ITYURT', partner), partner).toBe(true);
      expect(has('LIB-VOS-PUSHKIN', partner), partner).toBe(true);
    }
    expect(demoPartnerships.find((p) => p.centre === 'MOB-VOS-ITYURT' && p.partner === 'P-EIFL')).toMatchObject({ startDate: '2011-11-01', endDate: '2012-11-30' });
    expect(has('LIB-VOS-PUSHKIN', 'P-UNDP-KZ')).toBe(true);
    for (const partner of ['P-KAR-YBA', 'P-KAR-CHAMBER', 'P-KAR-KCBL', 'P-KAR-KPC', 'P-KAR-KBS']) expect(has('LIB-KAR-YOUTH', partner), partner).toBe(true);
    expect(partners.get('P-KAR-YBA')?.note).toMatch(/60 companies/);
    expect(partners.get('P-KAR-CHAMBER')?.note).toMatch(/100,000\+/);
  });
});

describe('demo users', () => {
  const roles: Role[] = ['admin', 'national', 'regional', 'centre_manager', 'facilitator', 'employer', 'learner'];

  it('give every role a user with the demo password and an existing scope', () => {
    for (const role of roles) expect(demoUsers.some((u) => u.role === role), role).toBe(true);
    expect(new Set(demoUsers.map((u) => u.username)).size).toBe(demoUsers.length);
    for (const u of demoUsers) {
      expect(u.password).toBe(DEMO_PASSWORD);
      expect(units.has(u.orgUnit) || centres.has(u.orgUnit), `${u.username} → ${u.orgUnit}`).toBe(true);
      if (u.partner !== undefined) expect(partners.has(u.partner)).toBe(true);
      expect(u.displayName.trim().length).toBeGreaterThan(0);
    }
  });

  it('scope the named users as the brief says', () => {
    const byName = new Map(demoUsers.map((u) => [u.username, u]));
    const pushkin: DemoCentre = centres.get('LIB-VOS-PUSHKIN')!;
    expect(byName.get('admin')).toMatchObject({ role: 'admin', orgUnit: 'KZ' });
    expect(byName.get('national')).toMatchObject({ role: 'national', orgUnit: 'KZ' });
    expect(byName.get('regional.vko')).toMatchObject({ role: 'regional', orgUnit: 'KZ-VOS' });
    expect(byName.get('manager.pushkin')).toMatchObject({ role: 'centre_manager', orgUnit: pushkin.code });
    expect(byName.get('facilitator.kordai')).toMatchObject({ role: 'facilitator', orgUnit: 'CLC-KORDAI' });
    expect(byName.get('employer.yba')).toMatchObject({ role: 'employer', orgUnit: 'KZ-KAR', partner: 'P-KAR-YBA' });
    expect(byName.get('learner.demo')).toMatchObject({ role: 'learner', orgUnit: 'MOB-VOS-ITYURT' });
  });
});
