/**
 * Who is calling, resolved once per route group: `member` (the Telegram identity proven by
 * `tma` initData, counted against the member's rate limit) or `admin` (an admin's initData or
 * the panel's session). Derived before validation, so an anonymous caller learns nothing about
 * a route's schema beyond 401.
 */
import { Elysia } from 'elysia';
import { authenticateAdmin, authenticateMember, type AuthDeps } from '../auth/requestAuth';

export function memberAuth(deps: AuthDeps) {
  return new Elysia({ name: 'rest-member-auth' }).derive({ as: 'scoped' }, ({ request }) => ({
    member: authenticateMember(deps, request),
  }));
}

export function adminAuth(deps: AuthDeps) {
  return new Elysia({ name: 'rest-admin-auth' }).derive({ as: 'scoped' }, async ({ request }) => ({
    admin: await authenticateAdmin(deps, request),
  }));
}
