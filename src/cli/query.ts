/**
 * What the query commands (`articles`, `quotes`, `events`, `export`, `dyad`) share: the options every one
 * takes, reading a date range, and running against an existing store that is closed whatever happens.
 */
import { DEFAULT_DB, openExistingStore } from '../store/open.js';
import type { ArticleStore } from '../store/store.js';
import { parseDateBound } from './format.js';

/** Options of every query command: the database, an article date range and the output format. */
export const QUERY_OPTIONS = {
  db: { type: 'string', default: DEFAULT_DB },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
} as const;

/** `--from` and `--to` as inclusive date bounds (`2023`, `2023-03` and `2023-03-18` all work). */
export function dateRangeOf(values: { from?: string; to?: string }): { from?: string; to?: string } {
  return {
    from: parseDateBound(values.from, 'from', 'from'),
    to: parseDateBound(values.to, 'to', 'to'),
  };
}

/** Runs `use` on the store at `db` (which must exist), closing it afterwards even when `use` throws. */
export async function withStore<T>(db: string, use: (store: ArticleStore) => Promise<T>): Promise<T> {
  const store = openExistingStore(db);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
