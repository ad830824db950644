/** The club's Telegram group settings as the admin API reads and changes them. */
import { z } from 'zod';
import { languageSchema, timeOfDaySchema, type Language } from './schemas';

/** A Telegram chat id: groups are negative ("-100…" for supergroups). */
export const chatIdSchema = z.number().int().min(-(2 ** 53 - 1)).max(2 ** 53 - 1).refine((n) => n !== 0, 'Not a chat id');

export const clubChatUpdateSchema = z
  .object({
    /** null: no chat chosen by an admin (CLUB_CHAT_ID still applies when set). */
    chatId: chatIdSchema.nullable().optional(),
    chatTitle: z.string().trim().min(1).max(255).optional(),
    /** The language of the posts. */
    language: languageSchema.optional(),
    summaryEnabled: z.boolean().optional(),
    /** "HH:MM" in CLUB_TIMEZONE. */
    summaryTime: timeOfDaySchema.optional(),
  })
  .strict();
export type ClubChatUpdateInput = z.infer<typeof clubChatUpdateSchema>;

export interface ClubChatDto {
  /** The chat posts go to: CLUB_CHAT_ID when set, else the admins' choice, else null. */
  chatId: number | null;
  source: 'env' | 'admin' | null;
  chatTitle: string | null;
  /** The chat an admin chose (used while CLUB_CHAT_ID is unset). */
  adminChatId: number | null;
  language: Language;
  summaryEnabled: boolean;
  summaryTime: string;
  updatedAt: string | null;
}
