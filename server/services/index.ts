/**
 * The services as one object bound to a context, the single dependency the four adapters
 * (REST, tRPC, bot, jobs) receive.
 */
import type { ServiceContext } from './context';
import * as access from './admin/access';
import * as adminChallenges from './admin/challenges';
import * as adminMembers from './admin/members';
import * as insights from './admin/insights';
import * as challenges from './challenges';
import * as corrections from './corrections';
import * as leaderboard from './leaderboard';
import * as history from './history';
import * as members from './members';
import * as notices from './notices';
import * as photos from './photos';
import * as reminders from './reminders';
import * as results from './results';
import * as rollover from './rollover';
import * as submit from './submit';

type Bound<M> = {
  [K in keyof M]: M[K] extends (ctx: ServiceContext, ...args: infer A) => infer R ? (...args: A) => R : never;
};

function bind<M extends Record<string, unknown>>(ctx: ServiceContext, module: M): Bound<M> {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(module)) {
    if (typeof fn === 'function') out[name] = (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(ctx, ...args);
  }
  return out as Bound<M>;
}

export function createServices(ctx: ServiceContext) {
  return {
    ctx,
    members: bind(ctx, members),
    challenges: bind(ctx, challenges),
    submissions: bind(ctx, submit),
    corrections: bind(ctx, corrections),
    notices: bind(ctx, notices),
    history: bind(ctx, history),
    photos: bind(ctx, photos),
    leaderboard: bind(ctx, leaderboard),
    // scheduled jobs (server/jobs)
    reminders: bind(ctx, reminders),
    results: bind(ctx, results),
    rollover: bind(ctx, rollover),
    admin: {
      access: bind(ctx, access),
      challenges: bind(ctx, adminChallenges),
      members: bind(ctx, adminMembers),
      insights: bind(ctx, insights),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
export type { TelegramIdentity, ServiceContext } from './context';
