/** The club's Telegram group settings, mounted inside the admin group (`/api/admin`). */
import { Elysia } from 'elysia';
import type { AuthDeps } from '../auth/requestAuth';
import { clubChatUpdateSchema } from '../../shared/clubChat';
import { adminAuth } from './auth';
import { readJsonBody } from './body';
import { route } from './openapi';

export function adminClubChatRoutes(deps: AuthDeps) {
  const c = deps.services.clubChat;
  return new Elysia({ name: 'rest-admin-club-chat' })
    .use(adminAuth(deps))
    .onParse(readJsonBody)
    .get('/club-chat', ({ admin }) => c.settings(admin), route('admin', 'The club’s Telegram group (CLUB_CHAT_ID or an admin’s choice), the posts’ language and the evening summary'))
    .patch('/club-chat', ({ admin, body }) => c.update(admin, body), {
      body: clubChatUpdateSchema,
      ...route('admin', 'Change the admins’ group (`chatId`, `null` clears it; CLUB_CHAT_ID still wins), the posts’ language, and the evening summary (on/off, `summaryTime` "HH:MM"); audited'),
    });
}
