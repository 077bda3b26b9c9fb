/**
 * The SQLite backend of `ArticleStore`: one file, WAL mode, one transaction per batch of articles (each
 * article whole inside it), so a killed ingest leaves every article either complete or absent.
 */
import Database from 'better-sqlite3';
import type { Actor, Event, Mention, Modality, Quote, Repair, Sentence, TimeExpression } from '../../doc.js';
import { AnnalsError } from '../../errors.js';
import type {
  ActorSpec,
  ArticleFilter,
  ArticleStore,
  ArticleSummary,
  CanonicalEvent,
  DyadRow,
  EventFilter,
  Evidence,
  FailedArticle,
  Period,
  QuoteFilter,
  StoredArticle,
  StoredInput,
  StoredQuote,
  StoreStats,
  WriteItem,
  WriteOptions,
  WriteOutcome,
} from '../store.js';
import { periodOf } from '../periods.js';
import { migrate } from './schema.js';
import { ArticleWriter } from './write.js';

type Row = Record<string, unknown>;

/** A WHERE clause under construction: conditions joined by AND, with their parameters in order. */
class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: string, ...params: unknown[]): void {
    this.parts.push(sql);
    this.params.push(...params);
  }
  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** `LIKE` pattern text with its wildcards escaped (used with ESCAPE '\'). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * FTS5 query from what a person typed: each word quoted, so punctuation never becomes query syntax;
 * all words must occur. Returns null when nothing searchable is left.
 */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((w) => `"${w}"`).join(' ') : null;
}

/**
 * An actor spec against one side of a canonical event: code or code prefix (which covers a country code),
 * the country, or an actor's name as one of the member events wrote it (the whole name, or its first or
 * last word: `Putin`, `Vladimir Putin`).
 */
function actorCondition(side: 'source' | 'target', spec: ActorSpec, where: Where, alias = 'c'): void {
  const s = spec.trim();
  const code = likeEscape(s.toUpperCase()) + '%';
  const name = likeEscape(s);
  where.add(
    `(${alias}.${side}_code LIKE ? ESCAPE '\\' OR ${alias}.${side}_country = ? OR EXISTS (
       SELECT 1 FROM events x WHERE x.canonical = ${alias}.rowid AND (x.${side}_name LIKE ? ESCAPE '\\'
         OR x.${side}_name LIKE ? ESCAPE '\\' OR x.${side}_name LIKE ? ESCAPE '\\')))`,
    code,
    s.toUpperCase(),
    name,
    '% ' + name,
    name + ' %',
  );
}

const CANONICAL_COLUMNS = `
  c.rowid AS crow, c.key, c.date_from, c.date_to, c.code, c.root, c.quad, c.goldstein, c.modality, c.negated,
  c.source_code, c.source_country, c.target_code, c.target_country, c.num_mentions, c.num_articles,
  c.num_sources, e.source_name, e.target_name, a.id AS article_id, a.source AS article_source,
  substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence_text`;

export class SqliteStore implements ArticleStore {
  readonly db: Database.Database;
  private readonly writer: ArticleWriter;

