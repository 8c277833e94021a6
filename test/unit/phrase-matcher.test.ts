import { describe, expect, it } from 'vitest';
import { compilePattern, PhraseMatcher } from '#shared/analysis/phrase-matcher.js';

/** The same term through the Unicode path: a non-ASCII word after it, then dropped. */
const viaUnicode = (term: string) => compilePattern(`${term} é`, true).words.slice(0, -1);

describe('Class: PhraseMatcher', () => {
  it('compiles an ASCII term into the same word patterns as the Unicode path', () => {
    for (const term of ['Kherson', 'St. Petersburg-on-Sea', "O'Rourke & Sons", 'G7', 'U.S.', '  a  b  ', '-'])
      expect(compilePattern(term, true).words).toEqual(viaUnicode(term));
  });

  it('keeps wildcards and {Name} off the ASCII path', () => {
    expect(compilePattern('negotiat* {Name}', true).words).toEqual([
      { kind: 'prefix', text: 'negotiat' },
      { kind: 'name', text: '' },
    ]);
  });

  it('finds the same matches for a word seen before in another case or context (candidates are memoised)', () => {
    const m = PhraseMatcher.fromTerms([
      ['{Name} said', 'name'],
      ['negotiat*', 'prefix'],
      ['n*', 'short'],
      ['*verhandlung*', 'infix'],
      ['ne talks', 'exact'],
    ]);
    const text =
      'kherson said. Kherson said. negotiators, ne talks; Friedensverhandlungen, n. ne Kherson said';
    const values = (t: string) => m.matchText(t).map((x) => `${x.value}:${x.pattern}`);
    const want = [
      'name:{Name} said',
      'prefix:negotiat*',
      'exact:ne talks',
      'infix:*verhandlung*',
      'short:n*',
    ];
    expect(values(text)).toEqual([...want, 'short:n*', 'name:{Name} said']);
    expect(values(text)).toEqual(values(text));
    expect(values('kherson said')).toEqual([]);
  });

  it('matches an ASCII phrase case-insensitively, longest first', () => {
    const m = PhraseMatcher.fromTerms([
      ['Kherson', 'city'],
      ['Kherson Oblast', 'region'],
    ]);
    expect(m.matchText('the kherson OBLAST and Kherson').map((x) => x.value)).toEqual(['region', 'city']);
  });
});
