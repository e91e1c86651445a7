// The demo network: centres, partners, partnerships and one demo user per
// role, built from the seed documents (shared/seeds/000-004). Pure data.
// What is real and what is invented: docs/demo-data.md; every centre says
// so itself in `invented` and `source`.

import type { Names } from './geo.js';
import { onlineCentrePartnerships, onlineCentres } from './online-centres.js';

export type CentreType = 'library' | 'online_centre' | 'clc' | 'mobile' | 'vet_school' | 'ngo';
export type Connectivity = 'satellite' | 'fixed' | 'mobile' | 'none';
export type PartnerKind =
  | 'employment_centre'
  | 'akimat'
  | 'ngo'
  | 'vet_school'
  | 'business'
  | 'chamber'
  | 'donor'
  | 'migration_department';
export type Role = 'admin' | 'national' | 'regional' | 'centre_manager' | 'facilitator' | 'employer' | 'learner';

export interface DemoCentre {
  code: string;
  /** org unit code: settlement, raion or city */
  parent: string;
  type: CentreType;
  name: Names;
  address: string | null;
  lat: number;
  lon: number;
  phone: string | null;
  email: string | null;
  facilitators: string[];
  /** YYYY-MM-DD; where a seed gives only a month or a year, its first day */
  openedOn: string;
  connectivity: Connectivity;
  computers: number | null;
  languages: Array<'kk' | 'ru' | 'en'>;
  /** OpenStreetMap opening_hours syntax */
  openingHours: string | null;
  /** true = plausible demo data, not from a seed */
  invented: boolean;
  /** e.g. 'seed 002', 'seed 001' */
  source: string;
}

export interface DemoPartner {
  code: string;
  kind: PartnerKind;
  name: Names;
  /** owner org unit code */
  orgUnit: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  note?: string;
}

export interface DemoPartnership {
  centre: string;
  partner: string;
  role: string;
  startDate: string;
  endDate?: string;
  note?: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** org unit or centre code */
  orgUnit: string;
  partner?: string;
  password: string;
}

export const DEMO_PASSWORD = 'kerege-demo-2026';

// ---------------------------------------------------------------- centres

// Seeds 000 and 001: the East Kazakhstan Pushkin Library and its IT-Yurt.
const pushkinLibrary: DemoCentre = {
  code: 'LIB-VOS-PUSHKIN',
  parent: 'KZ-VOS-UKA',
  type: 'library',
  name: {
    kk: 'А.С. Пушкин атындағы Шығыс Қазақстан облыстық кітапханасы',
    ru: 'Восточно-Казахстанская областная библиотека имени А.С. Пушкина',
    en: 'East Kazakhstan Regional Pushkin Library',
  },
  address: 'Ust-Kamenogorsk, Kazakhstan',
  lat: 49.95,
  lon: 82.615,
  phone: '+7 723 236 1333',
  email: 'ust_acc@pushkinlibrary.kz',
  facilitators: ['Aiman Zhamunkulova', 'Saule Shingaliyeva', 'Kabiba Akzhigitova'],
  openedOn: '1896-03-20',
  connectivity: 'fixed',
  computers: null,
  languages: ['kk', 'ru', 'en'],
  openingHours: 'Tu-Su 09:00-19:00',
  invented: false,
  source: 'seed 000',
};

const itYurt: DemoCentre = {
  code: 'MOB-VOS-ITYURT',
  parent: 'KZ-VOS-UKA',
  type: 'mobile',
  name: {
    kk: 'Жастарға арналған IT-киіз үй',
    ru: 'Молодёжная IT-юрта',
    en: 'Youth IT-Yurt',
  },
  address: 'Ust-Kamenogorsk, Kazakhstan (mobile yurt of the Pushkin Library)',
  lat: 49.951,
  lon: 82.618,
  phone: '+7 723 236 1333',
  email: 'ust_acc@pushkinlibrary.kz',
  facilitators: ['Aiman Zhamunkulova'],
  openedOn: '2011-11-01',
  connectivity: 'mobile',
  computers: null,
  languages: ['kk', 'ru'],
  openingHours: null,
  invented: false,
  source: 'seed 000',
};

