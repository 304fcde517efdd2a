import type { StockSnapshot } from '../api/types';

export interface WatchEntry {
  code: string;
  name: string;
}

/** Prices are polled one request per entry every few seconds: twenty keep the page far below the API's budget. */
export const maxWatchEntries = 20;

/** The list with `entry` added at the end, or removed when it is in it; unchanged when full. */
export function toggleEntry(list: WatchEntry[], entry: WatchEntry, max = maxWatchEntries): WatchEntry[] {
  if (list.some((e) => e.code === entry.code)) return list.filter((e) => e.code !== entry.code);
  return list.length >= max ? list : [...list, entry];
}

/** A watched stock's latest price, or why there is none. */
export interface WatchQuote {
  price: number | null;
  change: number;
  changeRate: number;
  /** e.g. no trade today */
  note: string | null;
}

export function quoteOf(snapshot: StockSnapshot): WatchQuote {
  return { price: snapshot.price, change: snapshot.change, changeRate: snapshot.changeRate, note: null };
}

/**
 * When the next poll round starts: the interval, or later when the server asked to wait (Retry-After), never sooner
 * than the interval.
 */
export function nextPollDelay(intervalMs: number, retryAfterSeconds: number | null): number {
  return Math.max(intervalMs, (retryAfterSeconds ?? 0) * 1000);
}
