/**
 * Texts of the scheduled messages (reminders, winner announcements), Uzbek (Latin) first.
 * Plain text: names typed by members go out as they are, so no parse mode may be used.
 */
import type { Language } from '../schemas';

export interface ReminderParams {
  name: string;
  emoji: string;
  title: string;
  /** The visible current streak (0: none to keep). */
  streak: number;
  /** "21:00–23:59" when results are accepted only in a window. */
  window: string | null;
}

export interface WinnerLine {
  rank: number;
  name: string;
  total: number;
  days: number;
}

export interface WinnersParams {
  kind: 'weekly' | 'monthly';
  /** Week: its Monday "YYYY-MM-DD"; month: "YYYY-MM". */
  period: string;
  /** First and last club day of the period. */
  from: string;
  to: string;
  emoji: string;
  title: string;
  unit: string;
  top: WinnerLine[];
}

const MONTHS: Record<Language, string[]> = {
  uz: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avgust', 'sentabr', 'oktabr', 'noyabr', 'dekabr'],
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const MEDALS = ['🥇', '🥈', '🥉'];

/** 12345.5 → "12 345.5" (at most two decimals, grouped thousands). */
export function formatAmount(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [int, frac] = Math.abs(rounded).toString().split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${rounded < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** "2026-11-23" → "23.11.2026" */
function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}

export function periodLabel(language: Language, p: Pick<WinnersParams, 'kind' | 'period' | 'from' | 'to'>): string {
  if (p.kind === 'monthly') {
    const [y, m] = p.period.split('-');
    const name = MONTHS[language][Number(m) - 1] ?? p.period;
    return language === 'uz' ? `${y}-yil ${name}` : `${name} ${y}`;
  }
  return `${formatDay(p.from)} – ${formatDay(p.to)}`;
}

export function reminderText(language: Language, p: ReminderParams): string {
  const lines: string[] = [];
  switch (language) {
    case 'uz':
      lines.push(`⏰ ${p.name}, bugungi natijangiz hali yoʻq: ${p.emoji} ${p.title}.`);
      if (p.streak > 0) lines.push(`🔥 ${p.streak} kunlik seriyangizni saqlab qoling!`);
      if (p.window) lines.push(`Natijalar ${p.window} oraligʻida qabul qilinadi.`);
      lines.push("Natijani ilovada yoki /submit buyrugʻi bilan yuboring.");
      break;
    case 'ru':
      lines.push(`⏰ ${p.name}, сегодняшнего результата ещё нет: ${p.emoji} ${p.title}.`);
      if (p.streak > 0) lines.push(`🔥 Сохраните серию: ${p.streak} дн. подряд!`);
      if (p.window) lines.push(`Результаты принимаются ${fromTo(p.window)}.`);
      lines.push('Отправьте результат в приложении или командой /submit.');
      break;
    case 'en':
      lines.push(`⏰ ${p.name}, today's result is still missing: ${p.emoji} ${p.title}.`);
      if (p.streak > 0) lines.push(`🔥 Keep your ${p.streak}-day streak alive!`);
      if (p.window) lines.push(`Results are accepted during ${p.window}.`);
      lines.push('Send it in the app or with /submit.');
      break;
  }
  return lines.join('\n');
}

export function openAppButtonText(language: Language): string {
  return { uz: '📲 Natijani yuborish', ru: '📲 Отправить результат', en: '📲 Submit result' }[language];
}

/** "🏆 Winners of the week (…)": the first line of every winners message, to members and to the group. */
export function winnersHeader(language: Language, p: Pick<WinnersParams, 'kind' | 'period' | 'from' | 'to'>): string {
  const label = periodLabel(language, p);
  return {
    uz: p.kind === 'weekly' ? `🏆 Hafta gʻoliblari (${label})` : `🏆 Oy gʻoliblari (${label})`,
    ru: p.kind === 'weekly' ? `🏆 Победители недели (${label})` : `🏆 Победители месяца (${label})`,
    en: p.kind === 'weekly' ? `🏆 Winners of the week (${label})` : `🏆 Winners of the month (${label})`,
  }[language];
}

export function winnersText(language: Language, p: WinnersParams): string {
  const header = winnersHeader(language, p);
  const daysWord = { uz: 'kun', ru: 'дн.', en: 'days' }[language];
  const unit = p.unit ? ` ${p.unit}` : '';
  const lines = p.top.slice(0, 3).map(
    (w) => `${MEDALS[w.rank - 1] ?? `${w.rank}.`} ${w.name} — ${formatAmount(w.total)}${unit} (${w.days} ${daysWord})`,
  );
  const footer = {
    uz: "Tabriklaymiz! Yangi davr boshlandi — oldinga, qadamma-qadam.",
    ru: 'Поздравляем! Новый период начался — вперёд, шаг за шагом.',
    en: 'Congratulations! A new period has started — onwards, step by step.',
  }[language];
  return [header, `${p.emoji} ${p.title}`, '', ...lines, '', footer].join('\n');
}

export function leaderboardButtonText(language: Language): string {
  return { uz: '🏆 Reyting', ru: '🏆 Рейтинг', en: '🏆 Leaderboard' }[language];
}

/** "21:00–23:59" → "с 21:00 до 23:59" (Russian reads a time range with prepositions). */
function fromTo(window: string): string {
  const [start, end] = window.split('–');
  return end ? `с ${start} до ${end}` : `в ${window}`;
}
