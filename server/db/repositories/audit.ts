/** Reading the audit log by action, actor, member and time, with the names admins recognise. */
import { and, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { adminUsers, auditLog, users } from '../schema';
import { shownNameSql } from '../rules';

export interface AuditQuery {
  action?: string;
  actorTelegramId?: number;
  userId?: number;
  /** Instants in ms: from included, to excluded. */
  fromMs?: number;
  toMs?: number;
}

export type AuditRow = typeof auditLog.$inferSelect;

/**
 * An entry is about a member when it targets the member, one of their memberships
 * ("userId:challengeId") or one of their submissions (the deleted row's userId).
 */
function aboutMember(userId: number): SQL {
  return or(
    and(eq(auditLog.targetType, 'user'), eq(auditLog.targetId, String(userId))),
    and(eq(auditLog.targetType, 'membership'), like(auditLog.targetId, `${userId}:%`)),
    and(eq(auditLog.targetType, 'submission'), sql`json_extract(${auditLog.before}, '$.userId') = ${userId}`),
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

export function findAudit(db: Db, q: AuditQuery, page: number, pageSize: number): { rows: AuditRow[]; total: number } {
  const where = whereOf(q);
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** Every action recorded so far (the filter's choices). */
export function auditActions(db: Db): string[] {
  return db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action)
    .all()
    .map((r) => r.action);
}

/** Names by Telegram id: the shown name of an admin who is a member, else their Telegram name as last seen. */
export function namesByTelegramId(db: Db, telegramIds: number[]): Map<number, string> {
  if (telegramIds.length === 0) return new Map();
  const out = new Map<number, string>();
  const admins = db.select({ telegramId: adminUsers.telegramId, name: adminUsers.name }).from(adminUsers).where(inArray(adminUsers.telegramId, telegramIds)).all();
  for (const a of admins) if (a.name) out.set(a.telegramId, a.name);
  const members = db.select({ telegramId: users.telegramId, name: shownNameSql }).from(users).where(inArray(users.telegramId, telegramIds)).all();
  for (const m of members) out.set(m.telegramId, m.name);
  return out;
}

/** Keeps an admin's Telegram name (first and last) for the audit log. */
export function setAdminName(db: Db, telegramId: number, name: string): void {
  db.update(adminUsers).set({ name }).where(eq(adminUsers.telegramId, telegramId)).run();
}

/** Shown names and Telegram ids by user id. */
export function membersById(db: Db, ids: number[]): Map<number, { name: string; telegramId: number }> {
  if (ids.length === 0) return new Map();
  const rows = db.select({ id: users.id, telegramId: users.telegramId, name: shownNameSql }).from(users).where(inArray(users.id, ids)).all();
  return new Map(rows.map((r) => [r.id, { name: r.name, telegramId: r.telegramId }]));
}
