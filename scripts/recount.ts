import { DEFAULT_MAX_ARTICLE_BYTES, intFromEnv } from '#shared/config.js';
import { articleFormatsFromEnv } from '#shared/ingest/formats.js';
import { DynamoTopicStore } from '#shared/storage/topic-store.js';
import { LiveTopics } from '#shared/topics/live.js';
import { defaultTopics } from '#shared/topics/load.js';
import { createIngestRuntime } from '../functions/lib/runtime.js';
import { logLine } from '../local/log.js';
import { LocalRecounts } from '../local/recounts.js';

/**
 * `npm run recount [-- "why"]`: recounts every article of the running local stack's bucket under
 * the stored topics and the current analyser (e.g. after restoring the bucket, or to finish a
 * recount that failed). It talks to the stack's S3 and DynamoDB Local like any client: `npm start`
 * must be running; ingestion may go on meanwhile. Exit code 0 when the recount is done.
 */
const env = process.env;
const s3Port = intFromEnv('TRENDWIRE_S3_PORT', 4568);
const dynamoPort = intFromEnv('TRENDWIRE_DYNAMODB_PORT', 8000);
const bucket = env.TRENDWIRE_BUCKET || 'articles';
const tableName = 'trendwire';
const reason = process.argv.slice(2).join(' ') || 'started by hand (npm run recount)';
const say = (line: string) => process.stdout.write(`${logLine('info', line, {})}\n`);

async function main(): Promise<number> {
  const runtime = createIngestRuntime(
    {
      tableName,
      maxArticleBytes: intFromEnv('TRENDWIRE_MAX_ARTICLE_BYTES', DEFAULT_MAX_ARTICLE_BYTES),
      counterShards: intFromEnv('TRENDWIRE_COUNTER_SHARDS', 1),
      formats: articleFormatsFromEnv(process.env, {
        suffixes: 'TRENDWIRE_ARTICLE_SUFFIXES',
        timeZone: 'TRENDWIRE_DEFAULT_TIMEZONE',
      }),
      s3Endpoint: `http://127.0.0.1:${s3Port}`,
      dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    },
    defaultTopics(),
  );
  const store = new DynamoTopicStore(runtime.db, tableName);
  try {
    if (!(await store.getTopics())) throw new Error('no topics are stored');
  } catch (err) {
    process.stderr.write(
      `trendwire: cannot reach the local stack's DynamoDB on port ${dynamoPort} (${(err as Error).message}); start it first with npm start\n`,
    );
    return 1;
  }
  const topics = new LiveTopics(store, () => runtime.analyser);
  const recounts = new LocalRecounts({
    runtime,
    tableName,
    bucket,
    topics,
    logger: { info: say, warn: say, error: say },
  });
  const stop = () => void recounts.stop();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { done } = await recounts.start(reason);
  const status = await done;
  return status.status === 'done' ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`trendwire: ${String((err as Error)?.stack ?? err)}\n`);
    process.exit(1);
  },
);
