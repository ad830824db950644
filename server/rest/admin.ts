/** Admin REST routes of API.md (`/api/admin/*`). */
import { Elysia } from 'elysia';
import { authenticateAdmin, type AuthDeps } from '../auth/requestAuth';
import {
  analyticsQuerySchema,
  banInputSchema,
  challengeCreateSchema,
  challengeUpdateSchema,
  idSchema,
  leaderboardQuerySchema,
  resultsQuerySchema,
  setStreakSchema,
  userSearchSchema,
} from '../../shared/schemas';
import { auditPageSchema } from '../../shared/audit';
import { readBody, readQuery } from './errors';

export function adminRoutes(deps: AuthDeps) {
  const { services } = deps;
  const actorOf = (request: Request) => authenticateAdmin(deps, request);
  const a = services.admin;

  return new Elysia({ name: 'rest-admin' })
    .get('/api/admin/me', ({ request }) => actorOf(request))
    .get('/api/admin/challenges', ({ request }) => a.challenges.listAllChallenges(actorOf(request)))
    .post(
      '/api/admin/challenges',
      async ({ request, set }) => {
        const actor = actorOf(request);
        const created = a.challenges.createChallenge(actor, await readBody(request, challengeCreateSchema));
        set.status = 201;
        return created;
      },
      { parse: 'none' },
    )
    .patch(
      '/api/admin/challenges/:id',
      async ({ request, params }) => {
        const actor = actorOf(request);
        const id = idSchema.parse(params.id);
        return a.challenges.editChallenge(actor, id, await readBody(request, challengeUpdateSchema));
      },
      { parse: 'none' },
    )
    .get('/api/admin/leaderboard', ({ request, query }) => {
      const actor = actorOf(request);
      return a.challenges.challengeLeaderboard(actor, readQuery(query, leaderboardQuerySchema));
    })
    .get('/api/admin/users', ({ request, query }) => a.members.listMembers(actorOf(request), readQuery(query, userSearchSchema)))
    .get('/api/admin/users/:id', ({ request, params }) => a.members.memberDetail(actorOf(request), idSchema.parse(params.id)))
    .post(
      '/api/admin/users/:id/ban',
      async ({ request, params }) => {
        const actor = actorOf(request);
        const id = idSchema.parse(params.id);
        return a.members.banMember(actor, id, (await readBody(request, banInputSchema)).reason);
      },
      { parse: 'none' },
    )
    .post('/api/admin/users/:id/unban', ({ request, params }) => {
      const actor = actorOf(request);
      return a.members.unbanMember(actor, idSchema.parse(params.id));
    }, { parse: 'none' })
    .delete('/api/admin/submissions/:id', ({ request, params }) => {
      const actor = actorOf(request);
      return a.members.deleteSubmission(actor, idSchema.parse(params.id));
    }, { parse: 'none' })
    .put(
      '/api/admin/users/:userId/challenges/:challengeId/streak',
      async ({ request, params }) => {
        const actor = actorOf(request);
        const userId = idSchema.parse(params.userId);
        const challengeId = idSchema.parse(params.challengeId);
        const { current } = await readBody(request, setStreakSchema);
        return a.members.setMemberStreak(actor, userId, challengeId, current);
      },
      { parse: 'none' },
    )
    .delete('/api/admin/users/:userId/challenges/:challengeId', ({ request, params }) => {
      const actor = actorOf(request);
      return a.members.removeFromChallenge(actor, idSchema.parse(params.userId), idSchema.parse(params.challengeId));
    }, { parse: 'none' })
    .get('/api/admin/analytics', ({ request, query }) =>
      a.insights.analytics(actorOf(request), readQuery(query, analyticsQuerySchema).days),
    )
    .get('/api/admin/results', ({ request, query }) => a.insights.results(actorOf(request), readQuery(query, resultsQuerySchema)))
    .get('/api/admin/audit', ({ request, query }) => {
      const actor = actorOf(request);
      const { page, pageSize, ...filter } = readQuery(query, auditPageSchema);
      return a.audit.auditPage(actor, filter, page, pageSize);
    });
}
