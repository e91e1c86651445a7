// Which of the survivor's fields a merge fills (the comparison screen and the server share it),
// and link tokens: sealed, opened only with their key, unaltered.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fieldsToFill } from '../../src/domain/merge-fill.js';
import { openLinkToken, sealLinkToken } from '../../src/server/modules/learners/links.js';

describe('fieldsToFill', () => {
  it('fills only what the survivor lacks and the duplicate has', () => {
    const survivor = { middleName: null, phone: '+77011234567', iin: null, languages: [], targetGroups: ['women'], education: '' };
    const duplicate = { middleName: 'Серікұлы', phone: '+77019999999', iin: null, languages: ['kk'], targetGroups: ['farmers'], education: 'higher' };
    expect(fieldsToFill(survivor, duplicate)).toEqual(['middleName', 'education', 'languages']);
    expect(fieldsToFill(duplicate, survivor)).toEqual([]);
  });
});

describe('link tokens', () => {
  const key = randomBytes(32);
  const payload = { learnerId: '0190b4c0-0000-7000-8000-00000000000a', actorId: '0190b4c0-0000-7000-8000-00000000000b', expiresAt: 1_900_000_000 };

  it('opens with its key to what was sealed, and names itself', () => {
    const token = sealLinkToken(key, payload);
    expect(token).toHaveLength(86);
    expect(openLinkToken(key, token)).toMatchObject(payload);
    expect(openLinkToken(key, token)!.tokenId).toMatch(/^[0-9a-f]{24}$/);
    expect(sealLinkToken(key, payload)).not.toBe(token);
  });

  it('does not open with another key, altered, or cut short', () => {
    const token = sealLinkToken(key, payload);
    expect(openLinkToken(randomBytes(32), token)).toBeNull();
    for (let i = 0; i < token.length; i += 7) {
      const altered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(openLinkToken(key, altered), `position ${i}`).toBeNull();
    }
    expect(openLinkToken(key, token.slice(0, 85))).toBeNull();
  });
});
