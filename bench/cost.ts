/**
 * The cost model of docs/cost.md: dollars per million articles on AWS from the figures the bench
 * measured, set against Amazon Comprehend for the same articles. `npm run bench` does not call AWS;
 * `tsx bench/cost.ts` prints the model from bench/results.json.
 *
 * Prices: us-east-1 list prices as found on 2026-11-25 (see docs/cost.md for each source).
 */
import { generateCorpus } from '../scripts/corpus.js';
import { readResults } from './lib.js';

export const PRICES = {
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  s3GbMonth: 0.023,
  sqsRequest: 0.4 / 1e6,
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  dynamoGbMonth: 0.25,
  httpApiRequest: 1.0 / 1e6,
  comprehendUnit: 0.0001,
} as const;

/** Comprehend's sync DetectEntities / DetectSentiment take at most 5 000 bytes of UTF-8 per request. */
export const COMPREHEND_MAX_BYTES = 5000;
/** A unit is 100 characters; every request is billed at least 3 units. */
export const COMPREHEND_CHARS_PER_UNIT = 100;
export const COMPREHEND_MIN_UNITS = 3;

/**
 * Units one API call bills for one article: the text split into requests of at most 5 000 bytes
 * (as evenly as possible), each request ceil(chars / 100) units, at least 3.
 */
export function comprehendUnits(chars: number, bytes: number): number {
  if (chars <= 0) return 0;
  const requests = Math.max(1, Math.ceil(bytes / COMPREHEND_MAX_BYTES));
  let units = 0;
  let left = chars;
  for (let r = requests; r > 0; r--) {
    const part = Math.ceil(left / r);
    units += Math.max(COMPREHEND_MIN_UNITS, Math.ceil(part / COMPREHEND_CHARS_PER_UNIT));
    left -= part;
  }
  return units;
}

/** Dollars per million articles for DetectEntities + DetectSentiment on every article. */
export function comprehendPerMillion(articles: readonly { chars: number; bytes: number }[]): number {
  const units = articles.reduce((s, a) => s + 2 * comprehendUnits(a.chars, a.bytes), 0);
  return (units / Math.max(1, articles.length)) * PRICES.comprehendUnit * 1e6;
}

export type Measured = {
  /** Ingest handler wall time per article (Lambda bills duration, not CPU). */
  readonly handlerMsPerArticle: number;
  readonly lambdaMemoryGb: number;
  /** SQS batch size of the event source mapping. */
  readonly batchSize: number;
  readonly writeUnitsPerArticle: number;
  /** One consistent GetItem of the article record before the transaction: 1 read unit (≤ 4 KB). */
  readonly readUnitsPerArticle: number;
  readonly dynamoBytesPerArticle: number;
  readonly s3BytesPerArticle: number;
};

export type CostLine = { readonly item: string; readonly quantity: string; readonly dollars: number };

/** One million articles ingested: every line the pipeline adds, and the upload itself. */
export function ingestCostPerMillion(m: Measured): CostLine[] {
  const n = 1e6;
  const invocations = n / m.batchSize;
  const gbSeconds = (n * m.handlerMsPerArticle * m.lambdaMemoryGb) / 1000;
  // S3 → SQS: one SendMessage; Lambda's poller: one ReceiveMessage and one DeleteMessageBatch per
  // batch (long polls that come back empty are the at-rest cost, in the README).
  const sqsRequests = n + 2 * invocations;
  return [
    { item: 'S3 PUT (the upload, one per article)', quantity: `${n} PUT`, dollars: n * PRICES.s3Put },
    {
      item: 'S3 GET (the ingest function reads the object)',
      quantity: `${n} GET`,
      dollars: n * PRICES.s3Get,
    },
    {
      item: 'SQS (send + receive/delete per batch)',
      quantity: `${sqsRequests} requests`,
      dollars: sqsRequests * PRICES.sqsRequest,
    },
    {
      item: 'Lambda requests',
      quantity: `${invocations} invocations`,
      dollars: invocations * PRICES.lambdaRequest,
    },
    {
      item: `Lambda duration (arm64, ${m.lambdaMemoryGb * 1024} MB, ${m.handlerMsPerArticle} ms/article)`,
      quantity: `${Math.round(gbSeconds)} GB-s`,
      dollars: gbSeconds * PRICES.lambdaArmGbSecond,
    },
    {
      item: 'DynamoDB writes (on-demand, transactional)',
      quantity: `${Math.round(n * m.writeUnitsPerArticle)} WRU`,
      dollars: n * m.writeUnitsPerArticle * PRICES.dynamoWriteUnit,
    },
    {
      item: 'DynamoDB reads (the record before the write, the copy index)',
      quantity: `${Math.round(n * m.readUnitsPerArticle)} RRU`,
      dollars: n * m.readUnitsPerArticle * PRICES.dynamoReadUnit,
    },
  ];
}

