import { createApp } from 'vue';
import { MutationCache, QueryCache, QueryClient, VueQueryPlugin } from '@tanstack/vue-query';
import App from './App.vue';
import { toAppError } from './api';
import { onAuthLost } from './session';
import './styles.css';

const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      const e = toAppError(error);
      if ((e.code === 'UNAUTHORIZED' || e.code === 'FORBIDDEN') && e.details.reason !== 'CSRF') onAuthLost(e.code);
    },
  }),
  mutationCache: new MutationCache(),
  defaultOptions: {
    queries: {
      retry: (count, error) => count < 2 && ['NETWORK', 'INTERNAL'].includes(toAppError(error).code),
      refetchOnWindowFocus: false,
      staleTime: 5_000,
    },
  },
});

createApp(App).use(VueQueryPlugin, { queryClient }).mount('#app');
