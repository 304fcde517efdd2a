import { describe, expect, it } from 'vitest';
import { invalidCodeText, parseRoute, stockUrl } from './route';

describe('the stock in the address', () => {
  it('reads /stock/<code> and ?code=<code>, in either case', () => {
    expect(parseRoute('/stock/000660', '')).toEqual({ code: '000660', invalid: null });
    expect(parseRoute('/stock/0126z0/', '')).toEqual({ code: '0126Z0', invalid: null });
    expect(parseRoute('/', '?code=035420')).toEqual({ code: '035420', invalid: null });
  });

  it('shows the default stock when none is asked for', () => {
    expect(parseRoute('/', '')).toEqual({ code: '005930', invalid: null });
    expect(parseRoute('/', '?code=')).toEqual({ code: '005930', invalid: null });
  });

  it('keeps what was written when it cannot be a code, rather than silently showing another stock', () => {
    expect(parseRoute('/stock/12345', '')).toEqual({ code: null, invalid: '12345' });
    expect(parseRoute('/', '?code=삼성')).toEqual({ code: null, invalid: '삼성' });
    expect(parseRoute('/stock/%E0%A4%A', '')).toEqual({ code: null, invalid: '%E0%A4%A' });
    expect(invalidCodeText('12345')).toContain('12345');
  });

  it('writes a stock address keeping the other parameters and dropping an old code', () => {
    expect(stockUrl('000660', '?code=005930&measure=1')).toBe('/stock/000660?measure=1');
    expect(stockUrl('005930', '')).toBe('/stock/005930');
  });
});
