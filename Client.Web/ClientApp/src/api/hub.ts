import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { createStore } from '../lib/store';
import { reconnectDelay, WatchRegistry, type Watch } from './watches';

/** The page's one connection to /hubs/market as the trader sees it. */
export type LinkState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export const linkStore = createStore<LinkState>('connecting');

const registry = new WatchRegistry();
let connection: HubConnection | null = null;

function connected(): boolean {
  return connection?.state === HubConnectionState.Connected;
}

/** The shared connection, built and started on first use. */
function hub(): HubConnection {
  if (connection) return connection;
  const built = new HubConnectionBuilder()
    .withUrl('/hubs/market')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => reconnectDelay(context.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
  connection = built;
  built.onreconnecting(() => linkStore.set('reconnecting'));
  built.onreconnected(() => {
    linkStore.set('connected');
    registry.runAll();
  });
  // With a retry policy that never gives up this only follows a failed first start or a server that closed for good.
  built.onclose(() => {
    linkStore.set('disconnected');
    setTimeout(() => start(1), reconnectDelay(1));
  });
  void start(0);
  return built;
}

async function start(attempt: number): Promise<void> {
  const current = connection;
  if (!current || current.state !== HubConnectionState.Disconnected) return;
  if (attempt === 0) linkStore.set('connecting');
  try {
    await current.start();
    linkStore.set('connected');
    registry.runAll();
  } catch {
    linkStore.set('disconnected');
    setTimeout(() => start(attempt + 1), Math.max(1000, reconnectDelay(attempt + 1)));
  }
}

/** Listens to a hub event; returns the function that stops listening. */
export function onHub<T>(event: string, handler: (value: T) => void): () => void {
  const current = hub();
  current.on(event, handler);
  return () => current.off(event, handler);
}

/** A call made while the connection is down: nothing to tell the trader, the watch runs again once connected. */
export class HubNotConnected extends Error {}

/** Calls a hub method on the live connection; rejects with HubNotConnected when it is not up. */
export function invokeHub<T>(method: string, ...args: unknown[]): Promise<T> {
  const current = hub();
  if (!connected()) return Promise.reject(new HubNotConnected(`${method} waits for the connection.`));
  return current.invoke<T>(method, ...args);
}

/** Tells the server something when connected; a lost connection forgot it anyway. */
export function sendHub(method: string, ...args: unknown[]): void {
  if (connected()) connection!.invoke(method, ...args).catch(() => undefined);
}

/**
 * Follows something on the hub under `key`: `watch` runs now when connected, after the first connect, and after every
 * reconnect. Returns the function that ends it.
 */
export function keepWatch(key: string, watch: Watch): () => void {
  hub();
  return registry.keep(key, watch, connected());
}

