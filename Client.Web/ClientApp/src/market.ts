import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { useEffect, useState } from 'react';
import { supersedes, watchFailure } from './feed';

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

/** Watches one stock on /hubs/market; re-watches after every reconnect, and while the server asks to retry. */
export function useStock(code: string): { snapshot: StockSnapshot | null; link: Link; error: string | null } {
  const [snapshot, setSnapshot] = useState<StockSnapshot | null>(null);
  const [link, setLink] = useState<Link>('connecting');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let rewatch: ReturnType<typeof setTimeout> | undefined;
    const connection: HubConnection = new HubConnectionBuilder()
      .withUrl('/hubs/market')
      .withAutomaticReconnect()
      .configureLogging(LogLevel.Warning)
      .build();

    const accept = (next: StockSnapshot) => setSnapshot((current) => (supersedes(current, next) ? next : current));

    const watch = async () => {
      clearTimeout(rewatch);
      try {
        accept(await connection.invoke<StockSnapshot>('Watch', code));
        setError(null);
      } catch (e) {
        if (stopped) return;
        const failure = watchFailure(e instanceof Error ? e.message : String(e), code);
        setError(failure.text);
        if (failure.retry && connection.state === HubConnectionState.Connected) rewatch = setTimeout(watch, 3000);
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
      clearTimeout(rewatch);
      if (connection.state !== HubConnectionState.Disconnected) connection.stop();
    };
  }, [code]);

  return { snapshot, link, error };
}
