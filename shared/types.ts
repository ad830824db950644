/** Shapes the server returns (REST and tRPC alike). Types only. */
import type { BadgeCode } from './badges';
import type { ProgressDto } from './progress';
import type { Language, LeaderboardType, TimeWindow } from './schemas';

export type { ProgressDto } from './progress';

export type DayKey = string; // "YYYY-MM-DD" in the club time zone

export interface UserDto {
  id: number;
  telegramId: number;
  displayName: string;
  firstName: string;
  lastName: string | null;
  username: string | null;
  language: Language;
  remindersEnabled: boolean;
  registeredAt: string; // ISO instant
}

export interface ChallengeDto {
  id: number;
  title: string;
  description: string;
  unit: string;
  emoji: string;
  target: number | null;
  minValue: number;
  maxValue: number;
  timeWindow: TimeWindow | null;
  reminderTime: string | null;
  isActive: boolean;
  startDate: DayKey | null;
  endDate: DayKey | null;
  participants: number;
  joined: boolean;
  /** Whether a submission would be accepted now by the time window (true when no window). */
  windowOpen: boolean;
  /** Seconds until the time window opens (null while open or without a window). */
  opensInSeconds: number | null;
}

export type ChallengeTextsDto = { title: string | null; description: string | null; unit: string | null };

/** What admin routes answer: the member view plus the texts as entered, per language. */
export interface AdminChallengeDto extends ChallengeDto {
  translations: Record<Language, ChallengeTextsDto>;
}

export interface StreakDto {
  current: number;
  best: number;
}

export interface ProfileChallengeDto {
  challenge: ChallengeDto;
  streak: StreakDto & { lastCountedDay: DayKey | null };
  today: {
    id: number;
    value: number;
    day: DayKey;
    progress: ProgressDto;
    /** Until when the member may correct it (ISO), and how many seconds that is from now (0: closed). */
    correctableUntil: string;
    correctionSecondsLeft: number;
  } | null;
  total: number;
  days: number;
  /** Days with a submission in the last 12 weeks, oldest first (see RecentDto). */
  recent: RecentDto;
  /** Streak freezes held (0–2). */
  freezes: number;
  /** Days of the last 12 weeks a streak freeze covered, oldest first. */
  frozen: DayKey[];
}

/**
 * A member's results of the heatmap's days as parallel arrays, oldest first: the result sent
 * `daysAgo[i]` days before the profile's `today` was `values[i]`, and `counted[i]` says whether
 * it counted for the streak. Arrays of numbers rather than an object per day with its date:
 * building and serializing ~70 such objects a challenge was about a quarter of a profile
 * request's cost, and the arrays cost ~10% less a request than the objects.
 */
export interface RecentDto {
  daysAgo: number[];
  values: number[];
  counted: boolean[];
}

/** A milestone badge; `challengeId` null for a club-wide one. */
export interface BadgeDto {
  code: BadgeCode;
  challengeId: number | null;
  earnedAt: string; // ISO instant
}

/** Today's stored result of one joined challenge. */
export type TodayDto = NonNullable<ProfileChallengeDto['today']>;

export interface ProfileDto {
  user: UserDto;
  today: DayKey;
  challenges: ProfileChallengeDto[];
  /** Every badge the member earned, oldest first. */
  badges: BadgeDto[];
}

export type HistoryRange = '30' | '90' | 'all';

/** A member's own results in one challenge over a range, oldest first. */
export interface HistoryDto {
  challenge: ChallengeDto;
  range: HistoryRange;
  from: DayKey;
  to: DayKey;
  days: { day: DayKey; value: number; met: boolean }[];
  /** The highest value in the range (the earliest day on a tie). */
  best: { day: DayKey; value: number } | null;
  total: number;
  daysSent: number;
  /** Days whose value reached the target (all sent days without a target). */
  daysMet: number;
}

export interface SubmitResultDto {
  submission: { id: number; value: number; day: DayKey };
  streak: StreakDto;
  /** The value against the daily target: counted, or below it by `missing`. */
  progress: ProgressDto;
  /** Until when this result may still be corrected (ISO instant). */
  correctableUntil: string;
}

export interface LeaderboardEntryDto {
  rank: number;
  userId: number;
  displayName: string;
  total: number;
  days: number;
  /** The member's Telegram profile photo (https), when the Mini App sent one. */
  photoUrl: string | null;
  /** The member's highest streak badge in this challenge (7, 30, 100 or 365 days), or null. */
  streakBadge: number | null;
}

export interface LeaderboardDto {
  type: LeaderboardType;
  challengeId: number;
  period: { from: DayKey | null; to: DayKey };
  /** How many members are on this board. */
  ranked: number;
  entries: readonly LeaderboardEntryDto[];
  /** The caller's place; `toNext`: the place above's total minus theirs (null when first). */
  me: { rank: number; total: number; days: number; toNext: number | null } | null;
}

export type AdminRole = 'owner' | 'admin';

export interface AdminUserRowDto {
  id: number;
  telegramId: number;
  displayName: string | null;
  firstName: string;
  username: string | null;
  registered: boolean;
  isBanned: boolean;
  banReason: string | null;
  challenges: number;
  submissions: number;
  bestStreak: number;
  lastActiveAt: string | null;
  /** Members who registered through this member's invite links. */
  invited: number;
}

export interface AdminUserDetailDto {
  user: AdminUserRowDto;
  memberships: {
    challengeId: number;
    title: string;
    emoji: string;
    joined: boolean;
    current: number;
    best: number;
    total: number;
    days: number;
    /** Streak freezes held. */
    freezes: number;
  }[];
  badges: BadgeDto[];
  submissions: { id: number; challengeId: number; day: DayKey; value: number; createdAt: string }[];
}

export interface PageDto<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ResultRowDto {
  challengeId: number;
  challengeTitle: string;
  period: string; // week: "YYYY-MM-DD" (Monday); month: "YYYY-MM"
  rank: number;
  userId: number;
  displayName: string;
  total: number;
  days: number;
}

export interface AnalyticsDto {
  days: number;
  dailyActive: { day: DayKey; members: number; submissions: number }[];
  popular: { challengeId: number; title: string; emoji: string; participants: number; submissionsThisWeek: number }[];
  winners: { weekly: ResultRowDto[]; monthly: ResultRowDto[] };
  totals: { members: number; registered: number; banned: number; activeChallenges: number; submissions: number };
}

export interface AuditEntryDto {
  id: number;
  actorTelegramId: number;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

/** Error codes of API.md (the list is shared/errors.ts); the front-ends localize by code. */
export type { ErrorCode } from './errors';
