import { describe, expect, it } from 'vitest';
import { dayNumber, isoWeekValue, valueBounds, weekday } from '../../src/time/calendar.js';

describe('calendar', () => {
  it('numbers ISO weekdays and weeks, including weeks that straddle a year', () => {
    expect(weekday(dayNumber(2023, 3, 18))).toBe(6); // Saturday
    expect(isoWeekValue(dayNumber(2023, 3, 18))).toBe('2023-W11');
    expect(isoWeekValue(dayNumber(2021, 1, 1))).toBe('2020-W53');
    expect(isoWeekValue(dayNumber(2024, 12, 30))).toBe('2025-W01');
  });

  it('bounds every DATE granularity', () => {
    expect(valueBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(valueBounds('2023-W11')).toEqual({ from: '2023-03-13', to: '2023-03-19' });
    expect(valueBounds('2023-W11-WE')).toEqual({ from: '2023-03-18', to: '2023-03-19' });
    expect(valueBounds('1989-Q3')).toEqual({ from: '1989-07-01', to: '1989-09-30' });
    expect(valueBounds('2023-H2')).toEqual({ from: '2023-07-01', to: '2023-12-31' });
    expect(valueBounds('2023-WI')).toEqual({ from: '2023-12-01', to: '2024-02-29' });
    expect(valueBounds('199')).toEqual({ from: '1990-01-01', to: '1999-12-31' });
    expect(valueBounds('19')).toEqual({ from: '1900-01-01', to: '1999-12-31' });
    expect(valueBounds('2023-03-17T10:30')).toEqual({ from: '2023-03-17', to: '2023-03-17' });
    expect(valueBounds('PAST_REF')).toBeNull();
    expect(valueBounds('XXXX-03-20')).toBeNull();
  });
});
