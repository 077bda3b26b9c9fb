/**
 * The context that introduces a person: the title and nationality before the name (`Chinese President
 * Xi Jinping`, `Foreign Ministry spokeswoman Hua Chunying`), an apposition after it (`Wang Wenbin, another
 * Chinese Foreign Ministry spokesperson,`) or an `of` phrase (`Hua Chunying of the Foreign Ministry`).
 */
import type { Token } from '../doc.js';
import type { GazEntry } from './gazetteer.js';
import type { GazHit, GazHits } from './gazetteer-match.js';

export interface PersonContext {
  country: string | null;
  /** An international organisation's code, when the person speaks for one (`UN Secretary-General X`). */
  igo: string | null;
  sector: string | null;
  roles: string[];
  gender: 'm' | 'f' | null;
  /** Which cue coded the person: `left`, `apposition`, `of`, or null when none did. */
  rule: string | null;
  /** Tokens the context used (their person-role words are not separate actors). */
  used: number[];
  /** The token after the name and its apposition (`Wang, the spokesman, said`: the `said`). */
  after: number;
  /** The first token of the context before the name (the name's own first token when there is none). */
  from: number;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'another', 'his', 'her', 'its', 'their', 'also']);
const MAX_CONTEXT = 10;

/** Whether some entry is an office holder's name. */
function hasHolder(entries: readonly GazEntry[]): boolean {
  for (const e of entries) if (e.kind === 'holder') return true;
  return false;
}

/** Whether some entry is a person's role word (`minister`, `spokesperson`). */
function hasPersonWord(entries: readonly GazEntry[]): boolean {
  for (const e of entries) if (e.kind === 'sector' && e.cls === 'person') return true;
  return false;
}

function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** Where the name tagger's names lie, by token. */
export interface NameCover {
  /** Whether token j lies inside an organisation name (`China Media Group`). */
  inOrg(j: number): boolean;
  /** Whether token j lies in a person's or place's name, which a title never crosses. */
  inName(j: number): boolean;
}

/** Reads the context of the person name at tokens `[a, b)` within the sentence `[sStart, sEnd)`. */
export function personContext(
  tokens: readonly Token[],
  gaz: GazHits,
  a: number,
  b: number,
  sStart: number,
  sEnd: number,
  names: NameCover,
): PersonContext {
  const hitAt = (j: number): GazHit | undefined => {
    const h = gaz.byToken[j]!;
    return h >= 0 ? gaz.hits[h] : undefined;
  };
  // The cues (entries of the words read), nearest to the name first on either side.
  const left: GazEntry[] = [];
  const used: number[] = [];
  let leftPerson = false;
  let leftSector = false;
  // Leftwards: titles, sector words, nationalities, countries (with 's), organisation names.
  let j = a - 1;
  while (j >= sStart && a - j <= MAX_CONTEXT) {
    const hit = hitAt(j);
    const text = tokens[j]!.text;
    // A hit is a cue, or an office holder's full name reaching into this name (`Sheikh` of `Sheikh
    // Hasina`, the title taken off the front: part of the name, not its context), which is skipped. Both
    // tests run on every hit, in one compare each: a test met first by a rare name after V8 optimized
    // `personContext` would send it back to the interpreter.
    const cue = hit !== undefined && !hasHolder(hit.entries);
    const reaching = hit !== undefined && hit.tokenEnd > Math.max(j + 1, a - 1);
    if (cue || reaching) {
      if (cue) {
        for (const e of hit.entries) {
          left.push(e);
          if (e.kind === 'sector') {
            leftSector = true;
            if (e.cls === 'person') leftPerson = true;
          }
        }
        for (let k = hit.tokenStart; k < hit.tokenEnd; k++) used.push(k);
      }
      j = hit!.tokenStart - 1;
    } else if ((text === "'s" || text === '’s') && j > sStart && hitAt(j - 1)) {
      j--;
    } else if (names.inOrg(j) && isCapitalised(text)) {
      j--;
    } else if (
      // Capitalised words of a title (`Planning and Investment Minister`), and adjectives inside one
      // (`Nigerian junior foreign minister`, `Iran's religious leader`), left of a title word.
      leftPerson &&
      !names.inName(j) &&
      (isCapitalised(text) ||
        ((tokens[j]!.tag === 'JJ' || tokens[j]!.tag === 'NN') && /^[a-z]+$/.test(text)) ||
        ((text === 'and' || text === '&') && j > sStart && isCapitalised(tokens[j - 1]!.text)))
    ) {
      j--;
    } else break;
  }
  const from = j + 1;
  let rule: string | null = leftSector ? 'left' : null;
  const right: GazEntry[] = [];
  let after = b;
  // Rightwards: `, [the|another] <title words ...>` up to the next comma or the sentence's end.
  let k = b;
  // (`k` is checked, not read past the end: see `ActorResolver.textAt`.)
  const next = k < tokens.length ? tokens[k]!.text : '';
  if (next === ',' || next === '(') {
    k++;
    const collected: GazEntry[] = [];
    const usedHere: number[] = [];
    while (k < sEnd && k - b <= MAX_CONTEXT + 2) {
      const text = tokens[k]!.text;
      const hit = hitAt(k);
      if (hit && !hasHolder(hit.entries)) {
        for (const e of hit.entries) collected.push(e);
        for (let q = hit.tokenStart; q < hit.tokenEnd; q++) usedHere.push(q);
        k = hit.tokenEnd;
      } else if (DETERMINERS.has(text.toLowerCase()) || text === 'of' || text === "'s" || text === '’s') k++;
      else if (names.inOrg(k) && isCapitalised(text)) k++;
      else if (/^[a-z]+$/.test(text) && !(tokens[k]!.tag ?? '').startsWith('VB'))
        k++; // `foreign policy chief`
      else break;
    }
    const stop = tokens[k]?.text;
    // (compared whatever k: a compare that had seen only punctuation met words past the sentence late)
    const closes = stop === ',' || stop === ')';
    const ends = k >= sEnd || closes || stop === '.' || stop === ';';
    if (ends && hasPersonWord(collected)) {
      right.push(...collected);
      used.push(...usedHere);
      rule ??= 'apposition';
      if (closes) after = k + 1;
    }
  } else if (next === 'of') {
    // `spokeswoman Hua Chunying of the Chinese Foreign Ministry`
    k++;
    if (tokens[k] && DETERMINERS.has(tokens[k]!.text.toLowerCase())) k++;
    while (k < sEnd) {
      const hit = hitAt(k);
      if (hit && hit.entries.some((e) => e.kind !== 'holder' && e.kind !== 'sector')) {
        for (const e of hit.entries) right.push(e);
        k = hit.tokenEnd;
      } else if (hit || (names.inOrg(k) && isCapitalised(tokens[k]!.text))) {
        if (hit) for (const e of hit.entries) right.push(e);
        k = hit ? hit.tokenEnd : k + 1;
      } else break;
    }
    if (right.length) rule ??= 'of';
  }
  return summarise(left, right, rule, used, after, from);
}

