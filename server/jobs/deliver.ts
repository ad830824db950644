/** Sending a batch through the Messenger, counting outcomes; blocked members become unreachable. */
import type { OutgoingMessage } from '../messaging';
import type { JobDeps } from './types';

export interface DeliveryCounts {
  sent: number;
  blocked: number;
  failed: number;
}

/**
 * All messages are handed to the messenger at once: the bot's queue paces them to Telegram's
 * limits. Resolves when every one has an outcome. Never throws.
 */
export async function deliverAll(deps: JobDeps, messages: { telegramId: number; message: OutgoingMessage }[]): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, blocked: 0, failed: 0 };
  const messenger = deps.messenger;
  if (!messenger) return counts;
  await Promise.all(
    messages.map(async ({ telegramId, message }) => {
      let outcome: 'sent' | 'blocked' | 'failed';
      try {
        outcome = await messenger.send(message);
      } catch (error) {
        deps.log.warn('scheduled message failed', { chatId: message.chatId, error });
        outcome = 'failed';
      }
      counts[outcome]++;
      if (outcome === 'blocked') {
        try {
          await deps.services.members.markUnreachable(telegramId);
        } catch (error) {
          deps.log.warn('could not mark member unreachable', { telegramId, error });
        }
      }
    }),
  );
  return counts;
}

/**
 * The Mini App button. The Messenger decides how to show it: the bot's queue sends a web_app
 * button for an https URL and a plain link otherwise (Telegram refuses http web apps).
 */
export function appButton(publicUrl: string, text: string): Pick<OutgoingMessage, 'webAppButton'> {
  return { webAppButton: { text, url: `${publicUrl.replace(/\/+$/, '')}/app/` } };
}
