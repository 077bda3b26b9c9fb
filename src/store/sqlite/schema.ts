/**
 * The SQLite schema, as an ordered list of migrations. `PRAGMA user_version` holds how many have run;
 * opening a database applies the missing ones in one transaction, so a file written by an older annals
 * is upgraded in place and a newer file is refused rather than misread.
 */
import type Database from 'better-sqlite3';
import { AnnalsError } from '../../errors.js';

const MIGRATIONS: readonly string[] = [
  // 1: articles, their layers, canonical events, near-duplicate sketches, full-text search.
  `
  CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    date TEXT,
    title TEXT,
    source TEXT,
    outlet TEXT,
    origin TEXT,                -- JSON {file, line?}
    text TEXT,                  -- cleaned text, every offset indexes into it
    raw TEXT,                   -- text as read; NULL when it equals the cleaned text
    content_hash TEXT,
    pipeline_version TEXT,
    stages TEXT,                -- JSON array
    layers TEXT,                -- JSON array of the layers the coded Doc had (absent layers stay absent)
    sentences TEXT,             -- JSON array of [start, end, paragraph, heading]
    repairs TEXT,               -- JSON array of repairs
    signature BLOB,             -- MinHash signature, 128 x uint32
    n_actors INTEGER NOT NULL DEFAULT 0,
    n_mentions INTEGER NOT NULL DEFAULT 0,
    n_quotes INTEGER NOT NULL DEFAULT 0,
    n_times INTEGER NOT NULL DEFAULT 0,
    n_events INTEGER NOT NULL DEFAULT 0,
    error_code TEXT,
    error TEXT,
    input TEXT,                 -- failed articles: the input as read, to retry
    attempts INTEGER NOT NULL DEFAULT 0,
    stored_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX articles_content ON articles (content_hash) WHERE status = 'ok';
  CREATE INDEX articles_date ON articles (date);
  CREATE INDEX articles_status_version ON articles (status, pipeline_version);

  CREATE TABLE actors (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    actor TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    stage TEXT NOT NULL,
    rule TEXT,
    PRIMARY KEY (article, idx)
  ) WITHOUT ROWID;

  CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,                  -- NULL when it is the article text at [start, end)
    type TEXT NOT NULL,
    actor TEXT,
    stage TEXT NOT NULL,
    rule TEXT,
    PRIMARY KEY (article, idx)
  ) WITHOUT ROWID;

  CREATE TABLE quotes (
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    cue TEXT NOT NULL,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    speaker_actor TEXT,
    speaker_name TEXT,
    speaker_code TEXT,
    stage TEXT NOT NULL,
    rule TEXT
  );
  CREATE INDEX quotes_article ON quotes (article);

  CREATE TABLE times (
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    date_from TEXT,
    date_to TEXT,
    stage TEXT NOT NULL,
    rule TEXT,
    PRIMARY KEY (article, idx)
  ) WITHOUT ROWID;

  CREATE TABLE canonical_events (
    rowid INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    source_code TEXT NOT NULL,
    target_code TEXT NOT NULL,  -- '' when the event has no target
    code TEXT NOT NULL,
    modality TEXT NOT NULL,
    negated INTEGER NOT NULL,
    date_from TEXT,             -- NULL: undated, never merged
    date_to TEXT,
    root TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    source_country TEXT,
    target_country TEXT,
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0,
    first_event INTEGER         -- the representative event: earliest article date, then smallest id
  );
  CREATE INDEX canonical_merge ON canonical_events (source_code, target_code, code, modality, negated, date_from);
  CREATE INDEX canonical_date ON canonical_events (date_from);
  CREATE INDEX canonical_source ON canonical_events (source_country, date_from);
  CREATE INDEX canonical_target ON canonical_events (target_country, date_from);
  CREATE INDEX canonical_code ON canonical_events (code);

  CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    quad INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    source_actor TEXT,
    source_code TEXT NOT NULL,
    source_name TEXT,
    source_country TEXT,
    target_actor TEXT,
    target_code TEXT,
    target_name TEXT,
    target_country TEXT,
    date TEXT,
    date_to TEXT,
    modality TEXT NOT NULL,
    negated INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    evidence TEXT,              -- JSON array of further {start, end} spans
    stage TEXT NOT NULL,
    rule TEXT,
    outlet TEXT,                -- the article's outlet, here to count sources with an index lookup
    canonical INTEGER REFERENCES canonical_events (rowid)
  );
  CREATE INDEX events_article ON events (article);
  CREATE INDEX events_canonical ON events (canonical, article);
  CREATE INDEX events_canonical_outlet ON events (canonical, outlet);

  -- LSH bands of each article's MinHash signature: candidates for near-duplicates. No index by article
  -- (it would double the table): deleting an article recomputes its bands from its signature.
  CREATE TABLE sketch_bands (
    band INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (band, article)
  ) WITHOUT ROWID;

  -- Pairs of articles whose texts are near-duplicates (a < b).
  CREATE TABLE duplicates (
    a INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    b INTEGER NOT NULL REFERENCES articles (rowid) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (a, b)
  ) WITHOUT ROWID;
  CREATE INDEX duplicates_b ON duplicates (b);

  CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'rowid');
  CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, content = 'quotes', content_rowid = 'rowid');
  -- Evidence sentences of events, for --keyword; rowid = events.rowid.
  CREATE VIRTUAL TABLE events_fts USING fts5 (sentence, content = '', contentless_delete = 1);
  `,
  // 2: the longest canonical event interval, so the merge lookup scans a bounded window of start dates.
  `
  CREATE TABLE store_meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
  INSERT INTO store_meta (key, value)
    SELECT 'max_span_days', coalesce(max(CAST(julianday(date_to) - julianday(date_from) AS INTEGER)), 0)
    FROM canonical_events;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings a database up to the current schema. */
export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new AnnalsError(
      'store',
      `database schema version ${version} is newer than this annals understands (${SCHEMA_VERSION})`,
    );
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
