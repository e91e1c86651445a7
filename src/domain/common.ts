// Shared building blocks of the API's zod schemas: limits as named constants,
// multilingual names, pagination and the shapes every record carries.
import { z } from 'zod';
import { UUID_PATTERN } from './ids.js';

export const LIMITS = {
  nameMax: 300,
  codeMax: 40,
  textMax: 2000,
  noteMax: 4000,
  listMax: 200,
  listDefault: 50,
  searchMax: 200,
  aliasesMax: 20,
  passwordMin: 10,
  passwordMax: 200,
  usernameMax: 64,
} as const;

import { LOCALES } from './vocabulary.js';

export { LOCALES };
export type Locale = (typeof LOCALES)[number];
export const Locale = z.enum(LOCALES);

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const Names = z
  .object({
    kk: trimmed(LIMITS.nameMax).describe('Name in Kazakh'),
    ru: trimmed(LIMITS.nameMax).describe('Name in Russian'),
    en: trimmed(LIMITS.nameMax).describe('Name in English'),
  })
  .describe('A name in Kazakh, Russian and English');
export type Names = z.infer<typeof Names>;

export const Code = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.codeMax)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'code_format' })
  .transform((s) => s.toUpperCase())
  .describe('Stable human-readable code: Latin letters, digits, dot, dash, underscore');

/** An id (UUIDv7) or, where the record has one, its code. */
export const IdOrCode = z.string().trim().min(1).max(64).describe('An id or a code');
export const Id = z.string().regex(UUID_PATTERN, { message: 'id_format' }).describe('A UUIDv7 id');

export const optionalText = (max: number = LIMITS.textMax) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const IsoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD');

export const Version = z.string().min(1).max(64).describe('The version read; a stale one answers 409');
export const VersionBody = z.object({ version: Version });

const boolFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const ListQuery = z.object({
  q: z.string().trim().max(LIMITS.searchMax).optional().describe('Search across scripts'),
  limit: z.coerce.number().int().min(1).max(LIMITS.listMax).default(LIMITS.listDefault),
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page'),
  includeArchived: boolFlag.describe('Include archived records'),
});

export const RecordMeta = {
  id: z.string(),
  version: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const IdParams = z.object({ id: IdOrCode });
