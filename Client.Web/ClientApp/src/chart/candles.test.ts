import { describe, expect, it } from 'vitest';
import type { Candle, StockSnapshot, TradePrint } from '../api/types';
import { aggregate, appendTicks, applyMinute, candleBar, chartSeconds, dateSeconds, liveUpdates, withToday, type Bar } from './candles';

const minute = (hhmm: string, open: number, high: number, low: number, close: number, volume: number): Candle => ({
  start: `2026-12-03T${hhmm}:00+09:00`, open, high, low, close, volume, tradingValue: close * volume,
});
const trade = (time: string, price: number, quantity: number): TradePrint => ({ time: `2026-12-03T${time}+09:00`, price, quantity });

function snapshot(overrides: Partial<StockSnapshot>): StockSnapshot {
  return {
    name: null, sector: null, strength: null, vwap: null, quarters: null, minute: null, trades: null, market: null,
    code: '005930', tradingDate: '2026-12-03', price: 70_000, basePrice: 69_000, change: 1_000, changeRate: 1.45, open: 69_500,
    high: 70_500, low: 69_000, volume: 1_000, tradingValue: 70_000_000, tickCount: 10, lastSequence: 1,
    lastTradeTime: '2026-12-03T09:01:10+09:00', ...overrides,
  };
}

describe('the chart time axis', () => {
  it('reads KST wall-clock times whatever offset the server wrote', () => {
    expect(chartSeconds('2026-12-03T09:00:00+09:00')).toBe(Date.UTC(2026, 11, 3, 9) / 1000);
    expect(chartSeconds('2026-12-03T00:00:00Z')).toBe(Date.UTC(2026, 11, 3, 9) / 1000);
    expect(dateSeconds('2026-12-03')).toBe(Date.UTC(2026, 11, 3) / 1000);
  });
});

describe('five-minute bars from one-minute candles', () => {
  it('merge the minutes of each five-minute slot: first open, extreme high and low, last close, summed volume', () => {
    const bars = aggregate([
      minute('09:00', 100, 105, 99, 104, 10), minute('09:03', 104, 110, 103, 108, 5), minute('09:04', 108, 108, 101, 102, 7),
      minute('09:05', 102, 103, 100, 101, 3),
    ].map(candleBar), 300);
    expect(bars).toEqual([
      { time: chartSeconds('2026-12-03T09:00:00+09:00'), open: 100, high: 110, low: 99, close: 102, volume: 22 },
      { time: chartSeconds('2026-12-03T09:05:00+09:00'), open: 102, high: 103, low: 100, close: 101, volume: 3 },
    ]);
  });
});

describe('tick bars', () => {
  it('make one bar per trade, numbered, from the previous price to the trade price, with side and time', () => {
    const bars = appendTicks([], [trade('09:00:01', 100, 5), trade('09:00:01', 98, -3), trade('09:00:02', 101, 2)]);
    expect(bars.map((b) => [b.time, b.open, b.high, b.low, b.close, b.volume, b.side])).toEqual([
      [1, 100, 100, 100, 100, 5, 1], [2, 100, 100, 98, 98, 3, -1], [3, 98, 101, 98, 101, 2, 1],
    ]);
    expect(bars[2].at).toBe(Date.parse('2026-12-03T09:00:02+09:00'));
  });

  it('continue after the bars shown and skip trades the history already holds', () => {
    const shown = appendTicks([], [trade('09:00:01', 100, 5), trade('09:00:02', 101, 1)]);
    const next = appendTicks(shown, [trade('09:00:02', 101, 1), trade('09:00:03', 102, 4)], shown[1].at);
    expect(next.map((b) => [b.time, b.open, b.close])).toEqual([[1, 100, 100], [2, 100, 101], [3, 101, 102]]);
    expect(shown).toHaveLength(2);
  });
});

describe('live one-minute bars', () => {
  const history = [minute('09:00', 100, 105, 99, 104, 10)].map(candleBar);

  it('take the forming minute as the server has it, replacing the bar of that minute', () => {
    const next = applyMinute(history, snapshot({ minute: minute('09:00', 100, 106, 99, 106, 12) }));
    expect(next).toEqual([candleBar(minute('09:00', 100, 106, 99, 106, 12))]);
  });

  it('finish the previous minute with a push that straddles its end, then open the new one', () => {
    const next = applyMinute(history, snapshot({
      trades: [trade('09:00:59', 107, 2), trade('09:01:00', 108, 1)],
      minute: minute('09:01', 108, 108, 108, 108, 1),
    }));
    expect(next).toEqual([
      { ...history[0], high: 107, close: 107, volume: 12 },
      candleBar(minute('09:01', 108, 108, 108, 108, 1)),
    ]);
  });

  it('do not count a message twice that arrived while the history was loading', () => {
    const next = applyMinute(history, snapshot({ trades: [trade('09:00:59', 107, 2)], minute: minute('09:01', 108, 108, 108, 108, 1) }), false);
    expect(next[0]).toEqual(history[0]);
  });
});

describe('daily bars', () => {
  it('end with today from the snapshot, replacing a bar of the same date', () => {
    const days = [{ time: dateSeconds('2026-12-02'), open: 1, high: 2, low: 1, close: 2, volume: 9 }];
    const today = withToday(days, snapshot({ open: 69_500, high: 70_500, low: 69_000, price: 70_000, volume: 1_000 }));
    expect(today[1]).toEqual({ time: dateSeconds('2026-12-03'), open: 69_500, high: 70_500, low: 69_000, close: 70_000, volume: 1_000 });
    expect(withToday(today, snapshot({ price: 70_100, high: 70_500 }))).toHaveLength(2);
    expect(withToday(days, snapshot({ tickCount: 0, open: 0 }))).toBe(days);
  });
});

describe('live updates of the series', () => {
  const bars: Bar[] = [1, 2, 3].map((time) => ({ time, open: 1, high: 1, low: 1, close: 1, volume: 1 }));

  it('update the changed last bar and append new ones, without setting the series again', () => {
    const next = [...bars.slice(0, 2), { ...bars[2], close: 2, high: 2 }, { time: 4, open: 2, high: 2, low: 2, close: 2, volume: 1 }];
    expect(liveUpdates(bars, next)).toEqual(next.slice(2));
    expect(liveUpdates(bars, bars)).toEqual([]);
  });

  it('reach back to an earlier bar that changed', () => {
    const next = [bars[0], { ...bars[1], volume: 5 }, bars[2]];
    expect(liveUpdates(bars, next)).toEqual(next.slice(1));
  });

  it('ask for a new series when bars were removed or one was inserted among the shown', () => {
    expect(liveUpdates(bars, bars.slice(1))).toBeNull();
    const inserted = [bars[0], { ...bars[1], time: 1.5 }, { ...bars[1] }, bars[2]];
    expect(liveUpdates(bars, inserted)).toBeNull();
  });
});
