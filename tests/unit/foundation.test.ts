// Pure pieces of the foundation: ids, versions, hierarchy rules, Kazakhstan's bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, uuidv7 } from '../../src/domain/ids.js';
import { ALLOWED_PARENTS, ORG_UNIT_KINDS } from '../../src/domain/registry.js';
import { insideKazakhstan } from '../../src/domain/territory.js';
import { HybridClock } from '../../src/server/db/clock.js';
import { idsOnPath } from '../../src/server/modules/org-units/queries.js';

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID', () => {
    const id = uuidv7();
    expect(id).toMatch(UUID_PATTERN);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });
  it('sorts in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('carries the time in its first 48 bits', () => {
    fc.assert(fc.property(fc.integer({ min: 1_600_000_000_000, max: 4_000_000_000_000 }), (ms) => {
      const later = uuidv7(ms + 1000);
      return parseInt(later.replace(/-/g, '').slice(0, 12), 16) >= ms;
    }));
  });
});

describe('hybrid clock', () => {
  it('never goes backwards and passes versions it has seen', () => {
    const clock = new HybridClock('node-a');
    let last = clock.next();
    for (let i = 0; i < 1000; i++) {
      const next = clock.next();
      expect(next > last).toBe(true);
      last = next;
    }
    const future = `${String(Date.now() + 60_000).padStart(13, '0')}-0003-node-b`;
    expect(clock.next(future) > future).toBe(true);
  });
});

describe('hierarchy rules', () => {
  it('puts oblasts under the country, settlements under raions or cities, centres anywhere below the root', () => {
    expect(ALLOWED_PARENTS.oblast).toEqual(['country']);
    expect(ALLOWED_PARENTS.settlement).toContain('raion');
    expect(ALLOWED_PARENTS.raion).not.toContain('settlement');
    expect(ALLOWED_PARENTS.centre).not.toContain('centre');
    expect(ALLOWED_PARENTS.country).toEqual([]);
  });
  it('has no kind that may contain itself (no cycles by kind)', () => {
    for (const kind of ORG_UNIT_KINDS) expect(ALLOWED_PARENTS[kind]).not.toContain(kind);
  });
  it('reads the ids on a materialised path, root first', () => {
    expect(idsOnPath('/a/b/c/')).toEqual(['a', 'b', 'c']);
    expect(idsOnPath('/')).toEqual([]);
  });
  it('knows Kazakhstan\'s extent', () => {
    expect(insideKazakhstan(49.95, 82.61)).toBe(true); // Oskemen
    expect(insideKazakhstan(43.24, 76.9)).toBe(true); // Almaty
    expect(insideKazakhstan(41.3, 69.2)).toBe(false); // Tashkent
    expect(insideKazakhstan(55.75, 37.6)).toBe(false); // Moscow
  });
});
