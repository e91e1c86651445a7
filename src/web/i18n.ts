// Kazakh, Russian and English from locales/*.json (the same files the server
// reads). Only the language in use is downloaded: each file is its own chunk.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from './lib/names';

export const LANGUAGES: { code: Lang; label: string }[] = [
  { code: 'kk', label: 'Қазақша' },
  { code: 'ru', label: 'Русский' },
  { code: 'en', label: 'English' },
];

const STORAGE_KEY = 'kerege.lang';
const loaders = import.meta.glob<Record<string, unknown>>('../../locales/*.json', { import: 'default' });

export function isLang(value: unknown): value is Lang {
  return value === 'kk' || value === 'ru' || value === 'en';
}

function stored(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

function remember(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts this visit only */
  }
}

/** The remembered choice, else the browser's first of kk/ru/en, else English. */
export function detectLanguage(): Lang {
  const saved = stored();
  if (saved) return saved;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
    if (base === 'kk' || base === 'kz') return 'kk';
    if (base === 'ru') return 'ru';
    if (base === 'en') return 'en';
  }
  return 'en';
}

async function ensureBundle(lang: Lang): Promise<void> {
  if (i18next.hasResourceBundle(lang, 'translation')) return;
  const load = loaders[`../../locales/${lang}.json`];
  if (!load) throw new Error(`no locale file for ${lang}`);
  i18next.addResourceBundle(lang, 'translation', await load(), true, true);
}

function applyToDocument(lang: string): void {
  document.documentElement.lang = lang;
  const title = i18next.t('app.title');
  if (title && title !== 'app.title') document.title = title;
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = detectLanguage();
  await i18next.use(initReactI18next).init({
    lng,
    supportedLngs: ['kk', 'ru', 'en'],
    fallbackLng: false,
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  await ensureBundle(lng);
  await i18next.changeLanguage(lng);
  i18next.on('languageChanged', applyToDocument);
  applyToDocument(lng);
  return i18next;
}

/** Switch the language of the page (and remember it on this device). */
export async function setLanguage(lang: Lang): Promise<void> {
  await ensureBundle(lang);
  remember(lang);
  if (i18next.language !== lang) await i18next.changeLanguage(lang);
}

export default i18next;
