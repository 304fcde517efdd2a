import type { SignalReturn, SignalStats, StrategyPlan } from '../api/types';
import { monthDay, rate, share } from '../lib/format';
import { previousUsTradingDay } from './usCalendar';

export interface PlanStaleness {
  /** the US session the plan should have been built from */
  expected: string;
  /** why the US data is older than that, in Korean; empty when it is current */
  reasons: string[];
}

/** Whether the plan's US sessions are older than the last US session before the plan's date. */
export function planStaleness(plan: StrategyPlan): PlanStaleness {
  const expected = previousUsTradingDay(plan.date);
  const reasons: string[] = [];
  if (!plan.market) reasons.push('S&P 500(SPY) 자료가 없습니다.');
  else if (plan.market.sessionDate < expected) {
    reasons.push(`S&P 500(SPY)이 ${monthDay(plan.market.sessionDate)} 세션입니다. 지난밤(${monthDay(expected)}) 세션이 아닙니다.`);
  }
  if (plan.usSectors.length === 0) reasons.push('미국 섹터 자료가 없습니다.');
  const old = plan.usSectors.filter((s) => s.sessionDate < expected);
  if (old.length > 0) {
    reasons.push(`${old.map((s) => `${s.symbol}(${monthDay(s.sessionDate)})`).join(', ')}: 지난밤(${monthDay(expected)}) 세션이 아닌 이전 세션입니다.`);
  }
  return { expected, reasons };
}

/** Fewer past days than this tells the trader nothing about the signal. */
export const minSignalDays = 5;

export interface SignalLine {
  label: string;
  text: string;
}

function line(value: SignalReturn): SignalLine {
  if (value.days < minSignalDays) return { label: value.label, text: `기록 부족 (${value.days}일)` };
  return { label: value.label, text: `적중 ${share(value.hitRate)} · 평균 ${rate(Math.round(value.averageReturn * 100) / 100)} · ${value.days}일` };
}

/** The signal's record the three ways it was measured, each under its own label; null when there is no record at all. */
export function signalLines(signal: SignalStats | null): SignalLine[] | null {
  if (!signal) return null;
  const measured = [signal.closeToClose, signal.openToClose, signal.afterCosts].filter((v): v is SignalReturn => v !== null && v !== undefined);
  if (measured.every((v) => v.days < minSignalDays)) return null;
  return measured.map(line);
}

/** Whether `next` replaces the plan shown: a later date, or a revision of the same date not older than it. */
export function newerPlan(current: StrategyPlan | null, next: StrategyPlan): boolean {
  if (!current) return true;
  if (next.date !== current.date) return next.date > current.date;
  return next.revision >= current.revision;
}
