import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyser, splitHeadline } from '#shared/analysis/analyse.js';
import { stripBoilerplate } from '#shared/analysis/boilerplate.js';
import { foldForMatch, splitSentences, tokenise } from '#shared/analysis/normalise.js';
import { defaultTopics } from '#shared/topics/load.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const analyser = new Analyser(defaultTopics());
const mentions = (body: string) =>
  Object.fromEntries(Object.entries(analyser.analyse({ body }).topics).map(([id, t]) => [id, t.mentions]));

describe('Analyser: the seed article', () => {
  const seed = readFileSync(join(fixtures, 'seed-article.txt'), 'utf8');
  const gold = JSON.parse(readFileSync(join(fixtures, 'seed-article.gold.json'), 'utf8'));
  const result = analyser.analyse({ body: seed });

  it('counts kherson and negotiations as the gold annotation does', () => {
    expect(result.topics.kherson?.mentions).toBe(gold.topics.kherson.mentions);
    expect(result.topics.negotiations?.mentions).toBe(gold.topics.negotiations.mentions);
    expect(gold.topics.kherson.mentions).toBe(8);
    expect(gold.topics.negotiations.mentions).toBe(4);
  });

  it('gives a sentiment score in [-1, 1]', () => {
    expect(result.sentiment.score).toBeGreaterThanOrEqual(-1);
    expect(result.sentiment.score).toBeLessThanOrEqual(1);
  });

  // A known miss of the document model (it reads the hopeful close on talks as the article's tone):
  // this test fails, as it says, until a model labels the seed as its gold does.
  it.fails('labels the article as the gold does (known miss)', () => {
    expect(result.sentiment.label).toBe(gold.sentiment.label);
  });

  it('removes the three "Read also" lines before analysis', () => {
    expect(result.boilerplateLines).toBe(gold.boilerplate.length);
    expect(result.entities.map((e) => e.name)).not.toContain('Bali');
  });

  it('merges aliases into canonical entity names', () => {
    const names = result.entities.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['Dnipro River', 'Bakhmut', 'Kyiv', 'Volodymyr Zelensky', 'Mark Milley']),
    );
    expect(names).not.toContain('Dnieper');
    expect(names).not.toContain('Bakhmout');
    const zelensky = result.entities.find((e) => e.name === 'Volodymyr Zelensky');
    expect(zelensky?.mentions).toBe(2);
    expect(zelensky?.type).toBe('person');
  });

  it('detects English', () => {
    expect(result.language).toBe('en');
  });
});

describe('Topic matching', () => {
  it('counts a multi-word place name once ("Kherson region" is one mention)', () => {
    expect(mentions('Troops left the Kherson region on Friday.').kherson).toBe(1);
  });

  it('counts Cyrillic and inflected forms', () => {
    expect(mentions('Українські війська увійшли в Херсон. У Херсоні свято.').kherson).toBe(2);
  });

  it('ignores case and diacritics (Jersón, KHERSON)', () => {
    expect(mentions('Las tropas entraron en Jersón. KHERSON is free.').kherson).toBe(2);
  });

  it('does not count wage negotiations or trade talks', () => {
    const body = 'Nurses began wage negotiations on Monday. Trade talks with Japan resumed.';
    expect(mentions(body).negotiations).toBeUndefined();
  });

  it('counts war talks only near war context', () => {
    expect(mentions('Kyiv and Moscow could return to peace talks.').negotiations).toBe(1);
    expect(mentions('The union said the talks would continue next week.').negotiations).toBeUndefined();
  });

  it('counts two adjacent terms that form one phrase once ("ceasefire talks")', () => {
    expect(mentions('Russia and Ukraine held ceasefire talks in Istanbul.').negotiations).toBe(1);
  });

  it('counts a term inside a compound (Friedensverhandlungen)', () => {
    expect(
      mentions('Die Friedensverhandlungen zwischen Russland und der Ukraine stocken.').negotiations,
    ).toBe(1);
  });

  it('matches whole words only: a term inside another word does not count', () => {
    expect(mentions('Akherson and Kher son are not Kherson.').kherson).toBe(1);
  });
});

describe('Normalisation', () => {
  it('folds case and Latin diacritics but keeps Cyrillic й and ї', () => {
    expect(foldForMatch('Jersón')).toBe('jerson');
    expect(foldForMatch('Київ')).toBe('київ');
    expect(foldForMatch('Зеленський')).toBe('зеленський');
  });

  it('tokenises across curly apostrophes and hyphens', () => {
    expect(tokenise('Kherson’s Pervomaiske-Kherson').map((t) => t.norm)).toEqual([
      'kherson',
      's',
      'pervomaiske',
      'kherson',
    ]);
  });

  it('splits sentences at terminal punctuation and at line breaks', () => {
    const text = 'One sentence. Another one!\nA heading\nLast.';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'One sentence.',
      'Another one!',
      'A heading',
      'Last.',
    ]);
  });

  it('strips "Read also", bylines and photo credits, keeping the rest', () => {
    const body = ['• Read also: Something else', 'By Jane Doe, AFP', 'Real text.', 'Photo: Reuters'].join(
      '\n',
    );
    expect(stripBoilerplate(body).text.trim()).toBe('Real text.');
  });
});

describe('Headline detection', () => {
  it('takes a short first line without a final period as the title', () => {
    expect(splitHeadline('Ukraine retakes Kherson\nThe city was freed.')).toEqual({
      title: 'Ukraine retakes Kherson',
      body: 'The city was freed.',
    });
  });

  it('keeps a first line that reads as a sentence in the body', () => {
    const text = 'Ukraine announced on Thursday the reconquest of villages.\nMore text.';
    expect(splitHeadline(text).title).toBeUndefined();
  });
});
