/**
 * The bot's message catalogue: Uzbek (Latin) first, then Russian and English.
 * Refusals that have an API error code come from ./errors.ts (errorText) so every door to the
 * club says the same thing; this file holds what only the bot says.
 * Pure TypeScript (no server imports): usable by the Mini App too.
 */
import type { Language } from '../schemas';
import type { BadgeCode } from '../badges';
import { badgeLabel } from './badges';
import { glossary as g } from './glossary';

export interface ChallengeLabel {
  emoji: string;
  title: string;
  unit: string;
}

const label = (c: ChallengeLabel) => `${c.emoji} ${c.title}`.trim();
const withUnit = (value: string, unit: string) => (unit ? `${value} ${unit}` : value);

const uz = {
  languageName: "Oʻzbekcha",
  commands: {
    start: 'Boshlash va ilovani ochish',
    submit: 'Bugungi natijani yuborish',
    me: 'Mening challengelarim va seriyalarim',
    top: 'Bugungi reyting',
    language: "Tilni oʻzgartirish",
    reminders: "Eslatmalarni yoqish yoki oʻchirish",
    help: 'Yordam',
  },
  greeting: (name: string) =>
    `Assalomu alaykum, ${name}! 👋\n\n` +
    "Qadam Club — kundalik odatlar, intizom va doʻstona musobaqa klubi. Bu yerda siz:\n" +
    "• challengelarga qoʻshilasiz (qadamlar, kitob oʻqish, mashqlar…);\n" +
    '• har kuni natijangizni yuborasiz;\n' +
    "• ketma-ket kunlar seriyasini saqlab, reytingda oʻrningizni kuzatasiz.\n\n" +
    "Boshlash uchun reytingda koʻrinadigan ismingizni tasdiqlang: pastdagi tugmani bosing yoki boshqa ismni yozib yuboring.",
  acceptName: (name: string) => `✅ «${name}» boʻlsin`,
  nameInvalid: "Bu ism mos kelmadi: 1 dan 64 gacha belgi boʻlsin, maxsus belgilarsiz. Boshqa ism yozib koʻring.",
  registered: (name: string) =>
    `Tayyor, ${name}! 🎉 Endi siz Qadam Club aʼzosisiz.\n\n` +
    "Ilovani ochib, challengelarga qoʻshiling va bugungi natijangizni yuboring. Ilova ochilmasa, /submit buyrugʻi yordam beradi.",
  welcomeBack: (name: string) =>
    `Qaytganingizdan xursandmiz, ${name}! 👋\n\n` +
    "Ilovani ochib bugungi natijangizni yuboring yoki /submit buyrugʻidan foydalaning. Barcha buyruqlar: /help",
  openApp: `📱 ${g.uz.brand} ilovasini ochish`,
  appLinkInText: (url: string) => `Ilova: ${url}`,
  needRegistration: "Buning uchun avval roʻyxatdan oʻting — bir daqiqa ham olmaydi.",
  registerButton: "📝 Roʻyxatdan oʻtish",
  noChallenges: "Siz hali hech bir challengega qoʻshilmagansiz. Ilovani ochib, oʻzingizga yoqqanini tanlang.",
  chooseChallenge: 'Qaysi challenge uchun natija yuborasiz?',
  askValue: (c: ChallengeLabel & { min: string; max: string }) =>
    `${label(c)}: bugungi natijangizni son bilan yozing${c.unit ? ` (${c.unit})` : ''}.\n` +
    `Masalan: 5,5 yoki 5.5. Qabul qilinadi: ${c.min} dan ${c.max} gacha.`,
  submitted: (c: ChallengeLabel & { value: string; current: number; best: number }) =>
    `✅ Qabul qilindi: ${label(c)} — ${withUnit(c.value, c.unit)}.\n🔥 Seriya: ${c.current} kun (${g.uz.bestStreak}: ${c.best}).`,
  submittedBelow: (c: ChallengeLabel & { value: string; missing: string; current: number }) =>
    `☑️ Qabul qilindi: ${label(c)} — ${withUnit(c.value, c.unit)}.\n` +
    `🎯 Kunlik maqsadga ${withUnit(c.missing, c.unit)} yetmadi: bu kun seriyaga qoʻshilmaydi. 🔥 Seriya: ${c.current} kun.`,
  correctHint: (minutes: number) => `✏️ Xato yozdingizmi? ${minutes} daqiqa ichida tuzatish mumkin.`,
  correctButton: '✏️ Tuzatish',
  askCorrection: (c: ChallengeLabel & { value: string; min: string; max: string }) =>
    `${label(c)}: hozirgi natija ${withUnit(c.value, c.unit)}. Toʻgʻri sonni yozing (${c.min} dan ${c.max} gacha).`,
  corrected: (c: ChallengeLabel & { value: string }) => `✏️ Tuzatildi: ${label(c)} — ${withUnit(c.value, c.unit)}.`,
  resultDeleted: (c: ChallengeLabel & { value: string; day: string }) =>
    `🗑 Administrator ${c.day} kungi natijangizni oʻchirdi: ${label(c)} — ${withUnit(c.value, c.unit)}.\n` +
    'Seriya va reyting qayta hisoblandi. Savolingiz boʻlsa, klub administratoriga yozing.',
  resultSetByAdmin: (c: ChallengeLabel & { value: string; day: string; old: string | null; reason: string }) =>
    (c.old === null
      ? `📝 Administrator ${c.day} kuni uchun natijangizni qoʻshdi: ${label(c)} — ${withUnit(c.value, c.unit)}.`
      : `📝 Administrator ${c.day} kungi natijangizni tuzatdi: ${label(c)} — ${withUnit(c.old, c.unit)} oʻrniga ${withUnit(c.value, c.unit)}.`) +
    `\nSabab: ${c.reason}\nSeriya va reyting qayta hisoblandi.`,
  badgeEarned: (code: BadgeCode, c: ChallengeLabel | null) =>
    `🏅 Yangi nishon: ${badgeLabel('uz', code)}${c ? ` — ${label(c)}` : ''}!\nBarcha nishonlaringiz ilovadagi profilingizda.`,
  freezeUsed: (c: ChallengeLabel & { days: string; freezes: number }) =>
    `❄️ ${label(c)}: ${c.days} kuni natija boʻlmadi, lekin muzlatish seriyangizni saqlab qoldi. Qolgan muzlatishlar: ${c.freezes}.`,
  freezeEarned: (c: ChallengeLabel & { freezes: number }) =>
    `❄️ ${label(c)}: 7 kun ketma-ket — seriya muzlatishini qoʻlga kiritdingiz! Bir kun oʻtkazib yuborsangiz, u seriyangizni saqlaydi. Sizda: ${c.freezes} (koʻpi bilan 2).`,
  freezeGranted: (c: ChallengeLabel & { freezes: number }) =>
    `❄️ Administrator sizga seriya muzlatishini berdi: ${label(c)}. Sizda: ${c.freezes} (koʻpi bilan 2).`,
  meTodayBelow: (value: string, unit: string, missing: string) =>
    `Bugun: ☑️ ${withUnit(value, unit)} — maqsadga ${withUnit(missing, unit)} yetmadi`,
  tryAgain: 'Qaytadan yozib yuboring.',
  meHeader: (name: string) => `👤 ${name}`,
  meToday: (value: string | null, unit: string) =>
    value === null ? 'Bugun: ⏳ hali yuborilmagan' : `Bugun: ✅ ${withUnit(value, unit)}`,
  meStreak: (current: number, best: number) => `🔥 Seriya: ${current} kun · ${g.uz.bestStreak}: ${best}`,
  meWindow: (window: string) => `🕘 Natija vaqti: ${window}`,
  meReminders: (on: boolean): string => (on ? '🔔 Eslatmalar: yoqilgan' : "🔕 Eslatmalar: oʻchirilgan"),
  topHeader: (c: ChallengeLabel) => `🏆 ${label(c)} — bugungi TOP-5`,
  topEmpty: 'Bugun hali hech kim natija yubormadi.',
  topMe: (rank: number, total: string) => `Sizning oʻrningiz: ${rank} (${total})`,
  topMeNone: "Siz bugun hali reytingda yoʻqsiz — /submit",
  help:
    'Qadam Club buyruqlari:\n' +
    "/start — salomlashish, roʻyxatdan oʻtish va ilovani ochish\n" +
    '/submit — bugungi natijani yuborish (masalan: /submit 5,5)\n' +
    '/me — challengelaringiz, seriyalar va bugungi holat\n' +
    "/top — bugungi TOP-5 va sizning oʻrningiz\n" +
    '/language — tilni tanlash\n' +
    "/reminders — eslatmalarni yoqish yoki oʻchirish\n" +
    '/help — shu yordam\n\n' +
    "Natijani ilovada yuborish qulayroq; /submit ilova ochilmaganda yordam beradi.",
  chooseLanguage: 'Tilni tanlang:',
  languageSet: "Til oʻzgartirildi: Oʻzbekcha ✅",
  remindersStatus: (on: boolean): string =>
    on
      ? "🔔 Eslatmalar yoqilgan: natija yubormagan kunlaringizda challenge vaqtida eslatib turaman."
      : "🔕 Eslatmalar oʻchirilgan.",
  remindersTurnOn: '🔔 Yoqish',
  remindersTurnOff: "🔕 Oʻchirish",
  remindersOn: '🔔 Eslatmalar yoqildi.',
  remindersOff: "🔕 Eslatmalar oʻchirildi. Qayta yoqish: /reminders",
  unknownCommand: "Bunday buyruqni bilmayman. /help — barcha buyruqlar roʻyxati.",
  plainText: 'Natija yuborish uchun /submit, barcha buyruqlar uchun /help.',
  expired: "Bu tugma eskirgan. Qaytadan urinib koʻring.",
};

