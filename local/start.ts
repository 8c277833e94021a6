import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DEFAULT_MAX_ARTICLE_BYTES, intFromEnv, switchFromEnv } from '#shared/config.js';
import { ConfigError } from '#shared/errors.js';
import { articleFormatsFromEnv } from '#shared/ingest/formats.js';
import { loadTopicFile, TopicFileError } from '#shared/topics/load.js';
import { logLine } from './log.js';
import { assertPortFree, PortInUseError } from './ports.js';
import { startLocalStack } from './stack.js';

/**
 * `npm start [-- --fresh]`: the whole pipeline on this machine. Settings come from the
 * environment (see the README); `--fresh` deletes the data directory first.
 */
const env = process.env;
const fresh = process.argv.includes('--fresh');
const started = performance.now();

const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string): never => {
  process.stderr.write(`trendwire: ${line}\n`);
  process.exit(1);
};

async function main() {
  const s3Port = intFromEnv('TRENDWIRE_S3_PORT', 4568);
  const dynamoPort = intFromEnv('TRENDWIRE_DYNAMODB_PORT', 8000);
  const apiPort = intFromEnv('TRENDWIRE_API_PORT', 3000);
  const bucket = env.TRENDWIRE_BUCKET || 'articles';
  const dataDir = resolve(env.TRENDWIRE_DATA_DIR || '.data');
  const topics = await loadTopicFile(env.TRENDWIRE_TOPICS_FILE || undefined);
  const maxArticleBytes = intFromEnv('TRENDWIRE_MAX_ARTICLE_BYTES', DEFAULT_MAX_ARTICLE_BYTES);
  const formats = articleFormatsFromEnv(env, {
    suffixes: 'TRENDWIRE_ARTICLE_SUFFIXES',
    timeZone: 'TRENDWIRE_DEFAULT_TIMEZONE',
  });

  await assertPortFree(s3Port, 'TRENDWIRE_S3_PORT');
  await assertPortFree(dynamoPort, 'TRENDWIRE_DYNAMODB_PORT');
  await assertPortFree(apiPort, 'TRENDWIRE_API_PORT');

  const firstStart = fresh || !existsSync(join(dataDir, 'dynamodb'));
  const log = (level: 'info' | 'warn' | 'error') => (message: string, extra: Record<string, unknown>) =>
    say(logLine(level, message, extra));
  const stack = await startLocalStack({
    s3Port,
    dynamoPort,
    apiPort,
    bucket,
    tableName: 'trendwire',
    dataDir,
    topics,
    maxArticleBytes,
    formats,
    counterShards: intFromEnv('TRENDWIRE_COUNTER_SHARDS', 1),
    copyDetection: switchFromEnv('TRENDWIRE_COPY_DETECTION', true),
    fresh,
    corsOrigins: (env.TRENDWIRE_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(
      `\n${signal}: stopping: uploads refused, events in flight finished, then API, S3 and DynamoDB Local...`,
    );
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const markerFile = join(dataDir, 'samples-loaded');
  if (firstStart || !existsSync(markerFile)) {
    const samplesDir = resolve(import.meta.dirname, '..', 'samples');
    await stack.runtime.s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'samples/seed-article.txt',
        Body: readFileSync(join(samplesDir, 'seed-article.txt')),
        ContentType: 'text/plain; charset=utf-8',
        Metadata: { 'published-at': '2022-11-10T12:00:00Z', source: 'AFP (sample)' },
      }),
    );
    await stack.bridge.idle();
    writeFileSync(markerFile, new Date().toISOString());
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(`
trendwire is running (ready in ${seconds} s)${firstStart ? ', sample article loaded' : ''}.
  S3          http://localhost:${s3Port}   bucket "${bucket}" (any access key and secret)
  DynamoDB    http://localhost:${dynamoPort}   table "trendwire"
  API         ${stack.apiUrl}   (OpenAPI document: ${stack.apiUrl}/openapi.json)
  dashboard   ${stack.apiUrl}/
  data        ${dataDir}   (npm start -- --fresh starts clean)

Upload an article:
  aws --endpoint-url http://localhost:${s3Port} s3 cp article.txt s3://${bucket}/2022/article.txt --metadata published-at=2022-11-10T12:00:00Z
Query:
  curl '${stack.apiUrl}/topics/kherson/trend?from=2022-11-01&to=2022-11-30'
  curl '${stack.apiUrl}/topics'
(the aws CLI needs some credentials: AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1)
Ctrl-C stops everything.
`);
}

main().catch((err: unknown) => {
  if (err instanceof PortInUseError || err instanceof ConfigError || err instanceof TopicFileError)
    fail(err.message);
  fail(String((err as Error)?.stack ?? err));
});
