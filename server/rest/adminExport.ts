/**
 * CSV exports for admins: members, submissions, a leaderboard, the (filtered) audit log. UTF-8 with a BOM (Excel opens
 * Cyrillic and Uzbek names correctly), RFC 4180 quoting, and text cells that a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR) prefixed with an apostrophe.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import { authenticateAdmin, type AuthDeps } from '../auth/requestAuth';
import { exportLeaderboard, exportMembers, exportSubmissions } from '../services/admin/exports';
import { auditForExport } from '../services/admin/auditView';
import { auditFilterSchema } from '../../shared/audit';
import { dayKeySchema, idSchema, leaderboardTypeSchema } from '../../shared/schemas';
import { readQuery } from './errors';

type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function csvResponse(filename: string, body: string): Response {
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

const submissionsQuery = z
  .object({ challengeId: idSchema.optional(), from: dayKeySchema.optional(), to: dayKeySchema.optional() })
  .strict();
const leaderboardQuery = z.object({ challengeId: idSchema, type: leaderboardTypeSchema.default('all') }).strict();

export function adminExportRoutes(deps: AuthDeps) {
  const ctx = deps.services.ctx;
  const actorOf = (request: Request) => authenticateAdmin(deps, request);
  const stamp = () => deps.clock.now().toISOString().slice(0, 10);

  return new Elysia({ name: 'rest-admin-export' })
    .get('/api/admin/export/members.csv', ({ request }) => {
      const rows = exportMembers(ctx, actorOf(request));
      return csvResponse(
        `qadam-members-${stamp()}.csv`,
        toCsv(
          ['id', 'telegram_id', 'display_name', 'first_name', 'last_name', 'username', 'language', 'registered_at', 'banned', 'ban_reason', 'last_active_at', 'challenges', 'submissions', 'best_streak'],
          rows.map((r) => [r.id, r.telegramId, r.displayName, r.firstName, r.lastName, r.username, r.language, iso(r.registeredAt), r.isBanned, r.banReason, iso(r.lastActiveAt), r.challenges, r.submissions, r.bestStreak]),
        ),
      );
    })
    .get('/api/admin/export/submissions.csv', ({ request, query }) => {
      const actor = actorOf(request);
      const filter = readQuery(query, submissionsQuery);
      const rows = exportSubmissions(ctx, actor, filter);
      const suffix = filter.challengeId ? `-challenge-${filter.challengeId}` : '';
      return csvResponse(
        `qadam-submissions${suffix}-${stamp()}.csv`,
        toCsv(
          ['id', 'day', 'submitted_at', 'challenge_id', 'challenge', 'unit', 'user_id', 'telegram_id', 'display_name', 'value'],
          rows.map((r) => [r.id, r.day, iso(r.createdAt), r.challengeId, r.challengeTitle, r.unit, r.userId, r.telegramId, r.displayName, r.value]),
        ),
      );
    })
    .get('/api/admin/export/leaderboard.csv', ({ request, query }) => {
      const actor = actorOf(request);
      const { challengeId, type } = readQuery(query, leaderboardQuery);
      const { period, rows } = exportLeaderboard(ctx, actor, challengeId, type);
      return csvResponse(
        `qadam-leaderboard-${challengeId}-${type}-${period.to}.csv`,
        toCsv(
          ['rank', 'user_id', 'display_name', 'total', 'days', 'period_from', 'period_to'],
          rows.map((r) => [r.rank, r.userId, r.displayName, r.total, r.days, period.from, period.to]),
        ),
      );
    })
    .get('/api/admin/export/audit.csv', async ({ request, query }) => {
      const actor = actorOf(request);
      const filter = readQuery(query, auditFilterSchema);
      const entries = await auditForExport(ctx, actor, filter);
      const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
      return csvResponse(
        `qadam-audit-${stamp()}.csv`,
        toCsv(
          ['id', 'at', 'actor_telegram_id', 'actor_name', 'action', 'target_type', 'target_id', 'member_id', 'member_name', 'member_telegram_id', 'before', 'after'],
          entries.map((e) => [e.id, e.createdAt, e.actorTelegramId, e.actorName, e.action, e.targetType, e.targetId, e.member?.id, e.member?.name, e.member?.telegramId, json(e.before), json(e.after)]),
        ),
      );
    });
}
