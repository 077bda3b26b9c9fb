/** Runs the CLI's `main()` in-process with fake standard streams. */
import { Readable, Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Collect extends Writable {
  text = '';
  _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs `annals <argv>`; `stdin` is what standard input holds (bytes or text). */
export async function runMain(argv: string[], stdin: string | Buffer = ''): Promise<MainRun> {
  const stdout = new Collect();
  const stderr = new Collect();
  const input = Readable.from(stdin === '' ? [] : [typeof stdin === 'string' ? Buffer.from(stdin) : stdin]);
  const code = await main(argv, { stdout, stderr, stdin: input });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The JSON documents of a `--format jsonl` run. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
