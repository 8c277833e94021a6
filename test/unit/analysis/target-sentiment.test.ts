import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import model from '#shared/analysis/data/target-sentiment.model.json' with { type: 'json' };
import lexiconModel from '#shared/analysis/data/target-sentiment-lexicon.model.json' with { type: 'json' };
import { modelTable } from '#shared/analysis/linear-model.js';
import { LinearModelData } from '#shared/analysis/linear-model-data.js';
import type { Span } from '#shared/analysis/target-features.js';
import { TargetSentiment } from '#shared/analysis/target-sentiment.js';
import { newsMtscDir, readNewsMtsc, root } from '../../../scripts/train/target-data.js';

const target = new TargetSentiment();
/** The spans of each given mention (its first occurrence) in the sentence. */
const spansOf = (sentence: string, ...mentions: string[]): Span[] =>
  mentions.map((m) => {
    const start = sentence.indexOf(m);
    return { start, end: start + m.length };
  });
const towards = (sentence: string, ...mentions: string[]) =>
  target.predict(sentence, spansOf(sentence, ...mentions)).label;
const inLanguage = (language: string, sentence: string, mention: string) =>
  target.predict(sentence, spansOf(sentence, mention), language);

describe('the target sentiment model', () => {
  it('weighs only features that target-features computes', () => {
    const data = LinearModelData.parse(model);
    const lexicon = LinearModelData.parse(lexiconModel);
    // Every feature of the model was computed from NewsMTSC's train.jsonl by the code of today;
    // a renamed or removed feature would silently weigh nothing. Without the data set beside
    // the repository, the devtest copy shows the dense features (the word ones are open-ended).
    const train = join(newsMtscDir, 'train.jsonl');
    const source = existsSync(train) ? train : join(root, 'test/fixtures/newsmtsc/devtest_mt.jsonl');
    const computed = new Set<string>();
    for (const e of readNewsMtsc(source))
      for (const name of Object.keys(target.featuresOf(e.sentence, e.spans))) computed.add(name);
    const families = new Set([...computed].map((name) => name.split(':')[0]));
    const missing = [...modelTable(data).names, ...modelTable(lexicon).names].filter((name) =>
      source === train ? !computed.has(name) : !families.has(name.split(':')[0]),
    );
    expect(missing).toEqual([]);
  });

  it('reads an accusation as negative towards the accused', () => {
    expect(towards('Critics accused Smith of lying to investigators.', 'Smith')).toBe('negative');
  });

  it('reads a plain statement as neutral towards the speaker', () => {
    expect(towards('Smith said on Monday that the committee would meet again in March.', 'Smith')).toBe(
      'neutral',
    );
  });

  it('reads praise as positive towards the praised', () => {
    expect(
      towards(
        'Residents praised Mayor Garcia for her calm and effective leadership during the floods.',
        'Mayor Garcia',
        'her',
      ),
    ).toBe('positive');
  });

  it('gives two targets of one sentence their own labels', () => {
    const s = 'Voters rewarded Miller for a clean campaign, while Brown was condemned for his lies.';
    expect(towards(s, 'Miller')).toBe('positive');
    expect(towards(s, 'Brown', 'his')).toBe('negative');
  });

  it('reads another language by its lexicon alone, and nothing into words it does not know', () => {
    expect(inLanguage('fr', 'Le maire Dupont a été tué dans un bombardement.', 'Dupont').label).toBe(
      'negative',
    );
    expect(inLanguage('uk', 'Мешканці подякували меру Коваленку за допомогу.', 'Коваленку').label).toBe(
      'positive',
    );
    const unknown = inLanguage('de', 'Kritiker warfen Schmidt Lügen und Korruption vor.', 'Schmidt');
    expect(unknown.label).toBe('neutral');
    expect(Math.abs(unknown.score)).toBeLessThan(0.2);
  });

  it('gives a score in [-1, 1] with three decimals', () => {
    const { score } = target.predict(
      'Critics accused Smith of lying.',
      spansOf('Critics accused Smith of lying.', 'Smith'),
    );
    expect(Math.abs(score)).toBeLessThanOrEqual(1);
    expect(Math.round(score * 1000) / 1000).toBe(score);
  });
});
