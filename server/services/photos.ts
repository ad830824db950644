/**
 * Telegram profile photos: the Mini App's initData carries `photo_url`; the member's own
 * requests keep it current, and the boards show it beside the name.
 */
import { findUserByTelegramId, setPhotoUrl } from '../db/repositories/users';
import { rePhotoOnBoards } from './boards';
import type { ServiceContext, TelegramIdentity } from './context';

/** Records the photo this request's initData carries, when it differs from the stored one. */
export async function notePhoto(ctx: ServiceContext, identity: TelegramIdentity): Promise<void> {
  if (identity.photoUrl === undefined) return; // a door without photos (the bot)
  const user = findUserByTelegramId(ctx.db, identity.telegramId);
  if (!user || user.registeredAt === null) return;
  if (setPhotoUrl(ctx.db, user, identity.photoUrl)) rePhotoOnBoards(ctx, user.id, identity.photoUrl);
}
