import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { normaliseMapped, normaliseText } from '#shared/analysis/normalise.js';
import { defaultTopics } from '#shared/topics/load.js';
import { TopicFile } from '#shared/topics/schema.js';
import { labelledArticles } from '../../../scripts/train/document-data.js';

const analyser = new Analyser(defaultTopics());
const articles = labelledArticles();

describe('normaliseMapped', () => {
  it('gives exactly normaliseText, on every annotated article and on awkward text', () => {
    const awkward = [
      'Cafe\u0301 \u201cquoted\u201d\r\nline\rnext\u200bjoined\uFEFF — dash',
      'e\u0301\u0301 \u00AB\u0418\u0306\u00BB\r\n\r\n',
      '',
      '\r',
    ];
    for (const body of [...articles.map((a) => a.body), ...awkward]) {
      expect(normaliseMapped(body).text).toBe(normaliseText(body));
    }
  });

  it('says where each character came from', () => {
    const input = 'A\r\nCafe\u0301 \u201cB\u201d';
    const { text, start, end } = normaliseMapped(input);
    expect(text).toBe('A\nCafé "B"');
    const at = text.indexOf('é');
    expect(input.slice(start[at], end[at])).toBe('e\u0301');
    expect(input.slice(start[text.indexOf('B')], end[text.indexOf('B')])).toBe('B');
  });
});

describe('Analyser.explain', () => {
  it('shows every counted mention, at offsets that hold it in the analysed text and in the input', () => {
    let checked = 0;
    for (const a of articles) {
      const input = { body: a.body, title: a.title, language: a.language };
      const { analysis, text, matches, toInput } = analyser.explain(input);
      expect(analysis).toEqual(analyser.analyse(input));
      for (const [topic, spans] of Object.entries(matches)) {
        expect(spans.length, `${a.id} ${topic}`).toBe(analysis.topics[topic]?.mentions ?? 0);
        for (const m of spans) {
          const [s, e] = toInput(m.start, m.end);
          expect(normaliseText(a.body.slice(s, e)), a.id).toBe(text.slice(m.start, m.end));
          expect(m.sentence.start).toBeLessThanOrEqual(m.start);
          expect(m.sentence.end).toBeGreaterThanOrEqual(m.end);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('maps offsets past a removed byline, dateline and CRLF line ends back to the input', () => {
    const body =
      'By Jane Doe\r\n\r\nKYIV, Nov 11 (Reuters) - Troops entered Kherson on Friday.\r\nRead also: Kherson news\r\nPeople in Kherson\u2019s centre cheered.';
    const { text, matches, toInput } = analyser.explain({ body, language: 'en' });
    expect(text).not.toContain('Reuters');
    const spans = matches.kherson ?? [];
    expect(spans).toHaveLength(2);
    const inInput = spans.map((m) => body.slice(...toInput(m.start, m.end)));
    expect(inInput).toEqual(['Kherson', 'Kherson']);
    expect(toInput(spans[1]?.start ?? 0, spans[1]?.end ?? 0)[0]).toBe(body.lastIndexOf('Kherson'));
  });
});

describe('topic terms as text spells them', () => {
  const custom = (terms: string[]) =>
    analyser.withTopics(TopicFile.parse({ version: 1, topics: [{ id: 't', label: 'T', terms }] }));
  const mentions = (terms: string[], body: string) =>
    custom(terms).analyse({ body, language: 'en' }).topics.t?.mentions ?? 0;

  it('match punctuation, initials, apostrophes and possessives', () => {
    expect(mentions(['Judge Gorsuch'], 'Judge Gorsuch wrote the opinion; Gorsuch alone did not.')).toBe(1);
    expect(mentions(['U.S. officials'], 'U.S. officials said so. US officials too. U.S. officers no.')).toBe(
      1,
    );
    expect(mentions(["O'Rourke"], "O\u2019Rourke spoke, then O'Rourke left. Rourke stayed.")).toBe(2);
    expect(mentions(["Kherson's"], "Kherson's mayor met Kherson officials.")).toBe(1);
  });

  it('leave the configured analyser as it was', () => {
    const other = custom(['mayor']);
    expect(other.version).not.toBe(analyser.version);
    expect(analyser.analyse({ body: 'The mayor of Kherson.', language: 'en' }).topics.t).toBeUndefined();
  });
});
