// The demo network's geography: Kazakhstan's administrative division as it
// stands today (since the 2022 reform that created the Abai, Zhetysu and
// Ulytau oblasts), down to the raions, cities and villages where the demo
// centres are. Pure data. Sources and caveats: docs/demo-data.md.
// Coordinates are approximate (WGS 84, decimal degrees): exact enough to put
// a pin in the right raion, never a surveyed position.

export type OrgUnitKind = 'country' | 'oblast' | 'city' | 'raion' | 'settlement';

export interface Names {
  kk: string;
  ru: string;
  en: string;
}

export interface DemoOrgUnit {
  code: string;
  kind: OrgUnitKind;
  parent: string | null;
  name: Names;
  /** other spellings and exonyms, for search */
  aliases?: string[];
  lat?: number;
  lon?: number;
}

const n = (kk: string, ru: string, en: string): Names => ({ kk, ru, en });

const country: DemoOrgUnit[] = [
  { code: 'KZ', kind: 'country', parent: null, name: n('Қазақстан', 'Казахстан', 'Kazakhstan'), aliases: ['Қазақстан Республикасы', 'Республика Казахстан', 'Republic of Kazakhstan'], lat: 51.169, lon: 71.449 },
];

// 17 oblasts and the 3 cities of republican significance; lat/lon is the
// administrative centre.
const regions: DemoOrgUnit[] = [
  { code: 'KZ-ABA', kind: 'oblast', parent: 'KZ', name: n('Абай облысы', 'область Абай', 'Abai Region'), aliases: ['Абайская область', 'Abay Region'], lat: 50.411, lon: 80.227 },
  { code: 'KZ-AKM', kind: 'oblast', parent: 'KZ', name: n('Ақмола облысы', 'Акмолинская область', 'Akmola Region'), aliases: ['Aqmola'], lat: 53.284, lon: 69.389 },
  { code: 'KZ-AKT', kind: 'oblast', parent: 'KZ', name: n('Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region'), aliases: ['Aqtöbe', 'Aktyubinsk Region'], lat: 50.284, lon: 57.167 },
  { code: 'KZ-ALM', kind: 'oblast', parent: 'KZ', name: n('Алматы облысы', 'Алматинская область', 'Almaty Region'), aliases: ['Almaty oblast', 'Alma-Ata Region'], lat: 43.878, lon: 77.068 },
  { code: 'KZ-ATY', kind: 'oblast', parent: 'KZ', name: n('Атырау облысы', 'Атырауская область', 'Atyrau Region'), aliases: ['Guryev Region'], lat: 47.107, lon: 51.914 },
  { code: 'KZ-ZAP', kind: 'oblast', parent: 'KZ', name: n('Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'West Kazakhstan Region'), aliases: ['ЗКО', 'BQO'], lat: 51.233, lon: 51.367 },
  { code: 'KZ-ZHA', kind: 'oblast', parent: 'KZ', name: n('Жамбыл облысы', 'Жамбылская область', 'Zhambyl Region'), aliases: ['Jambyl Region', 'Zhambil oblast', 'Dzhambul Region'], lat: 42.9, lon: 71.367 },
  { code: 'KZ-ZHT', kind: 'oblast', parent: 'KZ', name: n('Жетісу облысы', 'область Жетісу', 'Zhetysu Region'), aliases: ['Жетысуская область', 'Jetisu Region'], lat: 45.016, lon: 78.374 },
  { code: 'KZ-KAR', kind: 'oblast', parent: 'KZ', name: n('Қарағанды облысы', 'Карагандинская область', 'Karaganda Region'), aliases: ['Qaraghandy Region'], lat: 49.806, lon: 73.085 },
  { code: 'KZ-KUS', kind: 'oblast', parent: 'KZ', name: n('Қостанай облысы', 'Костанайская область', 'Kostanay Region'), aliases: ['Kostanai oblast', 'Kustanai Region'], lat: 53.214, lon: 63.632 },
  { code: 'KZ-KZY', kind: 'oblast', parent: 'KZ', name: n('Қызылорда облысы', 'Кызылординская область', 'Kyzylorda Region'), aliases: ['Kzyl Orda oblast', 'Qyzylorda Region'], lat: 44.853, lon: 65.509 },
  { code: 'KZ-MAN', kind: 'oblast', parent: 'KZ', name: n('Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region'), aliases: ['Mangyshlak'], lat: 43.651, lon: 51.158 },
  { code: 'KZ-PAV', kind: 'oblast', parent: 'KZ', name: n('Павлодар облысы', 'Павлодарская область', 'Pavlodar Region'), lat: 52.287, lon: 76.967 },
  { code: 'KZ-SEV', kind: 'oblast', parent: 'KZ', name: n('Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 'North Kazakhstan Region'), aliases: ['СКО', 'North-Kazakhstan oblast'], lat: 54.866, lon: 69.135 },
  { code: 'KZ-TUR', kind: 'oblast', parent: 'KZ', name: n('Түркістан облысы', 'Туркестанская область', 'Turkistan Region'), aliases: ['Оңтүстік Қазақстан облысы', 'Южно-Казахстанская область', 'South Kazakhstan Region'], lat: 43.297, lon: 68.252 },
  { code: 'KZ-ULT', kind: 'oblast', parent: 'KZ', name: n('Ұлытау облысы', 'область Ұлытау', 'Ulytau Region'), aliases: ['Улытауская область'], lat: 47.783, lon: 67.714 },
  { code: 'KZ-VOS', kind: 'oblast', parent: 'KZ', name: n('Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 'East Kazakhstan Region'), aliases: ['ВКО', 'ШҚО', 'East Kazakhstan oblast'], lat: 49.948, lon: 82.628 },
  { code: 'KZ-AST', kind: 'city', parent: 'KZ', name: n('Астана', 'Астана', 'Astana'), aliases: ['Nur-Sultan', 'Нур-Султан', 'Akmola', 'Tselinograd'], lat: 51.169, lon: 71.449 },
  { code: 'KZ-ALA', kind: 'city', parent: 'KZ', name: n('Алматы', 'Алматы', 'Almaty'), aliases: ['Alma-Ata', 'Алма-Ата'], lat: 43.238, lon: 76.946 },
  { code: 'KZ-SHY', kind: 'city', parent: 'KZ', name: n('Шымкент', 'Шымкент', 'Shymkent'), aliases: ['Chimkent', 'Чимкент'], lat: 42.342, lon: 69.59 },
];

// East Kazakhstan as it is today: the cities of Oskemen and Ridder and all
// eleven raions (Semey, Kurchatov and the western raions went to Abai oblast
// in 2022; Markakol, Samar and Ulken Naryn raions were re-created then).
const eastKazakhstan: DemoOrgUnit[] = [
  { code: 'KZ-VOS-UKA', kind: 'city', parent: 'KZ-VOS', name: n('Өскемен', 'Усть-Каменогорск', 'Oskemen'), aliases: ['Ust-Kamenogorsk', 'Ust-Kamenogorsk city', 'Öskemen'], lat: 49.948, lon: 82.628 },
  { code: 'KZ-VOS-RID', kind: 'city', parent: 'KZ-VOS', name: n('Риддер', 'Риддер', 'Ridder'), aliases: ['Leninogorsk', 'Лениногорск'], lat: 50.344, lon: 83.513 },
  { code: 'KZ-VOS-ALT', kind: 'raion', parent: 'KZ-VOS', name: n('Алтай ауданы', 'район Алтай', 'Altai District'), aliases: ['Зыряновский район', 'Zyryanovsk District'], lat: 49.717, lon: 84.276 },
  { code: 'KZ-VOS-GLU', kind: 'raion', parent: 'KZ-VOS', name: n('Глубокое ауданы', 'Глубоковский район', 'Glubokoye District'), aliases: ['Glubokoe'], lat: 50.139, lon: 82.309 },
  { code: 'KZ-VOS-ZAI', kind: 'raion', parent: 'KZ-VOS', name: n('Зайсан ауданы', 'Зайсанский район', 'Zaysan District'), aliases: ['Zaisan'], lat: 47.466, lon: 84.873 },
  { code: 'KZ-VOS-KAT', kind: 'raion', parent: 'KZ-VOS', name: n('Катонқарағай ауданы', 'Катон-Карагайский район', 'Katon-Karagay District'), aliases: ['Katonkaragai'], lat: 49.175, lon: 85.611 },
  { code: 'KZ-VOS-KUR', kind: 'raion', parent: 'KZ-VOS', name: n('Күршім ауданы', 'Курчумский район', 'Kurchum District'), aliases: ['Kurshim'], lat: 48.566, lon: 83.659 },
  { code: 'KZ-VOS-MAR', kind: 'raion', parent: 'KZ-VOS', name: n('Марқакөл ауданы', 'Маркакольский район', 'Markakol District'), lat: 48.82, lon: 85.28 },
  { code: 'KZ-VOS-SAM', kind: 'raion', parent: 'KZ-VOS', name: n('Самар ауданы', 'Самарский район', 'Samar District'), lat: 49.03, lon: 83.36 },
  { code: 'KZ-VOS-TAR', kind: 'raion', parent: 'KZ-VOS', name: n('Тарбағатай ауданы', 'Тарбагатайский район', 'Tarbagatay District'), aliases: ['Tarbagatai'], lat: 47.61, lon: 83.7 },
  { code: 'KZ-VOS-ULA', kind: 'raion', parent: 'KZ-VOS', name: n('Ұлан ауданы', 'Уланский район', 'Ulan District'), lat: 49.79, lon: 82.68 },
  { code: 'KZ-VOS-UNA', kind: 'raion', parent: 'KZ-VOS', name: n('Үлкен Нарын ауданы', 'район Улкен Нарын', 'Ulken Naryn District'), aliases: ['Улкеннарынский район'], lat: 49.208, lon: 84.512 },
  { code: 'KZ-VOS-SHE', kind: 'raion', parent: 'KZ-VOS', name: n('Шемонаиха ауданы', 'Шемонаихинский район', 'Shemonaikha District'), lat: 50.627, lon: 81.912 },
];

// Villages of East Kazakhstan with a rural library online centre (seed 001),
// plus Pervomaisky (seed 002's Pervomai Training Centre).
const s = (raion: string, abbr: string, kk: string, ru: string, en: string, lat: number, lon: number, aliases?: string[]): DemoOrgUnit => ({
  code: `${raion}-${abbr}`, kind: 'settlement', parent: raion, name: n(kk, ru, en), lat, lon, ...(aliases ? { aliases } : {}),
});

const eastKazakhstanVillages: DemoOrgUnit[] = [
  s('KZ-VOS-GLU', 'BEL', 'Белоусовка', 'Белоусовка', 'Belousovka', 50.137, 82.521),
  s('KZ-VOS-GLU', 'VBR', 'Верхнеберёзовский', 'Верхнеберёзовский', 'Verkhneberezovsky', 50.212, 82.435),
  s('KZ-VOS-GLU', 'CHE', 'Черемшанка', 'Черемшанка', 'Cheremshanka', 50.06, 82.181),
  s('KZ-VOS-GLU', 'BOB', 'Бобровка', 'Бобровка', 'Bobrovka', 50.033, 82.408),
  s('KZ-VOS-GLU', 'PRA', 'Прапорщиково', 'Прапорщиково', 'Praporshchikovo', 50.09, 82.47),
  s('KZ-VOS-GLU', 'SEK', 'Секисовка', 'Секисовка', 'Sekisovka', 50.357, 82.597),
  s('KZ-VOS-GLU', 'BYS', 'Быструха', 'Быструха', 'Bystrukha', 50.283, 82.653),
  s('KZ-VOS-SHE', 'UTL', 'Усть-Таловка', 'Усть-Таловка', 'Ust-Talovka', 50.557, 81.836),
  s('KZ-VOS-SHE', 'VUB', 'Верх-Уба', 'Верх-Уба', 'Verkh-Uba', 50.528, 82.112),
  s('KZ-VOS-SHE', 'VYD', 'Выдриха', 'Выдриха', 'Vydrikha', 50.735, 81.706),
  s('KZ-VOS-SHE', 'ZEV', 'Зевакино', 'Зевакино', 'Zevakino', 50.768, 81.575),
  s('KZ-VOS-SHE', 'KAM', 'Каменевка', 'Каменевка', 'Kamenevka', 50.66, 82.03),
  s('KZ-VOS-SHE', 'PER', 'Первомайский', 'Первомайский', 'Pervomaisky', 50.76, 81.83, ['Pervomai', 'Первомай']),
  s('KZ-VOS-ULA', 'TAV', 'Таврическое', 'Таврическое', 'Tavricheskoye', 49.867, 82.474),
  s('KZ-VOS-ULA', 'ASU', 'Асубұлақ', 'Асубулак', 'Asubulak', 49.553, 83.063),
  s('KZ-VOS-ULA', 'OGN', 'Огневка', 'Огнёвка', 'Ognevka', 49.62, 83.02),
  s('KZ-VOS-ULA', 'SAG', 'Сағыр', 'Сагыр', 'Sagyr', 49.38, 82.86),
  s('KZ-VOS-ULA', 'BOZ', 'Бозанбай', 'Бозанбай', 'Bozanbai', 49.47, 82.78),
  s('KZ-VOS-ALT', 'NBU', 'Жаңа Бұқтырма', 'Новая Бухтарма', 'Novaya Bukhtarma', 49.62, 83.52),
  s('KZ-VOS-ALT', 'ZUB', 'Зубовск', 'Зубовск', 'Zubovsk', 49.768, 84.331),
  s('KZ-VOS-ALT', 'MAL', 'Малеевск', 'Малеевск', 'Maleyevsk', 49.812, 84.573),
  s('KZ-VOS-ALT', 'PAR', 'Парыгино', 'Парыгино', 'Parygino', 49.76, 84.08),
  s('KZ-VOS-ALT', 'CHR', 'Черновая', 'Чёрновая', 'Chernovaya', 49.62, 84.48),
  s('KZ-VOS-ALT', 'PUT', 'Путинцево', 'Путинцево', 'Putintsevo', 49.885, 84.365),
  s('KZ-VOS-UNA', 'UNA', 'Үлкен Нарын', 'Улкен Нарын', 'Ulken Naryn', 49.208, 84.512, ['Большенарымское', 'Bolshenarymskoye']),
  s('KZ-VOS-UNA', 'MAI', 'Маймыр', 'Маймыр', 'Maimyr', 49.19, 84.79),
  s('KZ-VOS-KAT', 'KAT', 'Катонқарағай', 'Катон-Карагай', 'Katonkaragai', 49.175, 85.611),
  s('KZ-VOS-KAT', 'URY', 'Үрыл', 'Урыль', 'Uryl', 49.2, 85.44),
  s('KZ-VOS-KAT', 'BER', 'Берел', 'Берель', 'Berel', 49.374, 86.441),
  s('KZ-VOS-KAT', 'SHY', 'Шыңғыстай', 'Чингистай', 'Shyngystai', 49.27, 85.32),
  s('KZ-VOS-KUR', 'KUR', 'Күршім', 'Курчум', 'Kurchum', 48.566, 83.659),
  s('KZ-VOS-KUR', 'BUR', 'Боран', 'Буран', 'Boran', 48.0, 85.2),
  s('KZ-VOS-KUR', 'MRD', 'Маралды', 'Маральды', 'Maraldy', 48.77, 83.9),
  s('KZ-VOS-MAR', 'TER', 'Теректі', 'Теректы', 'Terekty', 48.82, 85.28, ['Алексеевка', 'Alekseyevka']),
  s('KZ-VOS-MAR', 'URU', 'Урунхайка', 'Урунхайка', 'Urunkhaika', 48.78, 85.92),
  s('KZ-VOS-MAR', 'KAL', 'Қалжыр', 'Калжир', 'Kalzhyr', 48.55, 85.1),
  s('KZ-VOS-ZAI', 'SHI', 'Шілікті', 'Шиликты', 'Shilikti', 47.62, 85.57),
  s('KZ-VOS-ZAI', 'DAI', 'Дайыр', 'Дайыр', 'Daiyr', 47.79, 84.47),
  s('KZ-VOS-ZAI', 'KRT', 'Қаратал', 'Каратал', 'Karatal', 47.53, 84.68),
  s('KZ-VOS-TAR', 'AKZ', 'Ақжар', 'Акжар', 'Akzhar', 47.61, 83.7),
  s('KZ-VOS-TAR', 'MAN', 'Маңырақ', 'Манырак', 'Manyrak', 47.45, 83.9),
  s('KZ-VOS-SAM', 'SAM', 'Самар', 'Самарское', 'Samarskoye', 49.03, 83.36),
  s('KZ-VOS-SAM', 'PAL', 'Палатцы', 'Палатцы', 'Palattsy', 49.17, 83.05),
  s('KZ-VOS-SAM', 'KUL', 'Құлыжұн', 'Кулуджун', 'Kuludzhun', 48.75, 83.25),
  s('KZ-VOS-RID', 'BUT', 'Бутаково', 'Бутаково', 'Butakovo', 50.32, 83.62),
  s('KZ-VOS-RID', 'POP', 'Поперечное', 'Поперечное', 'Poperechnoye', 50.39, 83.44),
];

// The UNESCO CLCs of seed 002, where their settlements are today: Sarkand
// and Eskeldi raions moved from Almaty oblast to Zhetysu oblast in 2022;
// Kordai raion and Taraz stayed in Zhambyl oblast.
const unescoClcPlaces: DemoOrgUnit[] = [
  { code: 'KZ-ZHT-SAR', kind: 'raion', parent: 'KZ-ZHT', name: n('Сарқан ауданы', 'Саркандский район', 'Sarkand District'), aliases: ['Sarkand rayon'], lat: 45.412, lon: 79.916 },
  s('KZ-ZHT-SAR', 'AMB', 'Аманбөктер', 'Аманбоктер', 'Amanbokter', 45.3, 80.05),
  { code: 'KZ-ZHT-ESK', kind: 'raion', parent: 'KZ-ZHT', name: n('Ескелді ауданы', 'Ескельдинский район', 'Eskeldi District'), aliases: ['Eskeldy rayon'], lat: 44.907, lon: 78.488 },
  s('KZ-ZHT-ESK', 'KRB', 'Қарабұлақ', 'Карабулак', 'Karabulak', 44.907, 78.488),
  { code: 'KZ-ZHT-TAL', kind: 'city', parent: 'KZ-ZHT', name: n('Талдықорған', 'Талдыкорган', 'Taldykorgan'), aliases: ['Taldyqorghan'], lat: 45.016, lon: 78.374 },
  { code: 'KZ-ZHA-KOR', kind: 'raion', parent: 'KZ-ZHA', name: n('Қордай ауданы', 'Кордайский район', 'Kordai District'), aliases: ['Korday District', 'Kordai rayon'], lat: 43.037, lon: 74.711 },
  s('KZ-ZHA-KOR', 'KOR', 'Қордай', 'Кордай', 'Kordai', 43.037, 74.711, ['Korday', 'Georgievka', 'Георгиевка']),
  s('KZ-ZHA-KOR', 'NOG', 'Ноғайбай', 'Ногайбай', 'Nogaibai', 43.02, 74.87),
  s('KZ-ZHA-KOR', 'SOR', 'Сортөбе', 'Сортобе', 'Sortobe', 42.86, 75.22, ['Sor-Tobe', 'Сор-Тобе']),
  { code: 'KZ-ZHA-TAR', kind: 'city', parent: 'KZ-ZHA', name: n('Тараз', 'Тараз', 'Taraz'), aliases: ['Zhambyl', 'Dzhambul', 'Джамбул', 'Aulie-Ata'], lat: 42.9, lon: 71.367 },
];

// Places of the 26 Soros-Kazakhstan Fund CLCs (seed 002 gives only counts
// per oblast; the places are demo choices), and of the Aktobe and Karaganda
// centres (seeds 003 and 004).
const otherPlaces: DemoOrgUnit[] = [
  { code: 'KZ-SEV-PET', kind: 'city', parent: 'KZ-SEV', name: n('Петропавл', 'Петропавловск', 'Petropavl'), aliases: ['Petropavlovsk', 'Қызылжар'], lat: 54.866, lon: 69.135 },
  { code: 'KZ-SEV-AKK', kind: 'raion', parent: 'KZ-SEV', name: n('Аққайың ауданы', 'Аккайынский район', 'Akkayin District'), lat: 54.51, lon: 69.42 },
  s('KZ-SEV-AKK', 'SMI', 'Смирнов', 'Смирново', 'Smirnovo', 54.51, 69.42),
  { code: 'KZ-SEV-TIM', kind: 'raion', parent: 'KZ-SEV', name: n('Тимирязев ауданы', 'Тимирязевский район', 'Timiryazev District'), lat: 53.75, lon: 66.49 },
  s('KZ-SEV-TIM', 'TIM', 'Тимирязев', 'Тимирязево', 'Timiryazevo', 53.75, 66.49),
  { code: 'KZ-SEV-GMU', kind: 'raion', parent: 'KZ-SEV', name: n('Ғабит Мүсірепов атындағы аудан', 'район имени Габита Мусрепова', 'Gabit Musrepov District'), lat: 53.2, lon: 66.77 },
  s('KZ-SEV-GMU', 'NOV', 'Новоишім', 'Новоишимское', 'Novoishimskoye', 53.2, 66.77),
  { code: 'KZ-AKT-AKT', kind: 'city', parent: 'KZ-AKT', name: n('Ақтөбе', 'Актобе', 'Aktobe'), aliases: ['Aktyubinsk', 'Актюбинск', 'Aqtöbe'], lat: 50.284, lon: 57.167 },
  { code: 'KZ-AKT-KHR', kind: 'raion', parent: 'KZ-AKT', name: n('Хромтау ауданы', 'Хромтауский район', 'Khromtau District'), lat: 50.251, lon: 58.44 },
  s('KZ-AKT-KHR', 'KHR', 'Хромтау', 'Хромтау', 'Khromtau', 50.251, 58.44),
  { code: 'KZ-ZAP-URA', kind: 'city', parent: 'KZ-ZAP', name: n('Орал', 'Уральск', 'Oral'), aliases: ['Uralsk'], lat: 51.233, lon: 51.367 },
  { code: 'KZ-ATY-ZHY', kind: 'raion', parent: 'KZ-ATY', name: n('Жылыой ауданы', 'Жылыойский район', 'Zhylyoi District'), lat: 46.953, lon: 54.02 },
  s('KZ-ATY-ZHY', 'KUL', 'Құлсары', 'Кульсары', 'Kulsary', 46.953, 54.02),
  { code: 'KZ-ULT-ZHE', kind: 'city', parent: 'KZ-ULT', name: n('Жезқазған', 'Жезказган', 'Zhezkazgan'), aliases: ['Dzhezkazgan', 'Джезказган'], lat: 47.783, lon: 67.714 },
  { code: 'KZ-KAR-KAR', kind: 'city', parent: 'KZ-KAR', name: n('Қарағанды', 'Караганда', 'Karaganda'), aliases: ['Qaraghandy'], lat: 49.806, lon: 73.085 },
  { code: 'KZ-KUS-KOS', kind: 'city', parent: 'KZ-KUS', name: n('Қостанай', 'Костанай', 'Kostanay'), aliases: ['Kustanai', 'Кустанай'], lat: 53.214, lon: 63.632 },
  { code: 'KZ-KUS-RUD', kind: 'city', parent: 'KZ-KUS', name: n('Рудный', 'Рудный', 'Rudny'), aliases: ['Rudnyy'], lat: 52.959, lon: 63.117 },
  { code: 'KZ-KUS-KBL', kind: 'raion', parent: 'KZ-KUS', name: n('Қарабалық ауданы', 'Карабалыкский район', 'Karabalyk District'), lat: 53.85, lon: 62.1 },
  s('KZ-KUS-KBL', 'KBL', 'Қарабалық', 'Карабалык', 'Karabalyk', 53.85, 62.1),
  { code: 'KZ-KZY-KZY', kind: 'city', parent: 'KZ-KZY', name: n('Қызылорда', 'Кызылорда', 'Kyzylorda'), aliases: ['Kzyl-Orda', 'Qyzylorda'], lat: 44.853, lon: 65.509 },
  { code: 'KZ-KZY-ARA', kind: 'raion', parent: 'KZ-KZY', name: n('Арал ауданы', 'Аральский район', 'Aral District'), lat: 46.8, lon: 61.67 },
  s('KZ-KZY-ARA', 'ARA', 'Арал', 'Аральск', 'Aral', 46.8, 61.67, ['Aralsk']),
  { code: 'KZ-KZY-ZHK', kind: 'raion', parent: 'KZ-KZY', name: n('Жаңақорған ауданы', 'Жанакорганский район', 'Zhanakorgan District'), lat: 43.91, lon: 67.25 },
  s('KZ-KZY-ZHK', 'ZHK', 'Жаңақорған', 'Жанакорган', 'Zhanakorgan', 43.91, 67.25),
  { code: 'KZ-KZY-SHI', kind: 'raion', parent: 'KZ-KZY', name: n('Шиелі ауданы', 'Шиелийский район', 'Shieli District'), lat: 44.17, lon: 66.75 },
  s('KZ-KZY-SHI', 'SHI', 'Шиелі', 'Шиели', 'Shieli', 44.17, 66.75),
  { code: 'KZ-PAV-EKI', kind: 'city', parent: 'KZ-PAV', name: n('Екібастұз', 'Экибастуз', 'Ekibastuz'), lat: 51.73, lon: 75.32 },
  { code: 'KZ-PAV-BAY', kind: 'raion', parent: 'KZ-PAV', name: n('Баянауыл ауданы', 'Баянаульский район', 'Bayanaul District'), lat: 50.79, lon: 75.7 },
  s('KZ-PAV-BAY', 'BAY', 'Баянауыл', 'Баянаул', 'Bayanaul', 50.79, 75.7),
  { code: 'KZ-PAV-ZHE', kind: 'raion', parent: 'KZ-PAV', name: n('Железин ауданы', 'Железинский район', 'Zhelezin District'), lat: 53.54, lon: 75.31 },
  s('KZ-PAV-ZHE', 'ZHE', 'Железин', 'Железинка', 'Zhelezinka', 53.54, 75.31),
  { code: 'KZ-ZHA-MER', kind: 'raion', parent: 'KZ-ZHA', name: n('Меркі ауданы', 'Меркенский район', 'Merki District'), lat: 42.87, lon: 73.18 },
  s('KZ-ZHA-MER', 'MER', 'Меркі', 'Мерке', 'Merki', 42.87, 73.18, ['Merke']),
  { code: 'KZ-ALM-ENB', kind: 'raion', parent: 'KZ-ALM', name: n('Еңбекшіқазақ ауданы', 'Енбекшиказахский район', 'Enbekshikazakh District'), lat: 43.356, lon: 77.452 },
  s('KZ-ALM-ENB', 'ESI', 'Есік', 'Есик', 'Esik', 43.356, 77.452, ['Issyk', 'Иссык']),
  s('KZ-ALM-ENB', 'SHE', 'Шелек', 'Шелек', 'Shelek', 43.597, 78.25, ['Chilik', 'Чилик']),
  { code: 'KZ-AKM-KOR', kind: 'raion', parent: 'KZ-AKM', name: n('Қорғалжын ауданы', 'Коргалжынский район', 'Korgalzhyn District'), lat: 50.58, lon: 70.01 },
  s('KZ-AKM-KOR', 'KOR', 'Қорғалжын', 'Коргалжын', 'Korgalzhyn', 50.58, 70.01),
  { code: 'KZ-TUR-SAI', kind: 'raion', parent: 'KZ-TUR', name: n('Сайрам ауданы', 'Сайрамский район', 'Sairam District'), lat: 42.6, lon: 69.83 },
  s('KZ-TUR-SAI', 'AKS', 'Ақсукент', 'Аксукент', 'Aksukent', 42.6, 69.83),
  { code: 'KZ-ABA-SEM', kind: 'city', parent: 'KZ-ABA', name: n('Семей', 'Семей', 'Semey'), aliases: ['Semipalatinsk', 'Семипалатинск'], lat: 50.411, lon: 80.227 },
];

export const demoOrgUnits: DemoOrgUnit[] = [
  ...country,
  ...regions,
  ...eastKazakhstan,
  ...eastKazakhstanVillages,
  ...unescoClcPlaces,
  ...otherPlaces,
];
