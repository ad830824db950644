/**
 * Runs before every feature:
 * - anyone who writes is reachable again (a 403 had marked them unreachable);
 * - a banned member gets one clear message for anything they send, and nothing else happens;
 * - a command ends whatever the bot was waiting for (a typed name or value);
 * - only private chats are served; updates without a sender are ignored.
 */
import { Plugin } from 'gramio';
import { errorText } from '../../shared/i18n/errors';
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

export function guards(deps: BotDeps) {
  return new Plugin('qadam:guards').use(async (context, next) => {
    const ctx = context as unknown as Incoming;
    const from = ctx.from;
    if (!from) return;
    // The club's bot talks one to one: in a group, a typed value could be taken for another
    // member's pending input, so groups and channels are ignored.
    const chatType = ctx.chat?.type ?? ctx.message?.chat?.type;
    if (chatType !== undefined && chatType !== 'private') return;
    try {
      deps.services.members.markReachable(from.id);
    } catch (error) {
      deps.log.warn('bot: markReachable failed', { error });
    }

    const member = deps.services.members.findMember(from.id);
    if (member?.isBanned) {
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
  });
}
