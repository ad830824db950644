/**
 * Parsing a submitted value: "5,5" and "5.5" alike, finite only, inside the challenge's bounds.
 * The server decides with it; the Mini App uses the same rule to explain a value before sending.
 */

export type ValueParseResult =
  | { ok: true; value: number }
  | { ok: false; reason: 'empty' | 'not_a_number' | 'out_of_range' };

const NUMBER_PATTERN = /^[+]?(\d+([.,]\d*)?|[.,]\d+)$/;

export function parseValue(input: number | string, bounds: { min: number; max: number }): ValueParseResult {
  let value: number;
  if (typeof input === 'number') {
    value = input;
  } else {
    const text = input.trim().replace(/\s+/g, '');
    if (text === '') return { ok: false, reason: 'empty' };
    if (!NUMBER_PATTERN.test(text)) return { ok: false, reason: 'not_a_number' };
    value = Number(text.replace(',', '.'));
  }
  if (!Number.isFinite(value)) return { ok: false, reason: 'not_a_number' };
  if (value < bounds.min || value > bounds.max) return { ok: false, reason: 'out_of_range' };
  // Keep stored values tidy: binary noise past 6 decimals is not a member's intent.
  return { ok: true, value: Math.round(value * 1e6) / 1e6 };
}
