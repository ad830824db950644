/** The one reading of a failed call that both pages share (shared/errors.ts). */
import { expect, test } from 'bun:test';
import { appErrorOfTrpc, codeOfStatus } from '../../shared/errors';

test('the server’s code wins, with its plain details', () => {
  const e = appErrorOfTrpc({ appCode: 'OUTSIDE_TIME_WINDOW', httpStatus: 422, details: { window: '21:00–23:59', nested: { x: 1 }, n: 3 } }, 'closed');
  expect({ code: e.code, details: e.details, message: e.message }).toEqual({ code: 'OUTSIDE_TIME_WINDOW', details: { window: '21:00–23:59', n: 3 }, message: 'closed' });
});

test('without a code the HTTP status decides; without a status the request never arrived', () => {
  expect(appErrorOfTrpc({ httpStatus: 400 }, 'x').code).toBe('BAD_REQUEST');
  expect(appErrorOfTrpc({ httpStatus: 429 }, 'x').code).toBe('RATE_LIMITED');
  expect(appErrorOfTrpc({ httpStatus: 502 }, 'x').code).toBe('INTERNAL');
  expect(appErrorOfTrpc({ appCode: 'NOT_A_CODE', httpStatus: 401 }, 'x').code).toBe('UNAUTHORIZED');
  expect(appErrorOfTrpc(undefined, 'x').code).toBe('NETWORK');
  expect(codeOfStatus(413)).toBe('PAYLOAD_TOO_LARGE');
  expect(codeOfStatus(418)).toBe('INTERNAL');
});
