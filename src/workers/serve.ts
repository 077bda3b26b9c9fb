/**
 * The worker side of the ordered pool: answers each `{seq, input}` with its output, in the order
 * received. The handler must not throw for a bad input (it turns failures into outputs); if it does, the
 * worker dies and the pool reports that input as crashed and re-sends the others to a fresh worker.
 *
 * Inputs are handled in batches: whatever has arrived, up to `batch` at a time (a `setImmediate` runs
 * only once the port's queued messages have all been received), so that a batch handler can code them
 * together (stage by stage, `Pipeline.runBatch`), and the answers go back as one message,
 * `{replies: [{seq, output}, ...]}`. Each message wakes the waiting main thread, and on a machine with as
 * many cores as workers that wake-up takes a core from a worker; one per batch keeps the workers on their
 * cores. Taking at most `batch` leaves the rest queued, so the next batch is there when this one is done.
 *
 * Since answers wait for their batch, a worker that dies may take answers it had already computed with
 * it; the pool then needs to know which input was the fatal one, and that the worker did start. The first
 * message (`{progress}`) gives a shared Int32Array of two cells: the worker writes in the first the
 * sequence number it is working on (the handler's `visit(i)` says which; -1 between batches), and counts
 * in the second the inputs it took up.
 */
import { parentPort } from 'node:worker_threads';

/** Inputs handled together, at most: half of what the pool keeps in flight per worker by default. */
export const BATCH = 8;

export interface ServeOptions<O = unknown> {
  /** Inputs handled together, at most (default `BATCH`). */
  batch?: number;
  /** Buffers of an output to move to the main thread rather than copy (they are unusable here after). */
  transfer?: (output: O) => ArrayBuffer[];
}

/** Handles a batch: one output per input, in order; calls `visit(i)` before working on input `i`. */
export type BatchHandler<I, O> = (inputs: I[], visit: (i: number) => void) => O[];

/** Serves a handler of one input at a time (its batches are handled input by input). */
export function serveTasks<I, O>(handler: (input: I) => O, options: ServeOptions<O> = {}): void {
  serveBatches<I, O>(
    (inputs, visit) =>
      inputs.map((input, i) => {
        visit(i);
        return handler(input);
      }),
    options,
  );
}

export function serveBatches<I, O>(handler: BatchHandler<I, O>, options: ServeOptions<O> = {}): void {
  const port = parentPort;
  if (!port) throw new Error('serveBatches must run inside a worker thread');
  const batch = Math.max(1, options.batch ?? BATCH);
  let progress: Int32Array | undefined;
  const queue: { seq: number; input: I }[] = [];
  let scheduled = false;

  const work = () => {
    scheduled = false;
    const tasks = queue.splice(0, batch);
    if (tasks.length === 0) return;
    if (progress) Atomics.add(progress, 1, tasks.length);
    const cell = progress;
    const visit = cell ? (i: number) => Atomics.store(cell, 0, tasks[i].seq) : () => {};
    const outputs = handler(
      tasks.map((t) => t.input),
      visit,
    );
    if (progress) Atomics.store(progress, 0, -1);
    port.postMessage(
      { replies: tasks.map((t, i) => ({ seq: t.seq, output: outputs[i] })) },
      options.transfer ? outputs.flatMap(options.transfer) : [],
    );
    // Let the messages that came in meanwhile arrive before the next batch.
    if (queue.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(work);
  };

  port.on('message', (task: { seq: number; input: I } | { progress: SharedArrayBuffer }) => {
    if ('progress' in task) progress = new Int32Array(task.progress);
    else {
      queue.push(task);
      schedule();
    }
  });
}
