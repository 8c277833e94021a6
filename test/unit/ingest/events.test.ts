import { describe, expect, it } from 'vitest';
import { decodeS3Key, encodeS3Key, parseNotification } from '#shared/ingest/events.js';
import { compareSequencers } from '#shared/ingest/sequencer.js';

const record = (eventName: string, key: string, extra: Record<string, unknown> = {}) => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  eventTime: '2022-11-10T12:00:00.000Z',
  eventName,
  s3: { bucket: { name: 'articles' }, object: { key, sequencer: '0055AED6DCD90281E5', ...extra } },
});

describe('parseNotification', () => {
  it('decodes URL-encoded keys as S3 writes them', () => {
    const [e] = parseNotification(
      JSON.stringify({ Records: [record('ObjectCreated:Put', 'red+flower%C3%A9.txt')] }),
    );
    expect(e?.key).toBe('red flowerà.txt'.replace('à', 'é'));
    expect(e?.kind).toBe('created');
  });

  it('reads a delete event, which has no size or eTag', () => {
    const [e] = parseNotification(JSON.stringify({ Records: [record('ObjectRemoved:Delete', 'a.txt')] }));
    expect(e).toMatchObject({ kind: 'removed', key: 'a.txt', size: undefined });
  });

  it('acknowledges the s3:TestEvent with no records', () => {
    expect(parseNotification(JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' }))).toEqual([]);
  });

  it('throws on a message that is not an S3 notification', () => {
    expect(() => parseNotification('{"hello":"world"}')).toThrow();
    expect(() => parseNotification('not json')).toThrow();
  });

  it('ignores event types that do not change an article', () => {
    expect(
      parseNotification(JSON.stringify({ Records: [record('ObjectRestore:Completed', 'a.txt')] })),
    ).toEqual([]);
  });
});

describe('S3 key encoding', () => {
  it('round-trips keys with spaces, plus signs, slashes and non-ASCII', () => {
    for (const key of ['red flower.txt', 'a+b.txt', '2022/11/Херсон новини.json', "it's (1).md"]) {
      expect(decodeS3Key(encodeS3Key(key))).toBe(key);
    }
    expect(encodeS3Key('red flower.txt')).toBe('red+flower.txt');
    expect(encodeS3Key('a+b.txt')).toBe('a%2Bb.txt');
  });
});

describe('compareSequencers', () => {
  it('orders hex strings of equal length', () => {
    expect(compareSequencers('0055AED6DCD90281E5', '0055AED6DCD90281E6')).toBeLessThan(0);
    expect(compareSequencers('0055AED6DCD90281E5', '0055aed6dcd90281e5')).toBe(0);
  });

  it('right-pads the shorter value with zeros before comparing', () => {
    expect(compareSequencers('0055AED6DCD9028', '0055AED6DCD90281E5')).toBeLessThan(0);
    expect(compareSequencers('0056', '0055AED6DCD90281E5')).toBeGreaterThan(0);
  });
});
