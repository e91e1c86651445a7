// Which of the survivor's empty fields a merge fills from the duplicate. Zod-free, so the web
// app's comparison screen shows exactly what the server will do. Decision 0019.

/**
 * Fields a merge copies from the duplicate where the survivor has none (API name → column).
 * Names, sex, birth date and consent are never copied: the survivor's are the record kept.
 */
export const FILLABLE_FIELDS = {
  middleName: 'middle_name',
  phone: 'phone',
  iin: 'iin',
  settlementId: 'settlement_id',
  education: 'education',
  employmentStatus: 'employment_status',
  languages: 'languages',
  targetGroups: 'target_groups',
  userId: 'user_id',
} as const;
export type FillableField = keyof typeof FILLABLE_FIELDS;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The fields the survivor lacks and the duplicate has: what a merge will fill. */
export function fieldsToFill(survivor: Record<string, unknown>, duplicate: Record<string, unknown>): FillableField[] {
  return (Object.keys(FILLABLE_FIELDS) as FillableField[]).filter((f) => isEmpty(survivor[f]) && !isEmpty(duplicate[f]));
}

