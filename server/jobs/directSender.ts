/**
 * A minimal Messenger that calls the Bot API's sendMessage directly, one message at a time at
 * most ~20 per second. Used by `bun run job` only while the bot's queue (server/bot/queue.ts)
 * is not available; the running server always sends through the bot's queue.
 */
import type { Logger } from '../log';
import type { DeliveryResult, Messenger, OutgoingMessage } from '../messaging';

const GAP_MS = 50;

export function createDirectSender(apiUrl: string, token: string, log: Logger): Messenger {
  let chain: Promise<unknown> = Promise.resolve();
  async function post(message: OutgoingMessage): Promise<DeliveryResult> {
    const button = message.webAppButton
      ? { text: message.webAppButton.text, web_app: { url: message.webAppButton.url } }
      : message.urlButton
        ? { text: message.urlButton.text, url: message.urlButton.url }
        : null;
    const body = {
      chat_id: message.chatId,
      text: message.text,
      ...(button ? { reply_markup: { inline_keyboard: [[button]] } } : {}),
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const res = await fetch(`${apiUrl}/bot${token}/sendMessage`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        if (res.ok) return 'sent';
        const json = (await res.json().catch(() => ({}))) as { description?: string; parameters?: { retry_after?: number } };
        if (res.status === 403) return 'blocked';
        if (res.status === 429) {
          await Bun.sleep(Math.min(30, json.parameters?.retry_after ?? 1) * 1000);
          continue;
        }
        if (res.status >= 500) {
          await Bun.sleep(500 * (attempt + 1));
          continue;
        }
        log.warn('sendMessage refused', { chatId: message.chatId, status: res.status, description: json.description });
        return 'failed';
      } catch (error) {
        log.warn('sendMessage failed', { chatId: message.chatId, error });
        await Bun.sleep(500 * (attempt + 1));
      }
    }
    return 'failed';
  }
  return {
    send(message) {
      const result = chain.then(() => post(message)).finally(() => Bun.sleep(GAP_MS));
      chain = result.catch(() => undefined);
      return result;
    },
  };
}
