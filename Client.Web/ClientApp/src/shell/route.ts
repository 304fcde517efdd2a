export const defaultCode = '005930';
const codePattern = /^[0-9A-Z]{6}$/;

/** The stock the URL asks for: `code` when it reads as a KRX code, else `invalid` holds what was written. */
export interface Route {
  code: string | null;
  invalid: string | null;
}

/** Reads `/stock/005930` or `?code=005930` (either case); nothing asked for is the default stock. */
export function parseRoute(pathname: string, search: string): Route {
  const fromPath = pathname.match(/^\/stock\/([^/]*)\/?$/)?.[1];
  const written = fromPath !== undefined ? safeDecode(fromPath) : new URLSearchParams(search).get('code');
  if (written === null || written.trim() === '') return { code: defaultCode, invalid: null };
  const code = written.trim().toUpperCase();
  return codePattern.test(code) ? { code, invalid: null } : { code: null, invalid: written.trim() };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The address of a stock, keeping the page's other query parameters (e.g. measure=1) but not an old `code`. */
export function stockUrl(code: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete('code');
  const query = params.toString();
  return `/stock/${code}${query ? `?${query}` : ''}`;
}

/** The Korean message for a code the URL gave that cannot be a stock code. */
export function invalidCodeText(written: string): string {
  return `종목 코드 ${written}은(는) 올바른 형식이 아닙니다. 6자리 코드(예: 005930)를 입력하거나 종목을 검색하세요.`;
}
