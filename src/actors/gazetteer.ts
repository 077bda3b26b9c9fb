/**
 * The actor gazetteer: countries, demonyms, capitals and seats of government, international
 * organisations, sector words and office holders, loaded once from `data/actors/` (and country names
 * from the `i18n-iso-countries` package) into one token trie.
 */
import { createRequire } from 'node:module';
import { readDataRows } from '../data.js';
import { tokenize } from '../text/tokens.js';
import { TokenTrie } from './token-trie.js';

export type SectorClass = 'person' | 'people' | 'org' | 'title' | 'modifier' | 'side' | 'pair';

/**
 * A gazetteer entry: what a matched form means; `words` is the form as tokens, for the case check
 * (`wordMatches`), which the matcher runs from two facts worked out once here: `cased`, the indices of
 * the words with capitals (the document's token must equal them), and `whole`, false for an entry that
 * never matches a run of whole tokens (a combining form like `Sino-`, or a lower-case word with `’`,
 * which no token's key holds).
 */
export type GazEntry = GazEntryBody & { words: readonly string[]; cased: readonly number[]; whole: boolean };

type GazEntryBody =
  | { kind: 'country'; code: string; rule: string }
  | { kind: 'demonym'; code: string; prefix: boolean; rule: string }
  | { kind: 'capital'; code: string; rule: string }
  | { kind: 'region'; code: string; rule: string }
  /** A world region or its adjective (`European`), coded by CAMEO region code (`EUR`), never a country. */
  | { kind: 'area'; code: string; rule: string }
  | { kind: 'seat'; code: string; sector: string; rule: string }
  | { kind: 'group'; country: string; sector: string; name: string; rule: string }
  | { kind: 'igo'; code: string; name: string; rule: string }
  | { kind: 'holder'; name: string; rule: string }
  | {
      kind: 'sector';
      sector: string | null;
      cls: SectorClass;
      gender: 'm' | 'f' | null;
      /** The role family: the entry's last word, with spokesman/spokeswoman folded to spokesperson. */
      role: string;
      rule: string;
    };

/**
 * Every field of any kind of entry. Entries are made with all of them (undefined where a kind has none),
 * in this order, so that all share one object shape: made by spreading each kind's fields, every entry
 * had a shape of its own, and code reading entries (`entryOf(h, 'demonym')?.code`) met new shapes for
 * thousands of articles, each first one sending it back to the interpreter and to another compile.
 */
interface EveryEntryField {
  code?: string;
  prefix?: boolean;
  sector?: string | null;
  country?: string;
  name?: string;
  cls?: SectorClass;
  gender?: 'm' | 'f' | null;
  role?: string;
}

/** One tenure of an office, from `office-holders.tsv`. */
export interface Tenure {
  name: string;
  country: string;
  sector: string | null;
  office: string;
  from: string;
  to: string | null;
}

export interface Gazetteer {
  trie: TokenTrie<GazEntry>;
  /** Entries of single-token forms, for parts of hyphenated words (`Sino-Russian`, `China-Russia`). */
  single: Map<string, GazEntry[]>;
  /** Tenures by full name and by short form. */
  tenures: Map<string, Tenure[]>;
  /** The canonical full name of each office holder's short forms. */
  holderNames: Map<string, string>;
  /** Country names by ISO3, for naming country actors. */
  countryNames: Map<string, string>;
}

let loaded: Gazetteer | undefined;

/** Splits a lexicon form into tokens the way the document tokenizer does. */
export function formTokens(form: string): string[] {
  const out: { text: string }[] = [];
  tokenize(form, { start: 0, end: form.length }, 0, out as never);
  return out.map((t) => t.text);
}

function roleOf(form: string): string {
  const last = form.toLowerCase().split(/\s+/).pop()!;
  return /^spokes(wo)?(man|person|people|men|women|persons)$/.test(last) ? 'spokesperson' : last;
}

