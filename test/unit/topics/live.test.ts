import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { analysisVersionOf } from '#shared/analysis/version.js';
import { BadParameterError } from '#shared/errors.js';
import { recountReason } from '#shared/recount/plan.js';
import {
  applyTopicFile,
  describeTopicChange,
  LiveTopics,
  type StoredTopics,
  storedTopicsOf,
  type TopicStore,
  withoutTopic,
  withTopic,
} from '#shared/topics/live.js';
import { defaultTopics } from '#shared/topics/load.js';
import { MAX_TOPICS, type TopicFile } from '#shared/topics/schema.js';

/** The port's contract in memory: a conditional put on the version. */
class MemoryTopicStore implements TopicStore {
  stored: StoredTopics | undefined;
  puts = 0;
  async getTopics() {
    return this.stored;
  }
  async putTopics(next: StoredTopics, expected: number | undefined) {
    if (this.stored?.version !== expected) return false;
    this.puts++;
    this.stored = next;
    return true;
  }
}

const defaults = defaultTopics();
const kherson = defaults.topics[0] as TopicFile['topics'][number];
const base = new Analyser(defaults);

describe('Topics as run-time data', () => {
  it('seeds from the topic file, keeps API changes while the file is unchanged, and applies a changed file', async () => {
    const store = new MemoryTopicStore();
    const first = await applyTopicFile(store, defaults, '2026-01-01T00:00:00Z');
    expect(first.topics.version).toBe(1);
    expect(first.said).toBeUndefined();

    const live = new LiveTopics(store, () => base);
    const grain = { ...kherson, id: 'grain', label: 'Grain' };
    await live.update((f) => withTopic(f, grain), ['grain'], '2026-01-02T00:00:00Z');
    const restart = await applyTopicFile(store, defaults, '2026-01-03T00:00:00Z');
    expect(restart.topics.version).toBe(2);
    expect(restart.topics.topics.topics.map((t) => t.id)).toContain('grain');
    expect(restart.said).toMatch(/kept.*added grain/);

    const edited: TopicFile = { ...defaults, topics: [kherson] };
    const changed = await applyTopicFile(store, edited, '2026-01-04T00:00:00Z');
    expect(changed.topics.version).toBe(3);
    expect(changed.said).toBe('the topic file changed: removed negotiations, grain');
  });

  it('builds one analyser per version and sees a change after invalidate', async () => {
    const store = new MemoryTopicStore();
    await applyTopicFile(store, defaults, '2026-01-01T00:00:00Z');
    const live = new LiveTopics(store, () => base, { maxAgeMs: 60_000 });
    const a = await live.analyser();
    expect((await live.analyser()).analyser).toBe(a.analyser);
    expect(a.analyser.version).toBe(base.version);
    const other = new LiveTopics(store, () => base);
    await other.update((f) => withoutTopic(f, 'negotiations'), [], '2026-01-02T00:00:00Z');
    expect((await live.analyser()).version).toBe(1); // cached for maxAgeMs
    live.invalidate();
    const b = await live.analyser();
    expect(b.version).toBe(2);
    expect(b.analyser.version).not.toBe(a.analyser.version);
    expect(
      b.analyser.analyse({ body: 'Peace talks between Kyiv and Moscow. Kherson.' }).topics,
    ).not.toHaveProperty('negotiations');
  });

  it('an update that races with another re-reads and applies both', async () => {
    const store = new MemoryTopicStore();
    await applyTopicFile(store, defaults, '2026-01-01T00:00:00Z');
    const one = new LiveTopics(store, () => base);
    const two = new LiveTopics(store, () => base);
    await Promise.all([
      one.update((f) => withTopic(f, { ...kherson, id: 'a', label: 'A' }), ['a'], 't'),
      two.update((f) => withTopic(f, { ...kherson, id: 'b', label: 'B' }), ['b'], 't'),
    ]);
    expect(store.stored?.topics.topics.map((t) => t.id).sort()).toEqual([
      'a',
      'b',
      'kherson',
      'negotiations',
    ]);
    expect(store.stored?.version).toBe(3);
  });

  it('refuses a topic beyond the limit and deleting the last one, naming the parameter', () => {
    const full: TopicFile = {
      version: 1,
      topics: Array.from({ length: MAX_TOPICS }, (_, i) => ({ ...kherson, id: `t${i}` })),
    };
    expect(() => withTopic(full, { ...kherson, id: 'one-more' })).toThrow(BadParameterError);
    expect(withTopic(full, { ...kherson, id: 't3', label: 'replaced' }).topics[3]?.label).toBe('replaced');
    expect(() => withoutTopic({ version: 1, topics: [kherson] }, 'kherson')).toThrow(/only topic/);
  });

  it('compares topic sets by content, whatever the order of their keys (DynamoDB does not keep it)', () => {
    const reordered = JSON.parse(
      JSON.stringify(defaults, (_k, v) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    ) as TopicFile;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(defaults));
    expect(describeTopicChange(defaults, reordered)).toBeUndefined();
    expect(analysisVersionOf(reordered)).toBe(analysisVersionOf(defaults));
    expect(analysisVersionOf({ ...defaults, topics: [kherson] })).not.toBe(analysisVersionOf(defaults));
  });

  it('says why a recount runs', () => {
    const state = { analysis: 'a5-old', topics: defaults, updatedAt: 't' };
    expect(recountReason(state, defaults, 'a5-old', true)).toBeUndefined();
    expect(recountReason(state, defaults, 'a6-new', true)).toBe('the analyser changed (a5-old → a6-new)');
    // A deploy that changes only how analyses are counted says so, not that the analyser changed.
    expect(recountReason({ ...state, analysis: 'a8-aaa' }, defaults, 'a8-r3-bbb', true)).toBe(
      'the counting rules changed (contribution rules 1–2 → 3) (a8-aaa → a8-r3-bbb)',
    );
    expect(recountReason({ ...state, analysis: 'a7-aaa' }, defaults, 'a8-r3-bbb', true)).toMatch(
      /^the analyser and the counting rules changed/,
    );
    expect(recountReason({ ...state, analysis: 'a8-r3-aaa' }, defaults, 'a9-r3-bbb', true)).toMatch(
      /^the analyser changed/,
    );
    expect(recountReason(state, { ...defaults, topics: [kherson] }, 'a5-x', true)).toBe(
      'topics changed (removed negotiations)',
    );
    expect(recountReason(undefined, defaults, 'a5', false)).toBeUndefined();
    expect(recountReason(undefined, defaults, 'a5', true)).toMatch(/before analysis versions/);
  });
});

