/**
 * The cards a member shares into any chat (the Mini App's prepared messages, the bot's inline
 * mode) and the invitation text, in the sharing member's language: Uzbek first, then Russian
 * and English. Pure TypeScript, usable by the server, the bot and the pages.
 */
import type { Language } from '../schemas';
import { formatNumber } from './bot';
import { capital, glossary as g } from './glossary';

export interface ShareCardFacts {
  /** The sharing member's name on the boards. */
  name: string;
  emoji: string;
  title: string;
  unit: string;
  current: number;
  best: number;
}

export interface TodayFacts extends ShareCardFacts {
  value: number;
  /** Reached the daily target (always true without one). */
  met: boolean;
  target: number | null;
}

const label = (c: { emoji: string; title: string }) => `${c.emoji} ${c.title}`.trim();
const amount = (language: Language, value: number, unit: string) => `${formatNumber(language, value)}${unit ? ` ${unit}` : ''}`;

function ruDays(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return 'день';
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return 'дня';
  return 'дней';
}

export interface ShareCatalogue {
  /** The line Telegram lists the card under (inline results). */
  streakTitle: (c: ShareCardFacts) => string;
  streakDescription: (c: ShareCardFacts) => string;
  streakText: (c: ShareCardFacts) => string;
  todayTitle: (c: TodayFacts) => string;
  todayDescription: (c: TodayFacts) => string;
  todayText: (c: TodayFacts) => string;
  /** The card's button: opens the Mini App on the challenge. */
  openButton: string;
  /** The invitation shared with the member's invite link. */
  inviteText: string;
  /** Shown by the bot's inline mode to someone who is not a member yet. */
  notMemberTitle: string;
  notMemberDescription: string;
}

const uz: ShareCatalogue = {
  streakTitle: (c) => `🔥 ${c.current} kunlik ${g.uz.streak}`,
  streakDescription: (c) => `${label(c)} · ${capital(g.uz.bestStreak)}: ${c.best}`,
  streakText: (c) =>
    `🔥 ${c.name}: ${label(c)} — ${c.current} kun ketma-ket!\n` +
    `${capital(g.uz.bestStreak)}: ${c.best} kun.\n\n` +
    `${g.uz.brand}ga qoʻshiling va birga odat qilaylik 👇`,
  todayTitle: (c) => `✅ Bugun: ${amount('uz', c.value, c.unit)}`,
  todayDescription: (c) => `${label(c)} · 🔥 ${c.current}`,
  todayText: (c) =>
    `${c.met ? '✅' : '☑️'} ${c.name} bugun: ${label(c)} — ${amount('uz', c.value, c.unit)}.\n` +
    (c.target !== null ? (c.met ? `🎯 ${capital(g.uz.dailyTarget)} bajarildi!\n` : `🎯 ${capital(g.uz.dailyTarget)}: ${amount('uz', c.target, c.unit)}.\n`) : '') +
    `🔥 ${capital(g.uz.streak)}: ${c.current} kun.\n\n` +
    `${g.uz.brand}ga qoʻshiling va birga odat qilaylik 👇`,
  openButton: '👣 Challengeni ochish',
  inviteText: `${g.uz.brand} — kundalik odatlar klubi: challengelar, seriyalar va doʻstona reyting. Menga qoʻshiling 👇`,
  notMemberTitle: `${g.uz.brand}ga qoʻshiling`,
  notMemberDescription: "Avval botda roʻyxatdan oʻting, keyin natijalaringizni ulasha olasiz.",
};

const ru: ShareCatalogue = {
  streakTitle: (c) => `🔥 Серия: ${c.current} ${ruDays(c.current)} подряд`,
  streakDescription: (c) => `${label(c)} · ${capital(g.ru.bestStreak)}: ${c.best}`,
  streakText: (c) =>
    `🔥 ${c.name}: ${label(c)} — ${c.current} ${ruDays(c.current)} подряд!\n` +
    `${capital(g.ru.bestStreak)}: ${c.best} ${ruDays(c.best)}.\n\n` +
    `Присоединяйтесь к ${g.ru.brand} — будем держать привычку вместе 👇`,
  todayTitle: (c) => `✅ Сегодня: ${amount('ru', c.value, c.unit)}`,
  todayDescription: (c) => `${label(c)} · 🔥 ${c.current}`,
  todayText: (c) =>
    `${c.met ? '✅' : '☑️'} ${c.name} сегодня: ${label(c)} — ${amount('ru', c.value, c.unit)}.\n` +
    (c.target !== null ? (c.met ? `🎯 ${capital(g.ru.dailyTarget)} выполнена!\n` : `🎯 ${capital(g.ru.dailyTarget)}: ${amount('ru', c.target, c.unit)}.\n`) : '') +
    `🔥 ${capital(g.ru.streak)}: ${c.current} ${ruDays(c.current)}.\n\n` +
    `Присоединяйтесь к ${g.ru.brand} — будем держать привычку вместе 👇`,
  openButton: '👣 Открыть челлендж',
  inviteText: `${g.ru.brand} — клуб ежедневных привычек: челленджи, серии и дружеский рейтинг. Присоединяйтесь 👇`,
  notMemberTitle: `Присоединяйтесь к ${g.ru.brand}`,
  notMemberDescription: 'Сначала зарегистрируйтесь в боте — потом сможете делиться результатами.',
};

const en: ShareCatalogue = {
  streakTitle: (c) => `🔥 ${c.current}-day streak`,
  streakDescription: (c) => `${label(c)} · ${capital(g.en.bestStreak)}: ${c.best}`,
  streakText: (c) =>
    `🔥 ${c.name}: ${label(c)} — ${c.current} ${c.current === 1 ? 'day' : 'days'} in a row!\n` +
    `${capital(g.en.bestStreak)}: ${c.best} ${c.best === 1 ? 'day' : 'days'}.\n\n` +
    `Join me in ${g.en.brand} and let's build the habit together 👇`,
  todayTitle: (c) => `✅ Today: ${amount('en', c.value, c.unit)}`,
  todayDescription: (c) => `${label(c)} · 🔥 ${c.current}`,
  todayText: (c) =>
    `${c.met ? '✅' : '☑️'} ${c.name} today: ${label(c)} — ${amount('en', c.value, c.unit)}.\n` +
    (c.target !== null ? (c.met ? `🎯 ${capital(g.en.dailyTarget)} reached!\n` : `🎯 ${capital(g.en.dailyTarget)}: ${amount('en', c.target, c.unit)}.\n`) : '') +
    `🔥 ${capital(g.en.streak)}: ${c.current} ${c.current === 1 ? 'day' : 'days'}.\n\n` +
    `Join me in ${g.en.brand} and let's build the habit together 👇`,
  openButton: '👣 Open the challenge',
  inviteText: `${g.en.brand} is a club for daily habits: challenges, streaks and a friendly leaderboard. Join me 👇`,
  notMemberTitle: `Join ${g.en.brand}`,
  notMemberDescription: 'Register with the bot first; then you can share your results.',
};

const catalogues: Record<Language, ShareCatalogue> = { uz, ru, en };

export function shareText(language: Language): ShareCatalogue {
  return catalogues[language];
}
