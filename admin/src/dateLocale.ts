/** Month and weekday names for the date pickers, loaded only with the form that has them. */
import { computed } from 'vue';
import { dateEnUS, dateRuRU, dateUzUZ } from 'naive-ui';
import { language } from './i18n';

export const naiveDateLocale = computed(() => ({ uz: dateUzUZ, ru: dateRuRU, en: dateEnUS })[language.value]);
