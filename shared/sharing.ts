/**
 * Sharing and invitations: the inputs the doors validate and the DTOs both pages read.
 * The start parameter format itself is ./startParam.ts (no zod there: the Mini App imports it).
 */
import { z } from 'zod';
import { idSchema } from './schemas';

/** A card of the member's current streak in a challenge, or of today's result there. */
export const shareKindSchema = z.enum(['streak', 'today']);
export type ShareKind = z.infer<typeof shareKindSchema>;

export const shareInputSchema = z.object({ challengeId: idSchema, kind: shareKindSchema }).strict();

export interface ShareCardDto {
  /** `<kind>-<challengeId>`: the inline result's id too. */
  id: string;
  kind: ShareKind;
  challengeId: number;
  /** How Telegram lists the card (inline results), and the line below it. */
  title: string;
  description: string;
  /** The message itself, in the sharing member's language. */
  text: string;
  /** The button under it: opens the Mini App on the challenge (`startapp=ch_<id>-inv_<code>`). */
  button: { text: string; url: string };
}

export interface PreparedShareDto {
  card: ShareCardDto;
  /**
   * Telegram's prepared message for `shareMessage(id)` in the Mini App; null when it could not
   * be prepared (`unavailable`: no bot on this server; `refused`: Telegram did not accept it).
   */
  preparedMessageId: string | null;
  expiresAt: string | null;
  fallback: null | 'unavailable' | 'refused';
  /** Telegram's share window with the card's text and link (t.me/share/url), for the fallback. */
  shareUrl: string;
  /** The query that lists this card in the bot's inline mode (`switchInlineQuery`). */
  inlineQuery: string;
}

export interface InviteDto {
  code: string;
  /** `inv_<code>`. */
  startParam: string;
  /** Opens the Mini App with the invitation (startapp). */
  link: string;
  /** Starts the bot with the invitation (`?start=inv_<code>`); null while the bot's name is unknown. */
  botLink: string | null;
  /** Telegram's share window with the invitation text and link. */
  shareUrl: string;
  /** Members who registered through this member's links. */
  joined: number;
}

export type InvitationVia = 'bot' | 'app';

export interface InvitationPartyDto {
  userId: number;
  telegramId: number;
  name: string;
  via: InvitationVia;
  /** When the invited member registered (ISO instant). */
  at: string;
}

export interface AdminInvitationsDto {
  invitedBy: InvitationPartyDto | null;
  /** Newest first, at most 200. */
  invited: InvitationPartyDto[];
  /** How many this member invited in all. */
  total: number;
}
