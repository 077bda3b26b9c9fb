/**
 * Stage `actors`: codes every name mention CAMEO-style and resolves who is who within the article.
 *
 * One pass over the tokens, in document order. At each position it takes, in this order, a name the
 * name tagger found, else a gazetteer entry (country, demonym, capital, seat of government, international
 * organisation, office holder, sector word), else a short form of a person already named, else a subject
 * pronoun. Each becomes a mention with an actor:
 * - persons take country and sector from the words that introduce them (`person-context.ts`), else from
 *   the office-holders list on the article's date (`office.ts`);
 * - organisations take the country of their modifier (`Chinese Foreign Ministry` CHNGOV) and the sector
 *   of their head word (`China Media Group` CHNMED); international organisations their IGO code;
 * - countries are coded by ISO alpha-3; a capital that acts (`Beijing said`) is that country's government;
 * - short forms (`Xi`, `Mr. Wang`), role nouns (`the spokesperson`, `the Chinese side`, `the two countries`)
 *   and `he`/`she` in subject position resolve to the most recent compatible actor.
 * Lookups are maps keyed by token or name, and the recency lists hold a handful of actors, so the stage is
 * linear in the tokens.
 */
import type { Actor, ActorKind, Doc, Mention, MentionType, Span, Token } from '../doc.js';
import { readDataRows } from '../data.js';
import { composeCode, isInternationalCode, UNKNOWN_COUNTRY } from '../ontology/actor-codes.js';
import type { Stage } from '../pipeline.js';
import { entryOf, matchGazetteer, type GazHit, type GazHits } from './gazetteer-match.js';
import { gazetteer, type GazEntry } from './gazetteer.js';
import { tokenAfter } from './lookup.js';
import { officeOn } from './office.js';
import { personContext, type NameCover } from './person-context.js';
import { ActorRegistry, addRole } from './registry.js';
import { datelineCountry, titleScope } from './title-scope.js';

export const STAGE = 'actors';

interface Placed extends Mention {
  tokenStart: number;
  tokenEnd: number;
  /** Whether the pass has handled this name. */
  seen: boolean;
}

type SectorEntry = Extract<GazEntry, { kind: 'sector' }>;

/**
 * The gender of a subject pronoun (`he`, `she` in any case), else null. Compared by code: no character
 * but the ASCII letters lower-cases to h, e or s.
 */
function subjectPronoun(text: string): 'm' | 'f' | null {
  const n = text.length;
  if (n < 2 || n > 3) return null;
  const c = text.charCodeAt(0) | 32;
  if (n === 2) return c === 104 && (text.charCodeAt(1) | 32) === 101 ? 'm' : null;
  return c === 115 && (text.charCodeAt(1) | 32) === 104 && (text.charCodeAt(2) | 32) === 101 ? 'f' : null;
}
const VERBISH = new Set(
  'is was has had have will would could can should may might must did does also then later again'.split(' '),
);
const PAIR_CUES = new Set(['two', 'both']);
/** Tokens a person's name never ends in. */
const TRAILERS = new Set(["'s", '’s', ',', '.']);
const PLACE_PREPOSITIONS = new Set(
  'in at to from near into outside inside across around via through toward towards'.split(' '),
);
/** The role of `the two presidents`' members. */
const PRESIDENT: ReadonlySet<string> = new Set(['president']);
/** Roles of heads of state and government, for `the two leaders`. */
const HEADS = new Set([
  'president',
  'premier',
  'minister',
  'chancellor',
  'king',
  'queen',
  'leader',
  'emir',
  'sultan',
]);
/** A compound naming who leads or backs a group: `Saudi-led`, `Iranian-backed`. */
const LED = /-(led|backed|sponsored|supported)$/;
/** Particles that belong to a surname: `Le Pen`, `von der Leyen`, `dos Santos`, `bin Salman`. */
const SURNAME_PARTICLES = new Set(
  'Le La De Du Des Van Von Der Den Da Dos Das Di Del Della al Al el El bin ben ibn le la de du des van von der den da dos das di del della'.split(
    ' ',
  ),
);
/** Words that are never a person's short form even when capitalised. */
const NOT_NAMES = new Set(
  'The A An He She It They We I His Her Its Their This That These Those In On At For And But Or Of To By Mr. Mrs. Ms. Dr.'.split(
    ' ',
  ),
);

let heads: Map<string, MentionType> | undefined;
/** Head words that retype a name (`... Initiative` is no person), from `data/actors/name-heads.tsv`. */
function nameHeads(): Map<string, MentionType> {
  heads ??= new Map(readDataRows('actors/name-heads.tsv').map((r) => [r[0]!, r[1] as MentionType]));
  return heads;
}

let speechVerbs: Set<string> | undefined;
function speech(): Set<string> {
  speechVerbs ??= new Set(readDataRows('actors/speech-verbs.tsv').map((r) => r[0]!));
  return speechVerbs;
}

/** Whether a world region's word is its adjective or people (`European`, `Arabs`), not its name (`Europe`). */
function isAreaAdjective(text: string): boolean {
  return /[a-z]ns?$|Arabs?$|^Western|Balkan$/.test(text);
}

/** An organisation actor under its lower-cased name, and the next one of that name (of another country). */
interface OrgName {
  country: string | null;
  actor: Actor;
  other: OrgName | null;
}

/** The country of a hit's country, nationality or capital entry. */
function countryCode(h: GazHit | undefined): string | undefined {
  return (entryOf(h, 'country') ?? entryOf(h, 'demonym') ?? entryOf(h, 'capital'))?.code;
}

/** Whether a token is the possessive `'s` (or `’s`). */
function isPossessive(text: string): boolean {
  return text === "'s" || text === '’s';
}

/** Whether a token lower-cased is `the` (compared by code: no other character lower-cases to t, h or e). */
function isThe(text: string | undefined): boolean {
  return (
    text !== undefined &&
    text.length === 3 &&
    (text.charCodeAt(0) | 32) === 116 &&
    (text.charCodeAt(1) | 32) === 104 &&
    (text.charCodeAt(2) | 32) === 101
  );
}

/** First letter upper-case; ASCII checked by code, the rest by Unicode property. */
function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(text);
}

/**
 * Per-token buffers kept between documents, as allocating typed arrays per document costs more than
 * the work on most of them; each document takes views of its length. Documents are coded one at a time.
 */
const scratch = {
  size: 0,
  gaz: new Int32Array(0),
  nerStart: new Int32Array(0),
  nerCover: new Int32Array(0),
  orgAt: new Int32Array(0),
  used: new Uint8Array(0),
};

function reserve(n: number): void {
  if (n <= scratch.size) return;
  const size = Math.max(n, 2 * scratch.size, 1024);
  scratch.size = size;
  scratch.gaz = new Int32Array(size);
  scratch.nerStart = new Int32Array(size);
  scratch.nerCover = new Int32Array(size);
  scratch.orgAt = new Int32Array(size);
  scratch.used = new Uint8Array(size);
}

