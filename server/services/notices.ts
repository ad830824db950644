/**
 * Things a member must hear about that happened to them without their doing: an admin
 * deleted their result, or added or corrected one on their behalf; a badge was earned; a streak
 * freeze was earned, used on a missed day or granted. Services publish a notice after the change
 * committed (badges and freezes: from the committed write's events, see `tellMilestones`);
 * whoever can reach members (the bot, when it runs) subscribes. Without a subscriber nothing is sent.
 * One channel per services object (built in services/index.ts), so two runtimes in one
 * process never hear each other's notices.
 */
import type { BadgeCode } from '../domain/badges';
import { isRegistered } from '../domain/members';
import type { Language } from '../../shared/schemas';
import type { DayKey } from '../../shared/types';
import type { ServiceContext } from './context';
import type { ClubEvent } from './events';
import { challengeTextsOf } from './mappers';

interface NoticeBase {
  telegramId: number;
  language: Language;
  challenge: { id: number; emoji: string; title: string; unit: string };
  day: DayKey;
}

export type MemberNotice =
  | (NoticeBase & { kind: 'result-deleted'; oldValue: number })
  /** `oldValue` null: the result was added. */
  | (NoticeBase & { kind: 'result-set'; oldValue: number | null; newValue: number; reason: string })
  /** `challenge` null: a club-wide badge. */
  | { kind: 'badge-earned'; telegramId: number; language: Language; code: BadgeCode; challenge: NoticeBase['challenge'] | null }
  /** `days`: the missed days a freeze covered ('used'); `freezes`: how many are held now. */
  | { kind: 'freeze'; telegramId: number; language: Language; reason: 'earned' | 'used' | 'granted'; challenge: NoticeBase['challenge']; days: DayKey[]; freezes: number };

/** What changed, as the service that changed it knows it. */
export type ResultChange =
  | { kind: 'result-deleted'; userId: number; challengeId: number; day: DayKey; oldValue: number }
  | { kind: 'result-set'; userId: number; challengeId: number; day: DayKey; oldValue: number | null; newValue: number; reason: string };

type Listener = (notice: MemberNotice) => void;

export class Notices {
  private readonly listeners = new Set<Listener>();

  /** Subscribes to notices; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get heard(): boolean {
    return this.listeners.size > 0;
  }

  publish(notice: MemberNotice): void {
    for (const listener of this.listeners) listener(notice);
  }
}

/** After an admin changed a member's result (committed): tells the member, in their language. */
export async function tellResultChanged(ctx: ServiceContext, change: ResultChange): Promise<void> {
  if (!ctx.notices.heard) return;
  const user = await ctx.store.repos.users.findUserById(change.userId);
  const challenge = await ctx.readModel.challenge(change.challengeId);
  if (!user || !challenge || !isRegistered(user)) return;
  const texts = challengeTextsOf(challenge, user.language);
  const { userId: _user, challengeId: _challenge, ...what } = change;
  ctx.notices.publish({
    ...what,
    telegramId: user.telegramId,
    language: user.language,
    challenge: { id: challenge.id, emoji: challenge.emoji, title: texts.title, unit: texts.unit },
  });
}

/**
 * After a write committed (here or, with several instances, on another one): the badges and
 * freezes it reports are told to their member, in their language. A freeze given back comes
 * with an admin's correction, which the member hears about already.
 */
export async function tellMilestones(ctx: ServiceContext, events: readonly ClubEvent[]): Promise<void> {
  if (!ctx.notices.heard) return;
  for (const e of events) {
    if (e.type !== 'badge.earned' && !(e.type === 'freezes.changed' && e.reason !== 'returned')) continue;
    const user = await ctx.store.repos.users.findUserById(e.userId);
    if (!user || !isRegistered(user) || user.isBanned) continue;
    const challenge = e.challengeId === null ? null : await ctx.readModel.challenge(e.challengeId);
    if (e.challengeId !== null && !challenge) continue;
    const shown = challenge ? { id: challenge.id, emoji: challenge.emoji, ...pick(challengeTextsOf(challenge, user.language)) } : null;
    const to = { telegramId: user.telegramId, language: user.language };
    if (e.type === 'badge.earned') ctx.notices.publish({ kind: 'badge-earned', ...to, code: e.code, challenge: shown });
    else if (e.reason !== 'returned') ctx.notices.publish({ kind: 'freeze', ...to, reason: e.reason, challenge: shown!, days: e.days, freezes: e.freezes });
  }
}

const pick = (t: { title: string; unit: string }) => ({ title: t.title, unit: t.unit });
