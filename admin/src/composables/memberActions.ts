/** Ban and unban, each behind a confirmation; shared by the members list and the detail page. */
import { useQueryClient } from '@tanstack/vue-query';
import { trpc } from '../api';
import { t } from '../i18n';
import { confirm } from './confirm';
import { notifyError, notifySuccess } from './notify';
import type { AdminUserRowDto } from '../../../shared/types';

export function memberName(u: Pick<AdminUserRowDto, 'displayName' | 'firstName' | 'telegramId'>): string {
  return u.displayName || u.firstName || `ID ${u.telegramId}`;
}

export function useMemberActions() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['members'] });
    void queryClient.invalidateQueries({ queryKey: ['member'] });
    void queryClient.invalidateQueries({ queryKey: ['analytics'] });
    void queryClient.invalidateQueries({ queryKey: ['leaderboard'] });
    void queryClient.invalidateQueries({ queryKey: ['challenges'] });
  };

  /** Runs a confirmed action: busy while it runs, then a success toast and fresh data, or the error. */
  async function run(action: () => Promise<unknown>, success: string, onBusy: (busy: boolean) => void): Promise<boolean> {
    onBusy(true);
    try {
      await action();
      notifySuccess(success);
      refresh();
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    } finally {
      onBusy(false);
    }
  }

  async function ban(u: AdminUserRowDto, onBusy: (busy: boolean) => void = () => undefined): Promise<boolean> {
    const name = memberName(u);
    const answer = await confirm({
      title: t('m.banTitle', { name }),
      text: t('m.banText'),
      okText: t('m.ban'),
      danger: true,
      input: { kind: 'text', label: t('m.banReason'), testid: 'ban-reason-input' },
    });
    if (!answer.ok) return false;
    return run(() => trpc.admin.users.ban.mutate({ userId: u.id, reason: String(answer.value ?? '') }), t('m.bannedOk', { name }), onBusy);
  }

  async function unban(u: AdminUserRowDto, onBusy: (busy: boolean) => void = () => undefined): Promise<boolean> {
    const name = memberName(u);
    const answer = await confirm({ title: t('m.unbanTitle', { name }), text: t('m.unbanText'), okText: t('m.unban') });
    if (!answer.ok) return false;
    return run(() => trpc.admin.users.unban.mutate({ userId: u.id }), t('m.unbannedOk', { name }), onBusy);
  }

  return { ban, unban, refresh };
}
