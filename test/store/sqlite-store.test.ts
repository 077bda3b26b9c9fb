import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { SCHEMA_VERSION } from '../../src/store/sqlite/schema.js';
import { BANDS } from '../../src/store/near-duplicates.js';
import { makeDoc, original, syndicated } from './docs.js';
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

  it('refuses a database from a newer annals', async () => {
    const path = join(dir, 'newer.db');
    const a = new SqliteStore(path);
    a.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    await a.close();
    expect(() => new SqliteStore(path)).toThrow(/newer than this annals/);
  });
});
