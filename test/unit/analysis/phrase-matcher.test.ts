import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenise } from '#shared/analysis/normalise.js';
import { groupMatchers } from '#shared/analysis/phrase-group.js';
import { PhraseMatcher } from '#shared/analysis/phrase-matcher.js';
import { compilePattern, deferPattern, termWords } from '#shared/analysis/phrase-pattern.js';

const data = join(import.meta.dirname, '..', '..', '..', 'shared', 'analysis', 'data');

/** The same term through the general path (a word with `*` after it, then dropped). */
const viaGeneralPath = (term: string) => compilePattern(`${term} x*`, true).words.slice(0, -1);

describe('Class: PhraseMatcher', () => {
  it('compiles a term without wildcards into the same word patterns as the general path', () => {
    const terms = ['Kherson', 'St. Petersburg-on-Sea', "O'Rourke & Sons", 'G7', 'U.S.', '  a  b  ', '-'];
    terms.push('Херсонська область', 'Jersón', 'Oleksiï', 'Ще\u0301 раз', "Кам'янське", '1½ ﬁre', 'ΟΔΟΣ');
    for (const term of terms) expect(compilePattern(term, true).words).toEqual(viaGeneralPath(term));
  });

  it('compiles wildcards and {Name}', () => {
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
    const values = (t: string) => m.match(tokenise(t)).map((x) => `${x.value}:${x.pattern}`);
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
    expect(m.match(tokenise('the kherson OBLAST and Kherson')).map((x) => x.value)).toEqual([
      'region',
      'city',
    ]);
  });
});

describe('deferPattern', () => {
  it('files ASCII names by their first word, compiled when a text holds it: the same matches as compiled at once', () => {
    const terms = [
      'Saint Petersburg',
      'Saint-Étienne',
      'Saint',
      'saint',
      'St. Louis',
      'Kyiv',
      'Kyïv',
      'Kyiv Oblast',
    ];
    terms.push('negotiat*', 'peace talks', 'Peace', '{Name} said', 'Херсон', '-', 'Sea of Azov', 'G7');
    const entries = terms.map((t, i) => [t, i] as const);
    const eager = new PhraseMatcher(entries.map(([t, v]) => compilePattern(t, v)));
    const texts = [
      'Saint Petersburg and Saint-Étienne, saint Louis; St. Louis, Kyiv Oblast, Kyïv and Kyiv.',
      'Peace talks: Kyiv said. G7 negotiators in Херсон, the Sea of Azov, saint.',
    ];
    const deferred = new PhraseMatcher(entries.map(([t, v]) => deferPattern(t, v)));
    for (const text of [...texts, ...texts].reverse())
      expect(deferred.match(tokenise(text))).toEqual(eager.match(tokenise(text)));
    expect(eager.match(tokenise(texts[0] ?? '')).length).toBeGreaterThan(6);
  });
});

describe('termWords', () => {
  it('finds the words of a term as the pattern of the matcher does', () => {
    const reference = (term: string) =>
      [...term.matchAll(/\{Name\}|\*?[\p{L}\p{N}\p{M}]+\*?/gu)].map((m) => m[0]);
    const topics = JSON.parse(readFileSync(join(data, '..', '..', 'topics', 'default-topics.json'), 'utf8'));
    const terms = [
      ...[
        'a*b',
        'a**b',
        '*a*b*',
        '**a',
        'a**',
        '*',
        '',
        '{Name}',
        '*{Name}*',
        '{Name}x',
        'x{Name}',
        '{Name',
        'Name}',
      ],
      ...[
        '{Names}',
        '{{Name}}',
        '*{Name}*x',
        '{Name}*{Name}',
        '*a*{Name}',
        'settlement of {Name}',
        'негоціац* *verhandlung*',
      ],
      ...['Ще\u0301*', '*\u0301a', '1½*', 'ﬁ*re', "Кам'ян*", 'a-b*-*c'],
      ...(JSON.stringify(topics).match(/"[^"]*\*[^"]*"/g) ?? []).map((t) => JSON.parse(t) as string),
    ];
    for (const term of terms) expect(termWords(term)).toEqual(reference(term));
  });
});

describe('Class: PhraseGroup', () => {
  it('gives each member the matches it finds alone, whatever tokens the group read before', () => {
    const lists = [
      ['peace talks', 'negotiat*'],
      ['wage negotiat*', '*verhandlung*'],
      ['Kherson', '{Name} said'],
    ];
    const alone = lists.map((terms) => PhraseMatcher.fromTerms(terms.map((t) => [t, t] as const)));
    const grouped = lists.map((terms) => PhraseMatcher.fromTerms(terms.map((t) => [t, t] as const)));
    groupMatchers([grouped[0], undefined, grouped[1], grouped[2]]);
    const texts = [
      'Peace talks on Kherson; wage negotiations. Kherson said. Friedensverhandlungen.',
      'negotiators met in Kherson',
    ].map((t) => tokenise(t));
    for (const tokens of [...texts, ...texts, texts[0] ?? []])
      grouped.forEach((m, k) => {
        expect(m.match(tokens)).toEqual(alone[k]?.match(tokens));
      });
    expect(grouped[0]?.match(texts[0] ?? []).length).toBe(2);
  });
});
