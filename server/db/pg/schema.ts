/**
 * The PostgreSQL schema: a column-for-column mirror of server/db/schema/index.ts (the SQLite
 * schema stays the reference). Same table and column names, same keys and unique indexes,
 * same TypeScript row types, so the repositories of both engines hand the services the same
 * rows. When a table or column is added there, add it here the same way and run
 * `bun run db:generate:pg` (migrations in drizzle-pg/).
 *
 * Type mapping: SQLite integer → `integer`, except Telegram ids and epoch-millisecond times,
 * which pass 2^31 → `bigint` read as a JS number (exact below 2^53); real → double precision;
 * 0/1 booleans → boolean; text enums → text with the same enum.
 */
import { bigint, boolean, doublePrecision, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

const ms = (name: string) => bigint(name, { mode: 'number' });

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  telegramId: ms('telegram_id').notNull().unique(),
  firstName: text('first_name').notNull().default(''),
  lastName: text('last_name'),
  username: text('username'),
  languageCode: text('language_code'),
  language: text('language', { enum: ['uz', 'ru', 'en'] }).notNull().default('uz'),
  displayName: text('display_name'),
  registeredAt: ms('registered_at'),
  isBanned: boolean('is_banned').notNull().default(false),
  banReason: text('ban_reason'),
  remindersEnabled: boolean('reminders_enabled').notNull().default(true),
  unreachable: boolean('unreachable').notNull().default(false),
  lastActiveAt: ms('last_active_at'),
  photoUrl: text('photo_url'),
  createdAt: ms('created_at').notNull(),
});

export const challenges = pgTable('challenges', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  emoji: text('emoji').notNull().default('🏁'),
  unit: text('unit').notNull().default(''),
  titleRu: text('title_ru'),
  titleEn: text('title_en'),
  descriptionRu: text('description_ru'),
  descriptionEn: text('description_en'),
  unitRu: text('unit_ru'),
  unitEn: text('unit_en'),
  target: doublePrecision('target'),
  minValue: doublePrecision('min_value').notNull().default(0),
  maxValue: doublePrecision('max_value').notNull().default(100000),
  windowStart: text('window_start'),
  windowEnd: text('window_end'),
  reminderTime: text('reminder_time'),
  isActive: boolean('is_active').notNull().default(true),
  participants: integer('participants').notNull().default(0),
  startDate: text('start_date'),
  endDate: text('end_date'),
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const userChallenges = pgTable(
  'user_challenges',
  {
    userId: integer('user_id').notNull().references(() => users.id),
    challengeId: integer('challenge_id').notNull().references(() => challenges.id),
    isMember: boolean('is_member').notNull().default(true),
    joinedAt: ms('joined_at').notNull(),
    leftAt: ms('left_at'),
    currentStreak: integer('current_streak').notNull().default(0),
    bestStreak: integer('best_streak').notNull().default(0),
    lastCountedDay: text('last_counted_day'),
    freezes: integer('freezes').notNull().default(0),
    freezeEarnedOn: text('freeze_earned_on'),
    bestValue: doublePrecision('best_value'),
    badgeBits: integer('badge_bits').notNull().default(0),
    /** The all-time board's figures (see the SQLite schema). */
    total: doublePrecision('total').notNull().default(0),
    days: integer('days').notNull().default(0),
    lastAt: ms('last_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.challengeId] }),
    index('user_challenges_challenge_idx').on(t.challengeId, t.isMember),
  ],
);

export const submissions = pgTable(
  'submissions',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    challengeId: integer('challenge_id').notNull().references(() => challenges.id),
    day: text('day').notNull(),
    value: doublePrecision('value').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    // One result per member, challenge and club day: the database refuses a second under any race.
    uniqueIndex('submissions_user_challenge_day_uq').on(t.userId, t.challengeId, t.day),
    // Covers a day, week or month board summed per member (see the SQLite schema).
    index('submissions_challenge_day_idx').on(t.challengeId, t.day, t.userId, t.value, t.createdAt),
    index('submissions_day_idx').on(t.day),
  ],
);

export const submissionChanges = pgTable(
  'submission_changes',
  {
    id: serial('id').primaryKey(),
    submissionId: integer('submission_id').notNull(),
    userId: integer('user_id').notNull(),
    challengeId: integer('challenge_id').notNull(),
    day: text('day').notNull(),
    oldValue: doublePrecision('old_value').notNull(),
    newValue: doublePrecision('new_value'),
    by: text('by', { enum: ['member', 'admin'] }).notNull(),
    at: ms('at').notNull(),
  },
  (t) => [index('submission_changes_submission_idx').on(t.submissionId)],
);

export const adminUsers = pgTable('admin_users', {
  id: serial('id').primaryKey(),
  telegramId: ms('telegram_id').notNull().unique(),
  role: text('role', { enum: ['owner', 'admin'] }).notNull(),
  addedBy: ms('added_by'),
  createdAt: ms('created_at').notNull(),
  name: text('name'),
});

const resultColumns = () => ({
  id: serial('id').primaryKey(),
  challengeId: integer('challenge_id').notNull().references(() => challenges.id),
  period: text('period').notNull(),
  rank: integer('rank').notNull(),
  userId: integer('user_id').notNull().references(() => users.id),
  total: doublePrecision('total').notNull(),
  days: integer('days').notNull(),
  createdAt: ms('created_at').notNull(),
});

export const weeklyResults = pgTable('weekly_results', resultColumns(), (t) => [
  uniqueIndex('weekly_results_uq').on(t.challengeId, t.period, t.userId),
  index('weekly_results_period_idx').on(t.period, t.challengeId, t.rank),
]);

export const monthlyResults = pgTable('monthly_results', resultColumns(), (t) => [
  uniqueIndex('monthly_results_uq').on(t.challengeId, t.period, t.userId),
  index('monthly_results_period_idx').on(t.period, t.challengeId, t.rank),
]);

export const adminSessions = pgTable('admin_sessions', {
  tokenHash: text('token_hash').primaryKey(),
  telegramId: ms('telegram_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: ms('expires_at').notNull(),
  createdAt: ms('created_at').notNull(),
});

export const adminLoginTokens = pgTable('admin_login_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  telegramId: ms('telegram_id').notNull(),
  expiresAt: ms('expires_at').notNull(),
  usedAt: ms('used_at'),
  createdAt: ms('created_at').notNull(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    actorTelegramId: ms('actor_telegram_id').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    before: text('before'),
    after: text('after'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

export const reminderLog = pgTable(
  'reminder_log',
  {
    userId: integer('user_id').notNull(),
    challengeId: integer('challenge_id').notNull(),
    day: text('day').notNull(),
    sentAt: ms('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.challengeId, t.day] })],
);

export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    periodKey: text('period_key').notNull(),
    ranAt: ms('ran_at').notNull(),
    summary: text('summary'),
  },
  (t) => [primaryKey({ columns: [t.job, t.periodKey] })],
);

export const announcements = pgTable('announcements', {
  id: serial('id').primaryKey(),
  challengeId: integer('challenge_id').references(() => challenges.id),
  textUz: text('text_uz').notNull(),
  textRu: text('text_ru'),
  textEn: text('text_en'),
  status: text('status', { enum: ['sending', 'done'] }).notNull().default('sending'),
  // The writing admin's Telegram id.
  createdBy: ms('created_by').notNull(),
  createdAt: ms('created_at').notNull(),
  finishedAt: ms('finished_at'),
});

export const announcementRecipients = pgTable(
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
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.userId] }), index('announcement_recipients_state_idx').on(t.state, t.announcementId)],
);

export const inviteCodes = pgTable('invite_codes', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  code: text('code').notNull().unique(),
  createdAt: ms('created_at').notNull(),
});