type Catalogue = typeof uz;

const ru: Catalogue = {
  languageName: 'Русский',
  commands: {
    start: 'Начать и открыть приложение',
    submit: 'Отправить результат за сегодня',
    me: 'Мои челленджи и серии',
    top: 'Рейтинг за сегодня',
    language: 'Сменить язык',
    reminders: 'Включить или выключить напоминания',
    help: 'Помощь',
  },
  greeting: (name) =>
    `Здравствуйте, ${name}! 👋\n\n` +
    'Qadam Club — клуб ежедневных привычек, дисциплины и дружеского соревнования. Здесь вы:\n' +
    '• присоединяетесь к челленджам (шаги, чтение, упражнения…);\n' +
    '• каждый день отправляете свой результат;\n' +
    '• держите серию дней подряд и следите за своим местом в рейтинге.\n\n' +
    'Для начала подтвердите имя, которое увидят в рейтинге: нажмите кнопку ниже или напишите другое имя.',
  acceptName: (name) => `✅ Оставить «${name}»`,
  nameInvalid: 'Такое имя не подойдёт: от 1 до 64 символов, без служебных знаков. Попробуйте другое.',
  registered: (name) =>
    `Готово, ${name}! 🎉 Теперь вы в Qadam Club.\n\n` +
    'Откройте приложение, присоединяйтесь к челленджам и отправьте результат за сегодня. Если приложение не открывается, поможет команда /submit.',
  welcomeBack: (name) =>
    `С возвращением, ${name}! 👋\n\n` +
    'Откройте приложение и отправьте результат за сегодня или воспользуйтесь командой /submit. Все команды: /help',
  openApp: '📱 Открыть Qadam Club',
  appLinkInText: (url) => `Приложение: ${url}`,
  needRegistration: 'Для этого сначала зарегистрируйтесь — это меньше минуты.',
  registerButton: '📝 Зарегистрироваться',
  noChallenges: 'Вы пока не присоединились ни к одному челленджу. Откройте приложение и выберите подходящий.',
  chooseChallenge: 'Для какого челленджа отправить результат?',
  askValue: (c) =>
    `${label(c)}: напишите результат за сегодня числом${c.unit ? ` (${c.unit})` : ''}.\n` +
    `Например: 5,5 или 5.5. Принимается от ${c.min} до ${c.max}.`,
  submitted: (c) =>
    `✅ Принято: ${label(c)} — ${withUnit(c.value, c.unit)}.\n🔥 Серия: ${c.current} дн. (${g.ru.bestStreak}: ${c.best}).`,
  submittedBelow: (c) =>
    `☑️ Принято: ${label(c)} — ${withUnit(c.value, c.unit)}.\n` +
    `🎯 До дневной цели не хватило ${withUnit(c.missing, c.unit)}: этот день не идёт в серию. 🔥 Серия: ${c.current} дн.`,
  correctHint: (minutes) => `✏️ Ошиблись? Исправить можно в течение ${minutes} мин.`,
  correctButton: '✏️ Исправить',
  askCorrection: (c) =>
    `${label(c)}: сейчас записано ${withUnit(c.value, c.unit)}. Напишите верное число (от ${c.min} до ${c.max}).`,
  corrected: (c) => `✏️ Исправлено: ${label(c)} — ${withUnit(c.value, c.unit)}.`,
  resultDeleted: (c) =>
    `🗑 Администратор удалил ваш результат за ${c.day}: ${label(c)} — ${withUnit(c.value, c.unit)}.\n` +
    'Серия и рейтинг пересчитаны. Если есть вопросы, напишите администратору клуба.',
  resultSetByAdmin: (c) =>
    (c.old === null
      ? `📝 Администратор добавил ваш результат за ${c.day}: ${label(c)} — ${withUnit(c.value, c.unit)}.`
      : `📝 Администратор исправил ваш результат за ${c.day}: ${label(c)} — ${withUnit(c.value, c.unit)} вместо ${withUnit(c.old, c.unit)}.`) +
    `\nПричина: ${c.reason}\nСерия и рейтинг пересчитаны.`,
  badgeEarned: (code, c) =>
    `🏅 Новый значок: ${badgeLabel('ru', code)}${c ? ` — ${label(c)}` : ''}!\nВсе ваши значки — в профиле в приложении.`,
  freezeUsed: (c) =>
    `❄️ ${label(c)}: за ${c.days} результата не было, но заморозка сохранила вашу серию. Осталось заморозок: ${c.freezes}.`,
  freezeEarned: (c) =>
    `❄️ ${label(c)}: 7 дней подряд — вы получили заморозку серии! Если пропустите день, она сохранит серию. У вас: ${c.freezes} (не больше 2).`,
  freezeGranted: (c) => `❄️ Администратор выдал вам заморозку серии: ${label(c)}. У вас: ${c.freezes} (не больше 2).`,
  meTodayBelow: (value, unit, missing) => `Сегодня: ☑️ ${withUnit(value, unit)} — до цели не хватило ${withUnit(missing, unit)}`,
  tryAgain: 'Напишите ещё раз.',
  meHeader: (name) => `👤 ${name}`,
  meToday: (value, unit) => (value === null ? 'Сегодня: ⏳ ещё не отправлено' : `Сегодня: ✅ ${withUnit(value, unit)}`),
  meStreak: (current, best) => `🔥 Серия: ${current} дн. · ${g.ru.bestStreak}: ${best}`,
  meWindow: (window) => `🕘 Время приёма: ${window}`,
  meReminders: (on) => (on ? '🔔 Напоминания: включены' : '🔕 Напоминания: выключены'),
  topHeader: (c) => `🏆 ${label(c)} — ТОП-5 за сегодня`,
  topEmpty: 'Сегодня ещё никто не отправил результат.',
  topMe: (rank, total) => `Ваше место: ${rank} (${total})`,
  topMeNone: 'Сегодня вас пока нет в рейтинге — /submit',
  help:
    'Команды Qadam Club:\n' +
    '/start — приветствие, регистрация и приложение\n' +
    '/submit — отправить результат за сегодня (например: /submit 5,5)\n' +
    '/me — ваши челленджи, серии и статус за сегодня\n' +
    '/top — ТОП-5 за сегодня и ваше место\n' +
    '/language — выбрать язык\n' +
    '/reminders — включить или выключить напоминания\n' +
    '/help — эта справка\n\n' +
    'Удобнее отправлять результат в приложении; /submit выручит, если оно не открывается.',
  chooseLanguage: 'Выберите язык:',
  languageSet: 'Язык изменён: Русский ✅',
  remindersStatus: (on) =>
    on
      ? '🔔 Напоминания включены: в дни, когда результата ещё нет, я напомню в час челленджа.'
      : '🔕 Напоминания выключены.',
  remindersTurnOn: '🔔 Включить',
  remindersTurnOff: '🔕 Выключить',
  remindersOn: '🔔 Напоминания включены.',
  remindersOff: '🔕 Напоминания выключены. Включить снова: /reminders',
  unknownCommand: 'Такой команды я не знаю. /help — список всех команд.',
  plainText: 'Чтобы отправить результат — /submit, все команды — /help.',
  expired: 'Эта кнопка устарела. Попробуйте ещё раз.',
};

