import { describe, expect, test } from 'bun:test';
import { parseConfig } from '../../server/config';

describe('configuration', () => {
  test('defaults are API.md’s', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_PATH: './data/qadam.sqlite',
      TELEGRAM_API_URL: 'https://api.telegram.org',
      PUBLIC_URL: 'http://localhost:3000',
      ADMIN_TELEGRAM_IDS: [],
      CLUB_TIMEZONE: 'Asia/Tashkent',
      INIT_DATA_MAX_AGE: 86400,
      demo: true,
    });
    expect(c.BOT_TOKEN).toBeUndefined();
  });

  test('values are parsed; a token turns demo mode off', () => {
    const c = parseConfig({ PORT: '8080', BOT_TOKEN: '123:abcdefghijklmnopqrstuvwxyz', ADMIN_TELEGRAM_IDS: ' 1, 22 ,333', PUBLIC_URL: 'https://club.example/' });
    expect(c.PORT).toBe(8080);
    expect(c.demo).toBe(false);
    expect(c.ADMIN_TELEGRAM_IDS).toEqual([1, 22, 333]);
    expect(c.PUBLIC_URL).toBe('https://club.example');
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ HOST: 'http://0.0.0.0' }, 'HOST'],
    [{ HOST: 'a b' }, 'HOST'],
    [{ CLUB_TIMEZONE: 'Mars/Olympus' }, 'CLUB_TIMEZONE'],
    [{ ADMIN_TELEGRAM_IDS: '12,abc' }, 'ADMIN_TELEGRAM_IDS'],
    [{ INIT_DATA_MAX_AGE: '-5' }, 'INIT_DATA_MAX_AGE'],
    [{ BOT_TOKEN: 'not-a-token' }, 'BOT_TOKEN'],
    [{ TELEGRAM_API_URL: 'nope' }, 'TELEGRAM_API_URL'],
  ])('a wrong value stops start-up with a one-line message (%p)', (env, name) => {
    let message = '';
    try {
      parseConfig(env as Record<string, string>);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(name);
    expect(message).not.toContain('\n');
  });

  test('the server process exits with that one line', () => {
    const r = Bun.spawnSync(['bun', 'server/main.ts'], { env: { ...process.env, CLUB_TIMEZONE: 'Nowhere/City', DATABASE_PATH: ':memory:' } });
    expect(r.exitCode).toBe(1);
    expect(r.stderr.toString().trim()).toBe('Invalid configuration: CLUB_TIMEZONE: unknown IANA time zone');
  });
});
