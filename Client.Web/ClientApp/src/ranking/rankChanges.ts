import type { RankedStock, TopList } from '../api/types';
import { clock, hourMinute } from '../lib/format';

/** How a stock's rank moved against the previous 10-minute snapshot. */
export type RankMove = { kind: 'up'; by: number } | { kind: 'down'; by: number } | { kind: 'same' } | { kind: 'new' };

export const allScope = 'all';

/** Whether a stock belongs to a scope: all, a market (KOSPI, KOSDAQ) or a Korean sector by name. */
export function inScope(stock: RankedStock, scope: string): boolean {
  if (scope === allScope) return true;
  if (scope === 'KOSPI' || scope === 'KOSDAQ') return stock.market === scope;
  return stock.sector === scope;
}

/** The rows of a scope, ranked again from 1 (the snapshots are the market-wide list). */
export function filterScope(stocks: RankedStock[], scope: string): RankedStock[] {
  if (scope === allScope) return stocks;
  return stocks.filter((stock) => inScope(stock, scope)).map((stock, i) => ({ ...stock, rank: i + 1 }));
}

/**
 * Rank moves of `current` against `previous`. A stock missing from a complete previous list is NEW; when the previous
 * list is only part of its scope (a sector cut out of the market-wide top 50) a missing stock's move is unknown.
 */
export function rankMoves(current: RankedStock[], previous: RankedStock[] | null, previousComplete: boolean): Map<string, RankMove> {
  const moves = new Map<string, RankMove>();
  if (!previous) return moves;
  const before = new Map(previous.map((stock) => [stock.code, stock.rank]));
  for (const stock of current) {
    const was = before.get(stock.code);
    if (was === undefined) {
      if (previousComplete) moves.set(stock.code, { kind: 'new' });
    } else if (was > stock.rank) moves.set(stock.code, { kind: 'up', by: was - stock.rank });
    else if (was < stock.rank) moves.set(stock.code, { kind: 'down', by: stock.rank - was });
    else moves.set(stock.code, { kind: 'same' });
  }
  return moves;
}

/** The snapshot a list is compared with: the latest one taken before `asOf` (at or before it for the live list). */
export function previousSnapshot(snapshots: TopList[], asOf: string | null, inclusive: boolean): TopList | null {
  if (!asOf) return snapshots.length > 0 ? snapshots[snapshots.length - 1] : null;
  const at = Date.parse(asOf);
  let found: TopList | null = null;
  for (const snapshot of snapshots) {
    if (!snapshot.asOf) continue;
    const t = Date.parse(snapshot.asOf);
    if (t < at || (inclusive && t === at)) {
      if (!found || t > Date.parse(found.asOf!)) found = snapshot;
    }
  }
  return found;
}

/** What the panel shows: live (the server's list of the scope) or a snapshot cut to the scope. */
export interface RankingView {
  rows: RankedStock[];
  moves: Map<string, RankMove>;
  freshness: string;
}

export function rankingView(scope: string, view: string, live: TopList | null, snapshots: TopList[]): RankingView {
  const shown = view === 'live' ? null : snapshots.find((s) => s.asOf === view) ?? null;
  const rows = shown ? filterScope(shown.stocks, scope) : live?.scope.toLowerCase() === scope.toLowerCase() ? live.stocks : [];
  const previous = previousSnapshot(snapshots, shown ? shown.asOf : live?.asOf ?? null, !shown);
  const moves = rankMoves(rows, previous ? filterScope(previous.stocks, scope) : null, scope === allScope);
  return { rows, moves, freshness: freshnessText(shown, live) };
}

/** "실시간 · 09:31:05 기준 · 거래소 순위 09:30 기준", or the snapshot's time. */
export function freshnessText(shown: TopList | null, live: TopList | null): string {
  if (shown) return `${hourMinute(shown.asOf)} 스냅샷 기준`;
  if (!live) return '순위를 기다리는 중';
  const parts = [live.asOf ? `실시간 · ${clock(live.asOf)} 기준` : '실시간 · 아직 체결 없음'];
  if (live.exchangeAsOf) parts.push(`거래소 순위 ${hourMinute(live.exchangeAsOf)} 기준`);
  return parts.join(' · ');
}

/** "▲3", "▼2", "NEW", "-" */
export function moveText(move: RankMove | undefined): string {
  if (!move) return '';
  switch (move.kind) {
    case 'up':
      return `▲${move.by}`;
    case 'down':
      return `▼${move.by}`;
    case 'new':
      return 'NEW';
    case 'same':
      return '-';
  }
}