// A topic set stored by an older deployment lacks the fields added since: read through the
// schema, it has their defaults, and an analyser builds on it (on the raw set it throws).
describe('a topic set stored before later fields existed', () => {
  const old = structuredClone(defaults) as unknown as { topics: Record<string, unknown>[] };
  for (const t of old.topics) {
    delete t.senses;
    delete t.surnames;
    delete (t.context as Record<string, unknown> | undefined)?.subjects;
    delete (t.context as Record<string, unknown> | undefined)?.bargaining;
  }
  const stored = { topics: old, version: 3, updatedAt: '2026-01-01T00:00:00Z', updated: {}, seed: 'x' };
  it('is read with their defaults and analyses as a new one would', () => {
    const read = storedTopicsOf(stored as unknown as StoredTopics);
    expect(read.topics.topics[0]?.senses).toEqual([]);
    expect(read.version).toBe(3);
    const body = 'Russian drones hit Kherson. Talks resumed in Istanbul, and a ceasefire is near.';
    expect(base.withTopics(read.topics).analyse({ body }).topics.negotiations?.mentions).toBe(2);
    expect(() => base.withTopics(stored.topics as unknown as TopicFile).analyse({ body })).toThrow();
  });
  it('is kept as written when today’s schema refuses it', () => {
    const refused = { ...stored, topics: { version: 1, topics: 'not a list' } };
    expect(storedTopicsOf(refused as unknown as StoredTopics)).toBe(refused);
  });
});
