/**
 * The panel's texts in Uzbek (Latin, the default), Russian and English. English defines the keys;
 * the other two must have every one (a missing key fails vue-tsc).
 */
import { computed, ref } from 'vue';
import { dateEnUS, dateRuRU, dateUzUZ, enUS, ruRU, uzUZ } from 'naive-ui';
import { errorText, languageFromTelegram } from '../../shared/i18n/errors';
import type { Language } from '../../shared/schemas';
import type { AppErrorCode } from './api';

const en = {
  appTitle: 'Qadam Club',
  adminPanel: 'Admin panel',
  'nav.dashboard': 'Dashboard',
  'nav.challenges': 'Challenges',
  'nav.members': 'Members',
  'nav.audit': 'Audit log',
  'nav.admins': 'Admins',
  'role.owner': 'Owner',
  'role.admin': 'Admin',
  logout: 'Sign out',
  language: 'Language',
  retry: 'Try again',
  cancel: 'Cancel',
  confirm: 'Confirm',
  save: 'Save',
  close: 'Close',
  back: 'Back',
  loading: 'Loading…',
  none: '—',
  yes: 'Yes',
  no: 'No',
  exportCsv: 'CSV',
  downloaded: 'Download started',
  saved: 'Saved',
  updatedAt: 'Updated {time}',
  demo: 'Demo mode',
  live: 'Live',

  'login.title': 'Sign in to the admin panel',
  'login.how': 'Open the club bot in Telegram and send /admin. It replies with a one-time sign-in link that works for 10 minutes.',
  'login.openBot': 'Open @{bot}',
  'login.linkInvalid': 'This sign-in link has expired or was already used. Send /admin to the bot for a new one.',
  'login.expired': 'Your session has ended. Sign in again.',
  'login.loggedOut': 'You have signed out.',
  'login.demo': 'Demo mode: try the panel as a demo owner',
  'login.demoButton': 'Enter the demo panel',
  'login.signingIn': 'Signing in…',

  'forbidden.title': 'No access',
  'forbidden.text': 'This panel is for club admins only.',
  'forbidden.ask': 'If you should have access, ask a club owner to add your Telegram ID.',
  'forbidden.signOut': 'Sign out',

  'error.title': 'Something went wrong',
  'error.csrf': 'Your page was out of date. It has been refreshed; please repeat the action.',

  'dash.members': 'Members',
  'dash.registered': 'Registered',
  'dash.banned': 'Banned',
  'dash.activeChallenges': 'Active challenges',
  'dash.submissions': 'Submissions (all time)',
  'dash.dau': 'Daily active members',
  'dash.perDay': 'Submissions per day',
  'dash.days': '{n} days',
  'dash.popular': 'Popular challenges',
  'dash.participants': 'Participants',
  'dash.thisWeek': 'Submissions this week',
  'dash.winners': 'Winners',
  'dash.weekly': 'Weekly',
  'dash.monthly': 'Monthly',
  'dash.current': 'In progress ({period})',
  'dash.past': 'Past winners',
  'dash.noWinners': 'No finished periods yet. Winners are written at the end of each week and month.',
  'dash.noActive': 'No active challenges.',
  'dash.noLeaders': 'No results yet',
  'dash.activeSeries': 'Active members',
  'dash.submissionsSeries': 'Submissions',
  'dash.noChallenges': 'No challenges yet.',
  'dash.period': 'Period',
  edit: 'Edit',

  'ch.new': 'New challenge',
  'ch.edit': 'Edit challenge',
  'ch.empty': 'No challenges yet. Create the first one.',
  'ch.title': 'Title',
  'ch.description': 'Description',
  'ch.emoji': 'Emoji',
  'ch.unit': 'Unit',
  'ch.unitHint': 'steps, pages, km, min…',
  'ch.translationsHint': 'Russian and English texts: members see their language; an empty field shows the Uzbek text.',
  'ch.titleRu': 'Title (Russian)',
  'ch.titleEn': 'Title (English)',
  'ch.unitRu': 'Unit (Russian)',
  'ch.unitEn': 'Unit (English)',
  'ch.descriptionRu': 'Description (Russian)',
  'ch.descriptionEn': 'Description (English)',
  'ch.target': 'Daily target',
  'ch.targetHint': 'A day counts toward the streak only when the value reaches the target. Empty: any result counts.',
  'ch.min': 'Minimum value',
  'ch.max': 'Maximum value',
  'ch.range': 'Accepted values',
  'ch.window': 'Time window',
  'ch.windowHint': 'Results are accepted only inside this window (club time zone).',
  'ch.windowOn': 'Only accept results inside a time window',
  'ch.from': 'From',
  'ch.to': 'To',
  'ch.reminder': 'Reminder time',
  'ch.reminderHint': 'Members without a result that day get a reminder at this time. Empty: no reminders.',
  'ch.dates': 'Dates',
  'ch.startDate': 'Start date',
  'ch.endDate': 'End date',
  'ch.active': 'Active',
  'ch.activeHint': 'Inactive challenges are hidden from members; their history is kept.',
  'ch.participants': 'Participants',
  'ch.status': 'Status',
  'ch.statusActive': 'Active',
  'ch.statusInactive': 'Inactive',
  'ch.leaderboard': 'Leaderboard',
  'ch.actions': 'Actions',
  'ch.noWindow': 'Any time',
  'ch.noTarget': 'No target',
  'ch.created': 'Challenge created',
  'ch.updated': 'Challenge saved',
  'ch.activated': 'Challenge activated',
  'ch.deactivated': 'Challenge deactivated',
  'ch.deactivateConfirm': 'Deactivate “{title}”? Members will no longer see it or submit results. History is kept.',
  'ch.activateConfirm': 'Activate “{title}”? Members will see it and can join.',
  'ch.titleRequired': 'Enter a title',
  'ch.minMax': 'The minimum must be below the maximum',
  'ch.targetMax': 'The target must not exceed the maximum',
  'ch.windowOrder': 'The window must start before it ends, within one day',
  'ch.windowBoth': 'Choose both the start and the end of the window',
  'ch.dateOrder': 'The start date must not be after the end date',
  'ch.noChanges': 'Nothing has changed',
  'ch.submissionsCsv': 'Submissions CSV',

  'lb.today': 'Today',
  'lb.weekly': 'This week',
  'lb.monthly': 'This month',
  'lb.all': 'All time',
  'lb.rank': '#',
  'lb.member': 'Member',
  'lb.total': 'Total',
  'lb.days': 'Days',
  'lb.period': 'Period: {from} – {to}',
  'lb.periodAll': 'Up to {to}',
  'lb.empty': 'No results in this period yet.',

  'm.search': 'Search by name, @username or Telegram ID',
  'm.name': 'Member',
  'm.telegramId': 'Telegram ID',
  'm.status': 'Status',
  'm.active': 'Active',
  'm.banned': 'Banned',
  'm.unregistered': 'Not registered',
  'm.challenges': 'Challenges',
  'm.submissions': 'Submissions',
  'm.bestStreak': 'Best streak',
  'm.lastActive': 'Last active',
  'm.never': 'Never',
  'm.open': 'Open',
  'm.ban': 'Ban',
  'm.unban': 'Unban',
  'm.empty': 'No members yet.',
  'm.noMatch': 'Nobody matches “{q}”.',
  'm.total': '{n} members',
  'm.banTitle': 'Ban {name}?',
  'm.banText': 'A banned member cannot submit, join or appear on leaderboards until unbanned.',
  'm.banReason': 'Reason (shown in the audit log)',
  'm.unbanTitle': 'Unban {name}?',
  'm.unbanText': 'They will be able to take part again and reappear on leaderboards.',
  'm.bannedOk': '{name} is banned',
  'm.unbannedOk': '{name} is unbanned',
  'm.membersCsv': 'Members CSV',
  'm.submissionsCsv': 'Submissions CSV',
  'm.reason': 'Reason: {reason}',

  'md.title': 'Member',
  'md.firstName': 'First name (Telegram)',
  'md.username': 'Username',
  'md.registered': 'Registered',
  'md.memberships': 'Challenges and streaks',
  'md.challenge': 'Challenge',
  'md.joined': 'Member',
  'md.left': 'Left / removed',
  'md.current': 'Current streak',
  'md.best': 'Best streak',
  'md.total': 'Total',
  'md.days': 'Days',
  'md.setStreak': 'Set streak',
  'md.remove': 'Remove',
  'md.history': 'Submission history',
  'md.day': 'Club day',
  'md.value': 'Value',
  'md.submittedAt': 'Submitted at',
  'md.delete': 'Delete',
  'md.noMemberships': 'Not in any challenge.',
  'md.noSubmissions': 'No submissions.',
  'md.setStreakTitle': 'Set the current streak in “{challenge}”',
  'md.setStreakText': 'The new value is recorded in the audit log. The best streak rises with it if needed.',
  'md.streakValue': 'Current streak (days)',
  'md.streakSet': 'Streak set to {n}',
  'md.removeTitle': 'Remove {name} from “{challenge}”?',
  'md.removeText': 'They leave the challenge and its leaderboards. Their history is kept; they can rejoin.',
  'md.removed': 'Removed from the challenge',
  'md.deleteTitle': 'Delete this submission?',
  'md.deleteText': '{value} on {day} in “{challenge}”. Totals, leaderboards and the streak are recomputed. This cannot be undone.',
  'md.deleted': 'Submission deleted',
  'md.notFound': 'No such member.',

  'audit.when': 'When',
  'audit.who': 'Who',
  'audit.action': 'Action',
  'audit.target': 'Target',
  'audit.change': 'Before → after',
  'audit.empty': 'Nothing recorded yet.',
  'audit.total': '{n} entries',
  'action.challenge.create': 'Challenge created',
  'action.challenge.update': 'Challenge edited',
  'action.challenge.activate': 'Challenge activated',
  'action.challenge.deactivate': 'Challenge deactivated',
  'action.user.ban': 'Member banned',
  'action.user.unban': 'Member unbanned',
  'action.submission.delete': 'Submission deleted',
  'action.streak.set': 'Streak set',
  'action.membership.remove': 'Removed from challenge',
  'action.admin.add': 'Admin added',
  'action.admin.remove': 'Admin removed',
  'action.admin.login': 'Signed in',
  'action.admin.logout': 'Signed out',
  'action.export.csv': 'CSV exported',

  'adm.title': 'Admins',
  'adm.name': 'Name',
  'adm.role': 'Role',
  'adm.since': 'Added',
  'adm.add': 'Add admin',
  'adm.addHint': 'Admins sign in by sending /admin to the bot. Owners can also add and remove admins.',
  'adm.idPlaceholder': 'Telegram ID',
  'adm.added': 'Admin added',
  'adm.remove': 'Remove',
  'adm.removeTitle': 'Remove admin {id}?',
  'adm.removeText': 'They lose access to the panel immediately.',
  'adm.removed': 'Admin removed',
  'adm.you': 'you',
  'adm.ownersOnly': 'Only owners can add or remove admins.',
  'adm.badId': 'Enter a numeric Telegram ID',
} as const;

