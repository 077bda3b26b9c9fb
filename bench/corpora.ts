/**
 * Benchmark corpora: converts the raw corpora under ../shared/corpora into JSONL articles
 * `{id, date, title?, text, source}` that `annals code` and the benchmarks read, cached under bench/out/.
 *
 * This is bench tooling, not the product: the product reads dated text, plain text and JSONL only.
 *
 * - `reuters`: Reuters-21578 (*.sgm, SGML). DATE `26-FEB-1987 15:01:01.79` becomes `1987-02-26`; the text
 *   is the DATELINE (as the wire printed it) followed by the BODY, entities unescaped, control characters
 *   dropped, and the trailing `REUTER` sign-off (and its variants `Reuter...`, `REUTE`) removed. Stories without a BODY are left out. The files are
 *   decoded as latin1 (they are ASCII except one byte in reut2-017.sgm, which latin1 decodes harmlessly).
 * - `wire`: TempEval-3 silver wire stories (*.tml, AFP 1997 and Xinhua 2005-06). Date from the TIMEX3 with
 *   functionInDocument="CREATION_TIME"; title from <TITLE>; text from <TEXT> with every XML tag stripped.
 * - `bbc`: BBC news (2004-05), title on line 1, body after it. The corpus has no dates: every article gets
 *   the fixed date 2005-01-01 (documented, not true). It is not part of `all`.
 * - `all`: `reuters` then `wire` (the dated corpora).
 *
 * CLI: `npx tsx bench/corpora.ts [--rebuild] [reuters|wire|bbc|all ...]` builds the files and prints counts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type CorpusName = 'reuters' | 'wire' | 'bbc' | 'all';

export interface CorpusArticle {
  id: string;
  date: string;
  title?: string;
  text: string;
  source: string;
}

export interface CorpusOptions {
  /** Rebuild the cached file even if it exists. */
  rebuild?: boolean;
  /** Where the raw corpora are (default: ../shared/corpora beside the repository). */
  corporaDir?: string;
  /** Where the JSONL files go (default: bench/out). */
  outDir?: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CORPORA_DIR = resolve(HERE, '..', '..', 'shared', 'corpora');
export const DEFAULT_OUT_DIR = resolve(HERE, 'out');
/** The date given to every BBC article, which the corpus does not date. */
export const BBC_FIXED_DATE = '2005-01-01';

const MONTHS: Record<string, string> = {
  JAN: '01',
  FEB: '02',
  MAR: '03',
  APR: '04',
  MAY: '05',
  JUN: '06',
  JUL: '07',
  AUG: '08',
  SEP: '09',
  OCT: '10',
  NOV: '11',
  DEC: '12',
};

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Unescapes SGML/XML entities; numeric entities for control characters (other than \t \n) are dropped. */
export function unescapeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code === 9 || code === 10) return String.fromCharCode(code);
      if (code < 32 || code === 127) return '';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function between(s: string, open: string, close: string): string | undefined {
  const i = s.indexOf(open);
  if (i < 0) return undefined;
  const j = s.indexOf(close, i + open.length);
  if (j < 0) return undefined;
  return s.slice(i + open.length, j);
}

/** `26-FEB-1987 15:01:01.79` -> `1987-02-26`. */
export function reutersDate(s: string): string | undefined {
  const m = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4})/i.exec(s);
  if (!m) return undefined;
  const mo = MONTHS[m[2].toUpperCase()];
  return mo ? `${m[3]}-${mo}-${m[1].padStart(2, '0')}` : undefined;
}

/** Parses one Reuters-21578 SGML file into articles (stories without a body are skipped). */
export function parseReutersSgml(sgml: string): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  const parts = sgml.split('<REUTERS ');
  for (let k = 1; k < parts.length; k++) {
    const rec = parts[k];
    const id = /NEWID="(\d+)"/.exec(rec)?.[1];
    const date = reutersDate(between(rec, '<DATE>', '</DATE>') ?? '');
    const rawBody = between(rec, '<BODY>', '</BODY>');
    if (!id || !date || rawBody === undefined) continue;
    let body = unescapeEntities(rawBody).replace(/\s+$/, '');
    body = body.replace(/(?:\s+REU[A-Z]*\b(?:\.\.\.)?)+\s*$/i, '').replace(/\s+$/, '');
    if (body.trim() === '') continue;
    const dateline = unescapeEntities(between(rec, '<DATELINE>', '</DATELINE>') ?? '').trim();
    const title = unescapeEntities(between(rec, '<TITLE>', '</TITLE>') ?? '').trim();
    const text = dateline ? `${dateline} ${body.replace(/^\s+/, '')}` : body.replace(/^\s+/, '');
    const art: CorpusArticle = { id: `reuters-${id}`, date, text, source: 'Reuters' };
    if (title) art.title = title;
    out.push(art);
  }
  return out;
}

