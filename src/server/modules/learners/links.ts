// Links (issue 4, item 4): a person already registered at another centre is kept by yours too,
// once they consent again at your centre. The duplicate check hands an out-of-scope match a
// sealed, single-use, short-lived token instead of an id; redeeming it makes the link. From
// then on the learner is in scope for the linked centre (and the coordinators above it) for
// reading, enrolment, visits and outcomes; the home centre does not change.
// Decision: docs/decisions/0019-merge-and-link.md.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { learnerIssues } from '../../../domain/learning.js';
import type { LinkInput } from '../../../domain/merge.js';
import { assertCan, inScope } from '../../auth/access.js';
import type { Actor, Ctx, Queryable } from '../../context.js';
import { isUniqueViolation, startsWith } from '../../db/dialect.js';
import { insertRecord } from '../../db/write.js';
import { KeregeError, invalid } from '../../errors.js';
import { findOrgUnit } from '../org-units/queries.js';

/** How long a token from the duplicate check stays good: long enough to ask the person. */
export const LINK_TOKEN_SECONDS = 15 * 60;
const KEY_SETTING = 'link_token_key';

// ------------------------------------------------------------------ tokens

export interface LinkTokenPayload { learnerId: string; actorId: string; expiresAt: number }

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidText = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export async function linkKey(db: Queryable): Promise<Buffer> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY_SETTING).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'hex');
}

/**
 * AES-256-GCM over learner id, caller id and expiry (36 bytes): opaque (the learner's id
 * does not leak), tamper-evident (the tag) and unguessable. The random IV names the token,
 * so the link it made remembers it and it cannot be used twice.
 */
export function sealLinkToken(key: Buffer, payload: LinkTokenPayload): string {
  const iv = randomBytes(12);
  const plain = Buffer.alloc(36);
  uuidBytes(payload.learnerId).copy(plain, 0);
  uuidBytes(payload.actorId).copy(plain, 16);
  plain.writeUInt32BE(payload.expiresAt, 32);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The token's contents and its id, or null when it was not sealed with this key or was altered. */
export function openLinkToken(key: Buffer, token: string): (LinkTokenPayload & { tokenId: string }) | null {
  if (!/^[A-Za-z0-9_-]{86}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 64) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(48));
    const plain = Buffer.concat([decipher.update(raw.subarray(12, 48)), decipher.final()]);
    return {
      learnerId: uuidText(plain.subarray(0, 16)), actorId: uuidText(plain.subarray(16, 32)),
      expiresAt: plain.readUInt32BE(32), tokenId: raw.subarray(0, 12).toString('hex'),
    };
  } catch {
    return null;
  }
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

// ------------------------------------------------------------------ scope

/** Live links to centres in the actor's area. Nationwide actors see everyone anyway. */
function linksInArea(db: Queryable, actor: Actor) {
  return db.selectFrom('learner_links').innerJoin('org_units as lc', 'lc.id', 'learner_links.centre_id')
    .where('learner_links.deleted_at', 'is', null)
    .where(startsWith(sql.ref('lc.path'), actor.scopePath ?? '/'));
}

/** Of these learners (outside the actor's area by their home centre), the ones linked into it. */
export async function linkedIntoArea(db: Queryable, actor: Actor, learnerIds: string[]): Promise<Set<string>> {
  if (learnerIds.length === 0 || actor.scopePath === null) return new Set();
  const rows = await linksInArea(db, actor).select('learner_links.learner_id')
    .where('learner_links.learner_id', 'in', learnerIds).execute();
  return new Set(rows.map((r) => r.learner_id));
}

/** Whether the learner under `homePath` is visible to the actor: home centre or a link in their area. */
export async function learnerInArea(db: Queryable, actor: Actor, learnerId: string, homePath: string): Promise<boolean> {
  return inScope(actor, homePath) || (await linkedIntoArea(db, actor, [learnerId])).has(learnerId);
}

/** Above this many links into a list's scope, the list filters by a subquery instead of ids. */
const LINKED_IDS_MAX = 500;

/**
 * The learners linked into a list's scope (a few centres, or a path prefix): ids when there
 * are few — the usual case, and none at all where nobody links — or the subquery itself.
 */
export async function linkedIntoScope(db: Queryable, scope: { centreIds: string[] } | { pathPrefix: string }) {
  const links = 'centreIds' in scope
    ? db.selectFrom('learner_links').where('learner_links.centre_id', 'in', scope.centreIds)
    : db.selectFrom('learner_links').innerJoin('org_units as lc', 'lc.id', 'learner_links.centre_id')
      .where(startsWith(sql.ref('lc.path'), scope.pathPrefix));
  const live = links.where('learner_links.deleted_at', 'is', null).select('learner_links.learner_id');
  const rows = await live.limit(LINKED_IDS_MAX + 1).execute();
  return rows.length <= LINKED_IDS_MAX ? rows.map((r) => r.learner_id) : live;
}

// ------------------------------------------------------------------ the link

const badToken = () => invalid('linkToken', 'link_token_invalid');

export async function linkLearner(ctx: Ctx, input: LinkInput) {
  const actor = assertCan(ctx.actor, 'learner.write');
  return ctx.db.transaction().execute(async (tx) => {
    const token = openLinkToken(await linkKey(tx), input.linkToken);
    if (!token || token.actorId !== actor.id) throw badToken();
    if (token.expiresAt < nowSeconds()) throw invalid('linkToken', 'link_token_expired');
    if (await tx.selectFrom('learner_links').select('id').where('token_id', '=', token.tokenId).executeTakeFirst()) {
      throw invalid('linkToken', 'link_token_used');
    }
    const centre = await findOrgUnit(tx, input.centreId);
    if (!centre || centre.kind !== 'centre' || centre.deleted_at || !inScope(actor, centre.path)) throw invalid('centreId', 'unknown_centre');
    const learner = await tx.selectFrom('learners')
      .select(['id', 'centre_id', 'birth_date', 'sex', 'iin', 'deleted_at', 'merged_into']).where('id', '=', token.learnerId).executeTakeFirst();
    // archived or merged since the check: the token no longer names a live record
    if (!learner || learner.deleted_at || learner.merged_into) throw badToken();
    const issues = learnerIssues({ birthDate: learner.birth_date, sex: learner.sex, iin: learner.iin, consent: input.consent })
      .filter((i) => i.path[0] === 'consent');
    if (issues.length) throw new KeregeError('validation', issues.map((i) => ({ field: i.path.join('.'), code: i.code })));
    const existing = await tx.selectFrom('learner_links').select('id')
      .where('learner_id', '=', learner.id).where('centre_id', '=', centre.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (learner.centre_id === centre.id || existing) throw new KeregeError('conflict', [], 'already_linked');
    const values = {
      centre_id: centre.id, learner_id: learner.id, consent_date: input.consent.date, consent_version: input.consent.version,
      consent_recorded_by: actor.id, guardian_name: input.consent.guardianName, token_id: token.tokenId,
    };
    const row = await insertRecord(tx, { ...ctx, actor }, 'learner_links', values, { scopeId: centre.id }).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw invalid('linkToken', 'link_token_used');
      throw error;
    });
    return {
      id: row.id, version: row.version, learnerId: learner.id, centreId: centre.id, createdAt: row.created_at as string,
      consent: { date: values.consent_date, version: values.consent_version, guardianName: values.guardian_name, recordedBy: actor.id },
    };
  });
}
