/*
 * tifa serve: the reading room. One small page app over the JSON API:
 * search (/), document (/doc/ID), compare (/compare?a=&b=), trend
 * (/trend?term=), add (/add).
 *
 * Every piece of document text reaches the page through textContent or
 * createTextNode (the el() helper below), never through innerHTML: a
 * document made of <script> tags shows as text.
 */
'use strict';

const main = document.getElementById('main');
let stats = null;

/* ------------------------------------------------------------- language */

/* Every label in English and Chinese. The choice is remembered
 * (localStorage); the first time it follows the browser's language. */
const LABELS = {
  search: ['Search', '检索'], browse: ['Browse', '浏览'], compare: ['Compare', '比较'], trend: ['Trend', '趋势'],
  add: ['Add', '添加'], documents: ['documents', '篇文档'], readonly: ['read-only', '只读'],
  overview: ['The corpus at a glance', '语料概览'], newest: ['Newest readouts', '最新通稿'],
  byYear: ['Meetings by year', '各年会议'], dated: ['dated', '有日期'], undated: ['undated', '无日期'],
  allDocs: ['Browse all documents →', '浏览全部文档 →'], query: ['Query', '检索词'],
  searchTitle: ['Search the readouts', '检索通稿'], browseTitle: ['Browse the readouts', '浏览通稿'],
  sort: ['Sort', '排序'], newestFirst: ['newest first', '最新在前'], oldestFirst: ['oldest first', '最早在前'],
  relevance: ['best match', '相关度'], year: ['Year', '年份'], org: ['Body', '召开机构'], type: ['Meeting type', '会议类型'],
  outlet: ['Outlet', '媒体'], corrected: ['Has corrections', '有更正'], yes: ['yes', '是'],
  csv: ['Download CSV', '下载 CSV'], clear: ['clear', '清除'], matching: ['matching documents', '篇匹配文档'],
  noMatch: ['No document matches.', '没有匹配的文档。'], previous: ['← Previous', '← 上一页'], next: ['Next →', '下一页 →'],
  showOriginal: ['Show the original', '显示原文'], showClean: ['Show the clean text', '显示清洗文本'],
  compareWith: ['Compare with…', '与…比较'], record: ['Record (JSON)', '记录 (JSON)'],
  source: ['Source', '来源'], url: ['URL', '网址'], published: ['Published', '发布日期'], retrieved: ['Retrieved', '获取日期'],
  cite: ['Cite', '引用'], copy: ['Copy', '复制'], copied: ['Copied', '已复制'], permalink: ['Permalink', '永久链接'],
  plain: ['Plain text', '纯文本'], copies: ['Copies', '转载'], firstCopy: ['First copy', '首发'],
  copyOf: ['A copy of', '转载自'], carriedBy: ['Also carried by', '另见于'], near: ['near copy', '近似转载'],
  exact: ['exact copy', '完全转载'], corrections: ['Corrections', '更正'], correct: ['Correct a field', '更正字段'],
  field: ['Field', '字段'], value: ['Value', '新值'], note: ['Note', '说明'], save: ['Save', '保存'],
  undo: ['take back', '撤销'], dateBasis: ['Year inferred from', '年份推断自'], series: ['Series', '系列'],
  seriesOf: ['Readouts of this series', '同一系列的通稿'], sameSeries: ['Same series, other years (nearest first)', '同一系列其他年份（最近在前）'],
  orSearch: ['Or search for another', '或检索其他文档'], swap: ['Swap A and B', '交换 A 与 B'],
  prevYear: ['← Previous year', '← 上一年'], nextYear: ['Next year →', '下一年 →'],
  newTerms: ['new', '新出现'], goneTerms: ['gone', '消失'], formulations: ['formulations', '提法'],
  per100: ['per 100 dated documents', '每百篇有日期文档'], table: ['Table', '表格'], period: ['Period', '时期'],
  leftOut: ['matching documents are undated and left out', '篇匹配文档无日期，未计入'],
  noneLeftOut: ['Every matching document is dated.', '所有匹配文档均有日期。'],
  language: ['中文', 'English'], meeting: ['Meeting', '会议'], date: ['Date', '日期'], until: ['Until', '至'],
  place: ['Place', '地点'], chair: ['Chair', '主持'], speakers: ['Speakers', '讲话'], present: ['Present', '出席'],
  attendees: ['Attendees', '参加'], cues: ['Cues', '提示语'], anomalies: ['Anomalies', '异常'],
};

/* Short English glosses of common meeting types and cue words, for
 * readers who are learning. */
const GLOSS = {
  务虚会: 'strategy retreat', 扩大会议: 'enlarged meeting', 工作会议: 'work conference', 常务会议: 'executive meeting',
  全体会议: 'plenary meeting', 座谈会: 'symposium', 集体学习: 'group study session', 民主生活会: 'democratic life meeting',
  常委会: 'standing committee meeting', 常委会会议: 'standing committee meeting', 全会: 'plenum', 会议: 'meeting',
  专题会议: 'special-topic meeting', 电视电话会议: 'teleconference', 大会: 'congress, rally', 表彰大会: 'commendation rally',
  动员大会: 'mobilisation rally', 党组会议: 'party group meeting', 党委会议: 'party committee meeting',
  办公会议: 'office meeting', 联席会议: 'joint meeting', 推进会: 'progress meeting', 学习会: 'study session',
  会议指出: 'the meeting pointed out', 会议强调: 'the meeting stressed', 会议要求: 'the meeting required',
  会议认为: 'the meeting held', 会议决定: 'the meeting decided', 会议部署: 'the meeting laid out',
  会议听取: 'the meeting heard', 会议审议: 'the meeting deliberated', 会议传达学习: 'the meeting relayed and studied',
};

const LANG_KEY = 'tifa-lang';
let lang = localStorage.getItem(LANG_KEY) || (/^zh/i.test(navigator.language || '') ? 'zh' : 'en');
const t = (key) => (LABELS[key] || [key, key])[lang === 'zh' ? 1 : 0];

/* Corpus text is Chinese whatever the interface language. */
const zh = (tag, props, ...children) => el(tag, Object.assign({lang: 'zh-Hans'}, props || {}), ...children);

/* A meeting type or cue, with its English gloss in English. */
function glossed(word) {
  const g = GLOSS[word];
  return lang === 'en' && g ? [zh('span', {}, word), ' ', el('span', {className: 'gloss', lang: 'en'}, `(${g})`)]
    : zh('span', {title: g || null}, word);
}

function setLanguage(l) {
  lang = l;
  localStorage.setItem(LANG_KEY, l);
  applyLanguage();
  document.getElementById('lang-switch').addEventListener('click', () => setLanguage(lang === 'zh' ? 'en' : 'zh'));
applyLanguage();
loadStats().then(render);
}

function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  for (const [id, key] of [['nav-search', 'search'], ['nav-browse', 'browse'], ['nav-compare', 'compare'],
    ['nav-trend', 'trend'], ['nav-add', 'add']]) {
    const a = document.getElementById(id);
    if (a) a.textContent = t(key);
  }
  const sw = document.getElementById('lang-switch');
  sw.textContent = t('language');
  sw.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-Hans');
}

/* ------------------------------------------------------------- helpers */

/* el('a', {href: '/x', className: 'c', onclick: f}, 'text', child, ...):
 * strings become text nodes; null and false children are skipped. */
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'className') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, children);
  return e;
}

function append(e, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return e;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return append(e, children);
}

function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }

