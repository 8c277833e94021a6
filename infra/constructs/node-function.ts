import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

const root = join(import.meta.dirname, '..', '..');

export type TrendwireFunctionProps = Omit<NodejsFunctionProps, 'entry' | 'runtime' | 'architecture'> & {
  /** File under functions/, e.g. `ingest.ts`. */
  readonly handlerFile: string;
  readonly serviceName: string;
  readonly logRetention?: RetentionDays;
};

/**
 * Every trendwire Lambda: Node.js 22 on arm64, an ESM bundle minified by esbuild with source
 * maps, JSON logs into a log group with a retention period, Powertools' service name set.
 */
export class TrendwireFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: TrendwireFunctionProps) {
    const { handlerFile, serviceName, logRetention, environment, bundling, ...rest } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
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
        ...bundling,
      },
      ...rest,
    });
  }
}
