import { useEffect, useMemo } from 'react';
import type { SectorCall } from '../api/types';
import { clock, direction, monthDay, rate, tradingValue } from '../lib/format';
import { useStore } from '../lib/store';
import { navigate } from '../shell/navigation';
import { planStaleness, signalLines } from './planStatus';
import { followStrategy, strategyStore } from './strategyStore';
import './strategy.css';

/** 오늘의 전략: last night's US sectors, the Korean sectors expected strong and weak with their record, the candidates. */
export function StrategyPanel() {
  useEffect(followStrategy, []);
  const { plan, waiting, error } = useStore(strategyStore);
  const staleness = useMemo(() => (plan ? planStaleness(plan) : null), [plan]);

  return (
    <section className="panel strategy-panel" data-testid="strategy" aria-label="오늘의 전략">
      <header className="panel-head">
        <h2>오늘의 전략</h2>
        {plan && (
          <span className="muted small">
            {monthDay(plan.date)} · {clock(plan.builtAt)} 작성{plan.revision > 0 ? ` · 수정 ${plan.revision}` : ''}
          </span>
        )}
      </header>
      <div className="strategy-body">
        {!plan && waiting && <p className="panel-note" data-testid="strategy-waiting">아직 만들어지지 않았습니다: {waiting}</p>}
        {!plan && !waiting && <p className="panel-note">{error ?? '전략을 불러오는 중입니다.'}</p>}
        {plan && staleness && (staleness.reasons.length > 0 || plan.notes.length > 0) && (
          <div className="strategy-stale" role="alert" data-testid="strategy-stale">
            <strong>{staleness.reasons.length > 0 ? '미국 자료가 지난밤 것이 아닙니다' : '전략 참고 사항'}</strong>
            <ul>
              {staleness.reasons.map((reason) => <li key={reason}>{reason}</li>)}
              {plan.notes.map((note) => <li key={note}>{note}</li>)}
            </ul>
          </div>
        )}
        {plan && (
          <>
            <h3>지난밤 미국 섹터</h3>
            <ul className="us-moves">
              {[...(plan.market ? [plan.market] : []), ...plan.usSectors].map((m) => (
                <li key={m.symbol}>
                  <b>{m.symbol}</b>
                  <span className="muted">{m.name}</span>
                  <span className={direction(m.changeRate)}>{rate(m.changeRate)}</span>
                </li>
              ))}
            </ul>
            <Calls title="강세 예상" calls={plan.strongSectors} />
            <Calls title="약세 예상" calls={plan.weakSectors} />
            <h3>후보 종목</h3>
            <ol className="candidates">
              {plan.candidates.map((c) => (
                <li key={c.code} data-testid="strategy-candidate" data-code={c.code} tabIndex={0}
                  onClick={() => navigate(c.code)} onKeyDown={(e) => e.key === 'Enter' && navigate(c.code)}>
                  <span className="rank" title="후보 중 거래대금 순위">{c.rank}</span>
                  <span className="name">{c.name}<small className="muted"> {c.sector}</small></span>
                  <span className="num" title={`${monthDay(c.tradingValueDate)} 거래대금`}>{tradingValue(c.tradingValue)}</span>
                  {!c.inTopFraction && <small className="tag" title="상위 20%에 들지 않았으나 최소 후보 수를 채우려 더했습니다">보충</small>}
                </li>
              ))}
              {plan.candidates.length === 0 && <li className="muted">후보가 없습니다.</li>}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}

function Calls({ title, calls }: { title: string; calls: SectorCall[] }) {
  return (
    <>
      <h3>{title}</h3>
      <ul className="calls">
        {calls.map((call) => {
          const lines = signalLines(call.signal);
          return (
            <li key={`${call.symbol}-${call.name}`}>
              <div>
                <b>{call.name}</b> <span className="muted">{call.symbol}</span>{' '}
                <span className={direction(call.usChangeRate)}>{rate(call.usChangeRate)}</span>
              </div>
              {lines ? (
                <dl>
                  {lines.map((l) => (
                    <div key={l.label}><dt>{l.label}</dt><dd>{l.text}</dd></div>
                  ))}
                </dl>
              ) : (
                <p className="muted small">기록 부족</p>
              )}
            </li>
          );
        })}
        {calls.length === 0 && <li className="muted">없음</li>}
      </ul>
    </>
  );
}