export const invitations = pgTable(
  'invitations',
  {
    inviteeId: integer('invitee_id')
      .primaryKey()
      .references(() => users.id),
    inviterId: integer('inviter_id')
      .notNull()
      .references(() => users.id),
    via: text('via', { enum: ['bot', 'app'] }).notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('invitations_inviter_idx').on(t.inviterId, t.createdAt)],
);

export const reminderPreferences = pgTable(
  'reminder_preferences',
  {
    userId: integer('user_id').notNull(),
    challengeId: integer('challenge_id').notNull(),
    reminderTime: text('reminder_time'),
    enabled: boolean('enabled').notNull().default(true),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.challengeId] }), index('reminder_preferences_time_idx').on(t.challengeId, t.reminderTime)],
);

export const clubChatSettings = pgTable('club_chat_settings', {
  id: integer('id').primaryKey(),
  chatId: ms('chat_id'),
  chatTitle: text('chat_title'),
  language: text('language', { enum: ['uz', 'ru', 'en'] }).notNull().default('uz'),
  summaryEnabled: boolean('summary_enabled').notNull().default(false),
  summaryTime: text('summary_time').notNull().default('21:00'),
  updatedBy: ms('updated_by'),
  updatedAt: ms('updated_at').notNull(),
});

export const groupPosts = pgTable(
  'group_posts',
  {
    kind: text('kind', { enum: ['weekly', 'monthly', 'evening'] }).notNull(),
    period: text('period').notNull(),
    chatId: ms('chat_id').notNull(),
    state: text('state', { enum: ['sending', 'sent', 'failed', 'skipped'] }).notNull(),
    detail: text('detail'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.period] })],
);

export const badges = pgTable(
  'badges',
  {
    userId: integer('user_id').notNull(),
    code: text('code').notNull(),
    challengeId: integer('challenge_id').notNull().default(0),
    earnedAt: ms('earned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.code, t.challengeId] }), index('badges_challenge_idx').on(t.challengeId, t.code)],
);

export const streakFreezes = pgTable(
  'streak_freezes',
  {
    userId: integer('user_id').notNull(),
    challengeId: integer('challenge_id').notNull(),
    day: text('day').notNull(),
    usedAt: ms('used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.challengeId, t.day] })],
);
