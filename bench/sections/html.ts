/**
 * HTML articles against text articles, in the same run: articles per second on one core through
 * parseArticleObject + Analyser.analyse, for each page as `.html` and for the text extracted from
 * it as `.txt` (so the analysis is the same and the difference is reading the page), interleaved
 * rounds, the median of each; and the first article's time in a fresh process, HTML (which
 * imports the extractor, lazily) against text (which never does). Pages: the 88 real pages of
 * ../shared/datasets/article-extraction when present, else test/fixtures/html.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { Analyser } from '#shared/analysis/analyse.js';
import { parseArticleObject } from '#shared/ingest/parse.js';
import { defaultTopics } from '#shared/topics/load.js';
import { median, type Row, r2, root, type SectionResult } from '../lib.js';

function pages(): { from: string; html: Buffer[] } {
  const shared = resolve(root, '..', 'shared', 'datasets', 'article-extraction', 'html');
  if (existsSync(shared)) {
    const files = readdirSync(shared).filter((f) => f.endsWith('.html.gz'));
    return { from: 'the 88 shared pages', html: files.map((f) => gunzipSync(readFileSync(join(shared, f)))) };
  }
  const dir = join(root, 'test', 'fixtures', 'html');
  const files = readdirSync(dir).filter((f) => f.endsWith('.html') && f !== 'empty.html');
  return { from: 'test/fixtures/html', html: files.map((f) => readFileSync(join(dir, f))) };
}

export async function htmlSection(): Promise<SectionResult> {
  const { from, html } = pages();
  const analyser = new Analyser(defaultTopics());
  const eventTime = '2022-11-10T00:00:00.000Z';
  const asHtml = html.map((bytes, i) => ({ key: `p${i}.html`, bytes, metadata: {}, eventTime }));
  const asText = await Promise.all(
    asHtml.map(async (o) => {
      const a = await parseArticleObject(o).catch(() => undefined);
      return { ...o, key: o.key.replace('.html', '.txt'), bytes: Buffer.from(a?.body ?? 'Empty.') };
    }),
  );
  const run = async (objects: typeof asHtml, ms: number) => {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      for (const o of objects) {
        const a = await parseArticleObject(o).catch(() => undefined);
        if (a) analyser.analyse({ body: a.body, title: a.title, language: a.language });
      }
      n += objects.length;
    }
    return n / ((performance.now() - start) / 1000);
  };
  await run(asHtml, 1); // warm-up
  await run(asText, 1);
  const rounds: { html: number; text: number }[] = [];
  for (let i = 0; i < 5; i++) rounds.push({ html: await run(asHtml, 1500), text: await run(asText, 1500) });
  const htmlRate = median(rounds.map((r) => r.html));
  const textRate = median(rounds.map((r) => r.text));

  // The first article in a fresh process, the parser bundled as the Lambda ships it: an HTML one
  // imports the extractor (lazily) and reads the page, a text one does neither.
  const tmp = mkdtempSync(join(tmpdir(), 'trendwire-bench-html-'));
  await build({
    entryPoints: [join(root, 'shared/ingest/parse.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    outfile: join(tmp, 'parser.mjs'),
    logLevel: 'error',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  const sample = asHtml[0] as (typeof asHtml)[number];
  writeFileSync(join(tmp, 'p.html'), sample.bytes);
  writeFileSync(join(tmp, 'p.txt'), (asText[0] as (typeof asText)[number]).bytes);
  const firstArticleMs = (file: string) => {
    const probe = join(tmp, `probe-${file}.mjs`);
    writeFileSync(
      probe,
      `import { readFileSync } from 'node:fs';const m=await import('${join(tmp, 'parser.mjs')}');` +
        `const bytes=readFileSync('${join(tmp, file)}');const t=performance.now();` +
        `await m.parseArticleObject({key:'${file}',bytes,metadata:{},eventTime:'${eventTime}'});` +
        'process.stdout.write(String(performance.now()-t));',
    );
    return median(
      Array.from({ length: 7 }, () => Number(execFileSync(process.execPath, [probe], { encoding: 'utf8' }))),
    );
  };
  const firstHtml = firstArticleMs('p.html');
  const firstText = firstArticleMs('p.txt');
  rmSync(tmp, { recursive: true, force: true });

  const rows: Row[] = [
    {
      section: 'html',
      figure: `HTML articles/s on one core (parse + extract + analyse, ${from}) / the same articles as .txt`,
      value: `${Math.round(htmlRate)} / ${Math.round(textRate)} = ${r2(htmlRate / textRate)}`,
      note: `${r2(1000 / htmlRate - 1000 / textRate)} ms more per article for reading the page`,
    },
    {
      section: 'html',
      figure: 'first article in a fresh process, parser bundled: an HTML page / its text as .txt',
      value: `${r2(firstHtml)} ms / ${r2(firstText)} ms`,
      note: 'the HTML one includes importing the extractor (linkedom, Readability), which text never loads',
    },
  ];
  return {
    rows,
    data: {
      pages: html.length,
      from,
      rounds: rounds.map((r) => ({ html: Math.round(r.html), text: Math.round(r.text) })),
      htmlArticlesPerSecond: Math.round(htmlRate),
      textArticlesPerSecond: Math.round(textRate),
      ratio: r2(htmlRate / textRate),
      extraMsPerArticle: r2(1000 / htmlRate - 1000 / textRate),
      firstHtmlArticleMs: r2(firstHtml),
      firstTextArticleMs: r2(firstText),
    },
  };
}
