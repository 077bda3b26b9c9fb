import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CanonicalEvents } from '../../src/store/sqlite/canonical.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { SCHEMA_VERSION } from '../../src/store/sqlite/schema.js';
import { BANDS } from '../../src/store/near-duplicates.js';
import { makeDoc, original, ownWords, syndicated } from './docs.js';
import { storeSuite } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'annals-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('sqlite', async () => new SqliteStore(join(dir, `t${n++}.db`)));

describe('sqlite specifics', () => {
  it('opens in WAL mode at the current schema version, and reopens without migrating again', async () => {
    const path = join(dir, 'wal.db');
    const a = new SqliteStore(path);
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(a.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await a.close();
    const b = new SqliteStore(path);
    expect(b.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    await b.close();
  });

  it('replacing an article leaves no stale near-duplicate index rows', async () => {
    const store = new SqliteStore(join(dir, 'bands.db'));
    const V = { pipelineVersion: 'v' };
    await store.write(
      [original(), syndicated()].map((s) => ({ ok: true as const, doc: makeDoc(s) })),
      V,
    );
    await store.write([{ ok: true, doc: makeDoc(original()) }], { pipelineVersion: 'w', replace: true });
    const bands = store.db.prepare('SELECT count(*) FROM sketch_bands').pluck().get();
    expect(bands).toBe(2 * BANDS);
    expect(store.db.prepare('SELECT count(*) FROM duplicates').pluck().get()).toBe(1);
    await store.close();
  });

  it('counts kept up incrementally equal a full recount, through merges and replacements', async () => {
    const store = new SqliteStore(join(dir, 'incremental.db'));
    const V = { pipelineVersion: 'v' };
    const stories = [
      'Xi Jinping began a visit that took him to Vladimir Putin in the capital for two days of talks.',
      'Vladimir Putin received Xi Jinping on a visit marked by a parade and a long state banquet.',
      'Reporters followed the visit as Xi Jinping and Vladimir Putin toured a grain terminal by the river.',
    ];
    // 24 articles: three stories, each copied by several sites; some outlets repeat; dates that overlap.
    const specs = Array.from({ length: 24 }, (_, i) => ({
      ...ownWords(),
      id: `n${String(i).padStart(2, '0')}`,
      date: `2023-03-${String(10 + (i % 7)).padStart(2, '0')}`,
      source: `site${i % 5}.example`,
      text: `Story ${i % 3}, copy ${i}. ` + stories[i % 3],
      events: [
        {
          trigger: 'visit',
          code: i % 4 === 0 ? '043' : '042',
          source: 'xi',
          target: 'putin',
          date: `2023-03-${String(10 + (i % 7)).padStart(2, '0')}`,
          dateTo: `2023-03-${String(11 + (i % 7)).padStart(2, '0')}`,
        },
      ],
    }));
    for (let i = 0; i < specs.length; i += 3)
      await store.write(
        specs.slice(i, i + 3).map((x) => ({ ok: true as const, doc: makeDoc(x) })),
        V,
      );
    await store.write([{ ok: true, doc: makeDoc({ ...specs[5], events: [] }) }], { ...V, replace: true });
    const snapshot = () =>
      store.db
        .prepare(
          'SELECT key, date_from, date_to, num_mentions, num_articles, num_sources, first_event FROM canonical_events ORDER BY rowid',
        )
        .all();
    const incremental = snapshot();
    expect(incremental.length).toBeGreaterThan(0);
    new CanonicalEvents(store.db).refresh(
      store.db.prepare('SELECT rowid FROM canonical_events').pluck().all() as number[],
    );
    expect(snapshot()).toEqual(incremental);
    await store.close();
  });

  it('finds an overlapping month-long event after reopening (the longest interval is stored)', async () => {
    const path = join(dir, 'span.db');
    const V = { pipelineVersion: 'v' };
    const month = {
      ...ownWords(),
      id: 'month',
      events: [
        {
          trigger: 'visit',
          code: '042',
          source: 'xi',
          target: 'putin',
          date: '2023-02-01',
          dateTo: '2023-02-28',
        },
      ],
    };
    const day = {
      ...original(),
      events: [{ trigger: 'visit', code: '042', source: 'xi', target: 'putin', date: '2023-02-25' }],
    };
    const a = new SqliteStore(path);
    await a.write([{ ok: true, doc: makeDoc(month) }], V);
    await a.close();
    const b = new SqliteStore(path);
    await b.write([{ ok: true, doc: makeDoc(day) }], V);
    const events = await b.queryEvents({ code: '042' });
    expect(events.map((e) => [e.date, e.dateTo, e.numArticles])).toEqual([['2023-02-01', '2023-02-28', 2]]);
    await b.close();
  });

  it('refuses a database from a newer annals', async () => {
    const path = join(dir, 'newer.db');
    const a = new SqliteStore(path);
    a.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    await a.close();
    expect(() => new SqliteStore(path)).toThrow(/newer than this annals/);
  });
});
