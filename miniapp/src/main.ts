import { createApp } from 'vue';
import { VueQueryPlugin } from '@tanstack/vue-query';
import App from './App.vue';
import { createQueryClient } from './composables/queries';
import { startSession } from './session';
import './styles.css';

createApp(App).use(VueQueryPlugin, { queryClient: createQueryClient() }).mount('#app');
void startSession();
