/** reminders: every minute; sends each due reminder once (recorded before sending). */
import { openAppButtonText, reminderText } from '../../shared/i18n/jobs';
import { appButton, deliverAll } from './deliver';
import type { JobDeps, JobSummary } from './types';

export async function remindersJob(deps: JobDeps, now: Date): Promise<JobSummary> {
  const { day, due } = await deps.services.reminders.dueReminders(now);
  const lines: string[] = [];
  const counts = { due: 0, sent: 0, blocked: 0, failed: 0, challenges: due.length };
  if (due.length === 0) lines.push(`${day}: no challenge reminder is due now`);
  for (const item of due) {
    counts.due += item.recipients.length;
    const c = item.challenge;
    if (!deps.messenger) {
      lines.push(`${day} ${c.time} #${c.id} ${c.title}: ${item.recipients.length} due, bot is off — nothing sent`);
      continue;
    }
    const recorded = new Set(
      await deps.services.reminders.recordReminders(c.id, day, item.recipients.map((r) => r.userId), now),
    );
    const messages = item.recipients
      .filter((r) => recorded.has(r.userId))
      .map((r) => ({
        telegramId: r.telegramId,
        message: {
          chatId: r.telegramId,
          text: reminderText(r.language, { name: r.displayName, emoji: c.emoji, title: c.texts[r.language].title, streak: r.streak, window: c.window }),
          ...appButton(deps.publicUrl, openAppButtonText(r.language)),
        },
      }));
    const result = await deliverAll(deps, messages);
    counts.sent += result.sent;
    counts.blocked += result.blocked;
    counts.failed += result.failed;
    lines.push(
      `${day} ${c.time} #${c.id} ${c.title}: reminded ${result.sent} of ${messages.length}` +
        (result.blocked ? `, ${result.blocked} blocked the bot` : '') +
        (result.failed ? `, ${result.failed} failed` : ''),
    );
  }
  return { job: 'reminders', at: now.toISOString(), lines, counts };
}
