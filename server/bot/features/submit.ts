/**
 * /submit: the fallback for members whose Mini App does not open.
 * - one joined challenge: `/submit 5,5` submits at once, `/submit` asks for the value;
 * - several: an inline keyboard asks which one (a value given with the command is kept);
 * - every refusal is the service's coded error, told with the facts that help: today's value,
 *   the time window, the accepted range.
 * The bot checks "already submitted" and "window closed" before asking for a value only to
 * spare the member typing; the submit service stays the authority.
 */
import { InlineKeyboard, Plugin, type User } from 'gramio';
import { botText, formatNumber } from '../../../shared/i18n/bot';
import { errorText } from '../../../shared/i18n/errors';
import { formatWindow } from '../../../shared/timeWindow';
import type { Language } from '../../../shared/schemas';
import type { CurrentChallengeDto } from '../../services/members';
import { ServiceError } from '../../domain/errors';
import { appKeyboard, languageOf, say, type Reply, type SendApi } from '../context';
import type { BotDeps, BotFeature } from '../deps';
import { refusal } from '../refusals';

const CHOOSE = /^sub:(\d+)$/;

type Entry = CurrentChallengeDto;

function labelOf(entry: Entry) {
  const c = entry.challenge;
  return { emoji: c.emoji, title: c.title, unit: c.unit };
}

function prefixed(entry: Entry, text: string): string {
  const c = entry.challenge;
  return `${`${c.emoji} ${c.title}`.trim()}: ${text}`;
}

export const submitFeature: BotFeature = (deps: BotDeps) => {
  const { services, pending } = deps;

  /** The member's current, active challenges (throws NOT_REGISTERED / BANNED). */
  async function joined(from: User): Promise<{ language: Language; entries: Entry[] }> {
    const profile = await services.members.currentChallenges(from.id);
    return { language: profile.user.language, entries: profile.challenges.filter((e) => e.challenge.isActive) };
  }

  function alreadySubmitted(language: Language, entry: Entry, value: number): Reply {
    const shown = entry.challenge.unit ? `${formatNumber(language, value)} ${entry.challenge.unit}` : formatNumber(language, value);
    return { text: prefixed(entry, errorText(language, 'ALREADY_SUBMITTED', { value: shown })) };
  }

  function windowClosed(language: Language, entry: Entry, window: string): Reply {
    return { text: prefixed(entry, errorText(language, 'OUTSIDE_TIME_WINDOW', { window })) };
  }

  function range(language: Language, entry: Entry) {
    return { min: formatNumber(language, entry.challenge.minValue), max: formatNumber(language, entry.challenge.maxValue) };
  }

  /** Submits and answers; a refused value keeps the bot waiting for a better one. */
  async function submitValue(api: SendApi, from: User, chatId: number, entry: Entry, raw: string, language: Language) {
    const t = botText(language);
    try {
      const result = await services.submissions.submit(from.id, entry.challenge.id, raw);
      pending.clear(chatId);
      await say(api, deps, chatId, language, {
        text: t.submitted({
          ...labelOf(entry),
          value: formatNumber(language, result.submission.value),
          current: result.streak.current,
          best: result.streak.best,
        }),
      });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      let reply: Reply;
      switch (error.code) {
        case 'BAD_REQUEST':
          pending.set(chatId, { kind: 'value', challengeId: entry.challenge.id });
          reply = { text: prefixed(entry, `${errorText(language, 'BAD_REQUEST', range(language, entry))} ${t.tryAgain}`) };
          break;
        case 'ALREADY_SUBMITTED':
          pending.clear(chatId);
          reply = alreadySubmitted(language, entry, Number(error.details.value));
          break;
        case 'OUTSIDE_TIME_WINDOW':
          pending.clear(chatId);
          reply = windowClosed(language, entry, String(error.details.window));
          break;
        default:
          pending.clear(chatId);
          reply = refusal(language, error);
      }
      await say(api, deps, chatId, language, reply);
    }
  }

  /** The challenge is known: refuse early, ask for the value, or submit the given one. */
  async function proceed(api: SendApi, from: User, chatId: number, entry: Entry, value: string | null, language: Language) {
    if (entry.today) {
      pending.clear(chatId);
      await say(api, deps, chatId, language, alreadySubmitted(language, entry, entry.today.value));
      return;
    }
    if (!entry.challenge.windowOpen && entry.challenge.timeWindow) {
      pending.clear(chatId);
      const w = entry.challenge.timeWindow;
      await say(api, deps, chatId, language, windowClosed(language, entry, formatWindow(w)));
      return;
    }
    if (value !== null) {
      await submitValue(api, from, chatId, entry, value, language);
      return;
    }
    pending.set(chatId, { kind: 'value', challengeId: entry.challenge.id });
    await say(api, deps, chatId, language, { text: botText(language).askValue({ ...labelOf(entry), ...range(language, entry) }) });
  }

  async function start(api: SendApi, from: User, chatId: number, value: string | null) {
    let found: Awaited<ReturnType<typeof joined>>;
    try {
      found = await joined(from);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      const language = await languageOf(deps, from);
      await say(api, deps, chatId, language, refusal(language, error));
      return;
    }
    const { language, entries } = found;
    const t = botText(language);
    if (entries.length === 0) {
      await say(api, deps, chatId, language, { text: t.noChallenges, keyboard: appKeyboard(deps, language) });
      return;
    }
    if (entries.length === 1) {
      await proceed(api, from, chatId, entries[0]!, value, language);
      return;
    }
    pending.set(chatId, { kind: 'choose', value });
    const keyboard = new InlineKeyboard();
    for (const e of entries) keyboard.text(`${e.challenge.emoji} ${e.challenge.title}`.trim(), `sub:${e.challenge.id}`).row();
    await say(api, deps, chatId, language, { text: t.chooseChallenge, keyboard });
  }

  return new Plugin('qadam:submit')
    .command('submit', (ctx) => (ctx.from ? start(ctx.bot.api, ctx.from, ctx.chatId, ctx.args?.trim() || null) : undefined))
    .callbackQuery(CHOOSE, async (ctx) => {
      await ctx.answer();
      const chatId = ctx.message?.chatId ?? ctx.from.id;
      const challengeId = Number((ctx.queryData as RegExpMatchArray)[1]);
      const { language, entries } = await joined(ctx.from);
      const entry = entries.find((e) => e.challenge.id === challengeId);
      if (!entry) {
        await say(ctx.bot.api, deps, chatId, language, { text: errorText(language, 'NOT_JOINED') });
        return;
      }
      const waiting = pending.get(chatId);
      await proceed(ctx.bot.api, ctx.from, chatId, entry, waiting?.kind === 'choose' ? waiting.value : null, language);
    })
    .on('message', async (ctx, next) => {
      const waiting = pending.get(ctx.chatId);
      const text = ctx.text;
      if (!ctx.from || text === undefined || text.startsWith('/') || waiting?.kind !== 'value') return next();
      const { language, entries } = await joined(ctx.from);
      const entry = entries.find((e) => e.challenge.id === waiting.challengeId);
      if (!entry) {
        pending.clear(ctx.chatId);
        await say(ctx.bot.api, deps, ctx.chatId, language, { text: errorText(language, 'NOT_JOINED') });
        return;
      }
      await submitValue(ctx.bot.api, ctx.from, ctx.chatId, entry, text, language);
    });
};
