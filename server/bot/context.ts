/** Small helpers every feature uses: who is writing, in which language, and how to answer. */
import { InlineKeyboard, TelegramError, type SendMessageParams, type User } from 'gramio';
import { languageFromTelegram } from '../../shared/i18n/errors';
import { botText } from '../../shared/i18n/bot';
import type { Language } from '../../shared/schemas';
import type { TelegramIdentity } from '../services';
import type { BotDeps } from './deps';

export function identityOf(from: User): TelegramIdentity {
  return {
    telegramId: from.id,
    firstName: from.firstName ?? '',
    lastName: from.lastName ?? null,
    username: from.username ?? null,
    languageCode: from.languageCode ?? null,
  };
}

/** The member's chosen language, else the one Telegram reports (uz → uz, ru → ru, else en; unknown → uz). */
export async function languageOf(deps: BotDeps, from: User | undefined): Promise<Language> {
  if (!from) return 'uz';
  return (await deps.services.members.findMember(from.id))?.language ?? languageFromTelegram(from.languageCode ?? null);
}

export function appUrl(deps: BotDeps): string {
  return `${deps.config.PUBLIC_URL}/app/`;
}

/**
 * The button that opens the Mini App. Telegram accepts web_app buttons only with https URLs,
 * so with an http PUBLIC_URL (local development) it falls back to a plain url button that
 * opens the page in the browser (telegram-test-api accepts either).
 */
export function appKeyboard(deps: BotDeps, language: Language): InlineKeyboard {
  const url = appUrl(deps);
  const text = botText(language).openApp;
  return url.startsWith('https://') ? new InlineKeyboard().webApp(text, url) : new InlineKeyboard().url(text, url);
}

export interface Reply {
  text: string;
  keyboard?: InlineKeyboard;
}

/** The one Bot API call the helpers need (ctx.bot.api or bot.api). */
export interface SendApi {
  sendMessage(params: SendMessageParams): Promise<unknown>;
}

/**
 * Sends one message. If Telegram refuses the keyboard itself (400, e.g. a localhost URL in a
 * button), the text still goes out, with the app link written in it.
 */
export async function say(api: SendApi, deps: BotDeps, chatId: number, language: Language, reply: Reply): Promise<void> {
  const text = fit(reply.text);
  const params = { chat_id: chatId, text, ...(reply.keyboard ? { reply_markup: reply.keyboard } : {}) };
  try {
    await api.sendMessage(params);
  } catch (error) {
    if (reply.keyboard && error instanceof TelegramError && error.code === 400) {
      deps.log.warn('bot: keyboard refused, sending plain text', { error: error.message });
      const url = appUrl(deps);
      const withLink = JSON.stringify(reply.keyboard).includes(url) ? `${text}\n\n${botText(language).appLinkInText(url)}` : text;
      await api.sendMessage({ chat_id: chatId, text: fit(withLink) });
      return;
    }
    throw error;
  }
}

/** Telegram's limit for one message is 4096 characters. */
const MAX_TEXT = 4096;
function fit(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}
