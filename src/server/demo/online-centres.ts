// The 45 rural library online centres of East Kazakhstan (seed 001): opened
// from 2012 with UNDP technical support, satellite stations where villages
// had no telecom infrastructure, then more opened by the local authorities.
// The seed gives the counts per year (32 by 2013, 40 by 2014, 43 by 2015,
// 45 in 2016) but no list: villages, dates, links, computers and
// facilitators are demo data. See docs/demo-data.md.

import type { Connectivity, DemoCentre, DemoPartnership } from './network.js';

type Row = [
  parent: string,
  ruPrefix: 'с.' | 'п.',
  kk: string,
  ru: string,
  en: string,
  raionRu: string,
  lat: number,
  lon: number,
  openedOn: string,
  connectivity: Connectivity,
  computers: number,
  facilitator: string,
];

const GLU = 'Глубоковский район';
const SHE = 'Шемонаихинский район';
const ULA = 'Уланский район';
const ALT = 'район Алтай';
const UNA = 'район Улкен Нарын';
const KAT = 'Катон-Карагайский район';
const KUR = 'Курчумский район';
const MAR = 'Маркакольский район';
const ZAI = 'Зайсанский район';
const TAR = 'Тарбагатайский район';
const SAM = 'Самарский район';
const RID = 'городская администрация Риддера';

