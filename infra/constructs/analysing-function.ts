import type { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { TopicFile } from '../../shared/topics/schema.js';
import { articleFormatEnvironment, type StackConfig } from '../config.js';
import { grantArticleReads } from './article-reads.js';
import { TrendwireFunction } from './node-function.js';

/** What a construct that analyses articles and commits their counts is built from. */
export type AnalysisResources = {
  readonly articles: Bucket;
  readonly table: TableV2;
  readonly topics: TopicFile;
  readonly config: StackConfig;
};

/**
 * What an ingest commit does: read the record, find the article's copies (one query per LSH key
 * of the copy index) and index it (one batch write), read its copy clusters' items (one batch
 * read, for unique counts), then one transaction. A recount also queries its log.
 */
const COMMIT_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

export type AnalysingFunctionProps = {
  readonly handlerFile: string;
  readonly serviceName: string;
  readonly description: string;
  readonly timeout: Duration;
  /** The policy statement's id, saying what the table access is for. */
  readonly tableSid: string;
};

/**
 * A function that reads article objects, analyses them and commits their counts: the ingest
 * function and the recount's step function, which run the same domain code and so need the
 * same configuration and the same least-privilege access to the bucket and the table.
 */
export function analysingFunction(
  scope: Construct,
  id: string,
  resources: AnalysisResources,
  props: AnalysingFunctionProps,
): TrendwireFunction {
  const { articles, table, topics, config } = resources;
  const fn = new TrendwireFunction(scope, id, {
    handlerFile: props.handlerFile,
    serviceName: props.serviceName,
    description: props.description,
    topics,
    timeout: props.timeout,
    environment: {
      TABLE_NAME: table.tableName,
      MAX_ARTICLE_BYTES: String(config.maxArticleBytes),
      ...articleFormatEnvironment(config),
      COPY_DETECTION: config.copyDetection ? 'on' : 'off',
      COUNTER_SHARDS: String(config.counterShards),
    },
  });
  grantArticleReads(fn, articles, config.articlePrefix);
  fn.addToRolePolicy(
    new PolicyStatement({
      sid: props.tableSid,
      actions: COMMIT_ACTIONS,
      resources: [table.tableArn],
    }),
  );
  return fn;
}
