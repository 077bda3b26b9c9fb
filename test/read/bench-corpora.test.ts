/** bench/corpora.ts: the corpus converters on small inputs written here, and on ../shared/corpora when present. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  corpusJsonl,
  parseBbcText,
  parseReutersSgml,
  parseWireTml,
  readCorpusJsonl,
  reutersDate,
  unescapeEntities,
} from '../../bench/corpora.js';
import { readJsonlArticle } from '../../src/read/jsonl-article.js';
import { describeShared } from '../helpers/shared.js';

const SGML = `<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="41">
<DATE> 5-MAR-1987 09:12:44.10</DATE>
<TEXT>&#2;
<TITLE>ACME &lt;ACM> TO BUY WIDGETCO</TITLE>
<DATELINE>    CHICAGO, March 5 - </DATELINE><BODY>Acme Corp said it agreed to buy
Widgetco for 12 dlrs a share &amp; stock.
    The deal is worth 40 mln dlrs.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="42">
<DATE>5-MAR-1987 09:13:00.00</DATE>
<TEXT TYPE="BRIEF">&#2;
<TITLE>NO BODY HERE</TITLE>
&#3;</TEXT>
</REUTERS>`;

describe('bench corpora converters', () => {
  it('unescapes entities and drops control characters', () => {
    expect(unescapeEntities('a &lt;b&gt; &amp; &#3;c&#127; &#233; &#x41; &nbsp;')).toBe(
      'a <b> & c é A &nbsp;',
    );
  });

  it('converts Reuters dates', () => {
    expect(reutersDate('26-FEB-1987 15:01:01.79')).toBe('1987-02-26');
    expect(reutersDate(' 5-MAR-1987 09:12:44.10')).toBe('1987-03-05');
    expect(reutersDate('yesterday')).toBeUndefined();
  });

  it('parses Reuters SGML: dateline + body, no sign-off, stories without a body left out', () => {
    expect(parseReutersSgml(SGML)).toEqual([
      {
        id: 'reuters-41',
        date: '1987-03-05',
        title: 'ACME <ACM> TO BUY WIDGETCO',
        source: 'Reuters',
        text: 'CHICAGO, March 5 - Acme Corp said it agreed to buy\nWidgetco for 12 dlrs a share & stock.\n    The deal is worth 40 mln dlrs.',
      },
    ]);
  });

  it('parses TimeML wire stories: tags stripped, creation time as date', () => {
    const tml = `<?xml version="1.0" ?><TimeML><DOCID>XIN_ENG_20050101.0001</DOCID>
<DCT>BEIJING, <TIMEX3 tid="t0" type="DATE" value="2005-01-01" functionInDocument="CREATION_TIME">Jan. 1</TIMEX3></DCT>
<TITLE>Leaders exchange greetings</TITLE>
<TEXT>
The two leaders <EVENT eid="e1">exchanged</EVENT> greetings on <TIMEX3 tid="t1" value="2005-01-01">Saturday</TIMEX3> &amp; more.
</TEXT></TimeML>`;
    expect(parseWireTml(tml, 'XIN_ENG_20050101.0001.tml')).toEqual({
      id: 'wire-XIN_ENG_20050101.0001',
      date: '2005-01-01',
      title: 'Leaders exchange greetings',
      source: 'Xinhua',
      text: 'The two leaders exchanged greetings on Saturday & more.',
    });
    expect(parseWireTml('<TimeML><TEXT>No date.</TEXT></TimeML>', 'x.tml')).toBeUndefined();
  });

  it('parses BBC articles with the fixed date', () => {
    expect(parseBbcText('Title line\n\nBody one.\n', 'bbc-politics-001')).toEqual({
      id: 'bbc-politics-001',
      date: '2005-01-01',
      title: 'Title line',
      text: 'Body one.',
      source: 'BBC',
    });
  });
});

describeShared('corpora', 'bench corpora from ../shared/corpora', () => {
  it('builds the wire and Reuters JSONL, every record readable by the JSONL reader', () => {
    for (const [name, min] of [
      ['wire', 2400],
      ['reuters', 19000],
    ] as const) {
      const path = corpusJsonl(name, { outDir: mkdtempSync(join(tmpdir(), 'annals-corpora-')) });
      const arts = readCorpusJsonl(path);
      expect(arts.length).toBeGreaterThanOrEqual(min);
      const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
      lines.forEach((l, i) => expect(readJsonlArticle(l, path, i + 1).text.length).toBeGreaterThan(0));
      expect(arts.some((a) => /\bREUTER\s*$/.test(a.text))).toBe(false);
      expect(arts.some((a) => /<[A-Z]+[ >]/.test(a.text) && name === 'wire')).toBe(false);
    }
  });
});
