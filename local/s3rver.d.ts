declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { Server } from 'node:http';

  type S3rverOptions = {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  };

  /** The Koa context of a request, as far as the local stack reads it. */
  export type S3Context = {
    method: string;
    path: string;
    query: Record<string, string | string[] | undefined>;
    body: unknown;
    app: { store: unknown };
  };
  type Middleware = (ctx: S3Context, next: () => Promise<unknown>) => unknown;

  export type S3EventNotification = {
    Records: { s3: { object: { key: string; sequencer?: string } } }[];
  };

  export default class S3rver extends EventEmitter {
    constructor(options?: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    httpServer: Server;
    /** The object store every controller uses (Koa: app.store and the context prototype's). */
    store: unknown;
    context: { store: unknown };
    /** Koa's middleware, in order; composed when the server starts listening. */
    middleware: Middleware[];
    on(event: 'event', listener: (notification: S3EventNotification) => void): this;
  }
}

declare module 's3rver/lib/models/account.js' {
  type Account = { id: number; displayName: string };
  const AWSAccount: { registry: Map<string, Account>; DUMMY_ACCOUNT: Account };
  export default AWSAccount;
}

declare module 's3rver/lib/models/error.js' {
  export default class S3Error extends Error {
    constructor(code: string, message: string, detail?: Record<string, string | number>);
    readonly code: string;
    readonly status: number;
  }
}

declare module 's3rver/lib/models/object.js' {
  import type { Readable } from 'node:stream';

  export default class S3Object {
    constructor(bucket: string, key: string, content: unknown, metadata: Record<string, unknown>);
    static ALLOWED_METADATA: string[];
    bucket: string;
    key: string;
    content: Readable | Buffer | null;
    metadata: Record<string, string>;
    range?: { start: number; end: number };
    get size(): number;
    get lastModifiedDate(): Date;
  }
}

declare module 's3rver/lib/stores/filesystem.js' {
  import type S3Object from 's3rver/lib/models/object.js';

  type Bucket = { name: string; creationDate: Date };
  type Listing = { objects: S3Object[]; commonPrefixes: string[]; isTruncated: boolean };

  /** s3rver's store: buckets and their configuration are kept as its files; objects are overridden. */
  export default class FilesystemStore {
    constructor(rootDirectory: string);
    rootDirectory: string;
    getBucketPath(bucket: string): string;
    getBucket(bucket: string): Promise<Bucket | null>;
    putBucket(bucket: string): Promise<Bucket | null>;
    getMetadata(bucket: string, key: string): Promise<Record<string, string | number>>;
    putObject(object: S3Object): Promise<{ size: number; md5: string }>;
    getObject(
      bucket: string,
      key: string,
      options?: { start?: number; end?: number },
    ): Promise<S3Object | null>;
    existsObject(bucket: string, key: string): Promise<boolean>;
    deleteObject(bucket: string, key: string): Promise<void>;
    copyObject(
      srcBucket: string,
      srcKey: string,
      destBucket: string,
      destKey: string,
      replacementMetadata: Record<string, string> | null,
    ): Promise<Record<string, string | number>>;
    listObjects(
      bucket: string,
      options: { delimiter?: string; startAfter?: string; prefix?: string; maxKeys?: number },
    ): Promise<Listing>;
  }
}
