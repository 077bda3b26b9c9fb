import { ReadError } from '../errors.js';

/** Decodes file bytes as UTF-8 text, refusing binary files and bytes that are not UTF-8. */
export function decodeText(bytes: Uint8Array, file: string): string {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new ReadError('binary', file, 'binary file (NUL bytes), not text');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const at = lossy.indexOf('\ufffd');
    const line = at < 0 ? undefined : lossy.slice(0, at).split('\n').length;
    throw new ReadError('not-utf8', file, 'bytes that are not UTF-8', line);
  }
}