const en: Catalogue = {
  languageName: 'English',
  commands: {
    start: 'Start and open the app',
    submit: "Submit today's result",
    me: 'My challenges and streaks',
    top: "Today's leaderboard",
    language: 'Change language',
    reminders: 'Turn reminders on or off',
    help: 'Help',
  },
  greeting: (name) =>
    `Hello, ${name}! 👋\n\n` +
    'Qadam Club is a club for daily habits, discipline and friendly competition. Here you:\n' +
    '• join challenges (steps, reading, workouts…);\n' +
    '• submit your result every day;\n' +
    '• keep your streak of days in a row and watch your place on the leaderboard.\n\n' +
    'To begin, confirm the name shown on leaderboards: tap the button below or type another name.',
  acceptName: (name) => `✅ Use “${name}”`,
  nameInvalid: "That name won't work: 1 to 64 characters, no special symbols. Please type another one.",
  registered: (name) =>
    `All set, ${name}! 🎉 You're now a member of Qadam Club.\n\n` +
    "Open the app, join challenges and submit today's result. If the app doesn't open, the /submit command has you covered.",
  welcomeBack: (name) =>
    `Welcome back, ${name}! 👋\n\n` +
    "Open the app to submit today's result, or use /submit. All commands: /help",
  openApp: '📱 Open Qadam Club',
  appLinkInText: (url) => `App: ${url}`,
  needRegistration: 'Please register first — it takes less than a minute.',
  registerButton: '📝 Register',
  noChallenges: "You haven't joined any challenge yet. Open the app and pick one you like.",
  chooseChallenge: 'Which challenge is this result for?',
  askValue: (c) =>
    `${label(c)}: type today's result as a number${c.unit ? ` (${c.unit})` : ''}.\n` +
    `For example: 5.5 or 5,5. Accepted: from ${c.min} to ${c.max}.`,
  submitted: (c) =>
    `✅ Saved: ${label(c)} — ${withUnit(c.value, c.unit)}.\n🔥 Streak: ${c.current} day(s) (${g.en.bestStreak}: ${c.best}).`,
  submittedBelow: (c) =>
    `☑️ Saved: ${label(c)} — ${withUnit(c.value, c.unit)}.\n` +
    `🎯 ${withUnit(c.missing, c.unit)} short of the daily target: this day does not count for the streak. 🔥 Streak: ${c.current} day(s).`,
  correctHint: (minutes) => `✏️ A typo? You can correct it within ${minutes} min.`,
  correctButton: '✏️ Correct',
  askCorrection: (c) =>
    `${label(c)}: the stored result is ${withUnit(c.value, c.unit)}. Type the right number (from ${c.min} to ${c.max}).`,
  corrected: (c) => `✏️ Corrected: ${label(c)} — ${withUnit(c.value, c.unit)}.`,
  resultDeleted: (c) =>
    `🗑 An admin deleted your result of ${c.day}: ${label(c)} — ${withUnit(c.value, c.unit)}.\n` +
    'Your streak and the leaderboards were recounted. If you have questions, write to the club admin.',
  resultSetByAdmin: (c) =>
    (c.old === null
      ? `📝 An admin added your result of ${c.day}: ${label(c)} — ${withUnit(c.value, c.unit)}.`
      : `📝 An admin corrected your result of ${c.day}: ${label(c)} — ${withUnit(c.value, c.unit)} instead of ${withUnit(c.old, c.unit)}.`) +
    `\nReason: ${c.reason}\nYour streak and the leaderboards were recounted.`,
  badgeEarned: (code, c) => `🏅 New badge: ${badgeLabel('en', code)}${c ? ` — ${label(c)}` : ''}!\nAll your badges are on your profile in the app.`,
  freezeUsed: (c) => `❄️ ${label(c)}: no result on ${c.days}, but a streak freeze kept your streak. Freezes left: ${c.freezes}.`,
  freezeEarned: (c) =>
    `❄️ ${label(c)}: 7 days in a row — you earned a streak freeze! If you miss a day, it keeps your streak. You hold ${c.freezes} (at most 2).`,
  freezeGranted: (c) => `❄️ An admin gave you a streak freeze: ${label(c)}. You hold ${c.freezes} (at most 2).`,
  meTodayBelow: (value, unit, missing) => `Today: ☑️ ${withUnit(value, unit)} — ${withUnit(missing, unit)} short of the target`,
  tryAgain: 'Please type it again.',
  meHeader: (name) => `👤 ${name}`,
  meToday: (value, unit) => (value === null ? 'Today: ⏳ not submitted yet' : `Today: ✅ ${withUnit(value, unit)}`),
  meStreak: (current, best) => `🔥 Streak: ${current} day(s) · ${g.en.bestStreak}: ${best}`,
  meWindow: (window) => `🕘 Results accepted: ${window}`,
  meReminders: (on) => (on ? '🔔 Reminders: on' : '🔕 Reminders: off'),
  topHeader: (c) => `🏆 ${label(c)} — today's top 5`,
  topEmpty: 'Nobody has submitted a result today yet.',
  topMe: (rank, total) => `Your place: ${rank} (${total})`,
  topMeNone: "You're not on today's board yet — /submit",
  help:
    'Qadam Club commands:\n' +
    '/start — greeting, registration and the app\n' +
    "/submit — submit today's result (e.g. /submit 5,5)\n" +
    "/me — your challenges, streaks and today's status\n" +
    "/top — today's top 5 and your place\n" +
    '/language — choose the language\n' +
    '/reminders — turn reminders on or off\n' +
    '/help — this help\n\n' +
    "Submitting in the app is handier; /submit helps when the app won't open.",
  chooseLanguage: 'Choose your language:',
  languageSet: 'Language changed: English ✅',
  remindersStatus: (on) =>
    on
      ? "🔔 Reminders are on: on days without a result I'll remind you at the challenge's time."
      : '🔕 Reminders are off.',
  remindersTurnOn: '🔔 Turn on',
  remindersTurnOff: '🔕 Turn off',
  remindersOn: '🔔 Reminders are on.',
  remindersOff: '🔕 Reminders are off. To turn them back on: /reminders',
  unknownCommand: "I don't know that command. /help lists everything I can do.",
  plainText: 'To submit a result send /submit; for all commands, /help.',
  expired: 'This button has expired. Please try again.',
};

