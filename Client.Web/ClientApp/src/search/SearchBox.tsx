import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { api, isAbort } from '../api/client';
import type { StockSearchHit } from '../api/types';
import { useStore } from '../lib/store';
import { navigate } from '../shell/navigation';
import { recentStore } from './recent';
import { enterChoice, moveHighlight } from './searchKeys';
import './search.css';

const debounceMs = 120;

/** One box for code, name, 초성 and English names; empty, it offers the recently viewed stocks. */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<StockSearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(-1);
  const [notice, setNotice] = useState<string | null>(null);
  const recent = useStore(recentStore);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const typed = query.trim();

  useEffect(() => {
    setHighlight(-1);
    if (!typed) {
      setHits([]);
      setNotice(null);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const found = await api.search(typed, 10, abort.signal);
        setHits(found);
        setNotice(found.length === 0 ? '일치하는 종목이 없습니다.' : null);
      } catch (error) {
        if (!isAbort(error)) setNotice(`검색하지 못했습니다: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [typed]);

  const items = typed ? hits.map((h) => ({ code: h.code, name: h.name, note: `${h.market} · ${h.sector}` })) : recent.map((r) => ({ ...r, note: '' }));

  const choose = (code: string) => {
    navigate(code);
    setQuery('');
    setOpen(false);
    input.current?.blur();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setHighlight((i) => moveHighlight(i, items.length, e.key));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const code = enterChoice(query, highlight, items.map((i) => i.code));
      if (code) choose(code);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setHighlight(-1);
    }
  };

  const showList = open && (items.length > 0 || (typed && notice));

  return (
    <div className="search" role="search">
      <input ref={input} type="search" data-testid="search-input" placeholder="종목명 · 코드 · 초성 (ㅅㅅㅈㅈ)" value={query}
        aria-label="종목 검색" aria-expanded={Boolean(showList)} aria-controls={listId} role="combobox" autoComplete="off"
        aria-activedescendant={highlight >= 0 ? `${listId}-${highlight}` : undefined}
        onChange={(e) => { setQuery(e.target.value); setOpen(true); }}
        onFocus={() => setOpen(true)} onBlur={() => setOpen(false)} onKeyDown={onKeyDown} />
      {showList && (
        <ul className="search-list" id={listId} role="listbox" aria-label={typed ? '검색 결과' : '최근 본 종목'}>
          {!typed && <li className="search-caption" aria-hidden>최근 본 종목</li>}
          {items.map((item, i) => (
            <li key={item.code} id={`${listId}-${i}`} role="option" aria-selected={i === highlight}
              data-testid={typed ? 'search-result' : 'recent-item'} data-code={item.code}
              className={i === highlight ? 'on' : ''}
              onMouseDown={(e) => e.preventDefault()} onClick={() => choose(item.code)} onMouseEnter={() => setHighlight(i)}>
              <b>{item.name}</b>
              <span className="muted">{item.code}</span>
              {item.note && <small className="muted">{item.note}</small>}
            </li>
          ))}
          {typed && notice && <li className="search-caption">{notice}</li>}
        </ul>
      )}
    </div>
  );
}
