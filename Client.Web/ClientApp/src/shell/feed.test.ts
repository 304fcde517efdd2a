import { describe, expect, it } from 'vitest';
import { supersedes, watchFailure } from './feed';
import type { StockSnapshot } from '../api/types';

function snapshot(tradingDate: string, volume: number, lastSequence: number, price = 70_000): StockSnapshot {
  return {
    strength: null, vwap: null, quarters: null, minute: null, trades: null, market: null,
    code: '005930', tradingDate, price, basePrice: 69_000, change: price - 69_000, changeRate: 1.45, open: 69_500,
    high: 70_500, low: 69_000, volume, tradingValue: volume * price, tickCount: volume / 10, lastSequence,
    lastTradeTime: `${tradingDate}T10:00:00+09:00`, name: '삼성전자', sector: '반도체',
  };
}

describe('snapshot order', () => {
  it('takes the first snapshot', () => {
    expect(supersedes(null, snapshot('2026-11-23', 100, 5))).toBe(true);
  });

  it('follows the day volume, not the bridge sequence that a bridge restart starts again', () => {
    const beforeRestart = snapshot('2026-11-23', 50_000, 90_000);
    const afterRestart = snapshot('2026-11-23', 50_100, 12);
    expect(supersedes(beforeRestart, afterRestart)).toBe(true);
    expect(supersedes(afterRestart, beforeRestart)).toBe(false);
  });

  it('accepts an equal volume (a name or book change) and a new trading day', () => {
    const now = snapshot('2026-11-23', 50_000, 7);
    expect(supersedes(now, { ...now, name: '삼성전자우' })).toBe(true);
    expect(supersedes(now, snapshot('2026-11-24', 10, 1))).toBe(true);
    expect(supersedes(snapshot('2026-11-24', 10, 1), now)).toBe(false);
  });
});

describe('watch failures', () => {
  it('retry while the stock list loads or the server asks to slow down', () => {
    expect(watchFailure('HubException: The stock list is not loaded yet: retry in a few seconds.', '005930').retry).toBe(true);
    expect(watchFailure('HubException: Too many calls: slow down and retry after 1 s.', '005930').retry).toBe(true);
  });

  it('say in Korean that an unknown code is not listed, without retrying', () => {
    expect(watchFailure("HubException: Unknown stock code 'ZZ0001': it is not in the stock master.", 'ZZ0001'))
      .toEqual({ text: '종목 코드 ZZ0001을(를) 찾을 수 없습니다.', retry: false });
  });

  it('try again after any other server fault, saying so in Korean', () => {
    const failure = watchFailure("An unexpected error occurred invoking 'Watch' on the server. HubException: boom", '005930');
    expect(failure.retry).toBe(true);
    expect(failure.text).toContain('다시 시도');
    expect(failure.text).toContain('boom');
  });
});
