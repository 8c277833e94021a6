import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BoilerplateCues,
  Gazetteer,
  Lexicon,
  NameCues,
  PlaceNames,
  ToneCues,
} from '#shared/analysis/data-schemas.js';
import { DocumentFeatures } from '#shared/analysis/document-features.js';
import { normaliseText, splitSentences, tokenise } from '#shared/analysis/normalise.js';
import { SentimentScorer } from '#shared/analysis/sentiment.js';

const data = (f: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'analysis', 'data', f), 'utf8'),
  );

// The analyser reads these files without parsing them (a cold start would pay for zod).
describe('the data files read without a parse at cold start', () => {
  it('are valid: the sentiment lexicon, the tone cues, the boilerplate cues', () => {
    expect(Lexicon.parse(data('sentiment-lexicon.json')).negators.length).toBeGreaterThan(5);
    expect(ToneCues.parse(data('tone-cues.json')).about.length).toBeGreaterThan(20);
    expect(BoilerplateCues.parse(data('boilerplate.json')).wires.length).toBeGreaterThan(3);
  });
});

const texts: Record<string, string> = {
  en: "Russian troops retreated from Kherson. Shelling killed two civilians, but residents weren't afraid and celebrated the liberation.",
  fr: 'Les habitants ont célébré la libération de Kherson. Les bombardements ont tué deux civils.',
  de: 'Die Bewohner feierten die Befreiung. Bei dem Angriff wurden zwei Menschen getötet.',
  es: 'Los vecinos celebraron la liberación. El ataque mató a dos civiles.',
  ru: 'Жители радовались освобождению Херсона. Обстрел убил двух человек.',
  uk: 'Мешканці раділи звільненню Херсона. Обстріл убив двох людей.',
  und: 'Kherson. Frieden, paix, мир.',
  xx: 'Kherson liberation celebrated; два погибли.',
};
const scoresOf = (scorer: SentimentScorer, language: string) => {
  const text = normaliseText(texts[language] ?? '');
  return scorer.sentenceScores(tokenise(text), splitSentences(text), language);
};

// Each language's tables are built when first read: the order of first use must not matter.
describe('Class: SentimentScorer', () => {
  it('scores every language the same whichever language it read first', () => {
    const languages = Object.keys(texts);
    const inOrder = new SentimentScorer();
    const want = Object.fromEntries(languages.map((l) => [l, scoresOf(inOrder, l)]));
    for (const first of languages) {
      const scorer = new SentimentScorer();
      scoresOf(scorer, first);
      for (const l of [...languages].reverse()) expect(scoresOf(scorer, l)).toEqual(want[l]);
    }
    expect(want.en?.[0]).not.toBe(0);
    expect(want.uk?.[1]).toBeLessThan(0);
  });
});

describe('Class: DocumentFeatures', () => {
  it('gives every language the same features whichever language it read first', () => {
    const features = (f: DocumentFeatures, language: string) => {
      const text = normaliseText(texts[language] ?? '');
      const tokens = tokenise(text);
      return f.extract({
        language,
        titleTokens: tokens.slice(0, 3),
        titleScore: 0,
        text,
        tokens,
        sentences: splitSentences(text),
        sentenceScores: [0.1, -0.4],
      });
    };
    const languages = Object.keys(texts);
    const inOrder = new DocumentFeatures();
    const want = Object.fromEntries(languages.map((l) => [l, features(inOrder, l)]));
    for (const first of languages) {
      const f = new DocumentFeatures();
      features(f, first);
      for (const l of [...languages].reverse()) expect(features(f, l)).toEqual(want[l]);
    }
    expect(want.en?.['harm.body']).toBeGreaterThan(0);
  });
});

describe('the data files', () => {
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
