/** /help: what the bot can do, in the member's language. */
import { Plugin } from 'gramio';
import { botText } from '../../../shared/i18n/bot';
import { appKeyboard, languageOf, say } from '../context';
import type { BotDeps, BotFeature } from '../deps';

export const helpFeature: BotFeature = (deps: BotDeps) =>
  new Plugin('qadam:help').command('help', async (ctx) => {
    const language = await languageOf(deps, ctx.from);
    await say(ctx.bot.api, deps, ctx.chatId, language, { text: botText(language).help, keyboard: appKeyboard(deps, language) });
  });
