/**
 * The bot's one error boundary: whatever a handler throws ends here. A service's coded refusal
 * is told to the member in their language; anything else is logged and answered politely.
 * The boundary itself never throws (a failing reply is only logged).
 */
import type { AnyBot } from 'gramio';
import { errorText } from '../../shared/i18n/errors';
import { languageOf, say, type Reply } from './context';
import type { BotDeps } from './deps';
import { isServiceError, refusal } from './refusals';
import { describeError, isBlocked } from './telegram';

interface ErrorContext {
  from?: { id: number; languageCode?: string; firstName: string };
  chatId?: number;
  updateType?: string;
  is(type: 'callback_query'): boolean;
  answer?: (params?: string | Record<string, unknown>) => Promise<unknown>;
}

export function installErrorBoundary(bot: AnyBot, deps: BotDeps): void {
  bot.onError(async ({ context, error }) => {
    const ctx = context as unknown as ErrorContext;
    const from = ctx.from;
    if (isBlocked(error)) {
      // The member blocked the bot: the 403 hook marked them unreachable; nothing to tell them.
      deps.log.info('bot: member has blocked the bot', { telegramId: from?.id });
      return;
    }
    try {
      const language = await languageOf(deps, from as never);
      let reply: Reply;
      if (isServiceError(error)) {
        reply = refusal(language, error);
      } else {
        deps.log.error('bot: handler failed', { update: ctx.updateType, error: error instanceof Error ? error : describeError(error) });
        reply = { text: errorText(language, 'INTERNAL') };
      }
      if (ctx.is('callback_query') && ctx.answer) await ctx.answer().catch(() => undefined);
      const chatId = ctx.chatId ?? from?.id;
      if (chatId !== undefined) await say(context.bot.api, deps, chatId, language, reply);
    } catch (failure) {
      deps.log.warn('bot: could not tell the member about an error', { error: describeError(failure) });
    }
  });
}
