/**
 * Badge names and streak-freeze words, per language, for every door (bot, Mini App, admin).
 * Uzbek (Latin) first.
 */
import { BADGE_ICONS, type BadgeCode } from '../badges';
import type { Language } from '../schemas';

export const BADGE_NAMES: Record<Language, Record<BadgeCode, string>> = {
  uz: {
    'first-result': 'Birinchi qadam',
    'streak-7': '7 kunlik seriya',
    'streak-30': '30 kunlik seriya',
    'streak-100': '100 kunlik seriya',
    'streak-365': '365 kunlik seriya',
    'personal-best': 'Shaxsiy rekord',
    'weekly-podium': 'Hafta sovrindori',
    'monthly-podium': 'Oy sovrindori',
  },
  ru: {
    'first-result': 'Первый шаг',
    'streak-7': 'Серия 7 дней',
    'streak-30': 'Серия 30 дней',
    'streak-100': 'Серия 100 дней',
    'streak-365': 'Серия 365 дней',
    'personal-best': 'Личный рекорд',
    'weekly-podium': 'Призёр недели',
    'monthly-podium': 'Призёр месяца',
  },
  en: {
    'first-result': 'First step',
    'streak-7': '7-day streak',
    'streak-30': '30-day streak',
    'streak-100': '100-day streak',
    'streak-365': '365-day streak',
    'personal-best': 'Personal best',
    'weekly-podium': 'Weekly podium',
    'monthly-podium': 'Monthly podium',
  },
};

/** What earns each badge, in a short line (the profile's badge list). */
export const BADGE_HINTS: Record<Language, Record<BadgeCode, string>> = {
  uz: {
    'first-result': 'Klubdagi birinchi natija',
    'streak-7': '7 kun ketma-ket',
    'streak-30': '30 kun ketma-ket',
    'streak-100': '100 kun ketma-ket',
    'streak-365': 'Bir yil ketma-ket',
    'personal-best': 'Oldingi eng yaxshi natijadan yuqori',
    'weekly-podium': 'Haftaning TOP-3',
    'monthly-podium': 'Oyning TOP-3',
  },
  ru: {
    'first-result': 'Первый результат в клубе',
    'streak-7': '7 дней подряд',
    'streak-30': '30 дней подряд',
    'streak-100': '100 дней подряд',
    'streak-365': 'Год подряд',
    'personal-best': 'Выше прежнего лучшего результата',
    'weekly-podium': 'Топ-3 недели',
    'monthly-podium': 'Топ-3 месяца',
  },
  en: {
    'first-result': 'First result in the club',
    'streak-7': '7 days in a row',
    'streak-30': '30 days in a row',
    'streak-100': '100 days in a row',
    'streak-365': 'A year in a row',
    'personal-best': 'Above your previous best',
    'weekly-podium': 'Top 3 of a week',
    'monthly-podium': 'Top 3 of a month',
  },
};

/** "🔥 7-day streak" */
export function badgeLabel(language: Language, code: BadgeCode): string {
  return `${BADGE_ICONS[code]} ${BADGE_NAMES[language][code]}`;
}
