/**
 * Headless Chromium for page tests: Debian's /usr/bin/chromium driven by playwright-core (no
 * browser download), with the flags this closed network needs, and the page built if stale.
 */
import { chromium, type Browser } from 'playwright-core';
import { buildFrontend, FRONTENDS, isStale } from '../../scripts/frontends';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Builds `miniapp` or `admin` when its dist/ is missing or older than its sources. */
export function ensureBuilt(name: 'miniapp' | 'admin'): void {
  const app = FRONTENDS.find((f) => f.name === name)!;
  if (isStale(app)) buildFrontend(app);
}
