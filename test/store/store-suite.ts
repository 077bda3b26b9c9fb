/**
 * The storage test suite, run against every backend: give `storeSuite` a name and a factory for an
 * empty store. It checks results (what comes back), not just that queries run.
 */
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { createDoc } from '../../src/pipeline.js';
import { contentHash } from '../../src/store/content-hash.js';
import type { ArticleStore, CanonicalEvent, WriteItem } from '../../src/store/store.js';
import { makeDoc, original, others, ownWords, syndicated, type DocSpec } from './docs.js';

const V = { pipelineVersion: 'test-1' };
const ok = (spec: DocSpec): WriteItem => ({ ok: true, doc: makeDoc(spec) });

/** What identifies a canonical event's content, for comparing runs. */
const shape = (e: CanonicalEvent) =>
  [
    e.id,
    e.date,
    e.dateTo,
    e.source.code,
    e.target?.code,
    e.code,
    e.numArticles,
    e.numSources,
    e.numMentions,
  ].join(' ');

export function storeSuite(name: string, open: () => Promise<ArticleStore>): void {
  describe(`store suite: ${name}`, () => {
    let store: ArticleStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('canonical events', () => {
      it('a syndicated copy merges into one event counted as one source', async () => {
        expect(await store.write([ok(original()), ok(syndicated())], V)).toEqual(['inserted', 'inserted']);
        const events = await store.queryEvents({ code: '042' });
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          numArticles: 2,
          numSources: 1,
          numMentions: 2,
          date: '2023-03-20',
        });
      });

      it('two outlets in their own words count as two sources', async () => {
        await store.write([ok(original()), ok(ownWords())], V);
        const [e] = await store.queryEvents({ code: '042', to: '2023-05-01' });
        expect(e).toMatchObject({ numArticles: 2, numSources: 2, date: '2023-03-20', dateTo: '2023-03-22' });
        expect(e.article).toBe('alpha-1');
        expect(e.sentence).toMatch(/^Chinese President Xi Jinping arrived in Moscow/);
      });

      it('copy plus own story: three articles, two sources, with every evidence span', async () => {
        await store.write([ok(syndicated()), ok(ownWords()), ok(original())], V);
        const [e] = await store.queryEvents({ code: '042', to: '2023-05-01' }, { withEvidence: true });
        expect(e).toMatchObject({ numArticles: 3, numSources: 2 });
        expect(e.evidence!.map((x) => x.article)).toEqual(['alpha-1', 'beta-7', 'gamma-3']);
        for (const x of e.evidence!) expect(x.trigger.text).toBe('visit');
        expect(e.evidence![2].sentence.text).toMatch(/^Russian leader Vladimir Putin hosted/);
      });

      it('a later visit is another event', async () => {
        await store.write([ok(original()), ...others().map(ok)], V);
        const visits = await store.queryEvents({ code: '042' });
        expect(visits.map((e) => e.date)).toEqual(['2023-03-20', '2023-06-14']);
      });

      it('any ingest order gives the same canonical events', async () => {
        const specs = [original(), syndicated(), ownWords(), ...others()];
        await store.write(specs.map(ok), V);
        const forward = (await store.queryEvents({})).map(shape);
        const other = await open();
        try {
          for (const spec of [...specs].reverse()) await other.write([ok(spec)], V);
          expect((await other.queryEvents({})).map(shape)).toEqual(forward);
        } finally {
          await other.close();
        }
        expect(forward.length).toBe(5);
      });

      it('an event whose interval bridges two others merges all three', async () => {
        const texts: Record<string, string> = {
          a: 'Xi Jinping began a visit that took him first to Vladimir Putin in the capital.',
          b: 'Late in the visit, Vladimir Putin and Xi Jinping toured a factory east of the Urals together.',
          c: 'Midway through his visit, Xi Jinping sat down with Vladimir Putin for a long dinner.',
        };
        const at = (id: string, date: string, dateTo: string): DocSpec => ({
          ...ownWords(),
          id,
          source: `${id}.example`,
          text: texts[id],
          events: [{ trigger: 'visit', code: '042', source: 'xi', target: 'putin', date, dateTo }],
        });
        await store.write(
          [ok(at('a', '2023-03-01', '2023-03-02')), ok(at('b', '2023-03-04', '2023-03-05'))],
          V,
        );
        expect(await store.queryEvents({ code: '042' })).toHaveLength(2);
        await store.write([ok(at('c', '2023-03-02', '2023-03-04'))], V);
        const merged = await store.queryEvents({ code: '042' });
        expect(merged).toHaveLength(1);
        expect(merged[0]).toMatchObject({
          date: '2023-03-01',
          dateTo: '2023-03-05',
          numArticles: 3,
          numSources: 3,
        });
      });
      it('undated events (no event date, no article date) are never merged', async () => {
        const undated = (id: string, text: string): DocSpec => ({
          ...ownWords(),
          id,
          date: null,
          source: `${id}.example`,
          text,
          events: [{ trigger: 'visit', code: '042', source: 'xi', target: 'putin', date: null }],
        });
        await store.write(
          [
            ok(undated('u1', 'Xi Jinping was on a visit to meet Vladimir Putin, an envoy said.')),
            ok(undated('u2', 'A visit by Xi Jinping to Vladimir Putin was confirmed without a date.')),
          ],
          V,
        );
        const events = await store.queryEvents({ code: '042' });
        expect(events.map((e) => [e.date, e.numArticles, e.article])).toEqual([
          [null, 1, 'u1'],
          [null, 1, 'u2'],
        ]);
      });
    });

    describe('writes', () => {
      it('re-ingesting the same ids or the same content changes nothing', async () => {
        await store.write([ok(original()), ...others().map(ok)], V);
        const before = await store.stats();
        const events = await store.queryEvents({});
        expect(await store.write([ok(original()), ...others().map(ok)], V)).toEqual([
          'unchanged',
          'unchanged',
          'unchanged',
        ]);
        const copy = { ...original(), id: 'same-text-new-id' };
        expect(await store.write([ok(copy)], V)).toEqual(['duplicate']);
        expect(await store.stats()).toEqual(before);
        expect(await store.queryEvents({})).toEqual(events);
      });

      it('finds stored articles by id or by content, before coding them', async () => {
        await store.write([ok(original())], V);
        const doc = makeDoc(original());
        expect(
          await store.findStored([
            { id: 'alpha-1', hash: 'x' },
            { id: 'other', hash: contentHash(`  ${doc.raw}\n`) },
            { id: 'other', hash: contentHash('something else') },
          ]),
        ).toEqual(['id', 'content', null]);
      });

      it('replace re-codes an article and regroups its events', async () => {
        await store.write([ok(original()), ok(ownWords())], V);
        const recoded = { ...original(), events: [] };
        expect(await store.write([ok(recoded)], { pipelineVersion: 'test-2', replace: true })).toEqual([
          'replaced',
        ]);
        const [e] = await store.queryEvents({ code: '042' });
        expect(e).toMatchObject({ numArticles: 1, article: 'gamma-3', date: '2023-03-21' });
        expect((await store.getArticle('alpha-1'))!.pipelineVersion).toBe('test-2');
        expect(await store.listStale('test-2')).toEqual(['gamma-3']);
      });

      it('stores failures with their input, keeps them out of the way of good articles', async () => {
        const failure = {
          id: 'failed-x',
          code: 'bad-json' as const,
          reason: 'not JSON',
          file: 'in.jsonl',
          line: 3,
          input: '{oops',
        };
        expect(await store.write([{ ok: false, failure }, ok(original())], V)).toEqual([
          'failed',
          'inserted',
        ]);
        const failed = await store.listFailed();
        expect(failed).toHaveLength(1);
        expect(failed[0]).toMatchObject({ ...failure, attempts: 1 });
        // Failing again on re-ingest: reported as failed, the stored failure left as it was.
        expect(await store.write([{ ok: false, failure }], V)).toEqual(['failed']);
        expect((await store.listFailed())[0].attempts).toBe(1);
        expect(await store.write([{ ok: false, failure }], { ...V, replace: true })).toEqual(['failed']);
        expect((await store.listFailed())[0].attempts).toBe(2);
        // A failure never overwrites a good article.
        expect(
          await store.write([{ ok: false, failure: { ...failure, id: 'alpha-1' } }], { ...V, replace: true }),
        ).toEqual(['unchanged']);
        const supersede: WriteItem = { ok: true, doc: makeDoc(ownWords()), supersedes: 'failed-x' };
        expect(await store.write([supersede], { ...V, replace: true })).toEqual(['replaced']);
        expect(await store.listFailed()).toEqual([]);
        expect((await store.stats()).articles).toBe(2);
      });

      it('round-trips an article with its layers', async () => {
        const doc = makeDoc(original());
        await store.write([{ ok: true, doc }], V);
        const a = (await store.getArticle('alpha-1'))!;
        expect(a).toMatchObject({
          id: 'alpha-1',
          date: '2023-03-20',
          title: doc.title,
          source: doc.source,
          status: 'ok',
        });
        expect(a.text).toBe(doc.text);
        expect(a.doc.actors).toEqual(doc.actors);
        expect(a.doc.mentions).toEqual(doc.mentions);
        expect(a.doc.quotes).toEqual(doc.quotes);
        expect(a.doc.events).toEqual(doc.events);
        expect(a.doc.times).toEqual([]);
        expect(a.canonical).toHaveLength(1);
        expect(a.canonical[0]).toBe((await store.queryEvents({}))[0].id);
        expect(await store.getArticle('nope')).toBeNull();
      });

      it('keeps a layer that did not run absent', async () => {
        const doc = createDoc({ id: 'bare', date: '2023-01-01', text: 'Nothing but text here.' });
        await store.write([{ ok: true, doc }], V);
        const a = (await store.getArticle('bare'))!;
        expect(a.doc.events).toBeUndefined();
        expect(a.doc.quotes).toBeUndefined();
        expect(a.events).toBe(0);
      });
    });

    describe('queries', () => {
      beforeEach(async () => {
        await store.write([original(), syndicated(), ownWords(), ...others()].map(ok), V);
      });

      it('events by date range', async () => {
        expect(
          (await store.queryEvents({ from: '2023-04-01', to: '2023-04-30' })).map((e) => e.code),
        ).toEqual(['190', '111']);
        // Intervals that meet the range count: the visit runs 20-22 March.
        expect(
          (await store.queryEvents({ from: '2023-03-22', to: '2023-03-22' })).map((e) => e.code),
        ).toEqual(['042']);
        expect(await store.queryEvents({ from: '2024-01-01' })).toEqual([]);
      });

      it('events by source and target: country, code, code prefix, name, word of a name', async () => {
        const codes = async (f: Parameters<ArticleStore['queryEvents']>[0]) =>
          (await store.queryEvents(f)).map((e) => `${e.code}:${e.date}`);
        expect(await codes({ source: 'CHN', target: 'RUS' })).toEqual(['042:2023-03-20', '042:2023-06-14']);
        expect(await codes({ source: 'chn', target: 'RUSGOV' })).toEqual([
          '042:2023-03-20',
          '042:2023-06-14',
        ]);
        expect(await codes({ source: 'RUS' })).toEqual([
          '190:2023-04-01',
          '111:2023-04-02',
          '036:2023-10-01',
        ]);
        expect(await codes({ source: 'RUSMIL' })).toEqual(['190:2023-04-01']);
        expect(await codes({ source: 'Vladimir Putin' })).toEqual(['036:2023-10-01']);
        expect(await codes({ source: 'Putin', target: 'Xi' })).toEqual(['036:2023-10-01']);
        expect(await codes({ target: 'beijing' })).toEqual(['111:2023-04-02']);
        expect(await codes({ source: 'Jin' })).toEqual([]);
      });

      it('events by CAMEO code prefix, quad class, modality and keyword', async () => {
        expect((await store.queryEvents({ code: '04' })).map((e) => e.code)).toEqual(['042', '042']);
        expect((await store.queryEvents({ code: '0' })).map((e) => e.code)).toEqual(['042', '042', '036']);
        expect((await store.queryEvents({ code: '1' })).map((e) => e.code)).toEqual(['190', '111']);
        expect((await store.queryEvents({ quad: 3 })).map((e) => e.code)).toEqual(['111']);
        expect((await store.queryEvents({ quad: 4 })).map((e) => e.code)).toEqual(['190']);
        expect((await store.queryEvents({ modality: 'planned' })).map((e) => e.code)).toEqual(['036']);
        expect((await store.queryEvents({ keyword: 'Kremlin' })).map((e) => e.date)).toEqual(['2023-03-20']);
        expect((await store.queryEvents({ keyword: 'smugglers Amur' })).map((e) => e.code)).toEqual(['190']);
        expect(await store.queryEvents({ keyword: 'submarine' })).toEqual([]);
      });

      it('events sorted by date, with limit and offset', async () => {
        const all = await store.queryEvents({});
        const dates = all.map((e) => e.date!);
        expect(dates).toEqual([...dates].sort());
        expect(await store.queryEvents({ limit: 2, offset: 1 })).toEqual(all.slice(1, 3));
        const exported: CanonicalEvent[] = [];
        for await (const e of store.exportEvents({})) exported.push(e);
        expect(exported).toEqual(all);
      });

      it('quotes by speaker name, word of a name, code, and text', async () => {
        const q = await store.queryQuotes({ speaker: 'Putin' });
        expect(q.map((x) => x.article)).toEqual(['alpha-1', 'beta-7']);
        expect(q[0]).toMatchObject({
          text: 'our partnership has never been stronger',
          speaker: { code: 'RUSGOV' },
        });
        expect((await store.queryQuotes({ speaker: 'RUSGOV' })).length).toBe(2);
        expect((await store.queryQuotes({ speaker: 'RUS' })).length).toBe(2);
        expect((await store.queryQuotes({ speaker: 'Xi' })).length).toBe(0);
        expect((await store.queryQuotes({ text: 'partnership stronger' })).length).toBe(2);
        expect((await store.queryQuotes({ text: 'smugglers' })).map((x) => x.speaker)).toEqual([null]);
        expect((await store.queryQuotes({ text: 'partnership', from: '2023-03-21' })).length).toBe(0);
      });

      it('articles by full-text search, date range, actor and status', async () => {
        const ids = async (f: Parameters<ArticleStore['queryArticles']>[0]) =>
          (await store.queryArticles(f)).map((a) => a.id);
        expect(await ids({ search: 'Kremlin' })).toEqual(['alpha-1', 'beta-7', 'gamma-3']);
        expect(await ids({ search: 'pipelines grain' })).toEqual(['gamma-3']);
        expect(await ids({ search: 'Moscow', from: '2023-03-21' })).toEqual([]);
        expect(await ids({ from: '2023-04-01', to: '2023-06-30' })).toEqual(['epsilon-9', 'delta-1']);
        expect(await ids({ actor: 'RUSMIL' })).toEqual(['epsilon-9']);
        expect(await ids({ actor: 'Putin', from: '2023-03-21' })).toEqual(['gamma-3', 'delta-1']);
        expect(await ids({ status: 'failed' })).toEqual([]);
        const [alpha] = await store.queryArticles({ search: 'Analysts' });
        expect(alpha).toMatchObject({ id: 'alpha-1', actors: 2, quotes: 1, events: 1, status: 'ok' });
      });

      it('dyad by month, both directions', async () => {
        const rows = await store.dyad('CHN', 'RUS', 'month');
        const view = rows.map((r) => [
          r.period,
          r.source,
          r.target,
          r.events,
          r.quad.join(''),
          r.goldsteinSum,
          r.articles,
        ]);
        expect(view).toEqual([
          ['2023-03', 'CHN', 'RUS', 1, '1000', 1, 3],
          ['2023-04', 'RUS', 'CHN', 1, '0010', -2, 1],
          ['2023-06', 'CHN', 'RUS', 1, '1000', 1, 1],
          ['2023-10', 'RUS', 'CHN', 1, '1000', 4, 1],
        ]);
      });

      it('dyad by week and day, by name and within a range', async () => {
        const weeks = await store.dyad('Xi', 'Putin', 'week');
        expect(weeks.map((r) => `${r.period} ${r.source}>${r.target}`)).toEqual([
          '2023-W12 Xi>Putin',
          '2023-W24 Xi>Putin',
          '2023-W39 Putin>Xi',
        ]);
        const days = await store.dyad('RUS', 'CHN', 'day', { from: '2023-04-01', to: '2023-04-30' });
        expect(days).toEqual([
          {
            period: '2023-04-02',
            source: 'RUS',
            target: 'CHN',
            events: 1,
            quad: [0, 0, 1, 0],
            goldsteinSum: -2,
            goldsteinMean: -2,
            articles: 1,
          },
        ]);
      });
    });
  });
}
