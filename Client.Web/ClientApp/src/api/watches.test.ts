import { describe, expect, it } from 'vitest';
import { reconnectDelay, WatchRegistry } from './watches';

describe('hub watches', () => {
  it('run at once when connected, and not when the connection is down', () => {
    const registry = new WatchRegistry();
    const runs: string[] = [];
    registry.keep('stock', () => void runs.push('stock'), true);
    registry.keep('ranking', () => void runs.push('ranking'), false);
    expect(runs).toEqual(['stock']);
  });

  it('are all issued again after a reconnect, except the ended ones', () => {
    const registry = new WatchRegistry();
    const runs: string[] = [];
    registry.keep('stock', () => void runs.push('stock'), false);
    const endBook = registry.keep('book', () => void runs.push('book'), false);
    registry.keep('market', () => void runs.push('market'), false);
    endBook();
    registry.runAll();
    expect(runs).toEqual(['stock', 'market']);
  });

  it('keep one watch per key: watching another stock replaces the old watch, and ending the old one later does not end the new', () => {
    const registry = new WatchRegistry();
    const runs: string[] = [];
    const endOld = registry.keep('stock', () => void runs.push('005930'), false);
    registry.keep('stock', () => void runs.push('000660'), false);
    endOld();
    registry.runAll();
    expect(runs).toEqual(['000660']);
    expect(registry.keys()).toEqual(['stock']);
  });

  it('survive a watch that throws', () => {
    const registry = new WatchRegistry();
    const runs: string[] = [];
    registry.keep('bad', () => { throw new Error('boom'); }, false);
    registry.keep('good', () => void runs.push('good'), false);
    const warn = console.warn;
    console.warn = () => undefined;
    registry.runAll();
    console.warn = warn;
    expect(runs).toEqual(['good']);
  });
});

describe('reconnect delays', () => {
  it('are 0, 1, 2 s and then 5 s forever', () => {
    expect([0, 1, 2, 3, 4, 50, 1000].map(reconnectDelay)).toEqual([0, 1000, 2000, 5000, 5000, 5000, 5000]);
  });
});
