/**
 * Start-up: who is the member? Inside Telegram the launch parameters say so. In a normal
 * browser the server's /api/config decides: demo mode hands out a signed demo initData,
 * otherwise we point to the bot.
 */
import { ref } from 'vue';
import { languageFromTelegram } from '../../shared/i18n/errors';
import { publicApi, setInitData, toAppError, type AppErrorCode } from './api';
import { setLanguage } from './i18n';
import { readLaunch, ready, startTelegram, userFromInitData, type LaunchInfo } from './telegram';

export type BootState =
  | { kind: 'loading' }
  | { kind: 'member'; demo: boolean; user: LaunchInfo['user'] }
  | { kind: 'outside'; botUsername: string | null }
  | { kind: 'error'; code: AppErrorCode };

export const boot = ref<BootState>({ kind: 'loading' });

const DEMO_KEY = 'qadam-demo-user';

function demoUserId(): string {
  const fromUrl = new URLSearchParams(location.search).get('user');
  if (fromUrl && /^\d{1,15}$/.test(fromUrl)) return fromUrl;
  try {
    const stored = localStorage.getItem(DEMO_KEY);
    if (stored && /^\d{1,15}$/.test(stored)) return stored;
    const id = String(100000 + Math.floor(Math.random() * 900000));
    localStorage.setItem(DEMO_KEY, id);
    return id;
  } catch {
    return '100001';
  }
}

export async function startSession(): Promise<void> {
  boot.value = { kind: 'loading' };
  const launch = readLaunch();
  if (launch) {
    setInitData(launch.initData);
    setLanguage(languageFromTelegram(launch.user?.languageCode));
    startTelegram();
    boot.value = { kind: 'member', demo: false, user: launch.user };
    return;
  }
  setLanguage(languageFromTelegram(navigator.language));
  try {
    const config = await publicApi.config();
    if (!config.demo) {
      startTelegram();
      boot.value = { kind: 'outside', botUsername: config.botUsername };
      ready();
      return;
    }
    const { initData } = await publicApi.demoInitData(demoUserId(), languageFromTelegram(navigator.language));
    setInitData(initData);
    const user = userFromInitData(initData);
    if (user?.languageCode) setLanguage(languageFromTelegram(user.languageCode));
    startTelegram({ demoInitData: initData });
    boot.value = { kind: 'member', demo: true, user };
  } catch (error) {
    startTelegram();
    boot.value = { kind: 'error', code: toAppError(error).code };
    ready();
  }
}
