// Korean trader-facing number formats.
const grouped = new Intl.NumberFormat('ko-KR');

/** 70200 → "70,200" */
export function price(value: number): string {
  return grouped.format(value);
}

/** 70200 → "70,200원" */
export function won(value: number): string {
  return `${grouped.format(value)}원`;
}

/** 1200 → "+1,200", -800 → "-800", 0 → "0" */
export function signed(value: number): string {
  return value > 0 ? `+${grouped.format(value)}` : grouped.format(value);
}

/** 1.7 → "+1.70%", -0.14 → "-0.14%", 0 → "0.00%" */
export function rate(percent: number): string {
  const text = `${Math.abs(percent).toFixed(2)}%`;
  return percent > 0 ? `+${text}` : percent < 0 ? `-${text}` : text;
}

/** 거래대금 in won: 1.2조, 3,456억, 5,000만, 9,999원. */
export function tradingValue(wonValue: number): string {
  const jo = 1e12;
  const eok = 1e8;
  const man = 1e4;
  if (wonValue >= jo) return `${(Math.floor((wonValue / jo) * 10) / 10).toFixed(1)}조`;
  if (wonValue >= eok) return `${grouped.format(Math.floor(wonValue / eok))}억`;
  if (wonValue >= man) return `${grouped.format(Math.floor(wonValue / man))}만`;
  return won(wonValue);
}

const kstOffsetMs = 9 * 3600 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

/** The KST wall-clock parts of an ISO time whatever offset it was written with; null when unreadable. */
function kstParts(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + kstOffsetMs);
}

/** "2026-11-23T09:00:01+09:00" → "09:00:01": the time of day in KST (a UTC time is converted). */
export function clock(iso: string | null | undefined): string {
  const t = kstParts(iso);
  return t ? `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}` : '--:--:--';
}

/** "2026-11-23T09:30:00+09:00" → "09:30" in KST. */
export function hourMinute(iso: string | null | undefined): string {
  const t = kstParts(iso);
  return t ? `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}` : '--:--';
}

/** "2026-11-23" → "11월 23일" */
export function monthDay(date: string): string {
  const match = date.match(/^\d{4}-(\d{2})-(\d{2})/);
  return match ? `${Number(match[1])}월 ${Number(match[2])}일` : date;
}

/** A share of 1 as percent: 0.625 → "62.5%". */
export function share(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** 체결강도 and VWAP-like decimals: 121.914 → "121.91". */
export function decimal2(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

/** Korean market colours: rise red, fall blue. */
export function direction(change: number): 'up' | 'down' | 'flat' {
  return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
}