export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

const uz: Messages = {
  appTitle: 'Qadam Club',
  adminPanel: 'Boshqaruv paneli',
  'nav.dashboard': 'Bosh sahifa',
  'nav.challenges': 'Challengelar',
  'nav.members': "A'zolar",
  'nav.audit': 'Audit jurnali',
  'nav.admins': 'Administratorlar',
  'role.owner': 'Egasi',
  'role.admin': 'Administrator',
  logout: 'Chiqish',
  language: 'Til',
  retry: "Qayta urinish",
  cancel: 'Bekor qilish',
  confirm: 'Tasdiqlash',
  save: 'Saqlash',
  close: 'Yopish',
  back: 'Orqaga',
  loading: 'Yuklanmoqda…',
  none: '—',
  yes: 'Ha',
  no: "Yo'q",
  exportCsv: 'CSV',
  downloaded: 'Yuklab olish boshlandi',
  saved: 'Saqlandi',
  updatedAt: 'Yangilandi: {time}',
  demo: 'Demo rejim',
  live: 'Jonli',

  'login.title': 'Boshqaruv paneliga kirish',
  'login.how': "Telegramda klub botini oching va /admin yuboring. Bot 10 daqiqa amal qiladigan bir martalik kirish havolasini yuboradi.",
  'login.openBot': '@{bot} ni ochish',
  'login.linkInvalid': "Bu kirish havolasi eskirgan yoki allaqachon ishlatilgan. Yangisi uchun botga /admin yuboring.",
  'login.expired': 'Sessiya tugadi. Qaytadan kiring.',
  'login.loggedOut': 'Siz tizimdan chiqdingiz.',
  'login.demo': "Demo rejim: panelni demo egasi sifatida sinab ko'ring",
  'login.demoButton': 'Demo panelga kirish',
  'login.signingIn': 'Kirilmoqda…',

  'forbidden.title': "Ruxsat yo'q",
  'forbidden.text': 'Bu panel faqat klub administratorlari uchun.',
  'forbidden.ask': "Agar sizda ruxsat bo'lishi kerak bo'lsa, klub egasidan Telegram ID raqamingizni qo'shishni so'rang.",
  'forbidden.signOut': 'Chiqish',

  'error.title': 'Nimadir xato ketdi',
  'error.csrf': 'Sahifa eskirgan edi va yangilandi. Amalni qaytadan bajaring.',

  'dash.members': "A'zolar",
  'dash.registered': "Ro'yxatdan o'tganlar",
  'dash.banned': 'Bloklanganlar',
  'dash.activeChallenges': 'Faol challengelar',
  'dash.submissions': 'Natijalar (jami)',
  'dash.dau': "Kunlik faol a'zolar",
  'dash.perDay': 'Kunlik natijalar',
  'dash.days': '{n} kun',
  'dash.popular': 'Ommabop challengelar',
  'dash.participants': 'Ishtirokchilar',
  'dash.thisWeek': 'Shu haftadagi natijalar',
  'dash.winners': "G'oliblar",
  'dash.weekly': 'Haftalik',
  'dash.monthly': 'Oylik',
  'dash.current': 'Davom etmoqda ({period})',
  'dash.past': "O'tgan g'oliblar",
  'dash.noWinners': "Hali yakunlangan davr yo'q. G'oliblar har hafta va oy oxirida yoziladi.",
  'dash.noActive': "Faol challenge yo'q.",
  'dash.noLeaders': "Hali natija yo'q",
  'dash.activeSeries': "Faol a'zolar",
  'dash.submissionsSeries': 'Natijalar',
  'dash.noChallenges': "Hali challenge yo'q.",
  'dash.period': 'Davr',
  edit: 'Tahrirlash',

  'ch.new': 'Yangi challenge',
  'ch.edit': 'Challengeni tahrirlash',
  'ch.empty': "Hali challenge yo'q. Birinchisini yarating.",
  'ch.title': 'Nomi',
  'ch.description': 'Tavsif',
  'ch.emoji': 'Emoji',
  'ch.unit': "O'lchov birligi",
  'ch.unitHint': 'qadam, sahifa, km, daqiqa…',
  'ch.translationsHint': 'Ruscha va inglizcha matnlar: aʼzolar oʻz tilida koʻradi; boʻsh maydon oʻrniga oʻzbekcha matn chiqadi.',
  'ch.titleRu': 'Nomi (ruscha)',
  'ch.titleEn': 'Nomi (inglizcha)',
  'ch.unitRu': 'Birlik (ruscha)',
  'ch.unitEn': 'Birlik (inglizcha)',
  'ch.descriptionRu': 'Tavsif (ruscha)',
  'ch.descriptionEn': 'Tavsif (inglizcha)',
  'ch.target': 'Kunlik maqsad',
  'ch.targetHint': "Kun seriyaga faqat qiymat maqsadga yetganda hisoblanadi. Bo'sh: har qanday natija hisoblanadi.",
  'ch.min': 'Eng kichik qiymat',
  'ch.max': 'Eng katta qiymat',
  'ch.range': 'Qabul qilinadigan qiymatlar',
  'ch.window': 'Vaqt oralig‘i',
  'ch.windowHint': 'Natijalar faqat shu oraliqda qabul qilinadi (klub vaqt mintaqasi).',
  'ch.windowOn': 'Natijalarni faqat belgilangan vaqt oralig‘ida qabul qilish',
  'ch.from': 'Dan',
  'ch.to': 'Gacha',
  'ch.reminder': 'Eslatma vaqti',
  'ch.reminderHint': "O'sha kuni natija yubormagan a'zolarga shu vaqtda eslatma boradi. Bo'sh: eslatma yo'q.",
  'ch.dates': 'Sanalar',
  'ch.startDate': 'Boshlanish sanasi',
  'ch.endDate': 'Tugash sanasi',
  'ch.active': 'Faol',
  'ch.activeHint': "Faol bo'lmagan challengelar a'zolarga ko'rinmaydi; tarix saqlanadi.",
  'ch.participants': 'Ishtirokchilar',
  'ch.status': 'Holati',
  'ch.statusActive': 'Faol',
  'ch.statusInactive': 'Nofaol',
  'ch.leaderboard': 'Reyting',
  'ch.actions': 'Amallar',
  'ch.noWindow': 'Istalgan vaqt',
  'ch.noTarget': "Maqsad yo'q",
  'ch.created': 'Challenge yaratildi',
  'ch.updated': 'Challenge saqlandi',
  'ch.activated': 'Challenge faollashtirildi',
  'ch.deactivated': "Challenge o'chirildi",
  'ch.deactivateConfirm': "«{title}» o'chirilsinmi? A'zolar uni ko'rmaydi va natija yubora olmaydi. Tarix saqlanadi.",
  'ch.activateConfirm': "«{title}» faollashtirilsinmi? A'zolar uni ko'radi va qo'shila oladi.",
  'ch.titleRequired': 'Nomini kiriting',
  'ch.minMax': "Eng kichik qiymat eng kattasidan kam bo'lishi kerak",
  'ch.targetMax': 'Maqsad eng katta qiymatdan oshmasligi kerak',
  'ch.windowOrder': 'Oraliq bir kun ichida, tugashidan oldin boshlanishi kerak',
  'ch.windowBoth': 'Oraliqning boshi va oxirini tanlang',
  'ch.dateOrder': "Boshlanish sanasi tugash sanasidan keyin bo'lmasligi kerak",
  'ch.noChanges': "Hech narsa o'zgarmadi",
  'ch.submissionsCsv': 'Natijalar CSV',

  'lb.today': 'Bugun',
  'lb.weekly': 'Shu hafta',
  'lb.monthly': 'Shu oy',
  'lb.all': 'Barcha vaqt',
  'lb.rank': '#',
  'lb.member': "A'zo",
  'lb.total': 'Jami',
  'lb.days': 'Kunlar',
  'lb.period': 'Davr: {from} – {to}',
  'lb.periodAll': '{to} gacha',
  'lb.empty': "Bu davrda hali natija yo'q.",

  'm.search': "Ism, @username yoki Telegram ID bo'yicha qidirish",
  'm.name': "A'zo",
  'm.telegramId': 'Telegram ID',
  'm.status': 'Holati',
  'm.active': 'Faol',
  'm.banned': 'Bloklangan',
  'm.unregistered': "Ro'yxatdan o'tmagan",
  'm.challenges': 'Challengelar',
  'm.submissions': 'Natijalar',
  'm.bestStreak': 'Eng uzun seriya',
  'm.lastActive': 'Oxirgi faollik',
  'm.never': 'Hech qachon',
  'm.open': 'Ochish',
  'm.ban': 'Bloklash',
  'm.unban': 'Blokdan chiqarish',
  'm.empty': "Hali a'zolar yo'q.",
  'm.noMatch': "«{q}» bo'yicha hech kim topilmadi.",
  'm.total': "{n} ta a'zo",
  'm.banTitle': '{name} bloklansinmi?',
  'm.banText': "Bloklangan a'zo blokdan chiqarilguncha natija yubora olmaydi, qo'shila olmaydi va reytinglarda ko'rinmaydi.",
  'm.banReason': "Sabab (audit jurnalida ko'rinadi)",
  'm.unbanTitle': '{name} blokdan chiqarilsinmi?',
  'm.unbanText': "U yana ishtirok eta oladi va reytinglarda qayta ko'rinadi.",
  'm.bannedOk': '{name} bloklandi',
  'm.unbannedOk': '{name} blokdan chiqarildi',
  'm.membersCsv': "A'zolar CSV",
  'm.submissionsCsv': 'Natijalar CSV',
  'm.reason': 'Sabab: {reason}',

  'md.title': "A'zo",
  'md.firstName': 'Ism (Telegram)',
  'md.username': 'Username',
  'md.registered': "Ro'yxatdan o'tgan",
  'md.memberships': 'Challengelar va seriyalar',
  'md.challenge': 'Challenge',
  'md.joined': "A'zo",
  'md.left': 'Chiqqan / chiqarilgan',
  'md.current': 'Joriy seriya',
  'md.best': 'Eng uzun seriya',
  'md.total': 'Jami',
  'md.days': 'Kunlar',
  'md.setStreak': "Seriyani o'rnatish",
  'md.remove': 'Chiqarish',
  'md.history': 'Natijalar tarixi',
  'md.day': 'Klub kuni',
  'md.value': 'Qiymat',
  'md.submittedAt': 'Yuborilgan vaqt',
  'md.delete': "O'chirish",
  'md.noMemberships': 'Hech qaysi challengeda emas.',
  'md.noSubmissions': "Natijalar yo'q.",
  'md.setStreakTitle': "«{challenge}» bo'yicha joriy seriyani o'rnatish",
  'md.setStreakText': "Yangi qiymat audit jurnaliga yoziladi. Kerak bo'lsa, eng uzun seriya ham oshadi.",
  'md.streakValue': 'Joriy seriya (kun)',
  'md.streakSet': "Seriya {n} ga o'rnatildi",
  'md.removeTitle': '{name} «{challenge}» dan chiqarilsinmi?',
  'md.removeText': "U challenge va uning reytinglaridan chiqadi. Tarixi saqlanadi; qayta qo'shilishi mumkin.",
  'md.removed': 'Challengedan chiqarildi',
  'md.deleteTitle': "Bu natija o'chirilsinmi?",
  'md.deleteText': "{day} kuni «{challenge}» dagi {value}. Jami, reytinglar va seriya qayta hisoblanadi. Buni qaytarib bo'lmaydi.",
  'md.deleted': "Natija o'chirildi",
  'md.notFound': "Bunday a'zo yo'q.",

  'audit.when': 'Qachon',
  'audit.who': 'Kim',
  'audit.action': 'Amal',
  'audit.target': 'Obyekt',
  'audit.change': 'Oldin → keyin',
  'audit.empty': 'Hali hech narsa yozilmagan.',
  'audit.total': '{n} ta yozuv',
  'action.challenge.create': 'Challenge yaratildi',
  'action.challenge.update': 'Challenge tahrirlandi',
  'action.challenge.activate': 'Challenge faollashtirildi',
  'action.challenge.deactivate': "Challenge o'chirildi",
  'action.user.ban': "A'zo bloklandi",
  'action.user.unban': "A'zo blokdan chiqarildi",
  'action.submission.delete': "Natija o'chirildi",
  'action.streak.set': "Seriya o'rnatildi",
  'action.membership.remove': 'Challengedan chiqarildi',
  'action.admin.add': "Administrator qo'shildi",
  'action.admin.remove': "Administrator o'chirildi",
  'action.admin.login': 'Panelga kirdi',
  'action.admin.logout': 'Paneldan chiqdi',
  'action.export.csv': 'CSV yuklab olindi',

  'adm.title': 'Administratorlar',
  'adm.name': 'Ism',
  'adm.role': 'Rol',
  'adm.since': "Qo'shilgan",
  'adm.add': "Administrator qo'shish",
  'adm.addHint': "Administratorlar botga /admin yuborib kiradi. Egalar administratorlarni qo'shishi va o'chirishi ham mumkin.",
  'adm.idPlaceholder': 'Telegram ID',
  'adm.added': "Administrator qo'shildi",
  'adm.remove': "O'chirish",
  'adm.removeTitle': "{id} administratorlikdan o'chirilsinmi?",
  'adm.removeText': "U panelga kirish huquqini darhol yo'qotadi.",
  'adm.removed': "Administrator o'chirildi",
  'adm.you': 'siz',
  'adm.ownersOnly': "Administratorlarni faqat egalar qo'sha oladi yoki o'chira oladi.",
  'adm.badId': 'Raqamli Telegram ID kiriting',
};

