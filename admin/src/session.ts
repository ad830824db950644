/**
 * Start-up: who is using the panel?
 * 1. Inside Telegram (opened as a web_app from /admin) the launch parameters carry initData in
 *    the URL hash (`#tgWebAppData=…`); the panel sends it as `Authorization: tma …`.
 * 2. A sign-in link `/admin/?login=<token>` is spent with a POST (link previewers that merely
 *    fetch the page never spend it) and removed from the address bar at once.
 * 3. Otherwise the session cookie decides; the server tells the panel its CSRF token.
 */
import { ref } from 'vue';
import { authApi, hasInitData, toAppError, useCsrf, useInitData, type AppErrorCode, type PublicConfig, type SessionInfo } from './api';
import { suggestLanguage } from './i18n';
import { startTelegram } from './telegram';

export type SignedOutReason = 'LINK_INVALID' | 'EXPIRED' | 'LOGGED_OUT' | null;

export type Boot =
  | { kind: 'loading' }
  | { kind: 'signedOut'; reason: SignedOutReason; config: PublicConfig | null }
  | { kind: 'forbidden'; telegramId: number | null }
  | { kind: 'error'; code: AppErrorCode }
  | { kind: 'ready'; me: SessionInfo };

export const boot = ref<Boot>({ kind: 'loading' });

const INIT_DATA_KEY = 'qadam-admin-init-data';

function telegramUserOf(initData: string): { id?: number; language_code?: string } | null {
  try {
    return JSON.parse(new URLSearchParams(initData).get('user') ?? 'null') as { id?: number; language_code?: string } | null;
  } catch {
    return null;
  }
}

function takeInitData(): string | null {
  const hash = new URLSearchParams(location.hash.slice(1));
  const fromHash = hash.get('tgWebAppData');
  if (fromHash) {
    try {
      sessionStorage.setItem(INIT_DATA_KEY, fromHash);
    } catch {
      // fine: only this page load knows it
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromHash;
  }
  try {
    return sessionStorage.getItem(INIT_DATA_KEY);
  } catch {
    return null;
  }
}

function takeLoginToken(): string | null {
  const url = new URL(location.href);
  const token = url.searchParams.get('login');
  if (token === null) return null;
  url.searchParams.delete('login');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return token;
}

async function signedOut(reason: SignedOutReason): Promise<void> {
  const config = await authApi.config().catch(() => null);
  boot.value = { kind: 'signedOut', reason, config };
}

function applySession(me: SessionInfo): void {
  useCsrf(me.csrfToken ?? '');
  boot.value = { kind: 'ready', me };
}

export async function startSession(): Promise<void> {
  boot.value = { kind: 'loading' };
  const initData = takeInitData();
  const loginToken = takeLoginToken();
  if (initData) {
    useInitData(initData);
    suggestLanguage(telegramUserOf(initData)?.language_code);
    startTelegram();
  }
  let linkFailed = false;
  if (loginToken !== null && !initData) {
    try {
      applySession(await authApi.login(loginToken));
      return;
    } catch (error) {
      const code = toAppError(error).code;
      if (code === 'FORBIDDEN') {
        boot.value = { kind: 'forbidden', telegramId: null };
        return;
      }
      linkFailed = true;
    }
  }
  await refreshSession(linkFailed ? 'LINK_INVALID' : null);
}

/** Re-reads the session (after a CSRF refusal, or at start). */
export async function refreshSession(reasonIfSignedOut: SignedOutReason = 'EXPIRED'): Promise<void> {
  try {
    applySession(await authApi.session());
  } catch (error) {
    const code = toAppError(error).code;
    if (code === 'UNAUTHORIZED') await signedOut(reasonIfSignedOut);
    else if (code === 'FORBIDDEN') boot.value = { kind: 'forbidden', telegramId: currentTelegramId() };
    else boot.value = { kind: 'error', code };
  }
}

function currentTelegramId(): number | null {
  if (!hasInitData()) return null;
  try {
    return telegramUserOf(sessionStorage.getItem(INIT_DATA_KEY) ?? '')?.id ?? null;
  } catch {
    return null;
  }
}

/** Any call refused with 401/403 (not CSRF) ends the panel: the server has spoken. */
export function onAuthLost(code: AppErrorCode): void {
  if (boot.value.kind !== 'ready') return;
  if (code === 'UNAUTHORIZED') void signedOut('EXPIRED');
  if (code === 'FORBIDDEN') boot.value = { kind: 'forbidden', telegramId: currentTelegramId() };
}

export async function logout(): Promise<void> {
  try {
    await authApi.logout();
  } catch {
    // the cookie is cleared either way on the server's next refusal
  }
  useCsrf('');
  await signedOut('LOGGED_OUT');
}

export async function demoLogin(): Promise<void> {
  try {
    applySession(await authApi.demoLogin());
  } catch (error) {
    boot.value = { kind: 'error', code: toAppError(error).code };
  }
}
