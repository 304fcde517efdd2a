// Measurement mode (?measure=1): what the browser tests read to tell how long a trade takes to reach the screen.
// Off, every entry point is one boolean test.

export interface PaintRecord {
  /** epoch ms of the newest trade of the message (Kiwoom's trade time: whole seconds) */
  tradeTime: number;
  /** the day's volume the painted snapshot covers (the benchmark matches the sim's sent trades by it) */
  volume: number;
  /** epoch ms of the animation frame after React committed and the chart was updated */
  paintedAt: number;
}

export interface MeasureRecord {
  paints: PaintRecord[];
  longTasks: number[];
  firstChartAt: number | null;
}

declare global {
  interface Window {
    __gsltsMeasure?: MeasureRecord;
  }
}

const maxPaints = 100_000;

export const measuring = typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('measure') === '1';

// Applied but not yet committed by React; committed but not yet painted.
let pending: { tradeTime: number; volume: number }[] = [];
let committed: { tradeTime: number; volume: number }[] = [];
let frameRequested = false;

const now = () => performance.timeOrigin + performance.now();

function record(): MeasureRecord {
  if (!window.__gsltsMeasure) {
    window.__gsltsMeasure = { paints: [], longTasks: [], firstChartAt: null };
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__gsltsMeasure!.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // A browser without long-task timing: the list stays empty.
    }
  }
  return window.__gsltsMeasure;
}

if (measuring) record();

/** A shown stock's message with trades was applied (the chart is already updated); its paint is taken after the commit. */
export function notePendingPaint(tradeTimeIso: string, volume: number): void {
  if (!measuring) return;
  const tradeTime = Date.parse(tradeTimeIso);
  if (!Number.isNaN(tradeTime)) pending.push({ tradeTime, volume });
}

/** Called after React committed a snapshot: the next animation frame stamps every message it showed. */
export function flushPendingPaints(): void {
  if (!measuring || pending.length === 0) return;
  committed = committed.concat(pending);
  pending = [];
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    const paintedAt = now();
    const paints = record().paints;
    for (const { tradeTime, volume } of committed) {
      if (paints.length >= maxPaints) break;
      paints.push({ tradeTime, volume, paintedAt });
    }
    committed = [];
  });
}

/** The chart drew today's candles for the first time. */
export function noteChartDrawn(): void {
  if (!measuring || record().firstChartAt !== null) return;
  requestAnimationFrame(() => {
    const measure = record();
    if (measure.firstChartAt === null) measure.firstChartAt = now();
  });
}