// Seed 003: the Aktobe city centralised library system.
const aktobeLibrarySystem: DemoCentre = {
  code: 'LIB-AKT-CLS',
  parent: 'KZ-AKT-AKT',
  type: 'library',
  name: {
    kk: 'Ақтөбе қаласының орталықтандырылған кітапхана жүйесі',
    ru: 'Централизованная библиотечная система города Актобе',
    en: 'Aktobe City Centralised Library System',
  },
  address: null,
  lat: 50.284,
  lon: 57.167,
  phone: null,
  email: null,
  facilitators: ['Bahtly Koshabaeva'],
  openedOn: '1978-01-01',
  connectivity: 'fixed',
  computers: null,
  languages: ['kk', 'ru'],
  openingHours: null,
  invented: false,
  source: 'seed 003',
};

// Seed 004 names the Karaganda Triple-E partners but no centre: this one is
// invented so that the partnership has a centre to show on.
const karagandaYouthCentre: DemoCentre = {
  code: 'LIB-KAR-YOUTH',
  parent: 'KZ-KAR-KAR',
  type: 'library',
  name: {
    kk: 'Қарағанды облыстық кітапханасының жастар мансап орталығы',
    ru: 'Молодёжный центр карьеры при Карагандинской областной библиотеке',
    en: 'Karaganda Regional Library Youth Career Centre',
  },
  address: null,
  lat: 49.802,
  lon: 73.1,
  phone: null,
  email: null,
  facilitators: ['Динара С. Ахметжанова'],
  openedOn: '2014-09-01',
  connectivity: 'fixed',
  computers: 12,
  languages: ['kk', 'ru', 'en'],
  openingHours: 'Mo-Sa 09:00-18:00',
  invented: true,
  source: 'seed 004',
};

// Seed 002, section 1.3: the six UNESCO-supported CLCs, exactly as the
// registry gives them (addresses name the oblasts of 2004; the org-unit
// parent is where the settlement is today). Set up in October 2003, Taraz
// in December 2003.
const unescoClc = (
  code: string,
  parent: string,
  name: Names,
  address: string,
  phone: string,
  email: string,
  facilitator: string,
  lat: number,
  lon: number,
  openedOn = '2003-10-01',
): DemoCentre => ({
  code, parent, type: 'clc', name, address, lat, lon, phone, email,
  facilitators: [facilitator], openedOn, connectivity: 'fixed', computers: null,
  languages: ['kk', 'ru'], openingHours: null, invented: false, source: 'seed 002',
});

const unescoClcs: DemoCentre[] = [
  unescoClc('CLC-AMANBOKTER', 'KZ-ZHT-SAR-AMB',
    { kk: 'Аманбөктер қоғамдастық оқу орталығы', ru: 'Общинный учебный центр «Аманбоктер»', en: 'Amanbokter Community Learning Centre' },
    'Building 8, Lenin street, Amanbokter village, Sarkand rayon, Almaty oblast, 489232',
    '8 (32839) 22481', 'Sarkandclc@nursat.kz', 'Zhanna A. Zhunusova', 45.3, 80.05),
  unescoClc('CLC-KARABULAK', 'KZ-ZHT-ESK-KRB',
    { kk: 'Қарабұлақ қоғамдастық оқу орталығы', ru: 'Общинный учебный центр «Карабулак»', en: 'Karabulak Community Learning Centre' },
    'Building 65, Orazbekov street, Karabulak village, Eskeldy rayon, Almaty oblast, 489130',
    '8 (32836) 30235', 'Eskeldiclc@nursat.rz', 'Svetlana N. Safonova', 44.907, 78.488),
  unescoClc('CLC-KORDAI', 'KZ-ZHA-KOR-KOR',
    { kk: 'Қордай қоғамдастық оқу орталығы', ru: 'Общинный учебный центр «Кордай»', en: 'Kordai Community Learning Centre' },
    'Building 48, Tole bi street, Kordai village, Kordai rayon, Zhambyl oblast, 485610',
    '8 (32636) 21249', 'Kordaicomc@mail.kz', 'Sholpan M. Tikenbayeva', 43.037, 74.711),
  unescoClc('CLC-NOGAIBAI', 'KZ-ZHA-KOR-NOG',
    { kk: 'Ноғайбай қоғамдастық оқу орталығы', ru: 'Общинный учебный центр «Ногайбай»', en: 'Nogaibai Community Learning Centre' },
    'Building 8, Kozhakhmetuly street, Nogaibai village, Kordai rayon, Zhambyl oblast, 485620',
    '8 (32636) 27219', 'Nogaibaicomc@nursat.kz', 'Saule S. Nakyspekova', 43.02, 74.87),
  unescoClc('CLC-SORTOBE', 'KZ-ZHA-KOR-SOR',
    { kk: 'Сортөбе қоғамдастық оқу орталығы', ru: 'Общинный учебный центр «Сортобе»', en: 'Sortobe Community Learning Centre' },
    'Building 152, Lenin street, Sortobe village, Kordai rayon, Zhambyl oblast, 485624',
    '8 (32636) 24524', 'Sortobecome@nursat.kz', 'Amina M. Esra', 42.86, 75.22),
  unescoClc('CLC-TARAZ', 'KZ-ZHA-TAR',
    { kk: 'Тараз қоғамдастық оқу орталығы', ru: 'Общинный учебный центр «Тараз»', en: 'Taraz Community Learning Centre' },
    'Micro raion 7, Building 14, ap. 2, Taraz city, 484048',
    '8 (3262) 76948', 'Tarazclc@nursat.kz', 'Zhanar S. Khairusheva', 42.88, 71.4, '2003-12-01'),
];