export function gazetteer(): Gazetteer {
  if (loaded) return loaded;
  const trie = new TokenTrie<GazEntry>();
  const single = new Map<string, GazEntry[]>();
  const add = (form: string, body: GazEntryBody): void => {
    const words = formTokens(form);
    if (!words.length) return;
    const cased: number[] = [];
    let whole = !(body.kind === 'demonym' && body.prefix);
    words.forEach((w, k) => {
      if (w !== w.toLowerCase()) cased.push(k);
      else if (w.includes('’')) whole = false;
    });
    const b = body as GazEntryBody & EveryEntryField;
    const entry = {
      kind: b.kind,
      code: b.code,
      prefix: b.prefix,
      sector: b.sector,
      country: b.country,
      name: b.name,
      cls: b.cls,
      gender: b.gender,
      role: b.role,
      rule: b.rule,
      words,
      cased,
      whole,
    } as GazEntry;
    trie.add(words, entry);
    if (words.length === 1) {
      const list = single.get(words[0]!) ?? [];
      list.push(entry);
      single.set(words[0]!, list);
    }
  };

  // Countries: the package's English names, then our aliases, which win when they repeat a name.
  const countryNames = new Map<string, string>();
  const countryForm = new Map<string, string>();
  const require = createRequire(import.meta.url);
  const iso = require('i18n-iso-countries') as {
    getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
    alpha2ToAlpha3(a2: string): string | undefined;
  };
  for (const [a2, names] of Object.entries(iso.getNames('en', { select: 'all' }))) {
    const a3 = iso.alpha2ToAlpha3(a2);
    if (!a3) continue;
    for (const name of names) if (!name.includes(',')) countryForm.set(name, a3);
    const plain = names.find((n) => !n.includes(',') && !/ of /.test(n)) ?? names[0]!;
    countryNames.set(a3, plain);
  }
  for (const [name, a3] of readDataRows('actors/country-aliases.tsv')) countryForm.set(name!, a3!);
  for (const [name, a3] of countryForm) add(name, { kind: 'country', code: a3, rule: `country:${name}` });
  for (const [a3, name] of [
    ['USA', 'United States'],
    ['GBR', 'United Kingdom'],
    ['RUS', 'Russia'],
    ['CHN', 'China'],
    ['KOR', 'South Korea'],
    ['PRK', 'North Korea'],
    ['IRN', 'Iran'],
    ['SYR', 'Syria'],
  ] as const)
    countryNames.set(a3, name);

  const ownDemonyms = new Set<string>();
  for (const [form, a3] of readDataRows('actors/demonyms.tsv')) {
    const prefix = form!.endsWith('-');
    const word = prefix ? form!.slice(0, -1) : form!;
    ownDemonyms.add(word);
    add(word, { kind: 'demonym', code: a3!, prefix, rule: `demonym:${form}` });
  }
  for (const [form, a3] of packageDemonyms(require)) {
    if (ownDemonyms.has(form)) continue;
    add(form, { kind: 'demonym', code: a3, prefix: false, rule: `demonym:${form}` });
  }
  for (const [form, a3, kind, sector] of readDataRows('actors/capitals.tsv')) {
    if (kind === 'seat') add(form!, { kind: 'seat', code: a3!, sector: sector!, rule: `seat:${form}` });
    else add(form!, { kind: 'capital', code: a3!, rule: `capital:${form}` });
  }
  for (const [form, a3] of readDataRows('actors/regions.tsv'))
    add(form!, { kind: 'region', code: a3!, rule: `region:${form}` });
  for (const [form, code] of readDataRows('actors/areas.tsv'))
    add(form!, { kind: 'area', code: code!, rule: `area:${form}` });
  for (const [code, name, others] of readDataRows('actors/igos.tsv')) {
    const forms = [name!, ...(others ? others.split(/;\s*/) : [])];
    for (const f of forms) add(f, { kind: 'igo', code: code!, name: name!, rule: `igo:${f}` });
  }
  for (const [code, name, others] of readDataRows('actors/groups.tsv')) {
    const forms = [name!, ...(others ? others.split(/;\s*/) : [])];
    const country = code!.slice(0, 3);
    const sector = code!.slice(3);
    for (const f of forms) add(f, { kind: 'group', country, sector, name: name!, rule: `group:${f}` });
  }
  for (const [form, sector, cls, gender] of readDataRows('actors/sectors.tsv')) {
    add(form!, {
      kind: 'sector',
      sector: sector === '-' ? null : sector!,
      cls: cls as SectorClass,
      gender: gender === 'm' || gender === 'f' ? gender : null,
      role: roleOf(form!),
      rule: `sector:${form}`,
    });
  }

  const tenures = new Map<string, Tenure[]>();
  const holderNames = new Map<string, string>();
  const seenHolder = new Set<string>();
  for (const [name, short, country, sector, office, from, to] of readDataRows('actors/office-holders.tsv')) {
    const tenure: Tenure = {
      name: name!,
      country: country!,
      sector: sector === '-' ? null : sector!,
      office: office!,
      from: from!,
      to: to ? to : null,
    };
    const forms = [name!, ...(short ? short.split(/;\s*/) : [])];
    for (const f of forms) {
      const list = tenures.get(f) ?? [];
      list.push(tenure);
      tenures.set(f, list);
      if (!holderNames.has(f)) holderNames.set(f, name!);
      if (!seenHolder.has(f)) {
        seenHolder.add(f);
        add(f, { kind: 'holder', name: name!, rule: `holder:${f}` });
      }
    }
  }
  loaded = { trie, single, tenures, holderNames, countryNames };
  return loaded;
}

/** Whether a document token matches an entry's word: exact when the entry word has capitals, else any case. */
export function wordMatches(entryWord: string, token: string): boolean {
  const t = token.includes('’') ? token.replace(/’/g, "'") : token;
  return entryWord === entryWord.toLowerCase() ? t.toLowerCase() === entryWord : t === entryWord;
}

/**
 * Demonyms of every country from the `world-countries` package (`Mauritian`, `Malagasy`), with a plural
 * for the `-an`/`-i` forms (`Mauritians`); a form the package gives to two countries (`Congolese`,
 * `Dominican`) is left to our own list, which says which one news means.
 */
function packageDemonyms(require: NodeJS.Require): Map<string, string> {
  const countries = require('world-countries') as {
    cca3: string;
    demonyms?: { eng?: { m?: string; f?: string } };
  }[];
  const owners = new Map<string, Set<string>>();
  for (const c of countries) {
    const eng = c.demonyms?.eng;
    for (const form of [eng?.m, eng?.f]) {
      if (!form || !/^\p{Lu}[\p{L}' -]+$/u.test(form)) continue;
      const forms = /(an|i)$/.test(form) ? [form, form + 's'] : [form];
      for (const f of forms) (owners.get(f) ?? owners.set(f, new Set()).get(f)!).add(c.cca3);
    }
  }
  const out = new Map<string, string>();
  for (const [form, codes] of owners) if (codes.size === 1) out.set(form, [...codes][0]!);
  return out;
}
