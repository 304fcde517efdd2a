import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { ApiError, isAbort, retryDelaySeconds } from '../api/client';
import type { StockSnapshot } from '../api/types';
import { price } from '../lib/format';
import { noteChartDrawn } from '../lib/measure';
import { currentRules, subscribeRules, tickOf } from '../lib/rules';
import { readStored, writeStored } from '../lib/storage';
import { useStore } from '../lib/store';
import { onStockMessage, stockStore } from '../shell/stockFeed';
import { chartPalette, themeStore } from '../shell/theme';
import { intervals, type Interval } from './candles';
import { ChartController } from './chartController';
import { loadToggles, quarterSpecs, quartersFromKey, quartersKey, saveToggles, type QuarterToggles } from './quarters';
import { applyMessage, loadModel, showsToday, type SeriesModel } from './seriesModel';
import './chart.css';

const intervalLabels: Record<Interval, string> = { tick: '틱', '1m': '1분', '5m': '5분', day: '일봉' };
const intervalKey = 'gslts.chart.interval';
const isInterval = (v: unknown): v is Interval => intervals.includes(v as Interval);

function loadFailureText(error: unknown): string {
  if (error instanceof ApiError && error.status === 503) return '종목 목록을 불러오는 중입니다. 잠시 후 다시 시도합니다.';
  if (error instanceof ApiError && error.status === 404) return '차트 자료가 없습니다.';
  return `차트를 불러오지 못했습니다. 다시 시도합니다. (${error instanceof Error ? error.message : String(error)})`;
}

/** The price chart with its interval buttons and quarter-line toggles. */
export function ChartPanel({ code }: { code: string | null }) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<ChartController | null>(null);
  const [interval, setInterval] = useState<Interval>(() => readStored(intervalKey, '1m', isInterval));
  const [toggles, setToggles] = useState<QuarterToggles>(loadToggles);
  const [status, setStatus] = useState<string | null>(null);
  const quarters = useStore(stockStore, (s) => quartersKey(s.snapshot?.quarters));
  const blocked = useStore(stockStore, (s) => (s.failure && !s.failure.retry ? s.failure.text : null));

  useEffect(() => {
    const chart = new ChartController(container.current!, chartPalette(themeStore.get()));
    controller.current = chart;
    const offTheme = themeStore.subscribe(() => chart.setPalette(chartPalette(themeStore.get())));
    return () => {
      offTheme();
      chart.destroy();
      controller.current = null;
    };
  }, []);

  // History once per stock and interval, then live: messages that arrive meanwhile are kept and applied after it.
  useEffect(() => {
    const chart = controller.current!;
    chart.setInterval(interval);
    chart.setBars([]);
    if (!code || blocked) return;
    const abort = new AbortController();
    let model: SeriesModel | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const waiting: StockSnapshot[] = [];

    const priceStep = () => {
      const snapshot = stockStore.get().snapshot;
      if (snapshot) chart.setPriceStep(tickOf(currentRules()?.tickBands, snapshot.basePrice || snapshot.price));
    };
    const offRules = subscribeRules(priceStep);
    const offMessages = onStockMessage((snapshot) => {
      if (!model) {
        waiting.push(snapshot);
        return;
      }
      const wasEmpty = model.bars.length === 0;
      model = applyMessage(model, snapshot, 'live');
      chart.showBars(model.bars);
      priceStep();
      if (wasEmpty && model.bars.length > 0) setStatus(null);
      if (showsToday(model)) noteChartDrawn();
    });

    const load = async () => {
      try {
        let loaded = await loadModel(code, interval, abort.signal);
        for (const snapshot of waiting.splice(0)) loaded = applyMessage(loaded, snapshot, 'seam');
        const latest = stockStore.get().snapshot;
        if (latest?.code === code) loaded = applyMessage(loaded, latest, 'state');
        model = loaded;
        chart.setBars(loaded.bars);
        priceStep();
        setStatus(loaded.bars.length === 0 ? (interval === 'day' ? '일봉 자료가 없습니다.' : '오늘 체결이 아직 없습니다.') : null);
        if (showsToday(loaded)) noteChartDrawn();
      } catch (error) {
        if (isAbort(error)) return;
        setStatus(loadFailureText(error));
        retry = setTimeout(load, retryDelaySeconds(error, 5, 2, 60) * 1000);
      }
    };
    setStatus('불러오는 중…');
    void load();
    return () => {
      abort.abort();
      clearTimeout(retry);
      offMessages();
      offRules();
    };
  }, [code, interval, blocked]);

  useEffect(() => {
    controller.current?.setQuarters(quartersFromKey(quarters), toggles);
  }, [quarters, toggles]);

  const choose = (next: Interval) => {
    writeStored(intervalKey, next);
    setInterval(next);
  };
  const toggle = (key: keyof QuarterToggles) => {
    const next = { ...toggles, [key]: !toggles[key] };
    saveToggles(next);
    setToggles(next);
  };
  const lines = quartersFromKey(quarters);

  return (
    <section className="panel chart-panel" aria-label="차트">
      <div className="chart-tools">
        <div className="segmented" role="group" aria-label="주기">
          {intervals.map((each) => (
            <button key={each} type="button" data-testid={`interval-${each}`} aria-pressed={interval === each}
              className={interval === each ? 'on' : ''} onClick={() => choose(each)}>
              {intervalLabels[each]}
            </button>
          ))}
        </div>
        <div className="quarter-toggles" role="group" aria-label="기준선">
          {quarterSpecs.map((spec) => (
            <label key={spec.key} style={{ '--quarter': spec.color } as CSSProperties}>
              <input type="checkbox" data-testid={`quarter-toggle-${spec.key}`} checked={toggles[spec.key]} onChange={() => toggle(spec.key)} />
              {spec.label}
            </label>
          ))}
        </div>
      </div>
      <div className="chart-body">
        <div className="chart" ref={container} data-testid="chart" data-interval={interval} />
        {(blocked || status) && <p className="chart-status">{blocked ?? status}</p>}
        {lines && (
          <ul className="quarter-legend" aria-label="기준선 가격">
            {quarterSpecs.filter((spec) => toggles[spec.key]).map((spec) => (
              <li key={spec.key} data-testid={`quarter-line-${spec.key}`} style={{ '--quarter': spec.color } as CSSProperties}>
                <span>{spec.label}</span> {price(lines[spec.field])}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
