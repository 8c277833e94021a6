import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, hourStartIso } from '#shared/trends/time.js';

describe('hourStartIso', () => {
  it('formats every day from 1970 to 2400 (leap years, centuries) as Date does', () => {
    const end = Date.UTC(2400, 11, 31);
    let wrong = 0;
    for (let t = 0, i = 0; t <= end; t += DAY_MS, i++) {
      const hour = t + (i % 24) * HOUR_MS;
      if (hourStartIso(hour) !== `${new Date(hour).toISOString().slice(0, 19)}Z`) wrong++;
    }
    expect(wrong).toBe(0);
    expect(hourStartIso(Date.UTC(2024, 1, 29, 23))).toBe('2024-02-29T23:00:00Z');
    expect(hourStartIso(Date.UTC(2100, 2, 1, 0))).toBe('2100-03-01T00:00:00Z');
    const early = Date.UTC(500, 0, 1, 5);
    expect(hourStartIso(early)).toBe(`${new Date(early).toISOString().slice(0, 19)}Z`);
  });
});
