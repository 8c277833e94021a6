import { describe, expect, it } from 'vitest';
import { itemBytes, transactionalWriteUnits } from '#shared/storage/item-size.js';

describe('itemBytes', () => {
  it('counts attribute names and string values in UTF-8 bytes', () => {
    expect(itemBytes({ pk: 'ART#1', city: 'Херсон' })).toBe(2 + 5 + 4 + 12);
  });

  it('counts numbers by their significant digits', () => {
    expect(itemBytes({ n: 1 })).toBe(1 + 2);
    expect(itemBytes({ n: 123456 })).toBe(1 + 4);
    expect(itemBytes({ n: -0.25 })).toBe(1 + 2);
  });

  it('counts a binary value by its bytes', () => {
    expect(itemBytes({ sig: new Uint8Array(643) })).toBe(3 + 643);
  });

  it('adds 3 bytes per map or list and 1 per element', () => {
    expect(itemBytes({ m: { a: 'x' } })).toBe(1 + 3 + 1 + 1 + 1);
    expect(itemBytes({ l: ['x', 'y'] })).toBe(1 + 3 + 2 * (1 + 1));
  });
});

describe('transactionalWriteUnits', () => {
  it('bills 2 units per started KB, at least one KB', () => {
    expect(transactionalWriteUnits(10)).toBe(2);
    expect(transactionalWriteUnits(1024)).toBe(2);
    expect(transactionalWriteUnits(1025)).toBe(4);
  });
});
