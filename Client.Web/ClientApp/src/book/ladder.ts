import type { BookLevel, OrderBook } from '../api/types';

/** One row of the 호가 ladder: `width` is the quantity bar in percent of the largest level on either side. */
export interface LadderRow {
  price: number;
  quantity: number;
  width: number;
  /** the last trade's price */
  last: boolean;
}

export interface Ladder {
  /** highest price at the top, the best (lowest) ask last, just above the middle */
  asks: LadderRow[];
  /** the best (highest) bid first, just below the middle */
  bids: LadderRow[];
  totalAsk: number;
  totalBid: number;
  /** the call auction's expected price and volume, null outside an auction */
  expected: { price: number; volume: number } | null;
  time: string;
}

export const ladderDepth = 10;

function levels(side: BookLevel[], depth: number): BookLevel[] {
  // The feed sends empty levels as zeros (no order at that depth): they are no rows.
  return side.filter((level) => level.price > 0 && level.quantity >= 0).slice(0, depth);
}

/** The ladder of an order book (asks and bids best first, as the server sends them) around the last trade's price. */
export function ladderOf(book: OrderBook, lastPrice: number | null, depth = ladderDepth): Ladder {
  const asks = levels(book.asks, depth);
  const bids = levels(book.bids, depth);
  const largest = Math.max(0, ...asks.map((l) => l.quantity), ...bids.map((l) => l.quantity));
  const row = (level: BookLevel): LadderRow => ({
    price: level.price,
    quantity: level.quantity,
    width: largest > 0 ? Math.round((level.quantity / largest) * 1000) / 10 : 0,
    last: lastPrice !== null && level.price === lastPrice,
  });
  return {
    asks: asks.map(row).reverse(),
    bids: bids.map(row),
    totalAsk: book.totalAsk,
    totalBid: book.totalBid,
    expected: book.expectedPrice && book.expectedPrice > 0 ? { price: book.expectedPrice, volume: book.expectedVolume ?? 0 } : null,
    time: book.time,
  };
}

/** Whether `next` may replace `current`: the same stock, not older (books arrive up to ten a second). */
export function newerBook(current: OrderBook | null, next: OrderBook, code: string | null): boolean {
  if (next.code !== code) return false;
  return !current || current.code !== next.code || Date.parse(next.time) >= Date.parse(current.time);
}
