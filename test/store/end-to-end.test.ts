/**
 * The acceptance, with the real pipeline through the CLI: ingest the seed and the fixture
 * articles, find the state visit with its evidence, the CHN-RUS series for March 2023, and check that a
 * second ingest changes no count; then the syndicated copy and the two outlets.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli/run-main.js';
import type { CanonicalEvent, DyadRow } from '../../src/store/store.js';
import { SEED, describeShared } from '../helpers/shared.js';

const FIXTURES = new URL('../fixtures/articles/', import.meta.url).pathname;
const STORE_FIXTURES = new URL('../fixtures/store/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'annals-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `annals <argv>` in-process, with its output as `out` and `err`. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runMain(argv);
  return { code, out: stdout, err: stderr };
}

const jsonl = <T>(text: string): T[] =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);

describeShared('seed/000_fc4b7b43cdd233b1.txt', 'the seed and the fixtures, ingested', () => {
  const db = join(dir, 'seed.db');

  it("shows Xi's state visit to Russia with its evidence, and March 2023 in the CHN-RUS series", async () => {
    const ingest = await run('ingest', SEED, FIXTURES, '--db', db, '--workers', '1');
    expect(ingest.code, ingest.err).toBe(0);

    const visit = await run(
      'events',
      '--source',
      'CHN',
      '--target',
      'RUS',
      '--code',
      '042',
      '--db',
      db,
      '--format',
      'jsonl',
    );
    const events = jsonl<CanonicalEvent>(visit.out);
    expect(events.length).toBeGreaterThan(0);
    const [e] = events;
    expect(e.date! <= '2023-03-22' && e.dateTo! >= '2023-03-20').toBe(true);
    expect(e.source.code.startsWith('CHN') && e.target!.code.startsWith('RUS')).toBe(true);
    const seedText = readFileSync(SEED, 'utf8');
    expect(seedText).toContain(e.sentence.slice(0, 60));
    expect(e.evidence![0].trigger.text.length).toBeGreaterThan(0);
    const table = await run('events', '--source', 'CHN', '--target', 'RUS', '--code', '042', '--db', db);
    expect(table.out).toMatch(/\n2023-03-2\d.*\s042\s/);

    const march = await run(
      'events',
      '--source',
      'CHN',
      '--target',
      'RUS',
      '--from',
      '2023-03',
      '--to',
      '2023-03',
      '--db',
      db,
      '--format',
      'jsonl',
    );
    const inMarch = jsonl<CanonicalEvent>(march.out).filter((x) => x.date!.startsWith('2023-03'));
    const dyad = jsonl<DyadRow>(
      (await run('dyad', 'CHN', 'RUS', '--by', 'month', '--db', db, '--format', 'jsonl')).out,
    );
    const row = dyad.find((r) => r.period === '2023-03' && r.source === 'CHN')!;
    expect(row.events).toBe(inMarch.length);
    expect(row.quad.reduce((a, b) => a + b, 0)).toBe(row.events);
    expect(row.quad[0]).toBeGreaterThanOrEqual(1); // the visit: verbal cooperation
    expect(row.goldsteinSum).toBeCloseTo(
      inMarch.reduce((s, x) => s + x.goldstein, 0),
      5,
    );
    expect(row.articles).toBe(1);
  });

  it('a second ingest of the same files changes no count', async () => {
    const before = (await run('export', '--db', db, '--format', 'jsonl')).out;
    const articles = (await run('articles', '--db', db, '--format', 'jsonl', '--limit', '0')).out;
    const again = await run('ingest', SEED, FIXTURES, '--db', db, '--workers', '1');
    expect(again.err).toMatch(/ 0 new, \d+ already stored, 0 failed/);
    expect((await run('export', '--db', db, '--format', 'jsonl')).out).toBe(before);
    expect((await run('articles', '--db', db, '--format', 'jsonl', '--limit', '0')).out).toBe(articles);
  });
});

describe('one story, syndicated or told twice', () => {
  it('a syndicated copy: one canonical event per event, two articles, one source', async () => {
    const db = join(dir, 'syndicated.db');
    expect(
      (await run('ingest', STORE_FIXTURES + 'syndicated.jsonl', '--db', db, '--workers', '1')).code,
    ).toBe(0);
    const events = jsonl<CanonicalEvent>((await run('events', '--db', db, '--format', 'jsonl')).out);
    const shared = events.filter((e) => e.numArticles === 2);
    expect(shared.length).toBeGreaterThan(0);
    for (const e of shared) expect(e.numSources).toBe(1);
    for (const e of shared) expect(new Set(e.evidence!.map((x) => x.article)).size).toBe(2);
  });

  it('two outlets in their own words: the visit counted from two sources', async () => {
    const db = join(dir, 'outlets.db');
    expect(
      (await run('ingest', STORE_FIXTURES + 'two-outlets.jsonl', '--db', db, '--workers', '1')).code,
    ).toBe(0);
    const events = jsonl<CanonicalEvent>(
      (await run('events', '--db', db, '--source', 'FRA', '--format', 'jsonl')).out,
    );
    const visit = events.find((e) => e.numArticles === 2);
    expect(visit).toBeDefined();
    expect(visit!.numSources).toBe(2);
  });
});
