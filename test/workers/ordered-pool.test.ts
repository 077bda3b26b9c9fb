import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { orderedPool, type PoolItem } from '../../src/workers/ordered-pool.js';

/**
 * A plain-JavaScript worker that squares numbers, sleeping longer for some inputs so that answers from
 * two workers come back out of order. It answers each input on its own, keeps no progress cell (the
 * pool's first message), and dies on -1.
 */
const SQUARER = `
const { parentPort } = require('node:worker_threads');
const pause = new Int32Array(new SharedArrayBuffer(4));
parentPort.on('message', ({ seq, input, progress }) => {
  if (progress) return;
  if (input === -1) process.exit(3);
  Atomics.wait(pause, 0, 0, input % 3 === 0 ? 8 : 0);
  parentPort.postMessage({ seq, output: input * input });
});`;

const spawn = () => new Worker(SQUARER, { eval: true });

/**
 * The same as a batching worker, as serve.ts answers: it keeps its progress cell and holds answers back
 * until it has three (or its input runs dry), so when it dies on -1 it takes finished answers with it.
 */
const BATCHER = `
const { parentPort } = require('node:worker_threads');
let progress;
let replies = [];
const flush = () => { if (replies.length) parentPort.postMessage({ replies }); replies = []; };
parentPort.on('message', ({ seq, input, progress: cell }) => {
  if (cell) return void (progress = new Int32Array(cell));
  Atomics.store(progress, 0, seq);
  Atomics.add(progress, 1, 1);
  if (input === -1) process.exit(3);
  replies.push({ seq, output: input * input });
  Atomics.store(progress, 0, -1);
  if (replies.length === 3) flush();
  else setImmediate(flush);
});`;

async function* numbers(list: (number | string)[]): AsyncGenerator<PoolItem<number, number | string>> {
  for (const x of list) yield typeof x === 'number' ? { run: x } : { ready: x };
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('orderedPool', () => {
  const crashed = (input: number, reason: string) => `crashed on ${input}: ${reason}`;

  it('yields results in input order although workers answer out of order', async () => {
    const input = Array.from({ length: 40 }, (_, i) => i);
    const out = await collect(orderedPool(numbers(input), { workers: 2, maxInFlight: 8, spawn, crashed }));
    expect(out).toEqual(input.map((i) => i * i));
  });

  it('passes known results through in place', async () => {
    const out = await collect(
      orderedPool(numbers([2, 'skipped', 3, 'also skipped', 4]), {
        workers: 2,
        maxInFlight: 3,
        spawn,
        crashed,
      }),
    );
    expect(out).toEqual([4, 'skipped', 9, 'also skipped', 16]);
  });

  it('reports the input a worker died on and re-sends the others', async () => {
    const out = await collect(
      orderedPool(numbers([1, 2, 3, -1, 5, 6, 7]), { workers: 1, maxInFlight: 7, spawn, crashed }),
    );
    expect(out).toEqual([1, 4, 9, 'crashed on -1: worker stopped (exit code 3)', 25, 36, 49]);
  });

  it('a batching worker that dies: blames the input it was on, and re-sends the answers it took along', async () => {
    const batcher = () => new Worker(BATCHER, { eval: true });
    // One worker and all seven inputs sent at once: 1, 2 and 3 go back as a batch, then 4 is held back
    // when the worker dies on -1 (the fifth input).
    const out = await collect(
      orderedPool(numbers([1, 2, 3, 4, -1, 6, 7]), { workers: 1, maxInFlight: 7, spawn: batcher, crashed }),
    );
    expect(out).toEqual([1, 4, 9, 16, 'crashed on -1: worker stopped (exit code 3)', 36, 49]);
    // Dying before its first answer is still a worker that started: it had taken up an input.
    const early = await collect(
      orderedPool(numbers([1, -1, 3]), { workers: 1, maxInFlight: 3, spawn: batcher, crashed }),
    );
    expect(early).toEqual([1, 'crashed on -1: worker stopped (exit code 3)', 9]);
  });

  it('starts no more workers than asked for, and only as work needs them', async () => {
    let started = 0;
    const counting = () => (started++, spawn());
    await collect(orderedPool(numbers([5]), { workers: 2, maxInFlight: 4, spawn: counting, crashed }));
    expect(started).toBe(1);
    started = 0;
    await collect(
      orderedPool(numbers([...Array(30).keys()]), { workers: 2, maxInFlight: 10, spawn: counting, crashed }),
    );
    expect(started).toBe(2);
  });
});