// prettier-ignore
const rows: Row[] = [
  // 32 opened in 2012 (UNDP programme, first year)
  ['KZ-VOS-GLU-BEL', 'п.', 'Белоусовка', 'Белоусовка', 'Belousovka', GLU, 50.137, 82.521, '2012-05-25', 'fixed', 5, 'Ольга В. Краснова'],
  ['KZ-VOS-GLU-VBR', 'п.', 'Верхнеберёзовский', 'Верхнеберёзовский', 'Verkhneberezovsky', GLU, 50.212, 82.435, '2012-05-25', 'fixed', 4, 'Наталья С. Зуева'],
  ['KZ-VOS-SHE-UTL', 'п.', 'Усть-Таловка', 'Усть-Таловка', 'Ust-Talovka', SHE, 50.557, 81.836, '2012-05-25', 'fixed', 5, 'Татьяна Н. Гуляева'],
  ['KZ-VOS-ULA-TAV', 'с.', 'Таврическое', 'Таврическое', 'Tavricheskoye', ULA, 49.867, 82.474, '2012-05-25', 'fixed', 4, 'Гүлнар Б. Ахметова'],
  ['KZ-VOS-ALT-NBU', 'п.', 'Жаңа Бұқтырма', 'Новая Бухтарма', 'Novaya Bukhtarma', ALT, 49.62, 83.52, '2012-05-25', 'fixed', 4, 'Елена А. Карпова'],
  ['KZ-VOS-UNA-UNA', 'с.', 'Үлкен Нарын', 'Улкен Нарын', 'Ulken Naryn', UNA, 49.208, 84.512, '2012-05-25', 'satellite', 5, 'Ақмарал С. Төлеуова'],
  ['KZ-VOS-KAT-KAT', 'с.', 'Катонқарағай', 'Катон-Карагай', 'Katonkaragai', KAT, 49.175, 85.611, '2012-05-25', 'satellite', 4, 'Бағдат Қ. Мұқанова'],
  ['KZ-VOS-KUR-KUR', 'с.', 'Күршім', 'Курчум', 'Kurchum', KUR, 48.566, 83.659, '2012-05-25', 'satellite', 4, 'Жанар Е. Оспанова'],
  ['KZ-VOS-SAM-SAM', 'с.', 'Самар', 'Самарское', 'Samarskoye', SAM, 49.03, 83.36, '2012-05-25', 'satellite', 4, 'Сәуле Т. Байжанова'],
  ['KZ-VOS-GLU-CHE', 'с.', 'Черемшанка', 'Черемшанка', 'Cheremshanka', GLU, 50.06, 82.181, '2012-08-30', 'mobile', 3, 'Людмила П. Сорокина'],
  ['KZ-VOS-GLU-BOB', 'с.', 'Бобровка', 'Бобровка', 'Bobrovka', GLU, 50.033, 82.408, '2012-08-30', 'fixed', 3, 'Ирина Г. Белова'],
  ['KZ-VOS-SHE-VUB', 'с.', 'Верх-Уба', 'Верх-Уба', 'Verkh-Uba', SHE, 50.528, 82.112, '2012-08-30', 'satellite', 3, 'Валентина И. Попова'],
  ['KZ-VOS-ULA-ASU', 'п.', 'Асубұлақ', 'Асубулак', 'Asubulak', ULA, 49.553, 83.063, '2012-08-30', 'fixed', 4, 'Айгүл М. Нұрғалиева'],
  ['KZ-VOS-ULA-OGN', 'п.', 'Огневка', 'Огнёвка', 'Ognevka', ULA, 49.62, 83.02, '2012-08-30', 'satellite', 3, 'Светлана Ю. Лебедева'],
  ['KZ-VOS-ALT-ZUB', 'с.', 'Зубовск', 'Зубовск', 'Zubovsk', ALT, 49.768, 84.331, '2012-08-30', 'fixed', 3, 'Марина Е. Тихонова'],
  ['KZ-VOS-ALT-MAL', 'п.', 'Малеевск', 'Малеевск', 'Maleyevsk', ALT, 49.812, 84.573, '2012-08-30', 'satellite', 3, 'Галина Ф. Рыбакова'],
  ['KZ-VOS-KAT-URY', 'с.', 'Үрыл', 'Урыль', 'Uryl', KAT, 49.2, 85.44, '2012-08-30', 'satellite', 3, 'Динара А. Серікбаева'],
  ['KZ-VOS-KUR-BUR', 'с.', 'Боран', 'Буран', 'Boran', KUR, 48.0, 85.2, '2012-08-30', 'satellite', 3, 'Маржан Ж. Қасенова'],
  ['KZ-VOS-MAR-TER', 'с.', 'Теректі', 'Теректы', 'Terekty', MAR, 48.82, 85.28, '2012-08-30', 'satellite', 4, 'Раушан Н. Әбілова'],
  ['KZ-VOS-ZAI-SHI', 'с.', 'Шілікті', 'Шиликты', 'Shilikti', ZAI, 47.62, 85.57, '2012-08-30', 'satellite', 3, 'Күләш Д. Бекенова'],
  ['KZ-VOS-TAR-AKZ', 'с.', 'Ақжар', 'Акжар', 'Akzhar', TAR, 47.61, 83.7, '2012-08-30', 'satellite', 3, 'Әсел Р. Жақыпова'],
  ['KZ-VOS-RID-BUT', 'с.', 'Бутаково', 'Бутаково', 'Butakovo', RID, 50.32, 83.62, '2012-08-30', 'fixed', 3, 'Надежда В. Михайлова'],
  ['KZ-VOS-GLU-PRA', 'с.', 'Прапорщиково', 'Прапорщиково', 'Praporshchikovo', GLU, 50.09, 82.47, '2012-11-20', 'fixed', 3, 'Анна К. Дорофеева'],
  ['KZ-VOS-SHE-VYD', 'с.', 'Выдриха', 'Выдриха', 'Vydrikha', SHE, 50.735, 81.706, '2012-11-20', 'fixed', 3, 'Любовь А. Черных'],
  ['KZ-VOS-ULA-SAG', 'с.', 'Сағыр', 'Сагыр', 'Sagyr', ULA, 49.38, 82.86, '2012-11-20', 'satellite', 3, 'Нұргүл С. Смағұлова'],
  ['KZ-VOS-ALT-PAR', 'с.', 'Парыгино', 'Парыгино', 'Parygino', ALT, 49.76, 84.08, '2012-11-20', 'satellite', 3, 'Вера Н. Гончаренко'],
  ['KZ-VOS-UNA-MAI', 'с.', 'Маймыр', 'Маймыр', 'Maimyr', UNA, 49.19, 84.79, '2012-11-20', 'satellite', 3, 'Ләззат Б. Ысқақова'],
  ['KZ-VOS-KAT-BER', 'с.', 'Берел', 'Берель', 'Berel', KAT, 49.374, 86.441, '2012-11-20', 'satellite', 2, 'Жібек Т. Құрманова'],
  ['KZ-VOS-KAT-SHY', 'с.', 'Шыңғыстай', 'Чингистай', 'Shyngystai', KAT, 49.27, 85.32, '2012-11-20', 'satellite', 3, 'Гүлжан О. Әлімова'],
  ['KZ-VOS-MAR-URU', 'с.', 'Урунхайка', 'Урунхайка', 'Urunkhaika', MAR, 48.78, 85.92, '2012-11-20', 'satellite', 2, 'Тамара С. Ковалёва'],
  ['KZ-VOS-ZAI-DAI', 'с.', 'Дайыр', 'Дайыр', 'Daiyr', ZAI, 47.79, 84.47, '2012-11-20', 'satellite', 2, 'Қарлығаш Е. Мамырова'],
  ['KZ-VOS-SAM-PAL', 'с.', 'Палатцы', 'Палатцы', 'Palattsy', SAM, 49.17, 83.05, '2012-11-20', 'satellite', 2, 'Зәуре К. Ержанова'],
  // 8 opened in 2014 by the local authorities
  ['KZ-VOS-GLU-SEK', 'с.', 'Секисовка', 'Секисовка', 'Sekisovka', GLU, 50.357, 82.597, '2014-02-14', 'mobile', 3, 'Оксана Л. Фролова'],
  ['KZ-VOS-SHE-ZEV', 'с.', 'Зевакино', 'Зевакино', 'Zevakino', SHE, 50.768, 81.575, '2014-04-10', 'mobile', 2, 'Евгения Р. Шестакова'],
  ['KZ-VOS-RID-POP', 'с.', 'Поперечное', 'Поперечное', 'Poperechnoye', RID, 50.39, 83.44, '2014-05-22', 'fixed', 2, 'Лариса Д. Панова'],
  ['KZ-VOS-ULA-BOZ', 'с.', 'Бозанбай', 'Бозанбай', 'Bozanbai', ULA, 49.47, 82.78, '2014-06-18', 'mobile', 2, 'Ботагөз А. Сейітқазина'],
  ['KZ-VOS-GLU-BYS', 'с.', 'Быструха', 'Быструха', 'Bystrukha', GLU, 50.283, 82.653, '2014-09-05', 'fixed', 3, 'Юлия С. Власова'],
  ['KZ-VOS-ALT-CHR', 'с.', 'Черновая', 'Чёрновая', 'Chernovaya', ALT, 49.62, 84.48, '2014-10-01', 'mobile', 2, 'Нина П. Ермакова'],
  ['KZ-VOS-SHE-KAM', 'с.', 'Каменевка', 'Каменевка', 'Kamenevka', SHE, 50.66, 82.03, '2014-11-12', 'mobile', 2, 'Алла В. Кудрявцева'],
  ['KZ-VOS-SAM-KUL', 'с.', 'Құлыжұн', 'Кулуджун', 'Kuludzhun', SAM, 48.75, 83.25, '2014-12-10', 'mobile', 2, 'Шынар Б. Қайырбекова'],
  // 3 opened in 2015
  ['KZ-VOS-ALT-PUT', 'с.', 'Путинцево', 'Путинцево', 'Putintsevo', ALT, 49.885, 84.365, '2015-03-17', 'mobile', 2, 'Мария Г. Зайцева'],
  ['KZ-VOS-KUR-MRD', 'с.', 'Маралды', 'Маральды', 'Maraldy', KUR, 48.77, 83.9, '2015-06-09', 'mobile', 2, 'Ардақ Ж. Түсіпова'],
  ['KZ-VOS-ZAI-KRT', 'с.', 'Қаратал', 'Каратал', 'Karatal', ZAI, 47.53, 84.68, '2015-10-20', 'mobile', 2, 'Самал Қ. Дәулетова'],
  // 2 opened in 2016
  ['KZ-VOS-MAR-KAL', 'с.', 'Қалжыр', 'Калжир', 'Kalzhyr', MAR, 48.55, 85.1, '2016-02-25', 'satellite', 2, 'Айнұр Т. Нұрахметова'],
  ['KZ-VOS-TAR-MAN', 'с.', 'Маңырақ', 'Манырак', 'Manyrak', TAR, 47.45, 83.9, '2016-09-14', 'mobile', 2, 'Гүлмира Е. Сапарова'],
];