const ru: Messages = {
  appTitle: 'Qadam Club',
  adminPanel: 'Панель администратора',
  'nav.dashboard': 'Обзор',
  'nav.challenges': 'Челленджи',
  'nav.members': 'Участники',
  'nav.audit': 'Журнал действий',
  'nav.admins': 'Администраторы',
  'role.owner': 'Владелец',
  'role.admin': 'Администратор',
  logout: 'Выйти',
  language: 'Язык',
  retry: 'Повторить',
  cancel: 'Отмена',
  confirm: 'Подтвердить',
  save: 'Сохранить',
  close: 'Закрыть',
  back: 'Назад',
  loading: 'Загрузка…',
  none: '—',
  yes: 'Да',
  no: 'Нет',
  exportCsv: 'CSV',
  downloaded: 'Загрузка началась',
  saved: 'Сохранено',
  updatedAt: 'Обновлено {time}',
  demo: 'Демо-режим',
  live: 'Онлайн',

  'login.title': 'Вход в панель администратора',
  'login.how': 'Откройте бота клуба в Telegram и отправьте /admin. Он пришлёт одноразовую ссылку для входа, действующую 10 минут.',
  'login.openBot': 'Открыть @{bot}',
  'login.linkInvalid': 'Срок действия ссылки истёк или она уже использована. Отправьте боту /admin, чтобы получить новую.',
  'login.expired': 'Сессия завершилась. Войдите снова.',
  'login.loggedOut': 'Вы вышли из панели.',
  'login.demo': 'Демо-режим: попробуйте панель как демо-владелец',
  'login.demoButton': 'Открыть демо-панель',
  'login.signingIn': 'Вход…',

  'forbidden.title': 'Нет доступа',
  'forbidden.text': 'Эта панель только для администраторов клуба.',
  'forbidden.ask': 'Если у вас должен быть доступ, попросите владельца клуба добавить ваш Telegram ID.',
  'forbidden.signOut': 'Выйти',

  'error.title': 'Что-то пошло не так',
  'error.csrf': 'Страница устарела и была обновлена. Повторите действие.',

  'dash.members': 'Участники',
  'dash.registered': 'Зарегистрированы',
  'dash.banned': 'Заблокированы',
  'dash.activeChallenges': 'Активные челленджи',
  'dash.submissions': 'Результаты (всего)',
  'dash.dau': 'Активные участники по дням',
  'dash.perDay': 'Результаты по дням',
  'dash.days': '{n} дн.',
  'dash.popular': 'Популярные челленджи',
  'dash.participants': 'Участники',
  'dash.thisWeek': 'Результатов за неделю',
  'dash.winners': 'Победители',
  'dash.weekly': 'Неделя',
  'dash.monthly': 'Месяц',
  'dash.current': 'Идёт сейчас ({period})',
  'dash.past': 'Прошлые победители',
  'dash.noWinners': 'Завершённых периодов пока нет. Победители записываются в конце каждой недели и месяца.',
  'dash.noActive': 'Нет активных челленджей.',
  'dash.noLeaders': 'Результатов пока нет',
  'dash.activeSeries': 'Активные участники',
  'dash.submissionsSeries': 'Результаты',
  'dash.noChallenges': 'Челленджей пока нет.',
  'dash.period': 'Период',
  edit: 'Изменить',

  'ch.new': 'Новый челлендж',
  'ch.edit': 'Редактирование челленджа',
  'ch.empty': 'Челленджей пока нет. Создайте первый.',
  'ch.title': 'Название',
  'ch.description': 'Описание',
  'ch.emoji': 'Эмодзи',
  'ch.unit': 'Единица',
  'ch.unitHint': 'шаги, страницы, км, мин…',
  'ch.translationsHint': 'Тексты на русском и английском: участники видят свой язык; пустое поле — показывается узбекский текст.',
  'ch.titleRu': 'Название (русский)',
  'ch.titleEn': 'Название (английский)',
  'ch.unitRu': 'Единица (русский)',
  'ch.unitEn': 'Единица (английский)',
  'ch.descriptionRu': 'Описание (русский)',
  'ch.descriptionEn': 'Описание (английский)',
  'ch.target': 'Дневная цель',
  'ch.targetHint': 'День засчитывается в серию, только если значение достигает цели. Пусто — засчитывается любой результат.',
  'ch.min': 'Минимальное значение',
  'ch.max': 'Максимальное значение',
  'ch.range': 'Допустимые значения',
  'ch.window': 'Окно времени',
  'ch.windowHint': 'Результаты принимаются только в этом окне (часовой пояс клуба).',
  'ch.windowOn': 'Принимать результаты только в окне времени',
  'ch.from': 'С',
  'ch.to': 'До',
  'ch.reminder': 'Время напоминания',
  'ch.reminderHint': 'Участники без результата за день получат напоминание в это время. Пусто — без напоминаний.',
  'ch.dates': 'Даты',
  'ch.startDate': 'Дата начала',
  'ch.endDate': 'Дата окончания',
  'ch.active': 'Активен',
  'ch.activeHint': 'Неактивные челленджи скрыты от участников; история сохраняется.',
  'ch.participants': 'Участники',
  'ch.status': 'Статус',
  'ch.statusActive': 'Активен',
  'ch.statusInactive': 'Неактивен',
  'ch.leaderboard': 'Рейтинг',
  'ch.actions': 'Действия',
  'ch.noWindow': 'В любое время',
  'ch.noTarget': 'Без цели',
  'ch.created': 'Челлендж создан',
  'ch.updated': 'Челлендж сохранён',
  'ch.activated': 'Челлендж активирован',
  'ch.deactivated': 'Челлендж деактивирован',
  'ch.deactivateConfirm': 'Деактивировать «{title}»? Участники перестанут его видеть и отправлять результаты. История сохранится.',
  'ch.activateConfirm': 'Активировать «{title}»? Участники увидят его и смогут присоединиться.',
  'ch.titleRequired': 'Введите название',
  'ch.minMax': 'Минимум должен быть меньше максимума',
  'ch.targetMax': 'Цель не может превышать максимум',
  'ch.windowOrder': 'Окно должно начинаться раньше, чем заканчивается, в пределах одного дня',
  'ch.windowBoth': 'Выберите начало и конец окна',
  'ch.dateOrder': 'Дата начала не может быть позже даты окончания',
  'ch.noChanges': 'Ничего не изменилось',
  'ch.submissionsCsv': 'Результаты CSV',

  'lb.today': 'Сегодня',
  'lb.weekly': 'Эта неделя',
  'lb.monthly': 'Этот месяц',
  'lb.all': 'За всё время',
  'lb.rank': '№',
  'lb.member': 'Участник',
  'lb.total': 'Сумма',
  'lb.days': 'Дней',
  'lb.period': 'Период: {from} – {to}',
  'lb.periodAll': 'По {to}',
  'lb.empty': 'В этом периоде результатов пока нет.',

  'm.search': 'Поиск по имени, @username или Telegram ID',
  'm.name': 'Участник',
  'm.telegramId': 'Telegram ID',
  'm.status': 'Статус',
  'm.active': 'Активен',
  'm.banned': 'Заблокирован',
  'm.unregistered': 'Не зарегистрирован',
  'm.challenges': 'Челленджи',
  'm.submissions': 'Результаты',
  'm.bestStreak': 'Лучшая серия',
  'm.lastActive': 'Последняя активность',
  'm.never': 'Никогда',
  'm.open': 'Открыть',
  'm.ban': 'Заблокировать',
  'm.unban': 'Разблокировать',
  'm.empty': 'Участников пока нет.',
  'm.noMatch': 'По запросу «{q}» никого нет.',
  'm.total': 'Участников: {n}',
  'm.banTitle': 'Заблокировать {name}?',
  'm.banText': 'Заблокированный участник не может отправлять результаты, вступать в челленджи и не виден в рейтингах, пока его не разблокируют.',
  'm.banReason': 'Причина (видна в журнале действий)',
  'm.unbanTitle': 'Разблокировать {name}?',
  'm.unbanText': 'Участник снова сможет участвовать и вернётся в рейтинги.',
  'm.bannedOk': '{name} заблокирован(а)',
  'm.unbannedOk': '{name} разблокирован(а)',
  'm.membersCsv': 'Участники CSV',
  'm.submissionsCsv': 'Результаты CSV',
  'm.reason': 'Причина: {reason}',

  'md.title': 'Участник',
  'md.firstName': 'Имя (Telegram)',
  'md.username': 'Username',
  'md.registered': 'Регистрация',
  'md.memberships': 'Челленджи и серии',
  'md.challenge': 'Челлендж',
  'md.joined': 'Участвует',
  'md.left': 'Вышел / удалён',
  'md.current': 'Текущая серия',
  'md.best': 'Лучшая серия',
  'md.total': 'Сумма',
  'md.days': 'Дней',
  'md.setStreak': 'Задать серию',
  'md.remove': 'Удалить',
  'md.history': 'История результатов',
  'md.day': 'День клуба',
  'md.value': 'Значение',
  'md.submittedAt': 'Отправлено',
  'md.delete': 'Удалить',
  'md.noMemberships': 'Не участвует ни в одном челлендже.',
  'md.noSubmissions': 'Результатов нет.',
  'md.setStreakTitle': 'Задать текущую серию в «{challenge}»',
  'md.setStreakText': 'Новое значение запишется в журнал действий. Лучшая серия при необходимости тоже вырастет.',
  'md.streakValue': 'Текущая серия (дней)',
  'md.streakSet': 'Серия установлена: {n}',
  'md.removeTitle': 'Удалить {name} из «{challenge}»?',
  'md.removeText': 'Участник покинет челлендж и его рейтинги. История сохранится; он сможет вернуться.',
  'md.removed': 'Удалён из челленджа',
  'md.deleteTitle': 'Удалить этот результат?',
  'md.deleteText': '{value} за {day} в «{challenge}». Суммы, рейтинги и серия будут пересчитаны. Отменить нельзя.',
  'md.deleted': 'Результат удалён',
  'md.notFound': 'Такого участника нет.',

  'audit.when': 'Когда',
  'audit.who': 'Кто',
  'audit.action': 'Действие',
  'audit.target': 'Объект',
  'audit.change': 'Было → стало',
  'audit.empty': 'Пока ничего не записано.',
  'audit.total': 'Записей: {n}',
  'action.challenge.create': 'Челлендж создан',
  'action.challenge.update': 'Челлендж изменён',
  'action.challenge.activate': 'Челлендж активирован',
  'action.challenge.deactivate': 'Челлендж деактивирован',
  'action.user.ban': 'Участник заблокирован',
  'action.user.unban': 'Участник разблокирован',
  'action.submission.delete': 'Результат удалён',
  'action.streak.set': 'Серия задана',
  'action.membership.remove': 'Удалён из челленджа',
  'action.admin.add': 'Администратор добавлен',
  'action.admin.remove': 'Администратор удалён',
  'action.admin.login': 'Вход в панель',
  'action.admin.logout': 'Выход из панели',
  'action.export.csv': 'Выгрузка CSV',

  'adm.title': 'Администраторы',
  'adm.name': 'Имя',
  'adm.role': 'Роль',
  'adm.since': 'Добавлен',
  'adm.add': 'Добавить администратора',
  'adm.addHint': 'Администраторы входят, отправив боту /admin. Владельцы также могут добавлять и удалять администраторов.',
  'adm.idPlaceholder': 'Telegram ID',
  'adm.added': 'Администратор добавлен',
  'adm.remove': 'Удалить',
  'adm.removeTitle': 'Удалить администратора {id}?',
  'adm.removeText': 'Доступ к панели пропадёт сразу.',
  'adm.removed': 'Администратор удалён',
  'adm.you': 'вы',
  'adm.ownersOnly': 'Добавлять и удалять администраторов могут только владельцы.',
  'adm.badId': 'Введите числовой Telegram ID',
};

