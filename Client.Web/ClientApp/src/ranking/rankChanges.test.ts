import { describe, expect, it } from 'vitest';
import type { RankedStock, TopList } from '../api/types';
import { filterScope, freshnessText, moveText, previousSnapshot, rankingView, rankMoves } from './rankChanges';

const stock = (rank: number, code: string, market = 'KOSPI', sector = '반도체', live = true): RankedStock => ({
  rank, code, name: code, market, sector, price: 10_000, changeRate: 1, tradingValue: 1e9 / rank, live, asOf: null,
});
const list = (asOf: string, stocks: RankedStock[], scope = 'all', exchangeAsOf: string | null = null): TopList => ({
  tradingDate: '2026-12-03', asOf: `2026-12-03T${asOf}+09:00`, scope, stocks, stocksTraded: stocks.length, exchangeAsOf,
});

describe('rank changes against the previous snapshot', () => {
  it('count places gained and lost, and mark stocks new to the list', () => {
    const before = [stock(1, 'A'), stock(2, 'B'), stock(3, 'C'), stock(4, 'D')];
    const now = [stock(1, 'C'), stock(2, 'A'), stock(3, 'B'), stock(4, 'E')];
    const moves = rankMoves(now, before, true);
    expect(['C', 'A', 'B', 'E'].map((code) => moveText(moves.get(code)))).toEqual(['▲2', '▼1', '▼1', 'NEW']);
    expect(moveText(rankMoves([stock(1, 'A')], [stock(1, 'A')], true).get('A'))).toBe('-');
  });

  it('say nothing before the first snapshot, and do not call a stock new when the previous list was only a cut', () => {
    expect(rankMoves([stock(1, 'A')], null, true).size).toBe(0);
    expect(rankMoves([stock(1, 'E')], [stock(1, 'A')], false).has('E')).toBe(false);
  });
});

describe('scopes', () => {
  const stocks = [stock(1, 'A', 'KOSPI', '반도체'), stock(2, 'B', 'KOSDAQ', '바이오'), stock(3, 'C', 'KOSDAQ', '반도체')];

  it('filter by market or sector and rank again from 1', () => {
    expect(filterScope(stocks, 'KOSDAQ').map((s) => [s.rank, s.code])).toEqual([[1, 'B'], [2, 'C']]);
    expect(filterScope(stocks, '반도체').map((s) => [s.rank, s.code])).toEqual([[1, 'A'], [2, 'C']]);
    expect(filterScope(stocks, 'all')).toBe(stocks);
  });
});

describe('the ranking view', () => {
  const s0900 = list('09:00:00', [stock(1, 'A'), stock(2, 'B')]);
  const s0910 = list('09:10:00', [stock(1, 'B'), stock(2, 'A')]);
  const live = list('09:12:31', [stock(1, 'B'), stock(2, 'C'), stock(3, 'A')], 'all', '2026-12-03T09:10:00+09:00');

  it('compares the live list with the latest snapshot and a browsed snapshot with the one before it', () => {
    expect(previousSnapshot([s0900, s0910], live.asOf, true)).toBe(s0910);
    expect(previousSnapshot([s0900, s0910], s0910.asOf, false)).toBe(s0900);
    const liveView = rankingView('all', 'live', live, [s0900, s0910]);
    expect(liveView.rows.map((s) => moveText(liveView.moves.get(s.code)))).toEqual(['-', 'NEW', '▼1']);
    const past = rankingView('all', s0910.asOf!, live, [s0900, s0910]);
    expect(past.rows.map((s) => s.code)).toEqual(['B', 'A']);
    expect(past.rows.map((s) => moveText(past.moves.get(s.code)))).toEqual(['▲1', '▼1']);
  });

  it('shows nothing of a live list of another scope (the server switches scope a moment later)', () => {
    expect(rankingView('KOSPI', 'live', live, []).rows).toEqual([]);
  });

  it('tells how fresh the list is: live time, the exchange ranking time, or the snapshot time', () => {
    expect(freshnessText(null, live)).toBe('실시간 · 09:12:31 기준 · 거래소 순위 09:10 기준');
    expect(freshnessText(null, { ...live, exchangeAsOf: null })).toBe('실시간 · 09:12:31 기준');
    expect(freshnessText(s0910, live)).toBe('09:10 스냅샷 기준');
    expect(freshnessText(null, { ...live, asOf: null, exchangeAsOf: null })).toBe('실시간 · 아직 체결 없음');
  });
});
