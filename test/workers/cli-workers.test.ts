import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLES = join(ROOT, 'test/fixtures/workers/articles.jsonl');

function annals(...args: string[]) {
  const run = spawnSync(join(ROOT, 'bin/annals'), args, { encoding: 'utf8', cwd: ROOT });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// The built CLI: worker threads start from dist/workers/code-worker.js, with no TypeScript loader.
describe('annals code --workers from dist/', () => {
  beforeAll(() => {
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    } catch {
      // Type errors elsewhere in the tree still emit JavaScript; the checks below need only the emitted files.
    }
    expect(existsSync(join(ROOT, 'dist/workers/code-worker.js'))).toBe(true);
  }, 120_000);

  it('prints the same lines with 2 workers as with 1', () => {
    const one = annals('code', '--format', 'jsonl', '--workers', '1', ARTICLES);
    const two = annals('code', '--format', 'jsonl', '--workers', '2', ARTICLES);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    const lines = two.stdout.trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`),
    );
    expect(two.stdout).toBe(one.stdout);
  });

  it('json and summary formats agree between 1 and 2 workers', () => {
    for (const format of ['json', 'summary']) {
      const one = annals('code', '--format', format, '--workers', '1', ARTICLES);
      const two = annals('code', '--format', format, '--workers', '2', ARTICLES);
      expect(two.status).toBe(0);
      expect(two.stdout.length).toBeGreaterThan(1000);
      expect(two.stdout).toBe(one.stdout);
    }
  });

  it('reports a bad line on stderr, exits 1, and prints every other article', () => {
    const lines = readFileSync(ARTICLES, 'utf8').trimEnd().split('\n');
    lines.splice(5, 0, '{"id": 12, "date": "2024-13-45", "text": "Bad date."}');
    const dir = mkdtempSync(join(tmpdir(), 'annals-cli-workers-'));
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const run = annals('code', '--format', 'jsonl', '--workers', '2', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${file}:6:`);
    expect(run.stderr).toContain('12 articles coded, 1 failed');
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(12);
  });

  it('rejects a --workers value that is not a whole number >= 1', () => {
    const run = annals('code', '--workers', '0', ARTICLES);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--workers must be a whole number >= 1/);
  });
});
