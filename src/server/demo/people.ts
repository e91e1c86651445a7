// Invented people for the demo's learner records: names as people write them in Kazakhstan —
// Kazakh names in Kazakh Cyrillic, Russian names in Russian Cyrillic, and some written in
// Latin letters (a repatriate registered from a foreign passport, a name typed on a Latin
// keyboard) — with birth dates and phones. Pure and deterministic: everything comes from a
// seeded generator, so the same demo is built every time. No name here is a real person's.
// See docs/demo-data.md ("Learning records").

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** A seed from a text (a centre code and a year), so each part of the demo has its own stream. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export type Sex = 'male' | 'female';
export interface Person {
  lastName: string;
  firstName: string;
  middleName: string | null;
  sex: Sex;
}

// Kazakh names. Surnames ending in -ов/-ев/-ин take -а for women; the others are the same.
const KK_MALE = [
  'Нұрлан', 'Асқар', 'Бауыржан', 'Дәулет', 'Ержан', 'Қайрат', 'Мұрат', 'Санжар', 'Әлібек', 'Ақжол', 'Арман', 'Бекзат',
  'Дархан', 'Жандос', 'Ильяс', 'Мирас', 'Рустем', 'Талғат', 'Темірлан', 'Ғалым', 'Мұхтар', 'Олжас', 'Айдос', 'Самат',
  'Ерасыл', 'Нұржан', 'Бақытжан', 'Жасұлан', 'Төлеген', 'Ерболат', 'Нұрболат', 'Азамат', 'Данияр', 'Еркін',
] as const;
const KK_FEMALE = [
  'Айгерім', 'Ақмарал', 'Әсем', 'Гүлнар', 'Динара', 'Жанар', 'Жібек', 'Зарина', 'Қарлығаш', 'Ләззат', 'Мадина', 'Меруерт',
  'Назгүл', 'Нұргүл', 'Перизат', 'Салтанат', 'Сәуле', 'Томирис', 'Ұлжан', 'Әйгерім', 'Аружан', 'Балжан', 'Гүлмира',
  'Дана', 'Индира', 'Камила', 'Мөлдір', 'Толқын', 'Шынар', 'Айнұр', 'Ботагөз', 'Гаухар', 'Сымбат', 'Альмира',
] as const;
const KK_SURNAMES = [
  'Ахметов', 'Байжанов', 'Бекмұратов', 'Досжанов', 'Ермеков', 'Жақыпов', 'Жұмабаев', 'Ибраев', 'Қасымов', 'Құрманов',
  'Мұқанов', 'Нұрғалиев', 'Оспанов', 'Сәрсенов', 'Смағұлов', 'Сыздықов', 'Тұрсынов', 'Төлеуов', 'Үсенов', 'Шәріпов',
  'Әбілов', 'Әлімов', 'Байтұрсынов', 'Есенов', 'Қалиев', 'Мамыров', 'Рахымов', 'Тоқтаров', 'Жексенбаев', 'Абенов',
  'Иманғалиев', 'Қуанышев', 'Мұратбеков', 'Нұрпейісов', 'Сейітқазин', 'Тілеубердин', 'Ержанов', 'Бекенов',
] as const;
// Fathers' names for Kazakh patronymics (-ұлы / -қызы).
const KK_FATHERS = ['Нұрлан', 'Асқар', 'Мұрат', 'Қайрат', 'Болат', 'Ержан', 'Талғат', 'Бақыт', 'Жомарт', 'Ерлан', 'Амангелді', 'Берік'] as const;

const RU_MALE = [
  'Александр', 'Алексей', 'Андрей', 'Виктор', 'Владимир', 'Дмитрий', 'Евгений', 'Иван', 'Игорь', 'Константин', 'Максим',
  'Михаил', 'Николай', 'Олег', 'Павел', 'Роман', 'Сергей', 'Юрий', 'Артём', 'Денис',
] as const;
const RU_FEMALE = [
  'Анна', 'Валентина', 'Галина', 'Екатерина', 'Елена', 'Ирина', 'Людмила', 'Марина', 'Наталья', 'Ольга', 'Светлана',
  'Татьяна', 'Юлия', 'Оксана', 'Надежда', 'Вера', 'Ксения', 'Алёна', 'Дарья', 'Мария',
] as const;
const RU_SURNAMES = [
  'Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов',
  'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Зайцев',
  'Белов', 'Медведев', 'Мельников', 'Гусев', 'Шевченко', 'Бондаренко', 'Ткаченко', 'Коваленко',
] as const;
// [masculine, feminine] patronymics.
const RU_PATRONYMICS = [
  ['Александрович', 'Александровна'], ['Сергеевич', 'Сергеевна'], ['Владимирович', 'Владимировна'],
  ['Николаевич', 'Николаевна'], ['Викторович', 'Викторовна'], ['Юрьевич', 'Юрьевна'], ['Андреевич', 'Андреевна'],
  ['Петрович', 'Петровна'], ['Иванович', 'Ивановна'], ['Михайлович', 'Михайловна'],
] as const;

