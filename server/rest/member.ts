/** Member REST routes of API.md: registration, profile, challenges, submitting, leaderboards. */
import { Elysia } from 'elysia';
import { z } from 'zod';
import type { AuthDeps } from '../auth/requestAuth';
import { historyQuerySchema, idSchema, languageSchema, leaderboardQuerySchema, registerInputSchema, submitInputSchema } from '../../shared/schemas';
import { memberAuth } from './auth';
import { dropEmptyQueryValues, readJsonBody } from './body';
import { leaderboardJson } from './leaderboardJson';
import { route } from './openapi';
import { submitResultSchema } from './responses';

const settingsSchema = z.object({ language: languageSchema.optional(), remindersEnabled: z.boolean().optional() }).strict();
const challengeParams = z.object({ id: idSchema });

export function memberRoutes(deps: AuthDeps) {
  const { services } = deps;

  return new Elysia({ name: 'rest-member', prefix: '/api' })
    .use(memberAuth(deps))
    .onParse(readJsonBody)
    .onTransform(dropEmptyQueryValues)
    .post(
      '/auth/register',
      async ({ member, body, set }) => {
        const result = await services.members.register(member, body);
        set.status = result.created ? 201 : 200;
        return result;
      },
      {
        body: registerInputSchema,
        ...route('member', 'Register (or confirm) the caller as a member', {
          ok: [201, 'Registered now: `{ user, created: true }`; 200 when already registered'],
          errors: ['BANNED'],
        }),
      },
    )
    .get(
      '/me',
      async ({ member, set }) => {
        await services.photos.notePhoto(member);
        // Serialized here, as the leaderboard is: measured in process, the body as a string costs
        // ~20 µs less a request than Elysia's own Response.json of the object.
        set.headers['content-type'] = 'application/json';
        return JSON.stringify(await services.members.profile(member.telegramId));
      },
      route('member', 'The caller’s profile: joined challenges, streaks, today’s results, 12 weeks of days', { errors: ['NOT_REGISTERED', 'BANNED'] }),
    )
    .patch('/me', ({ member, body }) => services.members.updateSettings(member.telegramId, body), {
      body: settingsSchema,
      ...route('member', 'Change language and reminders (both or neither applied)', { errors: ['NOT_REGISTERED', 'BANNED'] }),
    })
    .get('/challenges', ({ member }) => services.challenges.listForMember(member.telegramId), route('member', 'Active challenges, with `joined` and participants', { errors: ['NOT_REGISTERED', 'BANNED'] }))
    .post('/challenges/:id/join', ({ member, params }) => services.challenges.join(member.telegramId, params.id), {
      params: challengeParams,
      ...route('member', 'Join a challenge (idempotent)', { errors: ['NOT_REGISTERED', 'BANNED', 'NOT_FOUND'] }),
    })
    .post('/challenges/:id/leave', ({ member, params }) => services.challenges.leave(member.telegramId, params.id), {
      params: challengeParams,
      ...route('member', 'Leave a challenge (idempotent; history kept)', { errors: ['NOT_REGISTERED', 'BANNED', 'NOT_FOUND'] }),
    })
    .post(
      '/challenges/:id/submit',
      async ({ member, params, body, set }) => {
        const result = await services.submissions.submit(member.telegramId, params.id, body.value);
        set.status = 201;
        return result;
      },
      {
        params: challengeParams,
        body: submitInputSchema,
        ...route('member', 'Submit today’s value (a number, or a string with a decimal comma or point)', {
          ok: [201, 'Stored: the result and the streak it made', submitResultSchema],
          errors: ['NOT_REGISTERED', 'BANNED', 'NOT_JOINED', 'NOT_FOUND', 'ALREADY_SUBMITTED', 'OUTSIDE_TIME_WINDOW'],
        }),
      },
    )
    .put(
      '/challenges/:id/submission',
      ({ member, params, body }) => services.corrections.correctToday(member.telegramId, params.id, body.value),
      {
        params: challengeParams,
        body: submitInputSchema,
        ...route('member', 'Correct today’s value within CORRECTION_MINUTES of sending it (the old value is kept in the history of changes)', {
          ok: [200, 'Replaced: the result, the streak and progress it now makes', submitResultSchema],
          errors: ['NOT_REGISTERED', 'BANNED', 'NOT_JOINED', 'NOT_FOUND', 'CORRECTION_CLOSED'],
        }),
      },
    )
    .get(
      '/challenges/:id/history',
      ({ member, params, query }) => services.history.historyOf(member.telegramId, params.id, query.range),
      {
        params: challengeParams,
        query: historyQuerySchema,
        ...route('member', 'The caller’s results in one challenge over the last 30 or 90 days or all time, with the personal best', {
          errors: ['NOT_REGISTERED', 'BANNED', 'NOT_FOUND'],
        }),
      },
    )
    .get(
      '/leaderboard',
      async ({ member, query, set }) => {
        const board = await services.leaderboard.leaderboardForMember(member.telegramId, query);
        set.headers['content-type'] = 'application/json';
        return leaderboardJson(board);
      },
      {
        query: leaderboardQuerySchema,
        ...route('member', 'A challenge’s Today, Weekly, Monthly or All-time board, with the caller’s own rank', {
          errors: ['NOT_REGISTERED', 'BANNED', 'NOT_FOUND'],
        }),
      },
    );
}
