/**
 * Cards a member shares into any chat: their current streak in a challenge, or today's result
 * there, in their language, with a button that opens the club's Mini App on that challenge
 * (the link also carries the member's invite code). The Mini App shares one through a prepared
 * inline message (Bot API savePreparedInlineMessage, then `shareMessage(id)`); the bot's inline
 * mode offers all of them when the member types @bot in a chat.
 */
import { ServiceError } from '../domain/errors';
import { shareText } from '../../shared/i18n/share';
import type { PreparedShareDto, ShareCardDto, ShareKind } from '../../shared/sharing';
import { formatStartParam, parseStartParam } from '../../shared/startParam';
import type { ServiceContext } from './context';
import { inviteCodeOf } from './invitations';
import { appLink, telegramShareUrl, type InlineArticle, type SharingLinks } from './links';
import { currentChallenges } from './members';

export interface CardFilter {
  challengeId?: number;
  kind?: ShareKind;
  /** What the member typed after @bot: `ch_<id>` or words of a challenge's title; no match shows every card. */
  query?: string;
}

/** The member's cards: per current challenge the streak, and today's result once sent. */
export async function shareCards(ctx: ServiceContext, links: SharingLinks, telegramId: number, filter: CardFilter = {}): Promise<ShareCardDto[]> {
  const { user, challenges } = await currentChallenges(ctx, telegramId);
  const member = (await ctx.readModel.member(telegramId))!;
  const t = shareText(user.language);
  const code = await inviteCodeOf(ctx, member.id);
  const username = await links.botUsername();
  let chosen = challenges.filter((c) => filter.challengeId === undefined || c.challenge.id === filter.challengeId);
  const query = filter.query?.trim().toLocaleLowerCase() ?? '';
  if (query) {
    const byId = parseStartParam(query).challengeId;
    const matching = chosen.filter((c) => (byId !== null ? c.challenge.id === byId : c.challenge.title.toLocaleLowerCase().includes(query)));
    if (matching.length > 0) chosen = matching;
  }
  const cards: ShareCardDto[] = [];
  for (const c of chosen) {
    const facts = {
      name: user.displayName,
      emoji: c.challenge.emoji,
      title: c.challenge.title,
      unit: c.challenge.unit,
      current: c.streak.current,
      best: c.streak.best,
    };
    const button = { text: t.openButton, url: appLink(links, username, formatStartParam({ challengeId: c.challenge.id, invite: code })) };
    if (filter.kind === undefined || filter.kind === 'streak') {
      cards.push({
        id: `streak-${c.challenge.id}`,
        kind: 'streak',
        challengeId: c.challenge.id,
        title: t.streakTitle(facts),
        description: t.streakDescription(facts),
        text: t.streakText(facts),
        button,
      });
    }
    if (c.today && (filter.kind === undefined || filter.kind === 'today')) {
      const today = { ...facts, value: c.today.value, met: c.today.progress.met, target: c.today.progress.target };
      cards.push({
        id: `today-${c.challenge.id}`,
        kind: 'today',
        challengeId: c.challenge.id,
        title: t.todayTitle(today),
        description: t.todayDescription(today),
        text: t.todayText(today),
        button,
      });
    }
  }
  return cards;
}

/** A card as the Bot API's InlineQueryResultArticle (plain text: names cannot inject markup). */
export function toInlineArticle(card: ShareCardDto): InlineArticle {
  return {
    type: 'article',
    id: card.id,
    title: card.title,
    description: card.description,
    input_message_content: { message_text: card.text, link_preview_options: { is_disabled: true } },
    reply_markup: { inline_keyboard: [[{ text: card.button.text, url: card.button.url }]] },
  };
}

/**
 * Prepares one card for the Mini App's `shareMessage`. Without a bot, or when Telegram refuses
 * (a test server without the method, an old Bot API), the answer says so and carries the
 * fallbacks: the inline query and Telegram's share window.
 */
export async function prepareShare(
  ctx: ServiceContext,
  links: SharingLinks,
  telegramId: number,
  input: { challengeId: number; kind: ShareKind },
): Promise<PreparedShareDto> {
  const [card] = await shareCards(ctx, links, telegramId, { challengeId: input.challengeId, kind: input.kind });
  if (!card) {
    throw new ServiceError(
      'NOT_FOUND',
      input.kind === 'today' ? 'No result of today in this challenge to share' : 'Not a current challenge of yours',
    );
  }
  const fallbacks = { shareUrl: telegramShareUrl(card.button.url, card.text), inlineQuery: `ch_${card.challengeId}` };
  try {
    const prepared = await links.savePreparedInlineMessage(telegramId, toInlineArticle(card));
    if (!prepared) return { card, preparedMessageId: null, expiresAt: null, fallback: 'unavailable', ...fallbacks };
    return { card, preparedMessageId: prepared.id, expiresAt: new Date(prepared.expiration_date * 1000).toISOString(), fallback: null, ...fallbacks };
  } catch {
    return { card, preparedMessageId: null, expiresAt: null, fallback: 'refused', ...fallbacks };
  }
}
