import * as z from 'zod';

/**
 * The S3 event notification as S3 writes it into an SQS message body. Only the fields trendwire
 * uses are validated; the rest is ignored. Delete events carry no size or eTag.
 */
const S3EventRecord = z.object({
  eventName: z.string(),
  eventTime: z.iso.datetime({ offset: true }),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional().nullable(),
      sequencer: z.string().regex(/^[0-9A-Fa-f]+$/, 'a hexadecimal string'),
    }),
  }),
});

export const S3Notification = z.union([
  z.object({ Records: z.array(S3EventRecord) }),
  /** Sent once when a notification is configured; it has no Records and is acknowledged. */
  z.object({ Event: z.literal('s3:TestEvent') }).transform(() => ({ Records: [] })),
]);

/** One state of one object: an event's, and the record's that the event left. */
export type ObjectVersion = {
  readonly bucket: string;
  /** Decoded key: S3 URL-encodes keys in notifications (`red+flower.txt` is "red flower.txt"). */
  readonly key: string;
  /** Orders the events of one key (shared/ingest/sequencer.ts). */
  readonly sequencer: string;
  readonly versionId?: string | undefined;
};

export type ObjectEvent = ObjectVersion & {
  readonly kind: 'created' | 'removed';
  readonly eventTime: string;
  readonly size?: number | undefined;
};

/** S3 form-encodes keys in event notifications: `+` is a space, `%XX` a byte of UTF-8. */
export const decodeS3Key = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

/** The inverse of decodeS3Key, as S3 writes keys into notifications. */
export const encodeS3Key = (key: string): string =>
  encodeURIComponent(key)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Object events of one SQS message body. Throws a ZodError/SyntaxError on a malformed body. */
export function parseNotification(body: string): ObjectEvent[] {
  const parsed = S3Notification.parse(JSON.parse(body));
  const events: ObjectEvent[] = [];
  for (const r of parsed.Records) {
    const kind = r.eventName.startsWith('ObjectCreated:')
      ? 'created'
      : r.eventName.startsWith('ObjectRemoved:')
        ? 'removed'
        : undefined;
    if (!kind) continue; // other event types (restore, replication, tagging) do not change an article
    events.push({
      kind,
      bucket: r.s3.bucket.name,
      key: decodeS3Key(r.s3.object.key),
      sequencer: r.s3.object.sequencer,
      eventTime: r.eventTime,
      versionId: r.s3.object.versionId ?? undefined,
      size: r.s3.object.size,
    });
  }
  return events;
}