class ActorResolver implements NameCover {
  readonly registry = new ActorRegistry();
  readonly out: Mention[] = [];
  private readonly tokens: readonly Token[];
  private readonly text: string;
  /** Tokens already used by some actor's context or mention. */
  private readonly used: Uint8Array;
  /** Name-tagger mention index starting at each token, or -1; and covering each token. */
  private readonly nerStart: Int32Array;
  private readonly nerCover: Int32Array;
  /** Hits on parts of hyphenated words, by token (null when the document has none). */
  private readonly partHits: Map<number, GazHit[]> | null = null;
  private sentence = 0;
  private lastSpeaker: { actor: Actor; sentence: number } | null = null;
  private lastSubject: { actor: Actor; sentence: number } | null = null;
  private lastCapital: { end: number; acts: boolean } | null = null;
  /** Where the place `countryOf` last read ends (for naming `rebels in Darfur`). */
  private placeEnd = 0;
  /** For persons of no known country, the one country their sentence named. */
  private sentenceGuess: Map<Actor, string> | null = null;
  /** Mentions per country, for the article's own country. */
  private countryCounts: Map<string, number> | null = null;
  /** The country of the article's dateline city, for domestic offices. */
  private readonly dateline: string | null;
  /**
   * The organisation actor coded over each token (`Foreign Ministry`), for the persons it introduces:
   * an index into `orgs`, or -1.
   */
  private readonly orgAt: Int32Array;
  private readonly orgs: Actor[] = [];
  /** Country actors by code. */
  private countries: Map<string, Actor> | null = null;
  /** Organisation actors by lower-cased name, one per country (with the name, their identity). */
  private orgNames: Map<string, OrgName> | null = null;
  /** For persons of no known country, the organisation their context names, whose country they share. */
  private affiliation: Map<Actor, Actor> | null = null;

  constructor(
    private readonly doc: Doc,
    private readonly gaz: GazHits,
    private readonly ner: Placed[],
  ) {
    this.tokens = doc.tokens ?? [];
    this.text = doc.text;
    const n = this.tokens.length;
    this.used = scratch.used.subarray(0, n).fill(0);
    this.dateline = datelineCountry(this.tokens);
    this.nerStart = scratch.nerStart.subarray(0, n).fill(-1);
    this.nerCover = scratch.nerCover.subarray(0, n).fill(-1);
    this.orgAt = scratch.orgAt.subarray(0, n).fill(-1);
    ner.forEach((m, i) => {
      if (m.tokenStart < m.tokenEnd && this.nerStart[m.tokenStart] === -1) this.nerStart[m.tokenStart] = i;
      for (let k = m.tokenStart; k < m.tokenEnd; k++) if (this.nerCover[k] === -1) this.nerCover[k] = i;
    });
    for (const h of gaz.hits)
      if (h.part) {
        this.partHits ??= new Map();
        const list = this.partHits.get(h.tokenStart) ?? [];
        list.push(h);
        this.partHits.set(h.tokenStart, list);
      }
  }

  run(): void {
    const sentences = this.doc.sentences ?? [];
    for (let si = 0; si < sentences.length; si++) {
      this.sentence = si;
      const s = sentences[si]!;
      let i = s.tokenStart;
      while (i < s.tokenEnd) i = Math.max(i + 1, this.step(i, s.tokenStart, s.tokenEnd));
    }
    this.placeAtHome();
    // Names the pass never reached (overlapping another name) are kept as they came, without an actor.
    for (const m of this.ner) if (!m.seen) this.push(m, m.type, null);
  }

  /**
   * A refiner, the last resort: actors with a sector but no country belong to the one country their
   * sentence names (`Trade Secretary Patricia Hewitt ... British`), else, if not persons (`Parliament`),
   * to the article's own country. These are guesses, marked `+country:guess:home` or `+country:guess:sentence` in the rule so
   * that they can be audited. Pairs and international actors are left alone.
   */
  private placeAtHome(): void {
    const home = this.homeCountry();
    const unplaced = (a: Actor) =>
      !a.country && !!a.sector && !a.members && a.code.startsWith(UNKNOWN_COUNTRY);
    // Organisations first: a domestic office's (`Treasury`) is the dateline city's country.
    for (const a of this.registry.actors) {
      if (a.kind !== 'organization' || !unplaced(a) || !this.dateline) continue;
      const scope = titleScope(a.name.toLowerCase().split(' '));
      if (scope?.scope !== 'domestic') continue;
      a.country = this.dateline;
      a.code = composeCode(a.country, a.sector);
      a.rule = `${a.rule}+country:dateline:${scope.title}`;
    }
    for (const a of this.registry.actors) {
      if (a.kind === 'organization' && unplaced(a)) this.placeGuess(a, home);
    }
    for (const a of this.registry.actors) {
      if (a.kind === 'organization' || !unplaced(a)) continue;
      // A person introduced by an organisation (`Foreign Ministry spokesperson X`) shares its country.
      const org = this.affiliation?.get(a);
      if (org?.country) {
        a.country = org.country;
        a.code = composeCode(a.country, a.sector);
        a.rule = `${a.rule}+country:org${org.rule?.includes(':guess:') ? ':guess' : ''}`;
        continue;
      }
      this.placeGuess(a, home);
    }
  }

  private placeGuess(a: Actor, home: string | null): void {
    // A person's own sentence is the better guess (right 22 of 25 times on PLOVER); the article's main
    // country is right for persons only 4 of 7 times there, so a person it alone would place stays `---`.
    const sentence = this.sentenceGuess?.get(a) ?? null;
    const country = sentence ?? (a.kind === 'person' ? null : home);
    if (!country) return;
    a.country = country;
    a.code = composeCode(country, a.sector);
    a.rule = `${a.rule}+country:guess:${sentence ? 'sentence' : 'home'}`;
  }

  /** Handles whatever starts at token i; returns the next token to look at. */
  private step(i: number, sStart: number, sEnd: number): number {
    // The next token, reckoned once here: the rare branches that return it then hold no arithmetic of
    // their own, which, met without type feedback after the pass is compiled, deoptimized it.
    const next = i + 1;
    const mi = this.nerStart[i]!;
    if (mi >= 0) {
      const m = this.ner[mi]!;
      this.nameMention(m, sStart, sEnd);
      return m.tokenEnd;
    }
    if (this.nerCover[i]! >= 0) return next;
    const h = this.gaz.byToken[i]!;
    const hit = h >= 0 ? this.gaz.hits[h]! : undefined;
    if (hit && hit.tokenStart === i) {
      // A name from the tagger that starts inside the entry wins (`UN` | `Security Council`).
      for (let k = i + 1; k < hit.tokenEnd; k++) if (this.nerStart[k]! >= 0) return k;
      this.gazetteerHit(hit, sStart, sEnd);
      return hit.tokenEnd;
    }
    const parts = this.partHits?.get(i);
    if (parts) {
      for (const p of parts) this.place(p.start, p.end, i, i + 1, p.entries, 'part');
      this.ledGroup(i, parts);
      return next;
    }
    const t = this.tokens[i]!;
    if (this.used[i]) return next;
    if (isCapitalised(t.text)) {
      // (`NOT_NAMES` is looked up last: most capitalised words neither are a name given yet nor follow a title.)
      const known = this.registry.named(t.text);
      if (known && !NOT_NAMES.has(t.text)) {
        this.personSpan(i, i + 1, sStart, sEnd, 'names', 'short-form');
        return next;
      }
      const prev = this.sectorAt(i - 1);
      if (prev && (prev.cls === 'title' || prev.cls === 'person') && !NOT_NAMES.has(t.text)) {
        // A capitalised run after a title the name tagger missed: `President Xi`, `Mr. Wang`.
        let j = i;
        while (
          j < sEnd &&
          isCapitalised(this.tokens[j]!.text) &&
          this.gaz.byToken[j] === -1 &&
          this.nerCover[j] === -1
        )
          j++;
        this.personSpan(i, j, sStart, sEnd, STAGE, 'after-title');
        return j;
      }
    }
    const g = subjectPronoun(t.text);
    if (g) this.pronoun(i, g);
    return next;
  }

  // --- names from the name tagger -------------------------------------------------------------------