/* A link inside the app: navigates without reloading. */
function link(href, ...children) { return el('a', {href, dataset: {nav: ''}}, ...children); }

async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (res.status === 401 && path !== '/api/login') {
    showLogin();
    const err = new Error('This server asks for its token.');
    err.login = true;
    throw err;
  }
  if (!res.ok) throw new Error((body && body.error) || `${res.status} ${res.statusText}`);
  return body;
}

/* A server started with --token-file answers /api/ with 401 until the
 * token is given once: /api/login keeps it as a cookie that scripts cannot
 * read and other sites never send (HttpOnly, SameSite=Strict). */
let loginShown = false;
function showLogin() {
  if (loginShown) return;
  loginShown = true;
  clear(main);
  const input = el('input', {type: 'password', id: 'login-token', autocomplete: 'current-password', required: true});
  const status = el('div', {id: 'login-status'});
  const form = el('form', {id: 'login-form'},
    el('h1', null, 'Token'),
    el('p', {className: 'note'}, 'This server asks for its token (tifa serve --token-file). ',
      'It is kept as a cookie for this server only.'),
    el('label', {for: 'login-token'}, 'Token '), input, ' ', el('button', {type: 'submit'}, 'Log in'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(status);
    try {
      await api('/api/login', {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({token: input.value})});
      location.reload();
    } catch (err) {
      status.appendChild(errorBox(err));
    }
  });
  main.appendChild(form);
  main.appendChild(status);
}

function errorBox(err) { return el('p', {className: 'error', role: 'alert'}, String(err.message || err)); }

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const x of [].concat(v)) if (x !== undefined && x !== null && x !== '') q.append(k, x);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/* Code points, not UTF-16 units: the records' spans count characters. */
const chars = (s) => Array.from(s || '');

/* A snippet with matches marked « »: <mark> for each match. */
function snippet(s) {
  const p = el('p', {className: 'snippet'});
  const parts = String(s || '').split(/([«»])/);
  let inMark = false;
  for (const part of parts) {
    if (part === '«') { inMark = true; continue; }
    if (part === '»') { inMark = false; continue; }
    if (!part) continue;
    p.appendChild(inMark ? el('mark', {}, part) : document.createTextNode(part));
  }
  return p;
}

/* Text with ranges ([start, end) in characters, class) wrapped in <mark>
 * (or the given tag). Overlapping ranges: the first one wins. */
function marked(text, ranges, tag) {
  const cps = chars(text);
  const sorted = ranges.filter((r) => r[0] < r[1]).sort((a, b) => a[0] - b[0]);
  const out = [];
  let at = 0;
  for (const [s, e, cls, id] of sorted) {
    if (s < at) continue;
    if (s > at) out.push(cps.slice(at, s).join(''));
    out.push(el(tag || 'mark', {className: cls || null, id: id || null}, cps.slice(s, e).join('')));
    at = e;
  }
  if (at < cps.length) out.push(cps.slice(at).join(''));
  return out;
}

/* Character ranges of every occurrence of needle in text: where a term
 * of the record is used in its article (the record lists terms, not their
 * places). */
function occurrences(text, needle) {
  const out = [];
  if (!needle) return out;
  let i = text.indexOf(needle);
  while (i >= 0) {
    const s = chars(text.slice(0, i)).length;
    out.push([s, s + chars(needle).length]);
    i = text.indexOf(needle, i + needle.length);
  }
  return out;
}

/* ------------------------------------------------------------- router */

function navigate(href, replace) {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  render();
}

document.addEventListener('click', (ev) => {
  const a = ev.target.closest && ev.target.closest('a[data-nav]');
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  navigate(a.getAttribute('href'));
});
window.addEventListener('popstate', render);

async function render() {
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  for (const id of ['nav-search', 'nav-browse', 'nav-compare', 'nav-trend', 'nav-add']) {
    const a = document.getElementById(id);
    if (a) a.classList.toggle('current', a.getAttribute('href') === path);
  }
  if (loginShown) return;
  clear(main);
  window.scrollTo(0, 0);
  const m = path.match(/^\/doc\/(\d+)$/);
  try {
    if (path === '/' && params.get('q')) await pageSearch(params);
    else if (path === '/') await pageOverview();
    else if (path === '/browse') await pageBrowse(params);
    else if (path === '/series') await pageSeries(params);
    else if (m) await pageDoc(m[1], params);
    else if (path === '/compare') await pageCompare(params);
    else if (path === '/trend') await pageTrend(params);
    else if (path === '/add') await pageAdd();
    else main.appendChild(errorBox(new Error('No such page.')));
  } catch (err) {
    if (!err.login) main.appendChild(errorBox(err));
  }
}

async function loadStats() {
  try {
    stats = await api('/api/stats');
    const info = document.getElementById('corpus-info');
    const range = stats.first_date ? ` · ${stats.first_date} – ${stats.last_date}` : '';
    info.textContent = `${stats.documents} ${t('documents')}${range}${stats.read_only ? ' · ' + t('readonly') : ''}`;
    if (stats.read_only) document.getElementById('nav-add').hidden = true;
  } catch (err) {
    document.getElementById('corpus-info').textContent = 'corpus unavailable';
  }
}

/* ------------------------------------------------------------- search */

const PAGE = 20;

async function pageSearch(params) {
  document.title = 'tifa — search';
  const v = (k) => params.get(k) || '';
  const field = (name, label, attrs) =>
    el('label', {}, label, el('input', Object.assign({type: 'text', name, value: v(name)}, attrs || {})));
  const form = el('form', {className: 'bar', role: 'search'},
    el('label', {}, 'Query', el('input', {type: 'search', name: 'q', className: 'q', value: v('q'),
      placeholder: '两个确立, "新质生产力", 十五五 NOT 十四五', autofocus: true, required: true})),
    field('from', 'From', {placeholder: '2024 or 2024-03-01', size: 11}),
    field('to', 'To', {placeholder: '2025-12', size: 11}),
    field('org', 'Body', {placeholder: '国务院', size: 10}),
    field('meeting', 'Meeting', {placeholder: '常务会议', size: 12}),
    el('button', {type: 'submit'}, t('search')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    navigate('/' + query({q: f.get('q'), from: f.get('from'), to: f.get('to'), org: f.get('org'),
      meeting: f.get('meeting')}));
  });
  main.appendChild(el('h1', {}, t('searchTitle')));
  main.appendChild(form);
  const q = v('q');
  if (!q) {
    main.appendChild(el('p', {className: 'note'},
      'Any script: a traditional query finds simplified text. One character or more; "phrases", AND, OR, NOT, prefix*. ',
      'Dates filter on the meeting date (a year or month works too).'));
    return;
  }
  const offset = Math.max(0, parseInt(v('offset'), 10) || 0);
  const base = {q, from: v('from'), to: v('to'), org: v('org'), meeting: v('meeting')};
  const res = await api('/api/search' + query(Object.assign({limit: PAGE, offset}, base)));
  main.appendChild(el('p', {className: 'note', id: 'total'},
    res.total ? `${res.total} matching documents` + (res.total > PAGE ? `, ${offset + 1}–${offset + res.results.length} shown` : '')
              : 'No document matches.'));
  const list = el('ol', {className: 'hits', start: offset + 1});
  for (const h of res.results) {
    list.appendChild(el('li', {className: 'hit'},
      el('div', {className: 'hit-head'},
        el('span', {className: 'date'}, h.date || '—'),
        link('/doc/' + h.id, h.meeting || h.title || h.file || ('#' + h.id)),
        h.org ? el('span', {className: 'meta'}, h.org) : null,
        el('span', {className: 'meta'}, '#' + h.id)),
      h.title && h.meeting ? el('div', {className: 'meta'}, h.title) : null,
      snippet(h.snippet),
      el('div', {className: 'file'}, h.file || '')));
  }
  main.appendChild(list);
  const pager = el('div', {className: 'pager'});
  if (offset > 0)
    pager.appendChild(link('/' + query(Object.assign({offset: Math.max(0, offset - PAGE) || null}, base)), '← Previous'));
  if (offset + res.results.length < res.total)
    pager.appendChild(link('/' + query(Object.assign({offset: offset + PAGE}, base)), 'Next →'));
  main.appendChild(pager);
}

