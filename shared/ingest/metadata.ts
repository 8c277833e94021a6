/**
 * S3 user metadata travels in HTTP headers, which are ASCII: a non-ASCII value arrives as RFC 2047
 * encoded-words (`=?UTF-8?B?0KPQutGA0LDRl9C90YHRjNC60LA=?=`, `=?UTF-8?Q?El_Peri=C3=B3dico?=`,
 * which S3, the aws CLI and the SDKs use) or percent-encoded (`El%20Peri%C3%B3dico`). These decode
 * the values trendwire reads; anything that is not such an encoding is kept as it is.
 */

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

function decodeWord(charset: string, encoding: string, text: string): string | undefined {
  let bytes: Uint8Array;
  if (encoding.toUpperCase() === 'B') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
    bytes = Buffer.from(text, 'base64');
  } else {
    const raw = text.replace(/_/g, ' ');
    const out: number[] = [];
    for (let i = 0; i < raw.length; i++) {
      const hex = raw.slice(i + 1, i + 3);
      if (raw[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
        out.push(Number.parseInt(hex, 16));
        i += 2;
      } else out.push(raw.charCodeAt(i) & 0xff);
    }
    bytes = Uint8Array.from(out);
  }
  try {
    // RFC 2231 allows a language after the charset: UTF-8*uk.
    return new TextDecoder(charset.split('*')[0], { fatal: true }).decode(bytes);
  } catch {
    return undefined; // an unknown charset or bytes it cannot hold: keep the word as written
  }
}

/** Decodes RFC 2047 encoded-words; white space between two encoded-words is dropped (RFC 2047 §6.2). */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(ENCODED_WORD, (word, charset: string, enc: string, text: string) => {
    return decodeWord(charset, enc, text) ?? word;
  });
}

/** Decodes percent-encoding when the value holds some and it is valid UTF-8; else the value as is. */
export function decodePercent(value: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // "100% true" is not percent-encoded
  }
}

/**
 * The metadata value of `name`, decoded: encoded-words, then (except for a URL, which keeps its
 * own percent-encoding) percent-encoding; trimmed, undefined when empty.
 */
export function metadataValue(metadata: Readonly<Record<string, string>>, name: string): string | undefined {
  const raw = metadata[name];
  if (raw === undefined) return undefined;
  const words = decodeEncodedWords(raw);
  const value = name === 'url' ? words : decodePercent(words);
  return value.trim() || undefined;
}
