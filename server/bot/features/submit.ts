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
import type { SubmitResultDto } from '../../../shared/types';
import { ServiceError } from '../../domain/errors';
import { appKeyboard, languageOf, say, type Reply, type SendApi } from '../context';
import type { BotDeps, BotFeature } from '../deps';
import { refusal } from '../refusals';

const CHOOSE = /^sub:(\d+)$/;
const FIX = /^fix:(\d+)$/;

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

  /** Whole minutes left to correct a result correctable until `until` (ISO); 0 when closed. */
  function minutesLeft(until: string): number {
    const ms = Date.parse(until) - deps.clock.now().getTime();
    return ms > 0 ? Math.ceil(ms / 60_000) : 0;
  }

  function fixKeyboard(language: Language, entry: Entry): InlineKeyboard {
    return new InlineKeyboard().text(botText(language).correctButton, `fix:${entry.challenge.id}`);
  }

  function alreadySubmitted(language: Language, entry: Entry, value: number, until?: string): Reply {
    const shown = entry.challenge.unit ? `${formatNumber(language, value)} ${entry.challenge.unit}` : formatNumber(language, value);
    const text = prefixed(entry, errorText(language, 'ALREADY_SUBMITTED', { value: shown }));
    const left = until ? minutesLeft(until) : 0;
    if (left === 0) return { text };
    return { text: `${text}\n${botText(language).correctHint(left)}`, keyboard: fixKeyboard(language, entry) };
  }

  /** The answer to a stored or corrected result: counted, or below the target by how much. */
  function resultReply(language: Language, entry: Entry, result: SubmitResultDto, corrected: boolean): Reply {
    const t = botText(language);
    const base = { ...labelOf(entry), value: formatNumber(language, result.submission.value), current: result.streak.current, best: result.streak.best };
    const lines: string[] = [];
    if (corrected) lines.push(t.corrected(base));
    if (result.progress.met) lines.push(corrected ? t.meStreak(base.current, base.best) : t.submitted(base));
    else {
      const below = t.submittedBelow({ ...base, missing: formatNumber(language, result.progress.missing) });
      lines.push(corrected ? below.split('\n').slice(1).join('\n') : below);
    }
    const left = minutesLeft(result.correctableUntil);
    if (left > 0) lines.push(t.correctHint(left));
    return { text: lines.join('\n'), ...(left > 0 ? { keyboard: fixKeyboard(language, entry) } : {}) };
  }

  /** The call, with the badges and freezes it earns the member held for the reply (../notices.ts). */
  function withMilestones<T>(telegramId: number, fn: () => Promise<T>): Promise<{ result: T; told: string[] }> {
    return deps.milestones ? deps.milestones.around(telegramId, fn) : fn().then((result) => ({ result, told: [] }));
  }

  /** The reply, followed by what the result earned. */
  function withTold(reply: Reply, told: string[]): Reply {
    return told.length === 0 ? reply : { ...reply, text: [reply.text, ...told].join('\n\n') };
  }

  /** Replaces today's value; a refused value keeps the bot waiting for a better one. */
  async function correctValue(api: SendApi, from: User, chatId: number, entry: Entry, raw: string, language: Language) {
    const t = botText(language);
    try {
      const { result, told } = await withMilestones(from.id, () => services.corrections.correctToday(from.id, entry.challenge.id, raw));
      pending.clear(chatId);
      await say(api, deps, chatId, language, withTold(resultReply(language, entry, result, true), told));
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      if (error.code === 'BAD_REQUEST') {
        pending.set(chatId, { kind: 'fix', challengeId: entry.challenge.id });
        await say(api, deps, chatId, language, { text: prefixed(entry, `${errorText(language, 'BAD_REQUEST', range(language, entry))} ${t.tryAgain}`) });
        return;
      }
      pending.clear(chatId);
      const params: Record<string, number> = error.code === 'CORRECTION_CLOSED' ? { minutes: Number(error.details.minutes) } : {};
      await say(api, deps, chatId, language, { text: prefixed(entry, errorText(language, error.code, params)) });
    }
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
      const { result, told } = await withMilestones(from.id, () => services.submissions.submit(from.id, entry.challenge.id, raw));
      pending.clear(chatId);
      await say(api, deps, chatId, language, withTold(resultReply(language, entry, result, false), told));
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
          reply = alreadySubmitted(language, entry, Number(error.details.value), (await joined(from)).entries.find((e) => e.challenge.id === entry.challenge.id)?.today?.correctableUntil);
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
      await say(api, deps, chatId, language, alreadySubmitted(language, entry, entry.today.value, entry.today.correctableUntil));
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
    .callbackQuery(FIX, async (ctx) => {
      await ctx.answer();
      const chatId = ctx.message?.chatId ?? ctx.from.id;
      const challengeId = Number((ctx.queryData as RegExpMatchArray)[1]);
      const { language, entries } = await joined(ctx.from);
      const entry = entries.find((e) => e.challenge.id === challengeId);
      if (!entry?.today) {
        pending.clear(chatId);
        await say(ctx.bot.api, deps, chatId, language, { text: errorText(language, entry ? 'NOT_FOUND' : 'NOT_JOINED') });
        return;
      }
      if (minutesLeft(entry.today.correctableUntil) === 0) {
        pending.clear(chatId);
        await say(ctx.bot.api, deps, chatId, language, { text: prefixed(entry, errorText(language, 'CORRECTION_CLOSED')) });
        return;
      }
      pending.set(chatId, { kind: 'fix', challengeId });
      const text = botText(language).askCorrection({ ...labelOf(entry), value: formatNumber(language, entry.today.value), ...range(language, entry) });
      await say(ctx.bot.api, deps, chatId, language, { text });
    })
    .on('message', async (ctx, next) => {
      const waiting = pending.get(ctx.chatId);
      const text = ctx.text;
      if (!ctx.from || text === undefined || text.startsWith('/') || (waiting?.kind !== 'value' && waiting?.kind !== 'fix')) return next();
      const { language, entries } = await joined(ctx.from);
      const entry = entries.find((e) => e.challenge.id === waiting.challengeId);
      if (!entry) {
        pending.clear(ctx.chatId);
        await say(ctx.bot.api, deps, ctx.chatId, language, { text: errorText(language, 'NOT_JOINED') });
        return;
      }
      if (waiting.kind === 'fix') await correctValue(ctx.bot.api, ctx.from, ctx.chatId, entry, text, language);
      else await submitValue(ctx.bot.api, ctx.from, ctx.chatId, entry, text, language);
    });
};
