import { expect, test } from 'bun:test';
import { formatStartParam, parseStartParam } from '../../shared/startParam';

test('start parameters: an invitation, a challenge, both; anything else is ignored', () => {
  expect(parseStartParam('inv_abcdefgh23')).toEqual({ challengeId: null, invite: 'abcdefgh23' });
  expect(parseStartParam('ch_12')).toEqual({ challengeId: 12, invite: null });
  expect(parseStartParam('ch_12-inv_abcdefgh23')).toEqual({ challengeId: 12, invite: 'abcdefgh23' });
  expect(parseStartParam('inv_abcdefgh23-ch_12')).toEqual({ challengeId: 12, invite: 'abcdefgh23' });
  expect(parseStartParam('ch_12-utm_x-inv_abcdefgh23')).toEqual({ challengeId: 12, invite: 'abcdefgh23' });
  for (const bad of [undefined, null, 42, '', 'inv_', 'inv_ABCDEFGH23', 'inv_abc', 'inv_abcdefgh234', 'ch_0', 'ch_-1', 'ch_1234567890', 'ch_1 inv_abcdefgh23', `ch_1-inv_abcdefgh23-${'x'.repeat(50)}`, "inv_' or 1=1"]) {
    expect({ bad, parsed: parseStartParam(bad) }).toEqual({ bad, parsed: { challengeId: null, invite: null } });
  }
  expect(formatStartParam({ challengeId: 7, invite: 'abcdefgh23' })).toBe('ch_7-inv_abcdefgh23');
  expect(formatStartParam({ invite: 'abcdefgh23' })).toBe('inv_abcdefgh23');
  expect(parseStartParam(formatStartParam({ challengeId: 999_999_999, invite: 'zzzzzzzzzz' }))).toEqual({ challengeId: 999_999_999, invite: 'zzzzzzzzzz' });
});
