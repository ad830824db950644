/** Badge codes and freeze limits both sides name (rules: server/domain/badges.ts, server/domain/freezes.ts). */
export const STREAK_MILESTONES = [7, 30, 100, 365] as const;
export type StreakMilestone = (typeof STREAK_MILESTONES)[number];

export const BADGE_CODES = [
  'first-result',
  'streak-7',
  'streak-30',
  'streak-100',
  'streak-365',
  'personal-best',
  'weekly-podium',
  'monthly-podium',
] as const;
export type BadgeCode = (typeof BADGE_CODES)[number];

/** Freezes a member may hold per challenge. */
export const MAX_FREEZES = 2;

/** What each badge looks like, the same on every door. */
export const BADGE_ICONS: Record<BadgeCode, string> = {
  'first-result': '👣',
  'streak-7': '🔥',
  'streak-30': '⚡',
  'streak-100': '💎',
  'streak-365': '👑',
  'personal-best': '🚀',
  'weekly-podium': '🥉',
  'monthly-podium': '🏅',
};
