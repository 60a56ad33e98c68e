// End-to-end tests of `tifa serve` in headless Chromium: the system's
// /usr/bin/chromium (CHROMIUM overrides) driven by playwright-core, against a
// server started by tests/e2e/run.sh on a corpus of examples/ (ids 1-5) and
// tests/readouts/. Usage: node run.mjs BASE_URL ROOT SCREENSHOT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [base, root, shots] = process.argv.slice(2);
if (!base || !root || !shots) {
  console.error('usage: node run.mjs BASE_URL ROOT SCREENSHOT_DIR');
  process.exit(2);
}
fs.mkdirSync(shots, { recursive: true });

let pass = 0, fail = 0;
const pageErrors = [];
const dialogs = [];

function assert(cond, msg) { if (!cond) throw new Error(msg); }

async function step(name, fn) {
  try {
    await fn();
    pass++;
    console.log(`ok - ${name}`);
  } catch (err) {
    fail++;
    console.log(`not ok - ${name}: ${String(err.message || err).split('\n')[0]}`);
    await page.screenshot({ path: path.join(shots, `failed-${fail}.png`) }).catch(() => {});
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // Containers and CI run as root, where Chromium's sandbox cannot start.
  // rebind.test resolves to this machine, as a DNS-rebinding attacker's
  // name would after its first answer.
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=zh-CN',
    '--host-resolver-rules=MAP rebind.test 127.0.0.1'],
});
// English labels (the browser's language says zh-CN: the language test
// checks that default in a context of its own).
const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true,
  locale: 'en-US', permissions: ['clipboard-read', 'clipboard-write'] });
const page = await context.newPage();
page.setDefaultTimeout(20000);
page.on('pageerror', (err) => pageErrors.push(String(err)));
page.on('console', (msg) => {
  if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text())) pageErrors.push(msg.text());
});
page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
const shot = (name) => page.screenshot({ path: path.join(shots, name), fullPage: false });

// ------------------------------------------------------------------ search
await step('search: query box, results with highlighted snippets, dates, meetings', async () => {
  await page.goto(base + '/');
  await page.fill('input[name=q]', '两个确立');
  await page.press('input[name=q]', 'Enter');
  await page.waitForSelector('ol.hits li');
  const hits = await page.$$('ol.hits li');
  assert(hits.length >= 5, `5 hits expected (4 examples, 1 readout), got ${hits.length}`);
  const marks = await page.$$eval('ol.hits mark', (ms) => ms.map((m) => m.textContent));
  assert(marks.length >= 5 && marks.every((m) => m === '两个确立'), `marks: ${marks}`);
  const dates = await page.$$eval('ol.hits .date', (ds) => ds.map((d) => d.textContent));
  assert(dates.includes('2026-01-07') && dates.includes('2025-01-05'), `dates: ${dates}`);
  const text = await page.textContent('ol.hits');
  assert(text.includes('国防科技工业工作会议'), 'meeting names shown');
  assert(new URL(page.url()).searchParams.get('q') === '两个确立', 'the query is in the address');
  await shot('search.png');
});

await step('search: date filter and paging', async () => {
  await page.goto(base + '/?q=' + encodeURIComponent('会议'));
  await page.waitForSelector('ol.hits li');
  const total = await page.textContent('#total');
  assert(/(\d+) matching documents/.test(total) && +total.match(/(\d+)/)[1] > 20, `total: ${total}`);
  assert((await page.$$('ol.hits li')).length === 20, 'first page: 20');
  await page.click('text=Next →');
  await page.waitForURL(/offset=20/);
  await page.waitForSelector('ol.hits li');
  assert(await page.$eval('ol.hits', (o) => o.getAttribute('start')) === '21', 'second page starts at 21');
  await page.click('text=← Previous');
  await page.waitForURL((u) => !u.searchParams.has('offset'));
  await page.fill('input[name=from]', '2025');
  await page.fill('input[name=to]', '2025');
  await page.click('form.bar button[type=submit]');
  await page.waitForURL(/from=2025/);
  await page.waitForSelector('ol.hits li');
  const dates = await page.$$eval('ol.hits .date', (ds) => ds.map((d) => d.textContent));
  assert(dates.length > 0 && dates.every((d) => d.startsWith('2025')), `dates: ${dates}`);
});

