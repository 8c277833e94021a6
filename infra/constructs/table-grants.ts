import type { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { TopicFile } from '../../shared/topics/schema.js';
import type { StackConfig } from '../config.js';
import { TrendwireFunction } from './node-function.js';

/** Reads by key and key range only (no Scan, no writes); the table has no index. */
export function grantTableReads(fn: TrendwireFunction, table: TableV2, sid: string): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      sid,
      actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
      resources: [table.tableArn],
    }),
  );
}

/** Puts and updates of the items in the named partitions (`META`, `SPIKE`, …), nothing else. */
export function grantPartitionWrites(
  fn: TrendwireFunction,
  table: TableV2,
  sid: string,
  partitions: readonly string[],
): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      sid,
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
      resources: [table.tableArn],
      conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [...partitions] } },
    }),
  );
}

/** What a function that reads the table is built from, besides the table and its settings. */
export type ReadingFunctionProps = {
  readonly handlerFile: string;
  readonly serviceName: string;
  readonly description: string;
  readonly timeout: Duration;
  /** The read statement's id, saying what the reads are for. */
  readonly readSid: string;
  /** Environment beyond the table's name and its counter shards. */
  readonly environment: Readonly<Record<string, string>>;
};

/**
 * A function that reads the counters (the API, the spike watch): the table's name and the
 * counter shards every reader must agree on with the writers, and reads by key only.
 */
export function readingFunction(
  scope: Construct,
  id: string,
  resources: { readonly table: TableV2; readonly topics: TopicFile; readonly config: StackConfig },
  props: ReadingFunctionProps,
): TrendwireFunction {
  const { table, config } = resources;
  const fn = new TrendwireFunction(scope, id, {
    handlerFile: props.handlerFile,
    serviceName: props.serviceName,
    description: props.description,
    topics: resources.topics,
    timeout: props.timeout,
    environment: {
      TABLE_NAME: table.tableName,
      COUNTER_SHARDS: String(config.counterShards),
      ...props.environment,
    },
  });
  grantTableReads(fn, table, props.readSid);
  return fn;
}
