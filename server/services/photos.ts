/**
 * Telegram profile photos: the Mini App's initData carries `photo_url`; the member's own
 * requests keep it current, and the boards show it beside the name.
 */
import { isRegistered } from '../domain/members';
import { write, type ServiceContext, type TelegramIdentity } from './context';

/** Records the photo this request's initData carries, when it differs from the stored one. */
export async function notePhoto(ctx: ServiceContext, identity: TelegramIdentity): Promise<void> {
  if (identity.photoUrl === undefined) return; // a door without photos (the bot)
  const photoUrl = identity.photoUrl;
  const known = await ctx.readModel.member(identity.telegramId);
  // The remembered row answers most requests without a write; the transaction checks again.
  if (!known || !isRegistered(known) || known.photoUrl === photoUrl) return;
  await write(ctx, async (tx, emit) => {
    const user = await tx.users.findUserByTelegramId(identity.telegramId);
    if (!user || !isRegistered(user) || user.photoUrl === photoUrl) return;
    await tx.users.setPhotoUrl(user.id, photoUrl);
    emit({ type: 'photo.changed', userId: user.id, telegramId: user.telegramId, photoUrl });
  });
}