// ------------------------------------------------------------------ document
await step('document: clean text with the facts beside it', async () => {
  await page.goto(base + '/?q=' + encodeURIComponent('三管三必须'));
  await page.click('ol.hits li a');
  await page.waitForURL(/\/doc\/2$/);
  await page.waitForSelector('#facts dl');
  const facts = await page.textContent('#facts');
  assert(facts.includes('2026年国防科技工业工作会议'), 'meeting name among the facts');
  assert(facts.includes('三管三必须') || facts.includes('十五五'), 'formulations among the facts');
  assert((await page.textContent('#doc-text')).includes('会议'), 'the text');
});

await step('document: clicking a fact highlights its evidence span', async () => {
  await page.goto(base + '/doc/1');
  const btn = await page.waitForSelector('button.fact[data-span="meeting.name"]');
  const label = await btn.textContent();
  await btn.click();
  const mark = await page.waitForSelector('mark#evidence');
  assert((await mark.textContent()) === label, `evidence "${await mark.textContent()}" for "${label}"`);
  assert(await btn.evaluate((b) => b.classList.contains('on')), 'the fact is marked as selected');
  // The span is where the record says, in characters.
  const rec = await (await page.request.get(base + '/api/doc/1')).json();
  const a = rec.record.articles[0];
  const [s, e] = a.spans['meeting.name'];
  const before = await page.$eval('#article-0', (d) => Array.from(d.firstChild.textContent).length);
  assert(before === s && Array.from(a.text).slice(s, e).join('') === label, `span ${s}-${e}, text before ${before}`);
  const date = await page.$('button.fact[data-span="meeting.date"]');
  await date.click();
  const m2 = await page.textContent('mark#evidence');
  assert(m2 === Array.from(a.text).slice(...a.spans['meeting.date']).join(''), `date evidence ${m2}`);
  assert((await page.$$('mark#evidence')).length === 1, 'one highlight at a time');
  await shot('document.png');
});

await step('document: raw original toggle and record download', async () => {
  await page.goto(base + '/doc/1');
  await page.click('#toggle-raw');
  const raw = await page.waitForSelector('pre#raw-text');
  const original = fs.readFileSync(path.join(root, 'examples/000_31aeb457b1c6f6a0.txt'), 'utf8');
  assert((await raw.textContent()) === original, 'the raw text is the original file');
  assert(await page.$eval('.doc', (d) => d.hidden), 'the clean view is hidden');
  await page.click('#toggle-raw');
  assert(!(await page.$eval('.doc', (d) => d.hidden)), 'and back');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-record')]);
  const file = await dl.path();
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert(dl.suggestedFilename() === 'tifa-1.json' && json.articles.length >= 1, 'record JSON downloaded');
});

// ------------------------------------------------------------ three bugs
// Each was a failing test before its fix (issue 17).
await step('bug: anomalies are listed as what they are, not [object Object]', async () => {
  // tests/readouts/012 (id 17) has two garbled spans in its record.
  const rec = await (await page.request.get(base + '/api/doc/17')).json();
  assert(rec.record.anomalies.length === 2, 'the fixture has two anomalies');
  await page.goto(base + '/doc/17');
  const box = await page.waitForSelector('#anomalies');
  const text = await box.textContent();
  assert(!text.includes('[object Object]'), `anomalies: ${text}`);
  const items = await page.$$eval('#anomalies li', (ls) => ls.map((l) => l.textContent));
  assert(items.length === 2 && items.every((t) => t.includes('garbled') && t.includes(rec.record.anomalies[0].text)),
    `items: ${items}`);
});

