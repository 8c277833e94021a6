import { describe, expect, it } from 'vitest';
import { COPY_METHOD } from '#shared/copies/method.js';
import {
  copyWords,
  decodeSignature,
  encodeSignature,
  indexKeys,
  isCopy,
  resemblance,
  signatureOf,
} from '#shared/copies/signature.js';
import { copySignatureOf } from '#shared/ingest/copies.js';
import { story as storyParagraphs } from '../../support/copy-texts.js';

const story = storyParagraphs.join('\n\n');

describe('copy signatures (MinHash)', () => {
  it('folds case, accents and punctuation into words, in any script', () => {
    expect(copyWords('Kyiv’s CAFÉ — “Переговори” 2024!')).toEqual([
      'kyiv',
      's',
      'cafe',
      'переговори',
      '2024',
    ]);
  });

  it('gives the same text the same signature, whatever its case and punctuation', () => {
    const a = signatureOf(story, COPY_METHOD);
    const b = signatureOf(story.toUpperCase().replaceAll(',', ' ;'), COPY_METHOD);
    expect(resemblance(a, b)).toEqual({ jaccard: 1, containment: 1 });
    expect(indexKeys(a, COPY_METHOD)).toEqual(indexKeys(b, COPY_METHOD));
  });

  it('keeps a copy trimmed from the bottom near full containment, though its resemblance drops', () => {
    const full = signatureOf(story, COPY_METHOD);
    const trimmed = signatureOf(story.split('\n\n').slice(0, 3).join('\n\n'), COPY_METHOD);
    const r = resemblance(full, trimmed);
    expect(r.jaccard).toBeLessThan(0.8);
    expect(r.containment).toBeGreaterThan(0.85);
    expect(isCopy(full, trimmed, COPY_METHOD)).toBe(true);
  });

  it('tells an independently written report of the same event from a copy', () => {
    const other = [
      'Two people were killed and five injured when Russian artillery struck Kherson on Tuesday, regional officials reported.',
      'A school and a pharmacy were among the buildings damaged in the attack on a district close to the port.',
      'About 3,000 homes were left without power after a substation took a direct hit, the local energy company said.',
    ].join('\n\n');
    const r = resemblance(signatureOf(story, COPY_METHOD), signatureOf(other, COPY_METHOD));
    expect(r.containment).toBeLessThan(0.2);
    expect(isCopy(signatureOf(story, COPY_METHOD), signatureOf(other, COPY_METHOD), COPY_METHOD)).toBe(false);
  });

  it('is stable across machines and releases: a fixed text has a fixed signature', () => {
    // A stored signature must stay comparable with one made later, on another machine.
    const method = { shingleWords: 5, sketch: 16, keys: 4, minContainment: 1, clustering: 2 };
    const sig = signatureOf('the quick brown fox jumps over the lazy dog', method);
    expect(sig.shingles).toBe(5);
    expect(Buffer.from(encodeSignature(sig)).toString('hex')).toMatchInlineSnapshot(
      `"000000051700774c022485e5068cfaccf43863"`,
    );
    expect(indexKeys(sig, method)).toMatchInlineSnapshot(`
      [
        "k170077285ecc",
        "k4c02243d5b8e",
        "k85e506936edf",
        "k8cfacc0ad2bd",
      ]
    `);
  });

  it('round-trips through its stored form', () => {
    const sig = copySignatureOf(story);
    const back = decodeSignature(encodeSignature(sig));
    expect(back?.shingles).toBe(sig.shingles);
    expect([...(back?.hashes ?? [])]).toEqual([...sig.hashes]);
    // An entry of the earlier method (a base64 string), a cut value, unsorted hashes: not read.
    expect(decodeSignature('12:abc')).toBeUndefined();
    expect(decodeSignature(new Uint8Array(6))).toBeUndefined();
    expect(decodeSignature(Uint8Array.from([0, 0, 0, 9, 0, 0, 2, 0, 0, 1]))).toBeUndefined();
  });

  it('has no shingles and matches nothing for an empty text', () => {
    const empty = signatureOf('', COPY_METHOD);
    expect(empty.shingles).toBe(0);
    expect(isCopy(empty, empty, COPY_METHOD)).toBe(false);
  });

  it('measures a short flash exactly: its sketch holds every shingle', () => {
    const flash = story.split('\n\n').slice(0, 2).join('\n\n');
    const sig = signatureOf(flash, COPY_METHOD);
    expect(sig.shingles).toBeLessThan(COPY_METHOD.sketch);
    expect(sig.hashes.length).toBe(sig.shingles);
    // Its first paragraph kept, the rest new: containment is exactly the share of shared shingles.
    const half = `${storyParagraphs[0]}\n\nThe mayor asked residents to stay in shelters until the all-clear.`;
    const shinglesOf = (text: string) => {
      const w = copyWords(text);
      return new Set(w.slice(2).map((_, i) => w.slice(i, i + 3).join(' ')));
    };
    const [x, y] = [shinglesOf(flash), shinglesOf(half)];
    const exact = [...x].filter((g) => y.has(g)).length / Math.min(x.size, y.size);
    expect(resemblance(sig, signatureOf(half, COPY_METHOD)).containment).toBeCloseTo(exact, 10);
  });

  it('keeps a long text to its sketch and its stored form under one write unit', () => {
    const long = Array.from({ length: 12 }, (_, i) =>
      storyParagraphs.join(' ').replaceAll('the', `the${i}`),
    ).join('\n\n');
    const sig = signatureOf(long, COPY_METHOD);
    expect(sig.shingles).toBeGreaterThan(COPY_METHOD.sketch);
    expect(sig.hashes.length).toBe(COPY_METHOD.sketch);
    expect(encodeSignature(sig).length).toBe(4 + 3 * COPY_METHOD.sketch);
    expect(encodeSignature(sig).length).toBeLessThan(700);
    expect(indexKeys(sig, COPY_METHOD)).toHaveLength(COPY_METHOD.keys);
  });

  it('indexes a copy trimmed from the bottom and wrapped in boilerplate under a key of the original', () => {
    const wrapped = [
      'By Staff Reporter',
      ...story.split('\n\n').slice(0, 3),
      'Sign up for our newsletter.',
    ].join('\n\n');
    const keys = new Set(indexKeys(copySignatureOf(story), COPY_METHOD));
    expect(indexKeys(copySignatureOf(wrapped), COPY_METHOD).some((k) => keys.has(k))).toBe(true);
    expect(isCopy(copySignatureOf(story), copySignatureOf(wrapped), COPY_METHOD)).toBe(true);
  });
});
