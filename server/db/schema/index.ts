/**
 * The SQLite schema. Times are stored as epoch milliseconds (integer), club days as
 * "YYYY-MM-DD" text computed by the server in CLUB_TIMEZONE.
 */
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  telegramId: integer('telegram_id').notNull().unique(),
  firstName: text('first_name').notNull().default(''),
  lastName: text('last_name'),
  username: text('username'),
  languageCode: text('language_code'),
  language: text('language', { enum: ['uz', 'ru', 'en'] }).notNull().default('uz'),
  /** Set at registration; null means "seen but not registered". */
  displayName: text('display_name'),
  registeredAt: integer('registered_at'),
  isBanned: integer('is_banned', { mode: 'boolean' }).notNull().default(false),
  banReason: text('ban_reason'),
  remindersEnabled: integer('reminders_enabled', { mode: 'boolean' }).notNull().default(true),
  /** The member blocked the bot (403); nothing is sent until they write again. */
  unreachable: integer('unreachable', { mode: 'boolean' }).notNull().default(false),
  lastActiveAt: integer('last_active_at'),
  /** The Telegram profile photo from the Mini App's initData (`photo_url`, https only), when sent. */
  photoUrl: text('photo_url'),
  createdAt: integer('created_at').notNull(),
});

export const challenges = sqliteTable('challenges', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  emoji: text('emoji').notNull().default('🏁'),
  unit: text('unit').notNull().default(''),
  /** Russian and English texts; null falls back to the Uzbek title, description and unit above. */
  titleRu: text('title_ru'),
  titleEn: text('title_en'),
  descriptionRu: text('description_ru'),
  descriptionEn: text('description_en'),
  unitRu: text('unit_ru'),
  unitEn: text('unit_en'),
  target: real('target'),
  minValue: real('min_value').notNull().default(0),
  maxValue: real('max_value').notNull().default(100000),
  windowStart: text('window_start'),
  windowEnd: text('window_end'),
  reminderTime: text('reminder_time'),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  /** Current, non-banned members; recounted whenever a membership or a ban changes. */
  participants: integer('participants').notNull().default(0),
  startDate: text('start_date'),
  endDate: text('end_date'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Membership plus the maintained streak. A row survives leaving (history kept). */
export const userChallenges = sqliteTable(
  'user_challenges',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    challengeId: integer('challenge_id').notNull().references(() => challenges.id),
    isMember: integer('is_member', { mode: 'boolean' }).notNull().default(true),
    joinedAt: integer('joined_at').notNull(),
    leftAt: integer('left_at'),
    currentStreak: integer('current_streak').notNull().default(0),
    bestStreak: integer('best_streak').notNull().default(0),
    /** The streak's last day: counted, or covered by a freeze (streak_freezes). */
    lastCountedDay: text('last_counted_day'),
    /** Streak freezes held (0–2, domain/freezes.ts). */
    freezes: integer('freezes').notNull().default(0),
    /** The streak's last day when a freeze was last earned (a freeze is never earned twice for it). */
    freezeEarnedOn: text('freeze_earned_on'),
    /** The member's highest result in this challenge (null: none yet): a personal best needs no scan. */
    bestValue: real('best_value'),
    /** The challenge's badges the member holds, as bits (domain/badges.ts BADGE_BITS); rows in `badges`. */
    badgeBits: integer('badge_bits').notNull().default(0),
    /**
     * The all-time board's figures: sum, count and last time of the member's results here
     * (0, 0, null: none). Kept in the membership row, which every submission writes anyway
     * (the streak), so a result costs no page of a totals table.
     */
    total: real('total').notNull().default(0),
    days: integer('days').notNull().default(0),
    lastAt: integer('last_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.challengeId] }),
    index('user_challenges_challenge_idx').on(t.challengeId, t.isMember),
  ],
);

export const submissions = sqliteTable(
  'submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id),
    challengeId: integer('challenge_id').notNull().references(() => challenges.id),
    day: text('day').notNull(),
    value: real('value').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    // The rule "one result per member, challenge and club day" lives in the database itself.
    uniqueIndex('submissions_user_challenge_day_uq').on(t.userId, t.challengeId, t.day),
    // Covers a day, week or month board summed per member (leaderboard.ts): no table row is read.
    // Its entries of today sit at each challenge's right edge, so a submission adds to a page
    // the batch already writes.
    index('submissions_challenge_day_idx').on(t.challengeId, t.day, t.userId, t.value, t.createdAt),
    index('submissions_day_idx').on(t.day),
    // No covering index by member: it was a random page write on every submission, and a
    // member's results are read once into the held profile (the unique index finds them).
  ],
);

/**
 * Every change of a stored result after it was sent: a member's correction within
 * CORRECTION_MINUTES, or an admin's deletion. The submission row holds the current value;
 * this keeps what it was before.
 */
export const submissionChanges = sqliteTable(
  'submission_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    submissionId: integer('submission_id').notNull(),
    userId: integer('user_id').notNull(),
    challengeId: integer('challenge_id').notNull(),
    day: text('day').notNull(),
    oldValue: real('old_value').notNull(),
    /** null: the result was deleted. */
    newValue: real('new_value'),
    by: text('by', { enum: ['member', 'admin'] }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('submission_changes_submission_idx').on(t.submissionId)],
);

export const adminUsers = sqliteTable('admin_users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  telegramId: integer('telegram_id').notNull().unique(),
  role: text('role', { enum: ['owner', 'admin'] }).notNull(),
  addedBy: integer('added_by'),
  createdAt: integer('created_at').notNull(),
  /** The admin's Telegram name as last seen (the audit log names admins who are not members). */
  name: text('name'),
});

