/** A club on a real SQLite database with a fixed clock, and a Messenger that records. */
import type { JobDeps } from '../../server/jobs';
import { silentLogger } from '../../server/log';
import type { DeliveryResult, Messenger, OutgoingMessage } from '../../server/messaging';
import type { ChallengeCreateInput, Language } from '../../shared/schemas';
import { challengeVia, memberVia, OWNER } from '../helpers/factories';
import type { ChallengeDto } from '../../shared/types';
import { createTestRuntime } from '../helpers/runtime';

export { OWNER };

let nextId = 70_000;

export function createClub(options: { now: string; publicUrl?: string; file?: boolean } = { now: '2026-11-25T07:00:00Z' }) {
  const rt = createTestRuntime({ now: options.now, file: options.file });
  const sent: OutgoingMessage[] = [];
  const outcomes = new Map<number, DeliveryResult>();
  const messenger: Messenger = {
    async send(message) {
      sent.push(message);
      return outcomes.get(message.chatId) ?? 'sent';
    },
  };
  const deps: JobDeps = {
    services: rt.services,
    messenger,
    publicUrl: options.publicUrl ?? 'https://club.example',
    log: silentLogger,
  };
  const s = rt.services;

  function challenge(input: ChallengeCreateInput): Promise<ChallengeDto> {
    return challengeVia(s, input);
  }

  /** A registered member (at the clock's current instant) who joined the given challenges. */
  async function member(opts: { name?: string; language?: Language; join?: number[]; telegramId?: number } = {}) {
    const telegramId = opts.telegramId ?? nextId++;
    const name = opts.name ?? `Member ${telegramId}`;
    const user = await memberVia(
      s,
      { telegramId, firstName: name, lastName: null, username: null, languageCode: opts.language ?? 'uz' },
      { displayName: name, join: opts.join },
    );
    return { ...user, telegramId, userId: user.id };
  }

  /** Submits as if at `iso` (the clock moves there and stays). */
  function submitAt(iso: string, telegramId: number, challengeId: number, value: number) {
    rt.clock.set(iso);
    return s.submissions.submit(telegramId, challengeId, value);
  }

  async function count(table: string, where = '1 = 1'): Promise<number> {
    return (await rt.sql<{ n: number }>(`select count(*) as n from ${table} where ${where}`))[0]!.n;
  }

  function rows<T>(sql: string, ...params: (string | number)[]): Promise<T[]> {
    return rt.sql<T>(sql, ...params);
  }

  return { rt, s, deps, sent, outcomes, messenger, challenge, member, submitAt, count, rows, close: () => rt.close() };
}

export type Club = ReturnType<typeof createClub>;

export const at = (iso: string) => new Date(iso);
