import { useEffect, useState } from 'react';
import { BookPanel } from '../book/BookPanel';
import { ChartPanel } from '../chart/ChartPanel';
import { useStore } from '../lib/store';
import { RankingPanel } from '../ranking/RankingPanel';
import { StrategyPanel } from '../strategy/StrategyPanel';
import { WatchlistPanel } from '../watchlist/WatchlistPanel';
import { Header } from './Header';
import { followMarket } from './marketStatus';
import { routeStore } from './navigation';
import { invalidCodeText } from './route';
import { showNoStock, showStock, stockStore } from './stockFeed';
import { useMedia } from './useMedia';

type Tab = 'book' | 'ranking' | 'strategy' | 'watchlist';
const tabs: { tab: Tab; label: string }[] = [
  { tab: 'book', label: '호가' },
  { tab: 'ranking', label: '순위' },
  { tab: 'strategy', label: '전략' },
  { tab: 'watchlist', label: '관심' },
];

export const phoneQuery = '(max-width: 760px)';

/** The one-screen dashboard; on a phone the panels below the chart are tabs (only the shown one subscribes). */
export function App() {
  const { code, invalid } = useStore(routeStore);
  const blocked = useStore(stockStore, (s) => Boolean(s.failure && !s.failure.retry));
  const phone = useMedia(phoneQuery);
  const [tab, setTab] = useState<Tab>('book');

  useEffect(followMarket, []);
  useEffect(() => {
    if (code) showStock(code);
    else showNoStock({ text: invalidCodeText(invalid ?? ''), retry: false });
  }, [code, invalid]);

  const stock = blocked ? null : code;
  const book = <BookPanel code={stock} />;

  return (
    <div className={`app ${phone ? 'phone' : 'desktop'}`}>
      <Header />
      <main className="dashboard">
        <div className="area-chart"><ChartPanel code={code} /></div>
        {phone ? (
          <>
            <nav className="tabs" role="tablist" aria-label="패널">
              {tabs.map((t) => (
                <button key={t.tab} type="button" role="tab" data-testid={`tab-${t.tab}`} aria-selected={tab === t.tab}
                  className={tab === t.tab ? 'on' : ''} onClick={() => setTab(t.tab)}>
                  {t.label}
                </button>
              ))}
            </nav>
            <div className="tab-panel" role="tabpanel">
              {tab === 'book' && book}
              {tab === 'ranking' && <RankingPanel />}
              {tab === 'strategy' && <StrategyPanel />}
              {tab === 'watchlist' && <WatchlistPanel />}
            </div>
          </>
        ) : (
          <>
            <div className="area-book">{book}</div>
            <div className="area-side">
              <RankingPanel />
              <StrategyPanel />
              <WatchlistPanel />
            </div>
            {/* Kept empty for the next issue's order and account panels: the layout will not move when they come. */}
            <div className="area-order reserved" aria-hidden="true" />
            <div className="area-account reserved" aria-hidden="true" />
          </>
        )}
      </main>
    </div>
  );
}
