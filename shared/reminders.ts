/** A member's own reminder per challenge: the input the pages and the bot send, and what they show. */
import { z } from 'zod';
import { timeOfDaySchema, type TimeWindow } from './schemas';

/**
 * `time`: "HH:MM" (inside the challenge's window, if it has one), or null for the challenge's
 * own time; `enabled: false` turns this challenge's reminders off. Either or both.
 */
export const reminderSettingInputSchema = z
  .object({ time: timeOfDaySchema.nullable().optional(), enabled: z.boolean().optional() })
  .strict()
  .refine((v) => v.time !== undefined || v.enabled !== undefined, { message: 'Send time, enabled or both' });
export type ReminderSettingInput = z.infer<typeof reminderSettingInputSchema>;

export interface ReminderSettingDto {
  challengeId: number;
  emoji: string;
  /** In the member's language. */
  title: string;
  timeWindow: TimeWindow | null;
  /** The challenge's reminder time (the admin's, else the window's start), or null. */
  defaultTime: string | null;
  /** The member's own time, or null (the default applies). */
  time: string | null;
  /** False: no reminders for this challenge. */
  enabled: boolean;
  /** When the member is reminded: null when off or when there is no time at all. */
  effectiveTime: string | null;
}

export interface MyRemindersDto {
  /** The member's switch for every reminder (PATCH /api/me `remindersEnabled`). */
  remindersEnabled: boolean;
  challenges: ReminderSettingDto[];
}
