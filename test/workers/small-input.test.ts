import { describe, expect, it, vi } from 'vitest';
import { codeArticles, SMALL_INPUT } from '../../src/code-articles.js';
import { spawnCodeWorker } from '../../src/workers/spawn.js';

vi.mock('../../src/workers/spawn.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/workers/spawn.js')>();
  return { spawnCodeWorker: vi.fn(real.spawnCodeWorker) };
});

const ARTICLES = new URL('../fixtures/workers/articles.jsonl', import.meta.url).pathname;

async function* articles(n: number) {
  for (let i = 0; i < n; i++)
    yield {
      ok: true as const,
      article: { id: `s${i}`, date: '2024-06-01', text: `Short article ${i}. It ends.` },
    };
}

describe('small inputs', () => {
  it(`codes up to ${SMALL_INPUT} articles in this thread, starting no worker`, async () => {
    const { codeReadResults } = await import('../../src/code-articles.js');
    vi.mocked(spawnCodeWorker).mockClear();
    const ids: string[] = [];
    for await (const r of codeReadResults(articles(SMALL_INPUT), { workers: 2 }))
      if (r.ok && r.doc) ids.push(r.doc.id);
    expect(ids).toEqual(Array.from({ length: SMALL_INPUT }, (_, i) => `s${i}`));
    expect(spawnCodeWorker).not.toHaveBeenCalled();
  });

  it('starts workers for a longer input, and still gives every article in order', async () => {
    vi.mocked(spawnCodeWorker).mockClear();
    const ids: string[] = [];
    for await (const r of codeArticles([ARTICLES], { workers: 2 })) if (r.ok) ids.push(r.doc.id);
    expect(ids).toHaveLength(12);
    expect(ids[0]).toBe('w01');
    expect(ids[11]).toBe('w12');
    expect(vi.mocked(spawnCodeWorker).mock.calls.length).toBeGreaterThanOrEqual(1);
    expect(vi.mocked(spawnCodeWorker).mock.calls.length).toBeLessThanOrEqual(2);
  });
});
