/**
 * Installed after every feature: an unknown command, a stray text or an old button still gets
 * a helpful answer. Not in the features list, so features added later still come before it.
 */
import { Plugin } from 'gramio';
import { botText } from '../../../shared/i18n/bot';
import { languageOf, say } from '../context';
import type { BotDeps } from '../deps';
import { registerOffer } from '../refusals';
import { isRegistered } from '../../services';

export function fallback(deps: BotDeps) {
  return new Plugin('qadam:fallback')
    .on('message', async (ctx) => {
      if (!ctx.from) return;
      const language = await languageOf(deps, ctx.from);
      const t = botText(language);
      if (ctx.text?.startsWith('/')) {
        await say(ctx.bot.api, deps, ctx.chatId, language, { text: t.unknownCommand });
        return;
      }
      const member = await deps.services.members.findMember(ctx.from.id);
      const registered = !!member && isRegistered(member);
      await say(ctx.bot.api, deps, ctx.chatId, language, registered ? { text: t.plainText } : registerOffer(language));
    })
    .on('callback_query', async (ctx) => {
      const language = await languageOf(deps, ctx.from);
      await ctx.answer({ text: botText(language).expired }).catch(() => undefined);
    });
}
