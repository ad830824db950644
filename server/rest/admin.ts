/** Admin REST routes of API.md (`/api/admin/*` but the session routes): one group, one auth. */
import { Elysia } from 'elysia';
import { z } from 'zod';
import type { AuthDeps } from '../auth/requestAuth';
import {
  analyticsQuerySchema,
  banInputSchema,
  challengeCreateSchema,
  challengeUpdateSchema,
  dayKeySchema,
  idSchema,
  leaderboardQuerySchema,
  memberResultInputSchema,
  resultsQuerySchema,
  setStreakSchema,
  userSearchSchema,
} from '../../shared/schemas';
import { auditPageSchema } from '../../shared/audit';
import { adminAnnouncementRoutes } from './adminAnnouncements';
import { adminClubChatRoutes } from './adminClubChat';
import { adminExportRoutes } from './adminExport';
import { adminAuth } from './auth';
import { dropEmptyQueryValues, readJsonBody } from './body';
import { route } from './openapi';

const idParams = z.object({ id: idSchema });
const memberChallengeParams = z.object({ userId: idSchema, challengeId: idSchema });

export function adminRoutes(deps: AuthDeps) {
  const a = deps.services.admin;

  return new Elysia({ name: 'rest-admin', prefix: '/api/admin' })
    .use(adminAuth(deps))
    .onParse(readJsonBody)
    .onTransform(dropEmptyQueryValues)
    .get('/me', ({ admin }) => admin, route('admin', 'Who is signed in, and their role'))
    .get('/challenges', ({ admin }) => a.challenges.listAllChallenges(admin), route('admin', 'Every challenge, active or not, with participants'))
    .post(
      '/challenges',
      async ({ admin, body, set }) => {
        const created = await a.challenges.createChallenge(admin, body);
        set.status = 201;
        return created;
      },
      { body: challengeCreateSchema, ...route('admin', 'Create a challenge (`title` required)', { ok: [201, 'The new challenge'] }) },
    )
    .patch('/challenges/:id', ({ admin, params, body }) => a.challenges.editChallenge(admin, params.id, body), {
      params: idParams,
      body: challengeUpdateSchema,
      ...route('admin', 'Change any subset of a challenge’s fields (`timeWindow: null` clears the window)', { errors: ['NOT_FOUND'] }),
    })
    .get('/leaderboard', ({ admin, query }) => a.challenges.challengeLeaderboard(admin, query), {
      query: leaderboardQuerySchema,
      ...route('admin', 'Any challenge’s board, inactive ones too', { errors: ['NOT_FOUND'] }),
    })
    .get('/users', ({ admin, query }) => a.members.listMembers(admin, query), {
      query: userSearchSchema,
      ...route('admin', 'Members with per-member stats, searched by name, username or Telegram id'),
    })
    .get('/users/:id', ({ admin, params }) => a.members.memberDetail(admin, params.id), {
      params: idParams,
      ...route('admin', 'One member: memberships, streaks and recent results', { errors: ['NOT_FOUND'] }),
    })
    .post('/users/:id/ban', ({ admin, params, body }) => a.members.banMember(admin, params.id, body.reason), {
      params: idParams,
      body: banInputSchema,
      ...route('admin', 'Ban a member (their results leave the boards)', { errors: ['NOT_FOUND'] }),
    })
    .post('/users/:id/unban', ({ admin, params }) => a.members.unbanMember(admin, params.id), {
      params: idParams,
      ...route('admin', 'Lift a ban', { errors: ['NOT_FOUND'] }),
    })
    .delete('/submissions/:id', ({ admin, params }) => a.members.deleteSubmission(admin, params.id), {
      params: idParams,
      ...route('admin', 'Delete a result; the streak and boards are recomputed', { errors: ['NOT_FOUND'] }),
    })
    .put(
      '/users/:userId/challenges/:challengeId/streak',
      ({ admin, params, body }) => a.members.setMemberStreak(admin, params.userId, params.challengeId, body.current),
      { params: memberChallengeParams, body: setStreakSchema, ...route('admin', 'Set a member’s current streak', { errors: ['NOT_FOUND'] }) },
    )
    .put(
      '/users/:userId/challenges/:challengeId/results/:day',
      ({ admin, params, body }) => a.members.setMemberResult(admin, { ...params, ...body }),
      {
        params: memberChallengeParams.extend({ day: dayKeySchema }),
        body: memberResultInputSchema,
        ...route('admin', 'Add or replace a member’s result for today or a past day of a running challenge, with a reason; the streak and boards are recounted and the member is told by the bot', {
          errors: ['NOT_FOUND', 'NOT_JOINED', 'ALREADY_SUBMITTED'],
        }),
      },
    )
    // `:id`, not `:userId`: POST /users/:id/ban already names that path segment for this method.
    .post(
      '/users/:id/challenges/:challengeId/freezes',
      ({ admin, params }) => a.members.grantFreeze(admin, params.id, params.challengeId),
      {
        params: idParams.extend({ challengeId: idSchema }),
        ...route('admin', 'Grant a member one streak freeze in a challenge (at most 2 held); audited, the member is told by the bot', {
          errors: ['NOT_FOUND'],
        }),
      },
    )
    .delete(
      '/users/:userId/challenges/:challengeId',
      ({ admin, params }) => a.members.removeFromChallenge(admin, params.userId, params.challengeId),
      { params: memberChallengeParams, ...route('admin', 'Remove a member from a challenge', { errors: ['NOT_FOUND'] }) },
    )
    .get('/analytics', ({ admin, query }) => a.insights.analytics(admin, query.days), {
      query: analyticsQuerySchema,
      ...route('admin', 'Daily active members, popular challenges, recent winners'),
    })
    .get('/results', ({ admin, query }) => a.insights.results(admin, query), {
      query: resultsQuerySchema,
      ...route('admin', 'Written weekly or monthly results'),
    })
    .get(
      '/audit',
      ({ admin, query: { page, pageSize, ...filter } }) => a.audit.auditPage(admin, filter, page, pageSize),
      {
        query: auditPageSchema,
        ...route('admin', 'The audit log, newest first, with before → after and the admin’s and member’s names; filtered by action, acting admin, member and club days'),
      },
    )
    .use(adminAnnouncementRoutes(deps))
    .use(adminExportRoutes(deps))
    .use(adminClubChatRoutes(deps));
}
