/**
 * The services' door to Telegram (services/links.ts): the bot's username for deep links and
 * Bot API `savePreparedInlineMessage`, over plain HTTP so that every instance can answer the
 * Mini App — not only the leader that runs the bot. Errors name the method, never the token.
 */
import type { Config } from './config';
import type { Logger } from './log';
import type { InlineArticle, PreparedInlineMessage, SharingLinks } from './services/links';

const TIMEOUT_MS = 5000;
/** After a failed getMe, ask again at most this often. */
const RETRY_NAME_MS = 60_000;

type TelegramConfig = Pick<Config, 'BOT_TOKEN' | 'TELEGRAM_API_URL' | 'PUBLIC_URL' | 'MINIAPP_SHORT_NAME'>;

export function telegramLinks(config: TelegramConfig, deps: { knownUsername: () => string | null; log: Logger }): SharingLinks {
  const token = config.BOT_TOKEN;
  let asked: { at: number; name: Promise<string | null> } | null = null;

  async function call<T>(method: string, params: Record<string, unknown>): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${config.TELEGRAM_API_URL}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new Error(`${method}: Telegram unreachable (${error instanceof Error ? error.name : 'error'})`);
    }
    const body = (await res.json().catch(() => null)) as { ok?: boolean; result?: T; description?: string; message?: string } | null;
    if (!res.ok || !body?.ok || body.result === undefined) {
      throw new Error(`${method}: HTTP ${res.status} ${String(body?.description ?? body?.message ?? '').slice(0, 200)}`.trim());
    }
    return body.result;
  }

  return {
    publicUrl: config.PUBLIC_URL,
    appShortName: config.MINIAPP_SHORT_NAME ?? null,
    async botUsername() {
      if (!token) return null;
      const known = deps.knownUsername();
      if (known) return known;
      // An instance that does not run the bot (another one leads) asks Telegram once.
      if (!asked || Date.now() - asked.at > RETRY_NAME_MS) {
        const name = call<{ username?: string }>('getMe', {}).then(
          (me) => me.username ?? null,
          (error: unknown) => {
            deps.log.warn('telegram: getMe failed; links use the Mini App address for now', { error: String(error) });
            return null;
          },
        );
        asked = { at: Date.now(), name };
      }
      const name = await asked.name;
      if (name === null) return null;
      return name;
    },
    async savePreparedInlineMessage(userId: number, result: InlineArticle): Promise<PreparedInlineMessage | null> {
      if (!token) return null;
      try {
        return await call<PreparedInlineMessage>('savePreparedInlineMessage', {
          user_id: userId,
          result,
          allow_user_chats: true,
          allow_bot_chats: true,
          allow_group_chats: true,
          allow_channel_chats: true,
        });
      } catch (error) {
        deps.log.warn('telegram: savePreparedInlineMessage refused; the Mini App falls back to a share link', { error: String(error) });
        throw error;
      }
    },
  };
}
