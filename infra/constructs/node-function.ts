import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { SERVICES } from '../../shared/observability/services.js';
import type { TopicFile } from '../../shared/topics/schema.js';

const root = join(import.meta.dirname, '..', '..');

/** The identifier functions/lib/topics.ts reads; esbuild replaces it with the topic file's JSON. */
export const TOPICS_DEFINE = 'TRENDWIRE_TOPICS';
/** esbuild receives the define on its command line; keep well under Linux's 128 KiB per argument. */
const MAX_TOPICS_JSON_BYTES = 64 * 1024;

/** The stack's functions: handler file under functions/, service name and description. */
export const FUNCTIONS = {
  api: {
    handlerFile: 'api.ts',
    serviceName: SERVICES.api,
    description: 'Serves topic trends over HTTP',
    timeout: Duration.seconds(10),
  },
  ingest: {
    handlerFile: 'ingest.ts',
    serviceName: SERVICES.ingest,
    description: 'Analyses uploaded articles and commits their counts to DynamoDB',
    // The SQS queue's visibility timeout is derived from it (infra/constructs/ingestion.ts).
    timeout: Duration.seconds(30),
  },
  recount: {
    handlerFile: 'recount.ts',
    serviceName: SERVICES.recount,
    description: 'Steps of the recount state machine: begin, a batch of keys, finish, fail',
    timeout: Duration.minutes(5),
  },
  spikes: {
    handlerFile: 'spikes.ts',
    serviceName: SERVICES.spikes,
    description: 'Hourly: announces each new spike of every topic once on EventBridge',
    timeout: Duration.minutes(1),
  },
} as const;

export type TrendwireFunctionProps = Omit<
  NodejsFunctionProps,
  'entry' | 'runtime' | 'architecture' | 'role' | 'logGroup'
> & {
  /** File under functions/, e.g. `ingest.ts`. */
  readonly handlerFile: string;
  readonly serviceName: string;
  /** The deployment's topics (validated at synth); bundled into the function. */
  readonly topics: TopicFile;
  readonly logRetention?: RetentionDays;
};

/**
 * Every trendwire Lambda: Node.js 22 on arm64, an ESM bundle minified by esbuild with source
 * maps and the deployment's topic file compiled in, JSON logs into its own log group with a
 * retention period, X-Ray tracing, Powertools' service name set, and a role of its own that may
 * write only to that log group (no AWSLambdaBasicExecutionRole, which allows every log group).
 */
export class TrendwireFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: TrendwireFunctionProps) {
    const { handlerFile, serviceName, topics, logRetention, environment, bundling, ...rest } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${serviceName}`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: join(root, 'functions', handlerFile),
      projectRoot: root,
      depsLockFilePath: join(root, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(30),
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      role,
      tracing: Tracing.ACTIVE,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: serviceName,
        ...environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // Some dependencies still call require(); give the ESM bundle one.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        define: { [TOPICS_DEFINE]: topicsLiteral(topics) },
        ...bundling,
      },
      ...rest,
    });

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 is the runtime the design fixes and the bundle targets (esbuild target node22); ' +
          'it is an LTS release Lambda supports. A runtime upgrade is a deliberate, tested change.',
      },
      {
        id: 'Serverless-LambdaLatestVersion',
        reason: 'Same finding as AwsSolutions-L1: Node.js 22 is pinned on purpose (see that reason).',
      },
    );
    // X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level permissions:
    // the Service Authorization Reference lists them for resource "*" only.
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only the X-Ray actions that active tracing adds use Resource "*": xray:PutTraceSegments and ' +
        'xray:PutTelemetryRecords support no resource-level permissions.',
    });
  }
}

/** The topic file as a JS string literal for esbuild's define. */
function topicsLiteral(topics: TopicFile): string {
  const json = JSON.stringify(topics);
  if (Buffer.byteLength(json) > MAX_TOPICS_JSON_BYTES)
    throw new Error(
      `the topic file is ${Buffer.byteLength(json)} bytes as JSON; at most ${MAX_TOPICS_JSON_BYTES} can be bundled`,
    );
  return JSON.stringify(json);
}
