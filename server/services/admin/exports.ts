/** Data behind the admin CSV exports; each export is recorded in the audit log. */
import { insertAudit } from '../../db/repositories/admins';
import { submissionsForExport } from '../../db/repositories/exports';
import { allUserStats } from '../../db/repositories/users';
import type { LeaderboardType } from '../../../shared/schemas';
import { now, type ServiceContext } from '../context';
import { fullRanking, leaderboard } from '../leaderboard';
import { requireAdmin, type AdminActor } from './access';

function audit(ctx: ServiceContext, actor: AdminActor, what: string, filter: Record<string, unknown>, rows: number) {
  insertAudit(ctx.db, { actorTelegramId: actor.telegramId, action: 'export.csv', targetType: 'export', targetId: what, after: { ...filter, rows }, at: now(ctx).ms });
}

export function exportMembers(ctx: ServiceContext, actor: AdminActor) {
  requireAdmin(ctx, actor.telegramId);
  const rows = allUserStats(ctx.db);
  audit(ctx, actor, 'members', {}, rows.length);
  return rows;
}

export function exportSubmissions(ctx: ServiceContext, actor: AdminActor, filter: { challengeId?: number; from?: string; to?: string }) {
  requireAdmin(ctx, actor.telegramId);
  const rows = submissionsForExport(ctx.db, filter);
  audit(ctx, actor, 'submissions', filter, rows.length);
  return rows;
}

export function exportLeaderboard(ctx: ServiceContext, actor: AdminActor, challengeId: number, type: LeaderboardType) {
  requireAdmin(ctx, actor.telegramId);
  // Validates the challenge (inactive ones included) and names the period.
  const { period } = leaderboard(ctx, { challengeId, type, limit: 1 }, null, { activeOnly: false });
  const rows = fullRanking(ctx, challengeId, type);
  audit(ctx, actor, 'leaderboard', { challengeId, type }, rows.length);
  return { period, rows };
}
