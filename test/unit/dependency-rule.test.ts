import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rule (issue 17): the domain — everything under shared/ but the adapters'
 * folders — defines its ports (shared/ports.ts) and never imports an adapter: not the AWS SDK,
 * Hono or Lambda's types, and no module of shared/api (HTTP), shared/storage (DynamoDB, S3),
 * functions/, local/, infra/ or web/.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const ADAPTER_FOLDERS = ['shared/api', 'shared/storage', 'functions', 'local', 'infra', 'web'];
const FORBIDDEN_PACKAGES =
  /^(@aws-sdk\/|hono$|hono\/|@hono\/|aws-lambda$|@types\/aws-lambda|@aws-lambda-powertools\/)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const isAdapter = (path: string) => ADAPTER_FOLDERS.some((f) => path === f || path.startsWith(`${f}/`));

/** The imports of a module's source that break the rule, as `specifier (why)`. */
function violations(file: string, source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
    const spec = m[1] as string;
    if (FORBIDDEN_PACKAGES.test(spec)) found.push(`${spec} (an adapter's package)`);
    const target = spec.startsWith('.')
      ? relative(ROOT, resolve(ROOT, dirname(file), spec))
      : spec.startsWith('#shared/')
        ? `shared/${spec.slice('#shared/'.length)}`
        : undefined;
    if (target && isAdapter(target)) found.push(`${spec} (an adapter's module)`);
  }
  return found;
}

describe('the dependency rule', () => {
  const domain = sourceFiles('shared').filter((f) => !isAdapter(f));

  it('finds the domain modules to check', () => {
    expect(domain.length).toBeGreaterThan(40);
    expect(domain).toContain('shared/ports.ts');
    expect(domain).toContain('shared/ingest/process.ts');
  });

  it('no domain module imports the AWS SDK, Hono, Lambda types or an adapter module', () => {
    const broken = domain.flatMap((f) =>
      violations(f, readFileSync(join(ROOT, f), 'utf8')).map((v) => `${f}: ${v}`),
    );
    expect(broken).toEqual([]);
  });

  it('would catch each kind of breach', () => {
    const src = [
      "import { GetCommand } from '@aws-sdk/lib-dynamodb';",
      "import type { Context } from 'aws-lambda';",
      "import { Hono } from 'hono';",
      "import type { ArticleReader } from '../api/app.js';",
      "export { DynamoStore } from '../storage/dynamo-store.js';",
      "import { x } from '#shared/storage/keys.js';",
      "import { ok } from '../ports.js';",
    ].join('\n');
    expect(violations('shared/articles/list.ts', src)).toHaveLength(6);
  });
});
