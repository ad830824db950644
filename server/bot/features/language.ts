/** /language: choose Uzbek, Russian or English; remembered on the member's row. */
import { InlineKeyboard, Plugin, type User } from 'gramio';
import { botText } from '../../../shared/i18n/bot';
import { LANGUAGES, languageSchema, type Language } from '../../../shared/schemas';
import { identityOf, languageOf, say, type SendApi } from '../context';
import type { BotDeps, BotFeature } from '../deps';

const CHOOSE = /^lang:(uz|ru|en)$/;

export const languageFeature: BotFeature = (deps: BotDeps) => {
  async function set(api: SendApi, from: User, chatId: number, language: Language) {
    await deps.services.members.seeMember(identityOf(from)); // the row must exist; registration not needed
    await deps.services.members.setLanguage(from.id, language);
    await say(api, deps, chatId, language, { text: botText(language).languageSet });
  }

  return new Plugin('qadam:language')
    .command('language', async (ctx) => {
      if (!ctx.from) return;
      const asked = languageSchema.safeParse(ctx.args?.trim().toLowerCase());
      if (asked.success) return set(ctx.bot.api, ctx.from, ctx.chatId, asked.data);
      const language = await languageOf(deps, ctx.from);
      const keyboard = new InlineKeyboard();
      for (const l of LANGUAGES) keyboard.text(botText(l).languageName, `lang:${l}`);
      await say(ctx.bot.api, deps, ctx.chatId, language, { text: botText(language).chooseLanguage, keyboard });
    })
    .callbackQuery(CHOOSE, async (ctx) => {
      await ctx.answer();
      const language = languageSchema.parse((ctx.queryData as RegExpMatchArray)[1]);
      await set(ctx.bot.api, ctx.from, ctx.message?.chatId ?? ctx.from.id, language);
    });
};
