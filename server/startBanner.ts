/**
 * One line for the person who just started the server: where to point a browser, and whether
 * this is demo mode or which bot. Printed on stdout; the JSON logs stay on stderr.
 */
import type { Config } from './config';

/** How long the line waits for Telegram to name the bot before it is printed without. */
const BOT_NAME_WAIT_MS = 3000;

export function startBanner(config: Config, port: number, botUsername: string | null | undefined): string {
  // PUBLIC_URL's default names the configured port; with PORT=0 the real one is only known now.
  const base = config.PUBLIC_URL.replace(/:0$/, `:${port}`);
  const mode = config.demo
    ? 'demo mode (no BOT_TOKEN): open the Mini App in any browser'
    : botUsername
      ? `bot @${botUsername}`
      : 'bot: Telegram has not answered yet (see the logs)';
  return `Qadam Club is up — Mini App ${base}/app/  ·  admin ${base}/admin/  ·  ${mode}`;
}

export async function announceStart(config: Config, port: number, botStarted?: Promise<string | null>): Promise<void> {
  const { promise: timeout, resolve } = Promise.withResolvers<undefined>();
  const timer = setTimeout(() => resolve(undefined), BOT_NAME_WAIT_MS);
  const username = botStarted ? await Promise.race([botStarted, timeout]) : null;
  clearTimeout(timer);
  process.stdout.write(`${startBanner(config, port, username)}\n`);
}
