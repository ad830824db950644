/**
 * /admin: for an admin, a one-time sign-in link to the web panel (10 minutes, single use) and a
 * button that opens the panel inside Telegram (it then authenticates with initData). Anyone else
 * gets a polite refusal. Link previews are off: the panel spends the token with a POST, never on
 * a preview's GET, but the link is nobody else's business.
 */
import { InlineKeyboard, TelegramError } from 'gramio';
import { Plugin } from 'gramio';
import type { Language } from '../../../shared/schemas';
import { LOGIN_LINK_TTL_MS } from '../../services/admin/login';
import { languageOf, say } from '../context';
import type { BotDeps, BotFeature } from '../deps';

const minutes = LOGIN_LINK_TTL_MS / 60_000;

export const adminTexts: Record<Language, { link: (url: string) => string; open: string; refusal: string }> = {
  uz: {
    link: (url) =>
      `🔐 Boshqaruv paneliga kirish havolasi (bir martalik, ${minutes} daqiqa amal qiladi):\n${url}\n\n` +
      "Uni hech kimga bermang: havolaga ega odam siz nomingizdan kiradi. Panelni shu yerning o'zida, quyidagi tugma bilan ham ochish mumkin.",
    open: '🛠 Panelni ochish',
    refusal: "Kechirasiz, bu buyruq faqat klub administratorlari uchun. Challengelar uchun /help ni ko'ring.",
  },
  ru: {
    link: (url) =>
      `🔐 Ссылка для входа в панель администратора (одноразовая, действует ${minutes} минут):\n${url}\n\n` +
      'Не пересылайте её: по ссылке можно войти от вашего имени. Панель можно открыть и прямо здесь, кнопкой ниже.',
    open: '🛠 Открыть панель',
    refusal: 'Извините, эта команда только для администраторов клуба. Всё о челленджах — в /help.',
  },
  en: {
    link: (url) =>
      `🔐 Your admin panel sign-in link (one-time, valid for ${minutes} minutes):\n${url}\n\n` +
      "Don't share it: whoever has it signs in as you. You can also open the panel right here with the button below.",
    open: '🛠 Open the panel',
    refusal: "Sorry, this command is for club admins only. For the challenges, see /help.",
  },
};

export function adminPanelUrl(deps: BotDeps): string {
  return `${deps.config.PUBLIC_URL}/admin/`;
}

export const adminFeature: BotFeature = (deps: BotDeps) =>
  new Plugin('qadam:admin').command('admin', async (ctx) => {
    if (!ctx.from) return;
    const language = await languageOf(deps, ctx.from);
    const t = adminTexts[language];
    if (!(await deps.services.admin.access.isAdmin(ctx.from.id))) {
      await say(ctx.bot.api, deps, ctx.chatId, language, { text: t.refusal });
      return;
    }
    // The audit log then shows this admin by name even when they never joined as a member.
    await deps.services.admin.audit.rememberAdminName(ctx.from.id, ctx.from.firstName, ctx.from.lastName ?? null);
    const panel = adminPanelUrl(deps);
    const { token } = await deps.services.admin.login.createLoginLink(ctx.from.id);
    const text = t.link(`${panel}?login=${token}`);
    // Telegram opens web_app buttons only over https; in local development a url button opens
    // the panel in the browser instead.
    const keyboard = panel.startsWith('https://') ? new InlineKeyboard().webApp(t.open, panel) : new InlineKeyboard().url(t.open, panel);
    try {
      await ctx.bot.api.sendMessage({
        chat_id: ctx.chatId,
        text,
        reply_markup: keyboard,
        link_preview_options: { is_disabled: true },
      });
    } catch (error) {
      if (!(error instanceof TelegramError) || error.code !== 400) throw error;
      // The button was refused (e.g. a localhost URL): the link alone still lets the admin in.
      deps.log.warn('bot: /admin keyboard refused, sending the link alone', { error: error.message });
      await ctx.bot.api.sendMessage({ chat_id: ctx.chatId, text, link_preview_options: { is_disabled: true } });
    }
  });
