// A learner register row → the API's learner input. Headers are matched to fields by their
// names in Kazakh, Russian or English (the words people write, the app's own labels and our
// exports' headers, folded across scripts); cell values are read the way registers write
// them (31.12.1990, "ж"/"әйел"/"жен", "иә"/"да", labels instead of codes). The result goes
// through the very schema the API uses (LearnerInput), so an imported learner obeys the same
// rules as a registered one.
import { foldForSearch } from '../../../domain/fold.js';
import { LEARNER_IMPORT_FIELDS, LEARNER_REQUIRED } from '../../../domain/imports.js';
import {
  EDUCATION, EMPLOYMENT_STATUS, LEARNER_LANGUAGES, LearnerInput, SEX, TARGET_GROUPS,
} from '../../../domain/learning.js';
import { LOCALES } from '../../../domain/common.js';
import { translate } from '../../i18n.js';
import { unguard } from './sheet.js';

export type LearnerField = (typeof LEARNER_IMPORT_FIELDS)[number];
export type Mapping = Partial<Record<string, number | null>>;

const fold = (s: string) => foldForSearch(s);
const labels = (key: string) => LOCALES.map((l) => translate(l, key)).filter((t) => t !== key);

/** Header words for each field, beyond the app's own labels. */
const HEADER_WORDS: Record<LearnerField, string[]> = {
  centre: ['centre', 'center', 'centre code', 'орталық', 'орталық коды', 'центр', 'код центра'],
  lastName: ['last name', 'surname', 'family name', 'тегі', 'фамилия'],
  firstName: ['first name', 'given name', 'name', 'аты', 'есімі', 'имя'],
  middleName: ['middle name', 'patronymic', 'әкесінің аты', 'әкесінің есімі', 'отчество'],
  sex: ['sex', 'gender', 'жынысы', 'пол'],
  birthDate: ['birth date', 'date of birth', 'dob', 'birthday', 'туған күні', 'туған жылы', 'дата рождения'],
  phone: ['phone', 'telephone', 'mobile', 'phone number', 'телефон', 'тел', 'телефон нөмірі', 'номер телефона'],
  iin: ['iin', 'жсн', 'иин'],
  settlement: ['settlement', 'village', 'place', 'елді мекен', 'ауыл', 'населенный пункт', 'село'],
  languages: ['languages', 'тілдер', 'тілі', 'языки'],
  education: ['education', 'білімі', 'образование'],
  employmentStatus: ['employment', 'employment status', 'жұмыспен қамтылуы', 'занятость'],
  registeredUnemployed: ['registered unemployed', 'жұмыссыз ретінде тіркелген', 'на учете в центре занятости'],
  targetGroups: ['target groups', 'target group', 'мақсатты топтар', 'мақсатты топ', 'целевые группы', 'целевая группа'],
  consentDate: ['consent date', 'келісім күні', 'дата согласия'],
  consentVersion: ['consent version', 'келісім нұсқасы', 'версия согласия'],
  guardianName: ['guardian', 'guardian name', 'қамқоршы', 'заңды өкіл', 'опекун', 'законный представитель'],
};

/** The app's label keys of each field (the register form's and the learner export's). */
const LABEL_KEYS: Partial<Record<LearnerField, string[]>> = {
  centre: ['learners.centre'], lastName: ['learners.lastName'], firstName: ['learners.firstName'],
  middleName: ['learners.middleName'], sex: ['learners.sex'], birthDate: ['learners.birthDate'], phone: ['learners.phone'],
  iin: ['learners.iin'], settlement: ['learners.settlement'], languages: ['learners.languagesLabel'], education: ['learners.education'],
  employmentStatus: ['learners.employmentStatus'], registeredUnemployed: ['learners.registeredUnemployed'],
  targetGroups: ['learners.targetGroupsLabel'],
};

let headerIndex: Map<string, LearnerField> | null = null;
function headerWords(): Map<string, LearnerField> {
  if (headerIndex) return headerIndex;
  headerIndex = new Map();
  for (const field of LEARNER_IMPORT_FIELDS) {
    const words = [...HEADER_WORDS[field], ...(LABEL_KEYS[field] ?? []).flatMap(labels), ...labels(`exports.columns.learners.${field}`)];
    for (const w of words) if (!headerIndex.has(fold(w))) headerIndex.set(fold(w), field);
  }
  return headerIndex;
}

/** The mapping guessed from the header row: each field to the first column named like it. */
export function suggestMapping(columns: string[]): Record<string, number | null> {
  const words = headerWords();
  const mapping: Record<string, number | null> = Object.fromEntries(LEARNER_IMPORT_FIELDS.map((f) => [f, null]));
  columns.forEach((header, i) => {
    const field = words.get(fold(header));
    if (field && mapping[field] === null) mapping[field] = i;
  });
  return mapping;
}

export const learnerFields = () => LEARNER_IMPORT_FIELDS.map((field) => ({ field, required: (LEARNER_REQUIRED as readonly string[]).includes(field) }));

// ------------------------------------------------------------------ values

