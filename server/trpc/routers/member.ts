/** Member procedures: the Mini App's door to the services. */
import { z } from 'zod';
import {
  historyRangeSchema,
  idSchema,
  languageSchema,
  leaderboardQuerySchema,
  registerInputSchema,
  submitValueSchema,
} from '../../../shared/schemas';
import { memberProcedure, router } from '../init';

const challengeRef = z.object({ challengeId: idSchema }).strict();

export const authRouter = router({
  register: memberProcedure
    .input(registerInputSchema)
    .mutation(({ ctx, input }) => ctx.services.members.register(ctx.identity, input)),
});

export const meRouter = router({
  get: memberProcedure.query(async ({ ctx }) => {
    await ctx.services.photos.notePhoto(ctx.identity);
    return ctx.services.members.profile(ctx.identity.telegramId);
  }),
  setLanguage: memberProcedure
    .input(z.object({ language: languageSchema }).strict())
    .mutation(({ ctx, input }) => ctx.services.members.setLanguage(ctx.identity.telegramId, input.language)),
  /** My results in one challenge over the last 30 or 90 days, or all time. */
  history: memberProcedure
    .input(z.object({ challengeId: idSchema, range: historyRangeSchema }).strict())
    .query(({ ctx, input }) => ctx.services.history.historyOf(ctx.identity.telegramId, input.challengeId, input.range)),
  setReminders: memberProcedure
    .input(z.object({ enabled: z.boolean() }).strict())
    .mutation(({ ctx, input }) => ctx.services.members.setReminders(ctx.identity.telegramId, input.enabled)),
});

export const challengesRouter = router({
  list: memberProcedure.query(({ ctx }) => ctx.services.challenges.listForMember(ctx.identity.telegramId)),
  join: memberProcedure
    .input(challengeRef)
    .mutation(({ ctx, input }) => ctx.services.challenges.join(ctx.identity.telegramId, input.challengeId)),
  leave: memberProcedure
    .input(challengeRef)
    .mutation(({ ctx, input }) => ctx.services.challenges.leave(ctx.identity.telegramId, input.challengeId)),
  submit: memberProcedure
    .input(z.object({ challengeId: idSchema, value: submitValueSchema }).strict())
    .mutation(({ ctx, input }) =>
      ctx.services.submissions.submit(ctx.identity.telegramId, input.challengeId, input.value),
    ),
  /** Replaces today's result within CORRECTION_MINUTES of sending it. */
  correct: memberProcedure
    .input(z.object({ challengeId: idSchema, value: submitValueSchema }).strict())
    .mutation(({ ctx, input }) =>
      ctx.services.corrections.correctToday(ctx.identity.telegramId, input.challengeId, input.value),
    ),
});

export const leaderboardRouter = router({
  get: memberProcedure
    .input(leaderboardQuerySchema)
    .query(({ ctx, input }) => ctx.services.leaderboard.leaderboardForMember(ctx.identity.telegramId, input)),
});