// Kazakh names as written in Latin letters (several spellings are in use; these are common ones).
const LAT_MALE = ['Nurlan', 'Askar', 'Baurzhan', 'Daulet', 'Yerzhan', 'Kairat', 'Murat', 'Sanzhar', 'Arman', 'Nurbolat', 'Azamat', 'Aidos'] as const;
const LAT_FEMALE = ['Aigerim', 'Akmaral', 'Assem', 'Gulnar', 'Dinara', 'Zhanar', 'Madina', 'Meruert', 'Saltanat', 'Aruzhan', 'Indira', 'Moldir'] as const;
const LAT_SURNAMES = ['Akhmetov', 'Baizhanov', 'Zhakypov', 'Kassymov', 'Kurmanov', 'Ospanov', 'Sarsenov', 'Tursynov', 'Abilov', 'Yessenov', 'Rakhymov', 'Toktarov'] as const;

/** The feminine form of a surname: -ов/-ев/-ин (and Latin -ov/-ev/-in) + а; others unchanged. */
export function feminine(surname: string): string {
  return /(ов|ев|ёв|ин|ov|ev|in)$/.test(surname) ? `${surname}${/[a-z]$/.test(surname) ? 'a' : 'а'}` : surname;
}

/** Shares of the three ways of writing a name at a centre (they add up to at most 1; the rest is Russian). */
export interface NameMix { kazakh: number; latin: number }

/** A person of the given sex (or either), named as `mix` says. */
export function person(rng: Prng, mix: NameMix, sex: Sex = rng.chance(0.5) ? 'female' : 'male'): Person {
  const female = sex === 'female';
  const roll = rng.next();
  if (roll < mix.kazakh) {
    const last = rng.pick(KK_SURNAMES);
    const father = rng.pick(KK_FATHERS);
    // Most write a patronymic; the Kazakh form (-ұлы/-қызы) or the Russian-style one (Нұрланович).
    const middle = rng.chance(0.15) ? null : rng.chance(0.6) ? `${father}${female ? 'қызы' : 'ұлы'}` : `${father}${female ? 'овна' : 'ович'}`;
    return { lastName: female ? feminine(last) : last, firstName: rng.pick(female ? KK_FEMALE : KK_MALE), middleName: middle, sex };
  }
  if (roll < mix.kazakh + mix.latin) {
    const last = rng.pick(LAT_SURNAMES);
    return { lastName: female ? feminine(last) : last, firstName: rng.pick(female ? LAT_FEMALE : LAT_MALE), middleName: null, sex };
  }
  const last = rng.pick(RU_SURNAMES);
  const [m, f] = rng.pick(RU_PATRONYMICS);
  return { lastName: female ? feminine(last) : last, firstName: rng.pick(female ? RU_FEMALE : RU_MALE), middleName: female ? f : m, sex };
}

/** A parent's name for a minor's consent: the child's surname (in the parent's form) and a first name. */
export function guardianOf(rng: Prng, child: Person): string {
  const mother = rng.chance(0.7);
  const cyrillicKazakh = /[әғқңөұүһі]/i.test(child.lastName + child.firstName + (child.middleName ?? ''));
  const base = child.sex === 'female' ? child.lastName.replace(/(а|a)$/, '') : child.lastName;
  const last = mother ? feminine(base) : base;
  const first = cyrillicKazakh ? rng.pick(mother ? KK_FEMALE : KK_MALE) : rng.pick(mother ? RU_FEMALE : RU_MALE);
  return `${last} ${first}`;
}

// Dates as YYYY-MM-DD, computed in UTC days.
const DAY = 86_400_000;
// The demo makes hundreds of thousands of dates from a few thousand days: remember them.
const dates = new Map<number, string>();
const days = new Map<string, number>();
export const toDate = (ms: number): string => {
  const day = Math.floor(ms / DAY);
  let date = dates.get(day);
  if (date === undefined) dates.set(day, (date = new Date(day * DAY).toISOString().slice(0, 10)));
  return date;
};
export const dayMs = (date: string): number => {
  let ms = days.get(date);
  if (ms === undefined) days.set(date, (ms = Date.parse(`${date}T00:00:00Z`)));
  return ms;
};
export const addDays = (date: string, days: number): string => toDate(dayMs(date) + days * DAY);
export const daysBetween = (from: string, to: string): number => Math.round((dayMs(to) - dayMs(from)) / DAY);
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => new Date(dayMs(date)).getUTCDay();

/** A birth date that makes the person `minAge`–`maxAge` years old on `on`. */
export function birthDate(rng: Prng, on: string, minAge: number, maxAge: number): string {
  const latest = dayMs(on) - minAge * 365.25 * DAY - DAY;
  const earliest = dayMs(on) - (maxAge + 1) * 365.25 * DAY + DAY;
  const d = toDate(earliest + Math.floor(rng.next() * (latest - earliest)));
  // The browser journeys register «Ерлан Серікұлы», born 1990-05-12, as a new person: keep that day free.
  return d === '1990-05-12' ? '1990-05-13' : d;
}

const OPERATORS = ['701', '702', '705', '707', '747', '771', '775', '777', '778'] as const;

/** A Kazakhstan mobile number as stored (+7XXXXXXXXXX); none of them is +7 701 555 12 34 (the journeys' number). */
export function mobile(rng: Prng): string {
  const operator = rng.pick(OPERATORS);
  let rest = String(rng.int(2_000_000, 9_999_999));
  if (operator === '701' && rest === '5551234') rest = '5551235';
  return `+7${operator}${rest}`;
}
