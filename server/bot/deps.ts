/** What every bot feature receives, and the shape of a feature. */
import type { Plugin } from 'gramio';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { Services } from '../services';
import type { NoticeHold } from './notices';
import type { PendingInputs } from './session';

export interface BotDeps {
  services: Services;
  config: Pick<Config, 'BOT_TOKEN' | 'TELEGRAM_API_URL' | 'PUBLIC_URL' | 'RATE_LIMIT_BOT'>;
  log: Logger;
  clock: Clock;
  /** What the bot waits for from a chat (a typed name, a typed value); in memory. */
  pending: PendingInputs;
  /** Milestones a member's own result earns, held for the bot's reply (./notices.ts). */
  milestones?: NoticeHold;
}

/**
 * One bot feature: a GramIO plugin built from the injected dependencies. createBot installs
 * the features of ./features/index.ts in order, between the guards and the fallback.
 */
export type BotFeature = (deps: BotDeps) => Plugin<any, any, any>;
