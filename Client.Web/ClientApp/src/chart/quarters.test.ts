import { describe, expect, it } from 'vitest';
import { quartersFromKey, quartersKey } from './quarters';

describe('quarter line prices as a render key', () => {
  const lines = { high: 72_100, threeQuarters: 71_875, half: 71_650, quarter: 71_437.5, low: 71_200, open: 71_400 };

  it('round-trips the exact (not tick-rounded) prices', () => {
    expect(quartersFromKey(quartersKey(lines))).toEqual(lines);
  });

  it('changes only when a line moves', () => {
    expect(quartersKey({ ...lines })).toBe(quartersKey(lines));
    expect(quartersKey({ ...lines, high: 72_200 })).not.toBe(quartersKey(lines));
    expect(quartersKey(null)).toBe('');
    expect(quartersFromKey('')).toBeNull();
  });
});