await step('bug: "Show the original" replaces the clean text (display:grid must not beat hidden)', async () => {
  await page.goto(base + '/doc/1');
  await page.waitForSelector('#doc-text .text');
  assert(await page.isVisible('#doc-text'), 'the clean text shows first');
  await page.click('#toggle-raw');
  await page.waitForSelector('pre#raw-text');
  assert(await page.isVisible('#raw-text'), 'the original shows');
  assert(!(await page.isVisible('#doc-text')), 'and the clean text is gone, not above it');
  assert(!(await page.isVisible('#facts')), 'with its facts');
  await page.click('#toggle-raw');
  assert(await page.isVisible('#doc-text') && !(await page.isVisible('#raw-text')), 'and back');
});

await step('bug: a page of two articles: page furniture (Play Video) is no heading', async () => {
  const res = await (await page.request.get(base + '/api/search?q=' + encodeURIComponent('全国农业农村工作会议'))).json();
  const hit = res.results.find((h) => (h.url || '').includes('news.example.cn'));
  assert(hit, 'the two-article page is in the corpus');
  await page.goto(base + '/doc/' + hit.id);
  await page.waitForSelector('#doc-text .text');
  const heads = await page.$$eval('#doc-text h2', (hs) => hs.map((h) => h.textContent));
  assert(!heads.some((h) => /Play Video/.test(h)), `headings: ${heads}`);
  assert(heads.includes('全国农业农村工作会议在京召开'), `the second article keeps its own title: ${heads}`);
  assert(!(await page.textContent('#doc-text')).includes('Play Video'), 'nor any of its text');
});

