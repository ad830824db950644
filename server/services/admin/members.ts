/** Member management and the manual fixes admins make; every change is audited. */
import { insertAudit } from '../../db/repositories/admins';
import { findChallenge } from '../../db/repositories/challenges';
import { endMembership, findMembership, membershipsOfUser, setStreak } from '../../db/repositories/memberships';
import { deleteSubmission as deleteSubmissionRow, findSubmission, findSubmissionOnDay, recentSubmissionsOfUser, totalsInRange } from '../../db/repositories/submissions';
import { findUserById, findUserByTelegramId, refreshEligibility, searchUsers, updateUser, userStats, type UserStatsRow } from '../../db/repositories/users';
import { ServiceError } from '../../domain/errors';
import { countsForStreak, overrideStreak, visibleCurrent } from '../../domain/streak';
import type { AdminUserDetailDto, AdminUserRowDto, PageDto } from '../../../shared/types';
import { refreshMemberOnBoards } from '../boards';
import { inTransaction, now, type ServiceContext } from '../context';
import { tellResultDeleted } from '../notices';
import { recountAfterChange } from '../recount';
import { recordChange } from '../../db/repositories/submissionChanges';
import { requireAdmin, type AdminActor } from './access';

function toRow(r: UserStatsRow): AdminUserRowDto {
  return {
    id: r.id,
    telegramId: r.telegramId,
    displayName: r.displayName,
    firstName: r.firstName,
    username: r.username,
    registered: r.registeredAt !== null,
    isBanned: r.isBanned,
    banReason: r.banReason,
    challenges: r.challenges,
    submissions: r.submissions,
    bestStreak: r.bestStreak,
    lastActiveAt: r.lastActiveAt === null ? null : new Date(r.lastActiveAt).toISOString(),
  };
}

export function listMembers(
  ctx: ServiceContext,
  actor: AdminActor,
  query: { q: string; page: number; pageSize: number },
): PageDto<AdminUserRowDto> {
  requireAdmin(ctx, actor.telegramId);
  const { rows, total } = searchUsers(ctx.db, query.q, query.page, query.pageSize);
  return { items: rows.map(toRow), total, page: query.page, pageSize: query.pageSize };
}

function requireUser(ctx: ServiceContext, userId: number) {
  const user = findUserById(ctx.db, userId);
  if (!user) throw new ServiceError('NOT_FOUND', 'No such member');
  return user;
}

export function memberDetail(ctx: ServiceContext, actor: AdminActor, userId: number): AdminUserDetailDto {
  requireAdmin(ctx, actor.telegramId);
  requireUser(ctx, userId);
  const day = now(ctx).day;
  const memberships = membershipsOfUser(ctx.db, userId, { currentOnly: false }).map(({ membership, challenge }) => {
    const totals = totalsInRange(ctx.db, userId, challenge.id, null, null);
    return {
      challengeId: challenge.id,
      title: challenge.title,
      emoji: challenge.emoji,
      joined: membership.isMember,
      current: visibleCurrent({ current: membership.currentStreak, best: membership.bestStreak, lastCountedDay: membership.lastCountedDay }, day),
      best: membership.bestStreak,
      total: totals.total,
      days: totals.days,
    };
  });
  const submissions = recentSubmissionsOfUser(ctx.db, userId, 500).map((s) => ({
    id: s.id,
    challengeId: s.challengeId,
    day: s.day,
    value: s.value,
    createdAt: new Date(s.createdAt).toISOString(),
  }));
  return { user: toRow(userStats(ctx.db, userId)!), memberships, submissions };
}

function setBan(ctx: ServiceContext, actor: AdminActor, userId: number, banned: boolean, reason: string): AdminUserRowDto {
  requireAdmin(ctx, actor.telegramId);
  if (banned && userId === findUserByTelegramId(ctx.db, actor.telegramId)?.id) {
    throw new ServiceError('BAD_REQUEST', 'Admins cannot ban themselves');
  }
  const row = inTransaction(ctx, (db) => {
    const before = requireUser(ctx, userId);
    updateUser(db, userId, { isBanned: banned, banReason: banned ? reason || null : null });
    refreshEligibility(db, userId);
    insertAudit(db, {
      actorTelegramId: actor.telegramId,
      action: banned ? 'user.ban' : 'user.unban',
      targetType: 'user',
      targetId: userId,
      before: { isBanned: before.isBanned, banReason: before.banReason },
      after: { isBanned: banned, banReason: banned ? reason || null : null },
      at: now(ctx).ms,
    });
    return toRow(userStats(db, userId)!);
  });
  refreshMemberOnBoards(ctx, userId); // the member leaves or rejoins every board they are on
  return row;
}

