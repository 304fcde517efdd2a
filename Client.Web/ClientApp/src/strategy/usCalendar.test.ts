import { describe, expect, it } from 'vitest';
import { isUsTradingDay, nyseHolidays, previousUsTradingDay } from './usCalendar';

describe('the NYSE calendar', () => {
  it('knows the regular holidays of a year, moved off weekends', () => {
    expect([...nyseHolidays(2026)].sort()).toEqual([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07',
      '2026-11-26', '2026-12-25',
    ]);
    expect(nyseHolidays(2022).has('2021-12-31')).toBe(false); // New Year 2022 fell on a Saturday: no holiday
    expect(nyseHolidays(2024).has('2024-03-29')).toBe(true); // Good Friday 2024
  });

  it('finds the last US session before a Korean trading morning', () => {
    expect(previousUsTradingDay('2026-12-03')).toBe('2026-12-02'); // Thursday: Wednesday's session
    expect(previousUsTradingDay('2026-12-07')).toBe('2026-12-04'); // Monday: Friday's session
    expect(previousUsTradingDay('2026-05-26')).toBe('2026-05-22'); // after Memorial Day
    expect(previousUsTradingDay('2026-11-27')).toBe('2026-11-25'); // after Thanksgiving
    expect(isUsTradingDay('2026-11-27')).toBe(true);
  });
});
