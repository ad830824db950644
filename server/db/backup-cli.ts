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
  const started = performance.now();
  const { bytes } = backupDatabase(config.DATABASE_PATH, target);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(`backup of ${config.DATABASE_PATH} written to ${target} (${bytes} bytes, integrity ok, ${ms} ms)\n`);
} catch (e) {
  process.stderr.write(`backup failed: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
  process.exit(1);
}
