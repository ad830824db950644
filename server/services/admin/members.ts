/** Member management and the manual fixes admins make; every change is audited. */
import type { UserStatsRow } from '../../db/repositories/users';
import { ServiceError } from '../../domain/errors';
import { isRegistered } from '../../domain/members';
import { countsForStreak, overrideStreak, visibleCurrent } from '../../domain/streak';
import type { AdminUserDetailDto, AdminUserRowDto, PageDto } from '../../../shared/types';
import { now, write, type ServiceContext } from '../context';
import { toBadgeDto } from '../mappers';
import { tellResultChanged } from '../notices';
import { recountAfterChange } from '../recount';
import type { Repositories } from '../store';
import { requireAdmin, type AdminActor } from './access';

function toRow(r: UserStatsRow): AdminUserRowDto {
  return {
    id: r.id,
    telegramId: r.telegramId,
    displayName: r.displayName,
    firstName: r.firstName,
    username: r.username,
    registered: isRegistered(r),
    isBanned: r.isBanned,
    banReason: r.banReason,
    challenges: r.challenges,
    submissions: r.submissions,
    bestStreak: r.bestStreak,
    lastActiveAt: r.lastActiveAt === null ? null : new Date(r.lastActiveAt).toISOString(),
    invited: r.invited,
  };
}

export async function listMembers(
  ctx: ServiceContext,
  actor: AdminActor,
  query: { q: string; page: number; pageSize: number },
): Promise<PageDto<AdminUserRowDto>> {
  await requireAdmin(ctx, actor.telegramId);
  await ctx.activity.flush(); // "last active" as of now, not of the last timed flush
  const { rows, total } = await ctx.store.repos.users.searchUsers(query.q, query.page, query.pageSize);
  return { items: rows.map(toRow), total, page: query.page, pageSize: query.pageSize };
}

async function requireUser(repos: Repositories, userId: number) {
  const user = await repos.users.findUserById(userId);
  if (!user) throw new ServiceError('NOT_FOUND', 'No such member');
  return user;
}

export async function memberDetail(ctx: ServiceContext, actor: AdminActor, userId: number): Promise<AdminUserDetailDto> {
  await requireAdmin(ctx, actor.telegramId);
  const { repos } = ctx.store;
  await requireUser(repos, userId);
  const day = now(ctx).day;
  const memberships = [];
  for (const { membership, challenge } of await repos.memberships.membershipsOfUser(userId, { currentOnly: false })) {
    const totals = await repos.submissions.totalsInRange(userId, challenge.id, null, null);
    memberships.push({
      challengeId: challenge.id,
      title: challenge.title,
      emoji: challenge.emoji,
      joined: membership.isMember,
      current: visibleCurrent({ current: membership.currentStreak, best: membership.bestStreak, lastCountedDay: membership.lastCountedDay }, day, membership.freezes),
      best: membership.bestStreak,
      total: totals.total,
      days: totals.days,
      freezes: membership.freezes,
    });
  }
  const submissions = (await repos.submissions.recentSubmissionsOfUser(userId, 500)).map((s) => ({
    id: s.id,
    challengeId: s.challengeId,
    day: s.day,
    value: s.value,
    createdAt: new Date(s.createdAt).toISOString(),
  }));
  const badges = (await repos.badges.badgesOfUser(userId)).map(toBadgeDto);
  return { user: toRow((await repos.users.userStats(userId))!), memberships, badges, submissions };
}

async function setBan(ctx: ServiceContext, actor: AdminActor, userId: number, banned: boolean, reason: string): Promise<AdminUserRowDto> {
  await requireAdmin(ctx, actor.telegramId);
  if (banned && userId === (await ctx.readModel.member(actor.telegramId))?.id) {
    throw new ServiceError('BAD_REQUEST', 'Admins cannot ban themselves');
  }
  return write(ctx, async (tx, emit) => {
    const before = await requireUser(tx, userId);
    await tx.users.updateUser(userId, { isBanned: banned, banReason: banned ? reason || null : null });
    await tx.leaderboard.recountParticipantsOf(userId);
    await tx.admins.insertAudit({
      actorTelegramId: actor.telegramId,
      action: banned ? 'user.ban' : 'user.unban',
      targetType: 'user',
      targetId: userId,
      before: { isBanned: before.isBanned, banReason: before.banReason },
      after: { isBanned: banned, banReason: banned ? reason || null : null },
      at: now(ctx).ms,
    });
    emit({ type: 'ban.changed', userId, telegramId: before.telegramId, banned });
    return toRow((await tx.users.userStats(userId))!);
  });
}

