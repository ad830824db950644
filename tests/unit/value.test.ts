import { describe, expect, test } from 'bun:test';
import { parseValue } from '../../shared/value';

const STEPS = { min: 0, max: 100000 };

describe('parseValue: accepted input', () => {
  test('decimal comma and decimal point give the same number', () => {
    expect(parseValue('5,5', STEPS)).toEqual({ ok: true, value: 5.5 });
    expect(parseValue('5.5', STEPS)).toEqual({ ok: true, value: 5.5 });
  });

  test('surrounding whitespace is ignored', () => {
    expect(parseValue(' 12 ', STEPS)).toEqual({ ok: true, value: 12 });
    expect(parseValue('\t7\n', STEPS)).toEqual({ ok: true, value: 7 });
    expect(parseValue('\u00a05\u00a0', STEPS)).toEqual({ ok: true, value: 5 });
  });

  test('spaces inside (thousands separators) are dropped', () => {
    expect(parseValue('10 000', STEPS)).toEqual({ ok: true, value: 10000 });
    expect(parseValue('12 345,5', STEPS)).toEqual({ ok: true, value: 12345.5 });
  });

  test('leading separator means zero units: ",5" and ".5" are 0.5', () => {
    expect(parseValue(',5', STEPS)).toEqual({ ok: true, value: 0.5 });
    expect(parseValue('.5', STEPS)).toEqual({ ok: true, value: 0.5 });
  });

  test('a trailing separator and an explicit plus sign are tolerated', () => {
    expect(parseValue('5,', STEPS)).toEqual({ ok: true, value: 5 });
    expect(parseValue('5.', STEPS)).toEqual({ ok: true, value: 5 });
    expect(parseValue('+5', STEPS)).toEqual({ ok: true, value: 5 });
  });

  test('leading zeros and zero itself', () => {
    expect(parseValue('007', STEPS)).toEqual({ ok: true, value: 7 });
    expect(parseValue('0', STEPS)).toEqual({ ok: true, value: 0 });
    expect(parseValue('0,0', STEPS)).toEqual({ ok: true, value: 0 });
  });

  test('number inputs are taken as they are', () => {
    expect(parseValue(5.5, STEPS)).toEqual({ ok: true, value: 5.5 });
    expect(parseValue(0, STEPS)).toEqual({ ok: true, value: 0 });
    expect(parseValue(12000, STEPS)).toEqual({ ok: true, value: 12000 });
  });

  test('binary noise past six decimals is rounded away', () => {
    expect(parseValue(0.1 + 0.2, STEPS)).toEqual({ ok: true, value: 0.3 });
    expect(parseValue('1.23456789', STEPS)).toEqual({ ok: true, value: 1.234568 });
    expect(parseValue('2,0000004', STEPS)).toEqual({ ok: true, value: 2 });
  });

  test('bounds are inclusive', () => {
    expect(parseValue('0', { min: 0, max: 10 })).toEqual({ ok: true, value: 0 });
    expect(parseValue('10', { min: 0, max: 10 })).toEqual({ ok: true, value: 10 });
    expect(parseValue(10, { min: 0, max: 10 })).toEqual({ ok: true, value: 10 });
    expect(parseValue('1,5', { min: 1.5, max: 2.5 })).toEqual({ ok: true, value: 1.5 });
    expect(parseValue('2.5', { min: 1.5, max: 2.5 })).toEqual({ ok: true, value: 2.5 });
  });

  test('large values up to the schema maximum (1e9)', () => {
    expect(parseValue('1000000000', { min: 0, max: 1e9 })).toEqual({ ok: true, value: 1e9 });
    expect(parseValue('999999999,5', { min: 0, max: 1e9 })).toEqual({ ok: true, value: 999999999.5 });
  });
});

describe('parseValue: empty input', () => {
  test('empty and blank strings', () => {
    expect(parseValue('', STEPS)).toEqual({ ok: false, reason: 'empty' });
    expect(parseValue(' ', STEPS)).toEqual({ ok: false, reason: 'empty' });
    expect(parseValue('\t\n ', STEPS)).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('parseValue: not a number', () => {
  const cases = [
    'abc',
    '1e3',
    '1E3',
    'Infinity',
    '-Infinity',
    'NaN',
    '1,2,3',
    '1.2.3',
    '1,2.3',
    '--5',
    '++5',
    '0x10',
    '0b1',
    '.',
    ',',
    '5a',
    'a5',
    '5 km',
    '½',
    '٣', // Arabic-Indic digit
    '５', // full-width digit
  ];
  for (const input of cases) {
    test(JSON.stringify(input), () => {
      expect(parseValue(input, STEPS)).toEqual({ ok: false, reason: 'not_a_number' });
    });
  }

  test('negative text is rejected by the pattern (challenge minimums are never below 0)', () => {
    expect(parseValue('-1', STEPS)).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseValue('-0,5', STEPS)).toEqual({ ok: false, reason: 'not_a_number' });
  });

  test('non-finite numbers', () => {
    expect(parseValue(Number.NaN, STEPS)).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseValue(Number.POSITIVE_INFINITY, STEPS)).toEqual({ ok: false, reason: 'not_a_number' });
    expect(parseValue(Number.NEGATIVE_INFINITY, STEPS)).toEqual({ ok: false, reason: 'not_a_number' });
  });

  test('a digit string too long to be finite', () => {
    expect(parseValue('9'.repeat(400), { min: 0, max: Number.MAX_VALUE })).toEqual({
      ok: false,
      reason: 'not_a_number',
    });
  });
});

describe('parseValue: out of range', () => {
  test('-1 with min 0', () => {
    expect(parseValue(-1, STEPS)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseValue(-0.000001, STEPS)).toEqual({ ok: false, reason: 'out_of_range' });
  });

  test('above max, as text and as number', () => {
    expect(parseValue('100001', STEPS)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseValue('100000,01', STEPS)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseValue(100000.5, STEPS)).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseValue(Number.MAX_VALUE, STEPS)).toEqual({ ok: false, reason: 'out_of_range' });
  });

  test('below a positive min', () => {
    expect(parseValue('0,4', { min: 0.5, max: 10 })).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseValue('0', { min: 1, max: 10 })).toEqual({ ok: false, reason: 'out_of_range' });
    expect(parseValue(10.5, { min: 1, max: 10 })).toEqual({ ok: false, reason: 'out_of_range' });
  });
});
