/** Sharing and invitations: the Mini App's invite link and share cards. */
import { z } from 'zod';
import { idSchema } from '../../../shared/schemas';
import { shareInputSchema } from '../../../shared/sharing';
import { memberProcedure, router } from '../init';

export const inviteRouter = router({
  /** My invite link and how many joined through it. */
  mine: memberProcedure.query(({ ctx }) => ctx.services.invitations.myInvite(ctx.identity.telegramId)),
});

export const shareRouter = router({
  cards: memberProcedure
    .input(z.object({ challengeId: idSchema.optional() }).strict())
    .query(({ ctx, input }) => ctx.services.sharing.shareCards(ctx.identity.telegramId, input.challengeId ? { challengeId: input.challengeId } : {})),
  /** A prepared inline message for `shareMessage(id)`, or the fallbacks. */
  prepare: memberProcedure.input(shareInputSchema).mutation(({ ctx, input }) => ctx.services.sharing.prepareShare(ctx.identity.telegramId, input)),
});