/* ------------------------------------------------------------- browse */

/* One readout in a list: date, meeting (a link), type, body, outlet. */
function readoutItem(h) {
  return el('li', {className: 'hit', dataset: {id: h.id}},
    el('div', {className: 'hit-head'},
      el('span', {className: 'date'}, h.date || '—'),
      link('/doc/' + h.id, zh('span', {}, h.meeting || h.title || h.file || ('#' + h.id))),
      h.type ? el('span', {className: 'chip type'}, glossed(h.type)) : null,
      h.org ? zh('span', {className: 'meta'}, h.org) : null,
      h.outlet ? zh('span', {className: 'meta outlet'}, h.outlet) : null,
      (h.copies || []).length ? el('span', {className: 'meta'}, `+${h.copies.length} ${t('copies').toLowerCase()}`) : null,
      (h.corrected || []).length ? el('span', {className: 'meta corrected'}, t('corrected') + ': ' + h.corrected.join(', ')) : null,
      el('span', {className: 'meta'}, '#' + h.id)),
    h.snippet ? snippet(h.snippet) : null);
}

/* Meetings per year as small bars; each bar links to the year's list. */
function yearChart(years) {
  const dated = years.filter((y) => y.value).sort((a, b) => a.value.localeCompare(b.value));
  if (!dated.length) return el('p', {className: 'note'}, t('undated'));
  const W = 640, H = 140, B = 22, max = Math.max(...dated.map((y) => y.count));
  const w = Math.max(4, Math.floor((W - 20) / dated.length) - 2);
  const chart = svg('svg', {viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart bars', id: 'year-chart', role: 'img',
    'aria-label': t('byYear')});
  dated.forEach((y, i) => {
    const h = Math.max(2, Math.round((H - B - 10) * y.count / max)), x = 10 + i * (w + 2);
    const a = svg('a', {href: '/browse' + query({year: y.value})}, svg('title', {}, `${y.value}: ${y.count}`),
      svg('rect', {x, y: H - B - h, width: w, height: h, class: 'bar', 'data-year': y.value}));
    a.addEventListener('click', (ev) => { ev.preventDefault(); navigate('/browse' + query({year: y.value})); });
    chart.appendChild(a);
    if (i === 0 || i === dated.length - 1 || dated.length <= 12)
      chart.appendChild(svg('text', {x: x + w / 2, y: H - 6, 'text-anchor': 'middle'}, y.value));
  });
  return chart;
}

function searchForm() {
  const form = el('form', {className: 'bar', role: 'search'},
    el('label', {}, t('query'), el('input', {type: 'search', name: 'q', className: 'q',
      placeholder: '两个确立, "新质生产力", 十五五 NOT 十四五', required: true})),
    el('button', {type: 'submit'}, t('search')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    navigate('/' + query({q: new FormData(form).get('q')}));
  });
  return form;
}

async function pageOverview() {
  document.title = 'tifa — ' + t('overview');
  const res = await api('/api/browse' + query({limit: 8}));
  const years = res.facets.year || [];
  const undated = (years.find((y) => !y.value) || {}).count || 0;
  main.appendChild(el('h1', {}, t('overview')));
  main.appendChild(searchForm());
  main.appendChild(el('dl', {className: 'glance', id: 'glance'},
    el('dt', {}, t('documents')), el('dd', {id: 'glance-docs'}, String(stats ? stats.documents : res.total)),
    el('dt', {}, t('dated')), el('dd', {}, stats && stats.first_date ? `${stats.first_date} – ${stats.last_date}` : '—'),
    el('dt', {}, t('undated')), el('dd', {}, link('/browse?year=undated', String(undated)))));
  main.appendChild(el('h2', {}, t('byYear')));
  main.appendChild(yearChart(years));
  main.appendChild(el('h2', {}, t('newest')));
  main.appendChild(el('ol', {className: 'hits', id: 'newest'}, res.results.map(readoutItem)));
  main.appendChild(el('p', {}, link('/browse', t('allDocs'))));
}

const FACETS = ['year', 'type', 'org', 'outlet', 'corrected'];

/* The list view: facets beside it narrow it, each value a link (every
 * view is an address); the same readouts download as the wide CSV. */
async function pageBrowse(params) {
  document.title = 'tifa — ' + t('browse');
  const state = {};
  for (const k of ['q', 'year', 'org', 'type', 'outlet', 'corrected', 'sort']) if (params.get(k)) state[k] = params.get(k);
  const offset = Math.max(0, parseInt(params.get('offset'), 10) || 0);
  const res = await api('/api/browse' + query(Object.assign({limit: 50, offset}, state)));
  const to = (change) => '/browse' + query(Object.assign({}, state, change));
  main.appendChild(el('h1', {}, t('browseTitle')));
  const form = el('form', {className: 'bar', role: 'search', id: 'browse-form'},
    el('label', {}, t('query'), el('input', {type: 'search', name: 'q', className: 'q', value: state.q || ''})),
    el('label', {}, t('sort'), el('select', {name: 'sort', id: 'sort'},
      [['newest', 'newestFirst'], ['oldest', 'oldestFirst'], ['relevance', 'relevance']].map(([v, k]) =>
        el('option', {value: v, selected: (state.sort || 'newest') === v}, t(k))))),
    el('button', {type: 'submit'}, t('search')));
  const submit = () => {
    const f = new FormData(form);
    navigate(to({q: f.get('q') || null, sort: f.get('sort') === 'newest' ? null : f.get('sort'), offset: null}));
  };
  form.addEventListener('submit', (ev) => { ev.preventDefault(); submit(); });
  form.querySelector('select').addEventListener('change', submit);
  main.appendChild(form);
  const facets = el('nav', {className: 'facets', id: 'facets', 'aria-label': 'facets'});
  for (const name of FACETS) {
    const values = res.facets[name] || [];
    if (!values.length || (name === 'corrected' && !values[0].count && !state.corrected)) continue;
    const box = el('section', {className: 'facet', dataset: {facet: name}}, el('h2', {}, t(name)));
    const ul = el('ul', {});
    for (const v of values.slice(0, 15)) {
      const key = name === 'year' && !v.value ? 'undated' : name === 'corrected' ? '1' : v.value;
      const on = state[name] === key;
      const label = name === 'year' && !v.value ? t('undated') : name === 'corrected' ? t('yes')
        : name === 'type' ? glossed(v.value) : zh('span', {}, v.value);
      ul.appendChild(el('li', {className: on ? 'on' : null},
        link(to({[name]: on ? null : key, offset: null}), label, ' ', el('span', {className: 'count'}, String(v.count)))));
    }
    box.appendChild(ul);
    if (state[name]) box.appendChild(link(to({[name]: null, offset: null}), '× ' + t('clear')));
    facets.appendChild(box);
  }
  const list = el('div', {className: 'list'},
    el('p', {className: 'note', id: 'total'}, `${res.total} ${t('matching')} · `,
      el('a', {href: '/api/browse.csv' + query(state), download: 'tifa-readouts.csv', id: 'download-csv'}, t('csv'))),
    el('ol', {className: 'hits', id: 'browse-list', start: offset + 1}, res.results.map(readoutItem)));
  const pager = el('div', {className: 'pager'});
  if (offset > 0) pager.appendChild(link(to({offset: Math.max(0, offset - 50) || null}), t('previous')));
  if (offset + res.results.length < res.total) pager.appendChild(link(to({offset: offset + 50}), t('next')));
  list.appendChild(pager);
  main.appendChild(el('div', {className: 'browse'}, facets, list));
}

