import { AreaSeries, createChart, IChartApi, ISeriesApi, UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import type { StockSnapshot } from './market';
import { tickOf, type TickBand } from './rules';

const kstOffsetSeconds = 9 * 3600;

/** A live area chart of the traded price; the time axis reads in KST. */
export function PriceChart({ snapshot, tickBands }: { snapshot: StockSnapshot | null; tickBands?: TickBand[] }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Area'> | null>(null);
  const lastTime = useRef(0);
  const priceStep = useRef(0);

  useEffect(() => {
    if (!container.current) return;
    chart.current = createChart(container.current, {
      autoSize: true,
      layout: { background: { color: '#12161c' }, textColor: '#9aa4b2', fontFamily: 'inherit' },
      grid: { vertLines: { color: '#1c222b' }, horzLines: { color: '#1c222b' } },
      timeScale: { timeVisible: true, secondsVisible: true, borderColor: '#2a313c' },
      rightPriceScale: { borderColor: '#2a313c' },
      localization: { priceFormatter: (p: number) => Math.round(p).toLocaleString('ko-KR') },
    });
    series.current = chart.current.addSeries(AreaSeries, {
      lineColor: '#f0b429', topColor: 'rgba(240,180,41,0.28)', bottomColor: 'rgba(240,180,41,0.02)', lineWidth: 2,
    });
    return () => {
      chart.current?.remove();
      chart.current = null;
      series.current = null;
      lastTime.current = 0;
      priceStep.current = 0;
    };
  }, [snapshot?.code]);

  useEffect(() => {
    if (!snapshot?.lastTradeTime || !series.current) return;
    const time = Math.floor(Date.parse(snapshot.lastTradeTime) / 1000) + kstOffsetSeconds;
    if (time < lastTime.current) return;
    lastTime.current = time;
    const step = tickOf(tickBands, snapshot.basePrice || snapshot.price);
    if (step !== priceStep.current) {
      priceStep.current = step;
      series.current.applyOptions({ priceFormat: { type: 'price', precision: 0, minMove: step } });
    }
    series.current.update({ time: time as UTCTimestamp, value: snapshot.price });
  }, [snapshot, tickBands]);

  return <div className="chart" ref={container} />;
}
