import { computed, ref } from 'vue';
import type { Language } from '../../../shared/schemas';
import type { ErrorCode } from '../../../shared/types';
import { errorText } from '../../../shared/i18n/errors';
import { catalogues, locales } from './messages';

/** The interface language; set from Telegram's language_code, then from the member's profile. */
export const lang = ref<Language>('uz');

export function setLanguage(value: Language): void {
  lang.value = value;
  document.documentElement.lang = value;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language): Intl.NumberFormat {
  let f = numberFormats.get(language);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2 });
      // Browsers without Uzbek data fall back to English ("10,000.5"); Uzbek writes
      // "10 000,5" like Russian, so borrow that.
      if (language === 'uz' && /\.|,\d{3}/.test(f.format(1234.5))) {
        f = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });
      }
    } catch {
      f = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
    }
    numberFormats.set(language, f);
  }
  return f;
}

export function formatNumber(value: number, language: Language = lang.value): string {
  return numberFormat(language).format(value);
}

const UZ_MONTHS = ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avg', 'sen', 'okt', 'noy', 'dek'];

/** "2025-05-12" → "12 May" (or "12 May 2024" outside the current year). */
export function formatDay(day: string, language: Language = lang.value, withYear = false): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  if (language === 'uz') {
    // Browsers often lack Uzbek calendar data ("M11 25"); the format is simple enough.
    return `${d}-${UZ_MONTHS[m - 1] ?? m}${withYear ? `, ${y}` : ''}`;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: 'UTC' };
  if (withYear) opts.year = 'numeric';
  try {
    return new Intl.DateTimeFormat(locales[language], opts).format(date);
  } catch {
    return day;
  }
}


export function useI18n() {
  const t = computed(() => catalogues[lang.value]);
  return {
    t,
    lang,
    n: (value: number) => formatNumber(value, lang.value),
    err: (code: ErrorCode, params?: Record<string, string | number>) => errorText(lang.value, code, params),
  };
}
