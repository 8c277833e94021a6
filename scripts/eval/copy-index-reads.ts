import { createHash } from 'node:crypto';
import { COPY_WINDOW_DAYS } from '#shared/copies/cluster.js';
import { COPY_METHOD } from '#shared/copies/method.js';
import { copyWords, encodeSignature, indexKeys, signatureOf } from '#shared/copies/signature.js';
import { copyText } from '#shared/ingest/copies.js';
import { itemBytes } from '#shared/storage/item-size.js';
import { copyEntryKey } from '#shared/storage/keys.js';
import { generateCorpus } from '../corpus.js';
import { fmix32 } from './fmix.js';

/**
 * `npx tsx scripts/eval/copy-index-reads.ts [articles]`: what the copy index costs per article on
 * the bench's generated corpus (scripts/corpus.ts, seed 'bench-ingest', published order), for the
 * method in force and for the one before it (session 8: four single min-hashes of 3-word
 * shingles as keys, 128 min-hashes in base64 in each item): index items written, their bytes,
 * entries each candidate query returns (within the copy window, at most 50 a key, as
 * shared/storage/copy-index.ts reads them) and the read units those queries are billed
 * (eventually consistent: half a unit per started 4 KB, at least half a unit a query). An
 * in-memory index replays the pipeline's queries in order; no DynamoDB is involved.
 */
const n = Number(process.argv[2] ?? 10_000);
const corpus = [...generateCorpus({ articles: n, days: 366, seed: 'bench-ingest' })]
  .map((c, i) => ({ id: `a${String(i).padStart(7, '0')}`, ...c.article }))
  .sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));

/** Session 8's keys (its first four min-hashes) and the size of its stored signature. */
function previous(text: string): { keys: string[]; signature: string } {
  const words = copyWords(text);
  const shingles = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) shingles.add(words.slice(i, i + 3).join(' '));
  const mins = [0, 1, 2, 3].map(() => 0xffffffff);
  for (const s of shingles) {
    const h = createHash('md5').update(s).digest().readUInt32LE(0);
    for (let i = 0; i < 4; i++)
      mins[i] = Math.min(mins[i] as number, fmix32(h ^ fmix32(Math.imul(i + 1, 0x9e3779b9))));
  }
  return {
    keys: shingles.size ? mins.map((v, i) => `${i}:${v.toString(16).padStart(8, '0')}`) : [],
    signature: `${shingles.size}:${'x'.repeat(684)}`,
  };
}
const current = (text: string) => {
  const sig = signatureOf(text, COPY_METHOD);
  return { keys: indexKeys(sig, COPY_METHOD), signature: encodeSignature(sig) };
};

const DAY = 86_400_000;
for (const [name, method] of [
  ['session 8 (min-hash keys)', previous],
  ['in force', current],
] as const) {
  const index = new Map<string, { at: number; bytes: number }[]>();
  let items = 0;
  let bytes = 0;
  let queries = 0;
  let entries = 0;
  let readUnits = 0;
  let maxEntries = 0;
  for (const a of corpus) {
    const { keys, signature } = method(copyText(a.body));
    const at = Date.parse(a.publishedAt);
    for (const key of keys) {
      const inWindow = (index.get(key) ?? [])
        .filter((e) => Math.abs(e.at - at) <= COPY_WINDOW_DAYS * DAY)
        .slice(0, 50);
      queries++;
      entries += inWindow.length;
      maxEntries = Math.max(maxEntries, inWindow.length);
      readUnits += 0.5 * Math.max(1, Math.ceil(inWindow.reduce((s, e) => s + e.bytes, 0) / 4096));
    }
    for (const key of keys) {
      const item = { ...copyEntryKey(key, a.publishedAt, a.id), id: a.id, cluster: a.id, signature };
      const size = itemBytes(item);
      items++;
      bytes += size;
      const list = index.get(key) ?? [];
      list.push({ at, bytes: size });
      index.set(key, list);
    }
  }
  const per = (x: number) => (x / corpus.length).toFixed(2);
  console.log(
    `${name}: ${per(items)} index items per article, ${(bytes / items).toFixed(0)} bytes each; ` +
      `${per(queries)} queries per article returning ${(entries / queries).toFixed(2)} entries on average (at most ${maxEntries}), ` +
      `${per(readUnits)} read units per article`,
  );
}
