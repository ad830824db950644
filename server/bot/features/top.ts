/** /top: today's top 5 of each challenge the member joined, and their own place. */
import { Plugin } from 'gramio';
import { botText, formatNumber } from '../../../shared/i18n/bot';
import { appKeyboard, say } from '../context';
import type { BotDeps, BotFeature } from '../deps';

const TOP = 5;

export const topFeature: BotFeature = (deps: BotDeps) =>
  new Plugin('qadam:top').command('top', async (ctx) => {
    if (!ctx.from) return;
    const profile = await deps.services.members.currentChallenges(ctx.from.id);
    const language = profile.user.language;
    const t = botText(language);
    const entries = profile.challenges.filter((e) => e.challenge.isActive);
    if (entries.length === 0) {
      await say(ctx.bot.api, deps, ctx.chatId, language, { text: t.noChallenges, keyboard: appKeyboard(deps, language) });
      return;
    }
    const blocks: string[] = [];
    for (const e of entries) {
      const c = e.challenge;
      const amount = (n: number) => (c.unit ? `${formatNumber(language, n)} ${c.unit}` : formatNumber(language, n));
      const board = await deps.services.leaderboard.leaderboardForMember(ctx.from.id, { challengeId: c.id, type: 'today', limit: TOP });
      const lines = [t.topHeader({ emoji: c.emoji, title: c.title, unit: c.unit })];
      if (board.entries.length === 0) lines.push(t.topEmpty);
      for (const row of board.entries) lines.push(`${row.rank}. ${row.displayName} — ${amount(row.total)}`);
      lines.push(board.me ? t.topMe(board.me.rank, amount(board.me.total)) : t.topMeNone);
      blocks.push(lines.join('\n'));
    }
    await say(ctx.bot.api, deps, ctx.chatId, language, { text: blocks.join('\n\n') });
  });
