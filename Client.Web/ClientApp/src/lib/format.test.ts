import { describe, expect, it } from 'vitest';
import { clock, decimal2, direction, hourMinute, monthDay, price, rate, share, signed, tradingValue, won } from './format';
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

describe('times in KST and percent shares', () => {
  it('converts a time written in UTC to the KST clock', () => {
    expect(clock('2026-12-03T08:03:41.1776725+00:00')).toBe('17:03:41');
    expect(hourMinute('2026-12-02T23:59:00Z')).toBe('08:59');
    expect(hourMinute('2026-12-03T09:30:00+09:00')).toBe('09:30');
    expect(hourMinute(undefined)).toBe('--:--');
  });

  it('writes a date as month and day', () => {
    expect(monthDay('2026-03-05')).toBe('3월 5일');
  });

  it('writes hit rates from fractions and decimals with two places', () => {
    expect(share(0.625)).toBe('62.5%');
    expect(share(1)).toBe('100.0%');
    expect(decimal2(121.914)).toBe('121.91');
    expect(decimal2(null)).toBe('—');
  });

  it('keeps one decimal of 조 above ten trillion and floors rather than rounds up', () => {
    expect(tradingValue(15_652_936_000_000)).toBe('15.6조');
    expect(tradingValue(99_999_999)).toBe('9,999만');
    expect(tradingValue(0)).toBe('0원');
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
