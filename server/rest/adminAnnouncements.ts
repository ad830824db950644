/** Announcements of API.md: write one (202, sent in the background) and follow its delivery. */
import { Elysia } from 'elysia';
import { authenticateAdmin, type AuthDeps } from '../auth/requestAuth';
import { announcementInputSchema } from '../../shared/announcements';
import { idSchema } from '../../shared/schemas';
import { readBody } from './errors';

export function adminAnnouncementRoutes(deps: AuthDeps) {
  const a = deps.services.admin.announcements;
  const actorOf = (request: Request) => authenticateAdmin(deps, request);
  return new Elysia({ name: 'rest-admin-announcements' })
    .post(
      '/api/admin/announcements',
      async ({ request, set }) => {
        const actor = actorOf(request);
        const input = await readBody(request, announcementInputSchema);
        const { id } = await a.createAnnouncement(actor, input);
        set.status = 202;
        return { id };
      },
      { parse: 'none' },
    )
    .get('/api/admin/announcements/:id', async ({ request, params }) => {
      const actor = actorOf(request);
      const s = await a.announcementStatus(actor, idSchema.parse(params.id));
      return { status: s.status, total: s.total, delivered: s.delivered, blocked: s.blocked, failed: s.failed, pending: s.pending };
    });
}
