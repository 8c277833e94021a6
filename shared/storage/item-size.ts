/**
 * The size DynamoDB bills an item at, by its published rules ("Item sizes and formats"): the
 * UTF-8 length of every attribute name plus its value — a string its UTF-8 length, a binary its
 * bytes, a number
 * (length of its significant digits / 2) + 1 bytes, a boolean or null 1 byte, a list or map
 * 3 bytes plus 1 per element plus its contents. DynamoDB Local does not report transactional
 * write units as DynamoDB bills them, so the cost figures of this project come from here.
 */
export function itemBytes(item: Readonly<Record<string, unknown>>): number {
  let total = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue;
    total += Buffer.byteLength(name) + valueBytes(value);
  }
  return total;
}

function valueBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (value instanceof Uint8Array) return value.byteLength;
  if (typeof value === 'number' || typeof value === 'bigint') {
    const digits = (value < 0 ? -value : value)
      .toString()
      .replace('.', '')
      .replace(/^0+/, '')
      .replace(/e.*$/, '');
    return Math.ceil(Math.max(1, digits.length) / 2) + 1;
  }
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((n: number, v) => n + 1 + valueBytes(v), 0);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return 3 + entries.reduce((n, [k, v]) => n + 1 + Buffer.byteLength(k) + valueBytes(v), 0);
  }
  return 0;
}

/** Write units of one item in a transaction: 2 per started KB (transactional writes cost double). */
export const transactionalWriteUnits = (bytes: number): number => 2 * Math.max(1, Math.ceil(bytes / 1024));
