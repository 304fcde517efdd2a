import { useEffect } from 'react';
import { direction, price, rate } from '../lib/format';
import { useStore } from '../lib/store';
import { navigate } from '../shell/navigation';
import { maxWatchEntries } from './watchlist';
import { pollWatchlist, toggleWatch, watchlistStore } from './watchlistStore';
import './watchlist.css';

/** 관심종목: the trader's stocks (kept in this browser) with their prices polled every 2.5 s. */
export function WatchlistPanel() {
  useEffect(pollWatchlist, []);
  const { entries, quotes } = useStore(watchlistStore);

  return (
    <section className="panel watchlist-panel" data-testid="watchlist" aria-label="관심종목">
      <header className="panel-head">
        <h2>관심종목</h2>
        <span className="muted small">{entries.length}/{maxWatchEntries}</span>
      </header>
      <div className="watchlist-body">
        {entries.length === 0 && <p className="panel-note">★를 눌러 지금 종목을 추가하세요.</p>}
        {entries.map((entry) => {
          const quote = quotes[entry.code];
          const tone = quote ? direction(quote.change) : 'flat';
          return (
            <div key={entry.code} className="watch-row" data-testid="watchlist-row" data-code={entry.code} tabIndex={0} role="button"
              onClick={() => navigate(entry.code)} onKeyDown={(e) => e.key === 'Enter' && navigate(entry.code)}>
              <span className="name">{entry.name}<small className="muted"> {entry.code}</small></span>
              <span className={`num ${tone}`}>{quote?.price != null ? price(quote.price) : quote?.note ?? '—'}</span>
              <span className={`num ${tone}`}>{quote?.price != null ? rate(quote.changeRate) : ''}</span>
              <button type="button" className="icon" data-testid="watchlist-remove" aria-label={`${entry.name} 관심종목에서 빼기`}
                onClick={(e) => { e.stopPropagation(); toggleWatch(entry); }}>×</button>
            </div>
          );
        })}
      </div>
    </section>
  );
}
