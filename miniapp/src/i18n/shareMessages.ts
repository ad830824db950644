/**
 * Mini App texts of sharing and invitations (Uzbek, Russian, English), beside the main
 * catalogue. The cards' own texts come from the server, in the member's language.
 */
import { computed } from 'vue';
import type { Language } from '../../../shared/schemas';
import { glossary as g } from '../../../shared/i18n/glossary';
import { lang } from './index';

function ruPeople(n: number): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return 'человек';
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return 'человека';
  return 'человек';
}

const en = {
  share: 'Share',
  shareTitle: 'Share to a chat',
  shareHint: 'Pick a card: it goes to any chat you choose, with a button that opens this challenge.',
  shareSend: 'Send to a chat',
  shareSent: 'Sent!',
  shareNone: 'Nothing to share here yet.',
  shareFallbackNoBot: 'Sharing straight from the app needs the club’s bot, which this server does not run. Send the card through Telegram’s share window, or copy it.',
  shareFallbackRefused: 'Telegram did not prepare the card this time. Send it through Telegram’s share window, or copy it.',
  shareFallbackClient: 'This Telegram app cannot share from here. Update it, or send the card through Telegram’s share window.',
  shareOpenTelegram: 'Open Telegram’s share window',
  shareCopy: 'Copy text and link',
  copied: 'Copied',
  copyFailed: 'Could not copy. Select the text and copy it by hand.',
  inviteTitle: 'Invite friends',
  inviteText: `Friends who join ${g.en.brand} through your link are counted here.`,
  inviteLinkLabel: 'Your invite link',
  inviteCopy: 'Copy link',
  inviteShare: 'Share link',
  inviteJoined: (p: { n: number }) => (p.n === 0 ? 'Nobody has joined through your link yet.' : `Joined through your link: ${p.n}`),
};

export type ShareMessages = typeof en;

const uz: ShareMessages = {
  share: 'Ulashish',
  shareTitle: 'Chatga ulashish',
  shareHint: 'Kartani tanlang: u siz tanlagan istalgan chatga shu challengeni ochadigan tugma bilan boradi.',
  shareSend: 'Chatga yuborish',
  shareSent: 'Yuborildi!',
  shareNone: 'Bu yerda hozircha ulashadigan narsa yoʻq.',
  shareFallbackNoBot: 'Ilovadan toʻgʻridan-toʻgʻri ulashish uchun klub boti kerak, bu serverda esa bot ishlamayapti. Kartani Telegramning ulashish oynasi orqali yuboring yoki nusxa oling.',
  shareFallbackRefused: 'Telegram bu safar kartani tayyorlamadi. Uni Telegramning ulashish oynasi orqali yuboring yoki nusxa oling.',
  shareFallbackClient: 'Bu Telegram ilovasi bu yerdan ulasha olmaydi. Uni yangilang yoki kartani Telegramning ulashish oynasi orqali yuboring.',
  shareOpenTelegram: 'Telegramning ulashish oynasini ochish',
  shareCopy: 'Matn va havoladan nusxa olish',
  copied: 'Nusxa olindi',
  copyFailed: 'Nusxa olib boʻlmadi. Matnni belgilab, qoʻlda nusxa oling.',
  inviteTitle: 'Doʻstlarni taklif qilish',
  inviteText: `Havolangiz orqali ${g.uz.brand}ga qoʻshilgan doʻstlaringiz shu yerda sanaladi.`,
  inviteLinkLabel: 'Taklif havolangiz',
  inviteCopy: 'Havoladan nusxa olish',
  inviteShare: 'Havolani ulashish',
  inviteJoined: (p) => (p.n === 0 ? 'Havolangiz orqali hali hech kim qoʻshilmadi.' : `Havolangiz orqali qoʻshildi: ${p.n}`),
};

const ru: ShareMessages = {
  share: 'Поделиться',
  shareTitle: 'Поделиться в чате',
  shareHint: 'Выберите карточку: она уйдёт в любой чат с кнопкой, которая открывает этот челлендж.',
  shareSend: 'Отправить в чат',
  shareSent: 'Отправлено!',
  shareNone: 'Здесь пока нечем поделиться.',
  shareFallbackNoBot: 'Чтобы делиться прямо из приложения, нужен бот клуба, а на этом сервере он не запущен. Отправьте карточку через окно «Поделиться» Telegram или скопируйте её.',
  shareFallbackRefused: 'Telegram не подготовил карточку на этот раз. Отправьте её через окно «Поделиться» Telegram или скопируйте.',
  shareFallbackClient: 'Это приложение Telegram не умеет делиться отсюда. Обновите его или отправьте карточку через окно «Поделиться».',
  shareOpenTelegram: 'Открыть окно «Поделиться» Telegram',
  shareCopy: 'Скопировать текст и ссылку',
  copied: 'Скопировано',
  copyFailed: 'Не удалось скопировать. Выделите текст и скопируйте вручную.',
  inviteTitle: 'Пригласить друзей',
  inviteText: `Друзья, которые вступят в ${g.ru.brand} по вашей ссылке, считаются здесь.`,
  inviteLinkLabel: 'Ваша ссылка-приглашение',
  inviteCopy: 'Скопировать ссылку',
  inviteShare: 'Поделиться ссылкой',
  inviteJoined: (p) => (p.n === 0 ? 'По вашей ссылке пока никто не вступил.' : `Вступили по вашей ссылке: ${p.n} ${ruPeople(p.n)}`),
};

const catalogues: Record<Language, ShareMessages> = { uz, ru, en };

export function useShareI18n() {
  return { st: computed(() => catalogues[lang.value]) };
}
