/**
 * Flat memory: peak RSS of `annals code --format jsonl > /dev/null` (and `annals ingest`, when the CLI
 * has it) on 1,000 and on 25,000 articles; streaming means the second peak stays within 1.3 times the first.
 *
 *   npm run bench:memory -- [--workers N] [--small 1000] [--large 25000] [--runs 3]
 *
 * Each size is measured `--runs` times, the sizes taking turns, and the median peak counts: a single
 * peak moves by 20 MB or more from run to run on the same input (when V8 collects garbage in each of the
 * three isolates decides it), which alone can move the ratio by 0.1.
 *
 * Runs the built CLI (`bin/annals`, so `npm run build` first) as a child process per measurement; the
 * child reports its own peak RSS (`process.resourceUsage().maxRSS`, which counts its worker threads) on
 * exit. The inputs are the benchmark corpora, written under bench/out/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corporaPresent, corpusJsonl, DEFAULT_OUT_DIR } from './corpora.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/annals');
/** Loaded before the CLI in the child: prints the peak RSS (KB) on exit. */
const REPORT_PEAK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("\\npeak-rss-kb "+process.resourceUsage().maxRSS+"\\n"))';

/**
 * `n` benchmark articles (`all`, then `bbc`, then the same again with new ids, since the corpora hold
 * 23,720 articles) as a JSONL file.
 */
function articles(n: number): string {
  const source: string[] = [];
  for (const name of ['all', 'bbc'] as const)
    for (const line of readFileSync(corpusJsonl(name), 'utf8').split('\n')) if (line) source.push(line);
  const lines: string[] = [];
  for (let round = 1; lines.length < n; round++)
    for (const line of source) {
      if (lines.length === n) break;
      lines.push(round === 1 ? line : line.replace('{"id":"', `{"id":"r${round}-`));
    }
  const file = join(DEFAULT_OUT_DIR, `memory-${n}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

interface Run {
  peakMB: number;
  seconds: number;
}

function measure(args: string[]): Run {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', REPORT_PEAK, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  const peak = /peak-rss-kb (\d+)/.exec(child.stderr ?? '');
  // Exit 1 means some articles failed (each reported) and the rest were coded: still a measurement.
  if ((child.status !== 0 && child.status !== 1) || !peak)
    throw new Error(`annals ${args.join(' ')} failed (${child.status}): ${child.stderr?.slice(-2000)}`);
  return { peakMB: Number(peak[1]) / 1024, seconds };
}

/** The middle value (the mean of the two middle ones for an even count). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function hasCommand(name: string): boolean {
  const help = spawnSync(process.execPath, [BIN, '--help'], { cwd: ROOT, encoding: 'utf8' });
  return new RegExp(`^\\s+${name}\\s`, 'm').test(help.stdout ?? '');
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      workers: { type: 'string', default: '2' },
      small: { type: 'string', default: '1000' },
      large: { type: 'string', default: '25000' },
      runs: { type: 'string', default: '3' },
    },
  });
  if (!corporaPresent()) {
    process.stderr.write('bench:memory: ../shared/corpora is absent; nothing to measure\n');
    return 1;
  }
  const sizes = [Number(values.small), Number(values.large)];
  const files = sizes.map(articles);
  const commands: [string, (file: string) => string[]][] = [
    [
      'annals code --format jsonl',
      (file) => ['code', '--format', 'jsonl', '--workers', values.workers, file],
    ],
  ];
  if (hasCommand('ingest')) {
    const dir = mkdtempSync(join(tmpdir(), 'annals-memory-'));
    let k = 0;
    commands.push([
      'annals ingest',
      (file) => ['ingest', '--db', join(dir, `bench-${k++}.sqlite`), '--workers', values.workers, file],
    ]);
  } else process.stdout.write('(annals has no ingest command yet; measuring code only)\n');

  let worst = 0;
  process.stdout.write(
    `workers ${values.workers}; peak RSS of the whole process, worker threads included\n\n`,
  );
  const repeat = Math.max(1, Number(values.runs));
  for (const [label, args] of commands) {
    const runs: Run[][] = files.map(() => []);
    for (let k = 0; k < repeat; k++) for (const [i, f] of files.entries()) runs[i].push(measure(args(f)));
    const peaks = runs.map((r) => median(r.map((x) => x.peakMB)));
    const ratio = peaks[1] / peaks[0];
    worst = Math.max(worst, ratio);
    for (const [i, r] of runs.entries()) {
      const each = r.map((x) => x.peakMB.toFixed(0)).join(', ');
      const seconds = median(r.map((x) => x.seconds));
      process.stdout.write(
        `${label.padEnd(28)} ${String(sizes[i]).padStart(6)} articles: peak RSS ${peaks[i].toFixed(0).padStart(4)} MB median of ${each}  (${seconds.toFixed(1)} s)\n`,
      );
    }
    process.stdout.write(
      `${label.padEnd(28)} ratio ${sizes[1]}/${sizes[0]}: ${ratio.toFixed(2)} (goal <= 1.3)\n\n`,
    );
  }
  return worst <= 1.3 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