// Seed 002: 26 CLCs supported by the Soros-Kazakhstan Fund in 13 of the
// 14 oblasts of 2004, 13 rural and 13 urban, usually in schools. The seed
// gives counts per oblast only (and names one: the Pervomai Training
// Centre, East Kazakhstan); the places are demo choices that follow the
// counts, each placed in the oblast where it is today.
type SkfRow = [code: string, parent: string, kk: string, ru: string, en: string, address: string, lat: number, lon: number, openedOn: string, connectivity: Connectivity, computers: number, facilitator: string];

// prettier-ignore
const skfRows: SkfRow[] = [
  // North Kazakhstan oblast: 4
  ['PETROPAVL', 'KZ-SEV-PET', 'Петропавл', 'Петропавловск', 'Petropavl', 'г. Петропавловск, Северо-Казахстанская область', 54.87, 69.14, '2000-09-01', 'fixed', 6, 'Ирина В. Колесникова'],
  ['SMIRNOVO', 'KZ-SEV-AKK-SMI', 'Смирнов', 'Смирново', 'Smirnovo', 'с. Смирново, Аккайынский район, Северо-Казахстанская область', 54.51, 69.42, '2001-02-01', 'fixed', 3, 'Гүлшат Қ. Ибраева'],
  ['TIMIRYAZEVO', 'KZ-SEV-TIM-TIM', 'Тимирязев', 'Тимирязево', 'Timiryazevo', 'с. Тимирязево, Тимирязевский район, Северо-Казахстанская область', 53.75, 66.49, '2001-09-01', 'none', 2, 'Вера А. Шевченко'],
  ['NOVOISHIMSKOE', 'KZ-SEV-GMU-NOV', 'Новоишім', 'Новоишимское', 'Novoishimskoye', 'с. Новоишимское, район имени Габита Мусрепова, Северо-Казахстанская область', 53.2, 66.77, '2002-02-01', 'fixed', 3, 'Жанна С. Әміртаева'],
  // Aktobe oblast: 1
  ['KHROMTAU', 'KZ-AKT-KHR-KHR', 'Хромтау', 'Хромтау', 'Khromtau', 'г. Хромтау, Хромтауский район, Актюбинская область', 50.251, 58.44, '2001-02-01', 'fixed', 4, 'Роза Т. Қуанышева'],
  // West Kazakhstan oblast: 1
  ['ORAL', 'KZ-ZAP-URA', 'Орал', 'Уральск', 'Oral', 'г. Уральск, Западно-Казахстанская область', 51.23, 51.37, '2000-09-01', 'fixed', 6, 'Мәдина Ғ. Құсайынова'],
  // Atyrau oblast: 1
  ['KULSARY', 'KZ-ATY-ZHY-KUL', 'Құлсары', 'Кульсары', 'Kulsary', 'г. Кульсары, Жылыойский район, Атырауская область', 46.953, 54.02, '2001-09-01', 'fixed', 4, 'Әйгерім Б. Исатаева'],
  // Karaganda oblast: 1 (Zhezkazgan, since 2022 in Ulytau oblast)
  ['ZHEZKAZGAN', 'KZ-ULT-ZHE', 'Жезқазған', 'Жезказган', 'Zhezkazgan', 'г. Жезказган, область Ұлытау', 47.79, 67.71, '2001-02-01', 'fixed', 5, 'Сәуле Ж. Омарова'],
  // Kostanay oblast: 3
  ['KOSTANAY', 'KZ-KUS-KOS', 'Қостанай', 'Костанай', 'Kostanay', 'г. Костанай, Костанайская область', 53.21, 63.63, '2000-09-01', 'fixed', 6, 'Татьяна М. Никитина'],
  ['RUDNY', 'KZ-KUS-RUD', 'Рудный', 'Рудный', 'Rudny', 'г. Рудный, Костанайская область', 52.96, 63.12, '2001-09-01', 'fixed', 5, 'Светлана Г. Романенко'],
  ['KARABALYK', 'KZ-KUS-KBL-KBL', 'Қарабалық', 'Карабалык', 'Karabalyk', 'п. Карабалык, Карабалыкский район, Костанайская область', 53.85, 62.1, '2002-02-01', 'none', 2, 'Галина И. Бондаренко'],
  // Kyzylorda oblast: 4
  ['KYZYLORDA', 'KZ-KZY-KZY', 'Қызылорда', 'Кызылорда', 'Kyzylorda', 'г. Кызылорда, Кызылординская область', 44.85, 65.51, '2000-09-01', 'fixed', 6, 'Ақбота Н. Жүсіпова'],
  ['ARAL', 'KZ-KZY-ARA-ARA', 'Арал', 'Аральск', 'Aral', 'г. Аральск, Аральский район, Кызылординская область', 46.8, 61.67, '2001-02-01', 'fixed', 4, 'Күлпаш Е. Дүйсенова'],
  ['ZHANAKORGAN', 'KZ-KZY-ZHK-ZHK', 'Жаңақорған', 'Жанакорган', 'Zhanakorgan', 'п. Жанакорган, Жанакорганский район, Кызылординская область', 43.91, 67.25, '2001-09-01', 'fixed', 3, 'Нәзира С. Бәйімбетова'],
  ['SHIELI', 'KZ-KZY-SHI-SHI', 'Шиелі', 'Шиели', 'Shieli', 'п. Шиели, Шиелийский район, Кызылординская область', 44.17, 66.75, '2002-09-01', 'none', 2, 'Гүлсім Ә. Тәжібаева'],
  // Pavlodar oblast: 3
  ['EKIBASTUZ', 'KZ-PAV-EKI', 'Екібастұз', 'Экибастуз', 'Ekibastuz', 'г. Экибастуз, Павлодарская область', 51.73, 75.32, '2000-09-01', 'fixed', 5, 'Ольга Н. Дмитриенко'],
  ['BAYANAUL', 'KZ-PAV-BAY-BAY', 'Баянауыл', 'Баянаул', 'Bayanaul', 'с. Баянаул, Баянаульский район, Павлодарская область', 50.79, 75.7, '2001-09-01', 'none', 2, 'Бибігүл К. Нұрмағамбетова'],
  ['ZHELEZINKA', 'KZ-PAV-ZHE-ZHE', 'Железин', 'Железинка', 'Zhelezinka', 'с. Железинка, Железинский район, Павлодарская область', 53.54, 75.31, '2002-02-01', 'fixed', 3, 'Людмила В. Гребенюк'],
  // Zhambyl oblast: 1
  ['MERKI', 'KZ-ZHA-MER-MER', 'Меркі', 'Мерке', 'Merki', 'с. Мерке, Меркенский район, Жамбылская область', 42.87, 73.18, '2001-09-01', 'fixed', 3, 'Айжан Б. Сыдықова'],
  // Almaty oblast: 3 (Taldykorgan is now in Zhetysu oblast)
  ['TALDYKORGAN', 'KZ-ZHT-TAL', 'Талдықорған', 'Талдыкорган', 'Taldykorgan', 'г. Талдыкорган, область Жетісу', 45.02, 78.37, '2000-09-01', 'fixed', 5, 'Гаухар Т. Жаманбаева'],
  ['ESIK', 'KZ-ALM-ENB-ESI', 'Есік', 'Есик', 'Esik', 'г. Есик, Енбекшиказахский район, Алматинская область', 43.356, 77.452, '2001-02-01', 'fixed', 4, 'Салтанат Р. Бекмұратова'],
  ['SHELEK', 'KZ-ALM-ENB-SHE', 'Шелек', 'Шелек', 'Shelek', 'с. Шелек, Енбекшиказахский район, Алматинская область', 43.597, 78.25, '2002-02-01', 'fixed', 3, 'Мөлдір А. Тұрсынбаева'],
  // Akmola oblast: 1
  ['KORGALZHYN', 'KZ-AKM-KOR-KOR', 'Қорғалжын', 'Коргалжын', 'Korgalzhyn', 'с. Коргалжын, Коргалжынский район, Акмолинская область', 50.58, 70.01, '2001-09-01', 'none', 2, 'Ғалия М. Сарсенова'],
  // South Kazakhstan oblast: 1 (now Turkistan oblast)
  ['AKSUKENT', 'KZ-TUR-SAI-AKS', 'Ақсукент', 'Аксукент', 'Aksukent', 'с. Аксукент, Сайрамский район, Туркестанская область', 42.6, 69.83, '2002-02-01', 'fixed', 3, 'Дилфуза Х. Юсупова'],
  // East Kazakhstan oblast: 2 (Semey is now in Abai oblast)
  ['SEMEY', 'KZ-ABA-SEM', 'Семей', 'Семей', 'Semey', 'г. Семей, область Абай', 50.41, 80.23, '2001-02-01', 'fixed', 5, 'Айнаш Қ. Мұхаметжанова'],
];

