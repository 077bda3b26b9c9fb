import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { orderedPool, type PoolItem } from '../../src/workers/ordered-pool.js';

/**
 * A plain-JavaScript worker that squares numbers, sleeping longer for some inputs so that answers from
 * two workers come back out of order. It dies on -1.
 */
const SQUARER = `
const { parentPort } = require('node:worker_threads');
const pause = new Int32Array(new SharedArrayBuffer(4));
parentPort.on('message', ({ seq, input }) => {
  if (input === -1) process.exit(3);
  Atomics.wait(pause, 0, 0, input % 3 === 0 ? 8 : 0);
  parentPort.postMessage({ seq, output: input * input });
});`;

const spawn = () => new Worker(SQUARER, { eval: true });

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
