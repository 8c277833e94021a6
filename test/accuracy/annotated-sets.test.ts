import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { defaultTopics } from '#shared/topics/load.js';
import { loadCompromise, predictWith, predictWithCompromise, readSet } from '../../scripts/eval/run.js';
import { score } from '../../scripts/eval/score.js';

/**
 * Accuracy gates on the annotated sets: the topic and entity targets on the sets the rules were
 * written on, and floors on the first blind set. (Document sentiment's gate, on the held-out split,
 * is document-sentiment.test.ts; these sets are its training data.)
 */
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

/**
 * Every looked-at set together (dev, extra, holdout, blind2–blind20; all tuned on or opened, so
 * a floor that catches regressions, not a measure of unseen articles): measured for issue 19's
 * counting fixes with `npx tsx scripts/eval.ts test/fixtures/{dev,extra,holdout,blind2..18}` —
 * exact counts on 608 of 625 pairs (0.973; negotiations 0.936, kherson 0.997), organisations
 * P/R/F1 0.933 / 0.862 / 0.896 over the sets annotated for entities. Session 9's counting rules
 * (analyser revision 8), with blind19 added: 641 of 652 pairs (0.983; negotiations 252/262 0.962,
 * kherson 389/390 0.997), measured with eval-style scoring of every set. Session 9's third round
 * (analyser revision 9, rules designed on blind20's errors), with blind20 added: 670 of 679 pairs
 * (0.987; blind2–19 etc. 642/651, blind20 28/28), `npx tsx scripts/eval/count-pairs.ts`.
 */
describe('all looked-at sets together do not get worse', () => {
  const names = ['dev', 'extra', 'holdout', ...Array.from({ length: 19 }, (_, k) => `blind${k + 2}`)];
  const totals = { exact: 0, pairs: 0, tp: 0, fp: 0, fn: 0 };
  for (const name of names) {
    const set = readSet(join(fixtures, name));
    const s = score(set.gold, predictWith(analyser, set));
    for (const [id, g] of Object.entries(set.gold)) {
      const row = s.perArticle[id] as { topics: Record<string, unknown> } | undefined;
      for (const t of ['kherson', 'negotiations']) {
        const want = Number(g.topics?.[t] || 0);
        const wrong = row?.topics[t] !== undefined;
        // a pair is scored when either side holds a mention: gold > 0 or a wrong count
        if (want > 0 || wrong) totals.pairs++;
        if (want > 0 && !wrong) totals.exact++;
      }
    }
    totals.tp += s.entities.organizations.tp;
    totals.fp += s.entities.organizations.fp;
    totals.fn += s.entities.organizations.fn;
  }
  it('exact counts on >= 0.985 of pairs, organisations F1 >= 0.88', () => {
    expect(totals.exact / totals.pairs).toBeGreaterThanOrEqual(0.985);
    const f1 = (2 * totals.tp) / (2 * totals.tp + totals.fp + totals.fn);
    expect(f1).toBeGreaterThanOrEqual(0.88);
  });
});
