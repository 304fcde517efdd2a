import { api } from '../api/client';
import { HubNotConnected, invokeHub, keepWatch, onHub } from '../api/hub';
import type { MarketStatus } from '../api/types';
import { createStore } from '../lib/store';

export interface MarketState {
  status: MarketStatus | null;
  /** why there is no status (an older server without WatchMarket and /api/market) */
  unavailable: string | null;
}

export const marketStore = createStore<MarketState>({ status: null, unavailable: null });

let started = false;

/** Follows the market session: WatchMarket on the hub, /api/market when the hub does not offer it. */
export function followMarket(): void {
  if (started) return;
  started = true;
  onHub<MarketStatus>('market', (status) => marketStore.set({ status, unavailable: null }));
  keepWatch('market', async () => {
    try {
      marketStore.set({ status: await invokeHub<MarketStatus>('WatchMarket'), unavailable: null });
    } catch (error) {
      if (error instanceof HubNotConnected) return;
      try {
        marketStore.set({ status: await api.market(), unavailable: null });
      } catch {
        marketStore.set({ status: null, unavailable: '서버가 장 상태를 알려주지 않습니다.' });
      }
    }
  });
}