  private nameMention(m: Placed, sStart: number, sEnd: number): void {
    m.seen = true;
    const exact = this.exactHit(m.tokenStart, m.tokenEnd);
    let type: MentionType = m.type;
    if (exact) {
      let org = false;
      let place = false;
      let demonym = false;
      let area = false;
      let holder = false;
      for (const e of exact.entries) {
        const k = e.kind;
        if (k === 'igo' || k === 'seat' || k === 'group') org = true;
        else if (k === 'country' || k === 'capital' || k === 'region') place = true;
        else if (k === 'demonym') demonym = true;
        else if (k === 'area') area = true;
        else if (k === 'holder') holder = true;
      }
      if (org) type = 'organization';
      else if (place) type = 'location';
      else if (demonym) type = 'nationality';
      else if (area) type = isAreaAdjective(m.text) ? 'nationality' : 'location';
      else if (holder) type = 'person';
    }
    const parts = m.tokenEnd === m.tokenStart + 1 ? this.partHits?.get(m.tokenStart) : undefined;
    if (parts && !exact) {
      // `China-Russia` tagged as one name: the countries in it.
      for (const p of parts) this.place(p.start, p.end, m.tokenStart, m.tokenEnd, p.entries, 'part');
      this.ledGroup(m.tokenStart, parts);
      return;
    }
    // A name already given to a person in this article is that person, whatever the tagger said (`Le Pen`).
    if (!exact && type !== 'person' && this.registry.named(m.text)?.kind === 'person') type = 'person';
    const last = this.tokens[m.tokenEnd - 1]!.text;
    const head = !exact && (type === 'person' || type === 'other') ? nameHeads().get(last) : undefined;
    if (head && m.tokenEnd - m.tokenStart > 0) type = head;
    if (!exact && (type === 'organization' || type === 'other') && this.orgHeadAt(m.tokenEnd - 1)) {
      // `Ministry` tagged alone: the organisation is the capitalised run ending in it (`Foreign Ministry`).
      const a = this.orgStart(m.tokenStart, sStart);
      const start = this.tokens[a]!.start;
      const text = this.text.slice(start, m.end);
      return this.organization(a, m.tokenEnd, {
        ...m,
        start,
        text,
        tokenStart: a,
        rule: `${m.rule ?? ''}+org-head`,
      });
    }
    if (type === 'person') return this.personSpan(m.tokenStart, m.tokenEnd, sStart, sEnd, m.stage, m.rule, m);
    if (exact) return this.place(m.start, m.end, m.tokenStart, m.tokenEnd, exact.entries, 'name', m, type);
    if (type === 'organization') return this.organization(m.tokenStart, m.tokenEnd, m);
    this.push(m, m.type, null);
  }

  /** `Saudi-led coalition`, `Iranian-backed militias` at token i: the group after is the first part's country's. */
  private ledGroup(i: number, parts: readonly GazHit[]): void {
    if (!LED.test(this.tokens[i]!.text)) return;
    const first = parts.find((p) => p.start === this.tokens[i]!.start);
    const code = (entryOf(first, 'demonym') ?? entryOf(first, 'country'))?.code;
    if (code) this.nominalAfter(i + 1, code, i);
  }

  /** A whole-token gazetteer hit covering exactly `[a, b)`, allowing a leading `the`. */
  private exactHit(a: number, b: number): GazHit | undefined {
    if (a < b && isThe(this.tokens[a]!.text) && this.gaz.byToken[a] === -1) a++;
    const h = this.gaz.byToken[a]!;
    const hit = h >= 0 ? this.gaz.hits[h] : undefined;
    const proper = hit?.entries.some((e) => e.kind !== 'sector');
    return hit && proper && hit.tokenStart === a && hit.tokenEnd === b ? hit : undefined;
  }

  // --- gazetteer entries the name tagger did not cover ----------------------------------------------

  private gazetteerHit(hit: GazHit, sStart: number, sEnd: number): void {
    const sector = entryOf(hit, 'sector');
    const proper = hit.entries.some((e) => e.kind !== 'sector');
    if (proper) {
      if (entryOf(hit, 'holder') && !entryOf(hit, 'country') && !entryOf(hit, 'igo'))
        return this.personSpan(
          hit.tokenStart,
          hit.tokenEnd,
          sStart,
          sEnd,
          STAGE,
          entryOf(hit, 'holder')!.rule,
        );
      return this.place(hit.start, hit.end, hit.tokenStart, hit.tokenEnd, hit.entries, 'gazetteer');
    }
    if (sector && !this.used[hit.tokenStart]) this.sectorWord(hit, sector, sStart);
  }

  /** A country, capital, seat, demonym or international organisation at `[start, end)`. */
  private place(
    start: number,
    end: number,
    a: number,
    b: number,
    entries: readonly GazEntry[],
    how: string,
    from?: Placed,
    type?: MentionType,
  ): void {
    // The first entry of each kind.
    let igo: Extract<GazEntry, { kind: 'igo' }> | undefined;
    let seat: Extract<GazEntry, { kind: 'seat' }> | undefined;
    let group: Extract<GazEntry, { kind: 'group' }> | undefined;
    let country: Extract<GazEntry, { kind: 'country' }> | undefined;
    let capital: Extract<GazEntry, { kind: 'capital' }> | undefined;
    let demonym: Extract<GazEntry, { kind: 'demonym' }> | undefined;
    let region: Extract<GazEntry, { kind: 'region' }> | undefined;
    let area: Extract<GazEntry, { kind: 'area' }> | undefined;
    for (const e of entries) {
      if (e.kind === 'igo') igo ??= e;
      else if (e.kind === 'seat') seat ??= e;
      else if (e.kind === 'group') group ??= e;
      else if (e.kind === 'country') country ??= e;
      else if (e.kind === 'capital') capital ??= e;
      else if (e.kind === 'demonym') demonym ??= e;
      else if (e.kind === 'region') region ??= e;
      else if (e.kind === 'area') area ??= e;
    }
    const base = from ?? {
      start,
      end,
      text: this.text.slice(start, end),
      type: 'other' as MentionType,
      actor: null,
      stage: STAGE,
      rule: (igo ?? seat ?? group ?? country ?? capital ?? demonym ?? region ?? area)?.rule,
    };
    if (igo) {
      const actor = this.obtain(`igo:${igo.name}`, igo.name, 'igo', igo.code, null, null, igo.rule);
      this.push(base, type ?? 'organization', actor);
      // `EU officials`, `NATO troops`: the people of an organisation carry its code.
      if (how !== 'part') this.nominalAfter(b, igo.code, a, false, true);
      return;
    }
    if (seat) {
      const name = this.text.slice(start, end);
      const actor = this.obtain(
        `seat:${name}`,
        name,
        'organization',
        composeCode(seat.code, seat.sector),
        seat.code,
        seat.sector,
        seat.rule,
      );
      return this.push(base, type ?? 'organization', actor);
    }
    if (group) {
      const actor = this.obtain(
        `group:${group.name}`,
        group.name,
        'organization',
        composeCode(group.country, group.sector),
        group.country,
        group.sector,
        group.rule,
      );
      return this.push(base, type ?? 'organization', actor);
    }
    if (country) {
      const actor = this.country(country.code);
      this.push(base, type ?? 'location', actor);
      if (how !== 'part') {
        // `Sudan's government`, `Mozambique government`, `Ivory Coast rebels`
        const poss = isPossessive(this.textAt(b));
        this.nominalAfter(poss ? b + 1 : b, country.code, a);
      }
      return;
    }
    if (capital) {
      const acts = this.capitalActs(a, b);
      const actor = acts
        ? this.obtain(
            `gov:${capital.code}`,
            this.text.slice(start, end),
            'country',
            composeCode(capital.code, 'GOV'),
            capital.code,
            'GOV',
            `${capital.rule}:government`,
          )
        : this.country(capital.code); // a place: the country it lies in (`talks in Moscow`)
      this.lastCapital = { end: b, acts };
      this.push(base, type ?? 'location', actor);
      if (how !== 'part') {
        // `Khartoum government`, `Moscow's envoy`
        const poss = isPossessive(this.textAt(b));
        this.nominalAfter(poss ? b + 1 : b, capital.code, a);
      }
      return;
    }
    if (demonym) {
      this.push(base, type ?? 'nationality', this.country(demonym.code));
      if (how !== 'part') this.nominalAfter(b, demonym.code, a);
      return;
    }
    if (region) {
      // A region is a place; the groups named after it belong to its country (`Darfur rebels`).
      this.push(base, type ?? 'location', null);
      if (how !== 'part') this.nominalAfter(b, region.code, a);
      return;
    }
    if (area) {
      // A world region (`Europe`, `European`): its own CAMEO code, of no country (`European leaders` EURGOV).
      // An adjective is an actor only as the modifier of one (`European leaders`); before any other noun
      // (`Mediterranean island`, `Western criticism`) it is a mention without an actor.
      const name = this.text.slice(start, end);
      const adjective = isAreaAdjective(name);
      const before = this.out.length;
      if (how !== 'part') this.nominalAfter(b, area.code, a, true);
      const modifies = this.out.length > before;
      const actor =
        !adjective || modifies || name.endsWith('s')
          ? this.obtain(`area:${area.code}`, name, 'group', area.code, null, null, area.rule)
          : null;
      this.push(base, type ?? (adjective ? 'nationality' : 'location'), actor);
    }
  }