/** folded word → code, from the codes themselves, the app's labels in three languages and extra words. */
function dictionary(codes: readonly string[], labelKey: (code: string) => string[], extra: Record<string, string[]> = {}) {
  const map = new Map<string, string>();
  for (const code of codes) {
    for (const w of [code, code.replace(/_/g, ' '), ...labelKey(code).flatMap(labels), ...(extra[code] ?? [])]) {
      const k = fold(w);
      if (k && !map.has(k)) map.set(k, code);
    }
  }
  return map;
}

let dicts: ReturnType<typeof buildDicts> | null = null;
function buildDicts() {
  return {
    sex: dictionary(SEX, (c) => [`learners.sexes.${c}`], {
      male: ['m', 'м', 'ер', 'еркек', 'ер адам', 'муж', 'мужской', 'man'],
      female: ['f', 'ж', 'әйел', 'жен', 'женский', 'woman'],
    }),
    languages: dictionary(LEARNER_LANGUAGES, (c) => [`learners.languages.${c}`, `lang.${c}`], {
      kk: ['қазақ', 'қазақша', 'казахский', 'kazakh', 'қаз', 'каз'], ru: ['орыс', 'орысша', 'русский', 'russian', 'рус'],
      en: ['ағылшын', 'английский', 'english', 'англ'],
    }),
    education: dictionary(EDUCATION, (c) => [`learners.educations.${c}`]),
    employment: dictionary(EMPLOYMENT_STATUS, (c) => [`learners.employment.${c}`]),
    targetGroups: dictionary(TARGET_GROUPS, (c) => [`learners.targetGroups.${c}`]),
    yesNo: dictionary(['yes', 'no'], (c) => [`learners.${c}`], {
      yes: ['иә', 'ия', 'да', 'true', '1', 'y', 'д', '+'], no: ['жоқ', 'нет', 'false', '0', 'n', 'н', '-'],
    }),
  };
}
const dict = () => (dicts ??= buildDicts());

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
const code = (map: Map<string, string>, value: string) => map.get(foldCell(value)) ?? value.trim();
const list = (map: Map<string, string>, value: string) =>
  value.split(/[,;/\n]+/).map((v) => v.trim()).filter(Boolean).map((v) => code(map, v));

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

export interface RowContext {
  defaultCentre: string;
  consent: { date: string; version: string } | null;
}

/** The learner input a row stands for (not yet validated), and which column each field came from. */
export function rowToInput(cells: string[], mapping: Mapping, c: RowContext): Record<string, unknown> {
  const cell = (field: LearnerField): string | null => {
    const i = mapping[field];
    if (i === null || i === undefined) return null;
    const v = unguard(cells[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const d = dict();
  const text = (field: LearnerField) => cell(field) ?? undefined;
  const iin = cell('iin');
  const sex = cell('sex');
  const birth = cell('birthDate');
  const consentDate = cell('consentDate');
  const consentVersion = cell('consentVersion');
  const languages = cell('languages');
  const groups = cell('targetGroups');
  const education = cell('education');
  const employment = cell('employmentStatus');
  const registered = cell('registeredUnemployed');
  return {
    centreId: cell('centre') ?? c.defaultCentre,
    lastName: text('lastName'),
    firstName: text('firstName'),
    middleName: cell('middleName'),
    sex: sex === null ? undefined : code(d.sex, sex),
    birthDate: birth === null ? undefined : readDate(birth),
    phone: cell('phone'),
    // a spreadsheet keeps an IIN as a number and drops its leading zero (born 2000–2009)
    iin: iin === null ? null : /^\d{11}$/.test(iin) ? `0${iin}` : iin,
    settlementId: cell('settlement'),
    languages: languages === null ? [] : list(d.languages, languages),
    education: education === null ? null : code(d.education, education),
    employmentStatus: employment === null ? null : code(d.employment, employment),
    registeredUnemployed: registered === null ? false : code(d.yesNo, registered) === 'yes' ? true : code(d.yesNo, registered) === 'no' ? false : registered,
    targetGroups: groups === null ? [] : list(d.targetGroups, groups),
    consent: {
      date: consentDate !== null ? readDate(consentDate) : consentVersion === null ? c.consent?.date : undefined,
      version: consentVersion ?? (consentDate === null ? c.consent?.version : undefined),
      guardianName: cell('guardianName'),
    },
  };
}

/** The import field an API field path belongs to (consent.date → consentDate …). */
export function fieldOfPath(path: PropertyKey[]): LearnerField {
  const [first, second] = path.map(String);
  if (first === 'centreId') return 'centre';
  if (first === 'settlementId') return 'settlement';
  if (first === 'consent') return second === 'version' ? 'consentVersion' : second === 'guardianName' ? 'guardianName' : 'consentDate';
  return (LEARNER_IMPORT_FIELDS as readonly string[]).includes(first) ? (first as LearnerField) : 'lastName';
}

/** Our field-error codes from a zod issue (the same reading as the API's error handler). */
export function issueCode(issue: { code: string; message?: string }): string {
  if (issue.message && /^[a-z_]+$/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small': return 'too_small';
    case 'too_big': return 'too_big';
    case 'invalid_type': return 'required_or_type';
    case 'invalid_format': return 'invalid_format';
    case 'invalid_value': return 'invalid_value';
    default: return 'invalid';
  }
}

export { LearnerInput };