const resultColumns = {
  id: integer('id').primaryKey({ autoIncrement: true }),
  challengeId: integer('challenge_id').notNull().references(() => challenges.id),
  /** Week: the Monday "YYYY-MM-DD"; month: "YYYY-MM". */
  period: text('period').notNull(),
  rank: integer('rank').notNull(),
  userId: integer('user_id').notNull().references(() => users.id),
  total: real('total').notNull(),
  days: integer('days').notNull(),
  createdAt: integer('created_at').notNull(),
};

export const weeklyResults = sqliteTable('weekly_results', resultColumns, (t) => [
  uniqueIndex('weekly_results_uq').on(t.challengeId, t.period, t.userId),
  index('weekly_results_period_idx').on(t.period, t.challengeId, t.rank),
]);

export const monthlyResults = sqliteTable('monthly_results', resultColumns, (t) => [
  uniqueIndex('monthly_results_uq').on(t.challengeId, t.period, t.userId),
  index('monthly_results_period_idx').on(t.period, t.challengeId, t.rank),
]);

export const adminSessions = sqliteTable('admin_sessions', {
  /** SHA-256 of the cookie value; the raw token is never stored. */
  tokenHash: text('token_hash').primaryKey(),
  telegramId: integer('telegram_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: integer('expires_at').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const adminLoginTokens = sqliteTable('admin_login_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  telegramId: integer('telegram_id').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  createdAt: integer('created_at').notNull(),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorTelegramId: integer('actor_telegram_id').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    before: text('before'),
    after: text('after'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

/** One reminder per member, challenge and club day, whatever restarts happen. */
export const reminderLog = sqliteTable(
  'reminder_log',
  {
    userId: integer('user_id').notNull(),
    challengeId: integer('challenge_id').notNull(),
    day: text('day').notNull(),
    sentAt: integer('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.challengeId, t.day] })],
);

/** Which scheduled job ran for which period, so catch-up runs each one once. */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    job: text('job').notNull(),
    periodKey: text('period_key').notNull(),
    ranAt: integer('ran_at').notNull(),
    summary: text('summary'),
  },
  (t) => [primaryKey({ columns: [t.job, t.periodKey] })],
);

/** A message from the admins to the members of one challenge (or to all members), per language. */
export const announcements = sqliteTable('announcements', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Null: every registered, non-banned member. */
  challengeId: integer('challenge_id').references(() => challenges.id),
  textUz: text('text_uz').notNull(),
  textRu: text('text_ru'),
  textEn: text('text_en'),
  /** 'sending' until every recipient has an outcome, then 'done'. */
  status: text('status', { enum: ['sending', 'done'] }).notNull().default('sending'),
  createdBy: integer('created_by').notNull(),
  createdAt: integer('created_at').notNull(),
  finishedAt: integer('finished_at'),
});

/**
 * One row per recipient, written with the announcement: the delivery state survives restarts.
 * A row is marked 'sending' in its own commit before it is handed to the bot's queue, so a crash
 * between the two can lose that one message but never send it twice.
 */
export const announcementRecipients = sqliteTable(
  'announcement_recipients',
  {
    announcementId: integer('announcement_id')
      .notNull()
      .references(() => announcements.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    state: text('state', { enum: ['pending', 'sending', 'delivered', 'blocked', 'failed'] })
      .notNull()
      .default('pending'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.userId] }), index('announcement_recipients_state_idx').on(t.state, t.announcementId)],
);

/** Each member's invite code (`inv_<code>` in their links), made the first time they ask for it. */
export const inviteCodes = sqliteTable('invite_codes', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  code: text('code').notNull().unique(),
  createdAt: integer('created_at').notNull(),
});

/**
 * Who invited whom: one row per invited member, written in the transaction that registers them
 * and never changed (the key on the invitee keeps the first). `via`: the bot's /start link or
 * the Mini App's start parameter.
 */
export const invitations = sqliteTable(
  'invitations',
  {
    inviteeId: integer('invitee_id')
      .primaryKey()
      .references(() => users.id),
    inviterId: integer('inviter_id')
      .notNull()
      .references(() => users.id),
    via: text('via', { enum: ['bot', 'app'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('invitations_inviter_idx').on(t.inviterId, t.createdAt)],
);

/**
 * A member's own reminder for one challenge: their time (null: the challenge's reminder time)
 * or reminders off for that challenge. No row: the challenge's default.
 */
export const reminderPreferences = sqliteTable(
  'reminder_preferences',
  {
    userId: integer('user_id').notNull(),
    challengeId: integer('challenge_id').notNull(),
    /** "HH:MM" in CLUB_TIMEZONE; null: the challenge's reminder time. */
    reminderTime: text('reminder_time'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.challengeId] }), index('reminder_preferences_time_idx').on(t.challengeId, t.reminderTime)],
);

/** The club's Telegram group as chosen by an admin (CLUB_CHAT_ID wins), and the evening summary. One row, id 1. */
export const clubChatSettings = sqliteTable('club_chat_settings', {
  id: integer('id').primaryKey(),
  chatId: integer('chat_id'),
  chatTitle: text('chat_title'),
  /** The language of the posts. */
  language: text('language', { enum: ['uz', 'ru', 'en'] }).notNull().default('uz'),
  summaryEnabled: integer('summary_enabled', { mode: 'boolean' }).notNull().default(false),
  /** "HH:MM" in CLUB_TIMEZONE. */
  summaryTime: text('summary_time').notNull().default('21:00'),
  updatedBy: integer('updated_by'),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * One post to the club's group per kind ('weekly', 'monthly', 'evening') and period (the
 * Monday, "YYYY-MM" or the club day), recorded before it is sent: never posted twice.
 */
export const groupPosts = sqliteTable(
  'group_posts',
  {
    kind: text('kind', { enum: ['weekly', 'monthly', 'evening'] }).notNull(),
    period: text('period').notNull(),
    chatId: integer('chat_id').notNull(),
    state: text('state', { enum: ['sending', 'sent', 'failed', 'skipped'] }).notNull(),
    detail: text('detail'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.period] })],
);

/**
 * Milestone badges (domain/badges.ts), earned once and kept: one row per member, badge and
 * challenge (`challenge_id` 0: a club-wide badge), written only when a badge is earned.
 */
export const badges = sqliteTable(
  'badges',
  {
    userId: integer('user_id').notNull(),
    code: text('code').notNull(),
    /** 0 for a club-wide badge (ids start at 1). */
    challengeId: integer('challenge_id').notNull().default(0),
    earnedAt: integer('earned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.code, t.challengeId] }), index('badges_challenge_idx').on(t.challengeId, t.code)],
);

/** The days a streak freeze covered (domain/freezes.ts): one row per member, challenge and day. */
export const streakFreezes = sqliteTable(
  'streak_freezes',
  {
    userId: integer('user_id').notNull(),
    challengeId: integer('challenge_id').notNull(),
    day: text('day').notNull(),
    usedAt: integer('used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.challengeId, t.day] })],
);
