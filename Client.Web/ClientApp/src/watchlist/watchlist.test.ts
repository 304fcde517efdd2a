import { describe, expect, it } from 'vitest';
import { nextPollDelay, toggleEntry } from './watchlist';

const entry = (n: number) => ({ code: String(n).padStart(6, '0'), name: `종목${n}` });

describe('the watchlist', () => {
  it('adds a stock at the end and removes it on the second toggle', () => {
    const one = toggleEntry([], entry(1));
    const two = toggleEntry(one, entry(2));
    expect(two.map((e) => e.code)).toEqual(['000001', '000002']);
    expect(toggleEntry(two, entry(1)).map((e) => e.code)).toEqual(['000002']);
  });

  it('holds at most twenty stocks', () => {
    const full = Array.from({ length: 20 }, (_, i) => entry(i));
    expect(toggleEntry(full, entry(99))).toBe(full);
    expect(toggleEntry(full, entry(3))).toHaveLength(19);
  });

  it('waits as long as the server asks before polling again, never less than the interval', () => {
    expect(nextPollDelay(2500, null)).toBe(2500);
    expect(nextPollDelay(2500, 10)).toBe(10_000);
    expect(nextPollDelay(2500, 1)).toBe(2500);
  });
});