/* ------------------------------------------------------------- series */

async function pageSeries(params) {
  const series = params.get('series') || '', org = params.get('org') || '';
  document.title = 'tifa — ' + t('series') + ' ' + series;
  const res = await api('/api/series' + query({series, org}));
  main.appendChild(el('h1', {}, t('series') + ': ', zh('span', {}, (org ? org + ' · ' : '') + series)));
  const ol = el('ol', {className: 'timeline', id: 'timeline'});
  res.readouts.forEach((r, i) => {
    const h = r.readout, prev = i ? res.readouts[i - 1].readout : null;
    ol.appendChild(el('li', {dataset: {id: h.id}},
      el('div', {className: 'hit-head'}, el('span', {className: 'date'}, h.date || '—'),
        link('/doc/' + h.id, zh('span', {}, h.meeting || h.file)),
        el('span', {className: 'meta'}, `${r.terms.length} ${t('formulations')}`),
        prev ? link('/compare' + query({a: prev.id, b: h.id}), t('compare') + ' ↔ ' + (prev.date || '#' + prev.id)) : null),
      i ? el('div', {className: 'terms-new chips'}, el('span', {className: 'meta'}, t('newTerms') + ': '),
        r.added.length ? r.added.map((x) => [zh('span', {className: 'chip'}, x), ' ']) : '—') : null,
      i ? el('div', {className: 'terms-gone chips'}, el('span', {className: 'meta'}, t('goneTerms') + ': '),
        r.dropped.length ? r.dropped.map((x) => [zh('del', {className: 'chip'}, x), ' ']) : '—')
        : el('div', {className: 'chips'}, r.terms.map((x) => [zh('span', {className: 'chip'}, x), ' ']))));
  });
  main.appendChild(ol);
}

/* ------------------------------------------------------------- document */

const FACT_KEYS = {name: 'meeting', org: 'org', date: 'date', date_end: 'until', place: 'place', attendees: 'attendees'};
const FACT_LABELS = {
  name: 'Meeting', org: 'Body', date: 'Date', date_end: 'Until', place: 'Place', chair: 'Chair',
  speakers: 'Speakers', present: 'Present', attendees: 'Attendees', cues: 'Cues',
};

function person(p) { return p ? [p.title, p.name].filter(Boolean).join(' ') : ''; }

/* Where a document came from, and the copies that carry the readout (or
 * the first copy this one is a copy of). Corrected values end in *. */
function sourcesLine(doc) {
  const mark = (v, f) => (doc.corrected || []).includes(f) ? v + '*' : v;
  const parts = [];
  if (doc.outlet) parts.push(mark(doc.outlet, 'outlet'));
  if (doc.published) parts.push(mark(doc.published, 'published'));
  if (doc.url) parts.push(el('a', {href: doc.url, rel: 'noopener noreferrer', className: 'external'}, mark(doc.url, 'url')));
  const line = el('p', {className: 'meta', id: 'doc-sources'});
  if (parts.length) append(line, ['Source: '].concat(parts.flatMap((p, i) => i ? [' · ', p] : [p])));
  if (doc.duplicate_of) {
    append(line, [(parts.length ? ' — ' : '') + (doc.copy === 'exact' ? 'An exact copy of ' : 'A near copy of '),
      link('/doc/' + doc.duplicate_of, '#' + doc.duplicate_of)]);
  } else if ((doc.copies || []).length) {
    append(line, [(parts.length ? ' — ' : '') + `Carried by ${doc.copies.length} more: `].concat(
      doc.copies.flatMap((k, i) => [i ? ', ' : '', link('/doc/' + k.id, '#' + k.id + ' ' + (k.source || k.file || '')
        + (k.copy === 'near' ? ' (near)' : ''))])));
  }
  return line;
}

/* What cleaning could not repair ({kind, text, offset} each): the kind,
 * the characters as they stand, and where. */
function anomalyList(list) {
  return el('div', {className: 'note', id: 'anomalies'}, 'Anomalies:',
    el('ul', {}, list.map((a) => el('li', {}, typeof a === 'string' ? a
      : [a.kind || 'anomaly', ' ', el('code', {}, a.text || ''), a.offset !== undefined ? ` (character ${a.offset})` : '']))));
}

/* ------------------------------------------------------------- citing */

const CORRECTABLE = ['date', 'name', 'org', 'place', 'chair', 'chair_title', 'source', 'outlet', 'url', 'published', 'retrieved'];

/* Where the document came from, its copies, and a citation to copy. */
function citePanel(doc) {
  const fix = (v, f) => (doc.corrected || []).includes(f) ? [v, el('span', {className: 'meta', title: t('corrected')}, ' *')] : v;
  const dl = el('dl', {className: 'source-facts'});
  const row = (key, value) => { if (value) append(dl, [el('dt', {}, t(key)), el('dd', {}, value)]); };
  row('outlet', doc.outlet && zh('span', {id: 'doc-outlet'}, fix(doc.outlet, 'outlet')));
  row('url', doc.url && el('a', {href: doc.url, rel: 'noopener noreferrer', className: 'external', id: 'doc-url'}, fix(doc.url, 'url')));
  row('published', doc.published && fix(doc.published, 'published'));
  row('retrieved', doc.retrieved && fix(doc.retrieved, 'retrieved'));
  const box = el('section', {id: 'cite', className: 'cite'}, el('h2', {}, t('source')), dl);
  if (doc.duplicate_of) {
    box.appendChild(el('p', {id: 'first-copy'}, `${t('copyOf')} `, link('/doc/' + doc.duplicate_of, `${t('firstCopy')} #${doc.duplicate_of}`),
      ` (${t(doc.copy === 'near' ? 'near' : 'exact')})`));
  } else if ((doc.copies || []).length) {
    box.appendChild(el('h3', {}, `${t('carriedBy')} (${doc.copies.length})`));
    box.appendChild(el('ul', {id: 'copies'}, doc.copies.map((k) => el('li', {},
      link('/doc/' + k.id, zh('span', {}, k.source || k.file || '#' + k.id)), ' ',
      k.published ? el('span', {className: 'meta'}, k.published) : null, ' ',
      el('span', {className: 'meta'}, t(k.copy === 'near' ? 'near' : 'exact')),
      k.url ? [' ', el('a', {href: k.url, rel: 'noopener noreferrer', className: 'external meta'}, k.url)] : null))));
  }
  box.appendChild(citeBox(doc.id));
  return box;
}

/* The citation as tifa cite writes it, in three formats, with a copy
 * button and the document's permalink. */
