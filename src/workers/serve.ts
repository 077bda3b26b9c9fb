/**
 * The worker side of the ordered pool: answers each `{seq, input}` with its output, in the order
 * received. The handler must not throw for a bad input (it turns failures into outputs); if it does, the
 * worker dies and the pool reports that input as crashed and re-sends the others to a fresh worker.
 *
 * Answers go back in batches, `{replies: [{seq, output}, ...]}`: up to `batch` at a time, and whatever
 * is ready as soon as no more input is queued (a `setImmediate` runs only once the port's queued messages
 * have all been handled). Each message wakes the waiting main thread, and on a machine with as many
 * cores as workers that wake-up takes a core from a worker; one per batch instead of one per article
 * keeps the workers on their cores.
 *
 * Since answers wait in a batch, a worker that dies may take answers it had already computed with it;
 * the pool then needs to know which input was the fatal one, and that the worker did start. The first
 * message (`{progress}`) gives a shared Int32Array of two cells: the worker writes in the first the
 * sequence number it is coding (-1 between inputs), and counts in the second the inputs it took up.
 */
import { parentPort } from 'node:worker_threads';

/** Answers per message, at most. */
export const REPLY_BATCH = 4;

export interface ServeOptions {
  /** Answers per message, at most (default `REPLY_BATCH`). */
  batch?: number;
}

export function serveTasks<I, O>(handler: (input: I) => O, options: ServeOptions = {}): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run inside a worker thread');
  const batch = Math.max(1, options.batch ?? REPLY_BATCH);
  let progress: Int32Array | undefined;
  let replies: { seq: number; output: O }[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (replies.length === 0) return;
    const message = { replies };
    replies = [];
    port.postMessage(message);
  };
  port.on('message', (task: { seq: number; input: I } | { progress: SharedArrayBuffer }) => {
    if ('progress' in task) {
      progress = new Int32Array(task.progress);
      return;
    }
    if (progress) {
      Atomics.store(progress, 0, task.seq);
      Atomics.add(progress, 1, 1);
    }
    const output = handler(task.input);
    if (progress) Atomics.store(progress, 0, -1);
    replies.push({ seq: task.seq, output });
    if (replies.length >= batch) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}