  constructor(readonly path: string) {
    try {
      this.db = new Database(path);
    } catch (e) {
      throw new AnnalsError('store', `cannot open database ${path}: ${(e as Error).message}`);
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.writer = new ArticleWriter(this.db);
  }

  async write(items: readonly WriteItem[], options: WriteOptions): Promise<WriteOutcome[]> {
    const run = this.db.transaction(() => {
      this.writer.begin();
      return items.map((item) =>
        item.ok
          ? this.writer.writeDoc(item.doc, options, item.supersedes)
          : this.writer.writeFailure(item.failure, options),
      );
    });
    return run();
  }

  async findStored(keys: readonly { id: string; hash: string }[]): Promise<('id' | 'content' | null)[]> {
    this.storedById ??= this.db.prepare("SELECT 1 FROM articles WHERE id = ? AND status = 'ok'").pluck();
    this.storedByHash ??= this.db
      .prepare("SELECT 1 FROM articles WHERE content_hash = ? AND status = 'ok'")
      .pluck();
    return keys.map((k) =>
      this.storedById!.get(k.id) ? 'id' : this.storedByHash!.get(k.hash) ? 'content' : null,
    );
  }
  private storedById: Database.Statement | undefined;
  private storedByHash: Database.Statement | undefined;

  async listFailed(limit = -1): Promise<FailedArticle[]> {
    const rows = this.db
      .prepare(
        `SELECT id, origin, error_code, error, input, attempts, stored_at FROM articles
         WHERE status = 'failed' ORDER BY rowid LIMIT ?`,
      )
      .all(limit) as Row[];
    return rows.map((r) => {
      const origin = r.origin ? (JSON.parse(r.origin as string) as { file: string; line?: number }) : null;
      return {
        id: r.id as string,
        code: r.error_code as FailedArticle['code'],
        reason: r.error as string,
        file: origin?.file ?? null,
        line: origin?.line ?? null,
        input: r.input as string | null,
        attempts: r.attempts as number,
        failedAt: r.stored_at as string,
      };
    });
  }

  async listStale(pipelineVersion: string): Promise<string[]> {
    return this.db
      .prepare(`SELECT id FROM articles WHERE status = 'ok' AND pipeline_version IS NOT ? ORDER BY rowid`)
      .pluck()
      .all(pipelineVersion) as string[];
  }

  async getInputs(ids: readonly string[]): Promise<StoredInput[]> {
    const rows = this.db
      .prepare(
        `SELECT id, date, title, source, origin, coalesce(raw, text) AS raw FROM articles
         WHERE status = 'ok' AND id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
      )
      .all(JSON.stringify(ids)) as Row[];
    return rows.map((r) => {
      const input: StoredInput = { id: r.id as string, date: r.date as string | null, text: r.raw as string };
      if (r.title !== null) input.title = r.title as string;
      if (r.source !== null) input.source = r.source as string;
      if (r.origin) input.origin = JSON.parse(r.origin as string);
      return input;
    });
  }

  private eventQuery(filter: EventFilter): { sql: string; params: unknown[] } {
    const w = new Where();
    if (filter.from) w.add('c.date_to >= ?', filter.from);
    if (filter.to) w.add('c.date_from <= ?', filter.to);
    if (filter.code) w.add("c.code LIKE ? ESCAPE '\\'", likeEscape(filter.code) + '%');
    if (filter.quad) w.add('c.quad = ?', filter.quad);
    if (filter.modality) w.add('c.modality = ?', filter.modality);
    if (filter.source) actorCondition('source', filter.source, w);
    if (filter.target) actorCondition('target', filter.target, w);
    if (filter.keyword !== undefined) {
      const q = ftsQuery(filter.keyword);
      if (q)
        w.add(
          `c.rowid IN (SELECT canonical FROM events WHERE rowid IN
             (SELECT rowid FROM events_fts WHERE events_fts MATCH ?))`,
          q,
        );
    }
    const sql = `SELECT ${CANONICAL_COLUMNS}
      FROM canonical_events c JOIN events e ON e.rowid = c.first_event JOIN articles a ON a.rowid = e.article
      ${w} ORDER BY c.date_from IS NULL, c.date_from, c.date_to, c.key
      LIMIT ? OFFSET ?`;
    return { sql, params: [...w.params, filter.limit ?? -1, filter.offset ?? 0] };
  }

  async queryEvents(
    filter: EventFilter,
    options: { withEvidence?: boolean } = {},
  ): Promise<CanonicalEvent[]> {
    const { sql, params } = this.eventQuery(filter);
    const rows = this.db.prepare(sql).all(...params) as Row[];
    const events = rows.map(toCanonical);
    if (options.withEvidence && rows.length) {
      const evidence = this.evidenceOf(rows.map((r) => r.crow as number));
      events.forEach((e, i) => (e.evidence = evidence.get(rows[i].crow as number) ?? []));
    }
    return events;
  }

  async *exportEvents(filter: EventFilter): AsyncIterable<CanonicalEvent> {
    const { sql, params } = this.eventQuery(filter);
    // One cursor on a connection of its own: linear however many rows, a consistent snapshot, and this
    // store's connection stays free for other queries while the consumer works through the rows.
    const reader = new Database(this.path, { readonly: true, fileMustExist: true });
    try {
      for (const r of reader.prepare(sql).iterate(...params)) yield toCanonical(r as Row);
    } finally {
      reader.close();
    }
  }

  private evidenceOf(canonical: number[]): Map<number, Evidence[]> {
    const rows = this.db
      .prepare(
        `SELECT e.canonical, a.id, a.date, a.source, e.start, e."end", e.trigger_start, e.trigger_end, e.trigger,
                e.sentence_start, e.sentence_end, e.evidence, e.idx,
                substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence_text
         FROM events e JOIN articles a ON a.rowid = e.article
         WHERE e.canonical IN (SELECT value FROM json_each(?))
         ORDER BY e.canonical, a.date IS NULL, a.date, a.id, e.idx`,
      )
      .all(JSON.stringify(canonical)) as Row[];
    const out = new Map<number, Evidence[]>();
    for (const r of rows) {
      const list = out.get(r.canonical as number) ?? [];
      list.push({
        article: r.id as string,
        articleDate: r.date as string | null,
        articleSource: r.source as string | null,
        start: r.start as number,
        end: r.end as number,
        trigger: {
          start: r.trigger_start as number,
          end: r.trigger_end as number,
          text: r.trigger as string,
        },
        sentence: {
          start: r.sentence_start as number,
          end: r.sentence_end as number,
          text: r.sentence_text as string,
        },
        also: r.evidence
          ? (JSON.parse(r.evidence as string) as [number, number][]).map(([start, end]) => ({ start, end }))
          : [],
      });
      out.set(r.canonical as number, list);
    }
    return out;
  }

  async queryQuotes(filter: QuoteFilter): Promise<StoredQuote[]> {
    const w = new Where();
    if (filter.from) w.add('a.date >= ?', filter.from);
    if (filter.to) w.add('a.date <= ?', filter.to);
    if (filter.speaker) {
      const s = filter.speaker.trim();
      const name = likeEscape(s);
      w.add(
        `(q.speaker_code LIKE ? ESCAPE '\\' OR q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_name LIKE ? ESCAPE '\\'
          OR q.speaker_name LIKE ? ESCAPE '\\' OR (q.speaker_name IS NULL AND (q.speaker_text LIKE ? ESCAPE '\\'
          OR q.speaker_text LIKE ? ESCAPE '\\' OR q.speaker_text LIKE ? ESCAPE '\\')))`,
        likeEscape(s.toUpperCase()) + '%',
        name,
        '% ' + name,
        name + ' %',
        name,
        '% ' + name,
        name + ' %',
      );
    }
    if (filter.text !== undefined) {
      const q = ftsQuery(filter.text);
      if (q) w.add('q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)', q);
    }
    const rows = this.db
      .prepare(
        `SELECT a.id, a.date, q.kind, q.start, q."end", q.text, q.cue, q.speaker_name, q.speaker_code, q.speaker_text
         FROM quotes q JOIN articles a ON a.rowid = q.article ${w}
         ORDER BY a.date IS NULL, a.date, a.id, q.idx LIMIT ? OFFSET ?`,
      )
      .all(...w.params, filter.limit ?? -1, filter.offset ?? 0) as Row[];
    return rows.map((r) => ({
      article: r.id as string,
      date: r.date as string | null,
      kind: r.kind as 'direct' | 'indirect',
      start: r.start as number,
      end: r.end as number,
      text: r.text as string,
      cue: r.cue as string,
      speaker:
        r.speaker_name || r.speaker_code || r.speaker_text
          ? {
              name: r.speaker_name as string | null,
              code: r.speaker_code as string | null,
              text: r.speaker_text as string | null,
            }
          : null,
    }));
  }

  async queryArticles(filter: ArticleFilter): Promise<ArticleSummary[]> {
    const w = new Where();
    if (filter.status) w.add('a.status = ?', filter.status);
    if (filter.from) w.add('a.date >= ?', filter.from);
    if (filter.to) w.add('a.date <= ?', filter.to);
    if (filter.search !== undefined) {
      const q = ftsQuery(filter.search);
      if (q) w.add('a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)', q);
    }
    if (filter.actor) {
      const s = filter.actor.trim();
      const name = likeEscape(s);
      w.add(
        `EXISTS (SELECT 1 FROM actors x WHERE x.article = a.rowid AND (x.code LIKE ? ESCAPE '\\' OR x.country = ?
           OR x.name LIKE ? ESCAPE '\\' OR x.name LIKE ? ESCAPE '\\' OR x.name LIKE ? ESCAPE '\\'))`,
        likeEscape(s.toUpperCase()) + '%',
        s.toUpperCase(),
        name,
        '% ' + name,
        name + ' %',
      );
    }
    const rows = this.db
      .prepare(`SELECT a.* FROM articles a ${w} ORDER BY a.date IS NULL, a.date, a.id LIMIT ? OFFSET ?`)
      .all(...w.params, filter.limit ?? -1, filter.offset ?? 0) as Row[];
    return rows.map(toSummary);
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const r = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
    if (!r) return null;
    const summary = toSummary(r);
    const rowid = r.rowid as number;
    const all = (sql: string) => this.db.prepare(sql).all(rowid) as Row[];
    const text = (r.text as string | null) ?? '';
    const actors: Actor[] = all('SELECT * FROM actors WHERE article = ? ORDER BY idx').map((x) => ({
      id: x.actor as string,
      name: x.name as string,
      kind: x.kind as Actor['kind'],
      code: x.code as string,
      country: x.country as string | null,
      sector: x.sector as string | null,
      ...prov(x),
    }));
    const mentions: Mention[] = all('SELECT * FROM mentions WHERE article = ? ORDER BY idx').map((x) => ({
      start: x.start as number,
      end: x.end as number,
      text: (x.text as string | null) ?? text.slice(x.start as number, x.end as number),
      type: x.type as Mention['type'],
      actor: x.actor as string | null,
      ...prov(x),
    }));
    const quotes: Quote[] = all('SELECT * FROM quotes WHERE article = ? ORDER BY idx').map((x) => ({
      start: x.start as number,
      end: x.end as number,
      kind: x.kind as Quote['kind'],
      cue: { start: x.cue_start as number, end: x.cue_end as number, text: x.cue as string },
      speaker:
        x.speaker_actor !== null || x.speaker_start !== null
          ? {
              ...(x.speaker_start !== null
                ? { start: x.speaker_start as number, end: x.speaker_end as number }
                : {}),
              actor: x.speaker_actor as string | null,
            }
          : null,
      ...prov(x),
    }));
    const times: TimeExpression[] = all('SELECT * FROM times WHERE article = ? ORDER BY idx').map((x) => {
      const t: TimeExpression = {
        start: x.start as number,
        end: x.end as number,
        text: x.text as string,
        type: x.type as TimeExpression['type'],
        value: x.value as string,
        ...prov(x),
      };
      if (x.date_from !== null) t.from = x.date_from as string;
      if (x.date_to !== null) t.to = x.date_to as string;
      return t;
    });
    const eventRows = all(
      'SELECT e.*, c.key FROM events e LEFT JOIN canonical_events c ON c.rowid = e.canonical WHERE e.article = ? ORDER BY e.idx',
    );
    const events: Event[] = eventRows.map((x) => {
      const ev: Event = {
        start: x.start as number,
        end: x.end as number,
        code: x.code as string,
        root: x.root as string,
        quad: x.quad as Event['quad'],
        goldstein: x.goldstein as number,
        source: { actor: x.source_actor as string | null, code: x.source_code as string },
        target:
          x.target_code !== null
            ? { actor: x.target_actor as string | null, code: x.target_code as string }
            : null,
        date: x.date as string | null,
        dateTo: x.date_to as string | null,
        modality: x.modality as Modality,
        negated: x.negated === 1,
        sentence: x.sentence as number,
        trigger: {
          start: x.trigger_start as number,
          end: x.trigger_end as number,
          text: x.trigger as string,
        },
        ...prov(x),
      };
      if (x.evidence)
        ev.evidence = (JSON.parse(x.evidence as string) as [number, number][]).map(([start, end]) => ({
          start,
          end,
        }));
      return ev;
    });
    const sentences: Sentence[] = r.sentences
      ? (JSON.parse(r.sentences as string) as [number, number, number, number][]).map(
          ([start, end, paragraph, heading]) => ({
            start,
            end,
            paragraph,
            heading: heading === 1,
            tokenStart: 0,
            tokenEnd: 0,
            stage: 'segment',
          }),
        )
      : [];
    const stages = r.stages ? (JSON.parse(r.stages as string) as string[]) : [];
    const doc: StoredArticle['doc'] = { sentences };
    if (r.repairs) doc.repairs = JSON.parse(r.repairs as string) as Repair[];
    // A layer whose stage did not run stays absent, as in the Doc.
    const layers = new Set(r.layers ? (JSON.parse(r.layers as string) as string[]) : []);
    if (layers.has('actors')) doc.actors = actors;
    if (layers.has('mentions')) doc.mentions = mentions;
    if (layers.has('quotes')) doc.quotes = quotes;
    if (layers.has('times')) doc.times = times;
    if (layers.has('events')) doc.events = events;
    return {
      ...summary,
      text,
      raw: (r.raw as string | null) ?? text,
      origin: r.origin ? JSON.parse(r.origin as string) : null,
      stages,
      doc,
      canonical: eventRows.map((x) => (x.key as string | null) ?? null),
    };
  }

  async dyad(
    a: ActorSpec,
    b: ActorSpec,
    by: Period,
    range: { from?: string; to?: string } = {},
  ): Promise<DyadRow[]> {
    const direction = (src: string, tgt: string) => {
      const w = new Where();
      w.add('c.date_from IS NOT NULL');
      if (range.from) w.add('c.date_from >= ?', range.from);
      if (range.to) w.add('c.date_from <= ?', range.to);
      actorCondition('source', src, w);
      actorCondition('target', tgt, w);
      const rows = this.db
        .prepare(
          `SELECT c.rowid, c.date_from, c.quad, c.goldstein,
                  (SELECT json_group_array(DISTINCT article) FROM events WHERE canonical = c.rowid) AS articles
           FROM canonical_events c ${w}`,
        )
        .all(...w.params) as {
        rowid: number;
        date_from: string;
        quad: number;
        goldstein: number;
        articles: string;
      }[];
      const buckets = new Map<string, { row: DyadRow; articles: Set<number> }>();
      for (const r of rows) {
        const period = periodOf(r.date_from, by);
        let bucket = buckets.get(period);
        if (!bucket) {
          bucket = {
            row: {
              period,
              source: src,
              target: tgt,
              events: 0,
              quad: [0, 0, 0, 0],
              goldsteinSum: 0,
              goldsteinMean: 0,
              articles: 0,
            },
            articles: new Set(),
          };
          buckets.set(period, bucket);
        }
        bucket.row.events++;
        bucket.row.quad[r.quad - 1]++;
        bucket.row.goldsteinSum += r.goldstein;
        for (const id of JSON.parse(r.articles) as number[]) bucket.articles.add(id);
      }
      return [...buckets.values()].map(({ row, articles }) => ({
        ...row,
        goldsteinSum: Math.round(row.goldsteinSum * 100) / 100,
        goldsteinMean: Math.round((row.goldsteinSum / row.events) * 100) / 100,
        articles: articles.size,
      }));
    };
    const rows = [...direction(a, b), ...(a === b ? [] : direction(b, a))];
    return rows.sort((x, y) =>
      x.period < y.period ? -1 : x.period > y.period ? 1 : x.source === a ? -1 : 1,
    );
  }

  async stats(): Promise<StoreStats> {
    const count = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    const versions: Record<string, number> = {};
    for (const r of this.db
      .prepare("SELECT pipeline_version AS v, count(*) AS n FROM articles WHERE status = 'ok' GROUP BY 1")
      .all() as { v: string; n: number }[])
      versions[r.v] = r.n;
    return {
      articles: count("SELECT count(*) FROM articles WHERE status = 'ok'"),
      failed: count("SELECT count(*) FROM articles WHERE status = 'failed'"),
      events: count('SELECT count(*) FROM events'),
      canonicalEvents: count('SELECT count(*) FROM canonical_events'),
      quotes: count('SELECT count(*) FROM quotes'),
      actors: count('SELECT count(*) FROM actors'),
      versions,
      bytes:
        (this.db.pragma('page_count', { simple: true }) as number) *
        (this.db.pragma('page_size', { simple: true }) as number),
    };
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.db.pragma('optimize');
    this.db.close();
  }
}

function prov(x: Row): { stage: string; rule?: string } {
  return x.rule !== null && x.rule !== undefined
    ? { stage: x.stage as string, rule: x.rule as string }
    : { stage: x.stage as string };
}

function toSummary(r: Row): ArticleSummary {
  return {
    id: r.id as string,
    date: (r.date as string | null) ?? null,
    title: (r.title as string | null) ?? null,
    source: (r.source as string | null) ?? null,
    status: r.status as 'ok' | 'failed',
    pipelineVersion: (r.pipeline_version as string | null) ?? null,
    contentHash: (r.content_hash as string | null) ?? null,
    actors: r.n_actors as number,
    quotes: r.n_quotes as number,
    events: r.n_events as number,
    error: (r.error as string | null) ?? null,
  };
}

function toCanonical(r: Row): CanonicalEvent {
  return {
    id: r.key as string,
    date: r.date_from as string | null,
    dateTo: r.date_to as string | null,
    code: r.code as string,
    root: r.root as string,
    quad: r.quad as CanonicalEvent['quad'],
    goldstein: r.goldstein as number,
    modality: r.modality as Modality,
    negated: r.negated === 1,
    source: {
      code: r.source_code as string,
      country: r.source_country as string | null,
      name: r.source_name as string | null,
    },
    target:
      r.target_code === ''
        ? null
        : {
            code: r.target_code as string,
            country: r.target_country as string | null,
            name: r.target_name as string | null,
          },
    numMentions: r.num_mentions as number,
    numArticles: r.num_articles as number,
    numSources: r.num_sources as number,
    sentence: r.sentence_text as string,
    article: r.article_id as string,
    articleSource: r.article_source as string | null,
  };
}