  /**
   * Whether the capital at tokens `[a, b)` stands for its government: it owns something (`Moscow's`), acts
   * (`Beijing said`), or is a party (`talks between Washington and Beijing`); after a preposition of place
   * (`in Moscow`, `flew to Kyiv`) it is a place. A conjunct (`in Paris and Berlin`) follows the first.
   */
  private capitalActs(a: number, b: number): boolean {
    const next = this.textAt(b);
    let prev = this.textAt(a - 1).toLowerCase();
    if (PLACE_PREPOSITIONS.has(prev)) return false;
    if (isPossessive(next) || this.isVerb(b)) return true;
    if ((prev === 'and' || prev === 'or') && this.lastCapital && this.lastCapital.end === a - 1) {
      return this.lastCapital.acts;
    }
    if (prev === 'the') prev = this.textAt(a - 2).toLowerCase();
    return prev === 'between' || prev === 'with' || prev === 'by' || prev === 'against' || prev === 'and';
  }

  private country(code: string): Actor {
    // Kept by code too, which spares building the key of a country met before.
    let actor = this.countries?.get(code);
    if (!actor) {
      const name = gazetteer().countryNames.get(code) ?? code;
      actor = this.obtain(`country:${code}`, name, 'country', code, code, null, 'country');
      (this.countries ??= new Map()).set(code, actor);
    }
    return actor;
  }

  // --- organisations ---------------------------------------------------------------------------------

  /** An organisation name at tokens `[a, b)`: IGO, seat, or coded by its modifier and head word. */
  private organization(a: number, b: number, from?: Placed): void {
    const start = this.tokens[a]!.start;
    const end = this.tokens[b - 1]!.end;
    const inside: GazHit[] = [];
    for (let k = a; k < b;) {
      const h = this.gaz.byToken[k]!;
      if (h >= 0) {
        inside.push(this.gaz.hits[h]!);
        k = this.gaz.hits[h]!.tokenEnd;
      } else k++;
    }
    let igo = false;
    let seat = false;
    for (const h of inside) {
      igo ||= !!entryOf(h, 'igo');
      seat ||= !!(entryOf(h, 'seat') ?? entryOf(h, 'group'));
    }
    const base: Mention = from ?? {
      start,
      end,
      text: this.text.slice(start, end),
      type: 'organization',
      actor: null,
      stage: STAGE,
      rule: 'org-head',
    };
    if (igo || seat) {
      const hit = inside.find((h) => entryOf(h, 'igo') || entryOf(h, 'seat') || entryOf(h, 'group'))!;
      return this.place(start, end, a, b, hit.entries, 'org', base as Placed, 'organization');
    }
    let country: string | null = null;
    for (let q = 0; q < inside.length && !country; q++) country = countryCode(inside[q]) ?? null;
    let nameStart = start;
    if (!country) {
      // The modifier before the name: `Chinese` Foreign Ministry, `China's` Foreign Ministry.
      let j = a - 1;
      if (isPossessive(this.textAt(j))) j--;
      const h = j >= 0 ? this.gaz.byToken[j]! : -1;
      const code = h >= 0 ? countryCode(this.gaz.hits[h]) : undefined;
      if (code) {
        country = code;
        nameStart = this.tokens[this.gaz.hits[h]!.tokenStart]!.start;
      } else if (this.textAt(b) === 'of') {
        // The Foreign Ministry `of Russia`.
        let k = b + 1;
        if (isThe(this.textAt(k))) k++;
        const h2 = k < this.tokens.length ? this.gaz.byToken[k]! : -1;
        country = (h2 >= 0 ? countryCode(this.gaz.hits[h2]) : undefined) ?? null;
      }
    }
    // The head word: the first organisation word with a sector, else the first people word, else person.
    let head: SectorEntry | undefined;
    let rank = 3;
    for (const h of inside) {
      const e = entryOf(h, 'sector');
      if (!e?.sector) continue;
      const r = e.cls === 'org' ? 0 : e.cls === 'people' ? 1 : e.cls === 'person' ? 2 : 3;
      if (r < rank) [head, rank] = [e, r];
    }
    const sector = head?.sector ?? null;
    // The identity leaves the country word out: `Chinese Foreign Ministry` and `Foreign Ministry` after `Chinese`.
    let keyStart = start;
    const first = inside[0];
    if (first && first.tokenStart === a && countryCode(first) && first.tokenEnd < b)
      keyStart = this.tokens[first.tokenEnd]!.start;
    // The identity key is `org:<country>:<name lower-cased>`; found by country and name first, which
    // spares building the key for an organisation named before.
    const lower = this.text.slice(keyStart, end).toLowerCase();
    this.orgNames ??= new Map();
    const named = this.orgNames.get(lower);
    let found: OrgName | null | undefined = named;
    while (found && (found.country ?? '---') !== (country ?? '---')) found = found.other;
    let actor = found?.actor;
    if (!actor) {
      actor = this.obtain(
        `org:${country ?? '---'}:${lower}`,
        this.text.slice(nameStart, end),
        'organization',
        composeCode(country, sector),
        country,
        sector,
        country ? (head ? `modifier+${head.rule}` : 'modifier') : (head?.rule ?? 'org'),
      );
      this.orgNames.set(lower, { country, actor, other: named ?? null });
    }
    const org = this.orgs.push(actor) - 1;
    for (let k = a; k < b; k++) {
      this.used[k] = 1;
      this.orgAt[k] = org;
    }
    this.push(base, 'organization', actor);
  }

  /** Whether token k is a capitalised organisation word (`Ministry`, `Army`). */
  private orgHeadAt(k: number): boolean {
    const e = this.sectorAt(k);
    return !!e && e.cls === 'org' && isCapitalised(this.tokens[k]!.text);
  }

  /** The start of the capitalised run ending before token a, not crossing a country word or a title. */
  private orgStart(a: number, sStart: number): number {
    while (a - 1 >= sStart) {
      const t = this.tokens[a - 1]!;
      const h = this.gaz.byToken[a - 1]!;
      const e = h >= 0 ? this.gaz.hits[h]!.entries : [];
      const isCountry = e.some((x) => x.kind === 'country' || x.kind === 'demonym');
      if (!isCapitalised(t.text) || isCountry || this.nerCover[a - 1]! >= 0) break;
      if (e.some((x) => x.kind === 'sector' && (x.cls === 'person' || x.cls === 'title'))) break;
      a = h >= 0 ? this.gaz.hits[h]!.tokenStart : a - 1;
    }
    return a;
  }

