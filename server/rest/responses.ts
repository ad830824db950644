/**
 * Schemas of the success answers that integrations read most (health, submitting), written
 * for the OpenAPI document; the compile-time checks below keep them equal to the DTO types the
 * services return.
 */
import { z } from 'zod';
import type { SubmitResultDto } from '../../shared/types';

export const healthSchema = z.object({
  ok: z.boolean(),
  demo: z.boolean().optional(),
  uptimeSeconds: z.number().int().optional(),
  /** Every member's profile is held in memory (false while the load after start-up runs). */
  profilesLoaded: z.boolean().optional(),
});

export const submitResultSchema = z.object({
  submission: z.object({ id: z.number().int(), value: z.number(), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  streak: z.object({ current: z.number().int(), best: z.number().int() }),
  progress: z.object({ target: z.number().nullable(), met: z.boolean(), missing: z.number() }),
  /** Until when the member may correct it (ISO 8601). */
  correctableUntil: z.string(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const submitMatches: Same<z.infer<typeof submitResultSchema>, SubmitResultDto> = true;
void submitMatches;
