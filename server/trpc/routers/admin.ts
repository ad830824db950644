/** Admin procedures: the admin panel's door to the services. */
import { z } from 'zod';
import {
  analyticsQuerySchema,
  banInputSchema,
  challengeCreateSchema,
  challengeUpdateSchema,
  idSchema,
  leaderboardQuerySchema,
  resultsQuerySchema,
  setStreakSchema,
  dayKeySchema,
  memberResultInputSchema,
  userSearchSchema,
} from '../../../shared/schemas';
import { auditPageSchema } from '../../../shared/audit';
import { announcementInputSchema } from '../../../shared/announcements';
import { adminProcedure, router } from '../init';

const userRef = z.object({ userId: idSchema }).strict();
const membershipRef = z.object({ userId: idSchema, challengeId: idSchema }).strict();

export const adminRouter = router({
  me: adminProcedure.query(({ ctx }) => ctx.actor),
  challenges: router({
    list: adminProcedure.query(({ ctx }) => ctx.services.admin.challenges.listAllChallenges(ctx.actor)),
    create: adminProcedure
      .input(challengeCreateSchema)
      .mutation(({ ctx, input }) => ctx.services.admin.challenges.createChallenge(ctx.actor, input)),
    update: adminProcedure
      .input(z.object({ id: idSchema, patch: challengeUpdateSchema }).strict())
      .mutation(({ ctx, input }) => ctx.services.admin.challenges.editChallenge(ctx.actor, input.id, input.patch)),
    leaderboard: adminProcedure
      .input(leaderboardQuerySchema)
      .query(({ ctx, input }) => ctx.services.admin.challenges.challengeLeaderboard(ctx.actor, input)),
  }),
  users: router({
    list: adminProcedure
      .input(userSearchSchema)
      .query(({ ctx, input }) => ctx.services.admin.members.listMembers(ctx.actor, input)),
    get: adminProcedure.input(userRef).query(({ ctx, input }) => ctx.services.admin.members.memberDetail(ctx.actor, input.userId)),
    ban: adminProcedure
      .input(userRef.extend(banInputSchema.shape))
      .mutation(({ ctx, input }) => ctx.services.admin.members.banMember(ctx.actor, input.userId, input.reason)),
    unban: adminProcedure.input(userRef).mutation(({ ctx, input }) => ctx.services.admin.members.unbanMember(ctx.actor, input.userId)),
    setStreak: adminProcedure
      .input(membershipRef.extend(setStreakSchema.shape))
      .mutation(({ ctx, input }) =>
        ctx.services.admin.members.setMemberStreak(ctx.actor, input.userId, input.challengeId, input.current),
      ),
    setResult: adminProcedure
      .input(membershipRef.extend({ day: dayKeySchema }).extend(memberResultInputSchema.shape))
      .mutation(({ ctx, input }) => ctx.services.admin.members.setMemberResult(ctx.actor, input)),
    grantFreeze: adminProcedure
      .input(membershipRef)
      .mutation(({ ctx, input }) => ctx.services.admin.members.grantFreeze(ctx.actor, input.userId, input.challengeId)),
    removeFromChallenge: adminProcedure
      .input(membershipRef)
      .mutation(({ ctx, input }) => ctx.services.admin.members.removeFromChallenge(ctx.actor, input.userId, input.challengeId)),
    /** Who invited the member, and whom they invited. */
    invitations: adminProcedure.input(userRef).query(({ ctx, input }) => ctx.services.invitations.memberInvitations(ctx.actor, input.userId)),
  }),
  submissions: router({
    delete: adminProcedure
      .input(z.object({ submissionId: idSchema }).strict())
      .mutation(({ ctx, input }) => ctx.services.admin.members.deleteSubmission(ctx.actor, input.submissionId)),
  }),
  analytics: adminProcedure
    .input(analyticsQuerySchema)
    .query(({ ctx, input }) => ctx.services.admin.insights.analytics(ctx.actor, input.days)),
  results: adminProcedure
    .input(resultsQuerySchema)
    .query(({ ctx, input }) => ctx.services.admin.insights.results(ctx.actor, input)),
  audit: adminProcedure
    .input(auditPageSchema)
    .query(({ ctx, input }) => {
      const { page, pageSize, ...filter } = input;
      return ctx.services.admin.audit.auditPage(ctx.actor, filter, page, pageSize);
    }),
  auditActions: adminProcedure.query(({ ctx }) => ctx.services.admin.audit.auditActionList(ctx.actor)),
  announcements: router({
    create: adminProcedure.input(announcementInputSchema).mutation(({ ctx, input }) => ctx.services.admin.announcements.createAnnouncement(ctx.actor, input)),
    get: adminProcedure.input(z.object({ id: idSchema }).strict()).query(({ ctx, input }) => ctx.services.admin.announcements.announcementStatus(ctx.actor, input.id)),
    list: adminProcedure.query(({ ctx }) => ctx.services.admin.announcements.recentAnnouncements(ctx.actor)),
  }),
  admins: router({
    list: adminProcedure.query(({ ctx }) => ctx.services.admin.access.listAdminUsers(ctx.actor)),
    add: adminProcedure
      .input(z.object({ telegramId: idSchema, role: z.enum(['owner', 'admin']).default('admin') }).strict())
      .mutation(({ ctx, input }) => ctx.services.admin.access.addAdmin(ctx.actor, input.telegramId, input.role)),
    remove: adminProcedure
      .input(z.object({ telegramId: idSchema }).strict())
      .mutation(({ ctx, input }) => ctx.services.admin.access.removeAdmin(ctx.actor, input.telegramId)),
  }),
});
