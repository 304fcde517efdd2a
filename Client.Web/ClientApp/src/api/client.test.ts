import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, parseRetryAfter, retryDelaySeconds } from './client';

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2);
    expect(parseRetryAfter('Thu, 03 Dec 2026 08:00:30 GMT', Date.parse('2026-12-03T08:00:00Z'))).toBe(30);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });

  it('sets how long a caller waits before trying again, within bounds', () => {
    expect(retryDelaySeconds(new ApiError('x', 503, 2, null), 5)).toBe(2);
    expect(retryDelaySeconds(new ApiError('x', 503, 3600, null), 5, 1, 300)).toBe(300);
    expect(retryDelaySeconds(new Error('network'), 5)).toBe(5);
  });
});

describe('failed requests', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("surface the problem's detail and the server's Retry-After", async () => {
    vi.stubGlobal('fetch', async () => new Response(
      JSON.stringify({ title: 'Service Unavailable', status: 503, detail: '지난밤 미국 종가를 기다리는 중입니다.' }),
      { status: 503, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' } },
    ));
    const error = await api.strategyToday().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('지난밤 미국 종가를 기다리는 중입니다.');
    expect((error as ApiError).retryAfter).toBe(120);
    expect((error as ApiError).status).toBe(503);
  });

  it('say the status when the body is empty, and 204 is no book yet', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 404 }));
    expect(((await api.market().catch((e: unknown) => e)) as Error).message).toBe('HTTP 404');
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    expect(await api.book('005930')).toBeNull();
  });
});
