import { createHash } from 'node:crypto';

/**
 * The content hash that makes re-ingesting the same text under another id a no-op. Whitespace runs count
 * as one space and the ends are trimmed, so a copy that only differs in line endings or spacing is the same.
 */
export function contentHash(raw: string): string {
  return createHash('sha256').update(raw.replace(/\s+/g, ' ').trim()).digest('hex');
}
