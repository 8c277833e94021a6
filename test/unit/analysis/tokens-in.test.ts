import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripBoilerplate } from '#shared/analysis/boilerplate.js';
import { normaliseText, splitSentences, tokenise, tokensIn } from '#shared/analysis/normalise.js';
import { readSet } from '../../../scripts/eval/run.js';

describe('tokensIn', () => {
  it("gives each sentence's tokens as tokenising the sentence alone does (every dev and blind5 article)", () => {
    const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
    const articles = ['dev', 'blind5'].flatMap((set) => readSet(join(fixtures, set)).articles);
    let sentences = 0;
    for (const { body } of articles) {
      const { text } = stripBoilerplate(normaliseText(body));
      const tokens = tokenise(text);
      for (const s of splitSentences(text)) {
        expect(tokensIn(tokens, s)).toEqual(tokenise(text.slice(s.start, s.end)));
        sentences++;
      }
    }
    expect(sentences).toBeGreaterThan(500);
  });

  it('reads words with marks, digits and scripts, and sentences that end without a break', () => {
    const text = 'Oleksiï Jersón (Херсон, 2022)… Ще\u0301 раз!\nНе\u0301т 5G. Done';
    const tokens = tokenise(text);
    for (const s of splitSentences(text))
      expect(tokensIn(tokens, s)).toEqual(tokenise(text.slice(s.start, s.end)));
  });
});
