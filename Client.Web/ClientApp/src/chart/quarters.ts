import type { QuarterLines } from '../api/types';
import { readStored, writeStored } from '../lib/storage';

export type QuarterKey = 'high' | 'q75' | 'q50' | 'q25' | 'low' | 'open';

export interface QuarterLineSpec {
  key: QuarterKey;
  field: keyof QuarterLines;
  label: string;
  color: string;
  dashed: boolean;
}

/** The day's quarter lines (QuarterLines.cs), top to bottom, then the open. */
export const quarterSpecs: QuarterLineSpec[] = [
  { key: 'high', field: 'high', label: '고가', color: '#e0383e', dashed: false },
  { key: 'q75', field: 'threeQuarters', label: '75%', color: '#b47be0', dashed: true },
  { key: 'q50', field: 'half', label: '50%', color: '#d09a2c', dashed: true },
  { key: 'q25', field: 'quarter', label: '25%', color: '#b47be0', dashed: true },
  { key: 'low', field: 'low', label: '저가', color: '#2f7cf6', dashed: false },
  { key: 'open', field: 'open', label: '시가', color: '#8b95a3', dashed: false },
];

export type QuarterToggles = Record<QuarterKey, boolean>;

const storageKey = 'gslts.chart.quarters';
const allOn: QuarterToggles = { high: true, q75: true, q50: true, q25: true, low: true, open: true };

function isToggles(value: unknown): value is Partial<QuarterToggles> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The trader's choice of lines, remembered; a line never chosen is shown. */
export function loadToggles(): QuarterToggles {
  const stored = readStored<Partial<QuarterToggles>>(storageKey, {}, isToggles);
  const out = { ...allOn };
  for (const spec of quarterSpecs) if (typeof stored[spec.key] === 'boolean') out[spec.key] = stored[spec.key]!;
  return out;
}

export function saveToggles(toggles: QuarterToggles): void {
  writeStored(storageKey, toggles);
}

/** A compact key of the lines' prices: a component re-renders when a line moves, not on every snapshot. */
export function quartersKey(quarters: QuarterLines | null | undefined): string {
  return quarters ? quarterSpecs.map((spec) => quarters[spec.field]).join('|') : '';
}

export function quartersFromKey(key: string): QuarterLines | null {
  if (!key) return null;
  const values = key.split('|').map(Number);
  const out = {} as QuarterLines;
  quarterSpecs.forEach((spec, i) => (out[spec.field] = values[i]));
  return out;
}
