import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_DEFINITION } from '../../shared/storage/table.js';

export type ArticleStorageProps = { readonly production: boolean };

/** Days S3 server access logs of the articles bucket are kept. */
const ACCESS_LOG_DAYS = 90;
/** Days a replaced or deleted article version stays readable (and restorable). */
const OLD_VERSION_DAYS = 30;

/**
 * Where articles and their analysis live: the articles bucket (the source of truth, versioned so
 * that an overwrite's exact version can be read), the bucket its server access logs go to, and
 * the one DynamoDB table, built from the same definition as the local stack's. A production stage
 * retains all three on `cdk destroy` and protects the table from deletion.
 */
export class ArticleStorage extends Construct {
  readonly articles: Bucket;
  readonly accessLogs: Bucket;
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: ArticleStorageProps) {
    super(scope, id);
    const removalPolicy = props.production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const secure = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // SSE-S3: the only encryption S3 server access logging can write to; no KMS key to pay for.
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
      autoDeleteObjects: !props.production,
    };

    // Not logged itself: cdk-nag's S1 accepts a bucket that receives server access logs.
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      ...secure,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
    });
    this.articles = new Bucket(this, 'Articles', {
      ...secure,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'articles/',
      lifecycleRules: [
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(OLD_VERSION_DAYS) },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });

    const d = TABLE_DEFINITION;
    this.table = new TableV2(this, 'Analysis', {
      partitionKey: { name: d.partitionKey, type: AttributeType.STRING },
      sortKey: { name: d.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.production,
      removalPolicy,
    });
  }
}
