/** Announcements: what an admin writes, and what the panel and API.md read back. */
import { z } from 'zod';
import { idSchema } from './schemas';

/** Telegram's limit for one message's text. */
export const ANNOUNCEMENT_MAX = 4096;

const text = z
  .string()
  .trim()
  .min(1, 'The message is empty')
  .max(ANNOUNCEMENT_MAX, `The message is longer than ${ANNOUNCEMENT_MAX} characters`);
const optionalText = z
  .string()
  .trim()
  .max(ANNOUNCEMENT_MAX, `The message is longer than ${ANNOUNCEMENT_MAX} characters`)
  .nullish()
  .transform((s) => (s ? s : null));

export const announcementInputSchema = z
  .object({
    /** Null: every registered, non-banned member. */
    challengeId: idSchema.nullable(),
    /** Uzbek is required; members whose language has no text get the Uzbek one. */
    text: z.object({ uz: text, ru: optionalText, en: optionalText }).strict(),
  })
  .strict();
export type AnnouncementInput = z.input<typeof announcementInputSchema>;

export interface AnnouncementStatusDto {
  id: number;
  challengeId: number | null;
  status: 'sending' | 'done';
  total: number;
  delivered: number;
  blocked: number;
  failed: number;
  /** Not yet sent (waiting, or handed to the bot's queue). */
  pending: number;
  text: { uz: string; ru: string | null; en: string | null };
  createdAt: string;
  finishedAt: string | null;
}