function citeBox(id) {
  const text = el('textarea', {id: 'cite-text', readonly: true, rows: 6, 'aria-label': t('cite')});
  const status = el('span', {className: 'meta', id: 'cite-status', role: 'status'});
  const permalink = location.origin + '/doc/' + id;
  const formats = [['text', 'plain'], ['bibtex', 'BibTeX'], ['csl-json', 'CSL-JSON']];
  const load = async (format) => {
    const res = await fetch(`/api/doc/${id}/cite` + query({format}));
    text.value = res.ok ? await res.text() : `${res.status} ${res.statusText}`;
    tabs.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.format === format)));
  };
  const tabs = el('div', {className: 'tabs', role: 'group', 'aria-label': t('cite')}, formats.map(([f, label]) =>
    el('button', {type: 'button', className: 'plain', dataset: {format: f}, onclick: () => load(f)}, LABELS[label] ? t(label) : label)));
  const copyBtn = el('button', {type: 'button', id: 'cite-copy', onclick: async () => {
    try { await navigator.clipboard.writeText(text.value); status.textContent = t('copied'); }
    catch (e) { text.select(); document.execCommand('copy'); status.textContent = t('copied'); }
  }}, t('copy'));
  load('text');
  return el('div', {className: 'cite-box'}, el('h3', {}, t('cite')), tabs, text,
    el('div', {className: 'tools'}, copyBtn, status, el('span', {className: 'meta'}, t('permalink') + ': '),
      el('a', {href: permalink, id: 'permalink'}, permalink)));
}

/* Corrections in force, struck through with their note and date, and a
 * small form to make one (not on a read-only server). */
async function correctionsPanel(doc, onChange) {
  const res = await api(`/api/doc/${doc.id}/corrections`);
  const box = el('section', {id: 'corrections', className: 'corrections'}, el('h2', {}, t('corrections')));
  const send = async (params) => {
    await api(`/api/doc/${doc.id}/correct` + query(params), {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'});
    onChange();
  };
  const ul = el('ul', {id: 'correction-list'});
  for (const k of res.corrections) {
    ul.appendChild(el('li', {dataset: {field: k.field}}, el('strong', {}, k.field), ': ',
      zh('del', {}, k.before || '—'), ' → ', zh('ins', {}, k.value || '—'),
      k.note ? [' · ', el('span', {className: 'note'}, k.note)] : null, ' ', el('span', {className: 'meta'}, k.at),
      stats && stats.read_only ? null : [' ', el('button', {type: 'button', className: 'plain small',
        onclick: () => send({field: k.field, unset: 1})}, t('undo'))]));
  }
  if (res.corrections.length) box.appendChild(ul);
  if (stats && stats.read_only) return box;
  const form = el('form', {className: 'bar', id: 'correct-form'},
    el('label', {}, t('field'), el('select', {name: 'field'}, CORRECTABLE.map((f) => el('option', {value: f}, f)))),
    el('label', {}, t('value'), el('input', {type: 'text', name: 'value', size: 16})),
    el('label', {}, t('note'), el('input', {type: 'text', name: 'note', size: 20})),
    el('button', {type: 'submit'}, t('save')));
  const status = el('div', {});
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    clear(status);
    try { await send({field: f.get('field'), value: f.get('value'), note: f.get('note')}); }
    catch (err) { status.appendChild(errorBox(err)); }
  });
  box.appendChild(el('h3', {}, t('correct')));
  box.appendChild(form);
  box.appendChild(status);
  return box;
}

/* "Compare with…": the other readouts of the series, nearest year first,
 * and a search for any other document. */
async function compareWith(doc, box) {
  clear(box);
  box.hidden = false;
  box.appendChild(el('h2', {}, t('compareWith')));
  const pick = (h) => {
    const older = (h.date || '') < (doc.date || '');
    return link('/compare' + query(older ? {a: h.id, b: doc.id} : {a: doc.id, b: h.id}), zh('span', {}, `${h.date || '—'} ${h.meeting || h.file}`));
  };
  if (doc.series) {
    const res = await api('/api/series' + query({series: doc.series, org: doc.org}));
    const year = (d) => parseInt((d || '').slice(0, 4), 10);
    const others = res.readouts.map((r) => r.readout).filter((h) => h.id !== doc.id)
      .sort((a, b) => Math.abs(year(a.date) - year(doc.date)) - Math.abs(year(b.date) - year(doc.date)) || (b.date || '').localeCompare(a.date || ''));
    box.appendChild(el('h3', {}, t('sameSeries'), ' · ', link('/series' + query({series: doc.series, org: doc.org}), t('series'))));
    box.appendChild(el('ul', {id: 'same-series'}, others.map((h) => el('li', {}, pick(h)))));
  }
  const results = el('ul', {id: 'pick-results'});
  const input = el('input', {type: 'search', name: 'q', id: 'pick-q', 'aria-label': t('orSearch')});
  const form = el('form', {className: 'bar'}, el('label', {}, t('orSearch'), input), el('button', {type: 'submit'}, t('search')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const res = await api('/api/browse' + query({q: input.value, limit: 10, sort: 'relevance'}));
    clear(results);
    append(results, res.results.filter((h) => h.id !== doc.id).map((h) => el('li', {}, pick(h))));
  });
  box.appendChild(form);
  box.appendChild(results);
  input.focus();
}

