/** Server state through @tanstack/vue-query: one key per resource, invalidated after mutations. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, QueryClient } from '@tanstack/vue-query';
import { computed, type Ref } from 'vue';
import type { Language, LeaderboardType } from '../../../shared/schemas';
import type { HistoryRange } from '../../../shared/types';
import { api, toAppError } from '../api';
import { arrivedInvite } from './share';

export const keys = {
  me: ['me'] as const,
  challenges: ['challenges'] as const,
  leaderboardAll: ['leaderboard'] as const,
  leaderboard: (challengeId: number | null, type: LeaderboardType) => ['leaderboard', challengeId, type] as const,
  history: (challengeId: number | null, range: HistoryRange) => ['me', 'history', challengeId, range] as const,
};

/** Errors that retrying cannot fix. */
const FINAL = new Set(['UNAUTHORIZED', 'NOT_REGISTERED', 'BANNED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        retry: (count, error) => !FINAL.has(toAppError(error).code) && count < 2,
        retryDelay: (n) => Math.min(500 * 2 ** n, 3000),
      },
      mutations: { retry: false },
    },
  });
}

export function useProfile(enabled: Ref<boolean> | boolean = true) {
  return useQuery({ queryKey: keys.me, queryFn: api.me, enabled });
}

export function useChallenges() {
  return useQuery({ queryKey: keys.challenges, queryFn: api.challenges });
}

export function useLeaderboard(challengeId: Ref<number | null>, type: Ref<LeaderboardType>) {
  return useQuery({
    queryKey: computed(() => keys.leaderboard(challengeId.value, type.value)),
    queryFn: () => api.leaderboard(challengeId.value ?? undefined, type.value),
    enabled: computed(() => challengeId.value !== null),
    placeholderData: keepPreviousData,
  });
}

export function useHistory(challengeId: Ref<number | null>, range: Ref<HistoryRange>) {
  return useQuery({
    queryKey: computed(() => keys.history(challengeId.value, range.value)),
    queryFn: () => api.history(challengeId.value!, range.value),
    enabled: computed(() => challengeId.value !== null),
    placeholderData: keepPreviousData,
  });
}

/** After anything that changes results or membership, everything derived from them is stale. */
export function useInvalidateAll() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: keys.me }),
      qc.invalidateQueries({ queryKey: keys.challenges }),
      qc.invalidateQueries({ queryKey: keys.leaderboardAll }),
    ]);
}

export function useRegister() {
  const invalidate = useInvalidateAll();
  return useMutation({
    // An invitation the app was opened with (startapp=inv_<code>) goes with the registration.
    mutationFn: (displayName: string) => api.register(displayName, arrivedInvite()),
    onSuccess: () => invalidate(),
  });
}

export function useJoin() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: (id: number) => api.join(id), onSuccess: () => invalidate() });
}

export function useLeave() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: (id: number) => api.leave(id), onSuccess: () => invalidate() });
}

export function useSubmit() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: { challengeId: number; value: string }) => api.submit(input.challengeId, input.value),
    // Refresh on refusal too: an ALREADY_SUBMITTED or closed window means our copy is stale.
    onSettled: () => invalidate(),
  });
}

export function useCorrect() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: { challengeId: number; value: string }) => api.correct(input.challengeId, input.value),
    onSettled: () => invalidate(),
  });
}

export function useSetLanguage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (language: Language) => api.setLanguage(language),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.me }),
  });
}

export function useSetReminders() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) => api.setReminders(enabled),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.me }),
  });
}
