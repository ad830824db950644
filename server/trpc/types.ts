/** The only thing the front-ends take from the server: `import type { AppRouter }`. */
import type { appRouter } from './router';

export type AppRouter = typeof appRouter;