// ------------------------------------------------------------------ compare
await step('compare seeds 000 and 001: new and dropped formulations, changed sentences by character', async () => {
  await page.goto(base + '/compare');
  await page.fill('input[name=a]', '1');
  await page.fill('input[name=b]', '2');
  await page.click('form.bar button[type=submit]');
  await page.waitForSelector('#terms-new');
  const added = await page.textContent('#terms-new');
  assert(added.includes('十五五') && added.includes('三管三必须'), `new: ${added}`);
  const rows = await page.$$('#changed tr');
  assert(rows.length >= 1, 'changed sentences listed');
  const ins = await page.$$('#changed ins'), del = await page.$$('#changed del');
  assert(ins.length > 0 && del.length > 0, 'character-level insertions and deletions');
  const diff = await (await page.request.get(base + '/api/diff?a=1&b=2')).json();
  // Each changed row, stripped of its marks, is the pair from the API.
  const pairs = await page.$$eval('#changed tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert(JSON.stringify(pairs) === JSON.stringify(diff.sentences.changed.map((c) => [c.a, c.b])), 'rows = API pairs');
  // The marks are the API's character operations, not a diff of the page's
  // own: each row's <del> runs are its '-' runs, its <ins> runs its '+' runs.
  const cps = (x) => Array.from(x);
  const runs = (c, op, text) => {
    let at = 0;
    const out = [];
    for (const [o, n] of c.ops) {
      if (o !== '=' && o !== op) continue;
      if (o === op) out.push(cps(text).slice(at, at + n).join(''));
      at += n;
    }
    return out;
  };
  const marks = await page.$$eval('#changed tr', (trs) => trs.map((tr) =>
    [[...tr.cells[0].querySelectorAll('del')].map((m) => m.textContent), [...tr.cells[1].querySelectorAll('ins')].map((m) => m.textContent)]));
  assert(JSON.stringify(marks) === JSON.stringify(diff.sentences.changed.map((c) => [runs(c, '-', c.a), runs(c, '+', c.b)])),
    'changed rows marked by the API\'s ops');
  // The side-by-side marks stand where the API's spans say: as many as the
  // sentences (a sentence written twice is marked once, where it is), each
  // the sentence's text.
  const sideMarks = (col, cls) => page.$$eval(`#side-by-side > div:nth-child(${col}) .${cls}`, (ms) => ms.map((m) => m.textContent));
  assert(JSON.stringify(await sideMarks(2, 's-ins')) === JSON.stringify(diff.sentences.added), 'added sentences marked where they stand');
  assert(JSON.stringify(await sideMarks(1, 's-del')) === JSON.stringify(diff.sentences.removed), 'removed sentences marked where they stand');
  assert(JSON.stringify(await sideMarks(1, 's-chg')) === JSON.stringify(diff.sentences.changed.map((c) => c.a)), 'changed sentences marked in A');
  assert((await page.$$('#side-by-side .s-ins')).length > 0, 'added sentences marked in the side-by-side text');
  await shot('compare.png');
});

// ------------------------------------------------------------------ trend
await step('trend: SVG line chart drawn by the page; a point lists its documents', async () => {
  await page.goto(base + '/trend');
  await page.fill('input[name=terms]', '两个确立 十五五');
  await page.click('form.bar button[type=submit]');
  await page.waitForSelector('svg#chart polyline');
  assert((await page.$$('svg#chart polyline')).length === 2, 'two lines');
  const pts = await page.$$('svg#chart circle[data-term="十五五"]');
  assert(pts.length >= 2, 'points for 十五五');
  const api = await (await page.request.get(base + '/api/trend?term=' + encodeURIComponent('十五五'))).json();
  const row = api.rows.find((r) => r.documents > 0);
  await page.click(`svg#chart circle[data-term="十五五"][data-period="${row.period}"]`);
  await page.waitForSelector('#period-docs ol.hits li');
  const n = (await page.$$('#period-docs ol.hits li')).length;
  assert(n >= 1, 'documents of the period listed');
  const dates = await page.$$eval('#period-docs .date', (ds) => ds.map((d) => d.textContent));
  assert(dates.every((d) => d.startsWith(row.period)), `dates ${dates} in ${row.period}`);
  await shot('trend.png');
});

// ------------------------------------------------------------------ reading room (issue 17)
const api = async (p) => (await page.request.get(base + p)).json();

await step('overview: documents, dated span, meetings by year, newest readouts', async () => {
  await page.goto(base + '/');
  await page.waitForSelector('#newest li');
  const stats = await api('/api/stats');
  assert((await page.textContent('#glance-docs')) === String(stats.documents), 'document count');
  assert((await page.textContent('#glance')).includes(`${stats.first_date} – ${stats.last_date}`), 'dated span');
  assert((await page.$$('#year-chart rect.bar')).length >= 10, 'a bar per year');
  const dates = await page.$$eval('#newest .date', (ds) => ds.map((d) => d.textContent));
  assert(dates[0] === stats.last_date && [...dates].sort().reverse().join() === dates.join(), `newest first: ${dates}`);
  await page.click('#year-chart rect[data-year="2025"]');
  await page.waitForURL(/\/browse\?year=2025/);
  await shot('overview.png');
});

await step('browse: two facets and a sort narrow the list; counts, address and CSV agree', async () => {
  await page.goto(base + '/browse');
  await page.waitForSelector('#facets');
  await page.click('[data-facet="year"] a:has-text("2025")');
  await page.waitForURL(/year=2025/);
  await page.waitForSelector('[data-facet="year"] li.on');
  const typeLink = page.locator('[data-facet="type"] a', { hasText: '工作会议' }).first();
  const count = +(await typeLink.locator('.count').textContent());
  await typeLink.click();
  await page.waitForURL(/type=/);
  await page.waitForSelector('[data-facet="type"] li.on');
  await page.selectOption('#sort', 'oldest');
  await page.waitForURL(/sort=oldest/);
  await page.waitForSelector('#browse-list li');
  const url = new URL(page.url());
  assert(url.searchParams.get('year') === '2025' && url.searchParams.get('type') === '工作会议', `address: ${url.search}`);
  const dates = await page.$$eval('#browse-list .date', (ds) => ds.map((d) => d.textContent));
  assert(dates.length === count && dates.every((d) => d.startsWith('2025')), `${dates.length} of ${count}: ${dates}`);
  assert([...dates].sort().join() === dates.join(), `oldest first: ${dates}`);
  const types = await page.$$eval('#browse-list .chip.type', (cs) => cs.map((c) => c.textContent));
  assert(types.every((x) => x.startsWith('工作会议')), `types: ${types}`);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
  const csv = fs.readFileSync(await dl.path(), 'utf8').trim().split(/\r\n/);
  assert(csv[0].startsWith('id,article,kind,file,outlet') && csv.length - 1 >= count, `CSV rows ${csv.length - 1}`);
  await page.reload();
  await page.waitForSelector('#browse-list li');
  assert((await page.$$('#browse-list li')).length === count, 'the address alone gives the same view');
  await shot('browse.png');
});

await step('document: a citation copied from the cite box, with its permalink', async () => {
  await page.goto(base + '/doc/1');
  await page.waitForSelector('#cite-text');
  await page.waitForFunction(() => document.getElementById('cite-text').value.includes('[tifa #1]'));
  assert((await page.textContent('#doc-outlet')).includes('新华网'), 'outlet');
  assert((await page.getAttribute('#doc-url', 'href')).startsWith('http://www.news.cn/'), 'the URL is a link');
  await page.click('.tabs button[data-format="bibtex"]');
  await page.waitForFunction(() => document.getElementById('cite-text').value.startsWith('@online{tifa1'));
  await page.click('#cite-copy');
  await page.waitForSelector('#cite-status:has-text("Copied")');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const api1 = await (await page.request.get(base + '/api/doc/1/cite?format=bibtex')).text();
  assert(copied === api1 && copied.includes('urldate = {2026-11-20}'), `copied: ${copied.slice(0, 80)}`);
  assert((await page.getAttribute('#permalink', 'href')) === base + '/doc/1', 'permalink');
  await page.locator('#cite').scrollIntoViewIfNeeded();
  await shot('cite.png');
});

await step('copies: listed on the first copy, and a copy links back to it', async () => {
  await page.goto(base + '/doc/1');
  await page.waitForSelector('#copies li');
  const items = await page.$$eval('#copies li', (ls) => ls.map((l) => l.textContent));
  assert(items.length === 2 && items.some((x) => x.includes('人民网') && x.includes('exact')) &&
    items.some((x) => x.includes('中国政府网') && x.includes('near')), `copies: ${items}`);
  await page.click('#copies li:has-text("人民网") a[data-nav]');
  await page.waitForSelector('#first-copy');
  assert((await page.textContent('#doc-outlet')).includes('人民网'), 'the copy shows its own outlet');
  await page.click('#first-copy a');
  await page.waitForURL(/\/doc\/1$/);
  await page.waitForSelector('#copies li');
});

await step('correction: made in the form, struck through, and seen by the list and the trend', async () => {
  // Document 3 (务虚会, 2022-12-29) moved to 2021.
  const before = await api('/api/trend?term=' + encodeURIComponent('务虚会'));
  const row = (res, p) => res.rows.find((r) => r.period === p) || { documents: 0 };
  await page.goto(base + '/doc/3');
  await page.waitForSelector('#correct-form');
  await page.selectOption('#correct-form select[name=field]', 'date');
  await page.fill('#correct-form input[name=value]', '2021-12-29');
  await page.fill('#correct-form input[name=note]', 'e2e: the readout was misdated');
  await page.click('#correct-form button[type=submit]');
  await page.waitForSelector('#correction-list li[data-field="date"]');
  const li = await page.textContent('#correction-list li[data-field="date"]');
  assert(await page.textContent('#correction-list del') === '2022-12-29' && li.includes('2021-12-29') && li.includes('misdated'), li);
  await page.goto(base + '/browse?year=2021&corrected=1');
  await page.waitForSelector('#browse-list li');
  const ids = await page.$$eval('#browse-list li', (ls) => ls.map((l) => l.dataset.id));
  assert(ids.includes('3'), `list of 2021 with corrections: ${ids}`);
  const after = await api('/api/trend?term=' + encodeURIComponent('务虚会'));
  assert(row(after, '2021').documents === row(before, '2021').documents + 1 &&
    row(after, '2022').documents === row(before, '2022').documents - 1, 'the trend counts it in 2021');
  await page.goto(base + '/trend?term=' + encodeURIComponent('务虚会'));
  await page.waitForSelector('#trend-table');
  const cell = await page.textContent('#trend-table tr[data-period="2021"] td');
  assert(+cell === row(after, '2021').documents, `table cell ${cell}`);
});

await step('trend: table, per-100 toggle, CSV and the undated line', async () => {
  await page.goto(base + '/trend?term=' + encodeURIComponent('十五五'));
  await page.waitForSelector('#trend-table tbody tr');
  const res = await api('/api/trend?term=' + encodeURIComponent('十五五'));
  const used = res.rows.find((r) => r.documents > 0);
  assert((await page.textContent(`#trend-table tr[data-period="${used.period}"] td`)) === String(used.documents), 'counts');
  await page.check('#per-100');
  await page.waitForURL(/norm=100/);
  await page.waitForSelector('#per-100:checked');
  const pct = await page.textContent(`#trend-table tr[data-period="${used.period}"] td`);
  assert(pct === used.per_100.toFixed(1) && Math.abs(used.per_100 - 100 * used.documents / used.dated) < 0.05, `per 100: ${pct}`);
  assert(/undated and left out|Every matching document is dated/.test(await page.textContent('#undated')), 'the undated line');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#trend-csv')]);
  const lines = fs.readFileSync(await dl.path(), 'utf8').trim().split(/\r\n/);
  assert(lines[0] === 'period,term,documents,occurrences,dated,undated,per_100' && lines.length - 1 === res.rows.length, 'CSV');
});

await step('compare by picking: the previous year of the series, swap, step', async () => {
  await page.goto(base + '/doc/2');
  await page.click('#compare-with');
  await page.waitForSelector('#same-series li a');
  const first = await page.textContent('#same-series li a');
  assert(first.startsWith('2025-01-05'), `nearest year first: ${first}`);
  await page.click('#same-series li a');
  await page.waitForURL(/\/compare\?a=1&b=2$/);
  await page.waitForSelector('#terms-new');
  assert((await page.textContent('#terms-new')).includes('十五五'), 'the diff of 2025 and 2026');
  await page.click('#compare-steps a:has-text("Swap")');
  await page.waitForURL(/\/compare\?a=2&b=1$/);
  await page.waitForSelector('#terms-new');
  await page.keyboard.press('Tab');
});

await step('series: every readout of one meeting on a timeline, formulations new and gone', async () => {
  await page.goto(base + '/doc/2');
  await page.click('.tools a:has-text("Series")');
  await page.waitForSelector('#timeline li');
  const ids = await page.$$eval('#timeline li', (ls) => ls.map((l) => l.dataset.id));
  assert(ids.join() === '1,2', `series: ${ids}`);
  assert((await page.textContent('#timeline li:nth-child(2) .terms-new')).includes('十五五'), 'new in 2026');
  await shot('series.png');
});

await step('language: Chinese from the browser, switched to English and remembered; lang attributes', async () => {
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => pageErrors.push(String(e)));
  await p.goto(base + '/browse');
  await p.waitForSelector('#facets');
  assert(await p.getAttribute('html', 'lang') === 'zh-Hans' && (await p.textContent('#nav-browse')) === '浏览', 'Chinese first');
  assert((await p.textContent('h1')) === '浏览通稿', 'Chinese heading');
  await p.click('#lang-switch');
  await p.waitForFunction(() => document.documentElement.lang === 'en');
  await p.waitForSelector('h1:has-text("Browse the readouts")');
  assert(await p.$eval('#browse-list li a span', (s) => s.lang) === 'zh-Hans', 'corpus text keeps lang zh-Hans');
  const gloss = await p.$$eval('[data-facet="type"] .gloss', (g) => g.map((x) => x.textContent));
  assert(gloss.some((g) => g.includes('work conference')), `glosses: ${gloss}`);
  await p.reload();
  await p.waitForSelector('h1:has-text("Browse the readouts")');
  assert(await p.textContent('#nav-browse') === 'Browse', 'remembered');
  await p.focus('#lang-switch');
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  await ctx.close();
});

