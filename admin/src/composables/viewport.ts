/** Phone-sized screens (the panel opened from Telegram on a phone) get cards and a drawer. */
import { ref } from 'vue';

const PHONE = '(max-width: 720px)';
/** Below this width the desktop sidebar starts collapsed, so wide tables keep every column. */
const NARROW_DESKTOP = 1360;

const phoneQuery = window.matchMedia(PHONE);
export const isPhone = ref(phoneQuery.matches);
phoneQuery.addEventListener('change', (e) => {
  isPhone.value = e.matches;
});

export const startCollapsed = (): boolean => window.innerWidth < NARROW_DESKTOP;
