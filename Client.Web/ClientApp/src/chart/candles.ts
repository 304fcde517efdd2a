import type { Candle, DailyBar, StockSnapshot, TradePrint } from '../api/types';

export type Interval = 'tick' | '1m' | '5m' | 'day';
export const intervals: Interval[] = ['tick', '1m', '5m', 'day'];

/**
 * One bar as the chart holds it. `time` is the chart's axis value: epoch seconds shifted by +9 h for intraday bars
 * (the chart labels its axis in UTC, so the shift makes it read KST), UTC midnight of the date for daily bars, and the
 * trade's number (1, 2, …) for tick bars, whose real time is `at` (trades share seconds; the axis needs distinct times).
 */
export interface Bar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** tick bars: epoch ms of the trade */
  at?: number;
  /** tick bars: 1 the buyer took the offer, -1 the seller hit the bid */
  side?: 1 | -1;
}

const kstShiftSeconds = 9 * 3600;

/** Chart axis seconds of an ISO time (KST wall clock read as UTC). */
export function chartSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000) + kstShiftSeconds;
}

/** Chart axis seconds of a date "yyyy-MM-dd". */
export function dateSeconds(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 1000;
}

export function candleBar(candle: Candle): Bar {
  return {
    time: chartSeconds(candle.start), open: candle.open, high: candle.high, low: candle.low, close: candle.close,
    volume: candle.volume,
  };
}

export function dailyBar(day: DailyBar): Bar {
  return { time: dateSeconds(day.date), open: day.open, high: day.high, low: day.low, close: day.close, volume: day.volume };
}

/** Merges bars of `size` seconds (5 minutes: 300) from one-minute bars in time order. */
export function aggregate(minutes: Bar[], size: number): Bar[] {
  const out: Bar[] = [];
  for (const bar of minutes) {
    const time = bar.time - (bar.time % size);
    const last = out[out.length - 1];
    if (last && last.time === time) {
      out[out.length - 1] = {
        time, open: last.open, high: Math.max(last.high, bar.high), low: Math.min(last.low, bar.low), close: bar.close,
        volume: last.volume + bar.volume,
      };
    } else {
      out.push({ time, open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume });
    }
  }
  return out;
}

/**
 * Tick bars of `trades` after `bars`: one bar per trade, from the previous trade's price to its own (a flat first bar),
 * so the chart reads like the tape.
 */
export function appendTicks(bars: Bar[], trades: TradePrint[], notBefore = Number.NEGATIVE_INFINITY): Bar[] {
  if (trades.length === 0) return bars;
  const out = bars.slice();
  for (const trade of trades) {
    const at = Date.parse(trade.time);
    if (!(at > notBefore)) continue;
    const previous = out[out.length - 1];
    const open = previous ? previous.close : trade.price;
    out.push({
      time: (previous?.time ?? 0) + 1, open, close: trade.price, high: Math.max(open, trade.price), low: Math.min(open, trade.price),
      volume: Math.abs(trade.quantity), at, side: trade.quantity < 0 ? -1 : 1,
    });
  }
  return out;
}

/** Puts `bar` in time order: replaces the bar of the same time, appends a later one; an older missing bar is inserted. */
function upsert(bars: Bar[], bar: Bar): Bar[] {
  const out = bars.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i].time === bar.time) {
      out[i] = bar;
      return out;
    }
    if (out[i].time < bar.time) {
      out.splice(i + 1, 0, bar);
      return out;
    }
  }
  out.unshift(bar);
  return out;
}

/** Adds a trade to the minute bar it belongs to (creating it when missing). */
function foldTrade(minutes: Bar[], trade: TradePrint): Bar[] {
  const time = chartSeconds(trade.time) - (chartSeconds(trade.time) % 60);
  const quantity = Math.abs(trade.quantity);
  const existing = minutes.find((bar) => bar.time === time);
  return upsert(minutes, existing
    ? { ...existing, high: Math.max(existing.high, trade.price), low: Math.min(existing.low, trade.price), close: trade.price, volume: existing.volume + quantity }
    : { time, open: trade.price, high: trade.price, low: trade.price, close: trade.price, volume: quantity });
}

/**
 * The one-minute bars after a stock message: its `minute` is the forming bar as the server has it (replaces ours);
 * its trades of earlier minutes (a push that straddles a minute's end) finish those bars. `foldEarlier` is false for a
 * message that may already be in the history just loaded, so nothing is counted twice.
 */
export function applyMinute(minutes: Bar[], snapshot: StockSnapshot, foldEarlier = true): Bar[] {
  let out = minutes;
  const forming = snapshot.minute ? candleBar(snapshot.minute) : null;
  if (foldEarlier && snapshot.trades) {
    for (const trade of snapshot.trades) {
      if (!forming || chartSeconds(trade.time) < forming.time) out = foldTrade(out, trade);
    }
  }
  return forming ? upsert(out, forming) : out;
}

/** Today's daily bar from the snapshot (null before the first trade). */
export function todayBar(snapshot: StockSnapshot): Bar | null {
  if (snapshot.tickCount <= 0 || snapshot.open <= 0) return null;
  return {
    time: dateSeconds(snapshot.tradingDate), open: snapshot.open, high: snapshot.high, low: snapshot.low, close: snapshot.price,
    volume: snapshot.volume,
  };
}

/** The past days with today's bar from the snapshot last. */
export function withToday(days: Bar[], snapshot: StockSnapshot | null): Bar[] {
  const today = snapshot ? todayBar(snapshot) : null;
  return today ? upsert(days, today) : days;
}

function sameBar(a: Bar, b: Bar): boolean {
  return a.time === b.time && a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close && a.volume === b.volume;
}

/** How far back a live update may reach before the whole series is set again. */
const updateWindow = 8;

/**
 * The bars to pass to `series.update` to turn `shown` into `next`, oldest first; null when the change reaches further
 * back than live updates do (then the series is set anew).
 */
export function liveUpdates(shown: Bar[], next: Bar[]): Bar[] | null {
  if (next.length < shown.length) return null;
  const from = Math.max(0, shown.length - updateWindow);
  if (from > 0 && shown[from - 1].time !== next[from - 1].time) return null;
  let first = shown.length;
  for (let i = from; i < shown.length; i++) {
    // A bar inserted among the shown ones moves every later time: only a new series shows that.
    if (shown[i].time !== next[i].time) return null;
    if (first === shown.length && !sameBar(shown[i], next[i])) first = i;
  }
  return next.slice(first);
}
