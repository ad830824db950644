// Global styles first, so component styles (loaded with their components) refine them.
import './styles.css';
import { createApp } from 'vue';
import { VueQueryPlugin } from '@tanstack/vue-query';
import App from './App.vue';
import { createQueryClient } from './composables/queries';
import { startSession } from './session';

createApp(App).use(VueQueryPlugin, { queryClient: createQueryClient() }).mount('#app');
void startSession();
