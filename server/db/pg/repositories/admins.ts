/** PostgreSQL twin of db/repositories/admins.ts. */
import { asc, eq } from 'drizzle-orm';
import type { AdminRow, AuditInsert } from '../../repositories/admins';
import type { PgDb } from '../client';
import { adminUsers, auditLog } from '../schema';

export async function findAdmin(db: PgDb, telegramId: number): Promise<AdminRow | undefined> {
  return (await db.select().from(adminUsers).where(eq(adminUsers.telegramId, telegramId)))[0];
}

export async function listAdmins(db: PgDb): Promise<AdminRow[]> {
  return db.select().from(adminUsers).orderBy(asc(adminUsers.id));
}

export async function upsertAdmin(db: PgDb, telegramId: number, role: 'owner' | 'admin', addedBy: number | null, now: number): Promise<AdminRow> {
  const rows = await db
    .insert(adminUsers)
    .values({ telegramId, role, addedBy, createdAt: now })
    .onConflictDoUpdate({ target: adminUsers.telegramId, set: { role } })
    .returning();
  return rows[0]!;
}

export async function deleteAdmin(db: PgDb, telegramId: number): Promise<void> {
  await db.delete(adminUsers).where(eq(adminUsers.telegramId, telegramId));
}

export async function insertAudit(db: PgDb, e: AuditInsert): Promise<void> {
  await db.insert(auditLog).values({
    actorTelegramId: e.actorTelegramId,
    action: e.action,
    targetType: e.targetType,
    targetId: String(e.targetId),
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    createdAt: e.at,
  });
}