const catalogues: Record<Language, Messages> = { uz, ru, en };
const STORAGE_KEY = 'qadam-admin-lang';

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'uz' || stored === 'ru' || stored === 'en') return stored;
  } catch {
    // storage blocked: fall through
  }
  return languageFromTelegram(navigator.language);
}

export const language = ref<Language>(initialLanguage());

export function setLanguage(lang: Language, remember = true): void {
  language.value = lang;
  document.documentElement.lang = lang;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered: fine
    }
  }
}

/** Telegram's language, unless the admin chose one in the panel before. */
export function suggestLanguage(code: string | null | undefined): void {
  try {
    if (localStorage.getItem(STORAGE_KEY)) return;
  } catch {
    // ignore
  }
  if (code) setLanguage(languageFromTelegram(code), false);
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = catalogues[language.value][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] !== undefined ? String(params[name]) : `{${name}}`));
}

/** Audit action labels; unknown actions show as recorded. */
export function actionLabel(action: string): string {
  const key = `action.${action}` as MessageKey;
  return key in en ? t(key) : action;
}

export function errorMessage(code: AppErrorCode, details: Record<string, unknown> = {}): string {
  if (code === 'NETWORK') {
    return { uz: "Server bilan aloqa yo'q. Internetni tekshiring.", ru: 'Нет связи с сервером. Проверьте интернет.', en: 'Cannot reach the server. Check the connection.' }[language.value];
  }
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  return errorText(language.value, code, params);
}