export const botTexts: Record<Language, Catalogue> = { uz, ru, en };
export type BotTexts = Catalogue;

export function botText(language: Language): Catalogue {
  return botTexts[language];
}

/**
 * Numbers as members write them, the same as the Mini App: a decimal comma and a space between
 * thousands in Uzbek and Russian ("10 000,5"), a point and a comma in English ("10,000.5").
 */
export function formatNumber(language: Language, value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  const [whole, fraction] = String(Math.abs(rounded)).split('.');
  const sep = language === 'en' ? ',' : '\u00a0';
  const grouped = whole!.length > 3 ? whole!.replace(/\B(?=(\d{3})+$)/g, sep) : whole!;
  const text = `${rounded < 0 ? '-' : ''}${grouped}${fraction ? (language === 'en' ? '.' : ',') + fraction : ''}`;
  return text;
}

/** A club day as members read it: 25.11.2026 in Uzbek and Russian, 25 Nov 2026 in English. */
export function formatDay(language: Language, day: string): string {
  const [y, m, d] = day.split('-');
  if (language !== 'en') return `${d}.${m}.${y}`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
}

/** The order of the command menu (setMyCommands); /admin is listed per admin by its own feature. */
export const MENU_COMMANDS = ['start', 'submit', 'me', 'top', 'language', 'reminders', 'help'] as const;
