/**
 * Canonical events in SQLite: one row per real-world event, merging the events of every article that
 * tells it. Two events merge when they have the same source code, target code, CAMEO code, modality and
 * negation, and their date intervals overlap (a shared day counts). A canonical event's interval is the
 * union of its members', so it is exactly a connected group of overlapping intervals: the same groups
 * come out whatever order the articles arrive in. Undated events are never merged.
 *
 * Counts are recomputed for every canonical event a write touches: mentions (event records), distinct
 * articles, and distinct sources, where articles that are near-duplicate texts (syndicated copies) or
 * come from one outlet count once.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

interface MemberRow {
  rowid: number;
  article: number;
  idx: number;
  id: string;
  date: string | null;
  outlet: string | null;
}

interface EventKeyRow {
  idx: number;
  article: number;
  article_id: string;
  outlet: string | null;
  source_code: string;
  target_code: string | null;
  code: string;
  modality: string;
  negated: number;
  date: string | null;
  date_to: string | null;
  article_date: string | null;
  root: string;
  quad: number;
  goldstein: number;
  source_country: string | null;
  target_country: string | null;
}

export class CanonicalEvents {
  private readonly eventKey: Database.Statement;
  private readonly overlapping: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly setInterval: Database.Statement;
  private readonly moveMembers: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly attach: Database.Statement;
  private readonly members: Database.Statement;
  private readonly pairs: Database.Statement;
  private readonly update: Database.Statement;
  private readonly detach: Database.Statement;
  private readonly keyRow: Database.Statement;
  private readonly counts: Database.Statement;
  private readonly isMember: Database.Statement;
  private readonly outletMember: Database.Statement;
  private readonly copies: Database.Statement;
  private readonly setAll: Database.Statement;

  private readonly readSpan: Database.Statement;
  private readonly writeSpan: Database.Statement;
  /** The longest interval (in days) of any canonical event: an overlapping one starts at most this long before. */
  private maxSpan = 0;

  constructor(db: Database.Database) {
    this.readSpan = db.prepare("SELECT value FROM store_meta WHERE key = 'max_span_days'").pluck();
    this.writeSpan = db.prepare("UPDATE store_meta SET value = ? WHERE key = 'max_span_days' AND value < ?");
    this.eventKey = db.prepare(`
      SELECT e.source_code, e.target_code, e.code, e.modality, e.negated, e.date, e.date_to, e.idx,
             e.article, a.id AS article_id, a.date AS article_date, a.outlet,
             e.root, e.quad, e.goldstein, e.source_country, e.target_country
      FROM events e JOIN articles a ON a.rowid = e.article WHERE e.rowid = ?`);
    this.counts = db.prepare(`
      SELECT c.date_from, c.date_to, c.num_mentions, c.num_articles, c.num_sources,
             a.date AS first_date, a.id AS first_id, e.idx AS first_idx
      FROM canonical_events c JOIN events e ON e.rowid = c.first_event JOIN articles a ON a.rowid = e.article
      WHERE c.rowid = ?`);
    this.isMember = db.prepare('SELECT 1 FROM events WHERE canonical = ? AND article = ? LIMIT 1').pluck();
    this.outletMember = db
      .prepare('SELECT 1 FROM events WHERE canonical = ? AND outlet = ? AND article != ? LIMIT 1')
      .pluck();
    this.copies = db
      .prepare('SELECT b FROM duplicates WHERE a = ? UNION SELECT a FROM duplicates WHERE b = ?')
      .pluck();
    this.setAll = db.prepare(`
      UPDATE canonical_events SET key = ?, date_from = ?, date_to = ?, num_mentions = ?, num_articles = ?,
        num_sources = ?, first_event = coalesce(?, first_event) WHERE rowid = ?`);
    this.overlapping = db.prepare(`
      SELECT rowid, date_from, date_to FROM canonical_events
      WHERE source_code = ? AND target_code = ? AND code = ? AND modality = ? AND negated = ?
        AND date_from >= ? AND date_from <= ? AND date_to >= ?
      ORDER BY rowid`);
    this.insert = db.prepare(`
      INSERT INTO canonical_events (key, source_code, target_code, code, modality, negated, date_from, date_to,
                                    root, quad, goldstein, source_country, target_country)
      VALUES ('', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.setInterval = db.prepare('UPDATE canonical_events SET date_from = ?, date_to = ? WHERE rowid = ?');
    this.moveMembers = db.prepare('UPDATE events SET canonical = ? WHERE canonical = ?');
    this.remove = db.prepare('DELETE FROM canonical_events WHERE rowid = ?');
    this.attach = db.prepare('UPDATE events SET canonical = ? WHERE rowid = ?');
    this.detach = db.prepare('UPDATE events SET canonical = NULL WHERE canonical = ? RETURNING rowid');
    this.members = db.prepare(`
      SELECT e.rowid, e.article, e.idx, a.id, a.date, a.outlet
      FROM events e JOIN articles a ON a.rowid = e.article WHERE e.canonical = ?`);
    this.pairs = db.prepare(`
      SELECT a, b FROM duplicates
      WHERE a IN (SELECT value FROM json_each(?)) AND b IN (SELECT value FROM json_each(?))`);
    this.update = db.prepare(`
      UPDATE canonical_events SET key = ?, num_mentions = ?, num_articles = ?, num_sources = ?, first_event = ?
      WHERE rowid = ?`);
    this.keyRow = db.prepare(`
      SELECT source_code, target_code, code, modality, negated, date_from, date_to
      FROM canonical_events WHERE rowid = ?`);
  }

  /**
   * Puts one stored event into its canonical event, merging the groups it bridges. Counts are kept up to
   * date incrementally in the common cases (a new group; joining one group), with index lookups only,
   * so a canonical event told by thousands of articles costs no more per article than a small one.
   * Merges, and a new article linked to two or more member articles (whose groups may or may not be
   * one), are left in `pending` for `refresh` to recount from the members.
   */
  assign(eventRowid: number, pending: Set<number>): void {
    const e = this.eventKey.get(eventRowid) as EventKeyRow;
    const target = e.target_code ?? '';
    let from = e.date ?? e.article_date;
    let to = e.date ? (e.date_to ?? e.date) : from;
    if (from && to && to < from) [from, to] = [to, from];
    const found = from
      ? (this.overlapping.all(
          e.source_code,
          target,
          e.code,
          e.modality,
          e.negated,
          this.lowest(from),
          to,
          from,
        ) as {
          rowid: number;
          date_from: string;
          date_to: string;
        }[])
      : [];
    const keyOf = (lo: string | null, hi: string | null) =>
      canonicalKey([e.source_code, target, e.code, e.modality, e.negated, lo, hi], lo === null ? e : null);

    if (found.length === 0) {
      const id = Number(
        this.insert.run(
          e.source_code,
          target,
          e.code,
          e.modality,
          e.negated,
          from,
          to,
          e.root,
          e.quad,
          e.goldstein,
          e.source_country,
          e.target_country,
        ).lastInsertRowid,
      );
      this.attach.run(id, eventRowid);
      this.setAll.run(keyOf(from, to), from, to, 1, 1, 1, eventRowid, id);
      this.noteSpan(from, to);
      return;
    }

    const id = found[0].rowid;
    let lo = from as string;
    let hi = to as string;
    for (const c of found) {
      if (c.date_from < lo) lo = c.date_from;
      if (c.date_to > hi) hi = c.date_to;
    }
    this.noteSpan(lo, hi);
    if (found.length > 1 || pending.has(id)) {
      for (const c of found.slice(1)) {
        this.moveMembers.run(id, c.rowid);
        this.remove.run(c.rowid);
        pending.delete(c.rowid);
      }
      this.setInterval.run(lo, hi, id);
      this.attach.run(id, eventRowid);
      pending.add(id);
      return;
    }

    const c = this.counts.get(id) as {
      num_mentions: number;
      num_articles: number;
      num_sources: number;
      first_date: string | null;
      first_id: string;
      first_idx: number;
    };
    let { num_articles: articles, num_sources: sources } = c;
    if (!this.isMember.get(id, e.article)) {
      articles++;
      let linked = e.outlet && this.outletMember.get(id, e.outlet, e.article) ? 1 : 0;
      for (const copy of this.copies.all(e.article, e.article) as number[])
        if (this.isMember.get(id, copy)) linked++;
      if (linked === 0) sources++;
      else if (linked > 1) pending.add(id);
    }
    const first =
      compareOrder(e.article_date, e.article_id, e.idx, c.first_date, c.first_id, c.first_idx) < 0;
    this.attach.run(id, eventRowid);
    const firstEvent = first ? eventRowid : null;
    this.setAll.run(keyOf(lo, hi), lo, hi, c.num_mentions + 1, articles, sources, firstEvent, id);
  }

  /** Reads the longest interval as stored (call at the start of each write transaction). */
  begin(): void {
    this.maxSpan = Number(this.readSpan.get() ?? 0);
  }

  /** The earliest start an interval overlapping one that starts at `from` can have. */
  private lowest(from: string): string {
    return isoDay(Date.parse(from) - this.maxSpan * DAY);
  }

  /** Records an interval's length when it is the longest yet. */
  private noteSpan(from: string | null, to: string | null): void {
    if (!from || !to) return;
    const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY);
    if (days > this.maxSpan) {
      this.maxSpan = days;
      this.writeSpan.run(days, days);
    }
  }

  /**
   * Takes canonical events apart before their members change (an article is deleted): returns the
   * events they held, now detached, for `assign` to regroup once the article is gone.
   */
  dissolve(ids: Iterable<number>): number[] {
    const events: number[] = [];
    for (const id of ids) {
      for (const r of this.detach.all(id) as { rowid: number }[]) events.push(r.rowid);
      this.remove.run(id);
    }
    return events;
  }

  /** Recomputes counts, representative and key of each touched canonical event. */
  refresh(touched: Iterable<number>): void {
    for (const id of touched) {
      const members = this.members.all(id) as MemberRow[];
      if (members.length === 0) {
        this.remove.run(id);
        continue;
      }
      members.sort(byArticleOrder);
      const first = members[0];
      const articles = [...new Set(members.map((m) => m.article))];
      const sources = this.countSources(members, articles);
      this.update.run(this.keyOf(id, first), members.length, articles.length, sources, first.rowid, id);
    }
  }

  /** The key from the stored row (refresh). */
  private keyOf(id: number, first: MemberRow): string {
    const r = this.keyRow.get(id) as Record<string, string | number | null>;
    const basis = [r.source_code, r.target_code, r.code, r.modality, r.negated, r.date_from, r.date_to];
    return canonicalKey(basis, r.date_from === null ? { article_id: first.id, idx: first.idx } : null);
  }

  /** Distinct sources: connected groups of articles linked by near-duplicate text or a shared outlet. */
  private countSources(members: MemberRow[], articles: number[]): number {
    if (articles.length === 1) return 1;
    const parent = new Map<number, number>(articles.map((a) => [a, a]));
    const find = (x: number): number => {
      let r = x;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(x, r);
      return r;
    };
    const union = (a: number, b: number) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
    };
    const byOutlet = new Map<string, number>();
    for (const m of members) {
      if (!m.outlet) continue;
      const seen = byOutlet.get(m.outlet);
      if (seen === undefined) byOutlet.set(m.outlet, m.article);
      else union(seen, m.article);
    }
    const list = JSON.stringify(articles);
    for (const p of this.pairs.all(list, list) as { a: number; b: number }[]) union(p.a, p.b);
    let groups = 0;
    for (const a of articles) if (find(a) === a) groups++;
    return groups;
  }
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A canonical event's stable id: a hash of the merge key and the interval; undated ones (never merged)
 * add their event's article id and position.
 */
function canonicalKey(
  basis: (string | number | null)[],
  undated: { article_id: string; idx: number } | null,
): string {
  const parts = undated ? [...basis, undated.article_id, undated.idx] : basis;
  return createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 16);
}

/** Order of (article date, article id, index): undated articles last. */
function compareOrder(
  dx: string | null,
  idx: string,
  ix: number,
  dy: string | null,
  idy: string,
  iy: number,
): number {
  const a = dx ?? '\uffff';
  const b = dy ?? '\uffff';
  if (a !== b) return a < b ? -1 : 1;
  if (idx !== idy) return idx < idy ? -1 : 1;
  return ix - iy;
}

/** Earliest article date first (undated last), then smallest article id, then position in the article. */
function byArticleOrder(x: MemberRow, y: MemberRow): number {
  return compareOrder(x.date, x.id, x.idx, y.date, y.id, y.idx);
}
