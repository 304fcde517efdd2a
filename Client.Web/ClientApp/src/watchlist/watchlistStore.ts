import { api, ApiError } from '../api/client';
import { readStored, writeStored } from '../lib/storage';
import { createStore, useStore } from '../lib/store';
import { nextPollDelay, quoteOf, toggleEntry, type WatchEntry, type WatchQuote } from './watchlist';

export interface WatchlistState {
  entries: WatchEntry[];
  quotes: Record<string, WatchQuote>;
}

const storageKey = 'gslts.watchlist';
const pollMs = 2500;
const isEntries = (v: unknown): v is WatchEntry[] =>
  Array.isArray(v) && v.every((e) => typeof e?.code === 'string' && typeof e?.name === 'string');

export const watchlistStore = createStore<WatchlistState>({ entries: readStored(storageKey, [], isEntries), quotes: {} });

export function toggleWatch(entry: WatchEntry): void {
  const entries = toggleEntry(watchlistStore.get().entries, entry);
  writeStored(storageKey, entries);
  watchlistStore.set((s) => ({ ...s, entries }));
}

export function useWatched(code: string | null): boolean {
  return useStore(watchlistStore, (s) => code !== null && s.entries.some((e) => e.code === code));
}

/** One round: GET /api/stocks/{code} for each entry, four at a time; returns the longest Retry-After asked for. */
async function pollRound(entries: WatchEntry[]): Promise<number | null> {
  const quotes: Record<string, WatchQuote> = {};
  let retryAfter: number | null = null;
  const queue = [...entries];
  const worker = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      try {
        quotes[entry.code] = quoteOf(await api.snapshot(entry.code));
      } catch (error) {
        const previous = watchlistStore.get().quotes[entry.code];
        if (error instanceof ApiError && (error.status === 429 || error.status === 503)) {
          retryAfter = Math.max(retryAfter ?? 0, error.retryAfter ?? 5);
          if (previous) quotes[entry.code] = previous;
        } else if (error instanceof ApiError && error.status === 404) {
          quotes[entry.code] = { price: null, change: 0, changeRate: 0, note: error.problem?.title === 'Unknown stock code' ? '없는 종목' : '오늘 체결 없음' };
        } else if (previous) {
          quotes[entry.code] = previous;
        }
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  watchlistStore.set((s) => ({ ...s, quotes: { ...s.quotes, ...quotes } }));
  return retryAfter;
}

/** Polls the entries' prices while the panel is shown and the page visible. Returns the function that stops. */
export function pollWatchlist(): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const round = async () => {
    if (stopped) return;
    let retryAfter: number | null = null;
    const entries = watchlistStore.get().entries;
    if (!document.hidden && entries.length > 0) retryAfter = await pollRound(entries);
    if (!stopped) timer = setTimeout(round, nextPollDelay(pollMs, retryAfter));
  };
  // A stock added shows its price at once rather than at the next round.
  let known = new Set(watchlistStore.get().entries.map((e) => e.code));
  const offAdded = watchlistStore.subscribe(() => {
    const entries = watchlistStore.get().entries;
    const added = entries.filter((e) => !known.has(e.code));
    known = new Set(entries.map((e) => e.code));
    if (added.length > 0) void pollRound(added);
  });
  void round();
  return () => {
    stopped = true;
    clearTimeout(timer);
    offAdded();
  };
}
