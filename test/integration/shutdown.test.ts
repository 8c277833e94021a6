import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '#shared/storage/clients.js';
import { freePort } from '../../local/ports.js';
import { readJson } from '../support/json.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

const root = join(import.meta.dirname, '..', '..');

/** Waits for a condition; the bound is a hang guard for a loaded machine, not a claim on speed. */
async function waitFor(what: string, ok: () => boolean | Promise<boolean>, boundMs = 300_000): Promise<void> {
  const end = Date.now() + boundMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Ctrl-C in the middle of an upload burst, as a terminal sends it: SIGINT to the whole foreground
 * process group. Before the fix, it reached DynamoDB Local too, which died while the bridge retried
 * its in-flight events into it until they were dead letters: acknowledged uploads never counted.
 */
describe('Ctrl-C during an upload burst', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const groups: ChildProcess[] = [];
  const deadLetters = () => {
    const file = join(dataDir, 'data', 'dead-letters.jsonl');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'trendwire-ctrl-c-'));
    env = {
      ...process.env,
      TRENDWIRE_DATA_DIR: join(dataDir, 'data'),
      TRENDWIRE_DYNAMODB_PORT: String(await freePort()),
      TRENDWIRE_S3_PORT: String(await freePort()),
      TRENDWIRE_API_PORT: String(await freePort()),
    };
  });
  afterAll(async () => {
    for (const p of groups) if (p.exitCode === null && p.pid) process.kill(-p.pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  /** `npm start` in a process group of its own, as a terminal's foreground job. */
  async function start() {
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
      cwd: root,
      env,
      detached: true,
    });
    groups.push(child);
    let output = '';
    for (const stream of [child.stdout, child.stderr])
      stream?.on('data', (d: Buffer) => (output += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(
      'trendwire is running',
      () => output.includes('trendwire is running') || child.exitCode !== null,
    );
    expect(output).toContain('trendwire is running');
    const ctrlC = () => process.kill(-(child.pid as number), 'SIGINT');
    return { exit, ctrlC, output: () => output };
  }

  const counted = async () => {
    const res = await fetch(
      `http://127.0.0.1:${env.TRENDWIRE_API_PORT}/topics/kherson/trend?from=2022-11-24&to=2022-11-24`,
    );
    return (await readJson(res)).buckets[0].articles as number;
  };

  it('counts every acknowledged upload after a restart, and dead-letters none', async () => {
    const first = await start();
    const s3 = createS3Client({ s3Endpoint: `http://127.0.0.1:${env.TRENDWIRE_S3_PORT}` });
    let acknowledged = 0;
    let next = 0;
    const uploader = async () => {
      while (next < 300) {
        const i = next++;
        try {
          await s3.send(
            new PutObjectCommand({
              Bucket: 'articles',
              Key: `burst/${i}.txt`,
              Body: `Shelling near Kherson, report ${i}.`,
              Metadata: { 'published-at': '2022-11-24T10:00:00Z' },
            }),
          );
          acknowledged++;
          if (acknowledged === 80) first.ctrlC();
        } catch {
          return; // the S3 API has stopped: not acknowledged
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, uploader));
    expect(await first.exit).toBe(0);
    expect(acknowledged).toBeGreaterThanOrEqual(80);
    expect(deadLetters()).toEqual([]);

    const second = await start();
    await waitFor(`${acknowledged} articles counted`, async () => (await counted()) >= acknowledged);
    // Nothing acknowledged is lost; an upload cut off by the stop may or may not have been stored.
    expect(await counted()).toBeLessThanOrEqual(next);
    second.ctrlC();
    expect(await second.exit).toBe(0);
    expect(deadLetters()).toEqual([]);
    console.info(`Ctrl-C test: ${acknowledged} uploads acknowledged of 300, all counted after the restart`);
  }, 900_000);
});

describe('npm run redrive', () => {
  it('puts dead-lettered events back, and the next start counts them', async () => {
    const first = await startTestStack();
    let second: TestStack | undefined;
    try {
      await first.stopDynamo();
      await first.runtime.s3.send(
        new PutObjectCommand({
          Bucket: first.bucket,
          Key: 'redrive/one.txt',
          Body: 'Shelling near Kherson.',
          Metadata: { 'published-at': '2022-11-25T10:00:00Z' },
        }),
      );
      await first.bridge.idle();
      expect(first.bridge.stats.deadLettered).toBe(1);
      await first.startDynamo();
      await first.stop();

      const said = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/redrive.ts'], {
        cwd: root,
        env: { ...process.env, TRENDWIRE_DATA_DIR: first.dataDir },
      }).toString();
      expect(said).toMatch(/^1 dead-lettered event\(s\) queued again/);
      expect(existsSync(join(first.dataDir, 'dead-letters.jsonl'))).toBe(false);

      second = await startTestStack({ restartOf: first });
      await second.bridge.idle();
      const res = await fetch(`${second.apiUrl}/topics/kherson/trend?from=2022-11-25&to=2022-11-25`);
      expect((await readJson(res)).buckets[0]).toMatchObject({ articles: 1, mentions: 1 });
      expect(second.bridge.stats.deadLettered).toBe(0);
    } finally {
      await (second ?? first).dispose();
    }
  });
});
