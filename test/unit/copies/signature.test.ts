import { describe, expect, it } from 'vitest';
import { COPY_METHOD } from '#shared/copies/method.js';
import {
  bandKeys,
  copyWords,
  decodeSignature,
  encodeSignature,
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
    expect(bandKeys(a, COPY_METHOD)).toEqual(bandKeys(b, COPY_METHOD));
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
    const method = { shingleWords: 5, hashes: 128, bands: 4, rows: 1, minContainment: 1, minResemblance: 1 };
    const sig = signatureOf('the quick brown fox jumps over the lazy dog', method);
    expect(sig.shingles).toBe(5);
    expect(bandKeys(sig, method)).toMatchInlineSnapshot(`
      [
        "0:1b640243",
        "1:172d9c5c",
        "2:3c72c499",
        "3:256e0d1d",
      ]
    `);
  });

  it('round-trips through its stored form', () => {
    const sig = copySignatureOf(story);
    const back = decodeSignature(encodeSignature(sig));
    expect(back?.shingles).toBe(sig.shingles);
    expect([...(back?.hashes ?? [])]).toEqual([...sig.hashes]);
    expect(decodeSignature('x:abc')).toBeUndefined();
    expect(decodeSignature('12:abc')).toBeUndefined();
  });

  it('has no shingles and matches nothing for an empty text', () => {
    const empty = signatureOf('', COPY_METHOD);
    expect(empty.shingles).toBe(0);
    expect(isCopy(empty, empty, COPY_METHOD)).toBe(false);
  });
});
