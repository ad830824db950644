/** Database rows → the DTOs of shared/types.ts. */
import type { BadgeRow } from '../db/repositories/badges';
import type { ChallengeRow } from '../db/repositories/challenges';
import type { UserRow } from '../db/repositories/users';
import { shownName } from '../domain/members';
import { isInsideWindow, secondsUntilOpen } from '../domain/timeWindow';
import type { Language, TimeWindow } from '../../shared/schemas';
import type { BadgeCode } from '../../shared/badges';
import type { BadgeDto, ChallengeDto, UserDto } from '../../shared/types';

export function windowOf(c: Pick<ChallengeRow, 'windowStart' | 'windowEnd'>): TimeWindow | null {
  return c.windowStart && c.windowEnd ? { start: c.windowStart, end: c.windowEnd } : null;
}

export function toUserDto(u: UserRow): UserDto {
  return {
    id: u.id,
    telegramId: u.telegramId,
    displayName: shownName(u),
    firstName: u.firstName,
    lastName: u.lastName,
    username: u.username,
    language: u.language,
    remindersEnabled: u.remindersEnabled,
    registeredAt: new Date(u.registeredAt ?? u.createdAt).toISOString(),
  };
}

type ChallengeTexts = { title: string; description: string; unit: string };

/** A challenge's title, description and unit in `language`; each falls back to the Uzbek text. */
export function challengeTextsOf(
  c: Pick<ChallengeRow, 'title' | 'description' | 'unit' | 'titleRu' | 'titleEn' | 'descriptionRu' | 'descriptionEn' | 'unitRu' | 'unitEn'>,
  language: Language,
): ChallengeTexts {
  const pick = (uz: string, ru: string | null, en: string | null) => (language === 'ru' ? ru : language === 'en' ? en : null) || uz;
  return {
    title: pick(c.title, c.titleRu, c.titleEn),
    description: pick(c.description, c.descriptionRu, c.descriptionEn),
    unit: pick(c.unit, c.unitRu, c.unitEn),
  };
}

/** A challenge's title and unit in each of the three languages (reminders, announcements). */
export function textsByLanguage(c: ChallengeRow): Record<Language, { title: string; unit: string }> {
  const pick = (language: Language) => {
    const { title, unit } = challengeTextsOf(c, language);
    return { title, unit };
  };
  return { uz: pick('uz'), ru: pick('ru'), en: pick('en') };
}

/** All three languages as stored (admin routes); null where no translation was entered. */
export function challengeTranslationsOf(c: ChallengeRow): Record<Language, { title: string | null; description: string | null; unit: string | null }> {
  return {
    uz: { title: c.title, description: c.description, unit: c.unit },
    ru: { title: c.titleRu, description: c.descriptionRu, unit: c.unitRu },
    en: { title: c.titleEn, description: c.descriptionEn, unit: c.unitEn },
  };
}

export function toChallengeDto(c: ChallengeRow, joined: boolean, secondOfDay: number, language: Language = 'uz'): ChallengeDto {
  const timeWindow = windowOf(c);
  return {
    id: c.id,
    ...challengeTextsOf(c, language),
    emoji: c.emoji,
    target: c.target,
    minValue: c.minValue,
    maxValue: c.maxValue,
    timeWindow,
    reminderTime: c.reminderTime,
    isActive: c.isActive,
    startDate: c.startDate,
    endDate: c.endDate,
    participants: c.participants,
    joined,
    windowOpen: isInsideWindow(timeWindow, secondOfDay),
    opensInSeconds: secondsUntilOpen(timeWindow, secondOfDay),
  };
}

/** A stored badge as the doors show it (challenge 0: a club-wide badge). */
export function toBadgeDto(b: BadgeRow): BadgeDto {
  return { code: b.code as BadgeCode, challengeId: b.challengeId === 0 ? null : b.challengeId, earnedAt: new Date(b.earnedAt).toISOString() };
}
