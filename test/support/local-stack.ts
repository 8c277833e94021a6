import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTopics } from '#shared/topics/load.js';
import type { TopicFile } from '#shared/topics/schema.js';
import { freePort } from '../../local/ports.js';
import { type LocalStack, type LocalStackOptions, startLocalStack } from '../../local/stack.js';

export type TestStack = LocalStack & {
  readonly bucket: string;
  readonly dataDir: string;
  readonly s3Port: number;
  readonly dynamoPort: number;
  dispose(): Promise<void>;
};

/** The real local stack (DynamoDB Local + s3rver + bridge + API) on free ports and a temp dir. */
export async function startTestStack(
  options: {
    maxArticleBytes?: number;
    counterShards?: number;
    bridge?: LocalStackOptions['bridge'];
    logger?: LocalStackOptions['logger'];
    topics?: TopicFile;
    recount?: boolean;
    /** Reuse a data directory (and ports) as a restart does; a fresh temporary one by default. */
    restartOf?: TestStack;
  } = {},
): Promise<TestStack> {
  // Short retry delays: a poison message reaches the dead-letter file in well under a second.
  const dataDir = options.restartOf?.dataDir ?? (await mkdtemp(join(tmpdir(), 'trendwire-test-')));
  const bucket = 'articles';
  const stack = await startLocalStack({
    s3Port: options.restartOf?.s3Port ?? (await freePort()),
    dynamoPort: options.restartOf?.dynamoPort ?? (await freePort()),
    apiPort: 0,
    bucket,
    tableName: 'trendwire',
    dataDir,
    topics: options.topics ?? defaultTopics(),
    recount: options.recount,
    maxArticleBytes: options.maxArticleBytes ?? 1024 * 1024,
    counterShards: options.counterShards,
    logger: options.logger,
    bridge: { retryDelayMs: 20, maxReceiveCount: 3, ...options.bridge },
  });
  return {
    ...stack,
    bucket,
    dataDir,
    s3Port: Number(new URL(stack.s3Endpoint).port),
    dynamoPort: Number(new URL(stack.dynamoEndpoint).port),
    async dispose() {
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