const skfClcs: DemoCentre[] = [
  ...skfRows.map(([code, parent, kk, ru, en, address, lat, lon, openedOn, connectivity, computers, facilitator]): DemoCentre => ({
    code: `CLC-SKF-${code}`,
    parent,
    type: 'clc',
    name: {
      kk: `${kk} қоғамдастық білім беру орталығы`,
      ru: `Центр образования местного сообщества «${ru}»`,
      en: `${en} Community Education Centre`,
    },
    address, lat, lon, phone: null, email: null, facilitators: [facilitator], openedOn, connectivity, computers,
    languages: ['kk', 'ru'], openingHours: null, invented: true, source: 'seed 002',
  })),
  // Named in seed 002 (case study): set up in 1982 as a state training
  // centre, self-supporting since 1997, in the SKF competition since 2000.
  // The seed says only "East Kazakhstan oblast"; the settlement is our
  // identification (Pervomaisky, Shemonaikha raion).
  {
    code: 'CLC-SKF-PERVOMAI',
    parent: 'KZ-VOS-SHE-PER',
    type: 'clc',
    name: { kk: 'Первомай оқу орталығы', ru: 'Первомайский учебный центр', en: 'Pervomai Training Centre' },
    address: null, lat: 50.76, lon: 81.83, phone: null, email: null, facilitators: [],
    openedOn: '1982-01-01', connectivity: 'fixed', computers: null,
    languages: ['kk', 'ru'], openingHours: null, invented: false, source: 'seed 002',
  },
];

