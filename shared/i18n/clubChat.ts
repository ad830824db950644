/**
 * Texts of the club's Telegram group (winners, the evening summary, /top and /clubchat there)
 * and of a member's own reminder time in the bot's /reminders. Uzbek (Latin) first; plain text
 * (names typed by members go out as they are, so no parse mode).
 */
import type { Language } from '../schemas';
import { formatDay, formatNumber } from './bot';
import { winnersHeader } from './jobs';

const MEDALS = ['🥇', '🥈', '🥉'];

export interface BoardLine {
  rank: number;
  name: string;
  total: number;
  days?: number;
}

export interface ChallengeBlock {
  emoji: string;
  title: string;
  unit: string;
  top: BoardLine[];
}

function amount(language: Language, value: number, unit: string): string {
  return unit ? `${formatNumber(language, value)} ${unit}` : formatNumber(language, value);
}

function rankMark(rank: number): string {
  return MEDALS[rank - 1] ?? `${rank}.`;
}

function block(language: Language, c: ChallengeBlock, empty: string, withDays: boolean): string {
  const daysWord = { uz: 'kun', ru: 'дн.', en: 'days' }[language];
  const lines = [`${c.emoji} ${c.title}`.trim()];
  if (c.top.length === 0) lines.push(empty);
  for (const w of c.top) {
    const days = withDays && w.days !== undefined ? ` (${w.days} ${daysWord})` : '';
    lines.push(`${rankMark(w.rank)} ${w.name} — ${amount(language, w.total, c.unit)}${days}`);
  }
  return lines.join('\n');
}

/** The weekly or monthly winners of every challenge, in one post to the club's group. */
export function groupWinnersText(
  language: Language,
  p: { kind: 'weekly' | 'monthly'; period: string; from: string; to: string; challenges: ChallengeBlock[] },
): string {
  const header = winnersHeader(language, p);
  const footer = {
    uz: 'Tabriklaymiz! Yangi davr boshlandi — oldinga, qadamma-qadam.',
    ru: 'Поздравляем! Новый период начался — вперёд, шаг за шагом.',
    en: 'Congratulations! A new period has started — onwards, step by step.',
  }[language];
  const blocks = p.challenges.map((c) => block(language, { ...c, top: c.top.slice(0, 3) }, '', true));
  return [header, '', blocks.join('\n\n'), '', footer].join('\n');
}

/** The evening summary: how many members sent a result today, and each challenge's top 3. */
export function eveningSummaryText(language: Language, p: { day: string; submitters: number; challenges: ChallengeBlock[] }): string {
  const day = formatDay(language, p.day);
  const header = {
    uz: `🌙 Kun yakuni, ${day}`,
    ru: `🌙 Итоги дня, ${day}`,
    en: `🌙 Today in the club, ${day}`,
  }[language];
  const count = {
    uz: `Bugun ${p.submitters} aʼzo natija yubordi.`,
    ru: `Сегодня результат отправили участники: ${p.submitters}.`,
    en: `${p.submitters} ${p.submitters === 1 ? 'member' : 'members'} sent a result today.`,
  }[language];
  const empty = { uz: 'Hali natija yoʻq.', ru: 'Результатов пока нет.', en: 'No results yet.' }[language];
  const blocks = p.challenges.map((c) => block(language, { ...c, top: c.top.slice(0, 3) }, empty, false));
  return [header, count, '', blocks.join('\n\n')].join('\n').trimEnd();
}

/** /top in the group: today's top of every active challenge. */
export function groupTopText(language: Language, challenges: ChallengeBlock[]): string {
  const header = { uz: '📊 Bugungi reyting', ru: '📊 Рейтинг за сегодня', en: "📊 Today's leaderboard" }[language];
  const empty = { uz: 'Hali natija yoʻq.', ru: 'Результатов пока нет.', en: 'No results yet.' }[language];
  if (challenges.length === 0) {
    return { uz: 'Hozir faol challenge yoʻq.', ru: 'Сейчас нет активных челленджей.', en: 'There is no active challenge right now.' }[language];
  }
  return [header, '', challenges.map((c) => block(language, c, empty, false)).join('\n\n')].join('\n');
}

export interface ClubChatTexts {
  chosen: (title: string) => string;
  alreadyFixed: string;
  notAdmin: string;
  inGroupOnly: string;
  status: (p: { chat: string | null; fixed: boolean; summary: string | null; language: string }) => string;
  summaryOn: (time: string) => string;
  summaryOff: string;
  badTime: string;
  usage: string;
}

