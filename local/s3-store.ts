import { createHash, randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import {
  type FileHandle,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
} from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import S3Object from 's3rver/lib/models/object.js';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';
import { KeyIndex } from './s3-key-index.js';
import {
  assertKey,
  bodyStream,
  ignoreMissing,
  MAGIC,
  MAX_KEY_BYTES,
  readTrailer,
  storedMetadata,
  type Trailer,
} from './s3-object-file.js';

/**
 * s3rver's object storage, replaced. s3rver writes an object as files named after its key
 * (`<key>._S3rver_object`, `.md5`, `._S3rver_metadata.json`), in place: a key segment near 240
 * bytes threw ENAMETOOLONG from a write stream and took the process down, `a/../b` was the path
 * `b`, two PUTs to one key wrote into one file at once, and a read during a write saw its first
 * half or the other write's metadata.
 *
 * Here an object is one file named by the SHA-256 of its key, `<bucket>/.objects/ab/ab12…`: the
 * body, then a JSON trailer (key, metadata, MD5, size), its length (4 bytes) and `TWS3`. It is
 * written whole to `<bucket>/.tmp/` and renamed into place, so a reader (which holds its file
 * open) sees the old object or the new one, body and metadata together, never a mix; the last
 * rename of racing PUTs wins whole. Keys are listed from an in-memory index sorted as S3 sorts
 * (UTF-8 bytes), built at first use from the trailers; changes to one key are serialised, so the
 * index and the files agree. Buckets, their configuration and multipart parts stay s3rver's.
 * Objects of s3rver's own layout, from an older data directory, are moved into this one at first
 * use. One process serves a data directory at a time.
 */
export class AtomicStore extends FilesystemStore {
  private readonly indexes = new Map<string, Promise<KeyIndex>>();
  private readonly keyLocks = new Map<string, Promise<unknown>>();

  override async getBucket(bucket: string) {
    // A bucket is a directory: `..` or `a/b` would be a path, not a bucket.
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) return null;
    return super.getBucket(bucket);
  }

  override async putObject(object: S3Object): Promise<{ size: number; md5: string }> {
    assertKey(object.key);
    const content = Buffer.isBuffer(object.content) ? [object.content] : (object.content as Readable);
    return this.writeObject(object.bucket, object.key, content, storedMetadata(object.metadata));
  }

  override async getObject(bucket: string, key: string, options?: { start?: number; end?: number }) {
    const file = await this.openObject(bucket, key);
    if (!file) return null;
    const { handle, trailer, metadata } = file;
    const ranged = options !== undefined && (options.start !== undefined || options.end !== undefined);
    const lastByte = Math.max(0, trailer.size - 1);
    const range = {
      start: options?.start ?? 0,
      end: Math.min(options?.end ?? Number.POSITIVE_INFINITY, lastByte),
    };
    if (range.start < 0 || range.end < range.start || (ranged && trailer.size === 0)) {
      await handle.close();
      const object = new S3Object(bucket, key, null, metadata);
      if (ranged) object.range = range;
      return object;
    }
    // The stream reads the file this handle opened, whatever is renamed over its name meanwhile.
    const content = await bodyStream(handle, trailer.size, range);
    const object = new S3Object(bucket, key, content, metadata);
    if (ranged) object.range = range;
    return object;
  }

  override async getMetadata(bucket: string, key: string): Promise<Record<string, string | number>> {
    const file = await this.openObject(bucket, key);
    if (!file) throw Object.assign(new Error(`no object ${key}`), { code: 'ENOENT' });
    await file.handle.close();
    return file.metadata;
  }

  override async existsObject(bucket: string, key: string): Promise<boolean> {
    if (Buffer.byteLength(key) > MAX_KEY_BYTES) return false;
    return stat(this.objectPath(bucket, key)).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false;
        throw err;
      },
    );
  }

  override async deleteObject(bucket: string, key: string): Promise<void> {
    const index = await this.index(bucket);
    await this.withKey(bucket, key, async () => {
      await unlink(this.objectPath(bucket, key)).catch(ignoreMissing);
      index.delete(key);
    });
  }

  override async copyObject(
    srcBucket: string,
    srcKey: string,
    destBucket: string,
    destKey: string,
    replacementMetadata: Record<string, string> | null,
  ) {
    assertKey(destKey);
    const file = await this.openObject(srcBucket, srcKey);
    if (!file) throw Object.assign(new Error(`no object ${srcKey}`), { code: 'ENOENT' });
    const { handle, trailer } = file;
    const metadata = replacementMetadata
      ? storedMetadata(new S3Object(destBucket, destKey, null, replacementMetadata).metadata)
      : trailer.metadata;
    const body = await bodyStream(handle, trailer.size, { start: 0, end: trailer.size - 1 });
    await this.writeObject(destBucket, destKey, body, metadata);
    return this.getMetadata(destBucket, destKey);
  }

  /** Up to `maxKeys` keys and common prefixes after `startAfter`, in S3's order. */
  override async listObjects(
    bucket: string,
    options: { delimiter?: string; startAfter?: string; prefix?: string; maxKeys?: number },
  ) {
    const { delimiter = '', startAfter = '', prefix = '', maxKeys = 1000 } = options;
    const listed = (await this.index(bucket)).list({ prefix, delimiter, startAfter, maxKeys });
    const metadata = await Promise.all(
      listed.keys.map((key) => this.getMetadata(bucket, key).catch(ignoreMissing)),
    );
    const objects: S3Object[] = [];
    listed.keys.forEach((key, i) => {
      const m = metadata[i];
      if (m) objects.push(new S3Object(bucket, key, null, m));
    });
    return {
      objects,
      commonPrefixes: listed.commonPrefixes,
      isTruncated: listed.isTruncated,
      next: listed.next,
    };
  }

  private objectPath(bucket: string, key: string): string {
    const hash = createHash('sha256').update(key).digest('hex');
    return join(this.getBucketPath(bucket), '.objects', hash.slice(0, 2), hash);
  }

  /** Writes body and trailer to a temporary file, then renames it over the key's file. */
  private async writeObject(
    bucket: string,
    key: string,
    body: Iterable<Buffer> | AsyncIterable<Buffer>,
    metadata: Record<string, string>,
    index?: KeyIndex,
  ): Promise<{ size: number; md5: string }> {
    const keys = index ?? (await this.index(bucket));
    const tmp = join(this.getBucketPath(bucket), '.tmp', randomUUID());
    await mkdir(dirname(tmp), { recursive: true });
    const md5 = createHash('md5');
    let size = 0;
    const handle = await open(tmp, 'wx');
    try {
      for await (const chunk of body) {
        md5.update(chunk);
        size += chunk.length;
        await handle.write(chunk);
      }
      const trailer: Trailer = { key, metadata, md5: md5.digest('hex'), size };
      const json = Buffer.from(JSON.stringify(trailer));
      const tail = Buffer.alloc(8);
      tail.writeUInt32BE(json.length, 0);
      tail.write(MAGIC, 4, 'latin1');
      await handle.write(Buffer.concat([json, tail]));
      await handle.close();
      const target = this.objectPath(bucket, key);
      await this.withKey(bucket, key, async () => {
        await mkdir(dirname(target), { recursive: true });
        await rename(tmp, target);
        keys.add(key);
      });
      return { size, md5: trailer.md5 };
    } catch (err) {
      await handle.close().catch(() => {});
      await rm(tmp, { force: true });
      throw err;
    }
  }

  /** The object's file, open, with its trailer; undefined when the key has none. */
  private async openObject(bucket: string, key: string) {
    if (Buffer.byteLength(key) > MAX_KEY_BYTES) return undefined;
    let handle: FileHandle;
    try {
      handle = await open(this.objectPath(bucket, key), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      const { trailer, mtime } = await readTrailer(handle);
      const metadata: Record<string, string | number> = {
        ...trailer.metadata,
        etag: JSON.stringify(trailer.md5),
        'last-modified': mtime.toUTCString(),
        'content-length': trailer.size,
      };
      return { handle, trailer, metadata };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  /** Runs `fn` after every earlier change of the same key has finished. */
  private async withKey<T>(bucket: string, key: string, fn: () => Promise<T>): Promise<T> {
    const id = `${bucket}/${key}`;
    const previous = this.keyLocks.get(id) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const settled = run.catch(() => {});
    this.keyLocks.set(id, settled);
    void settled.then(() => {
      if (this.keyLocks.get(id) === settled) this.keyLocks.delete(id);
    });
    return run;
  }

  private index(bucket: string): Promise<KeyIndex> {
    let index = this.indexes.get(bucket);
    if (!index) {
      index = this.loadIndex(bucket);
      this.indexes.set(bucket, index);
      index.catch(() => this.indexes.delete(bucket));
    }
    return index;
  }

  /** Reads every object's key from its trailer; moves s3rver-layout objects in; drops stale temp files. */
  private async loadIndex(bucket: string): Promise<KeyIndex> {
    const root = this.getBucketPath(bucket);
    await rm(join(root, '.tmp'), { recursive: true, force: true });
    const index = new KeyIndex();
    const objects = join(root, '.objects');
    for (const dir of await readdir(objects).catch(() => [] as string[])) {
      for (const name of await readdir(join(objects, dir))) {
        const handle = await open(join(objects, dir, name), 'r');
        try {
          index.add((await readTrailer(handle)).trailer.key);
        } finally {
          await handle.close();
        }
      }
    }
    await this.importLegacy(bucket, root, index);
    return index;
  }

  /** Objects stored by s3rver itself (`<key>._S3rver_object` and its metadata) become ours. */
  private async importLegacy(bucket: string, root: string, index: KeyIndex): Promise<void> {
    const suffix = '._S3rver_object';
    const entries: Dirent[] = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const path = join(e.parentPath, e.name);
      const rel = relative(root, path);
      if (!e.isFile() || !e.name.endsWith(suffix) || /^(\.objects|\.tmp|\._S3rver_uploads)(\/|$)/.test(rel))
        continue;
      const key = rel.slice(0, -suffix.length).split(sep).join('/');
      const base = path.slice(0, -suffix.length);
      const meta = await readFile(`${base}._S3rver_metadata.json`, 'utf8')
        .then((t) => JSON.parse(t) as Record<string, string>)
        .catch(() => ({}));
      await this.writeObject(bucket, key, [await readFile(path)], meta, index);
      for (const f of [path, `${path}.md5`, `${base}._S3rver_metadata.json`])
        await unlink(f).catch(ignoreMissing);
    }
    // Directories the old layout leaves empty, deepest first.
    const dirs = entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name));
    for (const dir of dirs.sort((a, b) => b.length - a.length)) {
      if (!/^(\.objects|\.tmp|\._S3rver_uploads)(\/|$)/.test(relative(root, dir)))
        await rmdir(dir).catch(() => {});
    }
  }
}
