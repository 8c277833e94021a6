import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const resultsFile = join(root, 'bench', 'results.json');

/**
 * One line of the bench table. `value` is a ratio against `baseline` measured in the same run, or
 * a count (bytes, write units, items); times appear only as the two sides of a ratio.
 */
export type Row = {
  readonly section: string;
  readonly figure: string;
  readonly value: string;
  readonly target?: string;
  /** Whether the figure meets its target; undefined when there is none. */
  readonly ok?: boolean;
  readonly note?: string;
};

export type SectionResult = { readonly rows: readonly Row[]; readonly data: Record<string, unknown> };

export type Results = {
  machine?: Record<string, unknown>;
  sections: Record<string, { ranAt: string; seconds: number; rows: Row[]; data: Record<string, unknown> }>;
};

export function machine(): Record<string, unknown> {
  const c = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: c.length,
    cpuModel: c[0]?.model.trim(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
}

/** Reads results.json; a file from before sections existed is dropped (its figures are stale). */
export function readResults(): Results {
  if (!existsSync(resultsFile)) return { sections: {} };
  const parsed = JSON.parse(readFileSync(resultsFile, 'utf8')) as Partial<Results>;
  return parsed.sections ? { machine: parsed.machine, sections: parsed.sections } : { sections: {} };
}

/** Merges one section into results.json: other sections stay as they were. */
export function writeSection(name: string, seconds: number, result: SectionResult): void {
  const all = readResults();
  all.machine = machine();
  all.sections[name] = {
    ranAt: new Date().toISOString(),
    seconds: Math.round(seconds),
    rows: [...result.rows],
    data: result.data,
  };
  writeFileSync(resultsFile, `${JSON.stringify(all, null, 2)}\n`);
  // In the project's format, so that `npm run lint` stays green after a run.
  execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', resultsFile], {
    stdio: 'ignore',
  });
}

export const r2 = (x: number) => Math.round(x * 100) / 100;
export const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** Nearest-rank quantile (q in [0, 1]). */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T>(items: Iterable<T>, limit: number, fn: (item: T, i: number) => Promise<void>) {
  const it = items[Symbol.iterator]();
  let i = 0;
  const worker = async () => {
    for (;;) {
      const next = it.next();
      if (next.done) return;
      await fn(next.value, i++);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** Markdown table of rows. */
export function table(rows: readonly Row[]): string {
  const head = ['section', 'figure', 'measured', 'target', ''];
  const body = rows.map((r) => [
    r.section,
    r.figure,
    r.value,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'met' : 'MISSED',
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => (b[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((x, c) => x.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
