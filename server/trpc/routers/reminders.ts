/** A member's own reminder times (Mini App) and the club's group settings (admin panel). */
import { z } from 'zod';
import { clubChatUpdateSchema } from '../../../shared/clubChat';
import { reminderSettingInputSchema } from '../../../shared/reminders';
import { idSchema } from '../../../shared/schemas';
import { adminProcedure, memberProcedure, router } from '../init';

export const remindersRouter = router({
  /** Every joined challenge's reminder: the challenge's time, mine, on or off. */
  mine: memberProcedure.query(({ ctx }) => ctx.services.reminderSettings.myReminders(ctx.identity.telegramId)),
  /** My own time for one challenge (inside its window; null: the challenge's), and/or on or off. */
  set: memberProcedure
    .input(z.object({ challengeId: idSchema, setting: reminderSettingInputSchema }).strict())
    .mutation(({ ctx, input }) => ctx.services.reminderSettings.setMyReminder(ctx.identity.telegramId, input.challengeId, input.setting)),
});

export const clubChatRouter = router({
  get: adminProcedure.query(({ ctx }) => ctx.services.clubChat.settings(ctx.actor)),
  update: adminProcedure.input(clubChatUpdateSchema).mutation(({ ctx, input }) => ctx.services.clubChat.update(ctx.actor, input)),
});