async function pageDoc(id, params) {
  const doc = await api('/api/doc/' + id);
  const rec = doc.record || {};
  const articles = rec.articles || [];
  const first = articles.find((a) => a.kind === 'meeting');
  document.title = 'tifa — ' + ((first && first.meeting && first.meeting.name) || doc.file || ('#' + id));

  const added = params.get('added');
  if (added) {
    main.appendChild(el('p', {className: 'banner', id: 'added-banner'},
      added === 'added' ? 'Stored as a new document.'
        : added === 'identical' ? 'Already in the corpus: these very bytes are stored as this document.'
        : added === 'duplicate' ? 'Stored, and linked as an exact copy: its clean text is that of a document already in the corpus.'
        : 'Stored, and linked as a near copy of a document already in the corpus.'));
  }
  main.appendChild(zh('h1', {}, (first && first.meeting && first.meeting.name) || (articles[0] && articles[0].title) || doc.file));
  if (doc.type) main.appendChild(el('p', {className: 'meta', id: 'doc-type'}, t('type') + ': ', glossed(doc.type)));
  const view = el('div', {className: 'doc'});
  const textCol = el('div', {id: 'doc-text'});
  const side = el('aside', {id: 'facts'});
  const rawBtn = el('button', {type: 'button', className: 'plain', id: 'toggle-raw'}, t('showOriginal'));
  main.appendChild(el('div', {className: 'tools'},
    el('span', {className: 'meta'}, `#${doc.id} · ${doc.file || ''} · ${rec.encoding || ''} · ${rec.script || ''}`
      + ((rec.noise || []).length ? ' · noise: ' + rec.noise.join(', ') : '')),
    rawBtn,
    el('a', {href: `/api/doc/${doc.id}/record`, download: `tifa-${doc.id}.json`, id: 'download-record'}, t('record')),
    el('button', {type: 'button', className: 'plain', id: 'compare-with', onclick: () => compareWith(doc, pickBox)}, t('compareWith')),
    doc.series ? link('/series' + query({series: doc.series, org: doc.org}), t('series')) : null));
  const pickBox = el('section', {id: 'compare-pick', className: 'pick', hidden: true});
  main.appendChild(sourcesLine(doc));
  main.appendChild(pickBox);
  view.appendChild(textCol);
  view.appendChild(side);
  main.appendChild(view);
  const citing = el('div', {className: 'cols citing'}, citePanel(doc));
  main.appendChild(citing);
  /* Not awaited: the text and its facts come first, whatever this costs. */
  correctionsPanel(doc, () => render()).then((box) => citing.appendChild(box), (err) => citing.appendChild(errorBox(err)));

  /* The text: one block per article; highlights are redrawn per click. */
  const blocks = articles.map((a, i) => {
    const body = zh('div', {className: 'text', id: 'article-' + i}, a.text || '');
    textCol.appendChild(el('section', {}, a.title && articles.length > 1 ? zh('h2', {}, a.title) : null, body));
    return body;
  });
  if (!articles.length) textCol.appendChild(el('div', {className: 'text'}, doc.clean || ''));

  let current = null;
  function highlight(btn, i, ranges) {
    blocks.forEach((b, k) => { clear(b); append(b, [articles[k].text || '']); });
    if (current) current.classList.remove('on');
    if (current === btn) { current = null; return; }
    current = btn;
    btn.classList.add('on');
    clear(blocks[i]);
    append(blocks[i], marked(articles[i].text || '', ranges.map((r, k) => [r[0], r[1], 'evidence', k ? null : 'evidence'])));
    const m = document.getElementById('evidence');
    if (m) m.scrollIntoView({block: 'center', behavior: 'smooth'});
  }
  const factButton = (i, key, label) => {
    const span = (articles[i].spans || {})[key];
    if (!span) return el('span', {}, label);
    const b = el('button', {type: 'button', className: 'fact', dataset: {span: key, article: i},
      title: `characters ${span[0]}–${span[1]}`}, label);
    b.addEventListener('click', () => highlight(b, i, [span]));
    return b;
  };
  const termButton = (i, term) => {
    const b = el('button', {type: 'button', className: 'fact chip', dataset: {term}}, term);
    b.addEventListener('click', () => highlight(b, i, occurrences(articles[i].text || '', term)));
    return b;
  };

  articles.forEach((a, i) => {
    if (articles.length > 1) side.appendChild(el('h2', {}, `Article ${i + 1}: ${a.kind}`));
    const dl = el('dl', {});
    const m = a.meeting;
    if (m) {
      for (const key of ['name', 'org', 'date', 'date_end', 'place', 'attendees']) {
        if (!m[key]) continue;
        const label = key === 'date' && m.date_inferred ? m.date + ' (year inferred)' : m[key];
        dl.appendChild(el('dt', {}, t(FACT_KEYS[key] || key)));
        dl.appendChild(el('dd', {lang: key === 'date' || key === 'date_end' ? null : 'zh-Hans'}, factButton(i, 'meeting.' + key, label)));
      }
      if (m.date_inferred && m.date_basis) {
        dl.appendChild(el('dt', {}, t('dateBasis')));
        dl.appendChild(zh('dd', {className: 'date-basis'}, m.date_basis.text || ''));
      }
      if (m.chair) {
        dl.appendChild(el('dt', {}, 'Chair'));
        dl.appendChild(el('dd', {}, factButton(i, 'meeting.chair', person(m.chair))));
      }
      for (const key of ['speakers', 'present']) {
        if (!(m[key] || []).length) continue;
        dl.appendChild(el('dt', {}, FACT_LABELS[key]));
        dl.appendChild(el('dd', {className: 'chips'}, m[key].map((p, k) =>
          [factButton(i, `meeting.${key}[${k}]`, typeof p === 'string' ? p : person(p)), ' '])));
      }
      if ((m.cues || []).length) {
        dl.appendChild(el('dt', {}, 'Cues'));
        dl.appendChild(el('dd', {className: 'chips'}, [...new Set(m.cues)].map((c) =>
          [termButton(i, c), GLOSS[c] && lang === 'en' ? el('span', {className: 'gloss', lang: 'en'}, `(${GLOSS[c]}) `) : ' '])));
      }
    }
    if (a.source) { dl.appendChild(el('dt', {}, 'Source')); dl.appendChild(el('dd', {}, a.source)); }
    if ((a.reporters || []).length) { dl.appendChild(el('dt', {}, 'Reporters')); dl.appendChild(el('dd', {}, a.reporters.join('、'))); }
    const terms = a.terms || {};
    for (const [key, label] of [['numbered', 'Numbered formulations'], ['quoted', 'Quoted'],
      ['documents', 'Documents cited'], ['periods', 'Plan periods']]) {
      if (!(terms[key] || []).length) continue;
      dl.appendChild(el('dt', {}, label));
      dl.appendChild(el('dd', {className: 'chips'}, terms[key].map((x) => [termButton(i, x), ' '])));
    }
    if ((terms.years || []).length) { dl.appendChild(el('dt', {}, 'Years named')); dl.appendChild(el('dd', {}, terms.years.join(', '))); }
    if (!dl.firstChild) dl.appendChild(el('dd', {className: 'note'}, 'No facts extracted from this article.'));
    side.appendChild(dl);
  });
  if ((rec.anomalies || []).length) side.appendChild(anomalyList(rec.anomalies));

  /* The original bytes, decoded as they were detected. */
  let raw = null;
  rawBtn.addEventListener('click', async () => {
    if (raw) {
      const showing = !raw.hidden;
      raw.hidden = showing;
      view.hidden = !showing;
      rawBtn.textContent = showing ? t('showOriginal') : t('showClean');
      return;
    }
    try {
      const res = await fetch(`/api/doc/${doc.id}/raw`);
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const cs = ((res.headers.get('Content-Type') || '').match(/charset=([\w-]+)/) || [])[1] || 'utf-8';
      let text;
      try { text = new TextDecoder(cs).decode(await res.arrayBuffer()); }
      catch (e) { text = new TextDecoder('utf-8').decode(await res.arrayBuffer()); }
      raw = el('pre', {className: 'raw', id: 'raw-text'}, text);
      view.after(raw);
      view.hidden = true;
      rawBtn.textContent = t('showClean');
    } catch (err) {
      main.appendChild(errorBox(err));
    }
  });
}

/* ------------------------------------------------------------- compare */

/* One side of a changed pair, marked as the API's character operations
 * say: runs [op, n] of n characters, '=' in both texts, '-' in A only,
 * '+' in B only (the runs tifa diff marks; nothing is diffed here). */
function diffSide(text, ops, side) {
  const cps = chars(text), out = [];
  let at = 0;
  for (const [op, n] of ops) {
    if (op !== '=' && op !== side) continue;
    const s = cps.slice(at, at + n).join('');
    at += n;
    out.push(op === '=' ? s : el(side === '-' ? 'del' : 'ins', {}, s));
  }
  return out;
}

/* Swap A and B; step both a year back or on along A's series. */
async function compareSteps(da, db) {
  const bar = el('div', {className: 'tools', id: 'compare-steps'},
    link('/compare' + query({a: db.id, b: da.id}), '⇄ ' + t('swap')));
  if (!da.series) return bar;
  const res = await api('/api/series' + query({series: da.series, org: da.org}));
  const ids = res.readouts.map((r) => r.readout.id);
  const ia = ids.indexOf(da.id), ib = ids.indexOf(db.id);
  if (ia < 0 || ib < 0) return bar;
  const step = (d, key, id) => ia + d >= 0 && ib + d >= 0 && ia + d < ids.length && ib + d < ids.length
    ? link('/compare' + query({a: ids[ia + d], b: ids[ib + d]}), el('span', {id}, t(key))) : null;
  append(bar, [step(-1, 'prevYear', 'prev-year'), step(1, 'nextYear', 'next-year'),
    link('/series' + query({series: da.series, org: da.org}), t('series'))]);
  return bar;
}

