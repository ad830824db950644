/** Who may administer the club: admin_users rows, owners seeded from ADMIN_TELEGRAM_IDS. */
import { deleteAdmin, findAdmin, insertAudit, listAdmins, upsertAdmin, type AdminRow } from '../../db/repositories/admins';
import { findUserByTelegramId } from '../../db/repositories/users';
import { ServiceError } from '../../domain/errors';
import { inTransaction, now, type ServiceContext } from '../context';

export interface AdminActor {
  telegramId: number;
  role: 'owner' | 'admin';
}

/**
 * Checked on every request, so a removed or banned admin loses access at once.
 * Banned means the member row of the same Telegram id is banned.
 */
export function requireAdmin(ctx: ServiceContext, telegramId: number): AdminActor {
  const admin = findAdmin(ctx.db, telegramId);
  if (!admin || findUserByTelegramId(ctx.db, telegramId)?.isBanned) {
    throw new ServiceError('FORBIDDEN', 'Admins only');
  }
  return { telegramId: admin.telegramId, role: admin.role };
}

export function isAdmin(ctx: ServiceContext, telegramId: number): boolean {
  try {
    requireAdmin(ctx, telegramId);
    return true;
  } catch {
    return false;
  }
}

export function seedOwners(ctx: ServiceContext, telegramIds: number[]): void {
  inTransaction(ctx, (db) => {
    for (const id of telegramIds) {
      if (findAdmin(db, id)?.role !== 'owner') upsertAdmin(db, id, 'owner', null, now(ctx).ms);
    }
  });
}

export function listAdminUsers(ctx: ServiceContext, actor: AdminActor): (AdminRow & { displayName: string | null })[] {
  requireAdmin(ctx, actor.telegramId);
  return listAdmins(ctx.db).map((a) => ({ ...a, displayName: findUserByTelegramId(ctx.db, a.telegramId)?.displayName ?? null }));
}

function requireOwner(ctx: ServiceContext, actor: AdminActor): void {
  if (requireAdmin(ctx, actor.telegramId).role !== 'owner') throw new ServiceError('FORBIDDEN', 'Owners only');
}

export function addAdmin(ctx: ServiceContext, actor: AdminActor, telegramId: number, role: 'owner' | 'admin'): AdminRow {
  requireOwner(ctx, actor);
  return inTransaction(ctx, (db) => {
    const before = findAdmin(db, telegramId);
    const row = upsertAdmin(db, telegramId, role, actor.telegramId, now(ctx).ms);
    insertAudit(db, {
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

export function removeAdmin(ctx: ServiceContext, actor: AdminActor, telegramId: number): void {
  requireOwner(ctx, actor);
  if (telegramId === actor.telegramId) throw new ServiceError('BAD_REQUEST', 'Owners cannot remove themselves');
  inTransaction(ctx, (db) => {
    const before = findAdmin(db, telegramId);
    if (!before) throw new ServiceError('NOT_FOUND', 'No such admin');
    deleteAdmin(db, telegramId);
    insertAudit(db, {
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
