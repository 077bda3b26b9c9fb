/**
 * The storage interface. Everything that reads or writes coded articles (ingest, reprocess, retry, the
 * query commands, the HTTP server) goes through `ArticleStore`; the SQLite implementation lives in
 * `sqlite/`, and a PostgreSQL one can follow by implementing the same interface and passing the same
 * test suite (`test/store/store-suite.ts`). Every method is async so that a networked backend fits.
 */
import type { Doc, Modality, RawDocument } from '../doc.js';
import type { ErrorCode } from '../errors.js';

/** One coded article, or one article that failed, as ingest hands it to the store. */
export type WriteItem =
  | {
      ok: true;
      doc: Doc;
      /** A failed article's id that this one resolves (retry): removed with the write. */ supersedes?: string;
    }
  | { ok: false; failure: FailureInput };

export interface FailureInput {
  /** The article's id when it is known (a pipeline failure), else an id derived from file and line. */
  id: string;
  code: ErrorCode;
  reason: string;
  file: string | null;
  line: number | null;
  /** The input as read (a JSONL line, a file's text, or the article as JSON for pipeline failures). */
  input: string | null;
}

/**
 * What writing one item did:
 * - `inserted`: a new article (or a new failure);
 * - `replaced`: an article re-coded (reprocess), or a failed article that now succeeded (retry, re-ingest);
 * - `unchanged`: that id is already stored (re-ingest changes nothing);
 * - `duplicate`: the same content is already stored under another id;
 * - `failed`: stored as failed, or still failing (a failure already stored is only updated on retry).
 */
export type WriteOutcome = 'inserted' | 'replaced' | 'unchanged' | 'duplicate' | 'failed';

export interface WriteOptions {
  pipelineVersion: string;
  /** Replace an article stored under the same id (reprocess, retry). Default: keep what is stored. */
  replace?: boolean;
}

export interface FailedArticle extends FailureInput {
  attempts: number;
  failedAt: string;
}

/** An article to re-code, as it was first read. */
export interface StoredInput extends RawDocument {
  id: string;
}

export type QuadName =
  'verbal-cooperation' | 'material-cooperation' | 'verbal-conflict' | 'material-conflict';
export const QUAD_NAMES: readonly QuadName[] = [
  'verbal-cooperation',
  'material-cooperation',
  'verbal-conflict',
  'material-conflict',
];

/**
 * An actor filter matches a country code (`CHN`), an actor code or code prefix (`CHNGOV`), or an actor
 * name as written in an article (`Xi Jinping`, or one of its words at the start or end: `Putin`).
 */
export type ActorSpec = string;

export interface EventFilter {
  /** Inclusive ISO dates; an event matches when its date interval meets `[from, to]`. */
  from?: string;
  to?: string;
  source?: ActorSpec;
  target?: ActorSpec;
  /** CAMEO code prefix: `04` matches 04, 040, 042, 0421 ... */
  code?: string;
  quad?: 1 | 2 | 3 | 4;
  modality?: Modality;
  /** Full-text match in the evidence sentences (all words must occur). */
  keyword?: string;
  limit?: number;
  offset?: number;
}

/** One evidence span of a canonical event: where one article tells it. */
export interface Evidence {
  article: string;
  articleDate: string | null;
  articleSource: string | null;
  start: number;
  end: number;
  trigger: { start: number; end: number; text: string };
  sentence: { start: number; end: number; text: string };
  /** Further spans where the same article tells the event again. */
  also: { start: number; end: number }[];
}

/** One real-world event: the events of every article that tells it, merged. */
export interface CanonicalEvent {
  /** Stable for a given set of stored articles: derived from the merge key and the date interval. */
  id: string;
  date: string | null;
  dateTo: string | null;
  code: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  modality: Modality;
  negated: boolean;
  source: { code: string; country: string | null; name: string | null };
  target: { code: string; country: string | null; name: string | null } | null;
  /** Event records merged (several per article when an article tells it twice). */
  numMentions: number;
  numArticles: number;
  /** Distinct sources: syndicated copies of one story, and articles of one outlet, count once. */
  numSources: number;
  /** The earliest article's evidence sentence (earliest date, then smallest id). */
  sentence: string;
  /** That article's id and source (URL or outlet), when known. */
  article: string;
  articleSource: string | null;
  /** Every evidence span, present when asked for (`withEvidence`). */
  evidence?: Evidence[];
}

