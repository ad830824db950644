/** `bun run build`: builds the Mini App and the admin panel into dist/. */
import { buildFrontend, presentFrontends } from './frontends';

for (const f of presentFrontends()) buildFrontend(f);
