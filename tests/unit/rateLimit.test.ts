import { expect, test } from 'bun:test';
import { RateLimiter } from '../../server/rateLimit';

const rule = { limit: 2, windowMs: 60_000 };

test('counts each scope and key apart, and answers the seconds left in the window', () => {
  let t = 120_000 + 15_000;
  const limiter = new RateLimiter(() => t);
  expect([limiter.hit('r', 7, rule), limiter.hit('r', 7, rule)]).toEqual([0, 0]);
  expect(limiter.hit('r', 7, rule)).toBe(45);
  // The same number in another scope, and another member in the same scope, have their own counts.
  expect(limiter.hit('w', 7, rule)).toBe(0);
  expect(limiter.hit('r', 8, rule)).toBe(0);
  expect(limiter.hit('ip', '127.0.0.1', rule)).toBe(0);
  t += 44_500;
  expect(limiter.hit('r', 7, rule)).toBe(1);
  t += 1_000; // the next window
  expect(limiter.hit('r', 7, rule)).toBe(0);
});

test('a rule with limit 0 counts nothing', () => {
  const limiter = new RateLimiter(() => 0);
  for (let i = 0; i < 5; i++) expect(limiter.hit('r', 1, { limit: 0, windowMs: 1000 })).toBe(0);
});
