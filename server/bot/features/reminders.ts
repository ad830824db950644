/**
 * /reminders: turn the daily reminders on or off (remembered; the scheduler reads it), and per
 * joined challenge choose one's own reminder time (inside the challenge's window), go back to
 * the challenge's time, or turn that challenge's reminders off.
 */
import { InlineKeyboard, Plugin, type User } from 'gramio';
import { botText } from '../../../shared/i18n/bot';
import { myReminderTexts } from '../../../shared/i18n/clubChat';
import type { ReminderSettingDto } from '../../../shared/reminders';
import { timeOfDaySchema, type Language } from '../../../shared/schemas';
import { formatWindow } from '../../../shared/timeWindow';
import { ServiceError } from '../../domain/errors';
import { say, type SendApi } from '../context';
import type { BotDeps, BotFeature } from '../deps';

const TOGGLE = /^rem:(on|off)$/;
/** Change the time of challenge <id>. */
const CHANGE = /^remt:(\d+)$/;
/** Back to the challenge's time. */
const DEFAULT = /^remd:(\d+)$/;
/** This challenge's reminders on or off. */
const SWITCH = /^remx:(\d+):(on|off)$/;
const ON = ['on', 'yes', '1', 'yoq', 'вкл'];
const OFF = ['off', 'no', '0', "o'chir", 'выкл'];

const label = (s: ReminderSettingDto) => ({ emoji: s.emoji, title: s.title });

export const remindersFeature: BotFeature = (deps: BotDeps) => {
  const { pending } = deps;

  async function set(api: SendApi, from: User, chatId: number, enabled: boolean) {
    const user = await deps.services.members.setReminders(from.id, enabled); // NOT_REGISTERED → the boundary
    const t = botText(user.language);
    await say(api, deps, chatId, user.language, { text: enabled ? t.remindersOn : t.remindersOff });
  }

  async function show(api: SendApi, from: User, chatId: number) {
    const { user } = await deps.services.members.currentChallenges(from.id); // NOT_REGISTERED → the boundary
    const mine = await deps.services.reminderSettings.myReminders(from.id);
    const t = botText(user.language);
    const r = myReminderTexts[user.language];
    const keyboard = new InlineKeyboard().text(
      user.remindersEnabled ? t.remindersTurnOff : t.remindersTurnOn,
      user.remindersEnabled ? 'rem:off' : 'rem:on',
    );
    const lines = [t.remindersStatus(user.remindersEnabled)];
    if (mine.challenges.length > 0) lines.push('', r.header(user.remindersEnabled));
    for (const s of mine.challenges) {
      lines.push(
        r.line({
          ...label(s),
          time: s.effectiveTime,
          own: s.time !== null && s.effectiveTime === s.time,
          enabled: s.enabled,
          window: s.timeWindow ? formatWindow(s.timeWindow) : null,
        }),
      );
      keyboard.row().text(r.changeButton(s.emoji), `remt:${s.challengeId}`);
      if (s.time) keyboard.text(r.defaultButton, `remd:${s.challengeId}`);
      keyboard.text(s.enabled ? r.offButton : r.onButton, `remx:${s.challengeId}:${s.enabled ? 'off' : 'on'}`);
    }
    await say(api, deps, chatId, user.language, { text: lines.join('\n'), keyboard });
  }

  /** Applies one change; a refused time is explained and the member may type another. */
  async function change(api: SendApi, from: User, chatId: number, challengeId: number, input: { time?: string | null; enabled?: boolean }) {
    const language: Language = (await deps.services.members.findMember(from.id))?.language ?? 'uz';
    const r = myReminderTexts[language];
    try {
      const s = await deps.services.reminderSettings.setMyReminder(from.id, challengeId, input);
      pending.clear(chatId);
      const text = s.enabled ? r.set({ ...label(s), time: s.effectiveTime }) : r.offFor(label(s));
      await say(api, deps, chatId, language, { text });
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'OUTSIDE_TIME_WINDOW') {
        await say(api, deps, chatId, language, { text: r.outsideWindow(String(error.details.window)) });
        return; // still waiting for a time
      }
      pending.clear(chatId);
      throw error; // the boundary tells the member (NOT_JOINED, NOT_FOUND, …)
    }
  }

  return new Plugin('qadam:reminders')
    .command('reminders', async (ctx) => {
      if (!ctx.from) return;
      const arg = ctx.args?.trim().toLowerCase() ?? '';
      if (ON.includes(arg)) return set(ctx.bot.api, ctx.from, ctx.chatId, true);
      if (OFF.includes(arg)) return set(ctx.bot.api, ctx.from, ctx.chatId, false);
      await show(ctx.bot.api, ctx.from, ctx.chatId);
    })
    .callbackQuery(TOGGLE, async (ctx) => {
      await ctx.answer();
      await set(ctx.bot.api, ctx.from, ctx.message?.chatId ?? ctx.from.id, (ctx.queryData as RegExpMatchArray)[1] === 'on');
    })
    .callbackQuery(CHANGE, async (ctx) => {
      await ctx.answer();
      const chatId = ctx.message?.chatId ?? ctx.from.id;
      const challengeId = Number((ctx.queryData as RegExpMatchArray)[1]);
      const mine = await deps.services.reminderSettings.myReminders(ctx.from.id);
      const s = mine.challenges.find((c) => c.challengeId === challengeId);
      const language: Language = (await deps.services.members.findMember(ctx.from.id))?.language ?? 'uz';
      if (!s) {
        await change(ctx.bot.api, ctx.from, chatId, challengeId, { enabled: true }); // refused: NOT_JOINED / NOT_FOUND
        return;
      }
      pending.set(chatId, { kind: 'reminderTime', challengeId });
      const window = s.timeWindow ? formatWindow(s.timeWindow) : null;
      await say(ctx.bot.api, deps, chatId, language, { text: myReminderTexts[language].chooseTime({ ...label(s), window, defaultTime: s.defaultTime }) });
    })
    .callbackQuery(DEFAULT, async (ctx) => {
      await ctx.answer();
      await change(ctx.bot.api, ctx.from, ctx.message?.chatId ?? ctx.from.id, Number((ctx.queryData as RegExpMatchArray)[1]), { time: null });
    })
    .callbackQuery(SWITCH, async (ctx) => {
      await ctx.answer();
      const [, id, state] = ctx.queryData as RegExpMatchArray;
      await change(ctx.bot.api, ctx.from, ctx.message?.chatId ?? ctx.from.id, Number(id), { enabled: state === 'on' });
    })
    .on('message', async (ctx, next) => {
      const waiting = pending.get(ctx.chatId);
      const text = ctx.text?.trim();
      if (!ctx.from || text === undefined || text.startsWith('/') || waiting?.kind !== 'reminderTime') return next();
      const time = timeOfDaySchema.safeParse(text.replace(/^(\d):/, '0$1:').replace('.', ':'));
      if (!time.success) {
        const language: Language = (await deps.services.members.findMember(ctx.from.id))?.language ?? 'uz';
        await say(ctx.bot.api, deps, ctx.chatId, language, { text: myReminderTexts[language].badTime });
        return;
      }
      await change(ctx.bot.api, ctx.from, ctx.chatId, waiting.challengeId, { time: time.data, enabled: true });
    });
};
