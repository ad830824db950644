/**
 * Things a member must hear about that happened to them without their doing: an admin
 * deleted their result. Services announce a notice after the change committed; whoever can
 * reach members (the bot, when it runs) subscribes. Without a subscriber nothing is sent.
 */
import { findChallenge } from '../db/repositories/challenges';
import { findUserById } from '../db/repositories/users';
import type { Language } from '../../shared/schemas';
import type { DayKey } from '../../shared/types';
import type { ServiceContext } from './context';
import { challengeTextsOf } from './mappers';

export interface MemberNotice {
  kind: 'result-deleted';
  telegramId: number;
  language: Language;
  challenge: { id: number; emoji: string; title: string; unit: string };
  day: DayKey;
  oldValue: number;
}

type Listener = (notice: MemberNotice) => void;

const listeners = new WeakMap<object, Set<Listener>>();

/** Subscribes to notices; returns the unsubscribe function. */
export function subscribe(ctx: ServiceContext, listener: Listener): () => void {
  let set = listeners.get(ctx.db);
  if (!set) {
    set = new Set();
    listeners.set(ctx.db, set);
  }
  set.add(listener);
  return () => void set.delete(listener);
}

/** After an admin deleted a result (committed): tells the member, in their language. */
export function tellResultDeleted(
  ctx: ServiceContext,
  change: { userId: number; challengeId: number; day: DayKey; oldValue: number },
): void {
  const set = listeners.get(ctx.db);
  if (!set || set.size === 0) return;
  const user = findUserById(ctx.db, change.userId);
  const challenge = findChallenge(ctx.db, change.challengeId);
  if (!user || !challenge || user.registeredAt === null) return;
  const texts = challengeTextsOf(challenge, user.language);
  const notice: MemberNotice = {
    kind: 'result-deleted',
    telegramId: user.telegramId,
    language: user.language,
    challenge: { id: challenge.id, emoji: challenge.emoji, title: texts.title, unit: texts.unit },
    day: change.day,
    oldValue: change.oldValue,
  };
  for (const listener of set) listener(notice);
}
