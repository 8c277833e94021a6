import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/** The analysis module as the bench and the Lambdas bundle it (issue 19's cold-start work). */
async function bundle() {
  const result = await build({
    stdin: {
      contents:
        "export { Analyser } from './shared/analysis/analyse.ts';\nexport { defaultTopics } from './shared/topics/default.ts';\n",
      resolveDir: root,
    },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  return { code: result.outputFiles[0]?.text ?? '', inputs: Object.keys(result.metafile.inputs) };
}

describe('the analysis bundle', () => {
  it('is ASCII: a non-ASCII character (a regular expression literal with one) makes Node decode it all as UTF-8', async () => {
    const { code } = await bundle();
    const at = code.search(/[\u0080-\uFFFF]/);
    expect(at < 0 ? '' : code.slice(Math.max(0, at - 60), at + 20)).toBe('');
  });

  it('loads no zod and no gazetteer file (the index carries them): both cost its cold start', async () => {
    const { inputs } = await bundle();
    expect(inputs.filter((f) => /node_modules\/zod\//.test(f))).toEqual([]);
    expect(inputs.filter((f) => /data\/(gazetteer|world-places|world-cities)\.json$/.test(f))).toEqual([]);
  });
});
