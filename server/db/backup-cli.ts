/** `bun run backup <file>`: a consistent copy of DATABASE_PATH, safe while the server runs. */
import { ConfigError, loadConfig } from '../config';
import { backupDatabase } from './backup';

const target = process.argv[2];
if (!target || target.startsWith('-')) {
  process.stderr.write('usage: bun run backup <file>\n');
  process.exit(2);
}
try {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    // The club is on PostgreSQL: DATABASE_PATH is not its data. pg_dump is the consistent copy there.
    process.stderr.write('DATABASE_URL is set: back up PostgreSQL with pg_dump --format=custom --file=<file> "$DATABASE_URL" (see the README)\n');
    process.exit(2);
  }
  const started = performance.now();
  const { bytes } = backupDatabase(config.DATABASE_PATH, target);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`backup of ${config.DATABASE_PATH} written to ${target} (${bytes} bytes, integrity ok, ${ms} ms)\n`);
} catch (e) {
  process.stderr.write(`backup failed: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
  process.exit(1);
}
