import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { isProductionStage, type StackConfig } from './config.js';
import { ArticleStorage } from './constructs/article-storage.js';
import { TrendsApi } from './constructs/http-api.js';
import { Ingestion } from './constructs/ingestion.js';
import { Monitoring } from './constructs/monitoring.js';

export type TrendwireStackProps = StackProps & { readonly config: StackConfig };

/** The AWS version of the local stack: storage, ingestion, API and monitoring. */
export class TrendwireStack extends Stack {
  readonly storage: ArticleStorage;
  readonly ingestion: Ingestion;
  readonly trendsApi: TrendsApi;

  constructor(scope: Construct, id: string, props: TrendwireStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.storage = new ArticleStorage(this, 'Storage', { production: isProductionStage(config.stage) });
    this.ingestion = new Ingestion(this, 'Ingestion', {
      articles: this.storage.articles,
      table: this.storage.table,
      config,
    });
    this.trendsApi = new TrendsApi(this, 'Api', { table: this.storage.table, config });
    new Monitoring(this, 'Monitoring', {
      deadLetterQueue: this.ingestion.deadLetterQueue,
      ingest: this.ingestion.handler,
      api: this.trendsApi.handler,
      alarmEmail: config.alarmEmail,
    });

    new CfnOutput(this, 'ArticlesBucketName', {
      value: this.storage.articles.bucketName,
      description: 'Upload articles here: aws s3 cp article.txt s3://<bucket>/…',
    });
    new CfnOutput(this, 'ApiUrl', { value: this.trendsApi.url, description: 'curl <url>/topics' });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
  }
}
