/**
 * Coded documents built by hand for the store's tests: short articles written for these tests, with
 * their layers filled in as the extraction stages would, so the store can be tested on its own.
 */
import type { Actor, Doc, Event, Quote, Sentence } from '../../src/doc.js';
import { createDoc } from '../../src/pipeline.js';

export interface EventSpec {
  /** The word in the text that triggers the event (first occurrence). */
  trigger: string;
  code: string;
  source: string;
  target: string | null;
  date: string | null;
  dateTo?: string | null;
  modality?: Event['modality'];
  negated?: boolean;
}

export interface QuoteSpec {
  /** The quoted words, found in the text. */
  text: string;
  speaker: string | null;
}

export interface DocSpec {
  id: string;
  date: string | null;
  text: string;
  title?: string;
  source?: string;
  /** Actor id → [name, code]; ids are what events and quotes name. */
  actors?: Record<string, [string, string]>;
  events?: EventSpec[];
  quotes?: QuoteSpec[];
}

const ROOT_QUAD: Record<string, 1 | 2 | 3 | 4> = {
  '01': 1,
  '02': 1,
  '03': 1,
  '04': 1,
  '05': 1,
  '06': 2,
  '07': 2,
  '08': 2,
  '09': 3,
  '10': 3,
  '11': 3,
  '12': 3,
  '13': 3,
  '14': 4,
  '15': 4,
  '16': 4,
  '17': 4,
  '18': 4,
  '19': 4,
  '20': 4,
};
const GOLDSTEIN: Record<string, number> = { '04': 1, '05': 3.5, '11': -2, '17': -5, '19': -10, '03': 4 };

/** Sentences: split after `.`, `!` or `?` followed by a space. */
function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = /[.!?]["”]?(\s+|$)/g;
  let m;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length - m[1].length;
    out.push({ start, end, paragraph: 0, heading: false, tokenStart: 0, tokenEnd: 0, stage: 'test' });
    start = m.index + m[0].length;
    if (m[0].length === 0) break;
  }
  if (start < text.trimEnd().length)
    out.push({
      start,
      end: text.trimEnd().length,
      paragraph: 0,
      heading: false,
      tokenStart: 0,
      tokenEnd: 0,
      stage: 'test',
    });
  return out;
}

export function makeDoc(spec: DocSpec): Doc {
  const doc = createDoc({
    id: spec.id,
    date: spec.date,
    text: spec.text,
    title: spec.title,
    source: spec.source,
  });
  doc.sentences = sentencesOf(spec.text);
  const actors: Actor[] = Object.entries(spec.actors ?? {}).map(([id, [name, code]]) => ({
    id,
    name,
    code,
    kind: code.length === 3 ? 'country' : 'person',
    country: /^[A-Z]{3}/.test(code) ? code.slice(0, 3) : null,
    sector: code.length > 3 ? code.slice(3) : null,
    stage: 'test',
    rule: 'hand',
  }));
  doc.actors = actors;
  doc.mentions = actors.flatMap((a) => {
    const at = spec.text.indexOf(a.name);
    return at < 0
      ? []
      : [
          {
            start: at,
            end: at + a.name.length,
            text: a.name,
            type: 'person' as const,
            actor: a.id,
            stage: 'test',
          },
        ];
  });
  const codeOf = (id: string | null) => (id ? (actors.find((a) => a.id === id)?.code ?? id) : null);
  doc.events = (spec.events ?? []).map((e): Event => {
    const at = spec.text.indexOf(e.trigger);
    if (at < 0) throw new Error(`trigger '${e.trigger}' not in ${spec.id}`);
    const sentence = doc.sentences!.findIndex((s) => s.start <= at && at < s.end);
    const s = doc.sentences![sentence];
    const root = e.code.slice(0, 2);
    return {
      start: s.start,
      end: s.end,
      code: e.code,
      root,
      quad: ROOT_QUAD[root],
      goldstein: GOLDSTEIN[root] ?? 0,
      source: { actor: e.source, code: codeOf(e.source)! },
      target: e.target ? { actor: e.target, code: codeOf(e.target)! } : null,
      date: e.date,
      dateTo: e.dateTo ?? e.date,
      modality: e.modality ?? 'asserted',
      negated: e.negated ?? false,
      sentence,
      trigger: { start: at, end: at + e.trigger.length, text: e.trigger },
      stage: 'test',
      rule: 'hand',
    };
  });
  doc.quotes = (spec.quotes ?? []).map((q): Quote => {
    const at = spec.text.indexOf(q.text);
    if (at < 0) throw new Error(`quote '${q.text}' not in ${spec.id}`);
    const name = q.speaker ? actors.find((a) => a.id === q.speaker)?.name : undefined;
    const sp = name ? spec.text.indexOf(name) : -1;
    return {
      start: at,
      end: at + q.text.length,
      kind: 'direct',
      cue: { start: at, end: at, text: 'said' },
      speaker: q.speaker
        ? { actor: q.speaker, ...(sp >= 0 ? { start: sp, end: sp + name!.length } : {}) }
        : null,
      stage: 'test',
      rule: 'hand',
    };
  });
  doc.times = [];
  doc.stages = ['test'];
  return doc;
}

