/**
 * `bun run test`: the whole check from a fresh clone — installs dependencies when missing,
 * type-checks the server and both front-ends, builds the pages, then runs every test on
 * SQLite, and the engine-parametrized suites (API, jobs, bot, cluster) a second time on
 * PostgreSQL. Extra arguments go to `bun test` (e.g. `bun run test tests/unit`).
 *
 * PostgreSQL comes from TEST_DATABASE_URL; when unset, a local server with the default
 * account is tried. Set but unreachable fails; unset and absent skips with one line.
 */
import { dropSchemasLike, postgresReachable } from '../tests/helpers/engine';
import { ROOT } from './frontends';
import { ensureInstalled } from './install';

/** The suites that run on both engines (tests/cluster runs on PostgreSQL only). */
const PARAMETRIZED = ['tests/api', 'tests/jobs', 'tests/bot', 'tests/cluster'];
const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

function run(cmd: string[], env: Record<string, string> = {}): void {
  const r = Bun.spawnSync(cmd, { cwd: ROOT, stdout: 'inherit', stderr: 'inherit', env: { ...process.env, ...env } });
  if (r.exitCode !== 0) process.exit(r.exitCode ?? 1);
}

ensureInstalled();
run(['bun', 'scripts/typecheck.ts']);
run(['bun', 'scripts/build.ts']);
const args = process.argv.slice(2);
run(['bun', 'test', ...args], { TEST_ENGINE: 'sqlite' });

const targets = args.length === 0 ? PARAMETRIZED : args.filter((a) => PARAMETRIZED.some((p) => a.replace(/^\.\//, '').startsWith(p)));
if (targets.length > 0) {
  const given = process.env.TEST_DATABASE_URL?.trim();
  const url = given || LOCAL_POSTGRES;
  if (await postgresReachable(url)) {
    console.log(`\nPostgreSQL suite: ${targets.join(' ')} on ${url.replace(/:[^:@/]*@/, ':***@')}`);
    const prefix = `qt_${process.pid}_${Date.now().toString(36)}_`;
    const r = Bun.spawnSync(['bun', 'test', ...targets], {
      cwd: ROOT,
      stdout: 'inherit',
      stderr: 'inherit',
      env: { ...process.env, TEST_ENGINE: 'postgres', TEST_DATABASE_URL: url, TEST_SCHEMA_PREFIX: prefix },
    });
    // Each runtime drops its schema when closed; this sweeps those of runtimes never closed.
    await dropSchemasLike(url, prefix);
    if (r.exitCode !== 0) process.exit(r.exitCode ?? 1);
  } else if (given) {
    console.error(`PostgreSQL at TEST_DATABASE_URL cannot be reached (${url.replace(/:[^:@/]*@/, ':***@')}): start it or unset the variable`);
    process.exit(1);
  } else {
    console.log(
      'PostgreSQL suite skipped: no server at 127.0.0.1:5432; run it with TEST_DATABASE_URL=postgres://user@host:5432/db bun run test',
    );
  }
}
