/**
 * `bun run start`: one command from a fresh clone to a running club — installs dependencies when
 * missing, builds the pages when missing or stale, then starts the server (which migrates the
 * database on its own).
 */
import { buildFrontend, isStale, presentFrontends } from './frontends';
import { ensureInstalled } from './install';

ensureInstalled();
for (const f of presentFrontends()) if (isStale(f)) buildFrontend(f);

process.env.NODE_ENV ??= 'production';
await import('../server/main');
