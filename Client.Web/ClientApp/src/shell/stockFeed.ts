import { HubNotConnected, invokeHub, keepWatch, linkStore, onHub } from '../api/hub';
import type { StockSnapshot } from '../api/types';
import { notePendingPaint } from '../lib/measure';
import { createStore } from '../lib/store';
import { supersedes, watchFailure, type WatchFailure } from './feed';

/** The shown stock: its code, the newest snapshot, and why it cannot be shown (unknown code, …). */
export interface StockState {
  code: string | null;
  snapshot: StockSnapshot | null;
  failure: WatchFailure | null;
}

export const stockStore = createStore<StockState>({ code: null, snapshot: null, failure: null });

type MessageListener = (snapshot: StockSnapshot) => void;
const messageListeners = new Set<MessageListener>();

/**
 * Every accepted message of the shown stock, before the store changes: the chart folds each message's `trades`
 * (the store keeps only the newest snapshot, and two messages may land in one render).
 */
export function onStockMessage(listener: MessageListener): () => void {
  messageListeners.add(listener);
  return () => messageListeners.delete(listener);
}

function accept(next: StockSnapshot): void {
  const state = stockStore.get();
  if (next.code !== state.code || !supersedes(state.snapshot, next)) return;
  for (const listener of [...messageListeners]) listener(next);
  const trades = next.trades;
  if (trades && trades.length > 0) notePendingPaint(trades[trades.length - 1].time, next.volume);
  stockStore.set({ ...state, snapshot: next, failure: null });
}

// The code the server has as this connection's watched stock: a book may only be watched after it (WatchBook needs it).
let watchedCode: string | null = null;
const watchedListeners = new Set<(code: string) => void>();
linkStore.subscribe(() => {
  if (linkStore.get() !== 'connected') watchedCode = null;
});

/** The stock the current connection watches, null until its Watch succeeded (again after a reconnect). */
export function watchedStock(): string | null {
  return watchedCode;
}

/** Called after every successful Watch: what depends on it (the book) follows. */
export function onStockWatched(listener: (code: string) => void): () => void {
  watchedListeners.add(listener);
  return () => watchedListeners.delete(listener);
}

let listening = false;
let endWatch: (() => void) | null = null;

/** Shows `code`: watches it on the hub (again after every reconnect; again in 3 s while the server asks to retry). */
export function showStock(code: string): void {
  if (!listening) {
    onHub<StockSnapshot>('stock', accept);
    listening = true;
  }
  if (stockStore.get().code === code && endWatch) return;
  endWatch?.();
  stockStore.set({ code, snapshot: null, failure: null });

  let retry: ReturnType<typeof setTimeout> | undefined;
  const watch = async () => {
    clearTimeout(retry);
    try {
      const snapshot = await invokeHub<StockSnapshot>('Watch', code);
      if (stockStore.get().code !== code) return;
      accept(snapshot);
      watchedCode = code;
      for (const listener of [...watchedListeners]) listener(code);
    } catch (error) {
      if (stockStore.get().code !== code || error instanceof HubNotConnected) return;
      const failure = watchFailure(error instanceof Error ? error.message : String(error), code);
      stockStore.set((state) => ({ ...state, failure }));
      if (failure.retry) retry = setTimeout(watch, 3000);
    }
  };
  const end = keepWatch('stock', watch);
  endWatch = () => {
    clearTimeout(retry);
    end();
  };
}

/** Shows no stock (the address named none that can exist). */
export function showNoStock(failure: WatchFailure): void {
  endWatch?.();
  endWatch = null;
  stockStore.set({ code: null, snapshot: null, failure });
}
