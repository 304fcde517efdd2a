import type { StockSnapshot } from '../api/types';

/**
 * Whether `next` may replace `current`. Ordered by what the stock grain owns: the trading date, then the day's
 * cumulative volume (the exchange's). Never by `lastSequence`: that is the bridge process's counter and starts again
 * when the bridge restarts. Equal is accepted (a book-only or name change).
 */
export function supersedes(current: StockSnapshot | null, next: StockSnapshot): boolean {
  if (!current) return true;
  if (next.tradingDate !== current.tradingDate) return next.tradingDate > current.tradingDate;
  return next.volume >= current.volume;
}

/** A failed Watch as the trader reads it, and whether the page tries again by itself. */
export interface WatchFailure {
  text: string;
  retry: boolean;
}

/** Reads the hub's error (English, for logs) into Korean for the page. */
export function watchFailure(message: string, code: string): WatchFailure {
  if (message.includes('not loaded yet')) return { text: '종목 목록을 불러오는 중입니다. 잠시 후 다시 시도합니다.', retry: true };
  if (message.includes('slow down')) return { text: '요청이 너무 많습니다. 잠시 후 다시 시도합니다.', retry: true };
  if (message.includes('Unknown stock code')) return { text: `종목 코드 ${code}을(를) 찾을 수 없습니다.`, retry: false };
  // Anything else (a server fault) is tried again: the trader should not have to reload the page.
  return { text: `종목을 불러오지 못했습니다. 잠시 후 다시 시도합니다. (${message.replace(/^.*HubException: /, '')})`, retry: true };
}
