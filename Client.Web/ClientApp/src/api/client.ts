import type {
  Candle, DailyBar, KrxRules, MarketStatus, OrderBook, ProblemDetails, SectorBoard, StockSearchHit, StockSnapshot,
  StrategyPlan, TopList, TradePrint,
} from './types';

/** A failed request: `message` is the server's problem `detail` (or title) when it sent one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** seconds the server asked to wait (Retry-After), null when it did not say */
    readonly retryAfter: number | null,
    readonly problem: ProblemDetails | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Retry-After as seconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** The text a failed response tells the trader: the problem's detail, else its title, else the status. */
export function problemText(status: number, problem: ProblemDetails | null): string {
  return problem?.detail || problem?.title || `HTTP ${status}`;
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  try {
    const text = await response.text();
    if (!text) return null;
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' ? (body as ProblemDetails) : null;
  } catch {
    return null;
  }
}

/** GET a JSON resource; 204 is null. Anything else not 2xx is an ApiError. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T | null> {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  if (response.status === 204) return null;
  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError(problemText(response.status, problem), response.status, parseRetryAfter(response.headers.get('Retry-After')), problem);
  }
  return (await response.json()) as T;
}

async function must<T>(path: string, signal?: AbortSignal): Promise<T> {
  const value = await getJson<T>(path, signal);
  if (value === null) throw new ApiError(`No content at ${path}`, 204, null, null);
  return value;
}

const stock = (code: string) => `/api/stocks/${encodeURIComponent(code)}`;

/** The server's REST API, typed. */
export const api = {
  snapshot: (code: string, signal?: AbortSignal) => must<StockSnapshot>(stock(code), signal),
  candles: (code: string, signal?: AbortSignal) => must<Candle[]>(`${stock(code)}/candles`, signal),
  trades: (code: string, count = 100, signal?: AbortSignal) => must<TradePrint[]>(`${stock(code)}/trades?count=${count}`, signal),
  daily: (code: string, signal?: AbortSignal) => must<DailyBar[]>(`${stock(code)}/daily`, signal),
  /** null: no book yet (204) */
  book: (code: string, signal?: AbortSignal) => getJson<OrderBook>(`${stock(code)}/book`, signal),
  ranking: (scope: string, n = 50, signal?: AbortSignal) =>
    must<TopList>(`/api/ranking?scope=${encodeURIComponent(scope)}&n=${n}`, signal),
  rankingSnapshots: (date: string, signal?: AbortSignal) => must<TopList[]>(`/api/ranking/snapshots/${date}`, signal),
  search: (query: string, limit = 10, signal?: AbortSignal) =>
    must<StockSearchHit[]>(`/api/search?q=${encodeURIComponent(query)}&limit=${limit}`, signal),
  sectors: (signal?: AbortSignal) => must<SectorBoard>('/api/sectors', signal),
  rules: (signal?: AbortSignal) => must<KrxRules>('/api/krx/rules', signal),
  strategyToday: (signal?: AbortSignal) => must<StrategyPlan>('/api/strategy/today', signal),
  market: (signal?: AbortSignal) => must<MarketStatus>('/api/market', signal),
};

/** Whether an error is an aborted fetch (a superseded request), which nobody needs to hear about. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Seconds to wait before retrying after `error`: the server's Retry-After when given, kept within [min, max]. */
export function retryDelaySeconds(error: unknown, fallback: number, min = 1, max = 300): number {
  const asked = error instanceof ApiError ? error.retryAfter : null;
  return Math.min(max, Math.max(min, asked ?? fallback));
}
