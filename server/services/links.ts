/**
 * Telegram deep links into the club and the one Bot API call the services need, behind a port
 * the composition root fills (server/telegramApi.ts): services never speak HTTP themselves.
 *
 * Links (Telegram's "Direct Mini App links" and "Main Mini App" links):
 *   MINIAPP_SHORT_NAME set:   https://t.me/<bot>/<short name>?startapp=<param>
 *   unset:                    https://t.me/<bot>?startapp=<param>   (the bot's Main Mini App)
 *   bot's name unknown (demo): <PUBLIC_URL>/app/?tgWebAppStartParam=<param>
 * and the bot's own deep link https://t.me/<bot>?start=<param>.
 */

/** An InlineQueryResultArticle as the Bot API takes it (plain JSON). */
export interface InlineArticle {
  type: 'article';
  id: string;
  title: string;
  description: string;
  input_message_content: { message_text: string; link_preview_options?: { is_disabled: boolean } };
  reply_markup: { inline_keyboard: { text: string; url: string }[][] };
}

export interface PreparedInlineMessage {
  id: string;
  /** Unix seconds. */
  expiration_date: number;
}

export interface SharingLinks {
  publicUrl: string;
  /** The Mini App's short name from @BotFather (/newapp), or null for the bot's Main Mini App. */
  appShortName: string | null;
  /** The bot's username once known; null in demo mode (no bot) or while Telegram has not answered. */
  botUsername(): Promise<string | null>;
  /**
   * Bot API `savePreparedInlineMessage` for `userId`; null without a bot. Throws when Telegram
   * refuses (or, like a test server, does not know the method).
   */
  savePreparedInlineMessage(userId: number, result: InlineArticle): Promise<PreparedInlineMessage | null>;
}

/** Links only (no bot): what demo mode and unit tests use. */
export function linksWithoutBot(publicUrl: string, appShortName: string | null = null): SharingLinks {
  return { publicUrl, appShortName, botUsername: async () => null, savePreparedInlineMessage: async () => null };
}

export function appLink(links: Pick<SharingLinks, 'publicUrl' | 'appShortName'>, username: string | null, startParam: string): string {
  const param = encodeURIComponent(startParam);
  if (!username) return `${links.publicUrl}/app/?tgWebAppStartParam=${param}`;
  return links.appShortName ? `https://t.me/${username}/${links.appShortName}?startapp=${param}` : `https://t.me/${username}?startapp=${param}`;
}

export function botStartLink(username: string, startParam: string): string {
  return `https://t.me/${username}?start=${encodeURIComponent(startParam)}`;
}

/** Telegram's "share to a chat" window with a link and a text. */
export function telegramShareUrl(url: string, text: string): string {
  return `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(text)}`;
}
