/**
 * Refiners over proposed events, each a small pass over the list: recode promises of cooperation as
 * intent (03x), recode statements by what they say (criticism -> 111), fold definite re-mentions
 * (`the visit`) into the event they refer to, and merge the same event told twice into one event with
 * several evidence spans.
 */
import type { Event } from '../doc.js';
import { eventCode } from '../ontology/event-codes.js';
import { subjectOf } from './clause.js';
import { argument, type DocView, type Proposal } from './extract.js';

/** CAMEO's intent codes for promised cooperation (`will cooperate`, `agreed to provide aid`). */
const INTENT: Record<string, string> = {
  '050': '032',
  '051': '032',
  '052': '032',
  '054': '032',
  '057': '032',
  '060': '030',
  '061': '0311',
  '062': '0312',
  '063': '0313',
  '064': '0314',
  '070': '033',
  '071': '0331',
  '072': '0332',
  '073': '0333',
  '074': '0334',
  '075': '033',
  '080': '035',
  '081': '0351',
  '0811': '0351',
  '0812': '0351',
  '0813': '0351',
  '0814': '0351',
  '082': '0352',
  '083': '034',
  '0831': '0341',
  '0832': '0342',
  '0833': '0343',
  '0834': '0344',
  '0861': '0355',
  '0862': '0355',
  '0863': '0355',
  '0841': '0353',
  '0842': '0353',
  '085': '0354',
  '086': '0355',
  '087': '0356',
  '0871': '0356',
  '0872': '0356',
};
/** Meetings and mediation are intent only when promised, not merely scheduled (a planned visit stays 042). */
const PROMISED_ONLY: Record<string, string> = { '040': '036', '046': '036', '045': '039' };
/** Planned meetings and talks are intent to meet (036); a planned visit keeps its own code (042/043). */
const PLANNED_MEETING: Record<string, string> = {
  '040': '036',
  '041': '036',
  '044': '036',
  '045': '039',
  '046': '036',
};

function recode(e: Event, code: string, why: string): void {
  const info = eventCode(code);
  if (!info) return;
  e.code = code;
  e.root = info.root;
  e.quad = info.quad;
  e.goldstein = info.goldstein;
  e.rule = `${e.rule}+${why}`;
}

export function recodeIntent(_view: DocView, proposals: Proposal[]): Proposal[] {
  for (const p of proposals) {
    const e = p.event;
    if (p.group < 0 || e.negated || e.modality === 'asserted') continue;
    const intent = INTENT[e.code];
    if (intent && (p.intent || e.modality === 'planned')) recode(e, intent, 'intent');
    else if (p.intent && PROMISED_ONLY[e.code]) recode(e, PROMISED_ONLY[e.code]!, 'intent');
    else if (e.modality === 'planned' && PLANNED_MEETING[e.code])
      recode(e, PLANNED_MEETING[e.code]!, 'intent');
  }
  return proposals;
}

/**
 * A statement whose content carries words of disapproval is a criticism (111); one saying that someone
 * `must` act is a demand on them (100: `Russia said Sudan must return the helicopter`).
 */
export function recodeStatements(view: DocView, proposals: Proposal[]): Proposal[] {
  for (const p of proposals) {
    if (!p.speech || !p.content) continue;
    const [a, b] = p.content;
    const cue = view.cues.find((c) => c.start >= a && c.end <= b);
    if (cue) {
      recode(p.event, cue.code, cue.rule);
      continue;
    }
    const must = mustClause(view, p, b);
    if (must >= 0) {
      recode(p.event, '100', 'content:must');
      p.event.target = argument(view, must);
    }
  }
  return proposals;
}

/** The subject of a `must` clause after a statement's trigger, or -1. */
function mustClause(view: DocView, p: Proposal, end: number): number {
  for (let k = p.match.end; k < end; k++) {
    const gi = view.groupAt[k]!;
    if (gi < 0 || view.groups[gi]!.modal !== 'must') continue;
    const subject = subjectOf(view, view.groups[gi]!);
    if (subject >= 0 && view.mentionActor[subject] !== p.event.source.actor) return subject;
    return -1;
  }
  return -1;
}

/**
 * CAMEO codes a conflictual act that is announced or conditional, not done, as a threat of it
 * (`would boycott`, `will impose sanctions`, `is prepared to impose martial law`): 13x. Acts that are
 * asked for (`urged ... to`) stay what they are, with hypothetical modality.
 */
const THREAT: Record<string, string> = {
  '14': '133',
  '143': '1312',
  '15': '138',
  '16': '131',
  '161': '1313',
  '162': '1311',
  '163': '1312',
  '164': '134',
  '165': '135',
  '166': '136',
  '17': '132',
  '1723': '1323',
  '1724': '1324',
  '173': '132',
  '191': '1381',
  '192': '1382',
  '18': '1383',
  '19': '1384',
  '20': '1385',
};

