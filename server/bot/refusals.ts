/** A service's coded refusal, told to the member in their language. */
import { InlineKeyboard } from 'gramio';
import { botText } from '../../shared/i18n/bot';
import { errorText } from '../../shared/i18n/errors';
import type { Language } from '../../shared/schemas';
import { ServiceError } from '../domain/errors';
import type { Reply } from './context';

export const REGISTER_CALLBACK = 'reg:start';

export function registerOffer(language: Language): Reply {
  return {
    text: botText(language).needRegistration,
    keyboard: new InlineKeyboard().text(botText(language).registerButton, REGISTER_CALLBACK),
  };
}

/** Only the plain facts (numbers, strings) of the error's details reach the text. */
export function textParams(details: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

export function refusal(language: Language, error: ServiceError, params?: Record<string, string | number>): Reply {
  if (error.code === 'NOT_REGISTERED') return registerOffer(language);
  return { text: errorText(language, error.code, params ?? textParams(error.details)) };
}

export function isServiceError(error: unknown): error is ServiceError {
  return error instanceof ServiceError;
}
