import { ref } from 'vue';

export interface Toast {
  id: number;
  text: string;
  kind: 'success' | 'error' | 'info';
}

export const toasts = ref<Toast[]>([]);
let next = 1;

export function toast(text: string, kind: Toast['kind'] = 'success', ms = 3200): void {
  const id = next++;
  toasts.value = [...toasts.value.slice(-2), { id, text, kind }];
  setTimeout(() => {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  }, ms);
}
