import { readStored, writeStored } from '../lib/storage';
import { createStore } from '../lib/store';

export interface RecentStock {
  code: string;
  name: string;
}

export const maxRecent = 10;
const storageKey = 'gslts.recent';

const isRecentList = (value: unknown): value is RecentStock[] =>
  Array.isArray(value) && value.every((v) => typeof v?.code === 'string' && typeof v?.name === 'string');

/** The list with `stock` first, once, at most `max` long. */
export function pushRecent(list: RecentStock[], stock: RecentStock, max = maxRecent): RecentStock[] {
  if (list[0]?.code === stock.code && list[0].name === stock.name) return list;
  return [stock, ...list.filter((s) => s.code !== stock.code)].slice(0, max);
}

export const recentStore = createStore<RecentStock[]>(readStored(storageKey, [], isRecentList).slice(0, maxRecent));

/** A stock was shown (its name is known): it becomes the most recent. */
export function rememberRecent(stock: RecentStock): void {
  const next = pushRecent(recentStore.get(), stock);
  if (next === recentStore.get()) return;
  writeStored(storageKey, next);
  recentStore.set(next);
}
