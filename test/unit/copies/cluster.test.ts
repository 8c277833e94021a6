import { describe, expect, it } from 'vitest';
import { type CopyEntry, clusterOf } from '#shared/copies/cluster.js';
import { COPY_METHOD } from '#shared/copies/method.js';
import { signatureOf } from '#shared/copies/signature.js';
import { story } from '../../support/copy-texts.js';

const text = story.join('\n\n');
const signature = signatureOf(text, COPY_METHOD);
const day = (d: number) => new Date(Date.UTC(2024, 2, 1 + d, 9)).toISOString();

describe('copy clusters', () => {
  it("joins the earliest copy's cluster, and founds its own without one", () => {
    const entries: CopyEntry[] = [
      { id: 'b', cluster: 'a', clusterStart: day(0), publishedAt: day(1), signature },
      { id: 'c', cluster: 'c', clusterStart: day(2), publishedAt: day(2), signature },
    ];
    expect(clusterOf({ id: 'd', publishedAt: day(3) }, signature, entries, COPY_METHOD)).toEqual({
      cluster: 'a',
      clusterStart: day(0),
    });
    const other = signatureOf('Central bank holds rates as inflation slows, analysts say', COPY_METHOD);
    expect(clusterOf({ id: 'd', publishedAt: day(3) }, other, entries, COPY_METHOD)).toEqual({
      cluster: 'd',
      clusterStart: day(3),
    });
  });

  it('keeps a cluster within 7 days of its start: a daily chain of copies starts a new story each week or so', () => {
    // Each day's report copies the day before's: a chain a month long.
    const index: CopyEntry[] = [];
    const clusters: { cluster: string; clusterStart: string; publishedAt: string }[] = [];
    for (let d = 0; d < 30; d++) {
      const id = `r${d}`;
      const near = index.filter(
        (e) => Math.abs(Date.parse(e.publishedAt) - Date.parse(day(d))) <= 7 * 86_400_000,
      );
      const placed = clusterOf({ id, publishedAt: day(d) }, signature, near, COPY_METHOD);
      index.push({ id, ...placed, publishedAt: day(d), signature });
      clusters.push({ ...placed, publishedAt: day(d) });
    }
    const starts = new Set(clusters.map((c) => c.cluster));
    expect(starts.size).toBeGreaterThanOrEqual(4);
    for (const c of clusters)
      expect(Date.parse(c.publishedAt) - Date.parse(c.clusterStart)).toBeLessThanOrEqual(7 * 86_400_000);
  });
});
