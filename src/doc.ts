/**
 * The document model. One `Doc` owns the cleaned text; the raw text it came from is kept, with an
 * alignment between the two. Every annotation is a standoff record: `[start, end)` character offsets
 * into `doc.text` (the cleaned text), plus the stage that made it and, where useful, the rule.
 */
import type { Alignment } from './clean/alignment.js';

/** Where an annotation came from: the stage that made it and the rule (lexicon entry, pattern) that fired. */
export interface Provenance {
  stage: string;
  rule?: string;
}

export interface Span {
  start: number;
  end: number;
}

/** One article as a reader hands it over, before any processing. */
export interface RawDocument {
  /** The input's own id, if it has one. */
  id?: string;
  /** Publication date, `YYYY-MM-DD`, or null when unknown. */
  date: string | null;
  title?: string;
  /** The article text exactly as read (for the seed format: the body after the date). */
  text: string;
  /** Outlet or URL, when known. */
  source?: string;
  /** Where it was read from, for error messages and audit. */
  origin?: { file: string; line?: number };
}

/** A repair made by cleaning: `[start, end)` of the raw text was replaced by `replacement`. */
export interface Repair extends Provenance {
  start: number;
  end: number;
  original: string;
  replacement: string;
}

export interface Sentence extends Span, Provenance {
  /** Index of the paragraph the sentence belongs to. */
  paragraph: number;
  /** A line without end punctuation standing alone, such as a section title. */
  heading: boolean;
  /** Token range `[tokenStart, tokenEnd)` into `doc.tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

export interface Token extends Span {
  text: string;
  /** Index of the sentence in `doc.sentences`. */
  sentence: number;
  /** Part-of-speech tag (Penn Treebank), once a tagger has run. */
  tag?: string;
  /** Phrase chunk tag in IOB form (`B-NP`, `I-VP`, `B-PP`, `O`), once a chunker has run. */
  chunk?: string;
  /** Lower-cased base form, once a lemmatizer has run. */
  lemma?: string;
}

export type MentionType =
  'person' | 'organization' | 'location' | 'nationality' | 'other' | 'pronoun' | 'nominal';

export interface Mention extends Span, Provenance {
  text: string;
  type: MentionType;
  /** Id of the actor this mention refers to, or null. */
  actor: string | null;
}

export type ActorKind = 'person' | 'organization' | 'country' | 'igo' | 'group';

export interface Actor extends Provenance {
  id: string;
  name: string;
  kind: ActorKind;
  /** CAMEO-style code: country (ISO alpha-3, `IGO`, or `---`) then sector, e.g. `CHNGOV`. */
  code: string;
  country: string | null;
  sector: string | null;
  /** For a group actor standing for several others (`the two countries`): their actor ids. */
  members?: string[];
}

export interface Quote extends Span, Provenance {
  kind: 'direct' | 'indirect';
  cue: Span & { text: string };
  speaker: (Partial<Span> & { actor: string | null }) | null;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpression extends Span, Provenance {
  text: string;
  type: TimeType;
  /** TIMEX3 value: `2023-03-17`, `2023-02`, `P3D`, `PAST_REF`, `XXXX-XX-XX`, ... */
  value: string;
  /** ISO dates bounding a DATE value or an interval. */
  from?: string;
  to?: string;
}

export type Modality = 'asserted' | 'planned' | 'hypothetical';

export interface EventArgument {
  actor: string | null;
  code: string;
}

export interface Event extends Span, Provenance {
  code: string;
  root: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  source: EventArgument;
  target: EventArgument | null;
  date: string | null;
  dateTo: string | null;
  modality: Modality;
  negated: boolean;
  /** Index of the sentence holding the evidence. */
  sentence: number;
  trigger: Span & { text: string };
  /** Further evidence spans for the same event told again in the article. */
  evidence?: Span[];
}

/**
 * The document. Layers are optional: a layer whose stage has not run is absent, never faked.
 * Stages mutate and return the same object (cheap), but only ever add their own layers.
 */
export interface Doc {
  id: string;
  date: string | null;
  title: string | null;
  source: string | null;
  origin: RawDocument['origin'] | null;
  /** The article text exactly as read. */
  raw: string;
  /** The cleaned text every offset indexes into. */
  text: string;
  /** Maps offsets between `text` and `raw`. */
  alignment: Alignment;
  repairs?: Repair[];
  sentences?: Sentence[];
  tokens?: Token[];
  mentions?: Mention[];
  actors?: Actor[];
  quotes?: Quote[];
  times?: TimeExpression[];
  events?: Event[];
  /** Stages that have run, in order. */
  stages: string[];
}

/** The names of the layers a stage can need or add. `text` is there from the start. */
export type Layer =
  'text' | 'repairs' | 'sentences' | 'tokens' | 'pos' | 'mentions' | 'actors' | 'quotes' | 'times' | 'events';
