import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  NoSuchKey,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { FetchedObject, ObjectSource } from '../ports.js';
import type { KeyLister } from '../recount/job.js';

/** Reads article objects from S3, never more than `maxBytes` + 1 into memory. */
export class S3ObjectSource implements ObjectSource {
  constructor(private readonly s3: S3Client) {}

  async getObject(
    bucket: string,
    key: string,
    options: { versionId?: string | undefined; maxBytes: number },
  ): Promise<FetchedObject | 'missing' | 'too-large'> {
    let res: GetObjectCommandOutput;
    try {
      res = await this.s3.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: options.versionId }),
      );
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return 'missing';
      if ((err as { name?: string }).name === 'NoSuchVersion') return 'missing';
      throw err;
    }
    const body = res.Body as (AsyncIterable<Uint8Array> & { destroy?: () => void }) | undefined;
    if (res.ContentLength !== undefined && res.ContentLength > options.maxBytes) {
      body?.destroy?.();
      return 'too-large';
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of body ?? []) {
      total += chunk.byteLength;
      if (total > options.maxBytes) {
        body?.destroy?.();
        return 'too-large';
      }
      chunks.push(chunk);
    }
    return {
      bytes: Buffer.concat(chunks),
      metadata: lowerCaseKeys(res.Metadata ?? {}),
      versionId: res.VersionId,
      contentEncoding: res.ContentEncoding,
    };
  }
}

const lowerCaseKeys = (m: Record<string, string>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k.toLowerCase(), v]));

/** The bucket's current keys, a page (≤ 1 000) at a time, in key order. */
export class S3KeyLister implements KeyLister {
  constructor(private readonly s3: S3Client) {}

  async *listKeys(bucket: string): AsyncIterable<readonly string[]> {
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      yield (page.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [o.Key]));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}