// ------------------------------------------------------------------ add
await step('add: pasted text is stored and the new document opens', async () => {
  const seed = fs.readFileSync(path.join(root, 'examples/004_6a6f8b54394b4c93.txt'), 'utf8');
  await page.goto(base + '/add');
  await page.fill('#add-text', '端到端测试：工信部务虚会\n' + seed + '\n（端到端测试稿）');
  await page.fill('#add-name', 'e2e-pasted.txt');
  await page.click('#add-form button[type=submit]');
  await page.waitForURL(/\/doc\/\d+\?added=/);
  const banner = await page.textContent('#added-banner');
  assert(/Stored/.test(banner), `banner: ${banner}`);
  const stats = await (await page.request.get(base + '/api/stats')).json();
  assert(+page.url().match(/\/doc\/(\d+)/)[1] === stats.documents, 'the newest document is shown');
  assert((await page.textContent('#doc-text')).includes('李乐成'), 'cleaned: simplified, pinyin gone');
  assert((await page.textContent('.tools .meta')).includes('e2e-pasted.txt'), 'with its name');
  await shot('add.png');
});

await step('add: a Big5 file uploaded is decoded and converted', async () => {
  const big5 = fs.readdirSync(path.join(root, 'tests/readouts')).find((f) => /big5/.test(f));
  const bytes = Buffer.concat([Buffer.from('e2e upload\n'), fs.readFileSync(path.join(root, 'tests/readouts', big5))]);
  await page.goto(base + '/add');
  await page.setInputFiles('#add-file', { name: 'upload-big5.txt', mimeType: 'text/plain', buffer: bytes });
  await page.click('#add-form button[type=submit]');
  await page.waitForURL(/\/doc\/\d+\?added=/);
  assert((await page.textContent('.tools .meta')).includes('big5'), 'detected as Big5');
  assert(/国务院|会议/.test(await page.textContent('#doc-text')), 'simplified text shown');
});

