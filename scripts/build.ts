/**
 * `bun run build`: builds the Mini App and the admin panel into dist/, checks the admin's
 * first-load budget, and writes the API document.
 */
import { checkAdminBudget } from './bundleBudget';
import { buildFrontend, presentFrontends, ROOT } from './frontends';
import { writeOpenApiDocument } from './openapi';

for (const f of presentFrontends()) buildFrontend(f);
if (presentFrontends().some((f) => f.name === 'admin')) checkAdminBudget(ROOT);
writeOpenApiDocument();
