/**
 * Every destructive action goes through one confirmation dialog (ConfirmHost.vue), optionally
 * asking for a value (a ban reason, a streak).
 */
import { shallowRef } from 'vue';

export interface ConfirmInput {
  kind: 'text' | 'number';
  label: string;
  initial?: string | number | null;
  min?: number;
  max?: number;
  testid: string;
}

export interface ConfirmOptions {
  title: string;
  text: string;
  okText: string;
  danger?: boolean;
  input?: ConfirmInput;
}

export interface ConfirmResult {
  ok: boolean;
  value: string | number | null;
}

export const pendingConfirm = shallowRef<(ConfirmOptions & { resolve: (r: ConfirmResult) => void }) | null>(null);

export function confirm(options: ConfirmOptions): Promise<ConfirmResult> {
  pendingConfirm.value?.resolve({ ok: false, value: null });
  return new Promise((resolve) => {
    pendingConfirm.value = { ...options, resolve };
  });
}