// ------------------------------------------------------------ other sites
// A page on another site (evil.test, answered by the test itself) tries
// every write a page can make without the server's consent: a text/plain
// form, a urlencoded form, no-cors fetches, a fetch asking for our content
// type (which needs a preflight the server never grants). None may store.
const evilPage = (target) => `<!doctype html><body>
<iframe name=sink></iframe>
<form id=f1 method=POST enctype="text/plain" target=sink action="${target}/api/add?name=csrf-form.txt">
<input name="会议指出，跨站表单测验" value="不应存入"></form>
<form id=f2 method=POST target=sink action="${target}/api/add?name=csrf-url.txt">
<input name=x value="会议指出，跨站编码表单测验"></form>
<script>
const sent = [];
document.forms.f1.submit();
setTimeout(() => document.forms.f2.submit(), 300);
const body = '会议指出，跨站请求测验要坚持。';
const tries = [
  fetch('${target}/api/add?name=csrf-nocors.txt', {method: 'POST', mode: 'no-cors', body}),
  fetch('${target}/api/add?name=csrf-nocors2.txt', {method: 'POST', mode: 'no-cors', body,
    headers: {'Content-Type': 'application/octet-stream'}}),
  fetch('${target}/api/add?name=csrf-cors.txt', {method: 'POST', body,
    headers: {'Content-Type': 'application/octet-stream'}}),
];
Promise.allSettled(tries).then((r) => { window.fetchesDone = r.map((x) => x.status); });
</script></body>`;

