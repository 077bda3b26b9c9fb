import { existsSync } from 'node:fs';
import { AnnalsError } from '../errors.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { ArticleStore } from './store.js';

export const DEFAULT_DB = 'annals.db';

/**
 * Opens the store a location names: a file path is a SQLite database (created when absent). Other
 * backends plug in here by URL scheme (`postgres://...`), behind the same `ArticleStore` interface.
 */
export function openStore(location: string = DEFAULT_DB): ArticleStore {
  if (/^postgres(ql)?:\/\//i.test(location))
    throw new AnnalsError('store', 'the PostgreSQL backend is not built yet: use a SQLite file path');
  return new SqliteStore(location);
}

/** Opens a store that must already hold data (the query commands): a missing file is an error, not a new database. */
export function openExistingStore(location: string = DEFAULT_DB): ArticleStore {
  if (!/^[a-z]+:\/\//i.test(location) && !existsSync(location))
    throw new AnnalsError(
      'not-found',
      `no database at ${location}: run 'annals ingest <files> --db ${location}' first`,
    );
  return openStore(location);
}
