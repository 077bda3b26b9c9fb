/** Document ids: an input without an id of its own gets one from its content. */
import { describe, expect, it } from 'vitest';
import { contentId, createDoc } from '../src/pipeline.js';

describe('content ids', () => {
  it('are the first 16 hex digits of the SHA-256 of the UTF-8 text', () => {
    expect(contentId('')).toBe('e3b0c44298fc1c14');
    expect(contentId('abc')).toBe('ba7816bf8f01cfea');
    // Non-ASCII text is hashed as UTF-8: `é` is the two bytes c3 a9.
    expect(contentId('é')).toBe('4a99557e4033c353');
  });

  it('name a document read without an id', () => {
    expect(createDoc({ date: null, text: 'abc' }).id).toBe('ba7816bf8f01cfea');
    expect(createDoc({ id: 'x1', date: null, text: 'abc' }).id).toBe('x1');
  });
});
