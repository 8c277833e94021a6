import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync } from 'node:fs';

/**
 * The bridge's durable queue on disk: an append-only journal of messages sent and settled (what a
 * restart delivers again), and the redrive of the dead-letter file back into it.
 */
export type Message = { id: string; body: string; sentAt: number; receiveCount: number; visibleAt: number };

export type JournalEntry = { op: 'send'; m: Message } | { op: 'done'; id: string };

/**
 * `npm run redrive`: the dead-lettered messages go back into the journal as new messages (their
 * receives counted from zero), delivered by the next start; the dead-letter file is kept aside as
 * `<name>.redriven-<time>`. Returns how many were queued.
 */
export function redriveDeadLetters(deadLetterFile: string, journalFile: string, now = new Date()): number {
  if (!existsSync(deadLetterFile)) return 0;
  const bodies = readFileSync(deadLetterFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { body: string }).body);
  const sentAt = now.getTime();
  appendFileSync(
    journalFile,
    bodies
      .map((body) => {
        const m: Message = { id: randomUUID(), body, sentAt, receiveCount: 0, visibleAt: 0 };
        return `${JSON.stringify({ op: 'send', m } satisfies JournalEntry)}\n`;
      })
      .join(''),
  );
  renameSync(deadLetterFile, `${deadLetterFile}.redriven-${now.toISOString().replace(/[:.]/g, '-')}`);
  return bodies.length;
}

/** Messages sent and not settled, in send order; a torn last line (a crash mid-write) is skipped. */
export function readJournal(file: string): Message[] {
  if (!existsSync(file)) return [];
  const pending = new Map<string, Message>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      continue;
    }
    if (entry.op === 'send') pending.set(entry.m.id, entry.m);
    else pending.delete(entry.id);
  }
  return [...pending.values()];
}
