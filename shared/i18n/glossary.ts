/**
 * One term for each idea, in every language, for the Mini App, the bot and the admin panel
 * (whose catalogue uses the same words). Uzbek in Latin script with oʻ/gʻ written with the
 * modifier letter ʻ (U+02BB) and the tutuq belgisi as ʼ (U+02BC): "aʼzo", never a' or a‘.
 */
import type { Language } from '../schemas';

export interface Glossary {
  brand: string;
  challenge: string;
  challenges: string;
  result: string;
  streak: string;
  currentStreak: string;
  bestStreak: string;
  dailyTarget: string;
  leaderboard: string;
  daysSent: string;
  member: string;
}

export const glossary: Record<Language, Glossary> = {
  uz: {
    brand: 'Qadam Club',
    challenge: 'challenge',
    challenges: 'challengelar',
    result: 'natija',
    streak: 'seriya',
    currentStreak: 'joriy seriya',
    bestStreak: 'eng uzun seriya',
    dailyTarget: 'kunlik maqsad',
    leaderboard: 'reyting',
    daysSent: 'yuborilgan kunlar',
    member: 'aʼzo',
  },
  ru: {
    brand: 'Qadam Club',
    challenge: 'челлендж',
    challenges: 'челленджи',
    result: 'результат',
    streak: 'серия',
    currentStreak: 'текущая серия',
    bestStreak: 'лучшая серия',
    dailyTarget: 'цель в день',
    leaderboard: 'рейтинг',
    daysSent: 'дней с результатом',
    member: 'участник',
  },
  en: {
    brand: 'Qadam Club',
    challenge: 'challenge',
    challenges: 'challenges',
    result: 'result',
    streak: 'streak',
    currentStreak: 'current streak',
    bestStreak: 'best streak',
    dailyTarget: 'daily target',
    leaderboard: 'leaderboard',
    daysSent: 'days sent',
    member: 'member',
  },
};

/** "eng uzun seriya" → "Eng uzun seriya". */
export const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
