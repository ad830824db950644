/** /reminders: turn the daily reminders on or off (remembered; the scheduler reads it). */
import { InlineKeyboard, Plugin, type User } from 'gramio';
import { botText } from '../../../shared/i18n/bot';
import { say, type SendApi } from '../context';
import type { BotDeps, BotFeature } from '../deps';

const TOGGLE = /^rem:(on|off)$/;
const ON = ['on', 'yes', '1', 'yoq', 'вкл'];
const OFF = ['off', 'no', '0', "o'chir", 'выкл'];

export const remindersFeature: BotFeature = (deps: BotDeps) => {
  async function set(api: SendApi, from: User, chatId: number, enabled: boolean) {
    const user = await deps.services.members.setReminders(from.id, enabled); // NOT_REGISTERED → the boundary
    const t = botText(user.language);
    await say(api, deps, chatId, user.language, { text: enabled ? t.remindersOn : t.remindersOff });
  }

  return new Plugin('qadam:reminders')
    .command('reminders', async (ctx) => {
      if (!ctx.from) return;
      const arg = ctx.args?.trim().toLowerCase() ?? '';
      if (ON.includes(arg)) return set(ctx.bot.api, ctx.from, ctx.chatId, true);
      if (OFF.includes(arg)) return set(ctx.bot.api, ctx.from, ctx.chatId, false);
      const { user } = await deps.services.members.currentChallenges(ctx.from.id);
      const t = botText(user.language);
      const keyboard = new InlineKeyboard().text(
        user.remindersEnabled ? t.remindersTurnOff : t.remindersTurnOn,
        user.remindersEnabled ? 'rem:off' : 'rem:on',
      );
      await say(ctx.bot.api, deps, ctx.chatId, user.language, { text: t.remindersStatus(user.remindersEnabled), keyboard });
    })
    .callbackQuery(TOGGLE, async (ctx) => {
      await ctx.answer();
      await set(ctx.bot.api, ctx.from, ctx.message?.chatId ?? ctx.from.id, (ctx.queryData as RegExpMatchArray)[1] === 'on');
    });
};