/** `OC-GLU-BEL` for the centre in settlement `KZ-VOS-GLU-BEL`. */
const codeOf = (parent: string): string => `OC-${parent.slice('KZ-VOS-'.length)}`;

export const onlineCentres: DemoCentre[] = rows.map(
  ([parent, ruPrefix, kk, ru, en, raionRu, lat, lon, openedOn, connectivity, computers, facilitator]) => ({
    code: codeOf(parent),
    parent,
    type: 'online_centre',
    name: {
      kk: `${kk} ауылдық кітапханасының онлайн орталығы`,
      ru: `Онлайн-центр сельской библиотеки ${ruPrefix} ${ru}`,
      en: `${en} rural library online centre`,
    },
    address: `${ruPrefix} ${ru}, ${raionRu}, Восточно-Казахстанская область`,
    lat,
    lon,
    phone: null,
    email: null,
    facilitators: [facilitator],
    openedOn,
    connectivity,
    computers,
    languages: ['kk', 'ru'],
    openingHours: 'Mo-Fr 09:00-18:00; Sa 10:00-14:00',
    invented: true,
    source: 'seed 001',
  }),
);

// UNDP equipped the centres of the programme's first year (2012); the
// regional and raion akimats opened the later ones (seed 001).
export const onlineCentrePartnerships: DemoPartnership[] = onlineCentres.map((c) =>
  c.openedOn < '2013-01-01'
    ? { centre: c.code, partner: 'P-UNDP-KZ', role: 'ICT equipment, satellite station and training of the rural librarian', startDate: c.openedOn }
    : { centre: c.code, partner: 'P-VOS-AKIMAT', role: 'funding: equipment and internet connection of the rural library', startDate: c.openedOn },
);
