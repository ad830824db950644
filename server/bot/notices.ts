/**
 * Notices to members as the bot words them, and the hold that keeps a member's own milestones
 * in the bot's answer: while the bot is submitting or correcting a result for a member, the
 * badges and freezes that result earns are held back and added to its reply (one message, in
 * order) instead of arriving as separate messages, perhaps before the reply. Anything held
 * when the call fails is sent as usual.
 */
import type { MemberNotice } from '../services/notices';
import { botText, formatDay, formatNumber } from '../../shared/i18n/bot';

export function noticeText(notice: MemberNotice): string {
  const t = botText(notice.language);
  if (notice.kind === 'badge-earned') return t.badgeEarned(notice.code, notice.challenge);
  if (notice.kind === 'freeze') {
    const days = notice.days.map((d) => formatDay(notice.language, d)).join(', ');
    const c = { ...notice.challenge, freezes: notice.freezes };
    return notice.reason === 'used' ? t.freezeUsed({ ...c, days }) : notice.reason === 'earned' ? t.freezeEarned(c) : t.freezeGranted(c);
  }
  const day = formatDay(notice.language, notice.day);
  return notice.kind === 'result-deleted'
    ? t.resultDeleted({ ...notice.challenge, value: formatNumber(notice.language, notice.oldValue), day })
    : t.resultSetByAdmin({
        ...notice.challenge,
        day,
        value: formatNumber(notice.language, notice.newValue),
        old: notice.oldValue === null ? null : formatNumber(notice.language, notice.oldValue),
        reason: notice.reason,
      });
}

export class NoticeHold {
  /** Telegram id → the milestone notices held while a call for that member runs. */
  private readonly held = new Map<number, MemberNotice[]>();

  constructor(private readonly send: (notice: MemberNotice) => void) {}

  /** True when the notice was held for a reply (a milestone of a member the bot is answering). */
  hold(notice: MemberNotice): boolean {
    if (notice.kind !== 'badge-earned' && notice.kind !== 'freeze') return false;
    const list = this.held.get(notice.telegramId);
    if (!list) return false;
    list.push(notice);
    return true;
  }

  /** Runs `fn` holding the member's milestone notices; answers its result and their texts. */
  async around<T>(telegramId: number, fn: () => Promise<T>): Promise<{ result: T; told: string[] }> {
    if (this.held.has(telegramId)) return { result: await fn(), told: [] }; // one chat's updates run one at a time
    const list: MemberNotice[] = [];
    this.held.set(telegramId, list);
    try {
      const result = await fn();
      return { result, told: list.map(noticeText) };
    } catch (error) {
      for (const n of list) this.send(n);
      throw error;
    } finally {
      this.held.delete(telegramId);
    }
  }
}
