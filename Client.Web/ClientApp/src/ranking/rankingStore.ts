import { api } from '../api/client';
import { HubNotConnected, invokeHub, keepWatch, onHub } from '../api/hub';
import type { TopList } from '../api/types';
import { createStore } from '../lib/store';
import { allScope } from './rankChanges';

export interface RankingState {
  scope: string;
  live: TopList | null;
  /** the day's 10-minute snapshots, oldest first */
  snapshots: TopList[];
  /** "live" or the asOf of the snapshot browsed */
  view: string;
  /** the Korean sectors of the map, for the scope filter */
  sectors: string[];
  notice: string | null;
}

export const rankingStore = createStore<RankingState>({ scope: allScope, live: null, snapshots: [], view: 'live', sectors: [], notice: null });

const snapshotRefreshMs = 30_000;
let endWatch: (() => void) | null = null;
let lastSnapshotFetch = 0;

function sameScope(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function accept(list: TopList): void {
  const state = rankingStore.get();
  if (!sameScope(list.scope, state.scope)) return;
  rankingStore.set({ ...state, live: list, notice: null });
  maybeRefreshSnapshots(list);
}

/** A new 10-minute mark passed since the newest snapshot held: fetch the day's snapshots again (not more than twice a minute). */
function maybeRefreshSnapshots(list: TopList): void {
  const { snapshots } = rankingStore.get();
  const newest = snapshots[snapshots.length - 1]?.asOf;
  const asOf = list.asOf ? Date.parse(list.asOf) : 0;
  const dueMark = asOf - (asOf % 600_000);
  if (newest && Date.parse(newest) >= dueMark) return;
  if (Date.now() - lastSnapshotFetch < snapshotRefreshMs) return;
  lastSnapshotFetch = Date.now();
  api.rankingSnapshots(list.tradingDate)
    .then((lists) => rankingStore.set((s) => ({ ...s, snapshots: lists.filter((l) => l.asOf).sort((a, b) => Date.parse(a.asOf!) - Date.parse(b.asOf!)) })))
    .catch(() => undefined);
}

function watch(scope: string): () => void {
  return keepWatch('ranking', async () => {
    try {
      accept(await invokeHub<TopList>('WatchRanking', scope));
    } catch (error) {
      if (error instanceof HubNotConnected || !sameScope(rankingStore.get().scope, scope)) return;
      rankingStore.set((s) => ({ ...s, notice: `순위를 받지 못했습니다: ${error instanceof Error ? error.message : String(error)}` }));
    }
  });
}

let sectorsAsked = false;
let listening = false;

/** Follows the ranking while the panel is shown. */
export function followRanking(): () => void {
  if (!sectorsAsked) {
    sectorsAsked = true;
    api.sectors()
      .then((board) => rankingStore.set((s) => ({ ...s, sectors: board.krSectors.map((k) => k.name) })))
      .catch(() => (sectorsAsked = false));
  }
  // Kept for the page's life: the server has no UnwatchRanking, and a list arriving with no handler is logged as a warning.
  if (!listening) {
    onHub<TopList>('ranking', accept);
    listening = true;
  }
  endWatch = watch(rankingStore.get().scope);
  return () => {
    endWatch?.();
    endWatch = null;
  };
}

/** Follows another scope: the hub switches the connection's ranking to it. */
export function setScope(scope: string): void {
  if (sameScope(rankingStore.get().scope, scope)) return;
  rankingStore.set((s) => ({ ...s, scope, live: null, notice: null }));
  if (endWatch) {
    endWatch();
    endWatch = watch(scope);
  }
}

export function setView(view: string): void {
  rankingStore.set((s) => ({ ...s, view }));
}
