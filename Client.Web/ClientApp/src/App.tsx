import { clock, direction, price, rate, signed, tradingValue, won } from './format';
import { Link, useStock } from './market';
import { PriceChart } from './PriceChart';
import { useKrxRules } from './rules';

const linkText: Record<Link, string> = {
  connecting: '연결 중',
  connected: '연결됨',
  reconnecting: '재연결 중',
  disconnected: '연결 끊김',
};

function selectedCode(): string {
  const code = new URLSearchParams(window.location.search).get('code')?.toUpperCase();
  return code && /^[0-9A-Z]{6}$/.test(code) ? code : '005930';
}

export function App() {
  const code = selectedCode();
  const { snapshot, link, error } = useStock(code);
  const rules = useKrxRules();
  const traded = snapshot !== null && snapshot.tickCount > 0;
  const move = direction(snapshot?.change ?? 0);

  return (
    <main className="page">
      <header className="bar">
        <span className="brand">GSLTS</span>
        <span className={`link link-${link}`} data-testid="link">● {linkText[link]}</span>
      </header>

      <section className="quote">
        <div className="title">
          <h1>{snapshot?.name ?? code}</h1>
          <span className="code">{code}</span>
          {snapshot?.sector && <span className="sector">{snapshot.sector}</span>}
        </div>
        <div className={`price ${move}`}>
          <span data-testid="price">{traded ? won(snapshot.price) : '—'}</span>
          {traded && (
            <span className="change" data-testid="change">
              {signed(snapshot.change)} ({rate(snapshot.changeRate)})
            </span>
          )}
        </div>
        {error && <p className="error">{error}</p>}
        {!traded && link === 'connected' && !error && <p className="hint">체결을 기다리는 중입니다</p>}

        <dl className="stats">
          <Stat label="시가" value={traded ? price(snapshot.open) : '—'} />
          <Stat label="고가" value={traded ? price(snapshot.high) : '—'} tone="up" />
          <Stat label="저가" value={traded ? price(snapshot.low) : '—'} tone="down" />
          <Stat label="기준가" value={snapshot?.basePrice ? price(snapshot.basePrice) : '—'} />
          <Stat label="거래량" value={traded ? price(snapshot.volume) : '—'} />
          <Stat label="거래대금" value={traded ? tradingValue(snapshot.tradingValue) : '—'} />
          <Stat label="체결 수" value={traded ? price(snapshot.tickCount) : '0'} testId="tick-count" />
          <Stat label="체결 시각" value={clock(snapshot?.lastTradeTime ?? null)} />
        </dl>
      </section>

      <PriceChart snapshot={snapshot} tickBands={rules?.tickBands} />
    </main>
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
