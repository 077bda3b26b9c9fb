/**
 * Writing articles into SQLite. Each article (its row, every layer, its near-duplicate sketch, its
 * canonical events, its full-text entries) is written inside the caller's transaction, so it is stored
 * whole or not at all.
 */
import type Database from 'better-sqlite3';
import type { Actor, Doc } from '../../doc.js';
import { contentHash } from '../content-hash.js';
import {
  bandsOf,
  DUPLICATE_THRESHOLD,
  outletOf,
  signatureFromBytes,
  signatureToBytes,
  similarity,
  sketchText,
} from '../near-duplicates.js';
import type { FailureInput, WriteOptions, WriteOutcome } from '../store.js';
import { CanonicalEvents } from './canonical.js';

const LAYERS = ['mentions', 'actors', 'quotes', 'times', 'events'] as const;
const bool = (b: boolean) => (b ? 1 : 0);

export class ArticleWriter {
  private readonly canonical: CanonicalEvents;
  private readonly s: Record<string, Database.Statement>;

  constructor(db: Database.Database) {
    this.canonical = new CanonicalEvents(db);
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      byId: p('SELECT rowid, status, title, text FROM articles WHERE id = ?'),
      byHash: p("SELECT id FROM articles WHERE content_hash = ? AND status = 'ok'"),
      insertArticle: p(`
        INSERT INTO articles (id, status, date, title, source, outlet, origin, text, raw, content_hash,
          pipeline_version, stages, layers, sentences, repairs, signature, n_actors, n_mentions, n_quotes, n_times,
          n_events, stored_at)
        VALUES (?, 'ok', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      insertFailed: p(`
        INSERT INTO articles (id, status, origin, error_code, error, input, attempts, stored_at)
        VALUES (?, 'failed', ?, ?, ?, ?, 1, ?)`),
      updateFailed: p(`
        UPDATE articles SET error_code = ?, error = ?, input = ?, attempts = attempts + 1, stored_at = ?
        WHERE rowid = ?`),
      articleFts: p('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
      articleFtsDelete: p(
        "INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
      ),
      actor: p(`INSERT INTO actors (article, idx, actor, name, kind, code, country, sector, stage, rule)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      mention: p(`INSERT INTO mentions (article, idx, start, "end", text, type, actor, stage, rule)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      quote: p(`INSERT INTO quotes (article, idx, kind, start, "end", text, cue_start, cue_end, cue,
                  speaker_start, speaker_end, speaker_text, speaker_actor, speaker_name, speaker_code, stage, rule)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      quoteFts: p('INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)'),
      quotesOf: p('SELECT rowid, text FROM quotes WHERE article = ?'),
      quoteFtsDelete: p("INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', ?, ?)"),
      time: p(`INSERT INTO times (article, idx, start, "end", text, type, value, date_from, date_to, stage, rule)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      event: p(`INSERT INTO events (article, idx, code, root, quad, goldstein, source_actor, source_code,
                  source_name, source_country, target_actor, target_code, target_name, target_country, date,
                  date_to, modality, negated, start, "end", sentence, sentence_start, sentence_end,
                  trigger_start, trigger_end, trigger, evidence, stage, rule, outlet)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      eventFts: p('INSERT INTO events_fts (rowid, sentence) VALUES (?, ?)'),
      eventFtsDelete: p('DELETE FROM events_fts WHERE rowid IN (SELECT rowid FROM events WHERE article = ?)'),
      canonicalOf: p('SELECT DISTINCT canonical FROM events WHERE article = ? AND canonical IS NOT NULL'),
      deleteArticle: p('DELETE FROM articles WHERE rowid = ?'),
      ftsRow: p('SELECT status, title, text, signature FROM articles WHERE rowid = ?'),
      stillStored: p('SELECT rowid FROM events WHERE rowid IN (SELECT value FROM json_each(?))'),
      // The most recent articles in one LSH band (the primary key (band, article) serves it directly).
      bandMembers: p('SELECT article FROM sketch_bands WHERE band = ? ORDER BY article DESC LIMIT 8'),
      signatureOf: p('SELECT signature FROM articles WHERE rowid = ?'),
      band: p('INSERT OR IGNORE INTO sketch_bands (band, article) VALUES (?, ?)'),
      unband: p('DELETE FROM sketch_bands WHERE band = ? AND article = ?'),
      duplicate: p('INSERT OR IGNORE INTO duplicates (a, b, similarity) VALUES (?, ?, ?)'),
    };
  }

  /** Call at the start of each write transaction. */
  begin(): void {
    this.canonical.begin();
  }

  /** Writes one coded article. Call inside a transaction. */
  writeDoc(doc: Doc, options: WriteOptions, supersedes?: string): WriteOutcome {
    const existing = this.s.byId.get(doc.id) as { rowid: number; status: string } | undefined;
    if (existing?.status === 'ok' && !options.replace) return 'unchanged';
    if (supersedes && supersedes !== doc.id) {
      const old = this.s.byId.get(supersedes) as { rowid: number; status: string } | undefined;
      if (old?.status === 'failed') this.s.deleteArticle.run(old.rowid);
    }
    const hash = contentHash(doc.raw);
    const twin = this.s.byHash.get(hash) as { id: string } | undefined;
    if (existing) this.deleteArticle(existing.rowid);
    if (twin && twin.id !== doc.id) return 'duplicate';
    this.insertDoc(doc, hash, options.pipelineVersion);
    return existing || supersedes ? 'replaced' : 'inserted';
  }

  /** Stores a failure, unless that id is already stored as a good article. Call inside a transaction. */
  writeFailure(f: FailureInput, options: WriteOptions): WriteOutcome {
    const existing = this.s.byId.get(f.id) as { rowid: number; status: string } | undefined;
    const now = new Date().toISOString();
    if (existing?.status === 'ok') return 'unchanged';
    if (existing) {
      if (!options.replace) return 'failed'; // still failing; the stored failure stays as it was
      this.s.updateFailed.run(f.code, f.reason, f.input, now, existing.rowid);
      return 'failed';
    }
    const origin = f.file
      ? JSON.stringify(f.line !== null ? { file: f.file, line: f.line } : { file: f.file })
      : null;
    this.s.insertFailed.run(f.id, origin, f.code, f.reason, f.input, now);
    return 'failed';
  }

  private insertDoc(doc: Doc, hash: string, version: string): void {
    const s = this.s;
    const sketch = sketchText(doc.text);
    const outlet = outletOf(doc.source);
    const sentences = doc.sentences ?? [];
    const rowid = Number(
      s.insertArticle.run(
        doc.id,
        doc.date,
        doc.title,
        doc.source,
        outlet,
        doc.origin ? JSON.stringify(doc.origin) : null,
        doc.text,
        doc.raw === doc.text ? null : doc.raw,
        hash,
        version,
        JSON.stringify(doc.stages),
        JSON.stringify(LAYERS.filter((l) => doc[l] !== undefined)),
        JSON.stringify(sentences.map((x) => [x.start, x.end, x.paragraph, bool(x.heading)])),
        doc.repairs?.length ? JSON.stringify(doc.repairs) : null,
        signatureToBytes(sketch.signature),
        doc.actors?.length ?? 0,
        doc.mentions?.length ?? 0,
        doc.quotes?.length ?? 0,
        doc.times?.length ?? 0,
        doc.events?.length ?? 0,
        new Date().toISOString(),
      ).lastInsertRowid,
    );
    s.articleFts.run(rowid, doc.title, doc.text);

    const actors = new Map<string, Actor>();
    for (const [i, a] of (doc.actors ?? []).entries()) {
      actors.set(a.id, a);
      s.actor.run(rowid, i, a.id, a.name, a.kind, a.code, a.country, a.sector, a.stage, a.rule ?? null);
    }
    (doc.mentions ?? []).forEach((m, i) =>
      s.mention.run(
        rowid,
        i,
        m.start,
        m.end,
        m.text === doc.text.slice(m.start, m.end) ? null : m.text,
        m.type,
        m.actor,
        m.stage,
        m.rule ?? null,
      ),
    );
    (doc.quotes ?? []).forEach((q, i) => {
      const sp = q.speaker;
      const who = sp?.actor ? actors.get(sp.actor) : undefined;
      const spText =
        sp && sp.start !== undefined && sp.end !== undefined ? doc.text.slice(sp.start, sp.end) : null;
      const text = doc.text.slice(q.start, q.end);
      const qid = s.quote.run(
        rowid,
        i,
        q.kind,
        q.start,
        q.end,
        text,
        q.cue.start,
        q.cue.end,
        q.cue.text,
        sp?.start ?? null,
        sp?.end ?? null,
        spText,
        sp?.actor ?? null,
        who?.name ?? null,
        who?.code ?? null,
        q.stage,
        q.rule ?? null,
      ).lastInsertRowid;
      s.quoteFts.run(qid, text);
    });
    (doc.times ?? []).forEach((t, i) =>
      s.time.run(
        rowid,
        i,
        t.start,
        t.end,
        t.text,
        t.type,
        t.value,
        t.from ?? null,
        t.to ?? null,
        t.stage,
        t.rule ?? null,
      ),
    );

    this.linkDuplicates(rowid, sketch.bands, sketch.signature);

    // Canonical events that need a full recount once this article's events are placed.
    const touched = new Set<number>();
    (doc.events ?? []).forEach((e, i) => {
      const sent = sentences[e.sentence] ?? { start: e.start, end: e.end };
      const src = e.source.actor ? actors.get(e.source.actor) : undefined;
      const tgt = e.target?.actor ? actors.get(e.target.actor) : undefined;
      const eid = Number(
        s.event.run(
          rowid,
          i,
          e.code,
          e.root,
          e.quad,
          e.goldstein,
          e.source.actor,
          e.source.code,
          src?.name ?? null,
          countryOf(e.source.code, src),
          e.target?.actor ?? null,
          e.target?.code ?? null,
          tgt?.name ?? null,
          e.target ? countryOf(e.target.code, tgt) : null,
          e.date,
          e.dateTo,
          e.modality,
          bool(e.negated),
          e.start,
          e.end,
          e.sentence,
          sent.start,
          sent.end,
          e.trigger.start,
          e.trigger.end,
          e.trigger.text,
          e.evidence?.length ? JSON.stringify(e.evidence.map((x) => [x.start, x.end])) : null,
          e.stage,
          e.rule ?? null,
          outlet,
        ).lastInsertRowid,
      );
      s.eventFts.run(eid, doc.text.slice(sent.start, sent.end));
      this.canonical.assign(eid, touched);
    });
    this.canonical.refresh(touched);
  }

  /**
   * Finds stored near-duplicates through the LSH bands, records the pairs, then indexes this article.
   * Bounded work per article, however many copies a story has: at most 8 recent articles per band are
   * candidates, the 16 sharing most bands are verified, and the 8 most similar above the threshold are
   * linked (enough to join a story's copies into one group for counting sources).
   */
  private linkDuplicates(rowid: number, bands: number[], signature: Uint32Array): void {
    const shared = new Map<number, number>();
    for (const b of bands)
      for (const a of this.s.bandMembers.pluck().all(b) as number[]) shared.set(a, (shared.get(a) ?? 0) + 1);
    // Verify the 16 candidates sharing most bands (copies share many; chance matches one or two).
    const candidates = [...shared].sort((x, y) => y[1] - x[1] || y[0] - x[0]).slice(0, 16);
    const scored: [number, number][] = [];
    for (const [a] of candidates) {
      const sim = similarity(signature, signatureFromBytes(this.s.signatureOf.pluck().get(a) as Uint8Array));
      if (sim >= DUPLICATE_THRESHOLD) scored.push([a, sim]);
    }
    scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    for (const [a, sim] of scored.slice(0, 8))
      this.s.duplicate.run(Math.min(a, rowid), Math.max(a, rowid), sim);
    for (const b of bands) this.s.band.run(b, rowid);
  }

  /** Removes an article with everything hanging off it, and regroups the canonical events it was part of. */
  deleteArticle(rowid: number): void {
    const s = this.s;
    const row = s.ftsRow.get(rowid) as {
      status: string;
      title: string | null;
      text: string | null;
      signature: Uint8Array | null;
    };
    if (row.signature) for (const b of bandsOf(signatureFromBytes(row.signature))) s.unband.run(b, rowid);
    if (row.status === 'ok') {
      s.articleFtsDelete.run(rowid, row.title, row.text);
      for (const q of s.quotesOf.all(rowid) as { rowid: number; text: string }[])
        s.quoteFtsDelete.run(q.rowid, q.text);
      s.eventFtsDelete.run(rowid);
    }
    const affected = (s.canonicalOf.all(rowid) as { canonical: number }[]).map((r) => r.canonical);
    const orphans = this.canonical.dissolve(affected);
    s.deleteArticle.run(rowid);
    const touched = new Set<number>();
    const own = new Set(s.stillStored.pluck().all(JSON.stringify(orphans)) as number[]);
    for (const e of orphans) if (own.has(e)) this.canonical.assign(e, touched);
    this.canonical.refresh(touched);
  }
}

/** The actor's country, else the code's first three letters when they are a country code. */
function countryOf(code: string, actor: Actor | undefined): string | null {
  if (actor?.country) return actor.country;
  const head = code.slice(0, 3);
  return /^[A-Z]{3}$/.test(head) ? head : null;
}
