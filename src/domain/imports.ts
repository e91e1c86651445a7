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

/** What a register can hold. */
export const IMPORT_KINDS = ['learners', 'trainings', 'attendance', 'visits'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Columns of a learner register, in the order the mapping step shows them. */
export const LEARNER_IMPORT_FIELDS = [
  'centre', 'lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'phone', 'iin', 'settlement', 'languages',
  'education', 'employmentStatus', 'registeredUnemployed', 'targetGroups', 'consentDate', 'consentVersion', 'guardianName',
] as const;
export const LEARNER_REQUIRED = ['lastName', 'firstName', 'sex', 'birthDate'] as const;

/** A training register: a row per training of a course at a centre. */
export const TRAINING_IMPORT_FIELDS = ['centre', 'course', 'kind', 'startDate', 'endDate', 'capacity', 'language', 'place', 'note'] as const;
export const TRAINING_REQUIRED = ['course', 'startDate', 'endDate', 'capacity'] as const;

/**
 * An attendance register of ONE training (chosen at upload): a row per person and meeting day
 * (date and mark columns), or a row per person with a column per day headed by its date.
 * The person is named by IIN, or by a full name ("Surname Name"), or by last and first name
 * columns — matched among the people enrolled in the training; a birth date tells namesakes apart.
 */
export const ATTENDANCE_IMPORT_FIELDS = ['iin', 'fullName', 'lastName', 'firstName', 'birthDate', 'date', 'startTime', 'present', 'hours'] as const;
/** Either layout: the date and mark columns are required together, or dated columns instead (kind's own check). */
export const ATTENDANCE_REQUIRED = [] as const;

/**
 * A visit register: a row per day and purpose with a count (anonymous walk-ins), or a row per
 * registered learner's visit (an IIN, count 1).
 */
export const VISIT_IMPORT_FIELDS = ['centre', 'date', 'purpose', 'count', 'iin'] as const;
export const VISIT_REQUIRED = ['date', 'purpose'] as const;

export const IMPORT_FIELDS: Record<ImportKind, readonly string[]> = {
  learners: LEARNER_IMPORT_FIELDS, trainings: TRAINING_IMPORT_FIELDS, attendance: ATTENDANCE_IMPORT_FIELDS, visits: VISIT_IMPORT_FIELDS,
};
export const IMPORT_REQUIRED: Record<ImportKind, readonly string[]> = {
  learners: LEARNER_REQUIRED, trainings: TRAINING_REQUIRED, attendance: ATTENDANCE_REQUIRED, visits: VISIT_REQUIRED,
};

export const ImportUploadQuery = z.object({
  kind: z.enum(IMPORT_KINDS).describe('What the file holds'),
  centre: IdOrCode.describe('The centre the rows belong to unless a centre column says otherwise (id or code, in your area)'),
  training: z.string().max(40).optional().describe('Attendance only: the training whose register this is (id), at that centre'),
}).refine((q) => q.kind !== 'attendance' || Boolean(q.training), { message: 'required', path: ['training'] });

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
    .describe('Rows that likely repeat a person already registered (or a training already scheduled): left out (default) or imported anyway'),
}).describe('How to read the uploaded sheet');

export const ImportUpload = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  centreId: z.string(),
  trainingId: z.string().nullable(),
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
  duplicates: z.number().describe('Rows that likely repeat a person already registered, a training already scheduled, or an earlier row'),
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
