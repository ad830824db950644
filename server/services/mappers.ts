/** Database rows → the DTOs of shared/types.ts. */
import type { ChallengeRow } from '../db/repositories/challenges';
import type { UserRow } from '../db/repositories/users';
import { shownName } from '../domain/members';
import { isInsideWindow } from '../domain/timeWindow';
import type { TimeWindow } from '../../shared/schemas';
import type { ChallengeDto, UserDto } from '../../shared/types';

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

export function toChallengeDto(c: ChallengeRow, joined: boolean, secondOfDay: number): ChallengeDto {
  const timeWindow = windowOf(c);
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    unit: c.unit,
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
  };
}
