/**
 * The worker side of the ordered pool: answers each `{seq, input}` with its output, in the order
 * received. The handler must not throw for a bad input (it turns failures into outputs); if it does, the
 * worker dies and the pool reports that input as crashed and re-sends the others to a fresh worker.
 *
 * Inputs are handled in batches: they queue as they arrive, and once the port's queued messages have all
 * been received (a `setImmediate` runs only then) the handler takes up to `batch` of them at once. The
 * pipeline codes a batch stage by stage, which is faster than one article at a time. Answers go back as one
 * message per batch, `{replies: [{seq, output}, ...]}`: each message wakes the waiting main thread, and on
 * a machine with as many cores as workers that wake-up takes a core from a worker.
 *
 * Since answers wait for their batch, a worker that dies takes the batch's finished answers with it; the
 * pool then needs to know which input was the fatal one, and that the worker did start. The first
 * message (`{progress}`) gives a shared Int32Array of two cells: the worker writes in the first the
 * sequence number it is working on (the handler's `visit` says which; -1 between batches), and counts in
 * the second the inputs it took up.
 */
import { parentPort } from 'node:worker_threads';

/** Inputs handled together, at most. */
export const TASK_BATCH = 16;

export interface ServeOptions {
  /** Inputs handled (and answered) together, at most (default `TASK_BATCH`). */
  batch?: number;
}

/**
 * Handles a batch: one output per input, in order. It calls `visit(i)` whenever it turns to input `i`, so
 * that a crash is blamed on the right input.
 */
export type BatchHandler<I, O> = (inputs: I[], visit: (i: number) => void) => O[];

export function serveTasks<I, O>(handler: BatchHandler<I, O>, options: ServeOptions = {}): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run inside a worker thread');
  const batch = Math.max(1, options.batch ?? TASK_BATCH);
  let progress: Int32Array | undefined;
  const queue: { seq: number; input: I }[] = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(work);
  };
  const work = () => {
    scheduled = false;
    const taken = queue.splice(0, batch);
    const cell = progress;
    if (cell) Atomics.add(cell, 1, taken.length);
    const outputs = handler(
      taken.map((t) => t.input),
      cell ? (i) => Atomics.store(cell, 0, taken[i].seq) : () => {},
    );
    if (cell) Atomics.store(cell, 0, -1);
    port.postMessage({ replies: taken.map((t, i) => ({ seq: t.seq, output: outputs[i] })) });
    schedule();
  };
  port.on('message', (task: { seq: number; input: I } | { progress: SharedArrayBuffer }) => {
    if ('progress' in task) progress = new Int32Array(task.progress);
    else {
      queue.push(task);
      schedule();
    }
  });
}
