import { expect, test } from 'bun:test';
import { createLogger } from '../../server/log';
import { signInitData, TEST_BOT_TOKEN } from '../helpers/initData';

test('secrets never reach a log line, wherever they sit in it', () => {
  const lines: string[] = [];
  const log = createLogger('debug', (l) => lines.push(l));
  const initData = signInitData({ id: 5, first_name: 'A' }, { authDate: new Date('2026-11-25T07:00:00Z') });
  const hash = new URLSearchParams(initData).get('hash')!;
  log.error(`GET https://api.telegram.org/bot${TEST_BOT_TOKEN}/getUpdates failed`, {
    error: new Error(`fetch failed for bot${TEST_BOT_TOKEN}`),
    headers: { authorization: `tma ${initData}`, cookie: 'qadam_admin=s3cr3t-session-value; other=1' },
    nested: { deep: [{ url: `/admin/?login=one-time-token-123` }] },
  });
  const all = lines.join('\n');
  expect(all).not.toContain(TEST_BOT_TOKEN);
  expect(all).not.toContain(TEST_BOT_TOKEN.split(':')[1]!);
  expect(all).not.toContain(hash);
  expect(all).not.toContain('s3cr3t-session-value');
  expect(all).not.toContain('one-time-token-123');
  // and the line is still one valid JSON object
  const entry = JSON.parse(lines[0]!);
  expect(entry.level).toBe('error');
  expect(entry.headers.authorization).toBe('tma <redacted>');
  expect(entry.error.message).toBe('fetch failed for bot<bot-token>');
});

test('lines are written in order, and none is lost when the process exits at once', () => {
  const script = `
    import { createLogger } from ${JSON.stringify(`${import.meta.dir}/../../server/log.ts`)};
    const log = createLogger('info');
    for (let i = 0; i < 500; i++) log.info('line', { i });
    log.error('last before exit');
    process.exit(3);
  `;
  const r = Bun.spawnSync(['bun', '-e', script], { stderr: 'pipe', stdout: 'ignore' });
  expect(r.exitCode).toBe(3);
  const lines = r.stderr.toString().trim().split('\n').map((l) => JSON.parse(l) as { msg: string; i?: number });
  expect(lines).toHaveLength(501);
  expect(lines.slice(0, 500).map((l) => l.i)).toEqual([...Array(500).keys()]);
  expect(lines[500]!.msg).toBe('last before exit');
});
