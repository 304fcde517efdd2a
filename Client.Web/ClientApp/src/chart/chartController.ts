import {
  CandlestickSeries, createChart, HistogramSeries, LineStyle, type CandlestickData, type HistogramData, type IChartApi,
  type IPriceLine, type ISeriesApi, type Time, type UTCTimestamp,
} from 'lightweight-charts';
import type { QuarterLines } from '../api/types';
import { price } from '../lib/format';
import type { ChartPalette } from '../shell/theme';
import { liveUpdates, type Bar, type Interval } from './candles';
import { quarterSpecs, type QuarterKey, type QuarterToggles } from './quarters';

const two = (n: number) => String(n).padStart(2, '0');

/** "HH:MM:SS" of a chart time (already shifted to read KST in UTC fields). */
function axisClock(seconds: number, withSeconds: boolean): string {
  const t = new Date(seconds * 1000);
  const hm = `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
  return withSeconds ? `${hm}:${two(t.getUTCSeconds())}` : hm;
}

/** "HH:MM:SS" KST of an epoch ms. */
function kstClock(ms: number): string {
  return axisClock(ms / 1000 + 9 * 3600, true);
}

/**
 * The candle chart, driven imperatively: React never re-renders it per trade. History is set once per stock and
 * interval; live bars go through `series.update` (no setData per tick, so no flicker and no lost zoom).
 */
export class ChartController {
  private readonly chart: IChartApi;
  private readonly candles: ISeriesApi<'Candlestick'>;
  private readonly volumes: ISeriesApi<'Histogram'>;
  private readonly lines = new Map<QuarterKey, IPriceLine>();
  private shown: Bar[] = [];
  private interval: Interval = '1m';
  private step = 0;

  constructor(private readonly container: HTMLElement, private palette: ChartPalette) {
    this.chart = createChart(container, {
      autoSize: true,
      layout: { background: { color: palette.background }, textColor: palette.text, fontFamily: 'inherit', attributionLogo: false },
      grid: { vertLines: { color: palette.grid }, horzLines: { color: palette.grid } },
      rightPriceScale: { borderColor: palette.border, scaleMargins: { top: 0.08, bottom: 0.24 } },
      timeScale: { borderColor: palette.border, timeVisible: true, rightOffset: 4, tickMarkFormatter: (time: Time) => this.tickMark(time) },
      localization: { locale: 'ko-KR', priceFormatter: (p: number) => price(Math.round(p)), timeFormatter: (time: Time) => this.crosshairTime(time) },
    });
    this.candles = this.chart.addSeries(CandlestickSeries, {
      upColor: palette.up, downColor: palette.down, borderUpColor: palette.up, borderDownColor: palette.down,
      wickUpColor: palette.up, wickDownColor: palette.down, priceLineVisible: true,
    });
    this.volumes = this.chart.addSeries(HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false });
    this.chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
  }

  get barCount(): number {
    return this.shown.length;
  }

  setInterval(interval: Interval): void {
    this.interval = interval;
    this.chart.applyOptions({ timeScale: { timeVisible: interval !== 'day', secondsVisible: interval === 'tick' } });
  }

  /** A new history: the whole series at once, the latest bars in view. */
  setBars(bars: Bar[]): void {
    this.shown = bars;
    this.candles.setData(bars.map((bar) => this.candle(bar)));
    this.volumes.setData(bars.map((bar) => this.volume(bar)));
    // Few bars stretched over the width would be shifted out of view by the next one: keep a normal spacing instead.
    const visible = this.interval === 'day' ? 120 : 160;
    const timeScale = this.chart.timeScale();
    if (bars.length > visible) timeScale.setVisibleLogicalRange({ from: bars.length - visible, to: bars.length + 4 });
    else if (bars.length >= 40) timeScale.fitContent();
    else {
      timeScale.applyOptions({ barSpacing: 10 });
      timeScale.scrollToRealTime();
    }
    this.publishCount();
  }

  /** Live bars: only what changed at the end goes to the chart. */
  showBars(next: Bar[]): void {
    const updates = liveUpdates(this.shown, next);
    if (updates === null) {
      this.setBars(next);
      return;
    }
    const lastShown = this.shown.length > 0 ? this.shown[this.shown.length - 1].time : Number.NEGATIVE_INFINITY;
    for (const bar of updates) {
      const historical = bar.time < lastShown;
      this.candles.update(this.candle(bar), historical);
      this.volumes.update(this.volume(bar), historical);
    }
    this.shown = next;
    if (updates.length > 0) this.publishCount();
  }

  /** Shows the chosen quarter lines at the day's prices; a line follows the range as it moves. */
  setQuarters(quarters: QuarterLines | null, toggles: QuarterToggles): void {
    for (const spec of quarterSpecs) {
      const line = this.lines.get(spec.key);
      const value = quarters ? quarters[spec.field] : null;
      if (value === null || !toggles[spec.key]) {
        if (line) this.candles.removePriceLine(line);
        this.lines.delete(spec.key);
      } else if (line) {
        if (line.options().price !== value) line.applyOptions({ price: value });
      } else {
        this.lines.set(spec.key, this.candles.createPriceLine({
          price: value, color: spec.color, lineWidth: 1, lineStyle: spec.dashed ? LineStyle.Dashed : LineStyle.Solid,
          axisLabelVisible: true, title: spec.label,
        }));
      }
    }
  }

  /** The price axis moves in the stock's tick (KRX bands). */
  setPriceStep(step: number): void {
    if (step === this.step) return;
    this.step = step;
    this.candles.applyOptions({ priceFormat: { type: 'price', precision: 0, minMove: step } });
  }

  setPalette(palette: ChartPalette): void {
    this.palette = palette;
    this.chart.applyOptions({
      layout: { background: { color: palette.background }, textColor: palette.text },
      grid: { vertLines: { color: palette.grid }, horzLines: { color: palette.grid } },
      rightPriceScale: { borderColor: palette.border },
      timeScale: { borderColor: palette.border },
    });
    this.candles.applyOptions({
      upColor: palette.up, downColor: palette.down, borderUpColor: palette.up, borderDownColor: palette.down,
      wickUpColor: palette.up, wickDownColor: palette.down,
    });
    // Per-bar colours (flat candles, volume) are in the data.
    this.candles.setData(this.shown.map((bar) => this.candle(bar)));
    this.volumes.setData(this.shown.map((bar) => this.volume(bar)));
  }

  destroy(): void {
    this.chart.remove();
  }

  private publishCount(): void {
    this.container.dataset.bars = String(this.shown.length);
  }

  private candle(bar: Bar): CandlestickData {
    const data: CandlestickData = { time: bar.time as UTCTimestamp, open: bar.open, high: bar.high, low: bar.low, close: bar.close };
    if (bar.close === bar.open) {
      data.color = this.palette.flat;
      data.borderColor = this.palette.flat;
      data.wickColor = this.palette.flat;
    }
    return data;
  }

  private volume(bar: Bar): HistogramData {
    const move = bar.side ?? Math.sign(bar.close - bar.open);
    const color = move > 0 ? this.palette.upVolume : move < 0 ? this.palette.downVolume : this.palette.flatVolume;
    return { time: bar.time as UTCTimestamp, value: bar.volume, color };
  }

  /** Tick bars are numbered; their axis shows each trade's own time. Other intervals use the chart's labels. */
  private tickMark(time: Time): string | null {
    if (this.interval !== 'tick') return null;
    const at = this.shown[(time as number) - 1]?.at;
    return at === undefined ? '' : kstClock(at);
  }

  private crosshairTime(time: Time): string {
    const seconds = time as number;
    if (this.interval === 'tick') {
      const at = this.shown[seconds - 1]?.at;
      return at === undefined ? '' : kstClock(at);
    }
    if (this.interval === 'day') return new Date(seconds * 1000).toISOString().slice(0, 10);
    return axisClock(seconds, false);
  }
}
