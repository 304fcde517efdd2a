import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { useEffect, useState } from 'react';

/** The stock grain's live snapshot, as the hub sends it (camelCase). */
export interface StockSnapshot {
  code: string;
  tradingDate: string;
  price: number;
  basePrice: number;
  change: number;
  changeRate: number;
  open: number;
  high: number;
  low: number;
  volume: number;
  tradingValue: number;
  tickCount: number;
  lastSequence: number;
  lastTradeTime: string | null;
  name: string | null;
  sector: string | null;
}

export type Link = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** Watches one stock on /hubs/market; re-watches after every reconnect. */
export function useStock(code: string): { snapshot: StockSnapshot | null; link: Link; error: string | null } {
  const [snapshot, setSnapshot] = useState<StockSnapshot | null>(null);
  const [link, setLink] = useState<Link>('connecting');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connection: HubConnection = new HubConnectionBuilder()
      .withUrl('/hubs/market')
      .withAutomaticReconnect()
      .configureLogging(LogLevel.Warning)
      .build();

    const accept = (next: StockSnapshot) =>
      setSnapshot((current) => (current && current.lastSequence > next.lastSequence ? current : next));

    const watch = async () => {
      try {
        accept(await connection.invoke<StockSnapshot>('Watch', code));
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    };

    const start = async () => {
      setLink('connecting');
      try {
        await connection.start();
        setLink('connected');
        await watch();
      } catch {
        if (stopped) return;
        setLink('disconnected');
        retry = setTimeout(start, 5000);
      }
    };

    connection.on('stock', accept);
    connection.onreconnecting(() => setLink('reconnecting'));
    connection.onreconnected(async () => {
      setLink('connected');
      await watch();
    });
    connection.onclose(() => {
      if (stopped) return;
      setLink('disconnected');
      retry = setTimeout(start, 5000);
    });
    start();

    return () => {
      stopped = true;
      clearTimeout(retry);
      if (connection.state !== HubConnectionState.Disconnected) connection.stop();
    };
  }, [code]);

  return { snapshot, link, error };
}