/** Parses one TempEval-3 silver TimeML file: tags stripped, creation time as the date. */
export function parseWireTml(tml: string, fileName: string): CorpusArticle | undefined {
  const docId = between(tml, '<DOCID>', '</DOCID>')?.trim() ?? fileName.replace(/\.tml$/, '');
  const dct = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(tml)?.[0];
  const value = dct ? /value="(\d{4}-\d{2}-\d{2})/.exec(dct)?.[1] : undefined;
  const rawText = between(tml, '<TEXT>', '</TEXT>');
  if (!value || rawText === undefined) return undefined;
  const text = unescapeEntities(rawText.replace(/<[^>]*>/g, '')).trim();
  if (!text) return undefined;
  const title = unescapeEntities((between(tml, '<TITLE>', '</TITLE>') ?? '').replace(/<[^>]*>/g, '')).trim();
  const source = docId.startsWith('AFP') ? 'AFP' : docId.startsWith('XIN') ? 'Xinhua' : 'wire';
  const art: CorpusArticle = { id: `wire-${docId}`, date: value, text, source };
  if (title) art.title = title;
  return art;
}

/** Parses one BBC article: title on line 1, the body after it. */
export function parseBbcText(raw: string, id: string): CorpusArticle | undefined {
  const nl = raw.indexOf('\n');
  const title = (nl < 0 ? raw : raw.slice(0, nl)).trim();
  const text = nl < 0 ? '' : raw.slice(nl + 1).trim();
  if (!text) return undefined;
  return { id, date: BBC_FIXED_DATE, title, text, source: 'BBC' };
}

function sortedFiles(dir: string, ext: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(ext))
    .sort();
}

function loadReuters(corporaDir: string): CorpusArticle[] {
  const dir = join(corporaDir, 'reuters21578');
  return sortedFiles(dir, '.sgm').flatMap((f) => parseReutersSgml(readFileSync(join(dir, f), 'latin1')));
}

function loadWire(corporaDir: string): CorpusArticle[] {
  const dir = join(corporaDir, 'te3-silver-wire');
  const out: CorpusArticle[] = [];
  for (const f of sortedFiles(dir, '.tml')) {
    const art = parseWireTml(readFileSync(join(dir, f), 'utf8'), f);
    if (art) out.push(art);
  }
  return out;
}

function loadBbc(corporaDir: string): CorpusArticle[] {
  const dir = join(corporaDir, 'bbc-news');
  const out: CorpusArticle[] = [];
  for (const cat of readdirSync(dir).sort()) {
    const sub = join(dir, cat);
    if (!existsSync(sub) || cat.includes('.')) continue;
    for (const f of sortedFiles(sub, '.txt')) {
      const art = parseBbcText(readFileSync(join(sub, f), 'latin1'), `bbc-${cat}-${f.replace(/\.txt$/, '')}`);
      if (art) out.push(art);
    }
  }
  return out;
}

/** Loads a corpus into memory (no caching). Throws when ../shared/corpora is absent. */
export function loadCorpus(name: CorpusName, opts: CorpusOptions = {}): CorpusArticle[] {
  const dir = opts.corporaDir ?? DEFAULT_CORPORA_DIR;
  if (!existsSync(dir)) throw new Error(`corpora not found at ${dir} (../shared/corpora is absent)`);
  switch (name) {
    case 'reuters':
      return loadReuters(dir);
    case 'wire':
      return loadWire(dir);
    case 'bbc':
      return loadBbc(dir);
    case 'all':
      return [...loadReuters(dir), ...loadWire(dir)];
  }
}

/** True when the raw corpora are present. */
export function corporaPresent(opts: CorpusOptions = {}): boolean {
  return existsSync(opts.corporaDir ?? DEFAULT_CORPORA_DIR);
}

/**
 * Returns the path of the cached JSONL file for a corpus, building it once (or again with `rebuild`).
 * Throws a clear error when ../shared/corpora is absent.
 */
export function corpusJsonl(name: CorpusName, opts: CorpusOptions = {}): string {
  const outDir = opts.outDir ?? DEFAULT_OUT_DIR;
  const path = join(outDir, `${name}.jsonl`);
  if (!opts.rebuild && existsSync(path)) return path;
  const articles = loadCorpus(name, opts);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return path;
}

/** Reads a cached corpus JSONL file back into articles. */
export function readCorpusJsonl(path: string): CorpusArticle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as CorpusArticle);
}

async function cli(argv: string[]): Promise<number> {
  const rebuild = argv.includes('--rebuild');
  const names = argv.filter((a) => !a.startsWith('--')) as CorpusName[];
  const wanted: CorpusName[] = names.length ? names : ['reuters', 'wire', 'bbc', 'all'];
  if (!corporaPresent()) {
    process.stderr.write(`bench/corpora: ${DEFAULT_CORPORA_DIR} is absent; nothing to build\n`);
    return 1;
  }
  for (const name of wanted) {
    if (!['reuters', 'wire', 'bbc', 'all'].includes(name)) {
      process.stderr.write(`bench/corpora: unknown corpus '${name}' (reuters|wire|bbc|all)\n`);
      return 2;
    }
    const t0 = performance.now();
    const path = corpusJsonl(name, { rebuild });
    const arts = readCorpusJsonl(path);
    let words = 0;
    for (const a of arts) words += a.text.split(/\s+/).filter(Boolean).length;
    const ms = (performance.now() - t0).toFixed(0);
    process.stdout.write(`${name}: ${arts.length} articles, ${words} words -> ${path} (${ms} ms)\n`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then((code) => process.exit(code));
}
