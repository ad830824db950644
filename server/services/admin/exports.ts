/** Data behind the admin CSV exports; each export is recorded in the audit log. */
import type { LeaderboardType } from '../../../shared/schemas';
import { now, write, type ServiceContext } from '../context';
import { fullRanking, leaderboard } from '../leaderboard';
import { requireAdmin, type AdminActor } from './access';

function audit(ctx: ServiceContext, actor: AdminActor, what: string, filter: Record<string, unknown>, rows: number): Promise<void> {
  return write(ctx, (tx) =>
    tx.admins.insertAudit({ actorTelegramId: actor.telegramId, action: 'export.csv', targetType: 'export', targetId: what, after: { ...filter, rows }, at: now(ctx).ms }),
  );
}

export async function exportMembers(ctx: ServiceContext, actor: AdminActor) {
  await requireAdmin(ctx, actor.telegramId);
  await ctx.activity.flush(); // "last active" as of now
  const rows = await ctx.store.repos.users.allUserStats();
  await audit(ctx, actor, 'members', {}, rows.length);
  return rows;
}

export async function exportSubmissions(ctx: ServiceContext, actor: AdminActor, filter: { challengeId?: number; from?: string; to?: string }) {
  await requireAdmin(ctx, actor.telegramId);
  const rows = await ctx.store.repos.exports.submissionsForExport(filter);
  await audit(ctx, actor, 'submissions', filter, rows.length);
  return rows;
}

export async function exportLeaderboard(ctx: ServiceContext, actor: AdminActor, challengeId: number, type: LeaderboardType) {
  await requireAdmin(ctx, actor.telegramId);
  // Validates the challenge (inactive ones included) and names the period.
  const { period } = await leaderboard(ctx, { challengeId, type, limit: 1 }, null, { activeOnly: false });
  const rows = await fullRanking(ctx, challengeId, type);
  await audit(ctx, actor, 'leaderboard', { challengeId, type }, rows.length);
  return { period, rows };
}
