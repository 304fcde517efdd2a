import { describe, expect, it } from 'vitest';
import type { StockSnapshot, TradePrint } from '../api/types';
import { chartSeconds, dateSeconds } from './candles';
import { applyMessage, emptyModel, showsToday } from './seriesModel';

const trade = (time: string, price: number, quantity: number): TradePrint => ({ time: `2026-12-03T${time}+09:00`, price, quantity });

function message(trades: TradePrint[] | null, close: number, volume: number): StockSnapshot {
  return {
    name: null, sector: null, strength: null, vwap: null, quarters: null, market: null,
    code: '005930', tradingDate: '2026-12-03', price: close, basePrice: 69_000, change: close - 69_000, changeRate: 0, open: 70_000,
    high: 70_500, low: 69_800, volume, tradingValue: 0, tickCount: 5, lastSequence: 1, lastTradeTime: '2026-12-03T09:00:05+09:00',
    trades, minute: { start: '2026-12-03T09:00:00+09:00', open: 70_000, high: 70_500, low: 69_800, close, volume, tradingValue: 0 },
  };
}

describe('the series of each interval after a stock message', () => {
  it('tick: appends the message trades; the latest snapshot alone adds nothing', () => {
    let model = applyMessage(emptyModel('tick'), message([trade('09:00:01', 70_000, 1), trade('09:00:02', 70_100, 2)], 70_100, 3), 'live');
    expect(model.bars.map((b) => b.close)).toEqual([70_000, 70_100]);
    model = applyMessage(model, message([trade('09:00:03', 70_200, 1)], 70_200, 4), 'state');
    expect(model.bars).toHaveLength(2);
  });

  it('tick: a message from while the history loaded adds only trades after the history', () => {
    const history = applyMessage(emptyModel('tick'), message([trade('09:00:01', 70_000, 1), trade('09:00:02', 70_100, 2)], 70_100, 3), 'live');
    const model = applyMessage(history, message([trade('09:00:02', 70_100, 2), trade('09:00:03', 70_200, 1)], 70_200, 4), 'seam');
    expect(model.bars.map((b) => b.close)).toEqual([70_000, 70_100, 70_200]);
  });

  it('1m: updates the forming bar in place (the last bar moves, no new bar)', () => {
    let model = applyMessage(emptyModel('1m'), message(null, 70_100, 10), 'state');
    model = applyMessage(model, message([trade('09:00:05', 70_300, 2)], 70_300, 12), 'live');
    expect(model.bars).toHaveLength(1);
    expect(model.bars[0]).toMatchObject({ time: chartSeconds('2026-12-03T09:00:00+09:00'), close: 70_300, volume: 12 });
  });

  it('5m: the five-minute bar follows its forming minute', () => {
    let model = applyMessage(emptyModel('5m'), message(null, 70_100, 10), 'state');
    const next = message(null, 70_400, 15);
    next.minute = { ...next.minute!, start: '2026-12-03T09:04:00+09:00', open: 70_100, high: 70_400, low: 70_100, volume: 5 };
    model = applyMessage(model, next, 'state');
    expect(model.minutes).toHaveLength(2);
    expect(model.bars).toEqual([{ time: chartSeconds('2026-12-03T09:00:00+09:00'), open: 70_000, high: 70_500, low: 69_800, close: 70_400, volume: 15 }]);
  });

  it('day: today\'s bar comes from the snapshot and tells that today is drawn', () => {
    const past = { ...emptyModel('day'), days: [{ time: dateSeconds('2026-12-02'), open: 1, high: 1, low: 1, close: 1, volume: 1 }] };
    past.bars = past.days;
    expect(showsToday(past)).toBe(false);
    const model = applyMessage(past, message(null, 70_100, 10), 'state');
    expect(model.bars[1]).toMatchObject({ time: dateSeconds('2026-12-03'), open: 70_000, close: 70_100, volume: 10 });
    expect(showsToday(model)).toBe(true);
  });
});
