/** Who may administer the club: admin_users rows, owners seeded from ADMIN_TELEGRAM_IDS. */
import type { AdminRow } from '../../db/repositories/admins';
import { ServiceError } from '../../domain/errors';
import { isBanned } from '../../domain/members';
import { now, write, type ServiceContext } from '../context';
import type { Repositories } from '../store';

export interface AdminActor {
  telegramId: number;
  role: 'owner' | 'admin';
}

/**
 * Checked on every request, so a removed or banned admin loses access at once.
 * Banned means the member row of the same Telegram id is banned. Inside a transaction, pass
 * its repositories as `repos`.
 */
export async function requireAdmin(ctx: ServiceContext, telegramId: number, repos?: Repositories): Promise<AdminActor> {
  const admin = await (repos ?? ctx.store.repos).admins.findAdmin(telegramId);
  const member = repos ? await repos.users.findUserByTelegramId(telegramId) : await ctx.readModel.member(telegramId);
  if (!admin || (member && isBanned(member))) throw new ServiceError('FORBIDDEN', 'Admins only');
  return { telegramId: admin.telegramId, role: admin.role };
}

export async function isAdmin(ctx: ServiceContext, telegramId: number): Promise<boolean> {
  try {
    await requireAdmin(ctx, telegramId);
    return true;
  } catch {
    return false;
  }
}

export function seedOwners(ctx: ServiceContext, telegramIds: number[]): Promise<void> {
  return write(ctx, async (tx) => {
    for (const id of telegramIds) {
      if ((await tx.admins.findAdmin(id))?.role !== 'owner') await tx.admins.upsertAdmin(id, 'owner', null, now(ctx).ms);
    }
  });
}

export async function listAdminUsers(ctx: ServiceContext, actor: AdminActor): Promise<(AdminRow & { displayName: string | null })[]> {
  await requireAdmin(ctx, actor.telegramId);
  const out = [];
  for (const a of await ctx.store.repos.admins.listAdmins()) {
    out.push({ ...a, displayName: (await ctx.readModel.member(a.telegramId))?.displayName ?? null });
  }
  return out;
}

async function requireOwner(ctx: ServiceContext, actor: AdminActor): Promise<void> {
  if ((await requireAdmin(ctx, actor.telegramId)).role !== 'owner') throw new ServiceError('FORBIDDEN', 'Owners only');
}

export async function addAdmin(ctx: ServiceContext, actor: AdminActor, telegramId: number, role: 'owner' | 'admin'): Promise<AdminRow> {
  await requireOwner(ctx, actor);
  return write(ctx, async (tx) => {
    const before = await tx.admins.findAdmin(telegramId);
    const row = await tx.admins.upsertAdmin(telegramId, role, actor.telegramId, now(ctx).ms);
    await tx.admins.insertAudit({
      actorTelegramId: actor.telegramId,
      action: 'admin.add',
      targetType: 'admin',
      targetId: telegramId,
      before: before ? { role: before.role } : null,
      after: { role },
      at: now(ctx).ms,
    });
    return row;
  });
}

export async function removeAdmin(ctx: ServiceContext, actor: AdminActor, telegramId: number): Promise<void> {
  await requireOwner(ctx, actor);
  if (telegramId === actor.telegramId) throw new ServiceError('BAD_REQUEST', 'Owners cannot remove themselves');
  await write(ctx, async (tx) => {
    const before = await tx.admins.findAdmin(telegramId);
    if (!before) throw new ServiceError('NOT_FOUND', 'No such admin');
    await tx.admins.deleteAdmin(telegramId);
    await tx.admins.insertAudit({
      actorTelegramId: actor.telegramId,
      action: 'admin.remove',
      targetType: 'admin',
      targetId: telegramId,
      before: { role: before.role },
      after: null,
      at: now(ctx).ms,
    });
  });
}
