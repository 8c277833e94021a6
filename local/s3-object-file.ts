import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import S3Error from 's3rver/lib/models/error.js';
import S3Object from 's3rver/lib/models/object.js';

/**
 * The file of one object in the local S3 store (s3-store.ts): the body, then a JSON trailer (key,
 * metadata, MD5, size), the trailer's length (4 bytes, big-endian) and `TWS3`; and the S3 rules the
 * store keeps (key length, which metadata an object keeps).
 */

/** S3's limit on an object key: 1 024 bytes of UTF-8. */
export const MAX_KEY_BYTES = 1024;

export type Trailer = { key: string; metadata: Record<string, string>; md5: string; size: number };
export const MAGIC = 'TWS3';

/** Bytes `start` to `end` of the body, read from `handle` (closed at the end); an empty body reads nothing. */
export async function bodyStream(
  handle: FileHandle,
  size: number,
  range: { start: number; end: number },
): Promise<Readable> {
  if (size > 0) return handle.createReadStream({ start: range.start, end: range.end });
  await handle.close();
  return Readable.from([]);
}

export async function readTrailer(handle: FileHandle): Promise<{ trailer: Trailer; mtime: Date }> {
  const { size, mtime } = await handle.stat();
  const tail = Buffer.alloc(8);
  if (size >= 8) await handle.read(tail, 0, 8, size - 8);
  const length = tail.readUInt32BE(0);
  if (tail.toString('latin1', 4) !== MAGIC || length > size - 8) throw new Error('corrupt object file');
  const json = Buffer.alloc(length);
  await handle.read(json, 0, length, size - 8 - length);
  return { trailer: JSON.parse(json.toString('utf8')) as Trailer, mtime };
}

/** The metadata S3 keeps with an object: the allowed headers and `x-amz-meta-*`, as s3rver does. */
export function storedMetadata(metadata: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(metadata)) {
    if (S3Object.ALLOWED_METADATA.includes(name) || name.startsWith('x-amz-meta-')) out[name] = String(value);
  }
  return out;
}

export function assertKey(key: string): void {
  const size = Buffer.byteLength(key);
  if (size > MAX_KEY_BYTES)
    throw new S3Error('KeyTooLongError', 'Your key is too long', {
      Size: size,
      MaxSizeAllowed: MAX_KEY_BYTES,
    });
}

export function ignoreMissing(err: NodeJS.ErrnoException): undefined {
  if (err.code !== 'ENOENT') throw err;
  return undefined;
}
