import { describe, expect, it } from 'vitest';
import type { CounterRow, TrendStore } from '#shared/ports.js';
import { DynamoSpikeClaims } from '#shared/storage/spike-claims.js';
import { announceNewSpikes, type SpikeAnnouncement } from '#shared/trends/spike-watch.js';
import { spikeLine } from '../../local/spike-watch.js';
import { useDynamoLocal } from '../support/dynamo-local.js';

/**
 * The hourly spike check against DynamoDB Local's claims: Kherson has 2 articles at every hour of
 * four weeks, then 30 in the hour 2022-11-11 09:00, the last complete hour at 10:20.
 */
const SPIKE_HOUR = Date.parse('2022-11-11T09:00:00Z');
const counters: TrendStore = {
  countersOf: async (topics, g, from, to) => {
    const rows: CounterRow[] = [];
    for (let t = SPIKE_HOUR - 28 * 86_400_000; t <= SPIKE_HOUR; t += 3_600_000) {
      const bucket = new Date(t).toISOString().slice(0, 13);
      if (bucket < from || bucket > to) continue;
      const articles = t === SPIKE_HOUR ? 30 : 2;
      rows.push({
        bucket,
        articles,
        mentions: articles,
        sentMilli: 0,
        positive: 0,
        neutral: 0,
        negative: 0,
        unique: 0,
      });
    }
    return new Map(topics.map((t) => [t, t === 'kherson' && g === 'hour' ? rows : []]));
  },
  totals: async () => ({ articles: 0, mentions: 0 }),
};
const topics = [
  { id: 'kherson', label: 'Kherson' },
  { id: 'negotiations', label: 'Negotiations' },
];

describe('the spike watch', () => {
  const dynamo = useDynamoLocal(['spikes', 'spikes-2']);
  const now = Date.parse('2022-11-11T10:20:00Z');

  it('announces a new spike once, however often the hours are checked', async () => {
    const claims = new DynamoSpikeClaims(dynamo.db(), 'spikes');
    const sent: SpikeAnnouncement[] = [];
    const deps = { store: counters, claims, announce: async (a: SpikeAnnouncement) => void sent.push(a) };
    await announceNewSpikes(deps, topics, now);
    // The next runs still see that hour (the lookback), and must not announce it again.
    await announceNewSpikes(deps, topics, now + 3_600_000);
    await announceNewSpikes(deps, topics, now + 2 * 3_600_000);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      topic: 'kherson',
      label: 'Kherson',
      start: '2022-11-11T09:00:00Z',
      value: 30,
    });
    expect(spikeLine(sent[0] as SpikeAnnouncement)).toMatch(
      /^spike: Kherson \(kherson\) 2022-11-11T09:00:00Z: 30 articles in the hour, baseline 2 ± 1\.414, score 19\.799$/,
    );
  });

  it('announces again after an announcement failed, and then not any more', async () => {
    const claims = new DynamoSpikeClaims(dynamo.db(), 'spikes-2');
    let fail = true;
    const sent: string[] = [];
    const deps = {
      store: counters,
      claims,
      announce: async (a: SpikeAnnouncement) => {
        if (fail) throw new Error('EventBridge is down');
        sent.push(a.start);
      },
    };
    await expect(announceNewSpikes(deps, topics, now)).rejects.toThrow(/EventBridge is down/);
    fail = false;
    await announceNewSpikes(deps, topics, now);
    await announceNewSpikes(deps, topics, now);
    expect(sent).toEqual(['2022-11-11T09:00:00Z']);
  });
});
