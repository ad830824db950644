/** A small history router for the panel's few pages under /admin/. */
import { computed, ref } from 'vue';

export type RouteName = 'dashboard' | 'challenges' | 'members' | 'member' | 'announcements' | 'audit' | 'admins';

export interface Route {
  name: RouteName;
  params: Record<string, string>;
}

const BASE = '/admin/';

export function parse(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : '';
  const parts = rest.split('/').filter(Boolean);
  switch (parts[0]) {
    case 'challenges':
      return { name: 'challenges', params: {} };
    case 'members':
      return parts[1] && /^\d+$/.test(parts[1]) ? { name: 'member', params: { id: parts[1] } } : { name: 'members', params: {} };
    case 'announcements':
      return { name: 'announcements', params: {} };
    case 'audit':
      return { name: 'audit', params: {} };
    case 'admins':
      return { name: 'admins', params: {} };
    default:
      return { name: 'dashboard', params: {} };
  }
}

export function pathOf(name: RouteName, params: Record<string, string | number> = {}): string {
  switch (name) {
    case 'dashboard':
      return BASE;
    case 'member':
      return `${BASE}members/${params.id}`;
    default:
      return `${BASE}${name}`;
  }
}

export const route = ref<Route>(parse(location.pathname));
export const section = computed<RouteName>(() => (route.value.name === 'member' ? 'members' : route.value.name));

export function navigate(name: RouteName, params: Record<string, string | number> = {}): void {
  const path = pathOf(name, params);
  if (path !== location.pathname) history.pushState(null, '', path);
  route.value = parse(path);
  window.scrollTo({ top: 0 });
}

window.addEventListener('popstate', () => {
  route.value = parse(location.pathname);
});
