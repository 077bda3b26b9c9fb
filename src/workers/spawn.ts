/**
 * Starts a code worker from wherever this module runs: from dist/ (built, plain JavaScript) the entry is
 * `code-worker.js`; from src/ under tsx or vitest it is `code-worker.ts`, which the worker imports through
 * tsx's `tsImport` (a worker thread does not inherit the parent's TypeScript loader, and on Node 20 a
 * `--import tsx` in the worker's execArgv does not register it either).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const fromSource = import.meta.url.endsWith('.ts');

/**
 * A worker's old generation is capped: V8 otherwise lets a long run's heap grow well past what it keeps
 * alive (workers hold about 70 MB live, caches included), and peak memory then grows with the length of
 * the input (`npm run bench:memory`: 25,000 / 1,000 articles 1.47 without the cap, 1.33 with it). An
 * article too large to code within it fails alone, as a crashed worker's article does.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 256 };

export function spawnCodeWorker(workerData: unknown): Worker {
  if (!fromSource)
    return new Worker(new URL('./code-worker.js', import.meta.url), {
      workerData,
      resourceLimits: RESOURCE_LIMITS,
    });
  const entry = new URL('./code-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxApi())}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`;
  return new Worker(boot, { eval: true, workerData, resourceLimits: RESOURCE_LIMITS });
}

let api: string | undefined;

/** tsx's ESM API, resolved from this package (tsx is a development dependency, only needed from src/). */
function tsxApi(): string {
  api ??= new URL(
    'dist/esm/api/index.mjs',
    pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')),
  ).href;
  return api;
}
