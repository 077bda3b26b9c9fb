/**
 * Near-duplicate detection for syndicated copies: a MinHash sketch over word 3-shingles of the
 * normalised text, computed once per article (128 hashes), with LSH bands so that candidates are found by index
 * lookups rather than by comparing against every stored article.
 *
 * Normalisation lower-cases and keeps runs of letters and digits, so a copy that differs in
 * punctuation, quotes, spacing or case has the same words. A copy with a new headline, a trimmed last
 * paragraph or a changed byline still shares most shingles; two outlets writing their own story share few.
 */

export const SIGNATURE_SIZE = 128;
/**
 * 42 bands of 3 rows (126 of the 128 values): two texts share a band with probability 1 - (1 - J^3)^42,
 * which is 0.996 at the duplicate threshold J = 0.5 and 0.04 at J = 0.1, so copies are found and
 * unrelated stories rarely even become candidates.
 */
export const BANDS = 42;
const ROWS = 3;
/** The LSH band keys of a signature: `band * 2^32 + hash of the band's rows`. */
export function bandsOf(signature: Uint32Array): number[] {
  const bands: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) {
      h ^= signature[b * ROWS + r];
      h = Math.imul(h, 0x01000193);
    }
    bands.push(b * 2 ** 32 + (h >>> 0));
  }
  return bands;
}

/** Estimated Jaccard similarity from which two texts count as copies of one story. */
export const DUPLICATE_THRESHOLD = 0.5;
const SHINGLE = 3;

// Fixed odd multipliers and offsets for the hash family h_i(x) = a_i * x + b_i (mod 2^32): a
// deterministic sequence, so sketches are stable across runs and machines.
const A = new Uint32Array(SIGNATURE_SIZE);
const B = new Uint32Array(SIGNATURE_SIZE);
{
  let s = 0x9e3779b9;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    A[i] = next() | 1;
    B[i] = next();
  }
}

export interface Sketch {
  signature: Uint32Array;
  /** One key per band, `band * 2^32 + hash`, to look candidates up in an index. */
  bands: number[];
}

/** FNV-1a over UTF-16 code units, then a final avalanche. */
function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The sketch of a text. Linear in its length: one regex pass, one hash per shingle, 128 mixes each. */
export function sketchText(text: string): Sketch {
  const words = text.toLowerCase().match(WORD) ?? [];
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const n = words.length < SHINGLE ? Math.min(words.length, 1) : words.length - SHINGLE + 1;
  for (let i = 0; i < n; i++) {
    const shingle = words.length < SHINGLE ? words.join(' ') : `${words[i]} ${words[i + 1]} ${words[i + 2]}`;
    const x = hashString(shingle);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      let h = (Math.imul(A[k], x) + B[k]) >>> 0;
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d) >>> 0;
      if (h < signature[k]) signature[k] = h;
    }
  }
  return { signature, bands: bandsOf(signature) };
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

export function signatureToBytes(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, SIGNATURE_SIZE);
}

/** The outlet an article's `source` names: a URL's host without `www.`, else the lower-cased name. */
export function outletOf(source: string | null): string | null {
  if (!source) return null;
  const s = source.trim().toLowerCase();
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/.exec(s);
  const host = m ? m[1] : s;
  return host.replace(/^www\./, '') || null;
}