export const clubChatTexts: Record<Language, ClubChatTexts> = {
  uz: {
    chosen: (title) => `✅ «${title}» endi klub guruhi: haftalik va oylik gʻoliblar shu yerda eʼlon qilinadi.`,
    alreadyFixed:
      'Klub guruhi server sozlamasida (CLUB_CHAT_ID) belgilangan, shuning uchun bu yerdan oʻzgartirib boʻlmaydi. Uni server sozlamasida oʻzgartiring.',
    notAdmin: 'Bu buyruq faqat klub administratorlari uchun.',
    inGroupOnly: 'Guruhni tanlash uchun /clubchat buyrugʻini oʻsha guruhning oʻzida yuboring (bot guruhga qoʻshilgan boʻlishi kerak).',
    status: (p) =>
      [
        `👥 Klub guruhi: ${p.chat ?? 'tanlanmagan'}${p.fixed ? ' (CLUB_CHAT_ID)' : ''}`,
        `🌙 Kun yakuni: ${p.summary ? `har kuni ${p.summary} da` : 'oʻchirilgan'}`,
        `🗣 Til: ${p.language}`,
        '',
        'Buyruqlar: /clubchat summary 21:30 — kun yakunini yoqish; /clubchat summary off — oʻchirish; /clubchat language uz|ru|en.',
      ].join('\n'),
    summaryOn: (time) => `🌙 Kun yakuni yoqildi: har kuni ${time} da guruhga yuboriladi.`,
    summaryOff: '🌙 Kun yakuni oʻchirildi.',
    badTime: 'Vaqtni SS:DD koʻrinishida yozing, masalan: /clubchat summary 21:30',
    usage: 'Buyruqlar: /clubchat summary 21:30, /clubchat summary off, /clubchat language uz|ru|en.',
  },
  ru: {
    chosen: (title) => `✅ «${title}» теперь группа клуба: здесь будут объявляться победители недели и месяца.`,
    alreadyFixed: 'Группа клуба задана в настройках сервера (CLUB_CHAT_ID), поэтому отсюда её не изменить. Измените её в настройках сервера.',
    notAdmin: 'Эта команда только для администраторов клуба.',
    inGroupOnly: 'Чтобы выбрать группу, отправьте /clubchat в самой группе (бот должен быть в неё добавлен).',
    status: (p) =>
      [
        `👥 Группа клуба: ${p.chat ?? 'не выбрана'}${p.fixed ? ' (CLUB_CHAT_ID)' : ''}`,
        `🌙 Итоги дня: ${p.summary ? `каждый день в ${p.summary}` : 'выключены'}`,
        `🗣 Язык: ${p.language}`,
        '',
        'Команды: /clubchat summary 21:30 — включить итоги дня; /clubchat summary off — выключить; /clubchat language uz|ru|en.',
      ].join('\n'),
    summaryOn: (time) => `🌙 Итоги дня включены: каждый день в ${time} в группе.`,
    summaryOff: '🌙 Итоги дня выключены.',
    badTime: 'Укажите время как ЧЧ:ММ, например: /clubchat summary 21:30',
    usage: 'Команды: /clubchat summary 21:30, /clubchat summary off, /clubchat language uz|ru|en.',
  },
  en: {
    chosen: (title) => `✅ "${title}" is now the club's group: the weekly and monthly winners will be announced here.`,
    alreadyFixed: "The club's group is set in the server's settings (CLUB_CHAT_ID), so it can't be changed from here. Change it there.",
    notAdmin: 'This command is for club admins only.',
    inGroupOnly: 'To choose the group, send /clubchat in that group itself (the bot must be a member of it).',
    status: (p) =>
      [
        `👥 Club group: ${p.chat ?? 'not chosen'}${p.fixed ? ' (CLUB_CHAT_ID)' : ''}`,
        `🌙 Evening summary: ${p.summary ? `every day at ${p.summary}` : 'off'}`,
        `🗣 Language: ${p.language}`,
        '',
        'Commands: /clubchat summary 21:30 — turn the evening summary on; /clubchat summary off — turn it off; /clubchat language uz|ru|en.',
      ].join('\n'),
    summaryOn: (time) => `🌙 Evening summary on: posted to the group every day at ${time}.`,
    summaryOff: '🌙 Evening summary off.',
    badTime: 'Write the time as HH:MM, e.g. /clubchat summary 21:30',
    usage: 'Commands: /clubchat summary 21:30, /clubchat summary off, /clubchat language uz|ru|en.',
  },
};

/** The bot's /reminders: each joined challenge with the member's own time. */
export interface MyReminderTexts {
  header: (allOn: boolean) => string;
  line: (p: { emoji: string; title: string; time: string | null; own: boolean; enabled: boolean; window: string | null }) => string;
  chooseTime: (p: { emoji: string; title: string; window: string | null; defaultTime: string | null }) => string;
  set: (p: { emoji: string; title: string; time: string | null }) => string;
  offFor: (p: { emoji: string; title: string }) => string;
  changeButton: (emoji: string) => string;
  defaultButton: string;
  offButton: string;
  onButton: string;
  badTime: string;
  outsideWindow: (window: string) => string;
}

