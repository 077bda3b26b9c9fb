/**
 * The worker side of the ordered pool: answers each `{seq, input}` with `{seq, output}`, in the order
 * received. The handler must not throw for a bad input (it turns failures into outputs); if it does, the
 * worker dies and the pool reports that input as crashed and re-sends the others to a fresh worker.
 */
import { parentPort } from 'node:worker_threads';

export function serveTasks<I, O>(handler: (input: I) => O): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run inside a worker thread');
  port.on('message', (task: { seq: number; input: I }) => {
    port.postMessage({ seq: task.seq, output: handler(task.input) });
  });
}