  /** A capitalised organisation head the name tagger missed (`Foreign Ministry`): its whole name. */
  private properOrganization(head: GazHit, sStart: number): void {
    const a = this.orgStart(head.tokenStart, sStart);
    let b = head.tokenEnd;
    // `Ministry of Foreign Affairs`: `of` and capitalised words after the head.
    if (this.textAt(b) === 'of' && isCapitalised(this.textAt(b + 1)) && this.gaz.byToken[b + 1] === -1) {
      b += 2;
      while (b < this.tokens.length && isCapitalised(this.tokens[b]!.text) && this.gaz.byToken[b] === -1) b++;
    }
    this.organization(a, b);
  }

  // --- sector words: nominal actors and role nouns ----------------------------------------------------

  /** After a nationality or `Country's` ending before token b: `Russian troops`, `the Chinese side`. */
  private nominalAfter(b: number, code: string, modStart: number, area = false, igo = false): void {
    // A world region's code goes into the code but is no country (`European leaders`: EURGOV, country null);
    // an international organisation's code is kept whole (`EU officials`: the EU's code).
    const country = area || igo ? null : code;
    // The noun phrase after the nationality: modifiers and sector words up to its head
    // (`foreign ministry spokesman`, `rebel leaders`, `government officials`).
    let k = b;
    let head: GazHit | undefined;
    let first: string | null = null;
    let sector: string | null;
    let plain = 0;
    while (k < this.tokens.length && this.nerCover[k]! < 0) {
      const hit = this.hitAt(k);
      const e = this.sectorAt(k);
      if (!hit && !head && plain < 2 && this.plainModifier(k)) {
        // Up to two ordinary modifiers before the head: `Liberian riot police`, `Russian oil companies`.
        plain++;
        k++;
        continue;
      }
      if (!hit || !e || hit.tokenStart !== k || e.cls === 'title' || e.cls === 'pair') break;
      if (e.cls === 'org' && isCapitalised(this.tokens[k]!.text)) return; // a proper name: handled as one
      if (e.cls !== 'modifier') {
        head = hit;
        first ??= e.sector; // the first sector word: `rebel leaders` are rebels
      }
      k = hit.tokenEnd;
    }
    if (!head) return;
    const e = entryOf(head, 'sector')!;
    // A generic head (`leaders`, `officials`, `spokesman`) takes the sector of the words before it; a
    // specific one keeps its own (`government forces` are military).
    sector = e.sector === null || e.sector === 'GOV' ? (first ?? e.sector) : e.sector;
    if (this.former(b, head.tokenStart)) sector = 'ELI';
    const start = this.tokens[modStart]!.start;
    const end = head.end;
    const text = this.text.slice(start, end);
    const mark = () => {
      for (let q = b; q < head.tokenEnd; q++) this.used[q] = 1;
    };
    if (igo && e.cls !== 'people' && e.cls !== 'org') return;
    if (e.cls === 'side') {
      mark();
      const side = area
        ? this.obtain(`area:${code}`, code, 'group', code, null, null, 'area')
        : this.country(code);
      return this.push(this.nominal(start, end, e.rule), 'nominal', side);
    }
    if ((e.cls === 'people' || e.cls === 'org') && sector) {
      mark();
      const kind: ActorKind = e.cls === 'org' ? 'organization' : 'group';
      const key = `${kind}:${code}${sector}:${e.role}`;
      const actor = this.obtain(
        key,
        text,
        kind,
        igo ? code : composeCode(code, sector),
        country,
        sector,
        `${area ? 'area' : igo ? 'igo' : 'modifier'}+${e.rule}`,
      );
      return this.push(this.nominal(start, end, e.rule), 'nominal', actor);
    }
    if (e.cls === 'person' && !isCapitalised(this.textAt(head.tokenEnd))) {
      if (!this.used[head.tokenStart]) mark();
      else return;
      this.unnamedPerson(code, sector, e, start, end, modStart, head.tokenEnd, area);
    }
  }

  /**
   * `the Russian foreign minister`, `the president of Armenia` without a name: the person of that country
   * and role named before, else an unnamed person of that country.
   */
  private unnamedPerson(
    code: string,
    sector: string | null,
    e: SectorEntry,
    start: number,
    end: number,
    a: number,
    b: number,
    area = false,
  ): void {
    const named = this.registry
      .recentOf('person')
      .find((p) => p.code.startsWith(code) && this.registry.note(p).roles.includes(e.role));
    if (named) {
      this.push(this.nominal(start, end, `role:${e.rule}`), 'nominal', named);
      return this.noteRole(named, a, b);
    }
    if (!sector) return;
    const text = this.text.slice(start, end);
    const created = this.obtain(
      `unnamed:${code}:${e.role}`,
      text,
      'person',
      composeCode(code, sector),
      area ? null : code,
      sector,
      `${area ? 'area' : 'modifier'}+${e.rule}`,
    );
    addRole(this.registry.note(created), e.role);
    this.push(this.nominal(start, end, e.rule), 'nominal', created);
    this.noteRole(created, a, b);
  }

  /** Whether token k is a lower-case adjective or singular noun, the kind of word inside a noun phrase. */
  private plainModifier(k: number): boolean {
    const t = this.tokens[k]!;
    const c = t.text.charCodeAt(0);
    return c >= 97 && c <= 122 && (t.tag === 'JJ' || t.tag === 'NN') && !speech().has(t.text);
  }

  /** Whether a `former` (or `ousted`, `late`) stands among the modifier tokens `[a, b)`. */
  private former(a: number, b: number): boolean {
    for (let q = a; q < b; q++) if (this.sectorAt(q)?.sector === 'ELI') return true;
    return false;
  }

