/** PostgreSQL twin of db/repositories/audit.ts. */
import { and, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery, AuditRow } from '../../repositories/audit';
import type { PgDb } from '../client';
import { shownNameSql } from '../rules';
import { adminUsers, auditLog, users } from '../schema';

/**
 * As on SQLite: the member, one of their memberships, or one of their deleted submissions.
 * The stored `before` is JSON text (admins.insertAudit writes it); comparing jsonb values
 * matches a numeric userId only, as SQLite's json_extract(…) = integer does.
 */
function aboutMember(userId: number): SQL {
  return or(
    and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, String(userId))),
    and(eq(auditLog.targetType, 'membership'), like(auditLog.targetId, `${userId}:%`)),
    and(eq(auditLog.targetType, 'submission'), sql`(${auditLog.before}::jsonb -> 'userId') = to_jsonb(${userId}::int)`),
  )!;
}

function whereOf(q: AuditQuery): SQL | undefined {
  const conditions: SQL[] = [];
  if (q.action) conditions.push(eq(auditLog.action, q.action));
  if (q.actorTelegramId !== undefined) conditions.push(eq(auditLog.actorTelegramId, q.actorTelegramId));
  if (q.userId !== undefined) conditions.push(aboutMember(q.userId));
  if (q.fromMs !== undefined) conditions.push(gte(auditLog.createdAt, q.fromMs));
  if (q.toMs !== undefined) conditions.push(lt(auditLog.createdAt, q.toMs));
  return conditions.length ? and(...conditions) : undefined;
}

export async function findAudit(db: PgDb, q: AuditQuery, page: number, pageSize: number): Promise<{ rows: AuditRow[]; total: number }> {
  const where = whereOf(q);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where))[0]?.n ?? 0;
  return { rows, total };
}

export async function auditActions(db: PgDb): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog);
  // Sorted here, in code-point order as SQLite sorts text: PostgreSQL's collation may differ.
  return rows.map((r) => r.action).sort();
}

export async function namesByTelegramId(db: PgDb, telegramIds: number[]): Promise<Map<number, string>> {
  if (telegramIds.length === 0) return new Map();
  const out = new Map<number, string>();
  const admins = await db.select({ telegramId: adminUsers.telegramId, name: adminUsers.name }).from(adminUsers).where(inArray(adminUsers.telegramId, telegramIds));
  for (const a of admins) if (a.name) out.set(a.telegramId, a.name);
  const members = await db.select({ telegramId: users.telegramId, name: shownNameSql }).from(users).where(inArray(users.telegramId, telegramIds));
  for (const m of members) out.set(m.telegramId, m.name);
  return out;
}

export async function setAdminName(db: PgDb, telegramId: number, name: string): Promise<void> {
  await db.update(adminUsers).set({ name }).where(eq(adminUsers.telegramId, telegramId));
}

export async function membersById(db: PgDb, ids: number[]): Promise<Map<number, { name: string; telegramId: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, telegramId: users.telegramId, name: shownNameSql }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, telegramId: r.telegramId }]));
}
