import { memo, useEffect, useMemo } from 'react';
import type { RankedStock } from '../api/types';
import { clock, direction, hourMinute, price, rate, tradingValue } from '../lib/format';
import { useStore } from '../lib/store';
import { navigate } from '../shell/navigation';
import { allScope, moveText, rankingView, type RankMove } from './rankChanges';
import { followRanking, rankingStore, setScope, setView } from './rankingStore';
import './ranking.css';

/** 거래대금 순위: the live top 50 of a scope, or a 10-minute snapshot of the day. Ticks of the shown stock do not reach it. */
export function RankingPanel() {
  useEffect(followRanking, []);
  const state = useStore(rankingStore);
  const { rows, moves, freshness } = useMemo(
    () => rankingView(state.scope, state.view, state.live, state.snapshots),
    [state.scope, state.view, state.live, state.snapshots],
  );

  return (
    <section className="panel ranking-panel" data-testid="ranking" aria-label="거래대금 순위">
      <header className="panel-head">
        <h2>거래대금 순위</h2>
        <select data-testid="ranking-scope" aria-label="범위" value={state.scope} onChange={(e) => setScope(e.target.value)}>
          <option value={allScope}>전체</option>
          <option value="KOSPI">KOSPI</option>
          <option value="KOSDAQ">KOSDAQ</option>
          {state.sectors.map((sector) => <option key={sector} value={sector}>{sector}</option>)}
        </select>
        <select data-testid="ranking-snapshot" aria-label="시점" value={state.view} onChange={(e) => setView(e.target.value)}>
          <option value="live">실시간</option>
          {state.snapshots.map((s) => <option key={s.asOf} value={s.asOf!}>{hourMinute(s.asOf)}</option>)}
        </select>
      </header>
      <p className="ranking-freshness" data-testid="ranking-freshness">{freshness}</p>
      {state.notice && <p className="panel-note">{state.notice}</p>}
      <div className="ranking-list" role="table" aria-label="순위">
        <div className="ranking-row head" role="row">
          <span>순위</span><span>종목</span><span>현재가</span><span>등락률</span><span>거래대금</span>
        </div>
        {rows.map((stock) => <Row key={stock.code} stock={stock} move={moves.get(stock.code)} />)}
        {rows.length === 0 && !state.notice && <p className="panel-note">{emptyText(state.view, state.live !== null)}</p>}
      </div>
    </section>
  );
}

function emptyText(view: string, liveArrived: boolean): string {
  if (view !== 'live') return '이 시점에 이 범위의 종목이 없습니다.';
  return liveArrived ? '이 범위에서 오늘 거래된 종목이 없습니다.' : '순위를 기다리는 중입니다.';
}

const Row = memo(function Row({ stock, move }: { stock: RankedStock; move: RankMove | undefined }) {
  const exchange = stock.live === false;
  return (
    <div role="row" tabIndex={0} data-testid="ranking-row" data-code={stock.code} className={`ranking-row${exchange ? ' exchange' : ''}`}
      title={exchange ? `거래소 순위 값${stock.asOf ? ` (${clock(stock.asOf)} 기준)` : ''}` : undefined}
      onClick={() => navigate(stock.code)} onKeyDown={(e) => e.key === 'Enter' && navigate(stock.code)}>
      <span className="rank">
        {stock.rank}
        <small className={`move ${move?.kind ?? ''}`}>{moveText(move)}</small>
      </span>
      <span className="name">
        {stock.name ?? stock.code}
        {exchange && <small className="tag">거래소</small>}
      </span>
      <span className="num">{price(stock.price)}</span>
      <span className={`num ${direction(stock.changeRate)}`}>{rate(stock.changeRate)}</span>
      <span className="num">{tradingValue(stock.tradingValue)}</span>
    </div>
  );
});
