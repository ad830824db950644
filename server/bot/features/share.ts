/**
 * Inline mode: a member types @bot in any chat and Telegram lists their cards — the streak of
 * each current challenge and today's result once sent — in their language, each with a button
 * that opens the Mini App on that challenge. `ch_<id>` or words of a title narrow the list
 * (the Mini App's fallback sends `ch_<id>`). Someone who is not a member gets no cards and a
 * button to start the bot. Needs inline mode switched on with @BotFather (/setinline).
 */
import { Plugin } from 'gramio';
import { shareText } from '../../../shared/i18n/share';
import type { BotDeps, BotFeature } from '../deps';
import { languageOf } from '../context';
import { describeError } from '../telegram';
import { isBanned, isRegistered } from '../../services';

/** Cards change with every result: Telegram must not serve another member's, nor an old one. */
const ANSWER = { cache_time: 0, is_personal: true } as const;

export const shareFeature: BotFeature = (deps: BotDeps) =>
  new Plugin('qadam:share').on('inline_query', async (ctx) => {
    // Whatever goes wrong stays here: an inline query has no chat, and a private message
    // about a failed list would only puzzle the member typing in another chat.
    try {
      const member = await deps.services.members.findMember(ctx.from.id);
      if (!member || !isRegistered(member) || isBanned(member)) {
        const t = shareText(member?.language ?? (await languageOf(deps, ctx.from)));
        await ctx.answerInlineQuery([], { ...ANSWER, button: { text: t.notMemberTitle, start_parameter: 'share' } });
        return;
      }
      const cards = await deps.services.sharing.shareCards(ctx.from.id, { query: ctx.query });
      // Telegram takes at most 50 results per answer.
      await ctx.answerInlineQuery(cards.slice(0, 50).map(deps.services.sharing.toInlineArticle) as never, ANSWER);
    } catch (error) {
      deps.log.warn('bot: inline query not answered', { error: describeError(error) });
    }
  });
