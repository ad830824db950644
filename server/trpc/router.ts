import { router } from './init';
import { adminRouter } from './routers/admin';
import { authRouter, challengesRouter, leaderboardRouter, meRouter } from './routers/member';

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  challenges: challengesRouter,
  leaderboard: leaderboardRouter,
  admin: adminRouter,
});
