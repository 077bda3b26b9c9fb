import { ReadError } from '../errors.js';

/** Decodes file bytes as UTF-8 text, refusing binary files and bytes that are not UTF-8. */
export function decodeText(bytes: Uint8Array, file: string): string {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new ReadError('binary', file, 'binary file (NUL bytes), not text');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
    const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
    throw new ReadError('not-utf8', file, `bytes that are not UTF-8 (byte 0x${hex} at offset ${at})`, line);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (bytes.length if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}
