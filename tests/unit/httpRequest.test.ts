/** How the guard and the pages read a request's target: absolute and relative alike. */
import { describe, expect, test } from 'bun:test';
import { pathOf, searchOf } from '../../server/httpRequest';

describe('pathOf and searchOf', () => {
  test.each([
    ['http://club.example/api/me?x=1#f', '/api/me', '?x=1'],
    ['http://club.example', '/', ''],
    ['http://club.example?a=/b', '/', '?a=/b'],
    ['http://club.example#x/y', '/', ''],
    ['/api/leaderboard?type=all', '/api/leaderboard', '?type=all'],
    ['/a?u=http://x/y', '/a', '?u=http://x/y'],
    ['', '/', ''],
    ['https://[::1]:8443/app/', '/app/', ''],
  ])('%p → %p %p', (url, path, search) => {
    expect(pathOf(url)).toBe(path);
    expect(searchOf(url)).toBe(search);
  });
});
