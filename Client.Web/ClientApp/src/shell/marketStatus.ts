import { HubNotConnected, invokeHub, keepWatch, onHub } from '../api/hub';
import type { MarketStatus } from '../api/types';
import { createStore } from '../lib/store';

export interface MarketState {
  status: MarketStatus | null;
  /** why there is no status (the hub refused WatchMarket) */
  unavailable: string | null;
}

export const marketStore = createStore<MarketState>({ status: null, unavailable: null });

let started = false;

/** Follows the market session: WatchMarket on the hub, again after each reconnect. */
export function followMarket(): void {
  if (started) return;
  started = true;
  onHub<MarketStatus>('market', (status) => marketStore.set({ status, unavailable: null }));
  keepWatch('market', async () => {
    try {
      marketStore.set({ status: await invokeHub<MarketStatus>('WatchMarket'), unavailable: null });
    } catch (error) {
      if (error instanceof HubNotConnected) return;
      marketStore.set({ status: null, unavailable: `장 상태를 받지 못했습니다: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
}
