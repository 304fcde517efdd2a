import { useEffect } from 'react';
import { api, retryDelaySeconds } from '../api/client';
import type { KrxRules, TickBand } from '../api/types';
import { createStore, useStore } from './store';

/** The tick of `price` in `bands` (highest band first); 1 while the rules are not loaded. */
export function tickOf(bands: TickBand[] | undefined, price: number): number {
  return bands?.find((band) => price >= band.from)?.tick ?? 1;
}

const rulesStore = createStore<KrxRules | null>(null);
let loading = false;

/** Loads the rules once per page (the server's, the page keeps no copy); retries while the server cannot answer. */
function loadRules(): void {
  if (loading) return;
  loading = true;
  const attempt = async () => {
    try {
      rulesStore.set(await api.rules());
    } catch (error) {
      setTimeout(attempt, retryDelaySeconds(error, 5) * 1000);
    }
  };
  void attempt();
}

export function useKrxRules(): KrxRules | null {
  useEffect(loadRules, []);
  return useStore(rulesStore);
}

export function currentRules(): KrxRules | null {
  loadRules();
  return rulesStore.get();
}

export function subscribeRules(listener: () => void): () => void {
  return rulesStore.subscribe(listener);
}
