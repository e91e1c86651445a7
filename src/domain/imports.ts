// Imports and exports (issue 4, item 9): the schemas shared by server and web.
// Decision: docs/decisions/0018-import-export.md.
import { z } from 'zod';
import { IdOrCode, IsoDate } from './common.js';
import { LEARNING_LIMITS } from './learning.js';

export const IMPORT_LIMITS = {
  /** Data rows accepted in one file (a register of a whole oblast fits; 1,000,000 is refused early). */
  rowsMax: 100_000,
  /** Bytes accepted in one upload. */
  bytesMax: 40 * 1024 * 1024,
  /** Row errors answered by a preview (the counts are always complete). */
  errorsShown: 5_000,
  /** An upload not committed is forgotten after this long (it holds personal data). */
  keepHours: 24,
} as const;

/** What can be imported so far (trainings, attendance and visits are to come: decision 0018). */
export const IMPORT_KINDS = ['learners'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Columns of a learner register, in the order the mapping step shows them. */
export const LEARNER_IMPORT_FIELDS = [
  'centre', 'lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'phone', 'iin', 'settlement', 'languages',
  'education', 'employmentStatus', 'registeredUnemployed', 'targetGroups', 'consentDate', 'consentVersion', 'guardianName',
] as const;
export const LEARNER_REQUIRED = ['lastName', 'firstName', 'sex', 'birthDate'] as const;

export const ImportUploadQuery = z.object({
  kind: z.enum(IMPORT_KINDS).describe('What the file holds'),
  centre: IdOrCode.describe('The centre the rows belong to unless a centre column says otherwise (id or code, in your area)'),
});

/** Field → column index (0-based) of the uploaded sheet; a field left out is not imported. */
export const ImportMapping = z.record(z.string().max(40), z.number().int().min(0).max(500).nullable());

export const ImportOptions = z.object({
  mapping: ImportMapping,
  consent: z.object({
    date: IsoDate.describe('When consent was collected (for rows without a consent date)'),
    version: z.string().trim().min(1).max(LEARNING_LIMITS.consentVersionMax).describe('Version of the consent text'),
  }).nullish().describe(
    'Learners without consent columns: the importing user attests that each person consented on paper, on this date, to this text',
  ),
  duplicates: z.enum(['skip', 'import']).default('skip')
    .describe('Rows that likely repeat a person already registered: left out (default) or imported anyway'),
}).describe('How to read the uploaded sheet');

export const ImportUpload = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  centreId: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable().describe('CSV only: utf-8 or windows-1251'),
  delimiter: z.string().nullable().describe('CSV only'),
  columns: z.array(z.string()).describe('The header row'),
  rowCount: z.number(),
  fields: z.array(z.object({ field: z.string(), required: z.boolean() })),
  suggested: ImportMapping.describe('Mapping guessed from the header names (kk/ru/en)'),
});

export const RowIssue = z.object({
  row: z.number().describe('Row number in the sheet (the header is row 1)'),
  column: z.string().nullable().describe('The column header, when the issue is in one cell'),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

export const ImportPreview = z.object({
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  duplicates: z.number().describe('Rows that likely repeat a person already registered (or an earlier row)'),
  toImport: z.number().describe('Rows a commit would write'),
  errors: z.array(RowIssue).describe('Per-row errors, in row order (at most errorsShown)'),
  warnings: z.array(RowIssue).describe('Likely duplicates, in row order (at most errorsShown)'),
  mappingErrors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
});

export const ImportStatus = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(['uploaded', 'running', 'done', 'failed']),
  phase: z.enum(['checking', 'writing']).nullable(),
  processed: z.number(),
  total: z.number(),
  created: z.number(),
  skipped: z.number(),
  errors: z.array(RowIssue),
  errorCount: z.number(),
});

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const ExportFormat = z.object({ format: z.enum(EXPORT_FORMATS).default('xlsx') });

export type ImportUpload = z.infer<typeof ImportUpload>;
export type ImportPreview = z.infer<typeof ImportPreview>;
export type ImportStatus = z.infer<typeof ImportStatus>;
export type RowIssue = z.infer<typeof RowIssue>;
