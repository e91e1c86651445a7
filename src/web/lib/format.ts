// Numbers and dates in the reader's locale (kk-KZ, ru-RU, en-GB) via Intl.
// Some browsers (Debian's Chromium among them) claim kk-KZ but ship no Kazakh
// data and print "2013 M03 20" and "1,234.5"; for them Kazakh is formatted here
// with the CLDR patterns ("2013 ж. 20 наурыз", "1 234,5").
import { useTranslation } from 'react-i18next';

const INTL_LOCALE: Record<string, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const KK_MONTHS_SHORT = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'];

let kazakhData: boolean | undefined;
/** Does this browser's Intl really know Kazakh? */
function hasKazakhData(): boolean {
  if (kazakhData === undefined) {
    try {
      kazakhData = new Intl.DateTimeFormat('kk-KZ', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2020, 2, 15))) === 'наурыз';
    } catch {
      kazakhData = false;
    }
  }
  return kazakhData;
}

const ownKazakh = (lang: string) => lang === 'kk' && !hasKazakhData();

export function intlLocale(lang: string): string {
  return INTL_LOCALE[lang] ?? 'en-GB';
}

export function formatNumber(value: number | null | undefined, lang: string, options?: Intl.NumberFormatOptions): string {
  if (value === null || value === undefined) return '';
  // Kazakh and Russian share the grouping (narrow space) and the decimal comma.
  return new Intl.NumberFormat(ownKazakh(lang) ? 'ru-RU' : intlLocale(lang), options).format(value);
}

/** A calendar date "YYYY-MM-DD" (read as UTC, so no time-zone shift). */
export function formatDate(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  if (ownKazakh(lang)) return `${date.getUTCFullYear()} ж. ${date.getUTCDate()} ${KK_MONTHS[date.getUTCMonth()]}`;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment, in the reader's time zone. */
export function formatDateTime(value: string | null | undefined, lang: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  if (ownKazakh(lang)) {
    const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    return `${date.getFullYear()} ж. ${date.getDate()} ${KK_MONTHS_SHORT[date.getMonth()]}, ${time}`;
  }
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatList(items: string[], lang: string): string {
  if (ownKazakh(lang) || lang === 'kk') {
    // CLDR's Kazakh list pattern: "а, ә және б".
    return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} және ${items[items.length - 1]}`;
  }
  return new Intl.ListFormat(intlLocale(lang), { style: 'long', type: 'conjunction' }).format(items);
}

/** The formatters bound to the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    lang,
    number: (v: number | null | undefined) => formatNumber(v, lang),
    date: (v: string | null | undefined) => formatDate(v, lang),
    dateTime: (v: string | null | undefined) => formatDateTime(v, lang),
    list: (v: string[]) => formatList(v, lang),
    coord: (v: number) => formatNumber(v, lang, { maximumFractionDigits: 5 }),
  };
}