export const demoCentres: DemoCentre[] = [
  pushkinLibrary,
  itYurt,
  ...onlineCentres,
  ...unescoClcs,
  ...skfClcs,
  aktobeLibrarySystem,
  karagandaYouthCentre,
];

// ---------------------------------------------------------------- partners

const p = (code: string, kind: PartnerKind, orgUnit: string, kk: string, ru: string, en: string, extra: Partial<DemoPartner> = {}): DemoPartner => ({
  code, kind, orgUnit, name: { kk, ru, en }, ...extra,
});

export const demoPartners: DemoPartner[] = [
  // seed 000: the IT-Yurt's partners in Ust-Kamenogorsk
  p('P-VOS-EMPLOY', 'employment_centre', 'KZ-VOS-UKA', 'Өскемен қаласының Еңбек және жұмыспен қамту орталығы', 'Центр труда и занятости города Усть-Каменогорска', 'Labour and Employment Centre of Ust-Kamenogorsk', { note: 'information about unemployed youth and job opportunities (seed 000)' }),
  p('P-VOS-AMIDO', 'ngo', 'KZ-VOS-UKA', '«AMiDO» үкіметтік емес ұйымы', 'Неправительственная организация «AMiDO»', 'AMiDO', { note: 'reaches youth activists; training and counselling (seed 000)' }),
  p('P-VOS-FUTURE', 'ngo', 'KZ-VOS-UKA', '«Қазақстанның болашағы үшін» үкіметтік емес ұйымы', 'Неправительственная организация «За будущее Казахстана»', 'For the Future of Kazakhstan', { note: 'reaches youth activists; training and counselling (seed 000)' }),
  p('P-VOS-ZHASOTAN', 'ngo', 'KZ-VOS-UKA', '«Жас Отан» жастар ұйымы', 'Молодёжная организация «Жас Отан»', 'ZhasOtan', { note: 'reaches youth activists; training and counselling (seed 000)' }),
  p('P-VOS-MIGRATION', 'migration_department', 'KZ-VOS', 'Көші-қон департаменті (Шығыс Қазақстан облысы)', 'Департамент миграции (Восточно-Казахстанская область)', 'Migration Department (East Kazakhstan)', { note: 'reaches repatriate (kandas, formerly oralman) communities (seed 000)' }),
  p('P-VOS-LIBASSOC', 'ngo', 'KZ-VOS', 'Шығыс Қазақстан кітапханашылар қауымдастығы', 'Ассоциация библиотекарей Восточного Казахстана', "East Kazakhstan Librarians' Association", { note: 'web page of the IT-Yurt; spreads the model to libraries across Kazakhstan (seed 000)' }),
  p('P-VOS-AKIMAT', 'akimat', 'KZ-VOS', 'Шығыс Қазақстан облысының әкімдігі', 'Акимат Восточно-Казахстанской области', 'East Kazakhstan Regional Akimat', { note: 'opened online centres in more rural libraries; 2016 regulation: every library connected to the internet (seed 001)' }),
  // donors
  p('P-EIFL', 'donor', 'KZ', 'EIFL (Кітапханаларға арналған электрондық ақпарат)', 'EIFL (Электронная информация для библиотек)', 'EIFL (Electronic Information for Libraries)', { website: 'https://www.eifl.net', note: 'Public Library Innovation Programme (EIFL-PLIP) grant to the Youth IT-Yurt, November 2011 (seed 000)' }),
  p('P-UNDP-KZ', 'donor', 'KZ-AST', 'БҰҰ Даму бағдарламасының Қазақстандағы өкілдігі', 'Программа развития ООН в Казахстане', 'UNDP Kazakhstan', { note: 'technical support to the rural library online centres from 2012 (seed 001)' }),
  p('P-UNESCO-ALA', 'donor', 'KZ-ALA', 'ЮНЕСКО-ның Алматыдағы кластерлік бюросы', 'Кластерное бюро ЮНЕСКО в Алматы', 'UNESCO Almaty Office', { website: 'https://en.unesco.kz', note: 'supports the CLCs of seed 002 and the media and information literacy course of seed 003' }),
  p('P-SKF', 'donor', 'KZ-ALA', '«Сорос-Қазақстан» қоры', 'Фонд «Сорос-Казахстан»', 'Soros Foundation Kazakhstan', { note: 'community education project since 2000: 26 CLCs in 13 oblasts (seed 002)' }),
  // seed 002: coordination and local partners of the UNESCO CLCs
  p('P-EFA-KZ', 'ngo', 'KZ-ALA', '«Қазақстанда барлығына білім» қауымдастығы', 'Ассоциация «Образование для всех в Казахстане»', 'Association "Education for All in Kazakhstan"', { note: 'coordinates and monitors the UNESCO CLCs; receives their monthly reports and plans by fax or e-mail (seed 002)' }),
  p('P-ZHA-KOR-LABOUR', 'akimat', 'KZ-ZHA-KOR', 'Қордай аудандық еңбек және халықты әлеуметтік қорғау бөлімі', 'Отдел труда и социальной защиты населения Кордайского района', 'Kordai District Department of Labour and Social Protection', { note: 'promoter of the Kordai CLC; salaries from the public works fund (seed 002)' }),
  p('P-ZHA-TAR-AKIMAT', 'akimat', 'KZ-ZHA-TAR', 'Тараз қаласының әкімдігі', 'Акимат города Тараз', 'Taraz City Akimat', { note: '420,000 tenge for repairs and furniture; salaries for ten trainers from January 2004 (seed 002)' }),
  p('P-ZHA-TAR-YOUTHFUND', 'ngo', 'KZ-ZHA-TAR', 'Жастар біліміне қолдау көрсету қоғамдық қоры', 'Общественный фонд поддержки образования молодёжи', 'Public Fund for Support of Youth Education', { note: 'initiated the Taraz CLC (seed 002)' }),
  p('P-ZHA-TAR-KSK', 'ngo', 'KZ-ZHA-TAR', 'Пәтер иелері кооперативінің кеңесі (Тараз)', 'Совет кооператива собственников квартир (Тараз)', 'Council of the Cooperative of Apartment Owners (Taraz)', { note: 'free premises, heating, electricity, water and cleaning for the Taraz CLC (seed 002)' }),
  p('P-ZHA-SOR-VET', 'vet_school', 'KZ-ZHA-KOR', 'Сортөбе маңындағы кәсіптік мектеп', 'Профессиональная школа по соседству с Сортобе', 'Vocational school neighbouring Sortobe', { note: 'seed 002 does not name the school' }),
  p('P-ZHT-UCA', 'ngo', 'KZ', 'Орталық Азия университеті', 'Университет Центральной Азии', 'Central Asian University (Aga Khan Foundation)', { note: 'a university; recorded as ngo for want of a closer partner kind (seed 002)' }),
  // seed 004: the Karaganda Triple-E partnership
  p('P-KAR-YBA', 'business', 'KZ-KAR-KAR', 'Қарағанды жастар бизнес қауымдастығы', 'Ассоциация молодёжного бизнеса Караганды', 'Youth Business Association (Karaganda)', { note: '60 companies (seed 004)' }),
  p('P-KAR-CHAMBER', 'chamber', 'KZ-KAR', 'Қарағанды облысының кәсіпкерлер палатасы', 'Палата предпринимателей Карагандинской области', 'Chamber of Entrepreneurs of Karaganda Region', { note: '100,000+ businesses, from micro-enterprises to multinationals (seed 004)' }),
  p('P-KAR-KCBL', 'vet_school', 'KZ-KAR-KAR', 'Қарағанды бизнес және құқық колледжі', 'Карагандинский колледж бизнеса и права', 'Karaganda College of Business and Law', { note: 'one of 26 local VET schools of the Triple-E partnership (seed 004)' }),
  p('P-KAR-KPC', 'vet_school', 'KZ-KAR-KAR', 'Қарағанды политехникалық колледжі', 'Карагандинский политехнический колледж', 'Karaganda Polytechnic College', { note: 'one of 26 local VET schools of the Triple-E partnership (seed 004)' }),
  p('P-KAR-KBS', 'vet_school', 'KZ-KAR-KAR', 'Қарағанды бизнес мектебі', 'Карагандинская бизнес-школа', 'Karaganda Business School', { note: 'one of 26 local VET schools of the Triple-E partnership (seed 004)' }),
];

