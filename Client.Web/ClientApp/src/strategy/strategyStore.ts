import { api, ApiError, retryDelaySeconds } from '../api/client';
import { HubNotConnected, invokeHub, keepWatch, onHub } from '../api/hub';
import type { StrategyPlan } from '../api/types';
import { createStore } from '../lib/store';
import { newerPlan } from './planStatus';

export interface StrategyState {
  plan: StrategyPlan | null;
  /** what the plan waits for (the 503's problem detail) while it is not built */
  waiting: string | null;
  error: string | null;
}

export const strategyStore = createStore<StrategyState>({ plan: null, waiting: null, error: null });

let retry: ReturnType<typeof setTimeout> | undefined;
let started = false;

function accept(plan: StrategyPlan): void {
  clearTimeout(retry);
  strategyStore.set((s) => (newerPlan(s.plan, plan) ? { plan, waiting: null, error: null } : s));
}

/** Today's plan from REST: built on this ask when its time has come, else the 503 says what it waits for. */
async function askToday(): Promise<void> {
  clearTimeout(retry);
  try {
    accept(await api.strategyToday());
  } catch (error) {
    if (error instanceof ApiError && error.status === 503) strategyStore.set((s) => ({ ...s, waiting: error.message, error: null }));
    else strategyStore.set((s) => ({ ...s, error: `전략을 불러오지 못했습니다: ${error instanceof Error ? error.message : String(error)}` }));
    // The server's Retry-After says when the plan's time or data comes; a plan pushed meanwhile cancels this.
    retry = setTimeout(askToday, retryDelaySeconds(error, 60, 5, 600) * 1000);
  }
}

/** Follows today's plan: WatchStrategy (plans pushed as they are built), REST while none is built. */
export function followStrategy(): void {
  if (started) return;
  started = true;
  onHub<StrategyPlan>('strategy', accept);
  keepWatch('strategy', async () => {
    try {
      const plan = await invokeHub<StrategyPlan | null>('WatchStrategy');
      if (plan) accept(plan);
      else if (!strategyStore.get().plan) await askToday();
    } catch (error) {
      if (!(error instanceof HubNotConnected)) await askToday();
    }
  });
  if (!strategyStore.get().plan) void askToday();
}
