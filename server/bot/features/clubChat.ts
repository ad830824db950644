/**
 * The bot in the club's Telegram group, and /clubchat.
 *
 * In groups (with the bot's privacy mode on, Telegram delivers only commands: `/top` or
 * `/top@<bot>`) the bot answers two commands and ignores everything else:
 * - /top — today's top 5 of every active challenge, in the sender's language (the club's
 *   posting language for strangers); no registration asked of group members;
 * - /clubchat — an admin makes this group the club's chat (audited; CLUB_CHAT_ID, when set,
 *   wins), and may set the evening summary (`/clubchat summary 21:30|off`) and the posts'
 *   language (`/clubchat language uz|ru|en`).
 * In a private chat /clubchat shows an admin the settings and takes the same arguments.
 *
 * `groupChat` is installed before the guards (which keep the bot's private conversation out of
 * groups); `clubChatFeature` is an ordinary feature for private chats.
 */
import { Plugin } from 'gramio';
import { clubChatTexts, groupTopText } from '../../../shared/i18n/clubChat';
import { languageSchema, timeOfDaySchema, type Language } from '../../../shared/schemas';
import { RateLimiter } from '../../rateLimit';
import { languageOf, say, type SendApi } from '../context';
import type { BotDeps, BotFeature } from '../deps';
import { describeError } from '../telegram';

const TOP = 5;
const FLOOD_WINDOW_MS = 60_000;

interface GroupIncoming {
  from?: { id: number; firstName: string; languageCode?: string; isBot?: () => boolean } & object;
  chatId?: number;
  chat?: { type: string; title?: string };
  text?: string;
  entities?: { type: string; offset: number; length: number }[];
  bot: { api: SendApi; info?: { username?: string } };
}

/** "/top@QadamBot 5" → { name: "top", args: "5" } when addressed to this bot (or to no bot). */
export function parseGroupCommand(text: string | undefined, entities: GroupIncoming['entities'], botUsername: string | undefined) {
  const entity = entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!text || !entity) return null;
  const [name, addressee] = text.slice(1, entity.length).split('@') as [string, string | undefined];
  if (addressee && botUsername && addressee.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { name: name.toLowerCase(), args: text.slice(entity.length).trim() };
}

/** Applies `/clubchat <args>` for an admin; the reply, or null when the args mean "show the status". */
async function applySettings(deps: BotDeps, adminTelegramId: number, args: string, language: Language): Promise<string | null> {
  const t = clubChatTexts[language];
  const [what, value] = args.toLowerCase().split(/\s+/) as [string, string | undefined];
  const actor = { telegramId: adminTelegramId, role: 'admin' as const };
  if (what === 'summary') {
    if (value === 'off') {
      await deps.services.clubChat.update(actor, { summaryEnabled: false });
      return t.summaryOff;
    }
    const time = timeOfDaySchema.safeParse(value === 'on' ? undefined : value);
    if (value === 'on') {
      const s = await deps.services.clubChat.update(actor, { summaryEnabled: true });
      return t.summaryOn(s.summaryTime);
    }
    if (!time.success) return t.badTime;
    await deps.services.clubChat.update(actor, { summaryEnabled: true, summaryTime: time.data });
    return t.summaryOn(time.data);
  }
  if (what === 'language') {
    const l = languageSchema.safeParse(value);
    if (!l.success) return t.usage;
    await deps.services.clubChat.update(actor, { language: l.data });
    return status(deps, adminTelegramId, language);
  }
  return args ? t.usage : null;
}

async function status(deps: BotDeps, adminTelegramId: number, language: Language): Promise<string> {
  const s = await deps.services.clubChat.settings({ telegramId: adminTelegramId, role: 'admin' });
  const chat = s.chatId === null ? null : s.chatTitle ? `${s.chatTitle} (${s.chatId})` : String(s.chatId);
  return clubChatTexts[language].status({ chat, fixed: s.source === 'env', summary: s.summaryEnabled ? s.summaryTime : null, language: s.language });
}

export function groupChat(deps: BotDeps) {
  const limiter = new RateLimiter(() => deps.clock.now().getTime());

  async function reply(api: SendApi, chatId: number, language: Language, text: string) {
    try {
      await say(api, deps, chatId, language, { text });
    } catch (error) {
      deps.log.warn('bot: group reply failed', { chatId, error: describeError(error) });
    }
  }

  return new Plugin('qadam:group').use(async (context, next) => {
    const ctx = context as unknown as GroupIncoming;
    const type = ctx.chat?.type;
    if (type !== 'group' && type !== 'supergroup') return next();
    const from = ctx.from;
    const chatId = ctx.chatId;
    if (!from || chatId === undefined) return;
    const command = parseGroupCommand(ctx.text, ctx.entities, ctx.bot.info?.username);
    if (!command || (command.name !== 'top' && command.name !== 'clubchat')) return; // the rest of the group's talk is not for the bot
    if (limiter.hit('group', chatId, { limit: deps.config.RATE_LIMIT_BOT, windowMs: FLOOD_WINDOW_MS }) > 0) return;
    try {
      if (command.name === 'top') {
        const top = await deps.services.clubChat.groupTop(from.id, TOP);
        if (top) await reply(ctx.bot.api, chatId, top.language, groupTopText(top.language, top.challenges));
        return;
      }
      const language = await languageOf(deps, from as never);
      const t = clubChatTexts[language];
      if (!(await deps.services.admin.access.isAdmin(from.id))) return reply(ctx.bot.api, chatId, language, t.notAdmin);
      if (command.args) {
        const answer = await applySettings(deps, from.id, command.args, language);
        return reply(ctx.bot.api, chatId, language, answer ?? t.usage);
      }
      const { chosen } = await deps.services.clubChat.chooseGroup(from.id, { id: chatId, title: ctx.chat?.title ?? String(chatId) });
      await reply(ctx.bot.api, chatId, language, chosen ? t.chosen(ctx.chat?.title ?? String(chatId)) : t.alreadyFixed);
    } catch (error) {
      deps.log.error('bot: group command failed', { chatId, command: command.name, error: error instanceof Error ? error : describeError(error) });
    }
  });
}

/** /clubchat in a private chat: the settings for an admin (and how to choose the group). */
export const clubChatFeature: BotFeature = (deps: BotDeps) =>
  new Plugin('qadam:clubchat').command('clubchat', async (ctx) => {
    if (!ctx.from) return;
    const language = await languageOf(deps, ctx.from);
    const t = clubChatTexts[language];
    if (!(await deps.services.admin.access.isAdmin(ctx.from.id))) {
      await say(ctx.bot.api, deps, ctx.chatId, language, { text: t.notAdmin });
      return;
    }
    const args = ctx.args?.trim() ?? '';
    const answer = args ? await applySettings(deps, ctx.from.id, args, language) : null;
    const text = answer ?? `${await status(deps, ctx.from.id, language)}\n\n${t.inGroupOnly}`;
    await say(ctx.bot.api, deps, ctx.chatId, language, { text });
  });
