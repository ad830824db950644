import { router } from './init';
import { adminRouter } from './routers/admin';
import { authRouter, challengesRouter, leaderboardRouter, meRouter } from './routers/member';
import { clubChatRouter, remindersRouter } from './routers/reminders';

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  challenges: challengesRouter,
  leaderboard: leaderboardRouter,
  admin: adminRouter,
  reminders: remindersRouter,
  clubChat: clubChatRouter,
});
