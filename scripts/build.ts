/** `bun run build`: builds the Mini App and the admin panel into dist/, then checks the admin's size budget. */
import { checkAdminBudget } from './bundleBudget';
import { buildFrontend, presentFrontends, ROOT } from './frontends';

for (const f of presentFrontends()) buildFrontend(f);
if (presentFrontends().some((f) => f.name === 'admin')) checkAdminBudget(ROOT);