export const LANGUAGE_OPTIONS = [
  { label: "O'zbekcha", value: 'uz' },
  { label: 'Русский', value: 'ru' },
  { label: 'English', value: 'en' },
] as const;

export const naiveLocale = computed(() => ({ uz: uzUZ, ru: ruRU, en: enUS })[language.value]);
export const naiveDateLocale = computed(() => ({ uz: dateUzUZ, ru: dateRuRU, en: dateEnUS })[language.value]);
export const intlLocale = computed(() => ({ uz: 'uz-Latn-UZ', ru: 'ru-RU', en: 'en-GB' })[language.value]);

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(intlLocale.value, { maximumFractionDigits: 2 }).format(n);
}

/** Browsers often lack Uzbek month names (Chromium prints "M11"): Uzbek dates are spelled here. */
const UZ_MONTHS = ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avgust', 'sentabr', 'oktabr', 'noyabr', 'dekabr'];
const pad = (n: number) => String(n).padStart(2, '0');

function parts(date: Date, utc: boolean) {
  return utc
    ? { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate(), hh: date.getUTCHours(), mm: date.getUTCMinutes() }
    : { y: date.getFullYear(), m: date.getMonth(), d: date.getDate(), hh: date.getHours(), mm: date.getMinutes() };
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return t('none');
  const date = new Date(iso);
  if (language.value === 'uz') {
    const p = parts(date, false);
    return `${p.d}-${UZ_MONTHS[p.m]} ${p.y}, ${pad(p.hh)}:${pad(p.mm)}`;
  }
  return new Intl.DateTimeFormat(intlLocale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function dayDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** A club day "YYYY-MM-DD" shown as a date, without time-zone shifts. */
export function formatDay(day: string | null): string {
  if (!day) return t('none');
  const date = dayDate(day);
  if (language.value === 'uz') {
    const p = parts(date, true);
    return `${p.d}-${UZ_MONTHS[p.m]} ${p.y}`;
  }
  return new Intl.DateTimeFormat(intlLocale.value, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A club day as "25 Nov" (chart axes). */
export function formatShortDay(day: string): string {
  const date = dayDate(day);
  if (language.value === 'uz') {
    const p = parts(date, true);
    return `${p.d}-${UZ_MONTHS[p.m]!.slice(0, 3)}`;
  }
  return new Intl.DateTimeFormat(intlLocale.value, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

/** A time of day with seconds ("updated at"). */
export function formatTime(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