async function pageCompare(params) {
  document.title = 'tifa — compare';
  const a = params.get('a') || '', b = params.get('b') || '';
  const form = el('form', {className: 'bar'},
    el('label', {}, 'Document A (id)', el('input', {type: 'text', name: 'a', value: a, size: 8, required: true})),
    el('label', {}, 'Document B (id)', el('input', {type: 'text', name: 'b', value: b, size: 8, required: true})),
    el('button', {type: 'submit'}, 'Compare'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    navigate('/compare' + query({a: f.get('a').trim(), b: f.get('b').trim()}));
  });
  main.appendChild(el('h1', {}, 'Compare two readouts'));
  main.appendChild(form);
  if (!a || !b) {
    main.appendChild(el('p', {className: 'note'}, 'Give two document ids (from a search, e.g. the same conference in two years). ',
      'Formulations new in B and dropped since A come first, then the sentences that changed.'));
    return;
  }
  const [d, da, db] = await Promise.all([api('/api/diff' + query({a, b})), api('/api/doc/' + a), api('/api/doc/' + b)]);
  const title = (doc) => {
    const m = ((doc.record.articles || []).find((x) => x.meeting) || {}).meeting || {};
    return [m.date, m.name || doc.file].filter(Boolean).join(' ');
  };
  main.appendChild(el('div', {className: 'cols'},
    el('div', {}, el('h2', {}, 'A: ', link('/doc/' + da.id, zh('span', {}, title(da))))),
    el('div', {}, el('h2', {}, 'B: ', link('/doc/' + db.id, zh('span', {}, title(db)))))));
  main.appendChild(await compareSteps(da, db));
  const chips = (list) => list.length ? list.map((t) => [el('span', {className: 'chip'}, t), ' ']) : el('span', {className: 'note'}, 'none');
  main.appendChild(el('div', {className: 'cols', id: 'terms'},
    el('div', {className: 'terms-gone', id: 'terms-dropped'}, el('h2', {}, `Dropped formulations (only in A): ${d.terms.only_a.length}`),
      el('div', {className: 'chips'}, chips(d.terms.only_a))),
    el('div', {className: 'terms-new', id: 'terms-new'}, el('h2', {}, `New formulations (only in B): ${d.terms.only_b.length}`),
      el('div', {className: 'chips'}, chips(d.terms.only_b)))));
  main.appendChild(el('p', {className: 'note'}, `In both: ${d.terms.both.join('、') || 'none'}`));

  const s = d.sentences;
  main.appendChild(el('h2', {}, `Changed sentences: ${s.changed.length}`));
  const table = el('table', {className: 'changes', id: 'changed'});
  for (const c of s.changed)
    table.appendChild(el('tr', {}, el('td', {}, diffSide(c.a, c.ops, '-')), el('td', {}, diffSide(c.b, c.ops, '+'))));
  main.appendChild(table);
  main.appendChild(el('div', {className: 'cols'},
    el('div', {}, el('h2', {}, `Removed sentences: ${s.removed.length}`),
      el('ul', {id: 'removed'}, s.removed.map((x) => el('li', {}, el('span', {className: 's-del'}, x))))),
    el('div', {}, el('h2', {}, `Added sentences: ${s.added.length}`),
      el('ul', {id: 'added'}, s.added.map((x) => el('li', {}, el('span', {className: 's-ins'}, x)))))));

  /* Both texts side by side, the sentences above marked where the API
   * says they stand (character spans in the stored texts shown here). */
  const at = d.spans, ranges = (spans, cls) => spans.map(([x, y]) => [x, y, cls]);
  main.appendChild(el('h2', {}, 'Side by side'));
  main.appendChild(el('div', {className: 'cols side', id: 'side-by-side'},
    el('div', {className: 'text'}, marked(da.clean, [...ranges(at.removed, 's-del'), ...ranges(at.changed.map((c) => c.a), 's-chg')], 'span')),
    el('div', {className: 'text'}, marked(db.clean, [...ranges(at.added, 's-ins'), ...ranges(at.changed.map((c) => c.b), 's-chg')], 'span'))));
}

/* ------------------------------------------------------------- trend */

const COLORS = ['#9b1c1c', '#1a4f8b', '#2f7d32', '#b26a00', '#6a1b9a', '#00796b', '#c2185b', '#455a64'];

async function pageTrend(params) {
  document.title = 'tifa — trend';
  const terms = params.getAll('term').filter(Boolean);
  const by = params.get('by') === 'month' ? 'month' : 'year';
  const form = el('form', {className: 'bar'},
    el('label', {}, 'Terms (separated by spaces or commas)',
      el('input', {type: 'text', name: 'terms', className: 'q', value: terms.join(' '), placeholder: '两个确立 十五五 新质生产力', required: true})),
    el('label', {}, 'By', el('select', {name: 'by'},
      el('option', {value: 'year', selected: by === 'year'}, 'year'),
      el('option', {value: 'month', selected: by === 'month'}, 'month'))),
    el('button', {type: 'submit'}, 'Draw'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const list = String(f.get('terms')).split(/[\s,，、]+/).filter(Boolean).slice(0, 8);
    navigate('/trend' + query({term: list, by: f.get('by') === 'month' ? 'month' : null}));
  });
  main.appendChild(el('h1', {}, 'Terms over time'));
  main.appendChild(form);
  if (!terms.length) {
    main.appendChild(el('p', {className: 'note'}, 'Documents per period that use each term (each readout once, whatever its copies). Click a point to list them.'));
    return;
  }
  const res = await api('/api/trend' + query({term: terms, by}));
  const undated = res.terms.map((term) => {
    const r = res.rows.find((x) => x.term === term);
    return [term, r ? r.undated : 0];
  });
  main.appendChild(el('p', {className: 'note', id: 'undated'}, undated.some(([, n]) => n)
    ? undated.map(([term, n]) => [zh('span', {}, term), `: ${n} ${t('leftOut')}`]).flatMap((x, i) => i ? [' · ', x] : [x])
    : t('noneLeftOut')));
  if (!res.rows.some((r) => r.documents)) {
    main.appendChild(el('p', {className: 'note'}, 'No dated document uses these terms.'));
    return;
  }
  /* Every year (or month) from the first to the last: a period without a
   * row used none of the terms, and the axis keeps time to scale. */
  const seen = [...new Set(res.rows.map((r) => r.period))].sort();
  const periods = [];
  for (let p = seen[0]; p <= seen[seen.length - 1] && periods.length < 2400; p = nextPeriod(p)) periods.push(p);
  const byKey = new Map(res.rows.map((r) => [r.period + '\u0000' + r.term, r]));
  res.rows = periods.flatMap((p) => res.terms.map((term) =>
    byKey.get(p + '\u0000' + term) || {period: p, term, documents: 0, occurrences: 0, dated: 0}));
  const max = Math.max(1, ...res.rows.map((r) => r.documents));
  const W = 860, H = 380, L = 56, R = 20, T = 20, B = 60;
  const x = (i) => periods.length === 1 ? (L + W - R) / 2 : L + i * (W - L - R) / (periods.length - 1);
  const y = (v) => H - B - v * (H - T - B) / max;
  const chart = svg('svg', {viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'chart', id: 'chart', role: 'img'});
  chart.appendChild(svg('title', {}, 'Documents per ' + by + ': ' + res.terms.join(', ')));
  chart.appendChild(svg('line', {x1: L, y1: H - B, x2: W - R, y2: H - B, class: 'axis'}));
  chart.appendChild(svg('line', {x1: L, y1: T, x2: L, y2: H - B, class: 'axis'}));
  const ticks = Math.min(max, 5);
  for (let k = 0; k <= ticks; k++) {
    const v = Math.round(max * k / ticks);
    chart.appendChild(svg('text', {x: L - 8, y: y(v) + 4, 'text-anchor': 'end'}, String(v)));
    chart.appendChild(svg('line', {x1: L - 4, y1: y(v), x2: L, y2: y(v), class: 'axis'}));
  }
  const every = Math.ceil(periods.length / 16);
  periods.forEach((p, i) => {
    if (i % every === 0) chart.appendChild(svg('text', {x: x(i), y: H - B + 18, 'text-anchor': 'middle'}, p));
  });
  chart.appendChild(svg('text', {x: 14, y: T + (H - T - B) / 2, transform: `rotate(-90 14 ${T + (H - T - B) / 2})`,
    'text-anchor': 'middle'}, 'documents'));
  const listBox = el('div', {id: 'period-docs'});
  res.terms.forEach((term, t) => {
    const color = COLORS[t % COLORS.length];
    const rows = res.rows.filter((r) => r.term === term);
    const pts = rows.map((r) => [x(periods.indexOf(r.period)), y(r.documents)]);
    chart.appendChild(svg('polyline', {points: pts.map((p) => p.join(',')).join(' '), fill: 'none', stroke: color, 'stroke-width': 2}));
    rows.forEach((r, k) => {
      const c = svg('circle', {cx: pts[k][0], cy: pts[k][1], r: 6, fill: color, tabindex: 0,
        'data-period': r.period, 'data-term': term},
        svg('title', {}, `${term} · ${r.period}: ${r.documents} of ${r.dated} documents, ${r.occurrences} uses`));
      const open = () => {
        chart.querySelectorAll('circle.on').forEach((e) => e.classList.remove('on'));
        c.classList.add('on');
        listPeriod(listBox, term, r);
      };
      c.addEventListener('click', open);
      c.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
      chart.appendChild(c);
    });
  });
  main.appendChild(chart);
  main.appendChild(el('p', {className: 'legend'}, res.terms.map((term, t) => {
    const i = el('i', {});
    i.style.background = COLORS[t % COLORS.length];
    return el('span', {}, i, term);
  })));
  main.appendChild(trendTable(res, periods, by, params.get('norm') === '100'));
  main.appendChild(listBox);
}

