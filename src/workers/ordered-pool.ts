/**
 * An ordered pool of worker threads: items go in from an async source, results come out in the same
 * order, and at most `maxInFlight` items are between the source and the consumer at any time (read but
 * not yet yielded), so memory stays flat however long the input is.
 *
 * The pool knows nothing about articles. Each worker runs an entry module that calls `serveTasks` (see
 * serve.ts); the pool first sends `{progress}` (shared cells where the worker keeps the sequence number
 * it is working on and how many inputs it has taken up), then `{seq, input}` per item, and the worker
 * answers `{replies: [{seq, output}, ...]}` (a single `{seq, output}` is understood too). Items whose
 * result is already known (a read error) pass through the same reorder buffer, so they come out in place.
 */
import { Worker } from 'node:worker_threads';
import { AnnalsError } from '../errors.js';

/** An item from the source: work for a worker, or a result that is already known. */
export type PoolItem<I, O> = { run: I } | { ready: O };

export interface PoolOptions<I, O> {
  /** Worker threads to start (at least 1). Workers start lazily, as work arrives. */
  workers: number;
  /** Items read from the source and not yet yielded, at most. */
  maxInFlight: number;
  /** Starts one worker. */
  spawn: () => Worker;
  /** The result for an input whose worker died while coding it. */
  crashed: (input: I, reason: string) => O;
}

interface Slot {
  worker: Worker;
  /** Sequence numbers sent to this worker and not yet answered, in the order sent. */
  pending: number[];
  /**
   * True once the worker has answered. A worker that dies before answering and before taking up any
   * input (`progress[1]`) could not start; one that answers in batches may die after taking up inputs
   * but before its first answer.
   */
  answered: boolean;
  /** The last uncaught error inside the worker, for the crash report. */
  lastError?: string;
  /** Written by the worker: [the sequence number it is working on or -1 between items, inputs taken up]. */
  progress: Int32Array;
}

interface Reply<O> {
  seq: number;
  output: O;
}

/** What a worker sends: a batch of answers, or (a plain worker) one answer. */
type ReplyMessage<O> = { replies: Reply<O>[] } | Reply<O>;

/**
 * Maps `source` through the workers; yields results in source order. Stopping early (break, return, an
 * exception in the consumer) terminates the workers.
 */
export async function* orderedPool<I, O>(
  source: AsyncIterable<PoolItem<I, O>>,
  options: PoolOptions<I, O>,
): AsyncGenerator<O> {
  const maxInFlight = Math.max(1, options.maxInFlight);
  const size = Math.max(1, options.workers);
  const slots: Slot[] = [];
  /** Results waiting for their turn, by sequence number. */
  const done = new Map<number, O>();
  /** Inputs at a worker, by sequence number, kept to re-send them if a worker dies. */
  const inputs = new Map<number, I>();
  let nextSeq = 0;
  let nextOut = 0;
  let wake: (() => void) | null = null;
  let fatal: Error | null = null;
  let closing = false;

  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const dispatch = (seq: number, input: I) => {
    inputs.set(seq, input);
    let slot = slots.reduce<Slot | undefined>(
      (best, s) => (!best || s.pending.length < best.pending.length ? s : best),
      undefined,
    );
    // Start another worker while there are fewer than asked for and every running one is busy.
    if (!slot || (slot.pending.length > 0 && slots.length < size)) slot = start();
    slot.pending.push(seq);
    slot.worker.postMessage({ seq, input });
  };

  const start = (): Slot => {
    const progress = new Int32Array(new SharedArrayBuffer(8));
    progress[0] = -1;
    const slot: Slot = { worker: options.spawn(), pending: [], answered: false, progress };
    slots.push(slot);
    slot.worker.postMessage({ progress: progress.buffer });
    slot.worker.on('message', (message: ReplyMessage<O>) => {
      slot.answered = true;
      for (const reply of 'replies' in message ? message.replies : [message]) {
        const at = slot.pending.indexOf(reply.seq);
        if (at >= 0) slot.pending.splice(at, 1);
        inputs.delete(reply.seq);
        done.set(reply.seq, reply.output);
      }
      signal();
    });
    slot.worker.on('error', (e) => {
      slot.lastError = e instanceof Error ? e.message : String(e);
    });
    slot.worker.on('exit', (code) => {
      slots.splice(slots.indexOf(slot), 1);
      if (closing) return;
      const reason = `worker stopped (${slot.lastError ?? `exit code ${code}`})`;
      if (!slot.answered && Atomics.load(slot.progress, 1) === 0) {
        fatal = new AnnalsError('pipeline', `a worker could not start: ${reason}`);
        signal();
        return;
      }
      // The input the worker died on is the one its progress cell names; a worker that died between
      // inputs (or does not keep the cell) is taken to have died on the first input still unanswered,
      // as it works in the order sent. Every other unanswered input (including any it had finished but
      // not yet sent back) goes again to a fresh worker.
      const working = Atomics.load(slot.progress, 0);
      const culprit = slot.pending.includes(working) ? working : slot.pending[0];
      if (culprit !== undefined) {
        done.set(culprit, options.crashed(inputs.get(culprit) as I, reason));
        inputs.delete(culprit);
      }
      for (const seq of slot.pending) if (seq !== culprit) dispatch(seq, inputs.get(seq) as I);
      signal();
    });
    return slot;
  };

  const iterator = source[Symbol.asyncIterator]();
  let sourceDone = false;
  try {
    for (;;) {
      while (done.has(nextOut)) {
        const out = done.get(nextOut) as O;
        done.delete(nextOut);
        nextOut++;
        yield out;
      }
      if (fatal) throw fatal;
      while (!sourceDone && nextSeq - nextOut < maxInFlight) {
        const next = await iterator.next();
        if (next.done) {
          sourceDone = true;
          break;
        }
        const seq = nextSeq++;
        if ('ready' in next.value) done.set(seq, next.value.ready);
        else dispatch(seq, next.value.run);
        if (done.has(nextOut)) break;
      }
      if (sourceDone && nextOut === nextSeq) return;
      if (!done.has(nextOut) && !fatal) await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    closing = true;
    if (!sourceDone) await iterator.return?.();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
