/** initData really signed with a test bot token, as Telegram would. */
import { signInitData as sign } from '../../server/auth/initData';

export const TEST_BOT_TOKEN = '123456789:TEST-token_for_qadam_club_tests_only';
export const OTHER_BOT_TOKEN = '987654321:OTHER-bot_token_that_is_not_ours_xx';

export interface TestTelegramUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  photo_url?: string;
}

export function signInitData(
  user: TestTelegramUser,
  opts: { authDate?: Date; botToken?: string; extra?: Record<string, string> } = {},
): string {
  return sign(opts.botToken ?? TEST_BOT_TOKEN, user, { authDate: opts.authDate ?? new Date(), extra: opts.extra });
}

export function tma(initData: string): Record<string, string> {
  return { authorization: `tma ${initData}` };
}
