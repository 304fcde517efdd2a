import { memo, useEffect, useMemo } from 'react';
import { price, rate, won } from '../lib/format';
import { useStore } from '../lib/store';
import { stockStore } from '../shell/stockFeed';
import { bookStore, followBook, selectPrice } from './bookStore';
import { ladderOf, type LadderRow } from './ladder';
import './book.css';

/** The 호가 panel: mounted only while shown, so the server streams the book only then. */
export function BookPanel({ code }: { code: string | null }) {
  useEffect(() => (code ? followBook(code) : undefined), [code]);
  const book = useStore(bookStore, (s) => (s.code === code ? s.book : null));
  const notice = useStore(bookStore, (s) => s.notice);
  const selected = useStore(bookStore, (s) => s.selectedPrice);
  const lastPrice = useStore(stockStore, (s) => (s.snapshot && s.snapshot.tickCount > 0 ? s.snapshot.price : null));
  const basePrice = useStore(stockStore, (s) => s.snapshot?.basePrice ?? 0);
  const ladder = useMemo(() => (book ? ladderOf(book, lastPrice) : null), [book, lastPrice]);

  return (
    <section className="panel book-panel" data-testid="book" data-updated={book?.time ?? ''} aria-label="호가">
      <header className="panel-head">
        <h2>호가</h2>
        {selected !== null && <span className="book-selected" data-testid="book-selected">선택 가격 {won(selected)}</span>}
      </header>
      {ladder?.expected && (
        <p className="book-expected" data-testid="book-expected">
          예상체결 <strong>{won(ladder.expected.price)}</strong> · {price(ladder.expected.volume)}주
        </p>
      )}
      {!ladder && <p className="panel-note">{code ? notice ?? '호가를 기다리는 중입니다.' : '종목을 고르면 호가를 보여 줍니다.'}</p>}
      {ladder && (
        <div className="ladder" role="table" aria-label="10단 호가">
          {ladder.asks.map((row) => (
            <Level key={`a${row.price}`} side="ask" row={row} basePrice={basePrice} selected={row.price === selected} />
          ))}
          {ladder.bids.map((row) => (
            <Level key={`b${row.price}`} side="bid" row={row} basePrice={basePrice} selected={row.price === selected} />
          ))}
          <div className="ladder-total" role="row">
            <span className="ask-qty">{price(ladder.totalAsk)}</span>
            <span className="total-label">총잔량</span>
            <span className="bid-qty">{price(ladder.totalBid)}</span>
          </div>
        </div>
      )}
      {ladder && notice && <p className="panel-note">{notice}</p>}
    </section>
  );
}

const Level = memo(function Level({ side, row, basePrice, selected }: { side: 'ask' | 'bid'; row: LadderRow; basePrice: number; selected: boolean }) {
  const move = basePrice > 0 ? ((row.price - basePrice) / basePrice) * 100 : 0;
  const tone = row.price > basePrice ? 'up' : row.price < basePrice ? 'down' : 'flat';
  const bar = (
    <span className={`${side}-qty qty`}>
      <i style={{ width: `${row.width}%` }} />
      <b>{price(row.quantity)}</b>
    </span>
  );
  return (
    <div role="row" tabIndex={0} data-testid={`book-${side}`} data-price={row.price}
      className={`level ${side}${row.last ? ' at-last' : ''}${selected ? ' selected' : ''}`}
      onClick={() => selectPrice(row.price)}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && selectPrice(row.price)}>
      {side === 'ask' ? bar : <span className="qty" />}
      <span className={`level-price ${tone}`}>
        {price(row.price)}
        <small>{basePrice > 0 ? rate(Math.round(move * 100) / 100) : ''}</small>
      </span>
      {side === 'bid' ? bar : <span className="qty" />}
    </div>
  );
});