  private sectorWord(hit: GazHit, e: SectorEntry, sStart: number): void {
    const k = hit.tokenStart;
    const word = this.tokens[k]!;
    const before = k - 1;
    const prev = this.textAt(before).toLowerCase();
    const capital = isCapitalised(word.text) && k > sStart;
    if (e.cls === 'org' && (capital || (isCapitalised(word.text) && this.sectorAt(k + 1)?.cls === 'org'))) {
      return this.properOrganization(hit, sStart);
    }
    // `the two countries`, `both sides`: the two latest countries; `the two presidents`, `both leaders`:
    // the two latest persons of that role. One call makes either pair, the role is compared on every
    // sector word, and the word after is read as soon as the persons' case begins: code met first after
    // V8 optimized `sectorWord` (the persons' pair is rare) would send it back to the interpreter.
    const presidents = e.role === 'presidents';
    let members: readonly Actor[] | null = null;
    let pairFrom = before;
    if (e.cls === 'pair' && PAIR_CUES.has(prev)) {
      const seen = new Set<string | null>();
      members = this.registry
        .recentOf('country')
        .filter((c) => !seen.has(c.country) && !!seen.add(c.country))
        .slice(0, 2);
    } else if (
      e.cls === 'people' &&
      (presidents || e.role === 'leaders') &&
      (PAIR_CUES.has(prev) || prev === 'the')
    ) {
      const ofAfter = this.textAt(k + 1) === 'of';
      const wanted = presidents ? PRESIDENT : HEADS;
      const heads = this.registry
        .recentOf('person')
        .filter((p) => this.registry.note(p).roles.some((r) => wanted.has(r)))
        .slice(0, 2);
      if (heads.length === 2 && !ofAfter) {
        members = heads;
        pairFrom = PAIR_CUES.has(prev) ? before : k;
      }
    }
    if (members !== null) return this.pair(hit, pairFrom, members, e);
    if (e.cls === 'person' && this.textAt(hit.tokenEnd) === 'of' && !this.used[k]) {
      // `the president of Armenia`
      const code = this.countryOf(hit.tokenEnd + 1);
      if (code) {
        for (let q = k; q < hit.tokenEnd; q++) this.used[q] = 1;
        return this.unnamedPerson(code, e.sector, e, hit.start, hit.end, k, hit.tokenEnd);
      }
    }
    if (
      e.cls === 'person' &&
      (prev === 'the' || prev === 'this') &&
      !isCapitalised(this.textAt(hit.tokenEnd))
    ) {
      // A role noun: `the spokesperson` is the latest person named in that role.
      const people = this.registry.recentOf('person');
      const actor =
        people.find((p) => this.registry.note(p).roles.includes(e.role)) ??
        (e.sector
          ? people.find((p) => p.sector === e.sector && this.registry.note(p).roles.length > 0)
          : undefined);
      if (actor) {
        this.push(this.nominal(hit.start, hit.end, `role:${e.rule}`), 'nominal', actor);
        this.noteRole(actor, k, hit.tokenEnd);
      }
      return;
    }
    // (a hit can end the document: no read past the tokens' end, which V8 optimizes as a case of its own)
    const next = hit.tokenEnd < this.tokens.length ? this.tokens[hit.tokenEnd] : undefined;
    const standsAlone =
      (prev === 'the' || k === sStart || e.cls === 'people') &&
      !(next?.tag ?? '').startsWith('NN') &&
      next?.text !== '-';
    if ((e.cls === 'people' || e.cls === 'org') && e.sector && !capital && standsAlone) {
      // `the police`, `protesters`: the latest group or organisation in that sector, else one of unknown country.
      const kind: ActorKind = e.cls === 'org' ? 'organization' : 'group';
      const inCountry = this.countryIn(hit.tokenEnd);
      // `rebels in Darfur`; else the latest group of that sector; else the article's own country
      // (`the government`, `police` in a story about one country are that country's).
      const where =
        inCountry ??
        (this.registry.recentOf(kind).some((x) => x.sector === e.sector && x.country)
          ? null
          : this.homeCountry());
      const recent = where
        ? this.obtain(
            `${kind}:${where}${e.sector}:${e.role}`,
            word.text.toLowerCase() + (inCountry ? this.text.slice(word.end, this.placeEnd) : ''),
            kind,
            composeCode(where, e.sector),
            where,
            e.sector,
            `${e.rule}+${inCountry ? 'in-country' : 'country:guess:home'}`,
          )
        : this.registry.recentOf(kind).find((x) => x.sector === e.sector && x.country);
      const actor =
        recent ??
        this.obtain(
          `${kind}:---${e.sector}:${e.role}`,
          word.text.toLowerCase(),
          kind,
          composeCode(null, e.sector),
          null,
          e.sector,
          e.rule,
        );
      this.push(this.nominal(hit.start, hit.end, e.rule), 'nominal', actor);
    }
  }

  /**
   * The article's own country so far: the country it names most often (countries, nationalities,
   * capitals), at least twice and half as often again as any other; null when two share the story.
   */
  private homeCountry(): string | null {
    let best: string | null = null;
    let count = 0;
    let second = 0;
    this.countryCounts?.forEach((n, code) => {
      if (n > count) [best, count, second] = [code, n, count];
      else if (n > second) second = n;
    });
    return count >= 2 && count >= 1.5 * second ? best : null;
  }

  /**
   * The country of `in|of [the] <country>` starting at token k (`rebels in the Ivory Coast`,
   * `inhabitants of the Syrian Golan Heights`), or null.
   */
  private countryIn(k: number): string | null {
    const w = this.textAt(k);
    if (w !== 'in' && w !== 'of') return null;
    const code = this.countryOf(k + 1);
    if (code || w !== 'of') return code;
    const at = isThe(this.textAt(k + 1)) ? k + 2 : k + 1;
    const h = this.hitAt(at);
    const demonym = entryOf(h, 'demonym');
    if (demonym) this.placeEnd = h!.end;
    return demonym?.code ?? null;
  }

  /** The country named at token k (after an optional `the`): a country, capital or region, or null. */
  private countryOf(k: number): string | null {
    if (isThe(this.textAt(k))) k++;
    const h = this.hitAt(k);
    this.placeEnd = h?.end ?? 0;
    return (entryOf(h, 'country') ?? entryOf(h, 'capital') ?? entryOf(h, 'region'))?.code ?? null;
  }

  /** The one country a sentence names (countries, nationalities, capitals), or null if none or several. */
  private sentenceCountry(sStart: number, sEnd: number): string | null {
    let found: string | null = null;
    // Each token's part hits if it has some, else its whole-token hit (a token in a hit's middle counts
    // that hit again, which adds no other country).
    for (let k = sStart; k < sEnd; k++) {
      const parts = this.partHits?.get(k);
      const n = parts ? parts.length : this.gaz.byToken[k]! >= 0 ? 1 : 0;
      for (let q = 0; q < n; q++) {
        const code = countryCode(parts ? parts[q] : this.gaz.hits[this.gaz.byToken[k]!]);
        if (!code || code === found) continue;
        if (found) return null;
        found = code;
      }
    }
    return found;
  }

  /** `the two countries`, `both sides`, `the two leaders`: a group actor of the two latest. */
  private pair(hit: GazHit, from: number, members: readonly Actor[], e: SectorEntry): void {
    if (members.length < 2) return;
    const sorted = [...members].sort((x, y) => (x.id < y.id ? -1 : 1));
    const sectors = new Set(sorted.map((m) => m.sector));
    const sector = sectors.size === 1 ? sorted[0]!.sector : e.sector;
    const name = sorted.map((m) => m.name).join(' and ');
    const actor = this.registry.obtain(`pair:${sorted.map((m) => m.id).join('+')}`, (id) => ({
      id,
      name,
      kind: 'group',
      code: composeCode(null, sector),
      country: null,
      sector,
      members: sorted.map((m) => m.id),
      stage: STAGE,
      rule: `pair:${e.rule}`,
    }));
    let start = this.tokens[from]!.start;
    if (isThe(this.textAt(from - 1))) start = this.tokens[from - 1]!.start;
    this.push(this.nominal(start, hit.end, `pair:${e.rule}`), 'nominal', actor);
  }

  // --- persons -------------------------------------------------------------------------------------

