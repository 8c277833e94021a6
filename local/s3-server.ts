import S3rver, { type S3Context, type S3EventNotification } from 's3rver';
import AWSAccount from 's3rver/lib/models/account.js';
import S3Error from 's3rver/lib/models/error.js';
import { AtomicStore } from './s3-store.js';

export type LocalS3Options = {
  readonly host: string;
  readonly port: number;
  /** Where buckets and objects live (`.data/s3`). */
  readonly directory: string;
  readonly bucket: string;
  /** Every object created or removed, as s3rver reports it. */
  readonly onEvent: (notification: S3EventNotification) => void;
};

export type LocalS3 = {
  /**
   * Refuses uploads and deletes from now on (503 ServiceUnavailable; reads go on) and resolves when
   * those already accepted are stored and their events sent.
   */
  stopIntake(): Promise<void>;
  /** Stops listening and ends every connection (an idle keep-alive one would hold close open). */
  close(): Promise<void>;
};

/**
 * The local S3 API: s3rver's HTTP front (routing, signatures, XML) over a store of our own
 * (`AtomicStore`: any key S3 accepts, atomic writes) and our own ListObjectsV2, whose
 * continuation token s3rver encrypts with DES, which Node's OpenSSL 3 refuses: past 1 000 objects
 * every listing was a 500.
 */
export async function startLocalS3(o: LocalS3Options): Promise<LocalS3> {
  acceptAnyAccessKey();
  const s3 = new S3rver({
    address: o.host,
    port: o.port,
    silent: true,
    directory: o.directory,
    configureBuckets: [{ name: o.bucket }],
    allowMismatchedSignatures: true,
    vhostBuckets: false,
  });
  const store = new AtomicStore(o.directory);
  s3.store = store;
  s3.context.store = store;
  let intake = true;
  let writing = 0;
  const drained: (() => void)[] = [];
  /** Counts the writes in flight; once intake stops, refuses new ones. */
  const intakeGate = async (ctx: S3Context, next: () => Promise<unknown>) => {
    if (ctx.method === 'GET' || ctx.method === 'HEAD') return next();
    if (!intake)
      throw new S3Error(
        'ServiceUnavailable',
        'The local stack is stopping; try again once it has restarted.',
      );
    writing++;
    try {
      return await next();
    } finally {
      if (--writing === 0) for (const done of drained.splice(0)) done();
    }
  };
  // After s3rver's XML encoding and path-style parsing, before its router (the last middleware).
  s3.middleware.splice(s3.middleware.length - 1, 0, intakeGate, keyAsOneSegment, listObjectsV2);
  s3.on('event', o.onEvent);
  await s3.run();
  return {
    stopIntake() {
      intake = false;
      return writing === 0 ? Promise.resolve() : new Promise<void>((resolve) => drained.push(resolve));
    },
    async close() {
      const closed = s3.close();
      s3.httpServer.closeAllConnections();
      await closed;
    },
  };
}

/**
 * s3rver knows one access key (S3RVER); the local contract is "any access key and secret", so that
 * a user's own `aws` CLI profile works. Unknown key ids fall back to s3rver's dummy account
 * (signatures are not checked: allowMismatchedSignatures).
 */
function acceptAnyAccessKey() {
  const registry = AWSAccount.registry;
  const get = Map.prototype.get;
  registry.get = (id: string) => get.call(registry, id) ?? AWSAccount.DUMMY_ACCOUNT;
}

/**
 * s3rver's router matches a key as path segments, and an empty one (`a//b`, `/a`) matched no route:
 * a 404 that is not even an S3 error. Such a key is handed to the router as one encoded segment,
 * which it decodes back into the key.
 */
function keyAsOneSegment(ctx: S3Context, next: () => Promise<unknown>): Promise<unknown> {
  const match = /^(\/[^/]+\/)(.*\/\/.*|\/.*)$/s.exec(ctx.path);
  if (match) {
    try {
      ctx.path = `${match[1]}${encodeURIComponent(decodeURIComponent(match[2] as string))}`;
    } catch {
      // A malformed escape: left for the router to refuse.
    }
  }
  return next();
}

/** Query parameters that make `GET /bucket` another operation than a listing. */
const BUCKET_SUBRESOURCES = [
  'acl',
  'cors',
  'location',
  'policy',
  'tagging',
  'uploads',
  'versions',
  'website',
];

/** GET /bucket?list-type=2: a page of keys and common prefixes, and a plain continuation token. */
async function listObjectsV2(ctx: S3Context, next: () => Promise<unknown>): Promise<unknown> {
  const match = /^\/([^/]+)\/?$/.exec(ctx.path);
  const query = ctx.query;
  if (
    ctx.method !== 'GET' ||
    !match ||
    query['list-type'] !== '2' ||
    BUCKET_SUBRESOURCES.some((k) => k in query)
  )
    return next();
  const bucket = decodeURIComponent(match[1] as string);
  const store = ctx.app.store as AtomicStore;
  if (!(await store.getBucket(bucket)))
    throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', { BucketName: bucket });
  const param = (name: string): string | undefined => {
    const value = query[name];
    if (Array.isArray(value))
      throw new S3Error('InvalidArgument', `${name} is given more than once`, { ArgumentName: name });
    return value;
  };
  const maxKeysText = param('max-keys') ?? '1000';
  if (!/^\d{1,10}$/.test(maxKeysText))
    throw new S3Error('InvalidArgument', 'Provided max-keys not an integer or within integer range', {
      ArgumentName: 'max-keys',
      ArgumentValue: maxKeysText,
    });
  const maxKeys = Math.min(1000, Number(maxKeysText));
  const prefix = param('prefix') ?? '';
  const delimiter = param('delimiter') ?? '';
  const token = param('continuation-token');
  const startAfter = token === undefined ? (param('start-after') ?? '') : decodeToken(token, bucket);
  const page =
    maxKeys === 0
      ? { objects: [], commonPrefixes: [], isTruncated: false, next: undefined }
      : await store.listObjects(bucket, { prefix, delimiter, startAfter, maxKeys });
  ctx.body = {
    ListBucketResult: {
      '@': { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
      Name: bucket,
      Prefix: prefix,
      StartAfter: token === undefined ? param('start-after') : undefined,
      ContinuationToken: token,
      NextContinuationToken:
        page.isTruncated && page.next !== undefined ? encodeToken(bucket, page.next) : undefined,
      KeyCount: page.objects.length + page.commonPrefixes.length,
      MaxKeys: maxKeys,
      Delimiter: delimiter || undefined,
      IsTruncated: page.isTruncated,
      Contents: page.objects.map((object) => ({
        Key: object.key,
        LastModified: object.lastModifiedDate.toISOString(),
        ETag: object.metadata.etag,
        Size: object.size,
        StorageClass: 'STANDARD',
      })),
      CommonPrefixes: page.commonPrefixes.map((p) => ({ Prefix: p })),
    },
  };
  return undefined;
}

/** Opaque to clients like S3's, but not encrypted: the bucket and the key to go on after. */
const encodeToken = (bucket: string, after: string) =>
  Buffer.from(JSON.stringify([bucket, after])).toString('base64url');

function decodeToken(token: string, bucket: string): string {
  try {
    const [tokenBucket, after] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown[];
    if (tokenBucket === bucket && typeof after === 'string') return after;
  } catch {
    // falls through to the error below
  }
  throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect', {
    ArgumentName: 'continuation-token',
  });
}
