/** Toasts and the one place mutation errors are turned into words. */
import { createDiscreteApi } from 'naive-ui';
import { isCsrfError, toAppError } from '../api';
import { errorMessage, t } from '../i18n';
import { onAuthLost, refreshSession } from '../session';
import { themeOverrides } from '../theme';

const { message } = createDiscreteApi(['message'], { configProviderProps: { themeOverrides } });

export function notifySuccess(text: string): void {
  message.success(text, { duration: 2500 });
}

/** Shows an error; a stale CSRF token is renewed, a lost session ends the panel. */
export function notifyError(error: unknown): void {
  if (isCsrfError(error)) {
    void refreshSession();
    message.warning(t('error.csrf'), { duration: 5000 });
    return;
  }
  const e = toAppError(error);
  if (e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN') onAuthLost(e.code);
  message.error(e.code === 'BAD_REQUEST' && e.message && e.message !== e.code ? e.message : errorMessage(e.code, e.details), {
    duration: 5000,
  });
}
