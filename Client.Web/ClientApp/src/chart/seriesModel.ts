import { api } from '../api/client';
import type { StockSnapshot } from '../api/types';
import { aggregate, appendTicks, applyMinute, candleBar, dailyBar, withToday, type Bar, type Interval } from './candles';

/** What the chart shows for one stock and interval, and what it needs to extend it. */
export interface SeriesModel {
  interval: Interval;
  bars: Bar[];
  /** 1m and 5m: today's one-minute bars (5m is aggregated from them) */
  minutes: Bar[];
  /** day: the past days without today */
  days: Bar[];
}

/**
 * How a stock message is applied: `live` after the history was loaded (all of it counts); `seam` for one that arrived
 * while the history loaded (its trades may already be in it); `state` for the latest snapshot alone (no trades).
 */
export type MessageKind = 'live' | 'seam' | 'state';

export function emptyModel(interval: Interval): SeriesModel {
  return { interval, bars: [], minutes: [], days: [] };
}

/** The model after one message of the shown stock. */
export function applyMessage(model: SeriesModel, snapshot: StockSnapshot, kind: MessageKind): SeriesModel {
  switch (model.interval) {
    case 'tick': {
      if (kind === 'state' || !snapshot.trades?.length) return model;
      const historyEnd = kind === 'seam' ? model.bars[model.bars.length - 1]?.at : undefined;
      return { ...model, bars: appendTicks(model.bars, snapshot.trades, historyEnd) };
    }
    case '1m':
    case '5m': {
      const minutes = applyMinute(model.minutes, snapshot, kind === 'live');
      if (minutes === model.minutes) return model;
      return { ...model, minutes, bars: model.interval === '1m' ? minutes : aggregate(minutes, 300) };
    }
    case 'day': {
      const bars = withToday(model.days, snapshot);
      return bars === model.bars ? model : { ...model, bars };
    }
  }
}

/** Whether today's trading is on the chart (for the first-chart measurement). */
export function showsToday(model: SeriesModel): boolean {
  return model.interval === 'day' ? model.bars.length > model.days.length : model.bars.length > 0;
}

/** The history of an interval from the API: recent trades, today's minutes, or the past days. */
export async function loadModel(code: string, interval: Interval, signal: AbortSignal): Promise<SeriesModel> {
  const model = emptyModel(interval);
  switch (interval) {
    case 'tick':
      return { ...model, bars: appendTicks([], await api.trades(code, 100, signal)) };
    case '1m':
    case '5m': {
      const minutes = (await api.candles(code, signal)).map(candleBar);
      return { ...model, minutes, bars: interval === '1m' ? minutes : aggregate(minutes, 300) };
    }
    case 'day': {
      const days = (await api.daily(code, signal)).map(dailyBar);
      return { ...model, days, bars: days };
    }
  }
}
