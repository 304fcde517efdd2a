import { useEffect, useState } from 'react';

/** One band of KRX's tick table, as the server sends it: prices from `from` move in steps of `tick`. */
export interface TickBand {
  from: number;
  tick: number;
}

/** The KRX rules the server enforces (GET /api/krx/rules); the page mirrors them and keeps no copy of its own. */
export interface KrxRules {
  tickBands: TickBand[];
  priceLimitRate: number;
  commissionRate: number;
  taxRates: { year: number; rate: number }[];
  date: string;
  tradingDay: boolean;
  sessions: { openingAuction: string; open: string; closingAuction: string; close: string };
}

/** The tick of `price` in `bands` (highest band first); 1 while the rules are not loaded. */
export function tickOf(bands: TickBand[] | undefined, price: number): number {
  return bands?.find((band) => price >= band.from)?.tick ?? 1;
}

/** Loads the rules once per page; retries every 5 s while the server cannot answer. */
export function useKrxRules(): KrxRules | null {
  const [rules, setRules] = useState<KrxRules | null>(null);

  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const response = await fetch('/api/krx/rules');
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const loaded = (await response.json()) as KrxRules;
        if (!stopped) setRules(loaded);
      } catch {
        if (!stopped) retry = setTimeout(load, 5000);
      }
    };
    load();
    return () => {
      stopped = true;
      clearTimeout(retry);
    };
  }, []);

  return rules;
}
