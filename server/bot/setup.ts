/**
 * Start-up calls that make the bot nicer but are not needed for it to work: the command menu in
 * each language and the chat menu button that opens the Mini App. A Bot API without these
 * methods (telegram-test-api) or a refusal is logged and start-up goes on.
 */
import type { AnyBot } from 'gramio';
import { botText, MENU_COMMANDS } from '../../shared/i18n/bot';
import { LANGUAGES } from '../../shared/schemas';
import { appUrl } from './context';
import type { BotDeps } from './deps';
import { describeError } from './telegram';

async function attempt(deps: BotDeps, what: string, call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    deps.log.warn(`bot: ${what} unavailable; going on without it`, { error: describeError(error) });
    return false;
  }
}

export async function configureBot(bot: AnyBot, deps: BotDeps): Promise<void> {
  const commands = (language: (typeof LANGUAGES)[number]) =>
    MENU_COMMANDS.map((command) => ({ command, description: botText(language).commands[command] }));
  // Uzbek is the default menu; Russian and English for members whose Telegram speaks them.
  if (await attempt(deps, 'setMyCommands', () => bot.api.setMyCommands({ commands: commands('uz') }))) {
    for (const language of LANGUAGES) {
      await attempt(deps, `setMyCommands(${language})`, () =>
        bot.api.setMyCommands({ commands: commands(language), language_code: language }),
      );
    }
    // In groups (the club's chat) the bot answers /top only (and /clubchat for admins).
    for (const language of [undefined, ...LANGUAGES]) {
      const top = [{ command: 'top', description: botText(language ?? 'uz').commands.top }];
      await attempt(deps, `setMyCommands(groups${language ? `, ${language}` : ''})`, () =>
        bot.api.setMyCommands({ commands: top, scope: { type: 'all_group_chats' }, ...(language ? { language_code: language } : {}) }),
      );
    }
  }
  const url = appUrl(deps);
  if (url.startsWith('https://')) {
    await attempt(deps, 'setChatMenuButton', () =>
      bot.api.setChatMenuButton({ menu_button: { type: 'web_app', text: 'Qadam Club', web_app: { url } } }),
    );
  } else {
    // Telegram opens Mini Apps only over https; members still get a link button in messages.
    deps.log.info('bot: PUBLIC_URL is not https; the chat menu button is left as it is', { url });
  }
}
