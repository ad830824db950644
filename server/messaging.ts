/**
 * What the scheduler needs to reach members: an outgoing channel. The bot's rate-limited queue
 * implements it; main.ts and the job command hand it to the jobs (adapters never import each other).
 */
export interface OutgoingMessage {
  chatId: number;
  text: string;
  /** An inline button that opens a URL as a Telegram Mini App (web_app). */
  webAppButton?: { text: string; url: string };
}

export type DeliveryResult = 'sent' | 'blocked' | 'failed';

export interface Messenger {
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}