  private personSpan(
    a: number,
    b: number,
    sStart: number,
    sEnd: number,
    stage: string,
    rule?: string,
    from?: Placed,
  ): void {
    // The name only: titles off the front (`President Xi`, `Mr. Wang`), a possessive off the end.
    while (a < b) {
      const e = this.sectorAt(a);
      if (!e || (e.cls !== 'title' && e.cls !== 'person' && e.cls !== 'modifier')) break;
      a = this.hitAt(a)!.tokenEnd;
    }
    while (b > a && TRAILERS.has(this.tokens[b - 1]!.text)) b--;
    // `Hassan of Morocco` tagged as one name: the name ends before `of`, and the country is its context.
    for (let k = a + 1; k < b - 1; k++) {
      if (this.tokens[k]!.text !== 'of') continue;
      const h = this.hitAt(isThe(this.tokens[k + 1]!.text) ? k + 2 : k + 1);
      if (h && h.tokenEnd === b && (entryOf(h, 'country') || entryOf(h, 'capital'))) b = k;
      break;
    }
    if (a >= b) {
      if (from) this.push(from, from.type, null);
      return;
    }
    const start = this.tokens[a]!.start;
    const end = this.tokens[b - 1]!.end;
    const name = this.text.slice(start, end);
    const context = personContext(this.tokens, this.gaz, a, b, sStart, sEnd, this);
    for (const k of context.used) {
      const e = this.sectorAt(k);
      if (!e || e.cls === 'person' || e.cls === 'title' || e.cls === 'modifier') this.used[k] = 1;
    }
    const office = officeOn(name, this.doc.date);
    let actor = this.registry.named(name) ?? (office ? this.registry.named(office.name) : undefined);
    if (actor && actor.kind !== 'person') actor = undefined;
    let guess: string | null = null;
    let org: Actor | undefined;
    if (!actor) {
      let country = context.igo ? null : context.country;
      let igo = context.igo;
      let sector = context.sector;
      const rules: string[] = [];
      if (context.rule) rules.push(`context:${context.rule}`);
      if (office) {
        const officeIgo = isInternationalCode(office.country);
        // The office places a person of no country, or gives the sector of one in its country. Both
        // tests run on every office holder, and one push names the rule: code met first after V8
        // optimized `personSpan` (the second case is rare) would send it back to the interpreter.
        const unplaced = !country && !igo;
        const sameCountry = (country ?? igo) === office.country;
        const adopted = unplaced || (sameCountry && !sector);
        if (unplaced) {
          if (officeIgo) igo = office.country;
          else country = office.country;
          if (!sector || sector === office.sector) sector = office.sector;
        } else if (adopted) sector = office.sector;
        if (adopted) rules.push(office.rule);
      }
      // A titled person of no known country: a title only some countries use (`Secretary of State`), or a
      // domestic office in the dateline city's country; else decided at the end, by the article's own
      // country or the one country the sentence names (`President Yoweri Museveni ... Ugandan opposition`).
      if (!country && !igo && sector && sector !== 'ELI') {
        const scoped = this.titleCountry(context.from, a, context.used, b);
        if (scoped) {
          country = scoped.country;
          rules.push(scoped.rule);
        } else {
          org = this.orgIn(context.from, a, context.used);
          if (org?.country) {
            country = org.country;
            rules.push('country:org');
          } else guess = this.sentenceCountry(sStart, sEnd);
        }
      }
      if (igo) sector = null;
      const code = igo ?? composeCode(country, sector);
      actor = this.obtain(
        `person:${office?.name ?? name}`,
        office?.name ?? name,
        'person',
        code,
        country,
        sector,
        rules.join('+') || 'uncoded',
      );
    } else if (!actor.country && !isInternationalCode(actor.code) && (context.country || context.sector)) {
      actor.country = context.country ?? actor.country;
      actor.sector = context.sector ?? actor.sector;
      actor.code = composeCode(actor.country, actor.sector);
      actor.rule = `${actor.rule}+context:${context.rule}`;
    }
    if (guess && !this.sentenceGuess?.has(actor)) (this.sentenceGuess ??= new Map()).set(actor, guess);
    if (org && !org.country && !this.affiliation?.has(actor))
      (this.affiliation ??= new Map()).set(actor, org);
    const notes = this.registry.note(actor);
    for (const r of context.roles) addRole(notes, r);
    notes.gender ??= context.gender ?? this.titleGender(a);
    this.registerNames(actor, name, a, b);
    if (office) this.registry.setName(office.name, actor);
    // `push` copies what it keeps of the mention.
    const mention: Mention = from
      ? { start, end, text: name, type: from.type, actor: from.actor, stage: from.stage, rule: from.rule }
      : { start, end, text: name, type: 'person', actor: null, stage, rule };
    this.push(mention, 'person', actor);
    this.noteRole(actor, a, context.after);
  }

  /** The organisation actor coded in a person's context: before the name (`[from, a)`) or in `used`. */
  private orgIn(from: number, a: number, used: readonly number[]): Actor | undefined {
    for (let k = a - 1; k >= from; k--) {
      const org = this.orgAt[k]!;
      if (org >= 0) return this.orgs[org];
    }
    for (const k of used) {
      const org = this.orgAt[k]!;
      if (org >= 0) return this.orgs[org];
    }
    return undefined;
  }

  /**
   * The country a person's title gives: the tokens of its context before the name (`[from, a)`) and
   * after it (`used` from `b` on), read against `title-scope.tsv`. A title of one country gives it; of
   * several, the one the article names most so far (`Chancellor` is DEU or AUT); a domestic office
   * (`Treasury Secretary`) the dateline city's country. Null when none applies.
   */
  private titleCountry(
    from: number,
    a: number,
    used: readonly number[],
    b: number,
  ): { country: string; rule: string } | null {
    const words: string[] = [];
    // Up to two capitalised words just before the context belong to the title even when a name tagger
    // made them a name of their own (`Treasury` | `Secretary X`).
    let start = from;
    while (start > from - 2 && start > 0 && isCapitalised(this.tokens[start - 1]!.text)) start--;
    for (let k = start; k < a; k++) words.push(this.tokens[k]!.text.toLowerCase());
    for (const k of used) if (k >= b) words.push(this.tokens[k]!.text.toLowerCase());
    const found = titleScope(words);
    if (!found) return null;
    const { scope, title } = found;
    if (scope === 'domestic')
      return this.dateline ? { country: this.dateline, rule: `country:dateline:${title}` } : null;
    if (scope.countries.length === 1) return { country: scope.countries[0]!, rule: `country:title:${title}` };
    let best: string | null = null;
    let count = 0;
    for (const c of scope.countries) {
      const n = this.countryCounts?.get(c) ?? 0;
      if (n > count) [best, count] = [c, n];
    }
    return best ? { country: best, rule: `country:title+article:${title}` } : null;
  }

  private titleGender(a: number): 'm' | 'f' | null {
    return this.sectorAt(a - 1)?.gender ?? null;
  }

  /** The full name and its first and last words refer to this person from now on. */
  private registerNames(actor: Actor, name: string, a: number, b: number): void {
    this.registry.setName(name, actor);
    if (b - a < 2) return;
    // A surname with a particle (`Marine Le Pen`: `Le Pen`; `Ursula von der Leyen`: `von der Leyen`).
    let p = b - 1;
    while (p - 1 > a && SURNAME_PARTICLES.has(this.tokens[p - 1]!.text)) p--;
    if (p < b - 1) {
      // As written, and capitalised as at the start of a sentence (`de Villiers`, `De Villiers`).
      const surname = this.text.slice(this.tokens[p]!.start, this.tokens[b - 1]!.end);
      this.registry.setName(surname, actor);
      this.registry.setName(surname[0]!.toUpperCase() + surname.slice(1), actor);
    }
    for (const k of [a, b - 1]) {
      const w = this.tokens[k]!.text;
      if (w.length > 1 && isCapitalised(w) && !NOT_NAMES.has(w) && this.gaz.byToken[k] === -1)
        this.registry.setName(w, actor);
    }
  }

  private pronoun(i: number, gender: 'm' | 'f'): void {
    if (!this.isVerb(i + 1) && !speech().has(this.textAt(i + 1))) return;
    const fits = (a: Actor | undefined) => {
      const g = a ? this.registry.note(a).gender : null;
      return a !== undefined && a.kind === 'person' && (g === null || g === gender);
    };
    const recent = (x: { actor: Actor; sentence: number } | null, within: number) =>
      x && this.sentence - x.sentence <= within && fits(x.actor) ? x.actor : undefined;
    const actor =
      recent(this.lastSpeaker, 6) ??
      recent(this.lastSubject, 2) ??
      this.registry.recentOf('person').find(fits);
    if (!actor) return;
    this.registry.note(actor).gender ??= gender;
    const t = this.tokens[i]!;
    this.push(
      {
        start: t.start,
        end: t.end,
        text: t.text,
        type: 'pronoun',
        actor: null,
        stage: STAGE,
        rule: 'subject-pronoun',
      },
      'pronoun',
      actor,
    );
    this.noteRole(actor, i, i + 1);
  }

