/**
 * CSV exports for admins: members, submissions, a leaderboard, the (filtered) audit log. UTF-8 with a BOM (Excel opens
 * Cyrillic and Uzbek names correctly), RFC 4180 quoting, and text cells that a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR) prefixed with an apostrophe.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import type { AuthDeps } from '../auth/requestAuth';
import { auditFilterSchema } from '../../shared/audit';
import { dayKeySchema, idSchema, leaderboardTypeSchema } from '../../shared/schemas';
import { adminAuth } from './auth';
import { dropEmptyQueryValues, readJsonBody } from './body';
import { route } from './openapi';

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

/** Mounted inside the admin group (`/api/admin/export/*`). */
export function adminExportRoutes(deps: AuthDeps) {
  const exports = deps.services.admin.exports;
  const stamp = () => deps.clock.now().toISOString().slice(0, 10);
  const csv = (summary: string) => {
    const doc = route('exports', summary);
    doc.detail.responses['200'] = { description: 'CSV, UTF-8 with a byte-order mark' };
    return doc;
  };

  return new Elysia({ name: 'rest-admin-export', prefix: '/export' })
    .use(adminAuth(deps))
    .onParse(readJsonBody)
    .onTransform(dropEmptyQueryValues)
    .get('/members.csv', async ({ admin }) => {
      const rows = await exports.exportMembers(admin);
      return csvResponse(
        `qadam-members-${stamp()}.csv`,
        toCsv(
          ['id', 'telegram_id', 'display_name', 'first_name', 'last_name', 'username', 'language', 'registered_at', 'banned', 'ban_reason', 'last_active_at', 'challenges', 'submissions', 'best_streak'],
          rows.map((r) => [r.id, r.telegramId, r.displayName, r.firstName, r.lastName, r.username, r.language, iso(r.registeredAt), r.isBanned, r.banReason, iso(r.lastActiveAt), r.challenges, r.submissions, r.bestStreak]),
        ),
      );
    }, csv('Every member with stats'))
    .get('/submissions.csv', async ({ admin, query: filter }) => {
      const rows = await exports.exportSubmissions(admin, filter);
      const suffix = filter.challengeId ? `-challenge-${filter.challengeId}` : '';
      return csvResponse(
        `qadam-submissions${suffix}-${stamp()}.csv`,
        toCsv(
          ['id', 'day', 'submitted_at', 'challenge_id', 'challenge', 'unit', 'user_id', 'telegram_id', 'display_name', 'value'],
          rows.map((r) => [r.id, r.day, iso(r.createdAt), r.challengeId, r.challengeTitle, r.unit, r.userId, r.telegramId, r.displayName, r.value]),
        ),
      );
    }, { query: submissionsQuery, ...csv('Results, filtered by challenge and days') })
    .get('/leaderboard.csv', async ({ admin, query: { challengeId, type } }) => {
      const { period, rows } = await exports.exportLeaderboard(admin, challengeId, type);
      return csvResponse(
        `qadam-leaderboard-${challengeId}-${type}-${period.to}.csv`,
        toCsv(
          ['rank', 'user_id', 'display_name', 'total', 'days', 'period_from', 'period_to'],
          rows.map((r) => [r.rank, r.userId, r.displayName, r.total, r.days, period.from, period.to]),
        ),
      );
    }, { query: leaderboardQuery, ...csv('One board of one challenge') })
    .get('/audit.csv', async ({ admin, query: filter }) => {
      const entries = await deps.services.admin.audit.auditForExport(admin, filter);
      const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
      return csvResponse(
        `qadam-audit-${stamp()}.csv`,
        toCsv(
          ['id', 'at', 'actor_telegram_id', 'actor_name', 'action', 'target_type', 'target_id', 'member_id', 'member_name', 'member_telegram_id', 'before', 'after'],
          entries.map((e) => [e.id, e.createdAt, e.actorTelegramId, e.actorName, e.action, e.targetType, e.targetId, e.member?.id, e.member?.name, e.member?.telegramId, json(e.before), json(e.after)]),
        ),
      );
    }, { query: auditFilterSchema, ...csv('The audit log as filtered (same filters as the audit route); the export is itself audited') });
}