// ------------------------------------------------------------ partnerships

const yurtAndLibrary = (partner: string, role: string): DemoPartnership[] =>
  [itYurt.code, pushkinLibrary.code].map((centre) => ({ centre, partner, role, startDate: '2011-11-01' }));

const triple = (partner: string, role: string): DemoPartnership => ({ centre: karagandaYouthCentre.code, partner, role, startDate: '2014-09-01' });

export const demoPartnerships: DemoPartnership[] = [
  // seed 000
  ...yurtAndLibrary('P-VOS-EMPLOY', 'vacancies and unemployed youth referrals'),
  ...yurtAndLibrary('P-VOS-AMIDO', 'outreach to youth activists; training and counselling'),
  ...yurtAndLibrary('P-VOS-FUTURE', 'outreach to youth activists; training and counselling'),
  ...yurtAndLibrary('P-VOS-ZHASOTAN', 'outreach to youth activists; training and counselling'),
  ...yurtAndLibrary('P-VOS-MIGRATION', 'outreach to repatriates (kandas)'),
  ...yurtAndLibrary('P-VOS-LIBASSOC', 'web page of the service; spreading it to other libraries'),
  { centre: itYurt.code, partner: 'P-EIFL', role: 'EIFL-PLIP grant: Youth IT-Yurt', startDate: '2011-11-01', endDate: '2012-11-30', note: 'impact assessed in November 2012: 55 young people found work, started a business or improved their job' },
  { centre: pushkinLibrary.code, partner: 'P-EIFL', role: 'EIFL-PLIP grantee', startDate: '2011-11-01', endDate: '2012-11-30' },
  // seed 001
  { centre: pushkinLibrary.code, partner: 'P-UNDP-KZ', role: 'technical support: rural library online centres programme', startDate: '2012-01-01' },
  { centre: pushkinLibrary.code, partner: 'P-VOS-AKIMAT', role: 'online centres in rural libraries; mandatory internet connection of libraries', startDate: '2013-01-01' },
  ...onlineCentrePartnerships,
  // seed 002: UNESCO CLCs
  ...unescoClcs.map((c) => ({ centre: c.code, partner: 'P-UNESCO-ALA', role: 'CLC project: equipment, internet connection, training of facilitators', startDate: c.openedOn })),
  ...unescoClcs.map((c) => ({ centre: c.code, partner: 'P-EFA-KZ', role: 'coordination and monitoring; monthly reports and plans by fax or e-mail', startDate: c.openedOn })),
  { centre: 'CLC-KORDAI', partner: 'P-ZHA-KOR-LABOUR', role: 'promoter; facilitator salaries from the public works fund', startDate: '2003-10-01' },
  { centre: 'CLC-TARAZ', partner: 'P-ZHA-TAR-AKIMAT', role: 'repairs and furniture (420,000 tenge); salaries of ten trainers', startDate: '2003-12-01' },
  { centre: 'CLC-TARAZ', partner: 'P-ZHA-TAR-YOUTHFUND', role: 'promoter: resource mobilisation, appointment of the facilitator', startDate: '2003-12-01' },
  { centre: 'CLC-TARAZ', partner: 'P-ZHA-TAR-KSK', role: 'premises and utilities free of charge', startDate: '2003-12-01' },
  { centre: 'CLC-SORTOBE', partner: 'P-ZHA-SOR-VET', role: 'shared facilities: sewing machines for women; computers and internet for VET students', startDate: '2003-10-01' },
  { centre: 'CLC-AMANBOKTER', partner: 'P-ZHT-UCA', role: 'survey of adult learning needs; business programmes', startDate: '2003-10-01' },
  // seed 002: SKF CLCs
  ...skfClcs.map((c) => ({
    centre: c.code,
    partner: 'P-SKF',
    role: 'community education grant ("School as a centre of community life")',
    startDate: c.openedOn < '2000-01-01' ? '2000-01-01' : c.openedOn,
  })),
  // seed 003
  { centre: aktobeLibrarySystem.code, partner: 'P-UNESCO-ALA', role: 'media and information literacy course for librarians', startDate: '2016-04-04', endDate: '2016-04-08' },
  // seed 004: Triple-E
  triple('P-KAR-YBA', 'work-based learning placements and mentors'),
  triple('P-KAR-CHAMBER', 'consultative mechanism with business; vacancies'),
  triple('P-KAR-KCBL', 'VET provider: entrepreneurial and work-based learning'),
  triple('P-KAR-KPC', 'VET provider: entrepreneurial and work-based learning'),
  triple('P-KAR-KBS', 'VET provider: entrepreneurial and work-based learning'),
];

// ------------------------------------------------------------------- users

const u = (username: string, displayName: string, role: Role, orgUnit: string, partner?: string): DemoUser => ({
  username, displayName, role, orgUnit, password: DEMO_PASSWORD, ...(partner ? { partner } : {}),
});

export const demoUsers: DemoUser[] = [
  u('admin', 'Ерлан Сапаров', 'admin', 'KZ'),
  u('national', 'Гүлмира Әбенова', 'national', 'KZ'),
  u('regional.vko', 'Айгүл Қасымова', 'regional', 'KZ-VOS'),
  u('manager.pushkin', 'Данияр Оспанов', 'centre_manager', pushkinLibrary.code),
  u('facilitator.kordai', 'Мәдина Жұмабекова', 'facilitator', 'CLC-KORDAI'),
  u('employer.yba', 'Асқар Бекетов', 'employer', 'KZ-KAR', 'P-KAR-YBA'),
  u('learner.demo', 'Нұрлан Серікбаев', 'learner', itYurt.code),
];
