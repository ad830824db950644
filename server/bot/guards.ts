/**
 * Runs before every feature:
 * - anyone who writes is reachable again (a 403 had marked them unreachable);
 * - a banned member gets one clear message for anything they send, and nothing else happens;
 * - a command ends whatever the bot was waiting for (a typed name or value);
 * - only private chats are served; updates without a sender are ignored;
 * - a chat that floods the bot (over RATE_LIMIT_BOT updates a minute) is told once to slow
 *   down, and the rest of that minute is ignored;
 * - one chat's updates are handled one after another, so its answers keep the order of its
 *   messages (the services answer asynchronously).
 */
import { Plugin } from 'gramio';
import { errorText } from '../../shared/i18n/errors';
import { RateLimiter } from '../rateLimit';
import { isBanned } from '../services';
import { say } from './context';
import type { BotDeps } from './deps';

interface Incoming {
  from?: { id: number; languageCode?: string; firstName: string } & object;
  chatId?: number;
  chat?: { type: string };
  message?: { chat?: { type: string } };
  text?: string;
  entities?: { type: string; offset: number }[];
  is(type: 'callback_query'): boolean;
  answer?: (params?: string | Record<string, unknown>) => Promise<unknown>;
}

const FLOOD_WINDOW_MS = 60_000;

export function guards(deps: BotDeps) {
  const now = () => deps.clock.now().getTime();
  const limiter = new RateLimiter(now);
  /** chat id → the flood window in which it was already told to slow down. */
  const warned = new Map<number, number>();

  /** chat id → the end of the latest update taken from that chat. */
  const turns = new Map<number, Promise<void>>();

  return new Plugin('qadam:guards').use(async (context, next) => {
    const ctx = context as unknown as Incoming;
    const from = ctx.from;
    if (!from) return;
    // The club's bot talks one to one: in a group, a typed value could be taken for another
    // member's pending input, so groups and channels are ignored.
    const chatType = ctx.chat?.type ?? ctx.message?.chat?.type;
    if (chatType !== undefined && chatType !== 'private') return;
    const key = ctx.chatId ?? from.id;
    const previous = turns.get(key);
    let done!: () => void;
    const turn = new Promise<void>((resolve) => (done = resolve));
    turns.set(key, turn);
    try {
      if (previous) await previous;
      return await handle(context, ctx, from, next);
    } finally {
      done();
      if (turns.get(key) === turn) turns.delete(key);
    }
  });

  async function handle(context: Parameters<Parameters<Plugin['use']>[0]>[0], ctx: Incoming, from: NonNullable<Incoming['from']>, next: () => Promise<unknown>) {
    try {
      await deps.services.members.markReachable(from.id);
    } catch (error) {
      deps.log.warn('bot: markReachable failed', { error });
    }

    const chatId = ctx.chatId ?? from.id;
    if (limiter.hit('chat', chatId, { limit: deps.config.RATE_LIMIT_BOT, windowMs: FLOOD_WINDOW_MS }) > 0) {
      const window = now() - (now() % FLOOD_WINDOW_MS);
      if (warned.get(chatId) === window) return;
      if (warned.size > 10_000) warned.clear();
      warned.set(chatId, window);
      const language = (await deps.services.members.findMember(from.id))?.language ?? 'uz';
      await say(context.bot.api, deps, chatId, language, { text: errorText(language, 'RATE_LIMITED') });
      return;
    }

    const member = await deps.services.members.findMember(from.id);
    if (member && isBanned(member)) {
      const language = member.language;
      const text = errorText(language, 'BANNED');
      if (ctx.is('callback_query') && ctx.answer) {
        await ctx.answer({ text }).catch(() => undefined);
      }
      await say(context.bot.api, deps, ctx.chatId ?? from.id, language, { text });
      return;
    }

    const isCommand = ctx.entities?.some((e) => e.type === 'bot_command' && e.offset === 0) && ctx.text?.startsWith('/');
    if (isCommand) deps.pending.clear(ctx.chatId ?? from.id);
    return next();
  }
}
