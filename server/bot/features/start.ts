/**
 * /start: the greeting and the registration. A new member confirms the Telegram name with one
 * tap or types the name to show on leaderboards; then the Mini App button follows. A registered
 * member gets the welcome back. `/start <payload>` (deep links) takes the same path.
 */
import { InlineKeyboard, Plugin, type User } from 'gramio';
import { botText } from '../../../shared/i18n/bot';
import { displayNameSchema } from '../../../shared/schemas';
import { parseStartParam } from '../../../shared/startParam';
import { appKeyboard, identityOf, languageOf, say, type SendApi } from '../context';
import type { BotDeps, BotFeature } from '../deps';
import { REGISTER_CALLBACK } from '../refusals';
import { defaultDisplayName, isRegistered } from '../../services';

export const ACCEPT_NAME_CALLBACK = 'reg:accept';


export const startFeature: BotFeature = (deps: BotDeps) => {
  const { services, pending } = deps;

  async function greet(api: SendApi, from: User, chatId: number, payload: string | null): Promise<void> {
    const member = await services.members.seeMember(identityOf(from));
    const language = member.language;
    const t = botText(language);
    if (payload) deps.log.debug('bot: /start with a payload', { payload: payload.slice(0, 64) });
    // An invitation (`inv_<code>`) waits with the name for the registration; a member's own
    // or an old link changes nothing (services/invitations.ts).
    const code = parseStartParam(payload).invite;
    const waiting = pending.get(chatId);
    const invite = code ? `inv_${code}` : waiting?.kind === 'name' ? waiting.invite : undefined;
    if (isRegistered(member)) {
      pending.clear(chatId);
      await say(api, deps, chatId, language, { text: t.welcomeBack(member.displayName), keyboard: appKeyboard(deps, language) });
      return;
    }
    pending.set(chatId, { kind: 'name', ...(invite ? { invite } : {}) });
    const name = defaultDisplayName(identityOf(from));
    await say(api, deps, chatId, language, {
      text: t.greeting(from.firstName || name),
      keyboard: new InlineKeyboard().text(t.acceptName(name), ACCEPT_NAME_CALLBACK),
    });
  }

  async function register(api: SendApi, from: User, chatId: number, displayName?: string): Promise<void> {
    const waiting = pending.get(chatId);
    const invite = waiting?.kind === 'name' ? waiting.invite : undefined;
    const input = { ...(displayName ? { displayName } : {}), ...(invite ? { invite } : {}) };
    const { user, created } = await services.members.register(identityOf(from), input, { via: 'bot' });
    pending.clear(chatId);
    const t = botText(user.language);
    await say(api, deps, chatId, user.language, {
      text: created ? t.registered(user.displayName) : t.welcomeBack(user.displayName),
      keyboard: appKeyboard(deps, user.language),
    });
  }

  return new Plugin('qadam:start')
    .command('start', (ctx) => (ctx.from ? greet(ctx.bot.api, ctx.from, ctx.chatId, ctx.args) : undefined))
    .callbackQuery(REGISTER_CALLBACK, async (ctx) => {
      await ctx.answer();
      await greet(ctx.bot.api, ctx.from, ctx.message?.chatId ?? ctx.from.id, null);
    })
    .callbackQuery(ACCEPT_NAME_CALLBACK, async (ctx) => {
      await ctx.answer();
      await register(ctx.bot.api, ctx.from, ctx.message?.chatId ?? ctx.from.id);
    })
    .on('message', async (ctx, next) => {
      const text = ctx.text;
      if (!ctx.from || text === undefined || text.startsWith('/') || pending.get(ctx.chatId)?.kind !== 'name') return next();
      const member = await services.members.findMember(ctx.from.id);
      if (member && isRegistered(member)) {
        // Registered meanwhile (e.g. in the Mini App): a stray text must not rename them.
        pending.clear(ctx.chatId);
        return next();
      }
      const parsed = displayNameSchema.safeParse(text);
      if (!parsed.success) {
        const language = await languageOf(deps, ctx.from);
        await say(ctx.bot.api, deps, ctx.chatId, language, { text: botText(language).nameInvalid });
        return;
      }
      await register(ctx.bot.api, ctx.from, ctx.chatId, parsed.data);
    });
};