await step('cross-site: forms and fetches from another site store nothing', async () => {
  const before = (await (await page.request.get(base + '/api/stats')).json()).documents;
  const evil = await context.newPage();
  await evil.route('http://evil.test/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: evilPage(base) }));
  await evil.goto('http://evil.test/');
  await evil.waitForFunction(() => window.fetchesDone, null, { timeout: 10000 });
  await evil.waitForTimeout(1000); /* the second form went out after 300 ms */
  const after = (await (await page.request.get(base + '/api/stats')).json()).documents;
  await evil.close();
  assert(after === before, `stored by another site: ${after - before}`);
});

await step('DNS rebinding: a page under another name gets 421, not the corpus', async () => {
  const port = new URL(base).port;
  const rebound = await context.newPage();
  const res = await rebound.goto(`http://rebind.test:${port}/api/stats`);
  const status = res.status(), text = await rebound.textContent('body');
  await rebound.close();
  assert(status === 421 && !text.includes('"documents"'), `status ${status}: ${text.slice(0, 80)}`);
});

// ------------------------------------------------------------------ token
await step('token: the page asks for it, refuses a wrong one, keeps the right one as an HttpOnly cookie', async () => {
  const tbase = process.env.TIFA_TOKEN_BASE, token = process.env.TIFA_TOKEN;
  assert(tbase && token, 'run by tests/e2e/run.sh, which starts a server with --token-file');
  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  p.on('pageerror', (e) => pageErrors.push(String(e)));
  await p.goto(tbase + '/');
  await p.waitForSelector('#login-form');
  assert(!(await p.textContent('main')).includes('documents'), 'no corpus data before the token');
  await p.fill('#login-token', 'not-the-token-at-all');
  await p.click('#login-form button[type=submit]');
  await p.waitForSelector('#login-status .error');
  await p.fill('#login-token', token);
  await Promise.all([p.waitForEvent('load'), p.click('#login-form button[type=submit]')]);
  await p.waitForFunction(() => /documents/.test(document.getElementById('corpus-info').textContent));
  const cookies = await ctx.cookies(tbase);
  const c = cookies.find((k) => k.name === 'tifa_token');
  assert(c && c.httpOnly && c.sameSite === 'Strict', `cookie: ${JSON.stringify(c)}`);
  assert(await p.evaluate(() => !document.cookie.includes('tifa_token')), 'the page script cannot read the token');
  await ctx.close();
});

// ------------------------------------------------------------------ XSS
await step('XSS: a document of <script> tags and quotes shows as text, nothing runs', async () => {
  const evil = '<script>alert("x")</script>\n<img src=x onerror="alert(1)">\n\'"quotes"\' & </textarea><b id=bold>bold</b>\n' +
    '会议强调，<script>document.title="pwned"</script>要坚持“两个确立”。<svg onload=alert(3)>\n';
  const name = '<img src=x onerror=alert(2)>.txt';
  const res = await page.request.post(base + '/api/add?name=' + encodeURIComponent(name),
    { data: Buffer.from(evil), headers: { Origin: base, 'Content-Type': 'application/octet-stream' } });
  assert(res.ok(), `add: ${res.status()}`);
  const { id } = await res.json();
  const before = dialogs.length;
  const injected = () => page.evaluate(() => document.querySelectorAll('main script, main img, main svg:not(#chart), #bold, main iframe').length);

  await page.goto(base + `/doc/${id}`);
  await page.waitForSelector('#doc-text .text');
  const text = await page.textContent('main');
  assert(text.includes('<script>alert("x")</script>') && text.includes('<img src=x onerror="alert(1)">'), 'tags shown as text');
  assert(text.includes('\'"quotes"\''), 'quotes shown as they are');
  assert((await page.textContent('.tools .meta')).includes(name), 'the file name shown as text');
  assert(await injected() === 0, 'no element injected into the document page');
  await page.click('#toggle-raw');
  assert((await page.textContent('#raw-text')).includes('<script>alert("x")</script>'), 'raw view: text too');
  assert(await injected() === 0, 'no element injected by the raw view');

  await page.goto(base + '/?q=pwned');
  await page.waitForSelector('ol.hits li');
  assert((await page.textContent('ol.hits')).includes('document.title="pwned"'), 'snippet shows the tag text');
  assert(await injected() === 0, 'no element injected into search results');

  await page.goto(base + `/compare?a=1&b=${id}`);
  await page.waitForSelector('#side-by-side');
  assert(await injected() === 0, 'no element injected into compare');

  await page.goto(base + `/trend?term=${encodeURIComponent('<script>')}&term=${encodeURIComponent('"quotes"')}`);
  await page.waitForSelector('main p.note >> nth=-1');
  assert(await injected() === 0, 'no element injected into the trend');
  await page.goto(base + `/doc/${id}`);
  await page.waitForSelector('#doc-text .text');
  await page.waitForTimeout(300);
  assert(dialogs.length === before, `dialogs fired: ${dialogs.slice(before)}`);
  assert(await page.title() !== 'pwned', 'title untouched');
  await shot('xss.png');
});

await step('no script errors and no CSP violations on any page', async () => {
  assert(pageErrors.length === 0, pageErrors.join(' | '));
});

await browser.close();
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