export const banMember = (ctx: ServiceContext, actor: AdminActor, userId: number, reason: string) =>
  setBan(ctx, actor, userId, true, reason);
export const unbanMember = (ctx: ServiceContext, actor: AdminActor, userId: number) => setBan(ctx, actor, userId, false, '');

/** Deletes one result; the streak and the four leaderboard rows it touched are recomputed. */
export async function deleteSubmission(ctx: ServiceContext, actor: AdminActor, submissionId: number) {
  await requireAdmin(ctx, actor.telegramId);
  const { notice, ...response } = await write(ctx, async (tx, emit) => {
    const s = await tx.submissions.findSubmission(submissionId);
    if (!s) throw new ServiceError('NOT_FOUND', 'No such submission');
    const challenge = (await tx.challenges.findChallenge(s.challengeId))!;
    await tx.submissions.deleteSubmission(submissionId);
    await tx.submissionChanges.recordChange({ submissionId, userId: s.userId, challengeId: s.challengeId, day: s.day, oldValue: s.value, newValue: null, by: 'admin', at: now(ctx).ms });
    const { streak } = await recountAfterChange(tx, s.userId, s.challengeId, s.day, challenge.target, { emit, at: now(ctx).ms });
    await tx.admins.insertAudit({
      actorTelegramId: actor.telegramId,
      action: 'submission.delete',
      targetType: 'submission',
      targetId: submissionId,
      before: { userId: s.userId, challengeId: s.challengeId, day: s.day, value: s.value },
      after: streak ? { streak: { current: streak.current, best: streak.best } } : null,
      at: now(ctx).ms,
    });
    emit({ type: 'result.deleted', userId: s.userId, challengeId: s.challengeId });
    return {
      deleted: true as const,
      streak: streak ? { current: visibleCurrent(streak, now(ctx).day), best: streak.best } : null,
      notice: { kind: 'result-deleted' as const, userId: s.userId, challengeId: s.challengeId, day: s.day, oldValue: s.value },
    };
  });
  // Committed: the member hears about it from the bot, in their language.
  await tellResultChanged(ctx, notice);
  return response;
}

export async function setMemberStreak(ctx: ServiceContext, actor: AdminActor, userId: number, challengeId: number, current: number) {
  await requireAdmin(ctx, actor.telegramId);
  return write(ctx, async (tx, emit) => {
    const m = await tx.memberships.findMembership(userId, challengeId);
    if (!m) throw new ServiceError('NOT_FOUND', 'This member never joined this challenge');
    const when = now(ctx);
    const challenge = (await tx.challenges.findChallenge(challengeId))!;
    const todays = await tx.submissions.findSubmissionOnDay(userId, challengeId, when.day);
    const before = { current: m.currentStreak, best: m.bestStreak, lastCountedDay: m.lastCountedDay };
    const after = overrideStreak(before, current, when.day, !!todays && countsForStreak(todays.value, challenge.target));
    await tx.memberships.setStreak(userId, challengeId, after);
    emit({ type: 'streak.set', userId, challengeId });
    await tx.admins.insertAudit({ actorTelegramId: actor.telegramId, action: 'streak.set', targetType: 'membership', targetId: `${userId}:${challengeId}`, before, after, at: when.ms });
    return { current: after.current, best: after.best };
  });
}

export async function removeFromChallenge(ctx: ServiceContext, actor: AdminActor, userId: number, challengeId: number) {
  await requireAdmin(ctx, actor.telegramId);
  return write(ctx, async (tx, emit) => {
    const m = await tx.memberships.findMembership(userId, challengeId);
    if (!m) throw new ServiceError('NOT_FOUND', 'This member never joined this challenge');
    const when = now(ctx);
    await tx.memberships.endMembership(userId, challengeId, when.ms);
    await tx.leaderboard.recountParticipantsOf(userId, challengeId);
    await tx.admins.insertAudit({ actorTelegramId: actor.telegramId, action: 'membership.remove', targetType: 'membership', targetId: `${userId}:${challengeId}`, before: { isMember: m.isMember }, after: { isMember: false }, at: when.ms });
    emit({ type: 'membership.changed', userId, challengeId, isMember: false });
    return { joined: false as const };
  });
}
