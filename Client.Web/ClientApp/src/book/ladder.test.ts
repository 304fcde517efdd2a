import { describe, expect, it } from 'vitest';
import type { OrderBook } from '../api/types';
import { ladderOf, newerBook } from './ladder';

const book: OrderBook = {
  code: '005930', time: '2026-12-03T09:10:00+09:00',
  asks: [{ price: 70_100, quantity: 500 }, { price: 70_200, quantity: 1_000 }, { price: 70_300, quantity: 250 }],
  bids: [{ price: 70_000, quantity: 2_000 }, { price: 69_900, quantity: 100 }, { price: 0, quantity: 0 }],
  totalAsk: 1_750, totalBid: 2_100, expectedPrice: null, expectedVolume: null,
};

describe('the 호가 ladder', () => {
  it('puts the highest ask at the top, the best ask just above the middle, then the best bid first', () => {
    const ladder = ladderOf(book, null);
    expect(ladder.asks.map((r) => r.price)).toEqual([70_300, 70_200, 70_100]);
    expect(ladder.bids.map((r) => r.price)).toEqual([70_000, 69_900]);
    expect([ladder.totalAsk, ladder.totalBid]).toEqual([1_750, 2_100]);
  });

  it('sizes each quantity bar against the largest level of both sides', () => {
    const ladder = ladderOf(book, null);
    expect(ladder.bids.map((r) => r.width)).toEqual([100, 5]);
    expect(ladder.asks.map((r) => r.width)).toEqual([12.5, 50, 25]);
    expect(ladderOf({ ...book, asks: [{ price: 70_100, quantity: 0 }], bids: [] }, null).asks[0].width).toBe(0);
  });

  it('marks the level at the last trade price', () => {
    const ladder = ladderOf(book, 70_100);
    expect(ladder.asks.filter((r) => r.last).map((r) => r.price)).toEqual([70_100]);
    expect(ladder.bids.some((r) => r.last)).toBe(false);
  });

  it('keeps at most ten levels a side and drops the empty ones the feed sends as zeros', () => {
    const deep = { ...book, bids: Array.from({ length: 12 }, (_, i) => ({ price: 70_000 - i * 100, quantity: 10 })) };
    expect(ladderOf(deep, null).bids).toHaveLength(10);
    expect(ladderOf(book, null).bids.every((r) => r.price > 0)).toBe(true);
  });

  it('shows the expected price and volume only during an auction', () => {
    expect(ladderOf(book, null).expected).toBeNull();
    expect(ladderOf({ ...book, expectedPrice: 70_050, expectedVolume: 12_000 }, null).expected).toEqual({ price: 70_050, volume: 12_000 });
    expect(ladderOf({ ...book, expectedPrice: 0 }, null).expected).toBeNull();
  });

  it('takes only a newer book of the shown stock', () => {
    const later = { ...book, time: '2026-12-03T09:10:01+09:00' };
    expect(newerBook(book, later, '005930')).toBe(true);
    expect(newerBook(later, book, '005930')).toBe(false);
    expect(newerBook(null, { ...book, code: '000660' }, '005930')).toBe(false);
  });
});