export function recodeThreats(_view: DocView, proposals: Proposal[]): Proposal[] {
  for (const p of proposals) {
    const e = p.event;
    // Only verbs announce: a noun's tense is its sentence's (`China-Japan clashes will dominate`).
    if (p.group < 0 || e.negated || e.modality === 'asserted' || e.root === '13') continue;
    const why = p.why ?? '';
    const announced =
      why.startsWith('modal:') ||
      why === 'conditional' ||
      /^governor:(plan|intend|prepare|decide|set|vow|pledge|promise|ready|willing|continue)/.test(why);
    if (!announced) continue;
    const threat = THREAT[e.code] ?? THREAT[e.code.slice(0, 3)] ?? THREAT[e.root];
    if (threat) recode(e, threat, 'threat');
  }
  return proposals;
}

/** `the visit` with no actor of its own is more evidence for the latest earlier event with that code. */
export function foldAnaphora(_view: DocView, proposals: Proposal[]): Proposal[] {
  const out: Proposal[] = [];
  for (const p of proposals) {
    if (!p.anaphoric) {
      out.push(p);
      continue;
    }
    for (let i = out.length - 1; i >= 0; i--) {
      const e = out[i]!.event;
      if (e.code === p.event.code && e.start < p.event.start) {
        addEvidence(e, p.event);
        break;
      }
    }
  }
  return out;
}

/**
 * The same event told twice: same code, source and target, and no conflicting dates. Statements are
 * never merged: each says something else.
 */
export function mergeRetellings(view: DocView, proposals: Proposal[]): Proposal[] {
  // One event retells none (no keys to make).
  if (proposals.length < 2) return proposals;
  const out: Proposal[] = [];
  const byKey = new Map<string, Proposal>();
  for (const p of proposals) {
    const e = p.event;
    const key = `${e.code}|${e.source.code}|${e.target?.code ?? ''}|${e.negated}`;
    // A retelling may leave out the target: `Xi's visit` after `Xi will visit Russia`.
    const loose = `${e.code}|${e.source.code}|*|${e.negated}`;
    // Only a noun, the same phrase or a participle adjunct (`attacked the town, killing five`) retells
    // without the target: `deepen the synergy` after `promote cooperation with Russia` is another act.
    const retold = (q: Proposal | undefined): Proposal | undefined =>
      q &&
      (p.match.entry.kind === 'n' ||
        q.match.entry.pattern === p.match.entry.pattern ||
        view.tag[p.match.start] === 'VBG')
        ? q
        : undefined;
    const first =
      p.speech || e.root === '01'
        ? undefined
        : (byKey.get(key) ?? (e.target ? undefined : retold(byKey.get(loose))));
    if (first && (!p.datedInText || !first.datedInText || first.event.date === e.date)) {
      addEvidence(first.event, e);
      continue;
    }
    if (!byKey.has(key)) byKey.set(key, p);
    if (!byKey.has(loose)) byKey.set(loose, p);
    out.push(p);
  }
  return out;
}

function addEvidence(into: Event, from: Event): void {
  into.evidence ??= [];
  into.evidence.push({ start: from.start, end: from.end }, ...(from.evidence ?? []));
}

/**
 * `agreed to cooperate`, `offered to mediate`: when the governed verb made an event of its own (recoded
 * as intent), the governing promise adds nothing and goes.
 */
export function dropPromiseGovernors(_view: DocView, proposals: Proposal[]): Proposal[] {
  const governing = new Map<number, Proposal>();
  for (const p of proposals) if (p.governor >= 0 && !governing.has(p.governor)) governing.set(p.governor, p);
  return proposals.filter((p) => {
    const governed = p.group >= 0 && p.event.root === '03' ? governing.get(p.group) : undefined;
    if (!governed) return true;
    // The intent was expressed when the promise was made: `agreed on Thursday to strengthen ties`.
    if (p.datedInText && !governed.datedInText) {
      governed.event.date = p.event.date;
      governed.event.dateTo = p.event.dateTo;
      governed.event.start = Math.min(governed.event.start, p.event.start);
      governed.event.end = Math.max(governed.event.end, p.event.end);
      governed.datedInText = true;
    }
    return false;
  });
}

const NOT_COUNTRY = new Set(['---', 'IGO', 'NGO', 'IMG', 'MNC']);

/**
 * An argument of unknown country (`---GOV`: `the judge`, `demonstrators`) takes the country of its
 * sentence when exactly one country is named there (`Judge Rivera opened investigations against 28
 * Chilean officials`). The actor is in the text; only its country is read from the context.
 */
