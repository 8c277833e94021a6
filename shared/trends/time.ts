/** UTC bucket keys: a day is `2022-11-10`, an hour `2022-11-10T12`. They sort as they read. */
export type Granularity = 'day' | 'hour';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const stepOf = (g: Granularity) => (g === 'day' ? DAY_MS : HOUR_MS);

export function bucketKey(time: number | string, g: Granularity): string {
  const iso = new Date(time).toISOString();
  return g === 'day' ? iso.slice(0, 10) : iso.slice(0, 13);
}

/** Start of the bucket holding `time`, in ms. */
export function bucketStart(time: number, g: Granularity): number {
  const step = stepOf(g);
  return Math.floor(time / step) * step;
}

/** `2022-11-10T12:00:00Z` style: UTC ISO 8601 without milliseconds. */
export const isoSeconds = (time: number): string => `${new Date(time).toISOString().slice(0, 19)}Z`;
