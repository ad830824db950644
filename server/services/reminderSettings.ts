/** A member's own reminder time per joined challenge, or reminders off for one challenge. */
import type { ChallengeRow } from '../db/repositories/challenges';
import type { ReminderPreferenceRow } from '../db/repositories/reminders';
import { ServiceError } from '../domain/errors';
import { effectiveReminderTime, isTimeInWindow } from '../domain/reminderTime';
import { reminderTimeOf } from '../domain/schedule';
import type { Language } from '../../shared/schemas';
import type { MyRemindersDto, ReminderSettingDto, ReminderSettingInput } from '../../shared/reminders';
import { formatWindow } from '../../shared/timeWindow';
import { now, requireMember, write, type ServiceContext } from './context';
import { challengeTextsOf, windowOf } from './mappers';

function toDto(c: ChallengeRow, own: ReminderPreferenceRow | undefined, language: Language): ReminderSettingDto {
  const pref = own ? { reminderTime: own.reminderTime, enabled: own.enabled } : null;
  return {
    challengeId: c.id,
    emoji: c.emoji,
    title: challengeTextsOf(c, language).title,
    timeWindow: windowOf(c),
    defaultTime: reminderTimeOf(c),
    time: own?.reminderTime ?? null,
    enabled: own?.enabled ?? true,
    effectiveTime: effectiveReminderTime(c, pref),
  };
}

/** The member's reminder for each active challenge they are in. */
export async function myReminders(ctx: ServiceContext, telegramId: number): Promise<MyRemindersDto> {
  const user = await requireMember(ctx, telegramId);
  const { repos } = ctx.store;
  const prefs = new Map((await repos.reminders.reminderPreferencesOf(user.id)).map((p) => [p.challengeId, p]));
  const challenges = (await repos.memberships.membershipsOfUser(user.id, { currentOnly: true }))
    .map((m) => m.challenge)
    .filter((c) => c.isActive)
    .map((c) => toDto(c, prefs.get(c.id), user.language));
  return { remindersEnabled: user.remindersEnabled, challenges };
}

/**
 * Sets the member's own time (null: back to the challenge's) and/or turns this challenge's
 * reminders on or off. A time outside the challenge's window is refused (OUTSIDE_TIME_WINDOW,
 * details.window) and nothing changes. Today's reminder is still sent at most once.
 */
export async function setMyReminder(ctx: ServiceContext, telegramId: number, challengeId: number, input: ReminderSettingInput): Promise<ReminderSettingDto> {
  const user = await requireMember(ctx, telegramId);
  return write(ctx, async (tx) => {
    const challenge = await tx.challenges.findChallenge(challengeId);
    if (!challenge || !challenge.isActive) throw new ServiceError('NOT_FOUND', 'No such active challenge');
    const membership = await tx.memberships.findMembership(user.id, challengeId);
    if (!membership?.isMember) throw new ServiceError('NOT_JOINED', 'Join the challenge first');
    const window = windowOf(challenge);
    if (input.time && !isTimeInWindow(input.time, window)) {
      const shown = formatWindow(window!);
      throw new ServiceError('OUTSIDE_TIME_WINDOW', `The reminder time must lie inside the challenge's time window ${shown}`, {
        window: shown,
        time: input.time,
      });
    }
    const current = (await tx.reminders.reminderPreferencesOf(user.id)).find((p) => p.challengeId === challengeId);
    const next: ReminderPreferenceRow = {
      challengeId,
      reminderTime: input.time !== undefined ? input.time : (current?.reminderTime ?? null),
      enabled: input.enabled ?? current?.enabled ?? true,
    };
    await tx.reminders.saveReminderPreference(user.id, next, now(ctx).ms);
    return toDto(challenge, next, user.language);
  });
}
