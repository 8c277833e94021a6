/**
 * Cold start proxy: each Lambda bundle built as the CDK builds it (esbuild --bundle --minify
 * --platform=node --format=esm --target=node22, the createRequire banner, the topic file compiled
 * in), its size, and the time to import it in a fresh Node process as a ratio to importing an
 * empty handler bundle built the same way, interleaved, median of several rounds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { defaultTopics } from '#shared/topics/load.js';
import { median, type Row, r2, root, type SectionResult } from '../lib.js';

const BANNER = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

export async function coldStartSection(rounds = 9): Promise<SectionResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'trendwire-bench-cold-'));
  try {
    const emptyEntry = join(tmp, 'empty.ts');
    writeFileSync(emptyEntry, 'export const handler = async () => ({ statusCode: 200 });\n');
    const entries = {
      empty: emptyEntry,
      ingest: join(root, 'functions', 'ingest.ts'),
      api: join(root, 'functions', 'api.ts'),
    };
    const sizes: Record<string, { bytes: number; gzipBytes: number }> = {};
    for (const [name, entry] of Object.entries(entries)) {
      const outfile = join(tmp, `${name}.mjs`);
      await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: { js: BANNER },
        define: { TRENDWIRE_TOPICS: JSON.stringify(JSON.stringify(defaultTopics())) },
        outfile,
        logLevel: 'error',
      });
      sizes[name] = { bytes: statSync(outfile).size, gzipBytes: gzipSync(readFileSync(outfile)).length };
    }
    // A fresh process per import, as a Lambda cold start; the three interleaved each round.
    const probe = join(tmp, 'probe.mjs');
    writeFileSync(
      probe,
      'const t = performance.now(); await import(process.argv[2]); process.stdout.write(String(performance.now() - t));\n',
    );
    const env = { ...process.env, TABLE_NAME: 'trendwire', AWS_REGION: 'us-east-1', NODE_NO_WARNINGS: '1' };
    const times: Record<string, number[]> = { empty: [], ingest: [], api: [] };
    for (let i = 0; i < rounds; i++) {
      for (const name of Object.keys(entries)) {
        const out = execFileSync(process.execPath, [probe, join(tmp, `${name}.mjs`)], {
          encoding: 'utf8',
          env,
        });
        times[name]?.push(Number(out));
      }
    }
    const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<
      string,
      number
    >;
    const empty = med.empty ?? Number.NaN;
    const kb = (b: number) => `${Math.round(b / 1024)} KB`;
    const rows: Row[] = [];
    for (const name of ['ingest', 'api'] as const) {
      const s = sizes[name] as { bytes: number; gzipBytes: number };
      rows.push({
        section: 'coldstart',
        figure: `functions/${name}.ts bundle, minified (gzip)`,
        value: `${kb(s.bytes)} (${kb(s.gzipBytes)})`,
      });
      rows.push({
        section: 'coldstart',
        figure: `import functions/${name}.ts bundle / empty handler bundle (fresh process, median of ${rounds})`,
        value: `${r2((med[name] ?? Number.NaN) / empty)} (${r2(med[name] ?? Number.NaN)} vs ${r2(empty)} ms)`,
      });
    }
    return {
      rows,
      data: {
        rounds,
        esbuild:
          '--bundle --minify --platform=node --format=esm --target=node22, createRequire banner, topics defined',
        sizes,
        importMsMedian: Object.fromEntries(Object.entries(med).map(([k, v]) => [k, r2(v)])),
        importMsAll: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map(r2)])),
        ratioToEmpty: { ingest: r2((med.ingest ?? 0) / empty), api: r2((med.api ?? 0) / empty) },
      },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
