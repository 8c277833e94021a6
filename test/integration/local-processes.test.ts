import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '#shared/storage/clients.js';
import { freePort } from '../../local/ports.js';

const root = join(import.meta.dirname, '..', '..');

/** Processes whose command line holds every one of `parts` (ours, by the port). */
function pidsWith(...parts: string[]): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parts.every((p) => args.includes(p))) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** The JVM of our DynamoDB Local (not the guard, whose arguments name java too). */
const javaPids = (port: number) =>
  pidsWith('-port', String(port)).filter((pid) => {
    try {
      return /(^|\/)java$/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '');
    } catch {
      return false;
    }
  });

const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** Waits for a condition; the bound is a hang guard for a loaded machine, not a claim on speed. */
async function waitFor(what: string, ok: () => boolean, boundMs = 120_000): Promise<void> {
  const end = Date.now() + boundMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The addresses a TCP port listens on, from /proc/net/tcp{,6} (hex, as the kernel writes them). */
function listenAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state === '0A' && local?.endsWith(`:${hexPort}`)) out.push(local.slice(0, -5));
    }
  }
  return out;
}
const LOOPBACK = ['0100007F', '0000000000000000FFFF00000100007F'];

/**
 * `npm start` as a user runs it (node with tsx, on local/start.ts), killed the hard way. Before the
 * fix, DynamoDB Local outlived a SIGKILLed stack and held its port, so the next start failed.
 */
describe('npm start and its child processes', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let dynamoPort: number;
  const started: ChildProcess[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'trendwire-start-'));
    dynamoPort = await freePort();
    // A topic file as Windows editors save it: UTF-8 with a byte order mark.
    const topics = join(dataDir, 'topics-bom.json');
    const shipped = readFileSync(join(root, 'shared', 'topics', 'default-topics.json'), 'utf8');
    await writeFile(topics, `\uFEFF${shipped}`);
    env = {
      ...process.env,
      TRENDWIRE_TOPICS_FILE: topics,
      TRENDWIRE_DATA_DIR: join(dataDir, 'data'),
      TRENDWIRE_DYNAMODB_PORT: String(dynamoPort),
      TRENDWIRE_S3_PORT: String(await freePort()),
      TRENDWIRE_API_PORT: String(await freePort()),
    };
  });
  afterAll(async () => {
    for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
    for (const pid of pidsWith('-port', String(dynamoPort))) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Starts the stack and resolves when it says it is running. */
  async function start(): Promise<{
    child: ChildProcess;
    exit: Promise<number | null>;
    output: () => string;
  }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], { cwd: root, env });
    started.push(child);
    let output = '';
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await waitFor(
      'trendwire is running',
      () => output.includes('trendwire is running') || child.exitCode !== null,
      300_000,
    );
    expect(output).toContain('trendwire is running');
    return { child, exit, output: () => output };
  }

  it('leaves no DynamoDB Local behind when the node process is killed with SIGKILL', async () => {
    const first = await start();
    const [java] = javaPids(dynamoPort);
    expect(java).toBeDefined();
    // DynamoDB Local listens on the loopback interface only, as the S3 API and the API do.
    expect(listenAddresses(dynamoPort).filter((a) => !LOOPBACK.includes(a))).toEqual([]);

    first.child.kill('SIGKILL');
    await first.exit;
    await waitFor('DynamoDB Local to exit', () => !alive(java as number));

    // Its port is free again: the next start works.
    const second = await start();
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
    expect(javaPids(dynamoPort).filter(alive)).toEqual([]);
  }, 600_000);

  it('logs why an event failed when the database is gone, not only that it will be retried', async () => {
    const stack = await start();
    const [java] = javaPids(dynamoPort);
    process.kill(java as number, 'SIGKILL');
    await waitFor('DynamoDB Local to exit', () => !alive(java as number));
    const s3 = createS3Client({ s3Endpoint: `http://127.0.0.1:${env.TRENDWIRE_S3_PORT}` });
    await s3.send(new PutObjectCommand({ Bucket: 'articles', Key: 'while-down.txt', Body: 'Kherson.' }));
    const failed = () =>
      stack
        .output()
        .split('\n')
        .find((l) => l.includes('failed, SQS will deliver it again'));
    await waitFor('the failure to be logged', () => failed() !== undefined);
    expect(failed()).toMatch(
      /while-down\.txt: failed, SQS will deliver it again \(.*(ECONNREFUSED|connect).*\)$/,
    );
    stack.child.kill('SIGKILL');
    await stack.exit;
  }, 600_000);
});
