/** `bun run build`: builds the Mini App and the admin panel into dist/, and the API document. */
import { buildFrontend, presentFrontends } from './frontends';
import { writeOpenApiDocument } from './openapi';

for (const f of presentFrontends()) buildFrontend(f);
writeOpenApiDocument();
