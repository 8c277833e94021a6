import { describe, expect, it } from 'vitest';
import { LinearModelData } from '#shared/analysis/linear-model-data.js';
import { splitSentences, tokenise } from '#shared/analysis/normalise.js';
import model from '#shared/topics/data/talks-judge.model.json' with { type: 'json' };
import { type Judge, type JudgeInput, ModelJudge } from '#shared/topics/judge.js';
import { countedByRules, judgeFeatures } from '#shared/topics/judge-features.js';
import { defaultTopics } from '#shared/topics/load.js';
import { TopicMatcher } from '#shared/topics/matcher.js';
import { TopicDefinition } from '#shared/topics/schema.js';

/** The rules alone: a judge that keeps what they counted. */
const rulesOnly: Judge = {
  decide: (input) => input.candidates.map((c) => countedByRules(c.verdict)),
};
const topics = defaultTopics().topics;
const withJudge = new TopicMatcher(topics);
const withoutJudge = new TopicMatcher(topics, () => rulesOnly);
const count = (matcher: TopicMatcher, text: string) =>
  matcher.match(text, tokenise(text), splitSentences(text)).get('negotiations')?.mentions ?? 0;

describe('the talks judge (a learned second opinion on the context rules)', () => {
  it('is a valid two-class model with a threshold, named by the default negotiations topic', () => {
    const data = LinearModelData.parse(model);
    expect(data.classes).toEqual(['other', 'war']);
    // At least even odds for the war's talks (0.5, chosen on blind62/63 among 0.5, 0.6 and 0.7).
    expect((model as { meta: { threshold: number } }).meta.threshold).toBeGreaterThanOrEqual(0.5);
    expect(topics.find((t) => t.id === 'negotiations')?.context?.judge).toBe('talks');
    expect(topics.find((t) => t.id === 'kherson')?.context?.judge).toBeUndefined();
  });

  it.each([
    'Officials said talks to end the war in Ukraine could resume in spring.',
    'Russian and Ukrainian delegations met in Istanbul for peace talks on Friday.',
    'Russia launched 90 drones overnight. Kyiv said a ceasefire was not possible while the attacks went on.',
  ])('keeps the war’s talks the rules count: %s', (text) => {
    expect(count(withoutJudge, text)).toBeGreaterThan(0);
    expect(count(withJudge, text)).toBe(count(withoutJudge, text));
  });

  it.each([
    // Gas transit and fishing quotas beside the war: the rules count the talks, their words are other bargaining.
    'Slovak Prime Minister Robert Fico travelled to Moscow as the contract for Russian gas transit through Ukraine neared its expiry. ' +
      'Fico said he had held talks with Vladimir Putin on keeping gas flowing to Slovakia by other routes. ' +
      'Brussels officials described the negotiations as a bilateral commercial matter.',
    'Norway and Russia agreed on Friday on next year’s cod quota in the Barents Sea, the one area where the two neighbours still cooperate despite the war in Ukraine. ' +
      'The annual talks were held by video link for the third year in a row. ' +
      'Moscow has threatened to end the fisheries deal if Norway keeps closing its ports to Russian trawlers.',
  ])('overrules the rules where the words around a mention are another subject’s: %s', (text) => {
    expect(count(withJudge, text)).toBeLessThan(count(withoutJudge, text));
  });

  it('leaves a text of fewer than three sentences to the rules (it learnt from none so short)', () => {
    // A judge that vetoes everything: it decides only from the third sentence on.
    const vetoAll = new ModelJudge({
      classes: ['other', 'war'],
      intercept: [0, -10],
      weights: {},
      meta: { threshold: 0.7 },
    });
    const matcher = new TopicMatcher(topics, () => vetoAll);
    const two = 'Russian drones struck Odesa overnight. Kyiv said peace talks would resume in Istanbul.';
    expect(count(matcher, two)).toBe(1);
    expect(count(matcher, `${two} Ankara confirmed the date.`)).toBe(0);
    expect(
      count(
        withJudge,
        'The UAE said it had conducted the negotiations between the two sides over weeks after Russia asked.',
      ),
    ).toBe(1);
  });

  it('reads the rules’ verdict, the term, the war’s words around it and the words of its sentence', () => {
    const text = 'Russia shelled Kherson again. The talks in Istanbul stalled.';
    let input: JudgeInput | undefined;
    new TopicMatcher(topics, () => ({
      decide(i) {
        input = i;
        return rulesOnly.decide(i);
      },
    })).match(text, tokenise(text), splitSentences(text));
    if (!input) throw new Error('no candidate reached the judge');
    const f = Object.fromEntries(judgeFeatures(input, 0));
    expect(f).toMatchObject({ 'v:counted': 1, 't:talks': 1, 'c:prev': 1, 'w:istanb': 1, 'p:kherso': 1 });
    expect(f['v:other']).toBeUndefined();
    expect(new ModelJudge().probabilities(input)[0]).toBeGreaterThan(0.7);
  });

  it('refuses a model without a war class or a threshold, and a topic naming an unknown judge', () => {
    expect(
      () => new ModelJudge({ classes: ['a', 'b'], intercept: [0, 0], weights: {}, meta: { threshold: 0.5 } }),
    ).toThrow(/war/);
    expect(() => new ModelJudge({ classes: ['other', 'war'], intercept: [0, 0], weights: {} })).toThrow(
      /threshold/,
    );
    const negotiations = topics.find((t) => t.id === 'negotiations');
    const bad = { ...negotiations, context: { ...negotiations?.context, judge: 'oracle' } };
    expect(TopicDefinition.safeParse(bad).success).toBe(false);
  });
});
