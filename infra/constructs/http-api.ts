import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { StackConfig } from '../config.js';
import { TrendwireFunction } from './node-function.js';

export type TrendsApiProps = { readonly table: TableV2; readonly config: StackConfig };

/** API Gateway HTTP API → the api Lambda (the Hono app routes every path itself). */
export class TrendsApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly handler: TrendwireFunction;

  constructor(scope: Construct, id: string, props: TrendsApiProps) {
    super(scope, id);
    this.handler = new TrendwireFunction(this, 'Handler', {
      handlerFile: 'api.ts',
      serviceName: 'trendwire-api',
      description: 'Serves topic trends over HTTP',
      environment: { TABLE_NAME: props.table.tableName },
    });
    // Reads by key and key range only: no Scan.
    props.table.grant(this.handler, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem');

    this.api = new HttpApi(this, 'Http', {
      description: 'trendwire: per-topic news trends',
      defaultIntegration: new HttpLambdaIntegration('App', this.handler),
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.config.apiRateLimit, burstLimit: props.config.apiBurstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
  }

  get url(): string {
    return this.stage.url;
  }
}