export interface QuoteFilter {
  /** Speaker: actor name (or a word of it), actor code or code prefix, country code. */
  speaker?: ActorSpec;
  /** Full-text match in the quote (all words must occur). */
  text?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface StoredQuote {
  article: string;
  date: string | null;
  kind: 'direct' | 'indirect';
  start: number;
  end: number;
  text: string;
  cue: string;
  speaker: { name: string | null; code: string | null; text: string | null } | null;
}

export interface ArticleFilter {
  /** Full-text match over title and text. */
  search?: string;
  from?: string;
  to?: string;
  actor?: ActorSpec;
  status?: 'ok' | 'failed';
  limit?: number;
  offset?: number;
}

export interface ArticleSummary {
  id: string;
  date: string | null;
  title: string | null;
  source: string | null;
  status: 'ok' | 'failed';
  pipelineVersion: string | null;
  contentHash: string | null;
  actors: number;
  quotes: number;
  events: number;
  error: string | null;
}

/** One article as stored, with its layers. */
export interface StoredArticle extends ArticleSummary {
  text: string;
  raw: string;
  origin: { file: string; line?: number } | null;
  stages: string[];
  doc: Pick<Doc, 'sentences' | 'repairs' | 'mentions' | 'actors' | 'quotes' | 'times' | 'events'>;
  /** Canonical event id of each of `doc.events`, in order. */
  canonical: (string | null)[];
}

export type Period = 'day' | 'week' | 'month';

/** One period of a country-pair time series, in one direction. */
export interface DyadRow {
  period: string;
  source: string;
  target: string;
  events: number;
  quad: [number, number, number, number];
  goldsteinSum: number;
  goldsteinMean: number;
  articles: number;
}

export interface StoreStats {
  articles: number;
  failed: number;
  events: number;
  canonicalEvents: number;
  quotes: number;
  actors: number;
  /** Articles stored under each pipeline version. */
  versions: Record<string, number>;
  bytes: number;
}

export interface ArticleStore {
  /** Writes a batch; each article is atomic (all its layers or nothing), in input order. */
  write(items: readonly WriteItem[], options: WriteOptions): Promise<WriteOutcome[]>;
  /**
   * Which articles are already stored (status ok), before coding them: by id, or by content hash
   * (`contentHash` of the text as read). Ingest skips those, so a re-ingest costs a read, not a coding.
   */
  findStored(keys: readonly { id: string; hash: string }[]): Promise<('id' | 'content' | null)[]>;
  /** Failed articles, oldest first. */
  listFailed(limit?: number): Promise<FailedArticle[]>;
  /** Ids of the articles stored under a pipeline version other than `pipelineVersion`. */
  listStale(pipelineVersion: string): Promise<string[]>;
  /** Stored articles as first read, to re-code them; unknown ids are left out. */
  getInputs(ids: readonly string[]): Promise<StoredInput[]>;
  queryEvents(filter: EventFilter, options?: { withEvidence?: boolean }): Promise<CanonicalEvent[]>;
  /** Every canonical event matching, in date order, streamed. */
  exportEvents(filter: EventFilter): AsyncIterable<CanonicalEvent>;
  queryQuotes(filter: QuoteFilter): Promise<StoredQuote[]>;
  queryArticles(filter: ArticleFilter): Promise<ArticleSummary[]>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** The A-B time series, both directions, canonical events bucketed by their start date. */
  dyad(a: ActorSpec, b: ActorSpec, by: Period, range?: { from?: string; to?: string }): Promise<DyadRow[]>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
