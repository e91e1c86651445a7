// A learner register row → the API's learner input. Headers are matched to fields by their
// names in Kazakh, Russian or English (the words people write, the app's own labels and our
// exports' headers, folded across scripts); cell values are read the way registers write
// them (31.12.1990, "ж"/"әйел"/"жен", "иә"/"да", labels instead of codes). The result goes
// through the very schema the API uses (LearnerInput), so an imported learner obeys the same
// rules as a registered one.
import { LEARNER_IMPORT_FIELDS } from '../../../domain/imports.js';
import {
  EDUCATION, EMPLOYMENT_STATUS, LEARNER_LANGUAGES, LearnerInput, SEX, TARGET_GROUPS,
} from '../../../domain/learning.js';
import { cellReader, code, codeList, dictionary, headerIndex, readDate, suggestMapping, yesNo, type Mapping } from './cells.js';

export type LearnerField = (typeof LEARNER_IMPORT_FIELDS)[number];

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

let index: Map<string, string> | null = null;
/** The mapping guessed from the header row (the app's labels and our export's headers count too). */
export function suggestLearnerMapping(columns: string[]): Record<string, number | null> {
  index ??= headerIndex(LEARNER_IMPORT_FIELDS, HEADER_WORDS, Object.fromEntries(LEARNER_IMPORT_FIELDS.map((f) => [
    f, [...(LABEL_KEYS[f] ?? []), `exports.columns.learners.${f}`],
  ])));
  return suggestMapping(LEARNER_IMPORT_FIELDS, columns, index);
}

// ------------------------------------------------------------------ values

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
  };
}
const dict = () => (dicts ??= buildDicts());

export interface RowContext {
  defaultCentre: string;
  consent: { date: string; version: string } | null;
}

/** The learner input a row stands for (not yet validated). */
export function rowToInput(cells: string[], mapping: Mapping, c: RowContext): Record<string, unknown> {
  const cell = cellReader(cells, mapping) as (field: LearnerField) => string | null;
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
    iin: readIin(iin),
    settlementId: cell('settlement'),
    languages: languages === null ? [] : codeList(d.languages, languages),
    education: education === null ? null : code(d.education, education),
    employmentStatus: employment === null ? null : code(d.employment, employment),
    registeredUnemployed: registered === null ? false : yesNo(registered),
    targetGroups: groups === null ? [] : codeList(d.targetGroups, groups),
    consent: {
      date: consentDate !== null ? readDate(consentDate) : consentVersion === null ? c.consent?.date : undefined,
      version: consentVersion ?? (consentDate === null ? c.consent?.version : undefined),
      guardianName: cell('guardianName'),
    },
  };
}

/** An IIN cell: a spreadsheet keeps an IIN as a number and drops its leading zero (born 2000–2009). */
export const readIin = (iin: string | null) => (iin === null ? null : /^\d{11}$/.test(iin) ? `0${iin}` : iin);

/** The import field an API field path belongs to (consent.date → consentDate …). */
export function fieldOfPath(path: PropertyKey[]): LearnerField {
  const [first, second] = path.map(String);
  if (first === 'centreId') return 'centre';
  if (first === 'settlementId') return 'settlement';
  if (first === 'consent') return second === 'version' ? 'consentVersion' : second === 'guardianName' ? 'guardianName' : 'consentDate';
  return (LEARNER_IMPORT_FIELDS as readonly string[]).includes(first) ? (first as LearnerField) : 'lastName';
}

export { LearnerInput };
