/**
 * Everything that touches @telegram-apps/sdk lives here, wrapped so that nothing throws outside
 * Telegram: a normal browser (demo mode, tests) gets a quiet mocked bridge, and every call goes
 * through `ifAvailable` or a try/catch.
 */
import {
  backButton,
  emitEvent,
  hapticFeedback,
  init,
  isColorDark,
  mainButton,
  miniApp,
  mockTelegramEnv,
  popup,
  openTelegramLink,
  retrieveLaunchParams,
  shareMessage,
  switchInlineQuery,
  themeParams,
  viewport,
  swipeBehavior,
} from '@telegram-apps/sdk';
import { ref } from 'vue';

export interface LaunchInfo {
  /** The raw, URL-encoded initData string, sent as `Authorization: tma <raw>`. */
  initData: string;
  platform: string;
  user: { firstName: string; lastName: string; languageCode: string } | null;
}

export const isDark = ref(false);
export const platform = ref('unknown');
/** True when the app runs inside a real Telegram client (not our mocked bridge). */
export const nativeBridge = ref(false);

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (import.meta.env.DEV) console.warn('[telegram]', error);
    return undefined;
  }
}

function inIframe(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

/** Telegram clients talk to the page through one of these three channels. */
function hasNativeBridge(): boolean {
  const w = window as unknown as {
    TelegramWebviewProxy?: { postEvent?: unknown };
    external?: { notify?: unknown };
  };
  return (
    inIframe() ||
    typeof w.TelegramWebviewProxy?.postEvent === 'function' ||
    typeof w.external?.notify === 'function'
  );
}

const LP_KEY = 'qadam/launch-params';

/**
 * The raw launch-parameter query as Telegram passes it (URL hash or query), remembered for the
 * session so a reload after an in-app URL change still finds it. Read by hand: the SDK's own
 * reader validates strictly (it insists on `signature` and `tgWebAppThemeParams`) and would
 * refuse older clients' and test launches altogether.
 */
function rawLaunchQuery(): string | null {
  return (
    safe(() => {
      const fromUrl = window.location.href.replace(/^[^?#]*[?#]/, '').replace(/[?#]/g, '&');
      if (new URLSearchParams(fromUrl).get('tgWebAppData')) {
        safe(() => sessionStorage.setItem(LP_KEY, fromUrl));
        return fromUrl;
      }
      return safe(() => sessionStorage.getItem(LP_KEY)) ?? null;
    }) ?? null
  );
}

function parseUser(initData: string): LaunchInfo['user'] {
  return (
    safe(() => {
      const json = new URLSearchParams(initData).get('user');
      if (!json) return null;
      const u = JSON.parse(json) as { first_name?: string; last_name?: string; language_code?: string };
      return { firstName: u.first_name ?? '', lastName: u.last_name ?? '', languageCode: u.language_code ?? '' };
    }) ?? null
  );
}

/** Launch parameters as Telegram passes them, or null outside Telegram. */
export function readLaunch(): LaunchInfo | null {
  const query = rawLaunchQuery();
  if (!query) return null;
  const params = new URLSearchParams(query);
  const initData = params.get('tgWebAppData');
  if (!initData) return null;
  return { initData, platform: params.get('tgWebAppPlatform') ?? 'unknown', user: parseUser(initData) };
}

/** Parses the `user` field of a raw initData string (used for demo initData fetched later). */
export const userFromInitData = parseUser;

/**
 * The member's Telegram profile photo (`photo_url` of initData's user), when Telegram sends one
 * over https; shown on their own avatar.
 */
export function ownPhotoUrl(): string | null {
  return (
    safe(() => {
      const query = rawLaunchQuery();
      const json = query ? new URLSearchParams(new URLSearchParams(query).get('tgWebAppData') ?? '').get('user') : null;
      const url = json ? (JSON.parse(json) as { photo_url?: unknown }).photo_url : null;
      return typeof url === 'string' && url.startsWith('https://') ? url : null;
    }) ?? null
  );
}

/** The same launch parameters with what the SDK's validator insists on filled in. */
function completeLaunchQuery(query: string): string {
  const params = new URLSearchParams(query);
  const data = new URLSearchParams(params.get('tgWebAppData') ?? '');
  if (!data.get('signature')) data.set('signature', 'absent');
  params.set('tgWebAppData', data.toString());
  if (!params.get('tgWebAppVersion')) params.set('tgWebAppVersion', '8.0');
  if (!params.get('tgWebAppPlatform')) params.set('tgWebAppPlatform', 'unknown');
  if (!params.get('tgWebAppThemeParams')) params.set('tgWebAppThemeParams', '{}');
  return params.toString();
}

function themeFromQuery(query: string | null): Record<string, string> {
  return (
    safe(() => {
      const json = query ? new URLSearchParams(query).get('tgWebAppThemeParams') : null;
      const parsed = json ? (JSON.parse(json) as Record<string, unknown>) : {};
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
      return out;
    }) ?? {}
  );
}

function sdkReadsLaunchParams(): boolean {
  try {
    retrieveLaunchParams();
    return true;
  } catch {
    return false;
  }
}

/**
 * Outside Telegram there is nobody to answer the SDK's requests: answer the few it makes
 * (viewport, safe areas, theme) and swallow the rest.
 */
function mockBridge(launchQuery: string | null, answerRequests: boolean): void {
  const answer = (name: string, payload: unknown) =>
    setTimeout(() => safe(() => (emitEvent as (n: string, p: unknown) => void)(name, payload)), 0);
  const zero = { top: 0, bottom: 0, left: 0, right: 0 };
  if (!answerRequests) {
    // Inside Telegram: only hand the SDK a copy of the launch parameters it can read.
    if (launchQuery) mockTelegramEnv({ launchParams: launchQuery });
    return;
  }
  mockTelegramEnv({
    ...(launchQuery ? { launchParams: launchQuery } : {}),
    onEvent: (event) => {
      const [name] = event as [string, unknown];
      if (name === 'web_app_request_viewport') {
        answer('viewport_changed', {
          height: window.innerHeight,
          width: window.innerWidth,
          is_expanded: true,
          is_state_stable: true,
        });
      } else if (name === 'web_app_request_safe_area') {
        answer('safe_area_changed', zero);
      } else if (name === 'web_app_request_content_safe_area') {
        answer('content_safe_area_changed', zero);
      } else if (name === 'web_app_request_theme') {
        answer('theme_changed', { theme_params: {} });
      }
      // Everything else (ready, buttons, haptics) is a no-op in a browser.
    },
  });
}

let started = false;

/** Initializes the SDK and mounts the components the app uses. Never throws. */
export function startTelegram(options: { demoInitData?: string } = {}): void {
  if (started) return;
  started = true;
  nativeBridge.value = hasNativeBridge();
  const query = options.demoInitData
    ? new URLSearchParams({ tgWebAppData: options.demoInitData, tgWebAppVersion: '8.0', tgWebAppPlatform: 'web' }).toString()
    : rawLaunchQuery();
  platform.value = query ? new URLSearchParams(query).get('tgWebAppPlatform') ?? 'unknown' : 'unknown';
  const sdkReady = !options.demoInitData && sdkReadsLaunchParams();
  if (!nativeBridge.value || !sdkReady) {
    safe(() => mockBridge(query && !sdkReady ? completeLaunchQuery(query) : null, !nativeBridge.value));
  }
  safe(() => init());

  safe(() => themeParams.mountSync.ifAvailable());
  safe(() => themeParams.bindCssVars.ifAvailable());
  if (!safe(() => themeParams.isCssVarsBound())) applyTheme(themeFromQuery(query));
  safe(() => miniApp.mountSync.ifAvailable());
  safe(() => miniApp.bindCssVars.ifAvailable());
  safe(() => {
    const update = () => {
      const bg = safe(() => themeParams.backgroundColor()) ?? themeFromQuery(query).bg_color;
      setDark(bg ? isColorDark(bg) : false, Boolean(bg));
      // Match Telegram's header and background to the page.
      safe(() => miniApp.setHeaderColor.ifAvailable('secondary_bg_color'));
      safe(() => miniApp.setBackgroundColor.ifAvailable('secondary_bg_color'));
    };
    update();
    themeParams.state.sub(update);
  });
  safe(() => backButton.mount.ifAvailable());
  safe(() => mainButton.mount.ifAvailable());
  safe(() => {
    swipeBehavior.mount.ifAvailable();
    // Vertical swipes close the app on mobile; they fight with scrolling long lists.
    swipeBehavior.disableVertical.ifAvailable();
  });
  safe(() => {
    const [called, promise] = viewport.mount.ifAvailable({ timeout: 3000 });
    if (called) {
      promise
        .then(() => {
          safe(() => viewport.bindCssVars.ifAvailable());
          safe(() => viewport.expand.ifAvailable());
        })
        .catch(() => undefined);
    }
  });
}

function setDark(dark: boolean, themed: boolean): void {
  isDark.value = dark;
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.classList.toggle('tg-themed', themed);
}

/** Theme parameters → the same CSS variables the SDK binds, when the SDK could not. */
function applyTheme(theme: Record<string, string>): void {
  const root = document.documentElement.style;
  for (const [key, value] of Object.entries(theme)) {
    if (/^#[0-9a-f]{3,8}$/i.test(value)) root.setProperty(`--tg-theme-${key.replace(/_/g, '-')}`, value);
  }
  if (theme.bg_color) setDark(isColorDark(theme.bg_color), true);
}

/** Tells Telegram the first screen is drawn (hides its loading placeholder). */
export function ready(): void {
  safe(() => miniApp.ready.ifAvailable());
}

export const haptic = {
  success: () => safe(() => hapticFeedback.notificationOccurred.ifAvailable('success')),
  error: () => safe(() => hapticFeedback.notificationOccurred.ifAvailable('error')),
  warning: () => safe(() => hapticFeedback.notificationOccurred.ifAvailable('warning')),
  tap: () => safe(() => hapticFeedback.impactOccurred.ifAvailable('light')),
  select: () => safe(() => hapticFeedback.selectionChanged.ifAvailable()),
};

// ---- BackButton: one handler at a time, the top of the app's navigation stack ----
let offBack: VoidFunction | undefined;
export function showBackButton(handler: () => void): void {
  safe(() => offBack?.());
  offBack = undefined;
  safe(() => {
    backButton.show.ifAvailable();
    const [called, off] = backButton.onClick.ifAvailable(handler);
    if (called) offBack = off;
  });
}
export function hideBackButton(): void {
  safe(() => offBack?.());
  offBack = undefined;
  safe(() => backButton.hide.ifAvailable());
}

// ---- MainButton ----
let offMain: VoidFunction | undefined;
export function mainButtonAvailable(): boolean {
  return safe(() => mainButton.setParams.isAvailable()) ?? false;
}
export function showMainButton(params: { text: string; enabled: boolean; loading: boolean }, handler: () => void): void {
  safe(() => offMain?.());
  offMain = undefined;
  safe(() => {
    mainButton.setParams.ifAvailable({
      text: params.text,
      isVisible: true,
      isEnabled: params.enabled,
      isLoaderVisible: params.loading,
    });
    const [called, off] = mainButton.onClick.ifAvailable(handler);
    if (called) offMain = off;
  });
}
export function updateMainButton(params: { text: string; enabled: boolean; loading: boolean }): void {
  safe(() =>
    mainButton.setParams.ifAvailable({ text: params.text, isEnabled: params.enabled, isLoaderVisible: params.loading }),
  );
}
export function hideMainButton(): void {
  safe(() => offMain?.());
  offMain = undefined;
  safe(() => mainButton.setParams.ifAvailable({ isVisible: false, isLoaderVisible: false }));
}

/** Phones show Telegram's own MainButton at the bottom; desktop and browsers need an in-page one. */
export function prefersNativeMainButton(): boolean {
  return nativeBridge.value && ['ios', 'android', 'android_x'].includes(platform.value) && mainButtonAvailable();
}

/**
 * Telegram's native confirmation popup; resolves true/false, or null when the popup is not
 * available (a browser), so the caller shows its own sheet.
 */
export function nativeConfirm(options: { title: string; message: string; confirm: string }): Promise<boolean> | null {
  if (!nativeBridge.value) return null;
  return (
    safe(() => {
      const [called, promise] = popup.open.ifAvailable({
        title: options.title,
        message: options.message,
        buttons: [
          { id: 'confirm', type: 'destructive', text: options.confirm },
          { id: 'cancel', type: 'cancel' },
        ],
      });
      if (!called) return null;
      return promise.then(
        (id) => id === 'confirm',
        () => false,
      );
    }) ?? null
  );
}

// ---- Start parameter and sharing ----

/**
 * The start parameter the app was opened with: `tgWebAppStartParam` of the launch (a
 * `startapp=` link), initData's `start_param`, or — in a plain browser (demo mode, tests) —
 * `?tgWebAppStartParam=` / `?startapp=` of the page's own address. Raw: shared/startParam.ts
 * reads it.
 */
export function launchStartParam(): string | null {
  return (
    safe(() => {
      const query = rawLaunchQuery();
      const launch = query ? new URLSearchParams(query) : null;
      const fromLaunch = launch?.get('tgWebAppStartParam') ?? new URLSearchParams(launch?.get('tgWebAppData') ?? '').get('start_param');
      if (fromLaunch) return fromLaunch;
      const page = new URLSearchParams(window.location.search);
      return page.get('tgWebAppStartParam') ?? page.get('startapp');
    }) ?? null
  );
}

/**
 * Telegram's own share dialog for a prepared message (Bot API 8.0). Resolves 'sent' or
 * 'cancelled'; 'unavailable' outside Telegram or in an older client.
 */
export async function sharePrepared(id: string): Promise<'sent' | 'cancelled' | 'unavailable'> {
  if (!nativeBridge.value || !safe(() => shareMessage.isAvailable())) return 'unavailable';
  try {
    await shareMessage(id);
    return 'sent';
  } catch {
    return 'cancelled';
  }
}

/** Lets the member pick a chat with `@bot <query>` typed in (the bot's inline mode); false when unavailable. */
export function shareViaInlineQuery(query: string): boolean {
  if (!nativeBridge.value) return false;
  return safe(() => switchInlineQuery.ifAvailable(query, ['users', 'groups', 'channels'])[0]) ?? false;
}

/** Opens a t.me link inside Telegram, or a new tab in a browser. */
export function openShareLink(url: string): void {
  if (nativeBridge.value && safe(() => openTelegramLink.ifAvailable(url)[0])) return;
  safe(() => window.open(url, '_blank', 'noopener'));
}
