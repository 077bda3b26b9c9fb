/**
 * The store's commands as thin shells, run in-process: ingest the fixtures, then every query command in
 * every format, and the usage errors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli/run-main.js';
import { EXPORT_COLUMNS } from '../../src/store/export.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { makeDoc, original, others, ownWords, syndicated } from './docs.js';

const FIXTURES = new URL('../fixtures/articles/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'annals-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `annals <argv>` in-process, with its output as `out` and `err`. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runMain(argv);
  return { code, out: stdout, err: stderr };
}

describe('annals ingest', () => {
  it('prints a one-line summary in a pipe, and a re-run stores nothing new', async () => {
    const db = join(dir, 'fixtures.db');
    const first = await run('ingest', FIXTURES, '--db', db, '--workers', '1');
    expect(first.code).toBe(0);
    expect(first.err.trim().split('\n')).toHaveLength(1);
    expect(first.err).toMatch(/^annals ingest: (\d+) read, \1 new, 0 already stored, 0 failed in /);
    const again = await run('ingest', FIXTURES, '--db', db, '--workers', '1');
    expect(again.err).toMatch(/^annals ingest: (\d+) read, 0 new, \1 already stored, 0 failed/);
    const listed = await run('articles', '--db', db, '--format', 'jsonl', '--limit', '0');
    expect(listed.out.trim().split('\n').length).toBe(Number(/(\d+) read/.exec(first.err)![1]));
  });

  it('exits 1 when some articles failed, and says how many', async () => {
    const db = join(dir, 'failing.db');
    const r = await run(
      'ingest',
      join(dir, 'missing.txt'),
      FIXTURES + '01-state-visit.txt',
      '--db',
      db,
      '--workers',
      '1',
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/2 read, 1 new, 0 already stored, 1 failed/);
    const failed = await run('articles', '--db', db, '--status', 'failed');
    expect(failed.out).toMatch(/failed.*cannot read/);
  });

  it('usage errors exit 2', async () => {
    expect((await run('ingest', '--db', join(dir, 'x.db'))).code).toBe(2);
    expect((await run('events', '--db', join(dir, 'none.db'))).err).toMatch(/no database at/);
    expect((await run('events', '--db', join(dir, 'fixtures.db'), '--code', 'visit')).code).toBe(2);
    expect((await run('events', '--db', join(dir, 'fixtures.db'), '--quad', '5')).code).toBe(2);
    expect((await run('dyad', 'CHN', '--db', join(dir, 'fixtures.db'))).code).toBe(2);
    expect((await run('dyad', 'CHN', 'RUS', '--by', 'year', '--db', join(dir, 'fixtures.db'))).code).toBe(2);
    expect((await run('export', '--format', 'xml', '--db', join(dir, 'fixtures.db'))).code).toBe(2);
  });
});

describe('query commands', () => {
  const db = join(dir, 'hand.db');
  beforeAll(async () => {
    const store = new SqliteStore(db);
    await store.write(
      [original(), syndicated(), ownWords(), ...others()].map((s) => ({
        ok: true as const,
        doc: makeDoc(s),
      })),
      { pipelineVersion: 'test' },
    );
    await store.close();
  });

  it('events: a table with article and source counts and one evidence sentence', async () => {
    const r = await run('events', '--db', db, '--source', 'CHN', '--target', 'RUS', '--code', '042');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^date\s+source\s+target\s+code\s+quad\s+gold\s+mod\s+arts\s+srcs\s+evidence$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^2023-03-20\.\.2023-03-22\s+CHNGOV\s+RUSGOV\s+042\s+1\s+1\s+asserted\s+3\s+2\s+Chinese President/,
    );
    expect(lines[2]).toMatch(/^2023-06-14\s/);
  });

  it('events: jsonl carries every evidence span, csv a header and quoted fields', async () => {
    const j = await run('events', '--db', db, '--code', '042', '--to', '2023-03', '--format', 'jsonl');
    const rows = j.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ numArticles: 3, numSources: 2 });
    expect(rows[0].evidence).toHaveLength(3);
    const c = await run('events', '--db', db, '--quad', 'verbal-conflict', '--format', 'csv');
    const [header, row, end] = c.out.split('\r\n');
    expect(header.split(',')[0]).toBe('id');
    expect(row).toMatch(/,111,3,-2,asserted,false,1,1,epsilon-9,The Russian foreign ministry criticized/);
    expect(end).toBe('');
  });

  it('events: keyword, modality and date filters reach the store', async () => {
    expect((await run('events', '--db', db, '--keyword', 'Amur', '--format', 'jsonl')).out).toMatch(
      /"code":"190"/,
    );
    const planned = await run('events', '--db', db, '--modality', 'planned', '--format', 'jsonl');
    expect(
      planned.out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).code),
    ).toEqual(['036']);
    const none = await run('events', '--db', db, '--from', '2024');
    expect(none.out).toBe('');
    expect(none.err).toMatch(/no events match/);
  });

  it('quotes by speaker and text', async () => {
    const r = await run('quotes', '--db', db, '--speaker', 'Putin', '--text', 'partnership');
    expect(r.out.trim().split('\n')).toHaveLength(3);
    expect(r.out).toMatch(/Vladimir Putin\s+RUSGOV\s+direct\s+our partnership has never been stronger/);
  });

  it('articles by search, date and actor', async () => {
    const r = await run('articles', '--db', db, '--search', 'Kremlin', '--actor', 'Xi', '--format', 'csv');
    expect(
      r.out
        .split('\r\n')
        .slice(1, -1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['alpha-1', 'beta-7', 'gamma-3']);
    const april = await run(
      'articles',
      '--db',
      db,
      '--from',
      '2023-04',
      '--to',
      '2023-04',
      '--format',
      'jsonl',
    );
    expect(JSON.parse(april.out).id).toBe('epsilon-9');
  });

  it('show prints an article with its layers, or says it is not there', async () => {
    const r = await run('show', 'alpha-1', '--db', db);
    expect(r.out).toMatch(/^alpha-1 {2}2023-03-20 {2}Xi arrives in Moscow/);
    expect(r.out).toMatch(/actors \(2\):\n {2}CHNGOV/);
    expect(r.out).toMatch(/quotes \(1\):\n.*Vladimir Putin: our partnership/);
    expect(r.out).toMatch(/events \(1\):\n {2}042 {2}CHNGOV -> RUSGOV {2}2023-03-20\.\.2023-03-22/);
    const json = JSON.parse((await run('show', 'alpha-1', '--db', db, '--format', 'json')).out);
    expect(json.doc.events[0].trigger.text).toBe('visit');
    const missing = await run('show', 'nope', '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no article 'nope'/);
  });

  it('dyad by month in both directions', async () => {
    const r = await run('dyad', 'CHN', 'RUS', '--by', 'month', '--db', db);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^period\s+source\s+target\s+events\s+q1\s+q2\s+q3\s+q4\s+gold_sum\s+gold_mean\s+articles$/,
    );
    expect(lines[1]).toMatch(/^2023-03\s+CHN\s+RUS\s+1\s+1\s+0\s+0\s+0\s+1\s+1\s+3$/);
    expect(lines[2]).toMatch(/^2023-04\s+RUS\s+CHN\s+1\s+0\s+0\s+1\s+0\s+-2\s+-2\s+1$/);
    expect(lines).toHaveLength(5);
  });

  it('export: the documented columns, in csv and jsonl', async () => {
    const csv = await run('export', '--db', db);
    const lines = csv.out.split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.map((c) => c.name).join(','));
    expect(lines).toHaveLength(5 + 2);
    const jsonl = await run('export', '--db', db, '--format', 'jsonl', '--code', '04');
    const rows = jsonl.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(
      rows.map((x) => [x.sql_date, x.actor1_code, x.actor2_code, x.event_root_code, x.num_articles]),
    ).toEqual([
      ['20230320', 'CHNGOV', 'RUSGOV', '04', 3],
      ['20230614', 'CHNGOV', 'RUSGOV', '04', 1],
    ]);
    expect(rows[0]).toMatchObject({
      event_code: '042',
      event_base_code: '042',
      quad_class: 1,
      num_sources: 2,
      source_url: 'https://www.alpha-wire.example/world/xi-moscow',
    });
  });
});
