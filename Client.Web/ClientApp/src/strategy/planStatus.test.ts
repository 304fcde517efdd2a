import { describe, expect, it } from 'vitest';
import type { SignalReturn, StrategyPlan, UsSectorMove } from '../api/types';
import { newerPlan, planStaleness, signalLines } from './planStatus';

const move = (symbol: string, sessionDate: string, changeRate = 1): UsSectorMove => ({ symbol, name: symbol, sessionDate, close: 100, changeRate });
const plan = (date: string, sessionDate: string, overrides: Partial<StrategyPlan> = {}): StrategyPlan => ({
  date, builtAt: `${date}T08:00:00+09:00`, market: move('SPY', sessionDate), usSectors: [move('XLK', sessionDate), move('XLF', sessionDate)],
  strongSectors: [], weakSectors: [], candidates: [], notes: [], revision: 0, isMorningPlan: true, ...overrides,
});
const ret = (label: string, days: number, hitRate = 0.625, averageReturn = 0.4213): SignalReturn => ({ label, days, hitRate, averageReturn });

describe('stale US data', () => {
  it('is current when built from the last US session before the plan date (Friday for a Monday)', () => {
    expect(planStaleness(plan('2026-12-03', '2026-12-02')).reasons).toEqual([]);
    expect(planStaleness(plan('2026-12-07', '2026-12-04')).reasons).toEqual([]);
  });

  it('is stale when the sessions are older than that, naming the symbols and dates', () => {
    const stale = planStaleness(plan('2026-12-03', '2026-12-02', { usSectors: [move('XLK', '2026-12-01'), move('XLF', '2026-12-02')] }));
    expect(stale.expected).toBe('2026-12-02');
    expect(stale.reasons).toEqual(['XLK(12월 1일): 지난밤(12월 2일) 세션이 아닌 이전 세션입니다.']);
    expect(planStaleness(plan('2026-12-03', '2026-12-01')).reasons).toHaveLength(2);
  });

  it('says so when the market or the sectors are missing', () => {
    expect(planStaleness(plan('2026-12-03', '2026-12-02', { market: null, usSectors: [] })).reasons).toEqual([
      'S&P 500(SPY) 자료가 없습니다.', '미국 섹터 자료가 없습니다.',
    ]);
  });
});

describe("a sector call's record", () => {
  it('shows each measure under the label the server gave, with hit rate, average return and days', () => {
    const lines = signalLines({ closeToClose: ret('종가→종가', 24), openToClose: ret('시가→종가', 24, 0.5, -0.1), afterCosts: null });
    expect(lines).toEqual([
      { label: '종가→종가', text: '적중 62.5% · 평균 +0.42% · 24일' },
      { label: '시가→종가', text: '적중 50.0% · 평균 -0.10% · 24일' },
    ]);
  });

  it('is "기록 부족" when there is no record or too few days', () => {
    expect(signalLines(null)).toBeNull();
    expect(signalLines({ closeToClose: ret('종가→종가', 2), openToClose: null, afterCosts: null })).toBeNull();
    expect(signalLines({ closeToClose: ret('종가→종가', 10), openToClose: ret('시가→종가', 3), afterCosts: null })![1].text).toBe('기록 부족 (3일)');
  });
});

describe('plan order', () => {
  it('takes a later date or a newer revision of the day', () => {
    const morning = plan('2026-12-03', '2026-12-02');
    expect(newerPlan(morning, { ...morning, revision: 1 })).toBe(true);
    expect(newerPlan({ ...morning, revision: 1 }, morning)).toBe(false);
    expect(newerPlan(morning, plan('2026-12-02', '2026-12-01'))).toBe(false);
  });
});
