/** Something the page follows on the hub: run once connected, and again after every reconnect. */
export type Watch = () => Promise<unknown> | void;

/**
 * The hub watches the page holds, by key (stock, book, ranking, strategy, market): a new watch of a key replaces the
 * old one (watching another stock replaces the stock watch), and a server that lost the connection's state gets every
 * active one again after a reconnect.
 */
export class WatchRegistry {
  private readonly watches = new Map<string, Watch>();

  /** Holds `watch` under `key`; runs it now when connected. The returned function ends it (only if still the current one). */
  keep(key: string, watch: Watch, connected: boolean): () => void {
    this.watches.set(key, watch);
    if (connected) this.run(watch);
    return () => {
      if (this.watches.get(key) === watch) this.watches.delete(key);
    };
  }

  /** Runs every active watch (after a (re)connect). */
  runAll(): void {
    for (const watch of [...this.watches.values()]) this.run(watch);
  }

  keys(): string[] {
    return [...this.watches.keys()];
  }

  private run(watch: Watch): void {
    try {
      void Promise.resolve(watch()).catch((error) => console.warn('hub watch failed', error));
    } catch (error) {
      console.warn('hub watch failed', error);
    }
  }
}

const reconnectSchedule = [0, 1000, 2000, 5000];

/** Delay before reconnect attempt n (0-based): 0, 1, 2, then every 5 s, forever — a trading page never gives up. */
export function reconnectDelay(previousRetryCount: number): number {
  return reconnectSchedule[Math.min(previousRetryCount, reconnectSchedule.length - 1)];
}
