import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { prepared } from '../prepared';
import { adminUsers, auditLog } from '../schema';

export type AdminRow = typeof adminUsers.$inferSelect;

const adminStatement = prepared((db) =>
  db.select().from(adminUsers).where(eq(adminUsers.telegramId, sql.placeholder('telegramId'))).prepare(),
);

export function findAdmin(db: Db, telegramId: number): AdminRow | undefined {
  return adminStatement(db).get({ telegramId });
}

export function listAdmins(db: Db): AdminRow[] {
  return db.select().from(adminUsers).orderBy(asc(adminUsers.id)).all();
}

/** Makes `telegramId` an admin with `role`; an existing row keeps its id and gets the role. */
export function upsertAdmin(db: Db, telegramId: number, role: 'owner' | 'admin', addedBy: number | null, now: number): AdminRow {
  return db
    .insert(adminUsers)
    .values({ telegramId, role, addedBy, createdAt: now })
    .onConflictDoUpdate({ target: adminUsers.telegramId, set: { role } })
    .returning()
    .get();
}

export function deleteAdmin(db: Db, telegramId: number): void {
  db.delete(adminUsers).where(eq(adminUsers.telegramId, telegramId)).run();
}

export interface AuditInsert {
  actorTelegramId: number;
  action: string;
  targetType: string;
  targetId: string | number;
  before?: unknown;
  after?: unknown;
  at: number;
}

export function insertAudit(db: Db, e: AuditInsert): void {
  db.insert(auditLog)
    .values({
      actorTelegramId: e.actorTelegramId,
      action: e.action,
      targetType: e.targetType,
      targetId: String(e.targetId),
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      createdAt: e.at,
    })
    .run();
}
