/**
 * Input schemas shared by the server (REST + tRPC) and both front-ends.
 * Only zod here: this file is bundled into the browser.
 */
import { z } from 'zod';

export const LANGUAGES = ['uz', 'ru', 'en'] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const LEADERBOARD_TYPES = ['today', 'weekly', 'monthly', 'all'] as const;
export const leaderboardTypeSchema = z.enum(LEADERBOARD_TYPES);
export type LeaderboardType = z.infer<typeof leaderboardTypeSchema>;

/** "HH:MM", 00:00–23:59. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time as HH:MM');

/** "YYYY-MM-DD" (a club day). */
export const dayKeySchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Expected a date as YYYY-MM-DD');

export const timeWindowSchema = z
  .object({ start: timeOfDaySchema, end: timeOfDaySchema })
  .strict()
  .refine((w) => w.start < w.end, { message: 'The window must start before it ends, within one day' });
export type TimeWindow = z.infer<typeof timeWindowSchema>;

export const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * Invisible characters a name may not carry: controls, and format characters (bidi overrides,
 * zero-width spaces, BOM) except those emoji and scripts are built from — the zero-width joiner
 * of 🏃‍♀️, the non-joiner of Persian script, and the tag characters of subdivision flags.
 */
const HIDDEN_CHARACTER = /[\p{Cc}\u2028\u2029]|(?![\u200c\u200d\u{e0020}-\u{e007f}])\p{Cf}/u;

/** Display names: trimmed, 1–64 characters, no control characters. */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'The name is empty')
  .max(64, 'The name is longer than 64 characters')
  .refine((s) => !HIDDEN_CHARACTER.test(s), 'The name contains control characters');

/** `invite`: the start parameter the member arrived with (`inv_<code>`, …); anything else is ignored. */
export const registerInputSchema = z.object({ displayName: displayNameSchema.optional(), invite: z.string().max(512).optional() }).strict();

/** A submitted value: a number, or a string with a decimal point or comma. Parsed in domain. */
export const submitValueSchema = z.union([z.number(), z.string().max(32)]);
export const submitInputSchema = z.object({ value: submitValueSchema }).strict();
/** An admin's result on a member's behalf: the value and why (shown to the member, audited). */
export const memberResultInputSchema = z
  .object({ value: submitValueSchema, reason: z.string().trim().min(1, 'Say why the result is set').max(500) })
  .strict();

export const leaderboardQuerySchema = z
  .object({
    challengeId: idSchema.optional(),
    type: leaderboardTypeSchema.default('today'),
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict();

export const historyRangeSchema = z.enum(['30', '90', 'all']);
export const historyQuerySchema = z.object({ range: historyRangeSchema.default('30') }).strict();

const finite = z.number().finite();
/** One language's texts of a challenge; an empty or null text falls back to Uzbek. */
const challengeTextsSchema = z
  .object({
    title: z.string().trim().max(80).nullable().optional(),
    description: z.string().trim().max(1000).nullable().optional(),
    unit: z.string().trim().max(24).nullable().optional(),
  })
  .strict();
export const challengeTranslationsSchema = z
  .object({ uz: challengeTextsSchema.optional(), ru: challengeTextsSchema.optional(), en: challengeTextsSchema.optional() })
  .strict();
export type ChallengeTranslationsInput = z.infer<typeof challengeTranslationsSchema>;

const challengeFields = {
  title: z.string().trim().min(1).max(80),
  description: z.string().trim().max(1000),
  emoji: z.string().trim().max(16),
  unit: z.string().trim().max(24),
  target: finite.positive().nullable(),
  minValue: finite.min(0),
  maxValue: finite.positive().max(1e9),
  timeWindow: timeWindowSchema.nullable(),
  reminderTime: timeOfDaySchema.nullable(),
  isActive: z.boolean(),
  startDate: dayKeySchema.nullable(),
  endDate: dayKeySchema.nullable(),
  translations: challengeTranslationsSchema,
};

export const challengeCreateSchema = z
  .object({
    ...challengeFields,
    description: challengeFields.description.default(''),
    emoji: challengeFields.emoji.default('🏁'),
    unit: challengeFields.unit.default(''),
    target: challengeFields.target.default(null),
    minValue: challengeFields.minValue.default(0),
    maxValue: challengeFields.maxValue.default(100000),
    timeWindow: challengeFields.timeWindow.default(null),
    reminderTime: challengeFields.reminderTime.default(null),
    isActive: challengeFields.isActive.default(true),
    startDate: challengeFields.startDate.default(null),
    endDate: challengeFields.endDate.default(null),
    translations: challengeFields.translations.optional(),
  })
  .strict();
export type ChallengeCreateInput = z.input<typeof challengeCreateSchema>;

export const challengeUpdateSchema = z.object(challengeFields).partial().strict();
export type ChallengeUpdateInput = z.infer<typeof challengeUpdateSchema>;

export const userSearchSchema = z
  .object({
    q: z.string().trim().max(100).default(''),
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const banInputSchema = z.object({ reason: z.string().trim().max(500).default('') }).strict();
export const setStreakSchema = z.object({ current: z.number().int().min(0).max(100000) }).strict();
export const analyticsQuerySchema = z
  .object({ days: z.coerce.number().int().min(1).max(365).default(30) })
  .strict();
export const resultsQuerySchema = z
  .object({
    period: z.enum(['weekly', 'monthly']).default('weekly'),
    challengeId: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
