// Reading register cells the way people write them, for every kind of import: headers matched
// to fields by their names in Kazakh, Russian or English (folded across scripts), dates as
// 31.12.1990 or Excel day numbers, words instead of codes ("ж", "иә", "интернет"), and the
// field-error code of a zod issue. Each kind says which words mean what; this file reads.
import { foldForSearch } from '../../../domain/fold.js';
import { LOCALES } from '../../../domain/common.js';
import { fieldCode } from '../../errors.js';
import { translate } from '../../i18n.js';
import { unguard } from './sheet.js';

/** Field → column index (0-based) of the uploaded sheet. */
export type Mapping = Partial<Record<string, number | null>>;

export const fold = (s: string) => foldForSearch(s);
/** A translation key's text in each language (missing ones left out). */
export const labels = (key: string) => LOCALES.map((l) => translate(l, key)).filter((t) => t !== key);

/**
 * The mapping guessed from the header row: each field to the first column named like it. `words`
 * gives each field's header words; the app's labels under `labelKeys` count as well.
 */
export function suggestMapping(fields: readonly string[], columns: string[], index: Map<string, string>): Record<string, number | null> {
  const mapping: Record<string, number | null> = Object.fromEntries(fields.map((f) => [f, null]));
  columns.forEach((header, i) => {
    const field = index.get(fold(header));
    if (field && mapping[field] === null) mapping[field] = i;
  });
  return mapping;
}

/** folded header word → field, from a kind's words and its label keys (built once per kind). */
export function headerIndex(fields: readonly string[], words: Record<string, string[]>, labelKeys: Record<string, string[]> = {}) {
  const index = new Map<string, string>();
  for (const field of fields) {
    for (const w of [...(words[field] ?? []), ...(labelKeys[field] ?? []).flatMap(labels)]) {
      if (!index.has(fold(w))) index.set(fold(w), field);
    }
  }
  return index;
}

/** folded word → code, from the codes themselves, the app's labels in three languages and extra words. */
export function dictionary(codes: readonly string[], labelKey: (code: string) => string[], extra: Record<string, string[]> = {}) {
  const map = new Map<string, string>();
  for (const code of codes) {
    for (const w of [code, code.replace(/_/g, ' '), ...labelKey(code).flatMap(labels), ...(extra[code] ?? [])]) {
      const k = fold(w);
      if (k && !map.has(k)) map.set(k, code);
    }
  }
  return map;
}

/** Registers repeat the same few words in a column (ер, әйел, иә …): each is folded once. */
const folded = new Map<string, string>();
function foldCell(value: string): string {
  let f = folded.get(value);
  if (f === undefined) {
    f = fold(value);
    if (folded.size > 10_000) folded.clear();
    folded.set(value, f);
  }
  return f;
}
/** The code a word stands for, or the word itself (then the schema refuses it with its own message). */
export const code = (map: Map<string, string>, value: string) => map.get(foldCell(value)) ?? value.trim();
export const codeList = (map: Map<string, string>, value: string) =>
  value.split(/[,;/\n]+/).map((v) => v.trim()).filter(Boolean).map((v) => code(map, v));

let yesNoWords: Map<string, string> | null = null;
/** Marks that folding would erase. */
const YES_MARKS = new Set(['+', '✓', '✔', '1']);
const NO_MARKS = new Set(['-', '−', '–', '0']);
/** Yes and no as registers write them: иә/да/+/1/✓, жоқ/нет/−/0. */
export function yesNo(value: string): boolean | string {
  const v = value.trim();
  if (YES_MARKS.has(v)) return true;
  if (NO_MARKS.has(v)) return false;
  yesNoWords ??= dictionary(['yes', 'no'], (c) => [`learners.${c}`], {
    yes: ['иә', 'ия', 'да', 'true', 'y', 'д', 'болды', 'қатысты', 'присутствовал', 'присутствовала', 'был', 'была', 'present'],
    no: ['жоқ', 'нет', 'false', 'n', 'н', 'болмады', 'қатыспады', 'отсутствовал', 'отсутствовала', 'не был', 'не была', 'absent'],
  });
  const c = code(yesNoWords, v);
  return c === 'yes' ? true : c === 'no' ? false : value;
}

/** 31.12.1990, 31/12/1990, 1990-12-31 (or a date cell), an Excel serial day number → YYYY-MM-DD. */
export function readDate(value: string): string {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(v);
  if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  if (/^\d{4,5}$/.test(v) && Number(v) > 366) {
    return new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000).toISOString().slice(0, 10);
  }
  return v;
}

/** A whole number as a register holds it ("12", "12.0", "12 "), else the text (refused by the schema). */
export function readNumber(value: string): number | string {
  const v = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : value;
}

/** A reader of one row's cells by field: trimmed text without our export guard, null when empty or unmapped. */
export function cellReader(cells: string[], mapping: Mapping) {
  return (field: string): string | null => {
    const i = mapping[field];
    if (i === null || i === undefined) return null;
    const v = unguard(cells[i] ?? '').trim();
    return v === '' ? null : v;
  };
}

/** Our field-error code of a zod issue (the same reading as the API's error handler). */
export const issueCode = (issue: { code: string; message?: string }) => fieldCode(issue.code, issue.message);
