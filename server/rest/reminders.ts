/**
 * A member's own reminder time per challenge (mounted beside the member routes): read them all,
 * or set one challenge's time (inside its window), back to the challenge's time, or off.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import type { AuthDeps } from '../auth/requestAuth';
import { reminderSettingInputSchema } from '../../shared/reminders';
import { idSchema } from '../../shared/schemas';
import { memberAuth } from './auth';
import { readJsonBody } from './body';
import { route } from './openapi';

export function memberReminderRoutes(deps: AuthDeps) {
  const { services } = deps;
  return new Elysia({ name: 'rest-member-reminders', prefix: '/api' })
    .use(memberAuth(deps))
    .onParse(readJsonBody)
    .get(
      '/me/reminders',
      ({ member }) => services.reminderSettings.myReminders(member.telegramId),
      route('member', 'The caller’s reminder per joined challenge: the challenge’s time, their own, on or off, and when it goes out', {
        errors: ['NOT_REGISTERED', 'BANNED'],
      }),
    )
    .put(
      '/challenges/:id/reminder',
      ({ member, params, body }) => services.reminderSettings.setMyReminder(member.telegramId, params.id, body),
      {
        params: z.object({ id: idSchema }),
        body: reminderSettingInputSchema,
        ...route('member', 'Set the caller’s own reminder time for a joined challenge (`time: "HH:MM"` inside its window, `null` for the challenge’s time) and/or turn its reminders on or off', {
          errors: ['NOT_REGISTERED', 'BANNED', 'NOT_FOUND', 'NOT_JOINED', 'OUTSIDE_TIME_WINDOW'],
        }),
      },
    );
}