const VISIT =
  'Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit at the invitation of ' +
  'Russian President Vladimir Putin. The two leaders were expected to sign agreements on energy and trade. ' +
  'Putin said "our partnership has never been stronger" as he welcomed his guest at the Kremlin. Analysts in ' +
  'Beijing described the trip as a signal to Western capitals that the relationship remains close.';

const VISIT_ACTORS: DocSpec['actors'] = {
  xi: ['Xi Jinping', 'CHNGOV'],
  putin: ['Vladimir Putin', 'RUSGOV'],
};

/** The visit, as first published by one outlet. */
export const original = (): DocSpec => ({
  id: 'alpha-1',
  date: '2023-03-20',
  title: 'Xi arrives in Moscow',
  source: 'https://www.alpha-wire.example/world/xi-moscow',
  text: VISIT,
  actors: VISIT_ACTORS,
  events: [
    {
      trigger: 'visit',
      code: '042',
      source: 'xi',
      target: 'putin',
      date: '2023-03-20',
      dateTo: '2023-03-22',
    },
  ],
  quotes: [{ text: 'our partnership has never been stronger', speaker: 'putin' }],
});

/** The same story run by another site: a new headline and first words, the last sentence cut. */
export const syndicated = (): DocSpec => {
  const text =
    'MOSCOW (Wire) - ' +
    VISIT.replace(
      ' Analysts in Beijing described the trip as a signal to Western capitals that the relationship remains close.',
      '',
    );
  return {
    ...original(),
    id: 'beta-7',
    title: "China's Xi lands in Russia",
    source: 'https://beta-daily.example/2023/03/20/xi',
    text,
  };
};

/** The visit told by a third outlet in its own words, dated a day later. */
export const ownWords = (): DocSpec => ({
  id: 'gamma-3',
  date: '2023-03-21',
  source: 'gamma-times.example',
  text:
    'Russian leader Vladimir Putin hosted Xi Jinping for talks in the Kremlin on Tuesday, the second day of the ' +
    "Chinese president's visit. Officials from both governments discussed pipelines, grain and payment systems " +
    'in separate sessions.',
  actors: VISIT_ACTORS,
  events: [{ trigger: 'visit', code: '042', source: 'xi', target: 'putin', date: '2023-03-21' }],
});

/** Other events: a later visit, a planned meeting, a reverse-direction criticism, a clash elsewhere. */
export const others = (): DocSpec[] => [
  {
    id: 'delta-1',
    date: '2023-06-14',
    source: 'delta.example',
    text:
      'Xi Jinping made a second visit to Russia in June, an unusual pace of travel for the Chinese leader. ' +
      'Vladimir Putin is set to meet him again at a summit in the autumn.',
    actors: VISIT_ACTORS,
    events: [
      { trigger: 'visit', code: '042', source: 'xi', target: 'putin', date: '2023-06-14' },
      {
        trigger: 'meet',
        code: '036',
        source: 'putin',
        target: 'xi',
        date: '2023-10-01',
        modality: 'planned',
      },
    ],
  },
  {
    id: 'epsilon-9',
    date: '2023-04-02',
    source: 'epsilon.example',
    text:
      'The Russian foreign ministry criticized Beijing over a customs dispute on Sunday. ' +
      'Border guards clashed with smugglers near the Amur river, officials in Khabarovsk said.',
    actors: {
      rusfm: ['Russian foreign ministry', 'RUSGOV'],
      china: ['Beijing', 'CHN'],
      guards: ['Border guards', 'RUSMIL'],
    },
    events: [
      { trigger: 'criticized', code: '111', source: 'rusfm', target: 'china', date: '2023-04-02' },
      { trigger: 'clashed', code: '190', source: 'guards', target: null, date: '2023-04-01', negated: false },
    ],
    quotes: [{ text: 'Border guards clashed with smugglers near the Amur river', speaker: null }],
  },
];
