import { useEffect, useLayoutEffect } from 'react';
import { linkStore, type LinkState } from '../api/hub';
import type { MarketSession } from '../api/types';
import { clock, decimal2, direction, price, rate, signed, tradingValue, won } from '../lib/format';
import { flushPendingPaints, measuring } from '../lib/measure';
import { useStore } from '../lib/store';
import { rememberRecent } from '../search/recent';
import { SearchBox } from '../search/SearchBox';
import { toggleWatch, useWatched } from '../watchlist/watchlistStore';
import { marketStore } from './marketStatus';
import { stockStore } from './stockFeed';
import { themeStore, toggleTheme } from './theme';

const linkText: Record<LinkState, string> = {
  connecting: '연결 중',
  connected: '연결됨',
  reconnecting: '재연결 중',
  disconnected: '연결 끊김 · 다시 연결하는 중',
};

const sessionTone: Record<MarketSession, string> = {
  PreOpen: 'idle', OpeningAuction: 'auction', Open: 'open', ClosingAuction: 'auction', Closed: 'idle', Holiday: 'idle',
};

export function Header() {
  return (
    <header className="top">
      <div className="topbar">
        <span className="brand">GSLTS</span>
        <SearchBox />
        <div className="status">
          <SessionBadge />
          <LinkBadge />
          <ThemeToggle />
        </div>
      </div>
      <Quote />
    </header>
  );
}

function SessionBadge() {
  const { status, unavailable } = useStore(marketStore);
  return (
    <span className={`badge session-${status ? sessionTone[status.session] : 'unknown'}`} data-testid="session"
      data-session={status?.session ?? ''} title={unavailable ?? (status?.marketTime ? `시장 시각 ${clock(status.marketTime)}` : undefined)}>
      {status ? status.label : unavailable ? '장 상태 모름' : '장 상태 확인 중'}
    </span>
  );
}

function LinkBadge() {
  const link = useStore(linkStore);
  return <span className={`badge link-${link}`} data-testid="link" data-link={link} role="status">● {linkText[link]}</span>;
}

function ThemeToggle() {
  const theme = useStore(themeStore);
  return (
    <button type="button" className="icon-button" data-testid="theme-toggle" onClick={toggleTheme}
      aria-label={theme === 'dark' ? '밝은 화면으로' : '어두운 화면으로'} title={theme === 'dark' ? '밝은 화면' : '어두운 화면'}>
      {theme === 'dark' ? '☀' : '☾'}
    </button>
  );
}

/** The shown stock's quote: re-rendered per snapshot, and nothing else of the page is. */
function Quote() {
  const { code, snapshot, failure } = useStore(stockStore);
  const watched = useWatched(code);
  const name = snapshot?.name ?? null;

  useEffect(() => {
    if (code && name) rememberRecent({ code, name });
  }, [code, name]);
  useLayoutEffect(() => {
    if (measuring) flushPendingPaints();
  }, [snapshot]);

  if (failure && !failure.retry) {
    return (
      <section className="quote">
        <p className="stock-error" data-testid="stock-error" role="alert">{failure.text}</p>
      </section>
    );
  }
  const traded = snapshot !== null && snapshot.tickCount > 0;
  const move = direction(snapshot?.change ?? 0);

  return (
    <section className="quote" aria-label="시세">
      <div className="title">
        <h1 data-testid="stock-name">{name ?? code ?? ''}</h1>
        <span className="code" data-testid="stock-code">{code}</span>
        {snapshot?.market && <span className="chip">{snapshot.market}</span>}
        {snapshot?.sector && <span className="chip">{snapshot.sector}</span>}
        {code && (
          <button type="button" className={`star${watched ? ' on' : ''}`} data-testid="watchlist-toggle" aria-pressed={watched}
            aria-label={watched ? '관심종목에서 빼기' : '관심종목에 추가'} onClick={() => toggleWatch({ code, name: name ?? code })}>
            {watched ? '★' : '☆'}
          </button>
        )}
      </div>
      <div className={`last ${move}`}>
        <span className="last-price" data-testid="price">{traded ? won(snapshot.price) : '—'}</span>
        <span className="last-change" data-testid="change">
          {traded ? `${signed(snapshot.change)} (${rate(snapshot.changeRate)})` : ''}
        </span>
      </div>
      {failure && <p className="hint">{failure.text}</p>}
      {!failure && snapshot && !traded && <p className="hint">오늘 체결을 기다리는 중입니다</p>}
      <dl className="stats">
        <Stat label="시가" value={traded ? price(snapshot.open) : '—'} />
        <Stat label="고가" value={traded ? price(snapshot.high) : '—'} tone="up" />
        <Stat label="저가" value={traded ? price(snapshot.low) : '—'} tone="down" />
        <Stat label="거래량" value={traded ? price(snapshot.volume) : '—'} />
        <Stat label="거래대금" value={traded ? tradingValue(snapshot.tradingValue) : '—'} />
        <Stat label="체결강도" value={traded ? decimal2(snapshot.strength) : '—'} />
        <Stat label="VWAP" value={traded && snapshot.vwap ? price(Math.round(snapshot.vwap)) : '—'} />
        <Stat label="체결 수" value={snapshot ? price(snapshot.tickCount) : '0'} testId="tick-count" />
        <Stat label="체결 시각" value={clock(snapshot?.lastTradeTime ?? null)} />
      </dl>
    </section>
  );
}

function Stat({ label, value, tone, testId }: { label: string; value: string; tone?: string; testId?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd className={tone} data-testid={testId}>{value}</dd>
    </div>
  );
}
