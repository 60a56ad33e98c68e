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

/* Character ranges of every occurrence of needle in text. */
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
  for (const id of ['nav-search', 'nav-compare', 'nav-trend', 'nav-add']) {
    const a = document.getElementById(id);
    if (a) a.classList.toggle('current', a.getAttribute('href') === path);
  }
  if (loginShown) return;
  clear(main);
  window.scrollTo(0, 0);
  const m = path.match(/^\/doc\/(\d+)$/);
  try {
    if (path === '/') await pageSearch(params);
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
    info.textContent = `${stats.documents} documents${range}${stats.read_only ? ' · read-only' : ''}`;
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
    el('button', {type: 'submit'}, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    navigate('/' + query({q: f.get('q'), from: f.get('from'), to: f.get('to'), org: f.get('org'),
      meeting: f.get('meeting')}));
  });
  main.appendChild(el('h1', {}, 'Search the readouts'));
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

/* ------------------------------------------------------------- document */

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
  main.appendChild(el('h1', {}, (first && first.meeting && first.meeting.name) || (articles[0] && articles[0].title) || doc.file));
  const view = el('div', {className: 'doc'});
  const textCol = el('div', {id: 'doc-text'});
  const side = el('aside', {id: 'facts'});
  const rawBtn = el('button', {type: 'button', className: 'plain', id: 'toggle-raw'}, 'Show the original');
  main.appendChild(el('div', {className: 'tools'},
    el('span', {className: 'meta'}, `#${doc.id} · ${doc.file || ''} · ${rec.encoding || ''} · ${rec.script || ''}`
      + ((rec.noise || []).length ? ' · noise: ' + rec.noise.join(', ') : '')),
    rawBtn,
    el('a', {href: `/api/doc/${doc.id}/record`, download: `tifa-${doc.id}.json`, id: 'download-record'}, 'Record (JSON)'),
    link('/compare' + query({a: doc.id}), 'Compare with…')));
  main.appendChild(sourcesLine(doc));
  view.appendChild(textCol);
  view.appendChild(side);
  main.appendChild(view);

  /* The text: one block per article; highlights are redrawn per click. */
  const blocks = articles.map((a, i) => {
    const body = el('div', {className: 'text', id: 'article-' + i}, a.text || '');
    textCol.appendChild(el('section', {}, a.title && articles.length > 1 ? el('h2', {}, a.title) : null, body));
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
        dl.appendChild(el('dt', {}, FACT_LABELS[key]));
        dl.appendChild(el('dd', {}, factButton(i, 'meeting.' + key, label)));
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
        dl.appendChild(el('dd', {className: 'chips'}, [...new Set(m.cues)].map((c) => [termButton(i, c), ' '])));
      }
    }
    if (a.source) { dl.appendChild(el('dt', {}, 'Source')); dl.appendChild(el('dd', {}, a.source)); }
    if ((a.reporters || []).length) { dl.appendChild(el('dt', {}, 'Reporters')); dl.appendChild(el('dd', {}, a.reporters.join('、'))); }
    const t = a.terms || {};
    for (const [key, label] of [['numbered', 'Numbered formulations'], ['quoted', 'Quoted'],
      ['documents', 'Documents cited'], ['periods', 'Plan periods']]) {
      if (!(t[key] || []).length) continue;
      dl.appendChild(el('dt', {}, label));
      dl.appendChild(el('dd', {className: 'chips'}, t[key].map((x) => [termButton(i, x), ' '])));
    }
    if ((t.years || []).length) { dl.appendChild(el('dt', {}, 'Years named')); dl.appendChild(el('dd', {}, t.years.join(', '))); }
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
      rawBtn.textContent = showing ? 'Show the original' : 'Show the clean text';
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
      rawBtn.textContent = 'Show the clean text';
    } catch (err) {
      main.appendChild(errorBox(err));
    }
  });
}

/* ------------------------------------------------------------- compare */

/* Character-level diff of two sentences: [['=', s], ['-', s], ['+', s]...]
 * by longest common subsequence (sentences are short). */
function charDiff(a, b) {
  const x = chars(a), y = chars(b), n = x.length, m = y.length;
  if (n * m > 4e6) return [['-', a], ['+', b]];
  const L = new Int32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i * (m + 1) + j] = x[i] === y[j] ? L[(i + 1) * (m + 1) + j + 1] + 1
        : Math.max(L[(i + 1) * (m + 1) + j], L[i * (m + 1) + j + 1]);
  const out = [];
  const push = (op, c) => { const last = out[out.length - 1]; if (last && last[0] === op) last[1] += c; else out.push([op, c]); };
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) { push('=', x[i]); i++; j++; }
    else if (L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1]) push('-', x[i++]);
    else push('+', y[j++]);
  }
  while (i < n) push('-', x[i++]);
  while (j < m) push('+', y[j++]);
  return out;
}

function diffSide(ops, side) {
  return ops.filter(([op]) => op === '=' || op === side)
    .map(([op, s]) => op === '=' ? s : el(side === '-' ? 'del' : 'ins', {}, s));
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
    el('div', {}, el('h2', {}, 'A: ', link('/doc/' + da.id, title(da)))),
    el('div', {}, el('h2', {}, 'B: ', link('/doc/' + db.id, title(db))))));
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
  for (const c of s.changed) {
    const ops = charDiff(c.a, c.b);
    table.appendChild(el('tr', {}, el('td', {}, diffSide(ops, '-')), el('td', {}, diffSide(ops, '+'))));
  }
  main.appendChild(table);
  main.appendChild(el('div', {className: 'cols'},
    el('div', {}, el('h2', {}, `Removed sentences: ${s.removed.length}`),
      el('ul', {id: 'removed'}, s.removed.map((x) => el('li', {}, el('span', {className: 's-del'}, x))))),
    el('div', {}, el('h2', {}, `Added sentences: ${s.added.length}`),
      el('ul', {id: 'added'}, s.added.map((x) => el('li', {}, el('span', {className: 's-ins'}, x)))))));

  /* Both texts side by side, the sentences above marked where they stand. */
  const ranges = (text, lists) => lists.flatMap(([list, cls]) => list.flatMap((x) => occurrences(text, x).map((r) => [r[0], r[1], cls])));
  main.appendChild(el('h2', {}, 'Side by side'));
  main.appendChild(el('div', {className: 'cols side', id: 'side-by-side'},
    el('div', {className: 'text'}, marked(da.clean, ranges(da.clean, [[s.removed, 's-del'], [s.changed.map((c) => c.a), 's-chg']]), 'span')),
    el('div', {className: 'text'}, marked(db.clean, ranges(db.clean, [[s.added, 's-ins'], [s.changed.map((c) => c.b), 's-chg']]), 'span'))));
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
    return r && r.undated ? `${term}: ${r.undated} undated document(s) left out` : null;
  }).filter(Boolean);
  if (undated.length) main.appendChild(el('p', {className: 'note', id: 'undated'}, undated.join(' · ')));
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
  main.appendChild(listBox);
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

loadStats().then(render);