export const banMember = (ctx: ServiceContext, actor: AdminActor, userId: number, reason: string) =>
  setBan(ctx, actor, userId, true, reason);
export const unbanMember = (ctx: ServiceContext, actor: AdminActor, userId: number) => setBan(ctx, actor, userId, false, '');

/** Deletes one result; the streak and the four leaderboard rows it touched are recomputed. */
export function deleteSubmission(ctx: ServiceContext, actor: AdminActor, submissionId: number) {
  requireAdmin(ctx, actor.telegramId);
  const result = inTransaction(ctx, (db) => {
    const s = findSubmission(db, submissionId);
    if (!s) throw new ServiceError('NOT_FOUND', 'No such submission');
    const challenge = findChallenge(db, s.challengeId)!;
    deleteSubmissionRow(db, submissionId);
    recordChange(db, { submissionId, userId: s.userId, challengeId: s.challengeId, day: s.day, oldValue: s.value, newValue: null, by: 'admin', at: now(ctx).ms });
    const streak = recountAfterChange(db, s.userId, s.challengeId, s.day, challenge.target);
    insertAudit(db, {
      actorTelegramId: actor.telegramId,
      action: 'submission.delete',
      targetType: 'submission',
      targetId: submissionId,
      before: { userId: s.userId, challengeId: s.challengeId, day: s.day, value: s.value },
      after: streak ? { streak: { current: streak.current, best: streak.best } } : null,
      at: now(ctx).ms,
    });
    return {
      challengeId: s.challengeId,
      userId: s.userId,
      notice: { userId: s.userId, challengeId: s.challengeId, day: s.day, oldValue: s.value },
      response: { deleted: true as const, streak: streak ? { current: visibleCurrent(streak, now(ctx).day), best: streak.best } : null },
    };
  });
  refreshMemberOnBoards(ctx, result.userId, result.challengeId);
  tellResultDeleted(ctx, result.notice);
  return result.response;
}

export function setMemberStreak(ctx: ServiceContext, actor: AdminActor, userId: number, challengeId: number, current: number) {
  requireAdmin(ctx, actor.telegramId);
  return inTransaction(ctx, (db) => {
    const m = findMembership(db, userId, challengeId);
    if (!m) throw new ServiceError('NOT_FOUND', 'This member never joined this challenge');
    const t = now(ctx);
    const challenge = findChallenge(db, challengeId)!;
    const todays = findSubmissionOnDay(db, userId, challengeId, t.day);
    const before = { current: m.currentStreak, best: m.bestStreak, lastCountedDay: m.lastCountedDay };
    const after = overrideStreak(before, current, t.day, !!todays && countsForStreak(todays.value, challenge.target));
    setStreak(db, userId, challengeId, after);
    insertAudit(db, { actorTelegramId: actor.telegramId, action: 'streak.set', targetType: 'membership', targetId: `${userId}:${challengeId}`, before, after, at: t.ms });
    return { current: after.current, best: after.best };
  });
}

export function removeFromChallenge(ctx: ServiceContext, actor: AdminActor, userId: number, challengeId: number) {
  requireAdmin(ctx, actor.telegramId);
  const result = inTransaction(ctx, (db) => {
    const m = findMembership(db, userId, challengeId);
    if (!m) throw new ServiceError('NOT_FOUND', 'This member never joined this challenge');
    const t = now(ctx);
    endMembership(db, userId, challengeId, t.ms);
    refreshEligibility(db, userId, challengeId);
    insertAudit(db, { actorTelegramId: actor.telegramId, action: 'membership.remove', targetType: 'membership', targetId: `${userId}:${challengeId}`, before: { isMember: m.isMember }, after: { isMember: false }, at: t.ms });
    return { joined: false as const };
  });
  refreshMemberOnBoards(ctx, userId, challengeId);
  return result;
}
