// The NYSE's regular holidays, computed (no list to keep up to date). Unscheduled closings (a day of mourning) are not
// known here: on such a day the page may call the US data stale when it is not, and says which session it expected.

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The n-th (1-based) weekday (0 Sunday … 6 Saturday) of a month; n = -1 is the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n > 0) {
    const first = utc(year, month, 1);
    return utc(year, month, 1 + ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7);
  }
  const last = utc(year, month + 1, 0);
  return utc(year, month, last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7));
}

/** Easter Sunday (Gregorian, the anonymous algorithm). */
function easter(year: number): Date {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return utc(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/** A fixed-date holiday moved off the weekend (Saturday → Friday, Sunday → Monday). */
function observed(date: Date): Date {
  const day = date.getUTCDay();
  return day === 6 ? new Date(date.getTime() - 86_400_000) : day === 0 ? new Date(date.getTime() + 86_400_000) : date;
}

export function nyseHolidays(year: number): Set<string> {
  const days = [
    nthWeekday(year, 1, 1, 3), nthWeekday(year, 2, 1, 3), new Date(easter(year).getTime() - 2 * 86_400_000),
    nthWeekday(year, 5, 1, -1), observed(utc(year, 7, 4)), nthWeekday(year, 9, 1, 1), nthWeekday(year, 11, 4, 4),
    observed(utc(year, 12, 25)),
  ];
  // New Year's Day on a Saturday is not moved back into the old year.
  const newYear = utc(year, 1, 1);
  if (newYear.getUTCDay() !== 6) days.push(observed(newYear));
  if (year >= 2022) days.push(observed(utc(year, 6, 19)));
  return new Set(days.map(iso));
}

export function isUsTradingDay(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !nyseHolidays(d.getUTCFullYear()).has(date);
}

/** The last US session before a Korean date: at 08:00 KST it closed a few hours ago (its New York date is earlier). */
export function previousUsTradingDay(koreanDate: string): string {
  let d = new Date(`${koreanDate}T00:00:00Z`);
  for (let i = 0; i < 10; i++) {
    d = new Date(d.getTime() - 86_400_000);
    if (isUsTradingDay(iso(d))) return iso(d);
  }
  return iso(d);
}
