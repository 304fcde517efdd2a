import { describe, expect, it } from 'vitest';
import { pushRecent } from './recent';
import { enterChoice, moveHighlight } from './searchKeys';

describe('recently viewed stocks', () => {
  const a = { code: '005930', name: '삼성전자' };
  const b = { code: '000660', name: 'SK하이닉스' };

  it('put the stock just shown first, once', () => {
    expect(pushRecent([a, b], b)).toEqual([b, a]);
    const same = [a, b];
    expect(pushRecent(same, a)).toBe(same);
  });

  it('keep ten', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ code: String(i).padStart(6, '0'), name: `종목${i}` }));
    const next = pushRecent(many, a);
    expect(next).toHaveLength(10);
    expect(next[0]).toBe(a);
    expect(next.some((s) => s.code === '000009')).toBe(false);
  });
});

describe('search keyboard', () => {
  it('moves the highlight down and up, wrapping around', () => {
    expect(moveHighlight(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveHighlight(2, 3, 'ArrowDown')).toBe(0);
    expect(moveHighlight(0, 3, 'ArrowUp')).toBe(2);
    expect(moveHighlight(1, 3, 'ArrowUp')).toBe(0);
    expect(moveHighlight(1, 0, 'ArrowDown')).toBe(-1);
  });

  it('loads the highlighted hit on Enter, else a typed code, else the first hit', () => {
    expect(enterChoice('삼성', 1, ['005930', '005935'])).toBe('005935');
    expect(enterChoice('000660', -1, [])).toBe('000660');
    expect(enterChoice('ㅅㅅㅈㅈ', -1, ['005930'])).toBe('005930');
    expect(enterChoice('없는이름', -1, [])).toBeNull();
  });
});
