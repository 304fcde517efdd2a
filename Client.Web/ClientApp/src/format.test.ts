import { describe, expect, it } from 'vitest';
import { clock, direction, price, rate, signed, tradingValue, won } from './format';
import { tickOf } from './rules';

describe('Korean number formats', () => {
  it('writes prices with thousands separators and 원', () => {
    expect(won(70200)).toBe('70,200원');
    expect(price(1021000)).toBe('1,021,000');
  });

  it('signs changes and rates', () => {
    expect(signed(1200)).toBe('+1,200');
    expect(signed(-800)).toBe('-800');
    expect(signed(0)).toBe('0');
    expect(rate(1.7)).toBe('+1.70%');
    expect(rate(-0.14)).toBe('-0.14%');
    expect(rate(0)).toBe('0.00%');
  });

  it('writes trading value in 조, 억 and 만', () => {
    expect(tradingValue(1_234_567_890_123)).toBe('1.2조');
    expect(tradingValue(345_678_901_234)).toBe('3,456억');
    expect(tradingValue(50_000_000)).toBe('5,000만');
    expect(tradingValue(9_999)).toBe('9,999원');
  });

  it('shows the exchange time of day and the colour of the move', () => {
    expect(clock('2026-11-23T09:00:01+09:00')).toBe('09:00:01');
    expect(clock(null)).toBe('--:--:--');
    expect(direction(5)).toBe('up');
    expect(direction(-5)).toBe('down');
    expect(direction(0)).toBe('flat');
  });
});

describe('KRX tick sizes from the server bands', () => {
  // The shape /api/krx/rules sends (highest band first); the values are the server's to give, these only exercise the lookup.
  const bands = [{ from: 500_000, tick: 1_000 }, { from: 50_000, tick: 100 }, { from: 1, tick: 1 }];

  it('take the tick of the highest band the price reaches', () => {
    expect([1, 49_999, 50_000, 499_999, 500_000].map((p) => tickOf(bands, p))).toEqual([1, 1, 100, 100, 1_000]);
  });

  it('fall back to one won before the rules are loaded', () => {
    expect(tickOf(undefined, 70_000)).toBe(1);
  });
});
