import { readStored, writeStored } from '../lib/storage';
import { createStore } from '../lib/store';

export type Theme = 'dark' | 'light';
const key = 'gslts.theme';

function initialTheme(): Theme {
  const stored = readStored<Theme | null>(key, null, (v): v is Theme => v === 'dark' || v === 'light');
  if (stored) return stored;
  return window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

export const themeStore = createStore<Theme>(initialTheme());

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

apply(themeStore.get());
themeStore.subscribe(() => apply(themeStore.get()));

export function toggleTheme(): void {
  const next: Theme = themeStore.get() === 'dark' ? 'light' : 'dark';
  writeStored(key, next);
  themeStore.set(next);
}

/** What the canvas chart needs of the theme (it cannot read CSS variables). */
export interface ChartPalette {
  background: string;
  text: string;
  grid: string;
  border: string;
  up: string;
  down: string;
  flat: string;
  upVolume: string;
  downVolume: string;
  flatVolume: string;
}

export function chartPalette(theme: Theme): ChartPalette {
  return theme === 'dark'
    ? {
        background: '#12161c', text: '#9aa4b2', grid: '#1c222b', border: '#2a313c',
        up: '#e0383e', down: '#2f7cf6', flat: '#8b95a3',
        upVolume: 'rgba(224,56,62,0.45)', downVolume: 'rgba(47,124,246,0.45)', flatVolume: 'rgba(139,149,163,0.4)',
      }
    : {
        background: '#ffffff', text: '#4b5563', grid: '#eef0f3', border: '#d8dde4',
        up: '#e0383e', down: '#1e63d8', flat: '#7b8491',
        upVolume: 'rgba(224,56,62,0.35)', downVolume: 'rgba(30,99,216,0.35)', flatVolume: 'rgba(123,132,145,0.35)',
      };
}
