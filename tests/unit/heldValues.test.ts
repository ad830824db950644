/**
 * How held profiles lay out result values (server/services/heldProfiles.ts): whole numbers over
 * the smallest power of ten every value allows, in an Int32Array, else doubles — and every
 * value reads back as the very number stored.
 */
import { describe, expect, test } from 'bun:test';
import { encodeValues, scaleOf, valueAt } from '../../server/services/heldProfiles';

const decode = (laid: ReturnType<typeof encodeValues>) => Array.from(laid.values, (_, i) => valueAt(laid, i));

describe('scaleOf', () => {
  test.each([
    [0, 1],
    [10000, 1],
    [2.6, 10],
    [12.3, 10],
    [0.25, 100],
    [1.123456, 1e6],
    [0.000001, 1e6],
    [2147483647, 1],
    [2147483648, 0], // past Int32
    [2147.483648, 0], // six decimals past Int32
    [0.1 + 0.2, 0], // binary noise: no power of ten up to 10^6 gives it back
    [1e-7, 0],
  ])('%p → %p', (value, scale) => {
    expect(scaleOf(value)).toBe(scale);
  });
});

describe('encodeValues', () => {
  test.each([
    [[], true, 1],
    [[5, 10000, 0], true, 1],
    [[5, 2.6, 12.3], true, 10],
    [[5, 2.25, 1.123456], true, 1e6],
    [[3000.5, 1.123456], false, 1], // 3000.5 × 10^6 is past Int32
    [[0.1 + 0.2], false, 1],
  ])('%p → Int32 %p over %p, read back exactly', (values, int32, scale) => {
    const laid = encodeValues(values);
    expect(laid.values instanceof Int32Array).toBe(int32);
    expect(laid.scale).toBe(scale);
    expect(decode(laid)).toEqual(values);
  });

  test('every value a member can send (six decimals at most, as parseValue rounds) reads back exactly', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      const decimals = Math.floor(rand() * 7);
      const value = Math.round(rand() * 100_000 * 10 ** decimals) / 10 ** decimals;
      const laid = encodeValues([value, 3]);
      expect(decode(laid)).toEqual([value, 3]);
    }
  });
});
