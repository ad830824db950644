/**
 * The audit log as admins read it: filtered by action, actor, member and club days, with the
 * acting admin's and the member's names resolved, and the same filtered view as CSV rows.
 */
import type { AuditQuery, AuditRow } from '../../db/repositories/audit';
import { addDays, dayStartMs } from '../../domain/clubTime';
import type { AuditFilter, AuditViewEntryDto } from '../../../shared/audit';
import type { PageDto } from '../../../shared/types';
import { now, write, type ServiceContext } from '../context';
import { requireAdmin, type AdminActor } from './access';

/** The most rows one CSV holds; narrow the filter for more. */
export const AUDIT_CSV_LIMIT = 20_000;

function queryOf(ctx: ServiceContext, f: AuditFilter): AuditQuery {
  return {
    action: f.action,
    actorTelegramId: f.actor,
    userId: f.userId,
    fromMs: f.from ? dayStartMs(f.from, ctx.timeZone) : undefined,
    toMs: f.to ? dayStartMs(addDays(f.to, 1), ctx.timeZone) : undefined,
  };
}

const parse = (json: string | null): unknown => (json === null ? null : (JSON.parse(json) as unknown));

/** The member an entry is about: its target, a membership's member or a deleted submission's. */
function memberIdOf(row: AuditRow, before: unknown): number | null {
  if (row.targetType === 'user') return Number(row.targetId) || null;
  if (row.targetType === 'membership') return Number(row.targetId.split(':')[0]) || null;
  if (row.targetType === 'submission' && typeof before === 'object' && before !== null) {
    const id = (before as { userId?: unknown }).userId;
    return typeof id === 'number' ? id : null;
  }
  return null;
}

async function view(ctx: ServiceContext, rows: AuditRow[]): Promise<AuditViewEntryDto[]> {
  const { repos } = ctx.store;
  const parsed = rows.map((r) => ({ row: r, before: parse(r.before), after: parse(r.after) }));
  const memberIds = parsed.map((p) => memberIdOf(p.row, p.before)).filter((id): id is number => id !== null);
  const members = await repos.audit.membersById([...new Set(memberIds)]);
  const actors = await repos.audit.namesByTelegramId([...new Set(rows.map((r) => r.actorTelegramId))]);
  return parsed.map(({ row, before, after }) => {
    const memberId = memberIdOf(row, before);
    const member = memberId === null ? undefined : members.get(memberId);
    return {
      id: row.id,
      actorTelegramId: row.actorTelegramId,
      actorName: actors.get(row.actorTelegramId) ?? null,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      member: memberId !== null && member ? { id: memberId, name: member.name, telegramId: member.telegramId } : null,
      before,
      after,
      createdAt: new Date(row.createdAt).toISOString(),
    };
  });
}

export async function auditPage(
  ctx: ServiceContext,
  actor: AdminActor,
  filter: AuditFilter,
  page: number,
  pageSize: number,
): Promise<PageDto<AuditViewEntryDto>> {
  await requireAdmin(ctx, actor.telegramId);
  const { rows, total } = await ctx.store.repos.audit.findAudit(queryOf(ctx, filter), page, pageSize);
  return { items: await view(ctx, rows), total, page, pageSize };
}

export async function auditActionList(ctx: ServiceContext, actor: AdminActor): Promise<string[]> {
  await requireAdmin(ctx, actor.telegramId);
  return ctx.store.repos.audit.auditActions();
}

/** The filtered view for a CSV (newest first, at most AUDIT_CSV_LIMIT rows); the export is audited. */
export async function auditForExport(ctx: ServiceContext, actor: AdminActor, filter: AuditFilter): Promise<AuditViewEntryDto[]> {
  await requireAdmin(ctx, actor.telegramId);
  const { rows } = await ctx.store.repos.audit.findAudit(queryOf(ctx, filter), 1, AUDIT_CSV_LIMIT);
  const entries = await view(ctx, rows);
  const recorded = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  const at = now(ctx).ms;
  await write(ctx, (tx) => tx.admins.insertAudit({ actorTelegramId: actor.telegramId, action: 'export.csv', targetType: 'export', targetId: 'audit', after: { ...recorded, rows: entries.length }, at }));
  return entries;
}

/** Remembers an admin's Telegram name (from the bot's /admin or a Telegram sign-in) for the log. */
export async function rememberAdminName(ctx: ServiceContext, telegramId: number, firstName: string, lastName: string | null): Promise<void> {
  const name = [firstName, lastName].filter(Boolean).join(' ').trim().slice(0, 128);
  if (name) await ctx.store.repos.audit.setAdminName(telegramId, name);
}