/** Storage a million articles add, per month kept. */
export function storagePerMillionMonth(m: Measured): CostLine[] {
  const dynamoGb = (1e6 * m.dynamoBytesPerArticle) / 2 ** 30;
  const s3Gb = (1e6 * m.s3BytesPerArticle) / 2 ** 30;
  return [
    {
      item: 'DynamoDB storage',
      quantity: `${dynamoGb.toFixed(2)} GB`,
      dollars: dynamoGb * PRICES.dynamoGbMonth,
    },
    { item: 'S3 Standard storage', quantity: `${s3Gb.toFixed(2)} GB`, dollars: s3Gb * PRICES.s3GbMonth },
  ];
}

export const total = (lines: readonly CostLine[]) => lines.reduce((s, l) => s + l.dollars, 0);

if (process.argv[1]?.endsWith('cost.ts')) {
  const ingest = readResults().sections.ingest?.data as
    | {
        handler: { msPerArticle: number };
        writeUnitsPerArticle: number;
        writeUnitsPerArticleUpperBound: number;
        readUnitsPerArticle?: number;
        stored: { billedBytesPerArticle: number };
        articles: number;
        corpus: { bytesPerArticle: number; seed: string; days: number };
        bridge?: { batchSize?: number };
      }
    | undefined;
  if (!ingest) throw new Error('run `npm run bench -- ingest` first');
  // The same articles the ingest section ran (the corpus is deterministic from its seed).
  const texts = [
    ...generateCorpus({ articles: ingest.articles, days: ingest.corpus.days, seed: ingest.corpus.seed }),
  ].map((c) => `${c.article.title}\n${c.article.body}`);
  const sized = texts.map((t) => ({ chars: [...t].length, bytes: Buffer.byteLength(t) }));
  const comprehend = comprehendPerMillion(sized);
  console.log(
    `Comprehend DetectEntities + DetectSentiment over the ${texts.length} bench articles ` +
      `(mean ${Math.round(sized.reduce((s, x) => s + x.chars, 0) / sized.length)} characters): $${comprehend.toFixed(0)} per million articles`,
  );
  for (const [label, wu] of [
    ['write units as counted', ingest.writeUnitsPerArticle],
    ['write units, upper bound', ingest.writeUnitsPerArticleUpperBound],
  ] as const) {
    const m: Measured = {
      handlerMsPerArticle: ingest.handler.msPerArticle,
      lambdaMemoryGb: 1,
      // The batch size the run measured (the stack's default unless TRENDWIRE_BENCH_BATCH_SIZE).
      batchSize: ingest.bridge?.batchSize ?? 10,
      writeUnitsPerArticle: wu,
      readUnitsPerArticle: ingest.readUnitsPerArticle ?? 1,
      dynamoBytesPerArticle: ingest.stored.billedBytesPerArticle,
      s3BytesPerArticle: ingest.corpus.bytesPerArticle,
    };
    const lines = ingestCostPerMillion(m);
    console.log(`\n${label}:`);
    for (const l of lines)
      console.log(`  ${l.item.padEnd(60)} ${l.quantity.padStart(22)}  $${l.dollars.toFixed(2)}`);
    console.log(
      `  total $${total(lines).toFixed(2)}; without the upload $${total(lines.slice(1)).toFixed(2)}; ` +
        `Comprehend / trendwire ${(comprehend / total(lines)).toFixed(0)}x (${(comprehend / total(lines.slice(1))).toFixed(0)}x without the upload)`,
    );
    for (const l of storagePerMillionMonth(m))
      console.log(`  per month: ${l.item} ${l.quantity} $${l.dollars.toFixed(2)}`);
  }
}
