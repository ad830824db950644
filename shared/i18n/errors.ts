/** Localized texts for the API.md error codes, shared by the bot and both front-ends. */
import type { Language } from '../schemas';
import type { ErrorCode } from '../types';

type Params = Record<string, string | number>;
type Text = string | ((p: Params) => string);

const errors: Record<Language, Record<ErrorCode, Text>> = {
  uz: {
    BAD_REQUEST: (p) =>
      p.min !== undefined
        ? `Qiymat notoʻgʻri. ${p.min} dan ${p.max} gacha son kiriting.`
        : "Soʻrov notoʻgʻri.",
    UNAUTHORIZED: "Sessiya eskirgan. Ilovani Telegramdan qayta oching.",
    NOT_REGISTERED: "Avval roʻyxatdan oʻting.",
    BANNED: "Hisobingiz bloklangan. Klub administratoriga murojaat qiling.",
    NOT_JOINED: "Avval bu challengega qoʻshiling.",
    FORBIDDEN: "Bu boʻlim faqat administratorlar uchun.",
    NOT_FOUND: "Topilmadi yoki faol emas.",
    ALREADY_SUBMITTED: (p) =>
      p.value !== undefined ? `Bugungi natija allaqachon yuborilgan: ${p.value}.` : 'Bugungi natija allaqachon yuborilgan.',
    OUTSIDE_TIME_WINDOW: (p) => `Natijalar faqat ${p.window} oraligʻida qabul qilinadi.`,
    CORRECTION_CLOSED: (p) =>
      p.minutes !== undefined
        ? `Natijani yuborilgandan keyin ${p.minutes} daqiqa ichida tuzatish mumkin edi; bu vaqt oʻtdi.`
        : 'Bugungi natijani tuzatish vaqti oʻtdi.',
    RATE_LIMITED: "Juda koʻp soʻrov. Birozdan keyin urinib koʻring.",
    PAYLOAD_TOO_LARGE: "Soʻrov juda katta.",
    INTERNAL: "Nimadir xato ketdi. Birozdan keyin urinib koʻring.",
  },
  ru: {
    BAD_REQUEST: (p) =>
      p.min !== undefined ? `Неверное значение. Введите число от ${p.min} до ${p.max}.` : 'Неверный запрос.',
    UNAUTHORIZED: 'Сессия устарела. Откройте приложение заново из Telegram.',
    NOT_REGISTERED: 'Сначала зарегистрируйтесь.',
    BANNED: 'Ваш аккаунт заблокирован. Обратитесь к администратору клуба.',
    NOT_JOINED: 'Сначала присоединитесь к этому челленджу.',
    FORBIDDEN: 'Этот раздел только для администраторов.',
    NOT_FOUND: 'Не найдено или неактивно.',
    ALREADY_SUBMITTED: (p) =>
      p.value !== undefined ? `Результат за сегодня уже отправлен: ${p.value}.` : 'Результат за сегодня уже отправлен.',
    OUTSIDE_TIME_WINDOW: (p) => `Результаты принимаются только в ${p.window}.`,
    CORRECTION_CLOSED: (p) =>
      p.minutes !== undefined
        ? `Исправить результат можно в течение ${p.minutes} мин после отправки; это время прошло.`
        : 'Время для исправления результата за сегодня прошло.',
    RATE_LIMITED: 'Слишком много запросов. Попробуйте чуть позже.',
    PAYLOAD_TOO_LARGE: 'Слишком большой запрос.',
    INTERNAL: 'Что-то пошло не так. Попробуйте чуть позже.',
  },
  en: {
    BAD_REQUEST: (p) =>
      p.min !== undefined ? `Invalid value. Enter a number from ${p.min} to ${p.max}.` : 'Invalid request.',
    UNAUTHORIZED: 'Your session has expired. Reopen the app from Telegram.',
    NOT_REGISTERED: 'Please register first.',
    BANNED: 'Your account is banned. Contact the club admin.',
    NOT_JOINED: 'Join this challenge first.',
    FORBIDDEN: 'This section is for admins only.',
    NOT_FOUND: 'Not found or not active.',
    ALREADY_SUBMITTED: (p) =>
      p.value !== undefined ? `Today's result is already submitted: ${p.value}.` : "Today's result is already submitted.",
    OUTSIDE_TIME_WINDOW: (p) => `Results are accepted only during ${p.window}.`,
    CORRECTION_CLOSED: (p) =>
      p.minutes !== undefined
        ? `A result can be corrected within ${p.minutes} min of sending it; that time has passed.`
        : "The time to correct today's result has passed.",
    RATE_LIMITED: 'Too many requests. Try again in a moment.',
    PAYLOAD_TOO_LARGE: 'The request is too large.',
    INTERNAL: 'Something went wrong. Try again in a moment.',
  },
};

export function errorText(language: Language, code: ErrorCode, params: Params = {}): string {
  const text = errors[language][code];
  return typeof text === 'function' ? text(params) : text;
}

/** uz → Uzbek, ru → Russian, anything else → English; Uzbek when unknown. */
export function languageFromTelegram(code: string | null | undefined): Language {
  if (!code) return 'uz';
  const base = code.toLowerCase().split('-')[0];
  if (base === 'uz') return 'uz';
  if (base === 'ru') return 'ru';
  return 'en';
}
