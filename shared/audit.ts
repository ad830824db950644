/** The audit log's filters and its entries as admins read them (names resolved by the server). */
import { z } from 'zod';
import { dayKeySchema, idSchema } from './schemas';
import type { AuditEntryDto } from './types';

export const auditFilterFields = {
  /** A recorded action, e.g. "user.ban". */
  action: z
    .string()
    .trim()
    .max(40)
    .regex(/^[a-z]+(\.[a-z]+)*$/, 'Expected an action such as user.ban')
    .optional(),
  /** The acting admin's Telegram id. */
  actor: idSchema.optional(),
  /** The member the entry is about (the project's user id). */
  userId: idSchema.optional(),
  /** Club days, both included. */
  from: dayKeySchema.optional(),
  to: dayKeySchema.optional(),
};

const fromBeforeTo = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const fromBeforeToMessage = { message: 'The first day must not be after the last', path: ['to'] };

export const auditFilterSchema = z.object(auditFilterFields).strict().refine(fromBeforeTo, fromBeforeToMessage);
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** One page of the filtered log (tRPC). */
export const auditPageSchema = z
  .object({
    ...auditFilterFields,
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine(fromBeforeTo, fromBeforeToMessage);

export interface AuditViewEntryDto extends AuditEntryDto {
  /** The acting admin's shown name as a member, else their Telegram name from /admin, else null (show the id). */
  actorName: string | null;
  /** The member the entry is about, when there is one. */
  member: { id: number; name: string; telegramId: number } | null;
}
