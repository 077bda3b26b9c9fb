/**
 * Kills `bin/annals ingest` (SIGKILL) in the middle of a batch run, then checks that the database is
 * consistent (every article complete with all its layers, or absent) and that a re-run completes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BANDS } from '../../src/store/near-duplicates.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'annals');
const dir = mkdtempSync(join(tmpdir(), 'annals-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const N = 800;
const PLACES = ['Geneva', 'Nairobi', 'Lima', 'Hanoi', 'Oslo', 'Rabat', 'Quito', 'Dhaka'];
const ACTS = ['met', 'criticized', 'praised', 'accused', 'thanked', 'warned'];

/** Short articles of our own making, each different, some with quotes, one broken line among them. */
function writeCorpus(file: string): void {
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    const place = PLACES[i % PLACES.length];
    const act = ACTS[i % ACTS.length];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const text =
      `${place}, March ${Number(day)} - The foreign minister ${act} the ambassador of the neighbouring state on ` +
      `Tuesday in meeting number ${i}. "We expect progress on item ${i * 7}," the minister said. ` +
      `Talks will resume next week, officials in ${place} said.`;
    lines.push(
      JSON.stringify({ id: `kill-${i}`, date: `2023-03-${day}`, source: `outlet-${i % 5}.example`, text }),
    );
    if (i === 400) lines.push('{"id": "kill-broken", "date":');
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

/** The newest modification time under a folder. */
function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/** bin/annals runs dist/: build it when it is missing or older than the sources. */
function ensureBuilt(): void {
  const target = join(ROOT, 'dist', 'cli', 'commands', 'ingest.js');
  if (existsSync(target) && statSync(target).mtimeMs >= newest(join(ROOT, 'src'))) return;
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
}

function count(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return d.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    } finally {
      d.close();
    }
  } catch {
    return 0;
  }
}

/** Every stored article has all its layers; the indexes agree with the tables. */
function checkConsistent(path: string): { ok: number; failed: number } {
  const db = new Database(path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
    db.exec("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')");
    const incomplete = db
      .prepare(
        `SELECT a.id FROM articles a WHERE a.status = 'ok' AND (
           a.n_actors != (SELECT count(*) FROM actors WHERE article = a.rowid)
           OR a.n_mentions != (SELECT count(*) FROM mentions WHERE article = a.rowid)
           OR a.n_quotes != (SELECT count(*) FROM quotes WHERE article = a.rowid)
           OR a.n_times != (SELECT count(*) FROM times WHERE article = a.rowid)
           OR a.n_events != (SELECT count(*) FROM events WHERE article = a.rowid)
           OR (SELECT count(*) FROM sketch_bands WHERE article = a.rowid) != ${BANDS}
           OR (SELECT count(*) FROM articles_fts WHERE rowid = a.rowid) != 1)`,
      )
      .pluck()
      .all();
    expect(incomplete).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM events WHERE canonical IS NULL').pluck().get()).toBe(0);
    const badCounts = db
      .prepare(
        'SELECT count(*) FROM canonical_events c WHERE num_mentions != (SELECT count(*) FROM events WHERE canonical = c.rowid)',
      )
      .pluck()
      .get();
    expect(badCounts).toBe(0);
    const quotesTotal = db.prepare('SELECT sum(n_quotes) FROM articles').pluck().get() as number | null;
    expect(db.prepare('SELECT count(*) FROM quotes').pluck().get()).toBe(quotesTotal ?? 0);
    return {
      ok: db.prepare("SELECT count(*) FROM articles WHERE status = 'ok'").pluck().get() as number,
      failed: db.prepare("SELECT count(*) FROM articles WHERE status = 'failed'").pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('killing an ingest mid-batch', () => {
  const corpus = join(dir, 'corpus.jsonl');
  const db = join(dir, 'killed.db');
  beforeAll(() => {
    ensureBuilt();
    writeCorpus(corpus);
  }, 180_000);

  it('leaves only whole articles, and a re-run completes', async () => {
    const args = [BIN, 'ingest', corpus, '--db', db, '--batch', '8', '--workers', '1'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on('exit', (code, signal) => resolve(signal ?? code)),
    );
    let seen = 0;
    const deadline = Date.now() + 60_000;
    while (seen < 24 && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 20));
      seen = count(db);
    }
    child.kill('SIGKILL');
    expect(await exited, stderr).toBe('SIGKILL');

    const afterKill = checkConsistent(db);
    expect(afterKill.ok).toBeGreaterThan(0);
    expect(afterKill.ok + afterKill.failed).toBeLessThan(N + 1);

    const rerun = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(rerun.status, rerun.stderr).toBe(1); // the one broken line is reported as failed
    expect(rerun.stderr).toMatch(
      new RegExp(`${N + 1} read, \\d+ new, ${afterKill.ok} already stored, 1 failed`),
    );
    expect(checkConsistent(db)).toEqual({ ok: N, failed: 1 });
  }, 180_000);
});
