import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { SqsBridge } from '../../../local/bridge.js';

const body = (key: string) => JSON.stringify({ Records: [{ s3: { object: { key } } }] });

describe('SqsBridge journal', () => {
  it('delivers after a restart what was pending at the stop, and only that', async () => {
    const journalFile = join(mkdtempSync(join(tmpdir(), 'bridge-')), 'queue.log');
    // First life: "a" is delivered; "b" keeps failing and is still pending at the stop.
    const first = new SqsBridge({
      journalFile,
      retryDelayMs: 60_000,
      handler: async (event: SQSEvent) => ({
        batchItemFailures: event.Records.filter((r) => r.body.includes('"b"')).map((r) => ({
          itemIdentifier: r.messageId,
        })),
      }),
    });
    first.send(body('a'));
    first.send(body('b'));
    while (first.stats.failed === 0) await new Promise((r) => setTimeout(r, 5));
    await first.stop();
    expect(first.pending).toBe(1);

    const delivered: string[] = [];
    const second = new SqsBridge({
      journalFile,
      handler: async (event: SQSEvent) => {
        delivered.push(...event.Records.map((r) => r.body));
        return { batchItemFailures: [] };
      },
    });
    await second.idle();
    expect(delivered).toEqual([body('b')]);
    await second.stop();

    // Settled messages leave the journal: a third start has nothing to deliver.
    const third = new SqsBridge({ journalFile, handler: async () => ({ batchItemFailures: [] }) });
    expect(third.pending).toBe(0);
    expect(readFileSync(journalFile, 'utf8')).toBe('');
    await third.stop();
  });
});
