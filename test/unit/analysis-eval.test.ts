import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { Gazetteer, NameCues, PlaceNames } from '#shared/analysis/data-schemas.js';
import { defaultTopics } from '#shared/topics/load.js';
import { loadCompromise, predictWith, predictWithCompromise, readSet } from '../../scripts/eval/run.js';
import { score } from '../../scripts/eval/score.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const analyser = new Analyser(defaultTopics());

/**
 * The targets, checked in-process on the development set with the in-repo port of the
 * project's scorer (scripts/eval/score.ts; `npm run eval` checks it against ../shared/eval/score.mjs).
 */
describe('the development set meets the targets', () => {
  const set = readSet(join(fixtures, 'dev'));
  const s = score(set.gold, predictWith(analyser, set));

  it('answers every article', () => {
    expect(set.articles).toHaveLength(20);
    expect(s.found).toBe(20);
  });
  it('topics: article-level F1 >= 0.95 per topic, exact counts on >= 90 % of pairs', () => {
    for (const [, t] of Object.entries(s.topics)) expect(t.f1).toBeGreaterThanOrEqual(0.95);
    expect(Object.keys(s.topics).sort()).toEqual(['kherson', 'negotiations']);
    expect(s.mentionExact).toBeGreaterThanOrEqual(0.9);
  });
  it('entities: F1 >= 0.80 per type', () => {
    for (const k of ['people', 'places', 'organizations'] as const)
      expect(s.entities[k].f1, k).toBeGreaterThanOrEqual(0.8);
  });
  it('entities: at least 0.10 F1 above raw compromise per type', async () => {
    const c = score(set.gold, predictWithCompromise(await loadCompromise(), set));
    for (const k of ['people', 'places', 'organizations'] as const)
      expect(s.entities[k].f1 - c.entities[k].f1, k).toBeGreaterThanOrEqual(0.1);
  });
});

describe.each(['extra', 'holdout', 'blind2', 'blind3'])(
  'the %s set keeps the topic targets (its traps stay fixed)',
  (name) => {
    const set = readSet(join(fixtures, name));
    const s = score(set.gold, predictWith(analyser, set));

    it('topics: article-level F1 >= 0.95 per topic, exact counts on >= 90 % of pairs', () => {
      for (const [topic, t] of Object.entries(s.topics)) expect(t.f1, topic).toBeGreaterThanOrEqual(0.95);
      expect(s.mentionExact).toBeGreaterThanOrEqual(0.9);
    });
  },
);

/**
 * blind4, scored once on its first run and never tuned on (test/fixtures/blind4/README.md):
 * topic F1 1.00 on both topics, exact counts 21 of 24 pairs per topic on average (0.875), sentiment
 * 17/24. Below the targets on exact counts and sentiment, so these are floors, not targets: they
 * catch a change that makes unseen articles worse.
 */
describe('blind4 (first run, never tuned on) does not get worse', () => {
  const set = readSet(join(fixtures, 'blind4'));
  const s = score(set.gold, predictWith(analyser, set));
  it('topics F1 >= 0.95, exact counts >= 0.85', () => {
    for (const [topic, t] of Object.entries(s.topics)) expect(t.f1, topic).toBeGreaterThanOrEqual(0.95);
    expect(s.mentionExact).toBeGreaterThanOrEqual(0.85);
  });
});

// Document sentiment is a trained model now: its gate is on the held-out test split
// (test/unit/document-sentiment.test.ts); these sets are its training data.

describe('the scorer port', () => {
  it('scores a perfect prediction 1 and an empty one 0', () => {
    const gold = {
      a: {
        topics: { kherson: 2, negotiations: 0 },
        sentiment: { label: 'negative' },
        entities: { people: ['Volodymyr Zelensky'], places: ['Kyiv'], organizations: [] },
        aliases: { Kyiv: ['Kiev'] },
      },
    };
    const perfect = score(gold, {
      a: {
        topics: { kherson: { mentions: 2 } },
        sentiment: { label: 'negative' },
        entities: [
          { name: 'Volodymyr Zelensky', type: 'person' },
          { name: 'Kiev', type: 'place' },
        ],
      },
    });
    expect(perfect.topics.kherson?.f1).toBe(1);
    expect(perfect.mentionExact).toBe(1);
    expect(perfect.entities.places.f1).toBe(1);
    expect(perfect.sentimentAccuracy).toBe(1);
    const empty = score(gold, {});
    expect(empty.found).toBe(0);
    expect(empty.topics.kherson?.f1).toBe(0);
    expect(empty.entities.people.f1).toBe(0);
  });
});

describe('the data files', () => {
  const data = (f: string) =>
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'analysis', 'data', f), 'utf8'));
  it('are valid and say where they come from', () => {
    for (const f of ['gazetteer.json', 'world-places.json'])
      expect(Gazetteer.parse(data(f)).about.length).toBeGreaterThan(50);
    expect(PlaceNames.parse(data('world-cities.json')).names.length).toBeGreaterThan(1000);
    expect(NameCues.parse(data('name-cues.json')).firstNames.length).toBeGreaterThan(300);
  });
  it('give one canonical entry per name', () => {
    const names = Gazetteer.parse(data('gazetteer.json')).entities.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
