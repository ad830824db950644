/**
 * The Mini App's only door to the server: a tRPC client (types only from the server) plus two
 * plain REST calls used before there is any initData (config, demo initData).
 */
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/types';
import type { Language, LeaderboardType } from '../../shared/schemas';
import { AppError as SharedAppError, appErrorOfTrpc, codeOfStatus, type AppErrorCode, type ErrorCode } from '../../shared/errors';
import type { MyRemindersDto, ReminderSettingDto, ReminderSettingInput } from '../../shared/reminders';
import type {
  ChallengeDto,
  HistoryDto,
  HistoryRange,
  LeaderboardDto,
  ProfileDto,
  SubmitResultDto,
  UserDto,
} from '../../shared/types';
import type { InviteDto, PreparedShareDto, ShareCardDto, ShareKind } from '../../shared/sharing';

let initData = '';

export function setInitData(raw: string): void {
  initData = raw;
}

const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: `${location.origin}/trpc`,
      headers: () => (initData ? { Authorization: `tma ${initData}` } : {}),
    }),
  ],
});

/**
 * The calls the Mini App makes, typed by the router and pinned to the DTOs of shared/types.ts
 * (a drift between the two fails `vue-tsc`).
 */
export const api = {
  register: (displayName?: string, invite?: string): Promise<{ user: UserDto; created: boolean }> =>
    trpc.auth.register.mutate({ ...(displayName ? { displayName } : {}), ...(invite ? { invite } : {}) }),
  me: (): Promise<ProfileDto> => trpc.me.get.query(),
  setLanguage: (language: Language): Promise<UserDto> => trpc.me.setLanguage.mutate({ language }),
  setReminders: (enabled: boolean): Promise<UserDto> => trpc.me.setReminders.mutate({ enabled }),
  challenges: (): Promise<ChallengeDto[]> => trpc.challenges.list.query(),
  join: (challengeId: number): Promise<{ joined: boolean }> => trpc.challenges.join.mutate({ challengeId }),
  leave: (challengeId: number): Promise<{ joined: boolean }> => trpc.challenges.leave.mutate({ challengeId }),
  submit: (challengeId: number, value: number | string): Promise<SubmitResultDto> =>
    trpc.challenges.submit.mutate({ challengeId, value }),
  correct: (challengeId: number, value: number | string): Promise<SubmitResultDto> =>
    trpc.challenges.correct.mutate({ challengeId, value }),
  history: (challengeId: number, range: HistoryRange): Promise<HistoryDto> => trpc.me.history.query({ challengeId, range }),
  leaderboard: (challengeId: number | undefined, type: LeaderboardType, limit = 50): Promise<LeaderboardDto> =>
    trpc.leaderboard.get.query({ ...(challengeId ? { challengeId } : {}), type, limit }),
  invite: (): Promise<InviteDto> => trpc.invite.mine.query(),
  shareCards: (challengeId: number): Promise<ShareCardDto[]> => trpc.share.cards.query({ challengeId }),
  prepareShare: (challengeId: number, kind: ShareKind): Promise<PreparedShareDto> => trpc.share.prepare.mutate({ challengeId, kind }),
  myReminders: (): Promise<MyRemindersDto> => trpc.reminders.mine.query(),
  setMyReminder: (challengeId: number, setting: ReminderSettingInput): Promise<ReminderSettingDto> =>
    trpc.reminders.set.mutate({ challengeId, setting }),
};

// ---- errors ----

export type { AppErrorCode };

/** Details keep only strings and numbers here: they fill the localized messages. */
export class AppError extends SharedAppError<Record<string, string | number>> {}

/** Normalizes anything thrown by a call into an AppError with an API.md code. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCClientError) {
    const e = appErrorOfTrpc(error.data, error.message);
    return new AppError(e.code, e.details, e.message);
  }
  if (error instanceof TypeError) return new AppError('NETWORK', {}, error.message);
  return new AppError('INTERNAL', {}, error instanceof Error ? error.message : String(error));
}

export function errorCode(error: unknown): AppErrorCode | undefined {
  return error ? toAppError(error).code : undefined;
}

// ---- REST, used before we have initData ----

export interface PublicConfig {
  demo: boolean;
  botUsername: string | null;
}

async function getJson<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new AppError('NETWORK', {}, e instanceof Error ? e.message : String(e));
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: ErrorCode } } | null;
    throw new AppError(body?.error?.code ?? codeOfStatus(res.status));
  }
  return (await res.json()) as T;
}

export const publicApi = {
  config: () => getJson<PublicConfig>('/api/config'),
  demoInitData: (user: string, lang: Language) =>
    getJson<{ initData: string }>(`/api/demo/init-data?user=${encodeURIComponent(user)}&lang=${lang}`),
};
