import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  type HttpRoute,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { TopicFile } from '../../shared/topics/schema.js';
import { articleFormatEnvironment, type StackConfig } from '../config.js';
import { grantArticleReads } from './article-reads.js';
import { FUNCTIONS, type TrendwireFunction } from './node-function.js';
import { grantPartitionWrites, readingFunction } from './table-grants.js';

export type TrendsApiProps = {
  readonly table: TableV2;
  /** Article objects: read again to show an article's text and the matches behind its counts. */
  readonly articles: Bucket;
  readonly topics: TopicFile;
  readonly config: StackConfig;
  /** The recount state machine: PUT and DELETE /topics/{id} start it. */
  readonly recount: StateMachine;
};

/**
 * API Gateway HTTP API → the api Lambda (the Hono app routes every path itself).
 *
 * Routing. With no authorizer and no CORS, the `$default` route sends every request to the app,
 * so even an unknown method gets the contract's problem+json 404. With an authorizer or CORS, the
 * read routes are `GET /{proxy+}` and `POST /analyse`: a `$default` route would also catch CORS
 * preflights, which then need authorization they cannot carry and an app that answers OPTIONS.
 * Without it, API Gateway answers preflights itself from the CORS configuration, and requests of
 * any other method end at API Gateway (404) before they reach code or cost a Lambda invocation.
 * In every mode, `PUT` and `DELETE /topics/{id}` (topics as run-time data) have routes of their
 * own that require IAM (SigV4): changing what is counted is never public.
 */
export class TrendsApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly handler: TrendwireFunction;
  readonly routes: HttpRoute[];

  constructor(scope: Construct, id: string, props: TrendsApiProps) {
    super(scope, id);
    const { config, table } = props;
    this.handler = readingFunction(this, 'Handler', props, {
      ...FUNCTIONS.api,
      readSid: 'ReadTrends',
      environment: {
        MAX_ARTICLE_BYTES: String(config.maxArticleBytes),
        ...articleFormatEnvironment(config),
        RECOUNT_STATE_MACHINE_ARN: props.recount.stateMachineArn,
      },
    });
    grantArticleReads(this.handler, props.articles, config.articlePrefix);
    // Topics as run-time data: the topic set item and the recount records (META, RECOUNT…), nothing
    // else of the table; and the recount state machine a topic change starts.
    grantPartitionWrites(this.handler, table, 'ChangeTopicsAndStartRecounts', ['META', 'RECOUNT']);
    props.recount.grantStartExecution(this.handler);
    Validations.of(this.handler).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked synchronously by API Gateway only: an error goes back to the caller as a response; ' +
        'a dead-letter queue applies to asynchronous invocations, which this function never gets.',
    });

    const authorizer = authorizerFor(config);
    const cors = config.corsAllowOrigins.length > 0;
    const integration = new HttpLambdaIntegration('App', this.handler);
    this.api = new HttpApi(this, 'Http', {
      apiName: `trendwire-${config.stage}`,
      description: 'trendwire: per-topic news trends',
      createDefaultStage: false,
      ...(authorizer || cors ? {} : { defaultIntegration: integration }),
      ...(cors
        ? {
            corsPreflight: {
              allowOrigins: config.corsAllowOrigins,
              allowMethods: [
                CorsHttpMethod.GET,
                CorsHttpMethod.POST,
                CorsHttpMethod.PUT,
                CorsHttpMethod.DELETE,
              ],
              allowHeaders: ['authorization', 'content-type'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    // `/{proxy+}` does not match `/` itself, where the dashboard is: both paths get a route.
    // POST /analyse stores nothing; it is the one route that is not a GET.
    const route = (path: string, method: HttpMethod) =>
      this.api.addRoutes({ path, methods: [method], integration, ...(authorizer ? { authorizer } : {}) });
    // Changing topics is never public, whatever authMode the read routes use: IAM (SigV4) only.
    const iam = new HttpIamAuthorizer();
    const writes = [HttpMethod.PUT, HttpMethod.DELETE].flatMap((method) =>
      this.api.addRoutes({ path: '/topics/{id}', methods: [method], integration, authorizer: iam }),
    );
    this.routes = [
      ...(authorizer || cors
        ? [
            ...['/', '/{proxy+}'].flatMap((path) => route(path, HttpMethod.GET)),
            ...route('/analyse', HttpMethod.POST),
          ]
        : []),
      ...writes,
    ];
    if (config.authMode === 'none') {
      Validations.of(this.api).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'authMode is none: the trends API is a public read API by design (design.md). Deploy with ' +
          '-c authMode=iam or -c authMode=jwt to require authorization on every route.',
      });
    }

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
  }

  get url(): string {
    return this.stage.url;
  }
}

function authorizerFor(config: StackConfig): IHttpRouteAuthorizer | undefined {
  switch (config.authMode) {
    case 'none':
      return undefined;
    case 'iam':
      return new HttpIamAuthorizer();
    case 'jwt':
      // config.ts refuses jwt without an issuer and an audience.
      return new HttpJwtAuthorizer('Jwt', config.jwtIssuer ?? '', { jwtAudience: config.jwtAudience });
  }
}
