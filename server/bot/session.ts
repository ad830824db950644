/**
 * The little conversation state of the bot: after "/submit" it waits for a value, after
 * "/start" for a typed name. Kept in memory per chat with an expiry: a restart forgets it,
 * and the member simply sends the command again.
 */
import type { Clock } from '../clock';

export type PendingInput =
  /** After "/start": a typed name registers; `invite`: the start payload's invitation, if any. */
  | { kind: 'name'; invite?: string }
  | { kind: 'value'; challengeId: number }
  /** After "✏️ Correct": the next number replaces today's result. */
  | { kind: 'fix'; challengeId: number }
  /** /submit 5,5 with several challenges: the value waits for the challenge to be chosen. */
  | { kind: 'choose'; value: string | null }
  /** /reminders → "Change time": the next "HH:MM" is the member's own reminder time. */
  | { kind: 'reminderTime'; challengeId: number };

const TTL_MS = 15 * 60 * 1000;

export class PendingInputs {
  private readonly byChat = new Map<number, { input: PendingInput; expiresAt: number }>();

  constructor(private readonly clock: Clock) {}

  set(chatId: number, input: PendingInput): void {
    this.byChat.set(chatId, { input, expiresAt: this.clock.now().getTime() + TTL_MS });
  }

  get(chatId: number): PendingInput | null {
    const entry = this.byChat.get(chatId);
    if (!entry) return null;
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.byChat.delete(chatId);
      return null;
    }
    return entry.input;
  }

  clear(chatId: number): void {
    this.byChat.delete(chatId);
  }
}
