/**
 * The few Telegram Mini App events the panel sends (core.telegram.org/api/web-events), without
 * the full SDK: ready and expand. Outside Telegram nothing happens.
 */
type Proxy = { postEvent?: (type: string, data: string) => void };

function postEvent(type: string, data: Record<string, unknown> = {}): void {
  try {
    const w = window as unknown as { TelegramWebviewProxy?: Proxy; external?: { notify?: (msg: string) => void } };
    if (typeof w.TelegramWebviewProxy?.postEvent === 'function') {
      w.TelegramWebviewProxy.postEvent(type, JSON.stringify(data));
    } else if (typeof w.external?.notify === 'function') {
      w.external.notify(JSON.stringify({ eventType: type, eventData: data }));
    } else if (window.parent !== window) {
      window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), 'https://web.telegram.org');
    }
  } catch {
    // not in Telegram
  }
}

export function startTelegram(): void {
  postEvent('web_app_ready');
  postEvent('web_app_expand');
}
