import { describe, expect, it } from 'vitest';
import { evaluateTimeml } from '../../eval/time-run.js';
import { emptyScore, readTimeml, report, scoreDoc } from '../../eval/time-timeml.js';
import { SHARED, describeShared } from '../helpers/shared.js';

describe('TimeML reading and TempEval-3 scoring', () => {
  it('strips tags, keeps gold offsets into the stripped text, and reads the DCT', () => {
    const tml = `<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2001-05-04" functionInDocument="CREATION_TIME">May 4</TIMEX3></DCT>
<TEXT>Talks <EVENT eid="e1">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2001-05-03">yesterday</TIMEX3> &amp; resume <TIMEX3 tid="t2" type="DATE" value="2001-05-07">Monday</TIMEX3>.</TEXT></TimeML>`;
    const doc = readTimeml('x', tml);
    expect(doc.dct).toBe('2001-05-04');
    expect(doc.text).toBe('Talks ended yesterday & resume Monday.');
    expect(doc.gold.map((g) => doc.text.slice(g.start, g.end))).toEqual(['yesterday', 'Monday']);
  });

  it('reads a DCT that follows a dateline, as TempEval-3 wire files have it', () => {
    const tml = `<DCT>BEIJING, <TIMEX3 tid="t0" type="TIME" value="2005-11-22" functionInDocument="CREATION_TIME">Nov. 22</TIMEX3> (Xinhua)</DCT><TEXT>x</TEXT>`;
    expect(readTimeml('x', tml).dct).toBe('2005-11-22');
  });

  it('scores strict, relaxed, type and value as TempEval-3 does', () => {
    const gold = [
      { start: 0, end: 9, text: 'last year', type: 'DATE', value: '2000' },
      { start: 20, end: 26, text: 'Monday', type: 'DATE', value: '2001-05-07' },
    ];
    const score = emptyScore();
    scoreDoc(
      gold,
      [
        { start: 5, end: 9, text: 'year', type: 'DATE', value: '2000' }, // relaxed only, right value
        { start: 20, end: 26, text: 'Monday', type: 'DATE', value: '2001-04-30' }, // strict, wrong value
        { start: 30, end: 34, text: 'now', type: 'DATE', value: 'PRESENT_REF' }, // spurious
      ],
      score,
      [],
    );
    const r = report(1, score);
    expect(r.strict).toMatchObject({ p: 1 / 3, r: 1 / 2 });
    expect(r.relaxed).toMatchObject({ p: 2 / 3, r: 1 });
    expect(r.value).toMatchObject({ p: 1 / 3, r: 1 / 2 });
    expect(r.typeAccuracy).toBe(1);
  });
});

describeShared('gold/timebank/TimeBank', 'times on TimeBank (first 60 documents)', () => {
  it('keeps relaxed span F1 >= 0.85 and value F1 >= 0.70', () => {
    const { report: r } = evaluateTimeml(SHARED + 'gold/timebank/TimeBank', { limit: 60 });
    expect(r.score.gold).toBeGreaterThan(200);
    expect(r.relaxed.f).toBeGreaterThanOrEqual(0.85);
    expect(r.value.f).toBeGreaterThanOrEqual(0.7);
    expect(r.typeAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
