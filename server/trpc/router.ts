import { router } from './init';
import { adminRouter } from './routers/admin';
import { authRouter, challengesRouter, leaderboardRouter, meRouter } from './routers/member';
import { inviteRouter, shareRouter } from './routers/sharing';
import { clubChatRouter, remindersRouter } from './routers/reminders';

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  challenges: challengesRouter,
  leaderboard: leaderboardRouter,
  admin: adminRouter,
  invite: inviteRouter,
  share: shareRouter,
  reminders: remindersRouter,
  clubChat: clubChatRouter,
});