export function fillCountriesFromContext(view: DocView, proposals: Proposal[]): Proposal[] {
  // Who reports is not who acts: `Thai military sources said` tells nothing of the forces' country.
  const reporters = new Set<string>();
  for (const p of proposals)
    if (p.speech && p.event.source.actor) reporters.add(`${p.event.sentence}|${p.event.source.actor}`);
  for (const p of proposals) {
    const e = p.event;
    const unknownSource = e.source.code.startsWith('---');
    const unknownTarget = !!e.target && e.target.code.startsWith('---');
    if (!unknownSource && !unknownTarget) continue;
    const s = view.doc.sentences![e.sentence]!;
    const countries = new Set<string>();
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const m = view.actorAt[k]!;
      if (m < 0) continue;
      const actor = view.mentionActor[m]!;
      if (!p.speech && reporters.has(`${e.sentence}|${actor}`)) continue;
      // The actor's own country, never a code prefix: regions (EURGOV), IGOs and groups have none.
      const c = view.actors.get(actor)!.country;
      if (c && !NOT_COUNTRY.has(c)) countries.add(c);
    }
    if (countries.size !== 1) continue;
    const [country] = [...countries];
    // A country named as the target says nothing about who acted on it (`Tutu called for sanctions on
    // Nigeria`); a domestic target does (`the judge ordered the opposition leader`).
    const sourceOk = unknownSource && e.target?.code !== country;
    if (!sourceOk && !unknownTarget) continue;
    if (sourceOk) e.source = { ...e.source, code: country + e.source.code.slice(3) };
    if (unknownTarget) e.target = { ...e.target!, code: country + e.target!.code.slice(3) };
    e.rule = `${e.rule}+country:context`;
  }
  return proposals;
}

/**
 * `Noting that ..., Wang said`: a participle of saying beside a finite one by the same speaker in the
 * same sentence is the same statement.
 */
export function dropParticipleStatements(view: DocView, proposals: Proposal[]): Proposal[] {
  const finite = new Set<string>();
  for (const p of proposals)
    if (p.speech && view.tag[p.match.start] !== 'VBG')
      finite.add(`${p.event.sentence}|${p.event.source.code}`);
  return proposals.filter(
    (p) =>
      !(
        p.speech &&
        view.tag[p.match.start] === 'VBG' &&
        finite.has(`${p.event.sentence}|${p.event.source.code}`)
      ),
  );
}

/** Sectors of armed or unorganised non-state actors: their use of force is unconventional (18x). */
const IRREGULAR = new Set(['REB', 'INS', 'CRM', 'SEP', 'UAF', 'TER', 'CVL']);

/**
 * CAMEO keeps conventional force (19x) apart from violence by rebels, criminals and crowds (18x):
 * `guerrillas killed`, `bombers killed` is 180, `troops killed` stays 190.
 */
export function recodeIrregularViolence(_view: DocView, proposals: Proposal[]): Proposal[] {
  for (const p of proposals) {
    const e = p.event;
    if (e.code !== '190' && e.code !== '193') continue;
    if (!IRREGULAR.has(e.source.code.slice(3, 6))) continue;
    recode(e, '180', 'irregular');
  }
  return proposals;
}

/**
 * `threatened to shell Iraqi towns`: a bare threat (130) takes the kind of what it threatens
 * (1384 conventional attack, 1312 sanctions, 133 protest, ...).
 */
export function specifyThreats(_view: DocView, proposals: Proposal[]): Proposal[] {
  const byGroup = new Map<number, Proposal>();
  for (const p of proposals) if (p.group >= 0) byGroup.set(p.group, p);
  for (const p of proposals) {
    if (p.governor < 0) continue;
    const threat = byGroup.get(p.governor);
    if (!threat || threat.event.code !== '130') continue;
    const e = p.event;
    const code = THREAT[e.code] ?? THREAT[e.code.slice(0, 3)] ?? THREAT[e.root];
    if (code) recode(threat.event, code, `threat-of:${e.code}`);
  }
  return proposals;
}

/**
 * `accused Russia of shelling a plant`: an accusation whose `of` clause reports force is an accusation
 * of aggression (1123); of a crime, of corruption: 1121.
 */
export function specifyAccusations(view: DocView, proposals: Proposal[]): Proposal[] {
  for (const p of proposals) {
    if (p.event.code !== '112') continue;
    for (const q of proposals) {
      if (q === p || q.event.sentence !== p.event.sentence) continue;
      const k = q.match.start;
      if (k <= p.match.start || k > p.match.end + 8 || view.lemma[k - 1] !== 'of') continue;
      const root = Number(q.event.root);
      if (root >= 18) recode(p.event, '1123', `accused-of:${q.event.code}`);
      // What someone is accused of is alleged, not reported as done.
      q.event.modality = 'hypothetical';
      q.event.rule = `${q.event.rule}+alleged`;
      break;
    }
  }
  return proposals;
}
