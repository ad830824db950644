/** /me: the member's challenges, current and best streaks, and today's status. */
import { Plugin } from 'gramio';
import { botText, formatNumber } from '../../../shared/i18n/bot';
import { formatWindow } from '../../../shared/timeWindow';
import { appKeyboard, say } from '../context';
import type { BotDeps, BotFeature } from '../deps';

export const meFeature: BotFeature = (deps: BotDeps) =>
  new Plugin('qadam:me').command('me', async (ctx) => {
    if (!ctx.from) return;
    const profile = await deps.services.members.currentChallenges(ctx.from.id); // NOT_REGISTERED → the boundary offers registration
    const language = profile.user.language;
    const t = botText(language);
    const lines = [t.meHeader(profile.user.displayName)];
    const entries = profile.challenges.filter((e) => e.challenge.isActive);
    if (entries.length === 0) {
      lines.push('', t.noChallenges);
    }
    for (const e of entries) {
      const c = e.challenge;
      lines.push('', `${c.emoji} ${c.title}`.trim());
      if (e.today && !e.today.progress.met) {
        lines.push(t.meTodayBelow(formatNumber(language, e.today.value), c.unit, formatNumber(language, e.today.progress.missing)));
      } else lines.push(t.meToday(e.today ? formatNumber(language, e.today.value) : null, c.unit));
      lines.push(t.meStreak(e.streak.current, e.streak.best));
      if (c.timeWindow) lines.push(t.meWindow(formatWindow(c.timeWindow)));
    }
    lines.push('', t.meReminders(profile.user.remindersEnabled));
    await say(ctx.bot.api, deps, ctx.chatId, language, { text: lines.join('\n'), keyboard: appKeyboard(deps, language) });
  });