  /** Tracks the latest speaker (`Wang said`, `said Wang`) and subject (`Xi will ...`) for pronouns. */
  private noteRole(actor: Actor, a: number, b: number): void {
    if (actor.kind !== 'person') return;
    const sv = speech();
    if (sv.has(this.textAt(b)) || sv.has(this.textAt(a - 1)))
      this.lastSpeaker = { actor, sentence: this.sentence };
    else if (this.isVerb(b)) this.lastSubject = { actor, sentence: this.sentence };
  }

  // --- helpers -------------------------------------------------------------------------------------

  /** Whether token j lies in a tagged organisation name (for `personContext`). */
  inOrg(j: number): boolean {
    const m = this.nerCover[j]!;
    return m >= 0 && this.ner[m]!.type === 'organization';
  }

  /** Whether token j lies in a tagged person's or place's name (for `personContext`). */
  inName(j: number): boolean {
    const m = this.nerCover[j]!;
    return m >= 0 && (this.ner[m]!.type === 'person' || this.ner[m]!.type === 'location');
  }

  /**
   * The text of token k, or '' outside the document. Checked, not read past the end (`tokens[k]?.text`):
   * a read out of bounds, first met after V8 optimized the reader, sends it back to the interpreter.
   */
  private textAt(k: number): string {
    return k >= 0 && k < this.tokens.length ? this.tokens[k]!.text : '';
  }

  private isVerb(k: number): boolean {
    if (k < 0 || k >= this.tokens.length) return false;
    const t = this.tokens[k]!;
    if (t.tag) return t.tag.startsWith('VB') || t.tag === 'MD';
    return VERBISH.has(t.text) || speech().has(t.text);
  }

  private hitAt(k: number): GazHit | undefined {
    const h = k >= 0 && k < this.tokens.length ? this.gaz.byToken[k]! : -1;
    return h >= 0 ? this.gaz.hits[h] : undefined;
  }

  private sectorAt(k: number): SectorEntry | undefined {
    return entryOf(this.hitAt(k), 'sector');
  }

  private nominal(start: number, end: number, rule: string): Mention {
    return {
      start,
      end,
      text: this.text.slice(start, end),
      type: 'nominal',
      actor: null,
      stage: STAGE,
      rule,
    };
  }

  /**
   * The actor with identity `key`, made the first time. Every actor has the fields of a pair's group
   * actor (`members`, undefined here) in its order: the recent actors of a kind are then of one shape,
   * where a pair among the groups sent the code reading them to another compile.
   */
  private obtain(
    key: string,
    name: string,
    kind: ActorKind,
    code: string,
    country: string | null,
    sector: string | null,
    rule: string,
  ): Actor {
    const registry = this.registry;
    return (
      registry.get(key) ??
      registry.add(key, {
        id: registry.nextId(),
        name,
        kind,
        code,
        country,
        sector,
        members: undefined,
        stage: STAGE,
        rule,
      })
    );
  }

  private push(m: Mention, type: MentionType, actor: Actor | null): void {
    // One shape for every mention, that of the names stage's (a rule added afterwards to some made
    // another, and the stages after this one and the output met two); an undefined rule is written as none.
    const out: Mention = {
      start: m.start,
      end: m.end,
      text: m.text,
      type,
      actor: actor?.id ?? null,
      stage: m.stage,
      rule: m.rule,
    };
    this.out.push(out);
    if (actor) {
      this.registry.touch(actor);
      if (actor.country && actor.kind !== 'group')
        (this.countryCounts ??= new Map()).set(
          actor.country,
          (this.countryCounts.get(actor.country) ?? 0) + 1,
        );
    }
  }
}

/**
 * A refiner: a name that begins inside a title (`State Warren Christopher` after `Secretary of`) starts
 * after it, and is a person's.
 */
function trimTitle(doc: Doc, gaz: GazHits, m: Placed): void {
  // The last title word inside or just before the name, followed only by capitalised words.
  let cut = -1;
  let k = m.tokenStart;
  const first = k < gaz.byToken.length ? gaz.byToken[k]! : -1;
  if (first >= 0) k = Math.max(k, gaz.hits[first]!.tokenStart);
  while (k < m.tokenEnd) {
    const h = gaz.byToken[k]!;
    const hit = h >= 0 ? gaz.hits[h]! : undefined;
    const e = entryOf(hit, 'sector');
    if (hit && e && (e.cls === 'person' || e.cls === 'title') && hit.tokenEnd < m.tokenEnd)
      cut = hit.tokenEnd;
    k = hit ? hit.tokenEnd : k + 1;
  }
  if (cut < 0) return;
  for (let q = cut; q < m.tokenEnd; q++) {
    const t = doc.tokens![q]!;
    if (!isCapitalised(t.text) || (gaz.byToken[q]! >= 0 && entryOf(gaz.hits[gaz.byToken[q]!], 'sector')))
      return;
  }
  const token = doc.tokens![cut]!;
  m.tokenStart = cut;
  m.start = token.start;
  m.text = doc.text.slice(m.start, m.end);
  m.type = 'person';
  m.rule = `${m.rule ?? ''}+after-title`;
}

function byPlace(x: Span, y: Span): number {
  return x.start - y.start || y.end - x.end;
}

/**
 * Sorts spans by start, the longer first at the same start (stably). They mostly come in that order
 * already, which one look over them confirms more cheaply than sorting.
 */
function sortByPlace<T extends Span>(list: T[]): T[] {
  for (let k = 1; k < list.length; k++) if (byPlace(list[k - 1]!, list[k]!) > 0) return list.sort(byPlace);
  return list;
}

/**
 * `tokenAfter(tokens, offset)` (the first token ending after `offset`), searched from `from` on when
 * the answer lies there (no earlier token ends after `offset`): in steps doubling from `from`, then by
 * halves, so a near answer costs a few looks.
 */
function tokenAfterFrom(tokens: readonly Token[], offset: number, from: number): number {
  const n = tokens.length;
  if (from > 0 && (from > n || tokens[from - 1]!.end > offset)) return tokenAfter(tokens, offset);
  // Every token before lo ends at or before offset; the answer is in [lo, hi].
  let lo = from;
  let hi = from;
  for (let step = 1; hi < n && tokens[hi]!.end <= offset; step *= 2) {
    lo = hi + 1;
    hi = Math.min(n, lo + step);
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Runs the actor coding and coreference over a document that has tokens and (possibly) name mentions. */
export function codeActors(doc: Doc): Doc {
  const tokens = doc.tokens ?? [];
  const ner: Placed[] = [];
  // The names come mostly in text order, so each search starts where the one before ended.
  let first = 0;
  let last = 0;
  for (const m of doc.mentions ?? []) {
    if (m.type === 'pronoun' || m.type === 'nominal') continue;
    first = tokenAfterFrom(tokens, m.start, first);
    if (m.end > m.start) last = tokenAfterFrom(tokens, m.end - 1, last);
    const placed: Placed = {
      start: m.start,
      end: m.end,
      text: m.text,
      type: m.type,
      actor: m.actor,
      stage: m.stage,
      rule: m.rule,
      tokenStart: first,
      tokenEnd: m.end > m.start ? last + 1 : 0,
      seen: false,
    };
    ner.push(placed);
  }
  sortByPlace(ner);
  reserve(tokens.length);
  const gaz = matchGazetteer(doc, scratch.gaz);
  for (const m of ner) trimTitle(doc, gaz, m);
  const resolver = new ActorResolver(doc, gaz, ner);
  resolver.run();
  doc.mentions = sortByPlace(resolver.out);
  doc.actors = resolver.registry.actors;
  return doc;
}

export const actorsStage: Stage = {
  name: STAGE,
  requires: ['tokens', 'mentions', 'pos'],
  adds: ['actors'],
  run: codeActors,
};
