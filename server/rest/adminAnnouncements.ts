/**
 * Announcements of API.md, mounted inside the admin group (`/api/admin`): write
 * one (202: it is sent in the background, through the bot's queue) and follow its delivery.
 */
import { Elysia } from 'elysia';
import { z } from 'zod';
import type { AuthDeps } from '../auth/requestAuth';
import { announcementInputSchema } from '../../shared/announcements';
import { idSchema } from '../../shared/schemas';
import { adminAuth } from './auth';
import { readJsonBody } from './body';
import { route } from './openapi';

export function adminAnnouncementRoutes(deps: AuthDeps) {
  const a = deps.services.admin.announcements;
  return new Elysia({ name: 'rest-admin-announcements' })
    .use(adminAuth(deps))
    .onParse(readJsonBody)
    .post(
      '/announcements',
      async ({ admin, body, set }) => {
        const { id } = await a.createAnnouncement(admin, body);
        set.status = 202;
        return { id };
      },
      {
        body: announcementInputSchema,
        ...route('admin', 'Write a message to one challenge’s members (or every member), in uz and optionally ru/en; sent once per member in the background', {
          ok: [202, 'Accepted: `{ id }`'],
          errors: ['NOT_FOUND'],
        }),
      },
    )
    .get(
      '/announcements/:id',
      async ({ admin, params }) => {
        const s = await a.announcementStatus(admin, params.id);
        return { status: s.status, total: s.total, delivered: s.delivered, blocked: s.blocked, failed: s.failed, pending: s.pending };
      },
      { params: z.object({ id: idSchema }), ...route('admin', 'How an announcement’s delivery goes: `{ status, total, delivered, blocked, failed, pending }`', { errors: ['NOT_FOUND'] }) },
    );
}
