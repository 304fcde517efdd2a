import { HubNotConnected, invokeHub, keepWatch, onHub, sendHub } from '../api/hub';
import type { OrderBook } from '../api/types';
import { createStore, useStore } from '../lib/store';
import { onStockWatched, stockStore, watchedStock } from '../shell/stockFeed';
import { newerBook } from './ladder';

/** The book feature's state. `selectedPrice` is the level the trader clicked: the order panel will start from it. */
export interface BookState {
  code: string | null;
  book: OrderBook | null;
  /** why no live book is shown (none yet) */
  notice: string | null;
  selectedPrice: number | null;
}

export const bookStore = createStore<BookState>({ code: null, book: null, notice: null, selectedPrice: null });

// A price chosen for one stock means nothing for the next, even while the book panel is hidden (a phone tab).
stockStore.subscribe(() => {
  const { code } = stockStore.get();
  if (bookStore.get().code !== code) bookStore.set({ code, book: null, notice: null, selectedPrice: null });
});

/** Remembers a clicked level's price for the stock shown. */
export function selectPrice(price: number | null): void {
  bookStore.set((state) => ({ ...state, selectedPrice: price }));
}

export function useSelectedPrice(): number | null {
  return useStore(bookStore, (state) => state.selectedPrice);
}

function accept(book: OrderBook): void {
  bookStore.set((state) => (newerBook(state.book, book, state.code) ? { ...state, book, notice: null } : state));
}

const waitingText = '호가를 기다리는 중입니다.';
let listening = false;

/**
 * Follows the book of `code` while the book panel is shown: WatchBook once the stock is watched on the connection
 * (again after each reconnect's Watch), UnwatchBook when the panel goes. Returns the function that stops.
 */
export function followBook(code: string): () => void {
  if (bookStore.get().code !== code) bookStore.set({ code, book: null, notice: waitingText, selectedPrice: null });
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const watch = async () => {
    clearTimeout(retry);
    if (stopped || watchedStock() !== code) return; // runs again when the stock's Watch succeeds
    try {
      const book = await invokeHub<OrderBook | null>('WatchBook', code);
      if (stopped) return;
      if (book) accept(book);
      else bookStore.set((state) => ({ ...state, notice: state.book ? null : waitingText }));
    } catch (error) {
      if (stopped || error instanceof HubNotConnected) return;
      retry = setTimeout(watch, 2000);
    }
  };

  // Kept for the page's life: a book in flight after UnwatchBook would otherwise be logged as a warning.
  if (!listening) {
    onHub<OrderBook>('book', accept);
    listening = true;
  }
  const offWatched = onStockWatched((watched) => {
    if (watched === code) void watch();
  });
  const end = keepWatch('book', watch);
  return () => {
    stopped = true;
    clearTimeout(retry);
    end();
    offWatched();
    sendHub('UnwatchBook');
  };
}
