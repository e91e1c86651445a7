// The demo's course catalogue: the courses the seeds name (seed 001: MS Word, MS Excel,
// Internet, "Using e-government", "Job searching", "Basics of business planning"; seed 002:
// computer and foreign-language skills, sewing, farming, entrepreneurship, Kazakh; seed 003:
// media and information literacy for librarians) and the short sessions of the rural online
// centres. All in the national catalogue. Hours and texts are demo choices (docs/demo-data.md).
import type { CourseInput } from '../../domain/learning.js';

type Course = Omit<CourseInput, 'orgUnitId'> & { code: string };

const course = (
  code: string, category: Course['category'], plannedHours: number, name: Course['name'],
  targetGroups: Course['targetGroups'], languages: Course['languages'] = ['kk', 'ru'], level: Course['level'] = 'beginner',
): Course => ({
  code, category, plannedHours, name, targetGroups, languages, level, completionPercent: 80,
  description: { kk: null, ru: null, en: null },
});

export const demoCourses: Course[] = [
  // seed 001: the IT-Yurt's trainings and seminars
  course('ICT-WORD', 'ict_basics', 12,
    { kk: 'Microsoft Word негіздері', ru: 'Основы Microsoft Word', en: 'Microsoft Word basics' }, ['unemployed_youth', 'repatriates']),
  course('ICT-EXCEL', 'ict_basics', 12,
    { kk: 'Microsoft Excel негіздері', ru: 'Основы Microsoft Excel', en: 'Microsoft Excel basics' }, ['unemployed_youth', 'repatriates']),
  course('ICT-INTERNET', 'ict_basics', 8,
    { kk: 'Интернет негіздері', ru: 'Основы работы в Интернете', en: 'Internet basics' }, ['unemployed_youth', 'repatriates']),
  course('EGOV-USE', 'e_government', 3,
    { kk: 'Электрондық үкіметті пайдалану', ru: 'Использование электронного правительства', en: 'Using e-government' }, ['unemployed_youth', 'repatriates']),
  course('JOB-SEARCH', 'job_search', 3,
    { kk: 'Жұмыс іздеу', ru: 'Поиск работы', en: 'Job searching' }, ['unemployed_youth', 'repatriates']),
  course('BIZ-PLAN', 'business_planning', 4,
    { kk: 'Бизнес-жоспарлау негіздері', ru: 'Основы бизнес-планирования', en: 'Basics of business planning' }, ['unemployed_youth', 'entrepreneurs']),
  // seed 002: what the UNESCO CLCs taught
  course('CLC-COMPUTER', 'ict_basics', 16,
    { kk: 'Компьютерлік сауаттылық', ru: 'Компьютерная грамотность', en: 'Computer literacy' }, ['unemployed_youth', 'women', 'disadvantaged_children']),
  course('CLC-ENGLISH', 'languages', 16,
    { kk: 'Ағылшын тілі: бастауыш деңгей', ru: 'Английский язык для начинающих', en: 'English for beginners' }, ['unemployed_youth', 'disadvantaged_children']),
  course('CLC-SEWING', 'crafts', 16,
    { kk: 'Тігін және пішу', ru: 'Кройка и шитьё', en: 'Sewing and tailoring' }, ['women', 'single_mothers']),
  course('CLC-FARMING', 'farming', 12,
    { kk: 'Шағын шаруашылық негіздері', ru: 'Основы ведения фермерского хозяйства', en: 'Running a small farm' }, ['farmers']),
  course('CLC-BUSINESS', 'business_planning', 12,
    { kk: 'Кәсіпкерлік негіздері', ru: 'Основы предпринимательства', en: 'Entrepreneurship basics' }, ['unemployed_youth', 'women', 'farmers']),
  // seed 001: the short sessions of the rural library online centres
  course('OC-INTERNET', 'ict_basics', 2,
    { kk: 'Ауыл тұрғындарына арналған интернет', ru: 'Интернет для сельских жителей', en: 'The internet for village residents' }, ['farmers', 'pensioners', 'unemployed_youth']),
  course('OC-EGOV', 'e_government', 2,
    { kk: 'egov.kz порталының қызметтері', ru: 'Услуги портала egov.kz', en: 'Services of the egov.kz portal' }, ['farmers', 'pensioners', 'unemployed_youth']),
  course('OC-MAIL', 'ict_basics', 2,
    { kk: 'Электрондық пошта және бейнебайланыс', ru: 'Электронная почта и видеосвязь', en: 'E-mail and video calls' }, ['pensioners', 'women']),
  course('OC-JOBS', 'job_search', 2,
    { kk: 'Интернеттен жұмыс іздеу', ru: 'Поиск работы в Интернете', en: 'Looking for work online' }, ['unemployed_youth', 'women']),
  course('OC-PC', 'ict_basics', 3,
    { kk: 'Компьютермен алғашқы қадамдар', ru: 'Первые шаги за компьютером', en: 'First steps with a computer' }, ['pensioners', 'farmers', 'women']),
  // seed 003
  course('MIL-LIBRARIANS', 'media_literacy', 30,
    {
      kk: 'Кітапханашыларға арналған медиа және ақпараттық сауаттылық',
      ru: 'Медийная и информационная грамотность для библиотекарей',
      en: 'Media and information literacy for librarians',
    }, ['library_staff'], ['ru', 'kk'], 'intermediate'),
];