function summarise(
  left: readonly GazEntry[],
  right: readonly GazEntry[],
  rule: string | null,
  used: number[],
  after: number,
  from: number,
): PersonContext {
  let country: string | null = null;
  let igo: string | null = null;
  let orgSector: string | null = null;
  let personSector: string | null = null;
  let titleSector: string | null = null;
  let gender: 'm' | 'f' | null = null;
  let former = false;
  const roles: string[] = [];
  // Organisation words read left to right (`opposition party leader` is the opposition's): the left
  // cues backwards, then the right ones.
  for (let q = 0; q < left.length + right.length; q++) {
    const e = (q < left.length ? left[left.length - 1 - q] : right[q - left.length])!;
    if (e.kind === 'sector' && (e.cls === 'org' || e.cls === 'people') && e.sector && !orgSector)
      orgSector = e.sector;
    if (e.kind === 'seat' && !orgSector) orgSector = e.sector;
    // A role word before another describes the affiliation (`rebel commander`): leftmost first.
    if (e.kind === 'sector' && e.cls === 'person' && e.sector) personSector ??= e.sector;
  }
  // Nearest first: the left cues were collected outwards from the name, the right ones outwards too.
  for (let q = 0; q < left.length + right.length; q++) {
    const e = (q < left.length ? left[q] : right[q - left.length])!;
    const place = e.kind === 'country' || e.kind === 'demonym' || e.kind === 'capital' || e.kind === 'region';
    if (place || e.kind === 'seat') country ??= e.code;
    else if (e.kind === 'igo') igo ??= e.code;
    else if (e.kind === 'sector') {
      if (e.gender) gender ??= e.gender;
      if (e.cls === 'person') roles.push(e.role);
      else if (e.cls === 'title' && e.sector) titleSector ??= e.sector;
      else if (e.cls === 'modifier' && e.sector === 'ELI') former = true;
    }
  }
  let sector = orgSector ?? personSector ?? titleSector;
  // A spokesperson, head or secretary of a country with no organisation named speaks for its government.
  if (!sector && country && roles.length) sector = 'GOV';
  if (former) sector = 'ELI';
  if (!country && !igo && !sector && !roles.length && !gender) rule = null;
  return { country, igo, sector, roles, gender, rule, used, after, from };
}
