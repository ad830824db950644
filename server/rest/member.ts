/** Member REST routes of API.md. */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { authenticateMember, type AuthDeps } from '../auth/requestAuth';
import { historyQuerySchema, idSchema, languageSchema, leaderboardQuerySchema, registerInputSchema, submitInputSchema } from '../../shared/schemas';
import { readBody, readQuery } from './errors';
import { leaderboardJson } from './leaderboardJson';

const settingsSchema = z.object({ language: languageSchema.optional(), remindersEnabled: z.boolean().optional() }).strict();

export function memberRoutes(deps: AuthDeps) {
  const { services } = deps;
  const who = (request: Request) => authenticateMember(deps, request);
  const idOf = (params: { id: string }) => idSchema.parse(params.id);

  return new Elysia({ name: 'rest-member' })
    .post(
      '/api/auth/register',
      async ({ request, set }) => {
        const identity = who(request);
        const input = await readBody(request, registerInputSchema);
        const result = services.members.register(identity, input);
        set.status = result.created ? 201 : 200;
        return result;
      },
      { parse: 'none' },
    )
    .get('/api/me', async ({ request }) => {
      const identity = who(request);
      await services.photos.notePhoto(identity);
      return services.members.profile(identity.telegramId);
    })
    .patch(
      '/api/me',
      async ({ request }) => {
        const { telegramId } = who(request);
        const input = await readBody(request, settingsSchema);
        return services.members.updateSettings(telegramId, input);
      },
      { parse: 'none' },
    )
    .get('/api/challenges', ({ request }) => services.challenges.listForMember(who(request).telegramId))
    .post('/api/challenges/:id/join', ({ request, params }) => {
      const { telegramId } = who(request);
      return services.challenges.join(telegramId, idOf(params));
    }, { parse: 'none' })
    .post('/api/challenges/:id/leave', ({ request, params }) => {
      const { telegramId } = who(request);
      return services.challenges.leave(telegramId, idOf(params));
    }, { parse: 'none' })
    .post(
      '/api/challenges/:id/submit',
      async ({ request, params, set }) => {
        const { telegramId } = who(request);
        const challengeId = idOf(params);
        const input = await readBody(request, submitInputSchema);
        const result = await services.submissions.submitGrouped(telegramId, challengeId, input.value);
        set.status = 201;
        return result;
      },
      { parse: 'none' },
    )
    .put(
      '/api/challenges/:id/submission',
      async ({ request, params }) => {
        const { telegramId } = who(request);
        const challengeId = idOf(params);
        const input = await readBody(request, submitInputSchema);
        return services.corrections.correctToday(telegramId, challengeId, input.value);
      },
      { parse: 'none' },
    )
    .get('/api/challenges/:id/history', ({ request, params, query }) => {
      const { telegramId } = who(request);
      return services.history.historyOf(telegramId, idOf(params), readQuery(query, historyQuerySchema).range);
    })
    .get('/api/leaderboard', ({ request, query, set }) => {
      const { telegramId } = who(request);
      const board = services.leaderboard.leaderboardForMember(telegramId, readQuery(query, leaderboardQuerySchema));
      set.headers['content-type'] = 'application/json';
      return leaderboardJson(board);
    });
}