export const myReminderTexts: Record<Language, MyReminderTexts> = {
  uz: {
    header: (on) => (on ? '🔔 Eslatmalaringiz:' : '🔕 Barcha eslatmalar oʻchirilgan. Challengelar boʻyicha vaqtlar:'),
    line: (p) =>
      `${p.emoji} ${p.title}: ` +
      (!p.enabled ? 'oʻchirilgan' : p.time ? `${p.time}${p.own ? ' (oʻzingiz tanlagan)' : ''}` : 'vaqt belgilanmagan') +
      (p.window ? ` · natijalar ${p.window}` : ''),
    chooseTime: (p) =>
      `${p.emoji} ${p.title}: eslatma vaqtini SS:DD koʻrinishida yozing (masalan 20:30)` +
      (p.window ? `, ${p.window} oraligʻida` : '') +
      (p.defaultTime ? `. Challenge vaqti: ${p.defaultTime}.` : '.'),
    set: (p) => `✅ ${p.emoji} ${p.title}: ${p.time ? `har kuni ${p.time} da eslataman (natija yubormagan boʻlsangiz).` : 'eslatma vaqti yoʻq.'}`,
    offFor: (p) => `🔕 ${p.emoji} ${p.title}: bu challenge boʻyicha eslatmalar oʻchirildi.`,
    changeButton: (emoji) => `${emoji} Vaqtni oʻzgartirish`,
    defaultButton: '↩️ Challenge vaqti',
    offButton: '🔕 Oʻchirish',
    onButton: '🔔 Yoqish',
    badTime: 'Vaqtni SS:DD koʻrinishida yozing, masalan 20:30.',
    outsideWindow: (w) => `Eslatma vaqti challenge oraligʻida boʻlishi kerak: ${w}. Boshqa vaqt yozing.`,
  },
  ru: {
    header: (on) => (on ? '🔔 Ваши напоминания:' : '🔕 Все напоминания выключены. Время по челленджам:'),
    line: (p) =>
      `${p.emoji} ${p.title}: ` +
      (!p.enabled ? 'выключено' : p.time ? `${p.time}${p.own ? ' (ваше время)' : ''}` : 'время не задано') +
      (p.window ? ` · результаты ${p.window}` : ''),
    chooseTime: (p) =>
      `${p.emoji} ${p.title}: напишите время напоминания как ЧЧ:ММ (например, 20:30)` +
      (p.window ? `, в пределах ${p.window}` : '') +
      (p.defaultTime ? `. Время челленджа: ${p.defaultTime}.` : '.'),
    set: (p) => `✅ ${p.emoji} ${p.title}: ${p.time ? `напомню каждый день в ${p.time}, если результата ещё нет.` : 'время напоминания не задано.'}`,
    offFor: (p) => `🔕 ${p.emoji} ${p.title}: напоминания по этому челленджу выключены.`,
    changeButton: (emoji) => `${emoji} Изменить время`,
    defaultButton: '↩️ Время челленджа',
    offButton: '🔕 Выключить',
    onButton: '🔔 Включить',
    badTime: 'Напишите время как ЧЧ:ММ, например 20:30.',
    outsideWindow: (w) => `Время напоминания должно быть в пределах окна челленджа: ${w}. Напишите другое время.`,
  },
  en: {
    header: (on) => (on ? '🔔 Your reminders:' : '🔕 All reminders are off. Times per challenge:'),
    line: (p) =>
      `${p.emoji} ${p.title}: ` +
      (!p.enabled ? 'off' : p.time ? `${p.time}${p.own ? ' (your time)' : ''}` : 'no time set') +
      (p.window ? ` · results ${p.window}` : ''),
    chooseTime: (p) =>
      `${p.emoji} ${p.title}: type your reminder time as HH:MM (e.g. 20:30)` +
      (p.window ? `, within ${p.window}` : '') +
      (p.defaultTime ? `. The challenge's time: ${p.defaultTime}.` : '.'),
    set: (p) => `✅ ${p.emoji} ${p.title}: ${p.time ? `I'll remind you every day at ${p.time} if today's result is missing.` : 'no reminder time.'}`,
    offFor: (p) => `🔕 ${p.emoji} ${p.title}: reminders for this challenge are off.`,
    changeButton: (emoji) => `${emoji} Change time`,
    defaultButton: "↩️ Challenge's time",
    offButton: '🔕 Turn off',
    onButton: '🔔 Turn on',
    badTime: 'Write the time as HH:MM, e.g. 20:30.',
    outsideWindow: (w) => `The reminder time must lie inside the challenge's window: ${w}. Type another time.`,
  },
};