/* The counts under the chart: a row per period, a column per term, as
 * documents or per 100 dated documents (the server's per_100), and the
 * same table as CSV. */
function trendTable(res, periods, by, per100) {
  const terms = res.terms;
  const toggle = el('label', {}, el('input', {type: 'checkbox', id: 'per-100', checked: per100,
    onchange: (ev) => navigate('/trend' + query({term: terms, by: by === 'month' ? 'month' : null, norm: ev.target.checked ? '100' : null}), true)}),
    ' ' + t('per100'));
  const byKey = new Map(res.rows.map((r) => [r.period + '\u0000' + r.term, r]));
  const table = el('table', {className: 'counts', id: 'trend-table'},
    el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, t('period')), terms.map((x) => zh('th', {scope: 'col'}, x)),
      el('th', {scope: 'col'}, t('dated')))),
    el('tbody', {}, periods.map((p) => {
      const rows = terms.map((x) => byKey.get(p + '\u0000' + x) || {documents: 0, dated: 0, per_100: null});
      return el('tr', {dataset: {period: p}}, el('th', {scope: 'row'}, p),
        rows.map((r) => el('td', {}, per100 ? (r.per_100 == null ? '—' : r.per_100.toFixed(1)) : String(r.documents))),
        el('td', {}, String(rows[0].dated || 0)));
    })));
  return el('section', {id: 'trend-counts'}, el('h2', {}, t('table')),
    el('div', {className: 'tools'}, toggle,
      el('a', {href: '/api/trend.csv' + query({term: terms, by}), download: 'tifa-trend.csv', id: 'trend-csv'}, t('csv'))),
    table);
}

/* 2024 -> 2025, 2024-12 -> 2025-01. */
function nextPeriod(p) {
  if (p.length === 4) return String(+p + 1);
  const [y, m] = p.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/* The documents of one period that use the term: a search for it as a
 * phrase within the period. */
async function listPeriod(box, term, row) {
  clear(box);
  box.appendChild(el('h2', {}, `${term} · ${row.period}: ${row.documents} documents`));
  try {
    const phrase = '"' + term.replace(/"/g, '""') + '"';
    const res = await api('/api/search' + query({q: phrase, from: row.period, to: row.period, limit: 100}));
    const ol = el('ol', {className: 'hits'});
    for (const h of res.results) {
      ol.appendChild(el('li', {className: 'hit'}, el('div', {className: 'hit-head'},
        el('span', {className: 'date'}, h.date || '—'), link('/doc/' + h.id, h.meeting || h.title || h.file)), snippet(h.snippet)));
    }
    box.appendChild(ol);
    if (res.total > res.results.length)
      box.appendChild(link('/' + query({q: phrase, from: row.period, to: row.period}), `All ${res.total} in search →`));
  } catch (err) {
    box.appendChild(errorBox(err));
  }
}

/* ------------------------------------------------------------- add */

async function pageAdd() {
  document.title = 'tifa — add';
  main.appendChild(el('h1', {}, 'Add a readout'));
  if (stats && stats.read_only) {
    main.appendChild(el('p', {className: 'error'}, 'This server is read-only: adding is turned off.'));
    return;
  }
  const status = el('div', {id: 'add-status'});
  const file = el('input', {type: 'file', name: 'file', accept: '.txt,.html,.htm,text/plain,text/html', id: 'add-file'});
  const text = el('textarea', {name: 'text', id: 'add-text', placeholder: 'Paste the text of a readout here (any script; pinyin and portal furniture are cleaned), or choose a file.'});
  const name = el('input', {type: 'text', name: 'name', id: 'add-name', placeholder: 'pasted.txt', size: 24});
  const form = el('form', {id: 'add-form'},
    el('p', {}, text),
    el('div', {className: 'bar'}, el('label', {}, 'Or a file (any encoding)', file),
      el('label', {}, 'Name (optional)', name), el('button', {type: 'submit'}, 'Add')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(status);
    let body, fname = name.value.trim();
    if (file.files.length) {
      body = await file.files[0].arrayBuffer();
      fname = fname || file.files[0].name;
    } else if (text.value.trim()) {
      body = new TextEncoder().encode(text.value);
    } else {
      status.appendChild(errorBox(new Error('Paste a text or choose a file first.')));
      return;
    }
    if (stats && body.byteLength > stats.max_body) {
      status.appendChild(errorBox(new Error(`Too large: the limit is ${stats.max_body} bytes.`)));
      return;
    }
    try {
      const res = await api('/api/add' + query({name: fname}), {method: 'POST', body,
        headers: {'Content-Type': 'application/octet-stream'}});
      loadStats();
      navigate(`/doc/${res.id}` + query({added: res.result}));
    } catch (err) {
      status.appendChild(errorBox(err));
    }
  });
  main.appendChild(form);
  main.appendChild(status);
  main.appendChild(el('p', {className: 'note'}, 'The document is cleaned, its facts extracted, and stored with its original bytes; ',
    'the same clean text twice is stored once.'));
}

document.getElementById('lang-switch').addEventListener('click', () => setLanguage(lang === 'zh' ? 'en' : 'zh'));
applyLanguage();
loadStats().then(render);
