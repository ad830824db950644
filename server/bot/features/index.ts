/**
 * The bot's features, installed in this order after the guards and before the fallback.
 * To add one, write server/bot/features/<name>.ts exporting a BotFeature and list it here.
 */
import type { BotFeature } from '../deps';
import { adminFeature } from './admin';
import { clubChatFeature } from './clubChat';
import { helpFeature } from './help';
import { languageFeature } from './language';
import { meFeature } from './me';
import { remindersFeature } from './reminders';
import { shareFeature } from './share';
import { startFeature } from './start';
import { submitFeature } from './submit';
import { topFeature } from './top';

export const features: BotFeature[] = [
  startFeature,
  submitFeature,
  meFeature,
  topFeature,
  helpFeature,
  languageFeature,
  remindersFeature,
  adminFeature,
  shareFeature,
  clubChatFeature,
];
