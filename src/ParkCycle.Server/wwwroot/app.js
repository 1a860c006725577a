// ParkCycle dashboard: plain JavaScript over the /api endpoints; charts with ECharts (installed by the build).
// Data is only ever inserted as text (textContent, DOM nodes, ECharts canvas labels, escaped tooltip strings).
'use strict';

const messages = window.ParkCycleMessages;
const errorPatterns = window.ParkCycleErrorPatterns;
const datasetPatterns = window.ParkCycleDatasetPatterns;
let lang = localStorage.getItem('parkcycle-lang') === 'en' ? 'en' : 'zh';
let session = JSON.parse(sessionStorage.getItem('parkcycle') || 'null');
let park = null;
const state = { parks: [], analysis: null, enterprises: [], materials: [], flows: null, forecast: null, profile: null, reports: [] };
const charts = {};

// ---------- text ----------
function t(key, params) {
  const template = messages[lang][key] ?? messages.zh[key] ?? key;
  return params ? template.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m)) : template;
}
// Tooltip strings of ECharts are HTML: everything from data goes through this first.
function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
// Names given as "临湘高新区 Linxiang High-tech Zone": the Chinese part in Chinese, the rest in English.
function bilingual(name) {
  const m = /^([^A-Za-z]*[\u3400-\u9fff][^A-Za-z]*?)\s+([A-Za-z].*)$/.exec(name || '');
  if (!m) return name || '';
  return lang === 'en' ? m[2] : m[1];
}
const locale = () => (lang === 'en' ? 'en-US' : 'zh-CN');
function fmt(n, digits = 1) { return n == null || n === '' || Number.isNaN(Number(n)) ? '—' : Number(n).toLocaleString(locale(), { maximumFractionDigits: digits }); }
function unitName(symbol) { return messages[lang]['unit.' + symbol] ?? symbol; }
function qty(value, unit) { return value == null ? '—' : `${fmt(value)} ${unitName(unit)}`; }
function chainName(code) { return messages[lang]['chain.' + code] ?? code; }
function categoryName(code) { return messages[lang]['cat.' + code] ?? code; }
function list(items, max = 6) {
  const shown = items.slice(0, max).join(t('listSep'));
  return items.length > max ? `${shown} ${t('gap.more', { n: items.length - max })}` : shown;
}

const byId = (items) => new Map(items.map(x => [x.id, x]));
let enterpriseIndex = new Map();
let materialIndex = new Map();
let zoneIndex = new Map();
function entName(id) {
  const e = enterpriseIndex.get(id);
  if (!e) return id;
  return (lang === 'en' ? e.name_en : e.name) || e.name || id;
}
function matName(id) {
  const m = materialIndex.get(id);
  if (!m) return id;
  return (lang === 'en' ? m.name_en : m.name) || m.name || id;
}
function zoneName(id) {
  const z = zoneIndex.get(id);
  if (!z) return id ?? '—';
  return (lang === 'en' ? z.name_en : z.name) || z.name || id;
}
function nodeName(node) {
  const bare = node.replace(/^(in|to):/, '');
  if (bare.startsWith('ext:')) return t('node.' + bare);
  if (bare.startsWith('chain:')) return (node.startsWith('to:') ? t('inPark') + ' → ' : '') + chainName(bare.slice(6));
  return entName(bare);
}

// ---------- DOM ----------
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null) continue;
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('aria-') || k === 'role' || k === 'scope') node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const c of children.flat()) if (c != null) node.append(c instanceof Node ? c : String(c));
  return node;
}
const $ = id => document.getElementById(id);

/**
 * A table of columns {label, value(row) → text, sort(row) → number|string, title(row) → hover text (ids)};
 * headers are buttons that sort (keyboard reachable).
 */
function table(id, columns, rows, options = {}) {
  const node = $(id);
  const sortState = node.sortState ?? (node.sortState = { column: -1, dir: 1 });
  let shown = rows;
  if (sortState.column >= 0 && columns[sortState.column]) {
    const key = columns[sortState.column].sort ?? columns[sortState.column].value;
    shown = [...rows].sort((a, b) => {
      const x = key(a), y = key(b);
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''), locale())) * sortState.dir;
    });
  }
  const head = el('tr', {}, columns.map((c, i) => {
    const th = el('th', { scope: 'col' });
    if (options.sortable === false) th.textContent = c.label;
    else {
      th.setAttribute('aria-sort', sortState.column === i ? (sortState.dir > 0 ? 'ascending' : 'descending') : 'none');
      th.append(el('button', { type: 'button', className: 'sort', title: t('sortBy'), onclick: () => {
        sortState.dir = sortState.column === i ? -sortState.dir : 1;
        sortState.column = i;
        table(id, columns, rows, options);
      } }, c.label));
    }
    return th;
  }));
  const body = shown.map(r => {
    const tr = el('tr', {}, columns.map(c => el('td', { title: c.title ? c.title(r) : null, className: c.className ?? null }, c.value(r) ?? '—')));
    if (options.onRow) {
      tr.tabIndex = 0;
      tr.classList.add('clickable');
      tr.addEventListener('click', () => options.onRow(r));
      tr.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); options.onRow(r); } });
    }
    return tr;
  });
  // A table asked to say it is empty does so in a row, so its headers head something (and a person reads why it is empty).
  if (!body.length && options.empty) body.push(el('tr', { className: 'empty' }, el('td', { colSpan: columns.length }, options.empty)));
  node.replaceChildren(el('thead', {}, head), el('tbody', {}, body));
  return node;
}

function chart(id) {
  const node = $(id);
  return charts[id] ?? (charts[id] = echarts.init(node));
}
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));

// ---------- API ----------
async function api(path, options = {}) {
  // X-Requested-With: the server refuses a write authorised by its session cookie without it (anti-forgery).
  const headers = { 'Content-Type': 'application/json', 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN', 'X-Requested-With': 'parkcycle', ...(options.headers || {}) };
  if (session) headers.Authorization = 'Bearer ' + session.access_token;
  const response = await fetch(path, { ...options, headers });
  const body = response.headers.get('content-type')?.includes('json') ? await response.json().catch(() => null) : null;
  return { ok: response.ok, status: response.status, body, response };
}
const parkPath = (suffix) => `/api/parks/${encodeURIComponent(park)}${suffix}`;
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
}

// Field errors from the server (English sentences) through the catalogue; unknown ones are shown as they are.
function fieldError(reason) {
  for (const [pattern, key] of errorPatterns) {
    const m = pattern.exec(reason);
    if (m) {
      const params = { raw: reason };
      m.slice(1).forEach((v, i) => { params[i] = v; });
      if (key === 'err.unknownMaterial' || key === 'err.unitMismatch') params[1] = params[1] ? matName(params[1]) : params[1];
      return t(key, params);
    }
  }
  return reason;
}

// A dataset import problem's reason (English on the wire) through the catalogue; file, line and column stay as sent.
function datasetReason(reason, severity) {
  let text = null;
  for (const [pattern, key] of datasetPatterns) {
    const m = pattern.exec(reason);
    if (!m) continue;
    const params = { raw: reason };
    m.slice(1).forEach((v, i) => { params[i] = v ?? ''; });
    if (key === 'ds.unknownMaterial' || key === 'ds.unknownMaterialShort' || key === 'ds.needs') {
      const at = key === 'ds.needs' ? 2 : 0;
      params[at] = matName(params[at]);
    }
    if (key === 'ds.range') {
      params[1] = t('range.' + params[1]) === 'range.' + params[1] ? params[1] : t('range.' + params[1]);
      const unit = params[4].trim();
      params[4] = unit ? (t('rangeUnit.' + unit) === 'rangeUnit.' + unit ? ' ' + unit : t('rangeUnit.' + unit)) : '';
    }
    text = t(key, params);
    break;
  }
  text ??= fieldError(reason);
  return severity === 'warning' ? t('ds.warning', { 0: text }) : text;
}

// Excel export through the server (a real .xlsx); ids go in their own columns.
async function exportXlsx(name, columns, rows) {
  const r = await fetch('/api/export/xlsx', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'parkcycle', Authorization: 'Bearer ' + session.access_token },
    body: JSON.stringify({ name, columns, rows: rows.map(row => row.map(v => (v == null ? '' : v))) }) });
  if (!r.ok) return;
  const url = URL.createObjectURL(await r.blob());
  const a = el('a', { href: url, download: `${name}.xlsx` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------- language ----------
function applyLanguage() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach(node => node.setAttribute('aria-label', t(node.dataset.i18nLabel)));
  $('lang').textContent = t('lang');
  $('lang').setAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
  document.querySelectorAll('.material-search').forEach(i => { i.placeholder = t('materialHint'); });
}
$('lang').addEventListener('click', () => {
  lang = lang === 'en' ? 'zh' : 'en';
  localStorage.setItem('parkcycle-lang', lang);
  applyLanguage();
  renderAll();
});

// ---------- session ----------
$('login-form').addEventListener('submit', async e => {
  e.preventDefault();
  const r = await api('/api/auth/token', { method: 'POST', body: JSON.stringify({ username: $('username').value, password: $('password').value }) });
  if (!r.ok) { $('login-error').textContent = r.status === 401 ? t('loginFailed') : fieldError(r.body?.title ?? String(r.status)); return; }
  $('login-error').textContent = '';
  session = r.body;
  sessionStorage.setItem('parkcycle', JSON.stringify(session));
  start();
});
$('logout').addEventListener('click', async () => {
  // The server clears its HttpOnly cookie and ends the token where it offers a logout; the page forgets it either way.
  await api('/api/auth/logout', { method: 'POST' }).catch(() => null);
  session = null;
  sessionStorage.removeItem('parkcycle');
  Object.values(charts).forEach(c => c.clear());
  location.hash = '';
  start();
});

const viewsByRole = {
  administrator: ['overview', 'flows', 'map', 'plan', 'gaps', 'progress', 'heat', 'data', 'enterprises', 'report'],
  investment: ['overview', 'flows', 'map', 'plan', 'gaps', 'progress', 'heat', 'enterprises', 'report'],
  enterprise: ['reporting', 'mine'],
};
const views = () => (session ? viewsByRole[session.role] ?? [] : []);

function buildNav() {
  $('nav-list').replaceChildren(...views().map(v => el('li', {}, el('a', { href: '#' + v, id: 'nav-' + v, dataset: { i18n: 'view.' + v } }, t('view.' + v)))));
}

function showView() {
  const allowed = views();
  let name = location.hash.slice(1);
  if (!allowed.includes(name)) name = allowed[0];
  document.querySelectorAll('section.view').forEach(s => { s.hidden = s.id !== 'view-' + name; });
  document.querySelectorAll('#nav-list a').forEach(a => { if (a.id === 'nav-' + name) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current'); });
  renderView(name);
}
// After a view changes, the keyboard starts in the new view (or where the change asked for, e.g. an enterprise's page).
let focusAfterView = null;
window.addEventListener('hashchange', () => {
  showView();
  const target = (focusAfterView && $(focusAfterView)) || $('main');
  focusAfterView = null;
  target.focus({ preventScroll: target.id === 'main' });
});
// The skip link takes the keyboard to the content of the view shown; followed as a link it would set the hash, which
// names views, and so change the view to the first one.
document.querySelector('.skip').addEventListener('click', e => { e.preventDefault(); $('main').focus(); });
// Links answer Enter by themselves; the navigation's items are tabs to people, so Space works as well.
$('nav-list').addEventListener('keydown', e => {
  if (e.key === ' ' && e.target.matches('a')) { e.preventDefault(); e.target.click(); }
});

async function start() {
  $('login-view').hidden = !!session;
  $('logout').hidden = !session;
  $('nav').hidden = !session;
  $('park-picker').hidden = !session;
  $('analysis-status').hidden = true;
  $('orleans-link').hidden = !session || session.role !== 'administrator';
  document.querySelectorAll('section.view').forEach(s => { s.hidden = true; });
  $('who').textContent = session ? `${t('role.' + session.role)}${session.enterprise ? ' · ' + session.enterprise : ''}` : '';
  $('park-name').textContent = '';
  if (!session) return;
  buildNav();
  const parks = await api('/api/parks');
  state.parks = parks.ok ? parks.body : [];
  const remembered = sessionStorage.getItem('parkcycle-park');
  park = state.parks.some(p => p.id === remembered) ? remembered : state.parks[0]?.id ?? null;
  $('park').replaceChildren(...state.parks.map(p => el('option', { value: p.id }, bilingual(p.name))));
  if (park) $('park').value = park;
  await loadPark();
}
$('park').addEventListener('change', () => {
  park = $('park').value;
  sessionStorage.setItem('parkcycle-park', park);
  loadPark();
});

// A later park choice wins over a load still under way for an earlier one.
let loadSeq = 0;
async function loadPark() {
  if (!park) return;
  const mine = ++loadSeq;
  const listing = state.parks.find(p => p.id === park);
  $('park-name').textContent = listing ? bilingual(listing.name) : park;
  Object.assign(state, { analysis: null, flows: null, forecast: null, enterprises: [], materials: [], profile: null, reports: [], versions: null, recon: null, heat: null, history: undefined, programmes: undefined, detail: null });
  Object.values(charts).forEach(c => c.clear());
  const status = $('analysis-status');
  status.hidden = false;
  status.textContent = t('loading');
  if (session.role === 'enterprise') {
    const [materials, profile, reports] = await Promise.all([api(parkPath('/materials')), api(`/api/enterprises/${encodeURIComponent(session.enterprise)}/`), loadReports()]);
    if (mine !== loadSeq) return;
    state.materials = materials.ok ? materials.body : [];
    state.profile = profile.ok ? profile.body : null;
    state.enterprises = state.profile ? [state.profile] : [];
    void reports;
    index();
    status.hidden = true;
    setDefaultDates();
    showView();
    return;
  }

  const [analysis, enterprises, materials, flows, forecast] = await Promise.all([
    api(parkPath('/analysis')), api(parkPath('/enterprises?page_size=500')), api(parkPath('/materials')), api(parkPath('/flows')), api(parkPath('/forecast'))]);
  if (mine !== loadSeq) return;
  state.analysis = analysis.ok ? analysis.body : null;
  state.enterprises = enterprises.ok ? enterprises.body.items : [];
  state.materials = materials.ok ? materials.body : [];
  state.flows = flows.ok ? flows.body : null;
  state.forecast = forecast.ok ? forecast.body : null;
  index();
  status.hidden = true;
  showView();
  watchAnalysis(park);
}

function index() {
  enterpriseIndex = byId(state.enterprises);
  materialIndex = byId(state.materials);
  zoneIndex = byId(state.flows?.zones ?? []);
}

// Re-analysis runs in the background after reports arrive: say which snapshot the figures describe until it catches up.
async function watchAnalysis(watched) {
  const status = $('analysis-status');
  for (let i = 0; i < 120 && session && session.role !== 'enterprise' && park === watched; i++) {
    const r = await api(parkPath('/'));
    if (!r.ok) return;
    const { version, analysed_version: analysed } = r.body;
    status.hidden = false;
    if (analysed >= version) { status.textContent = t('upToDate', { version }); status.dataset.state = 'current'; return; }
    status.textContent = t('reanalysing', { from: analysed, to: version });
    status.dataset.state = 'stale';
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

function renderAll() {
  if (!session) return;
  $('who').textContent = `${t('role.' + session.role)}${session.enterprise ? ' · ' + entName(session.enterprise) : ''}`;
  const listing = state.parks.find(p => p.id === park);
  if (listing) $('park-name').textContent = bilingual(listing.name);
  [...$('park').options].forEach(o => { const p = state.parks.find(x => x.id === o.value); if (p) o.textContent = bilingual(p.name); });
  buildNav();
  refreshPickers();
  showView();
}

function renderView(name) {
  const render = { overview: renderOverview, flows: renderFlows, map: renderMap, plan: renderPlan, gaps: renderGaps, progress: renderProgress,
    heat: renderHeat, data: renderData, enterprises: renderEnterprises, report: renderReport, reporting: renderReporting, mine: renderMine }[name];
  if (render) render();
  Object.values(charts).forEach(c => c.resize());
}

// ---------- overview ----------
const statusCode = s => String(s ?? 'unknown').replace(/\s+/g, '-').replace(/_/g, '-').toLowerCase();
const direction = d => ({ '>=': '≥', '<=': '≤', '>': '>', '<': '<' }[d] ?? d ?? '');
function kpiName(k) { return (lang === 'en' ? k.name_en : k.name) || k.name || k.id; }

function renderOverview() {
  const a = state.analysis;
  if (!a) return;
  const s = a.summary;
  const cards = [
    ['summary.enterprises', fmt(s.enterprises)], ['summary.flows', fmt(s.flows)], ['summary.loops', fmt(s.loops)], ['summary.opportunities', fmt(s.opportunities)],
    ['summary.plan', fmt(s.plan_exchanges)], ['summary.co2e', fmt(s.plan_co2e_avoided_t, 0)], ['summary.value', fmt(s.plan_net_value_cny / 10000, 0)],
    ['summary.waste', s.solid_waste_absorbed_share == null ? '—' : fmt(s.solid_waste_absorbed_share * 100) + ' %'],
  ];
  $('summary').replaceChildren(...cards.map(([k, v]) => el('div', { className: 'card' }, el('dt', {}, t(k)), el('dd', {}, v))));
  renderKpiTable('kpis', a.kpis);
  renderKpiHistory();
}

function renderKpiTable(id, kpis) {
  table(id, [
    { label: t('kpi.name'), value: kpiName, title: k => k.id },
    { label: t('kpi.value'), value: k => (k.value == null ? '—' : `${fmt(k.value)} ${k.unit}`), sort: k => k.value ?? -Infinity },
    { label: t('kpi.target'), value: k => (k.target == null ? '—' : `${direction(k.direction)} ${fmt(k.target)} ${k.unit}`) },
    { label: t('kpi.status'), value: k => t('status.' + statusCode(k.status)), title: k => String(k.status), className: null },
    { label: t('kpi.source'), value: k => k.source ?? '—' },
  ], kpis, { sortable: id === 'kpis' });
  [...$(id).querySelectorAll('tbody tr')].forEach((tr, i) => tr.classList.add('status-' + statusCode(kpis[i]?.status)));
}

async function renderKpiHistory() {
  if (state.history === undefined) {
    state.history = null;
    const r = await api(parkPath('/kpis/history'));
    state.history = r.ok ? r.body : false;
  }
  const h = state.history;
  const node = $('kpi-history'), pick = $('kpi-history-pick');
  const drawn = h ? (h.series ?? []).filter(s => s.points.length) : [];
  pick.disabled = !drawn.length;
  if (!drawn.length) { node.hidden = true; pick.replaceChildren(); $('kpi-history-note').textContent = h === false ? t('notAvailable') : t('noHistory'); return; }
  node.hidden = false;
  const named = id => { const k = state.analysis?.kpis.find(x => x.id === id); return k ? kpiName(k) : id; };
  // One KPI at a time: the units differ (%, tce per 10k CNY, links, MW), so each trend is read against its own target.
  const chosen = drawn.find(s => s.id === pick.value) ?? drawn.find(s => s.target != null) ?? drawn[0];
  pick.replaceChildren(...drawn.map(s => el('option', { value: s.id }, named(s.id))));
  pick.value = chosen.id;
  const points = chosen.points.map(p => [p.at, p.value]);
  const marks = [];
  if (chosen.target != null) marks.push({ yAxis: chosen.target, name: t('target'), label: { formatter: `${t('target')} ${fmt(chosen.target)}` } });
  if (chosen.due) marks.push({ xAxis: chosen.due, name: t('kpiHistory.due'), label: { formatter: `${t('kpiHistory.due')} ${chosen.due}` } });
  // The axis reaches the due date (ahead, or already passed), so the time left to the target's deadline is visible.
  const first = chosen.points[0].at, last = chosen.points[chosen.points.length - 1].at;
  $('kpi-history-note').textContent = t('kpiHistory.note', { n: chosen.points.length, unit: chosen.unit || '—' })
    + (chosen.target == null ? t('kpiHistory.noTarget') : '') + (chosen.due ? '' : chosen.target == null ? '' : t('kpiHistory.noDue'));
  chart('kpi-history').setOption({
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: v => esc(fmt(v)) + (chosen.unit ? ' ' + esc(chosen.unit) : '') }, legend: { top: 0, data: [named(chosen.id)] },
    grid: { top: 40 }, xAxis: { type: 'time', min: chosen.due && chosen.due < first ? chosen.due : null, max: chosen.due && chosen.due > last ? chosen.due : null },
    // The value axis holds the points and the target, with a margin so neither sits on the frame.
    yAxis: { type: 'value', name: chosen.unit, scale: true, max: v => Math.ceil(Math.max(v.max, chosen.target ?? v.max) * 1.1), min: v => Math.floor(Math.min(v.min, chosen.target ?? v.min) * 0.9) },
    series: [{ name: named(chosen.id), type: 'line', data: points, showSymbol: true, symbolSize: 8,
      markLine: marks.length ? { symbol: 'none', data: marks, lineStyle: { type: 'dashed' } } : undefined }],
  }, true);
}
$('kpi-history-pick').addEventListener('change', () => renderKpiHistory());

// ---------- flows ----------
function flowKind(f) {
  if (f.category === 'water' || f.category === 'wastewater') return 'water';
  if (f.dimension === 'energy') return 'energy';
  if (f.dimension === 'mass') return 'mass';
  return null;
}
function chainOf(id) { return enterpriseIndex.get(id)?.chains?.[0] ?? 'unknown'; }

/** Links of one kind grouped by chain or enterprise, split into a DAG for the Sankey and the back links that close loops. */
function flowGraph(group, kind) {
  const sums = new Map();
  const details = new Map();
  const end = (node, side) => (node.startsWith('ext:') ? `${side}:${node}` : group === 'chain' ? `chain:${chainOf(node)}` : node);
  const add = (from, to, value, detail) => {
    const s = end(from, 'in'), d = end(to, 'to');
    if (s === d && group === 'chain') return; // flows inside one chain are not drawn between chains
    const key = s + '\u0000' + d;
    sums.set(key, (sums.get(key) ?? 0) + value);
    if (detail) { if (!details.has(key)) details.set(key, new Set()); details.get(key).add(detail); }
  };
  if (kind === 'loops') {
    // Every hop of every closed loop, whatever it carries: one unit of width per hop (units differ along a loop).
    const seen = new Set();
    for (const l of state.analysis?.loops ?? []) for (const h of l.hops) {
      if (seen.has(h.flow_id ?? `${h.from}>${h.to}>${h.material}`)) continue;
      seen.add(h.flow_id ?? `${h.from}>${h.to}>${h.material}`);
      add(h.from, h.to, 1, `${matName(h.material)} ${qty(h.quantity, h.unit)}`);
    }
  } else {
    for (const f of state.flows?.flows ?? []) {
      if (flowKind(f) !== kind || f.base_quantity == null || f.base_quantity <= 0) continue;
      add(f.from, f.to, Number(f.base_quantity));
    }
  }
  const links = [...sums].map(([k, value]) => { const [source, target] = k.split('\u0000'); return { source, target, value, detail: [...(details.get(k) ?? [])] }; });
  const out = new Map();
  links.forEach(l => { if (!out.has(l.source)) out.set(l.source, []); out.get(l.source).push(l); });
  const nodes = [...new Set(links.flatMap(l => [l.source, l.target]))];
  // Depth-first search from the imports: an edge into a node still on the stack closes a loop.
  const colour = new Map();
  const back = new Set();
  const order = [...nodes.filter(n => n.startsWith('in:')), ...nodes.filter(n => !n.startsWith('in:'))];
  for (const root of order) {
    if (colour.get(root)) continue;
    const stack = [[root, 0]];
    colour.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const edges = out.get(top[0]) ?? [];
      if (top[1] >= edges.length) { colour.set(top[0], 2); stack.pop(); continue; }
      const edge = edges[top[1]++];
      const c = colour.get(edge.target);
      if (c === 1) back.add(edge);
      else if (!c) { colour.set(edge.target, 1); stack.push([edge.target, 0]); }
    }
  }
  return { nodes, forward: links.filter(l => !back.has(l)), back: links.filter(l => back.has(l)) };
}

const kindUnit = { mass: 't', energy: 'GJ', water: 'm3' };

function renderFlows() {
  const group = $('flow-group').value, kind = $('flow-kind').value;
  const g = flowGraph(group, kind);
  const c = chart('sankey');
  const u = kind === 'loops' ? '' : unitName(kindUnit[kind]) + t('perYear');
  const node = $('sankey');
  node.dataset.loops = String(g.back.length);
  node.dataset.links = String(g.forward.length);
  if (!g.forward.length) { c.clear(); c.setOption({ title: { text: t('noFlows'), left: 'center', top: 'middle', textStyle: { fontSize: 14, color: '#555' } } }, true); }
  else {
    c.setOption({
      tooltip: { trigger: 'item', formatter: p => (p.dataType === 'edge'
        ? `${esc(nodeName(p.data.source))} → ${esc(nodeName(p.data.target))}<br>${kind === 'loops' ? (p.data.detail ?? []).map(esc).join('<br>') : `${esc(fmt(p.data.value, 0))} ${esc(u)}`}`
        : `${esc(nodeName(p.name))}<br><small>${esc(p.name)}</small>`) },
      series: [{ type: 'sankey', left: 8, right: 150, top: 10, bottom: 70, layoutIterations: 32, nodeGap: group === 'enterprise' ? 4 : 12, draggable: false,
        emphasis: { focus: 'adjacency' }, label: { formatter: p => nodeName(p.name), fontSize: group === 'enterprise' ? 10 : 12 },
        lineStyle: { color: 'gradient', opacity: 0.35 },
        data: g.nodes.map(name => ({ name })), links: g.forward.map(l => ({ source: l.source, target: l.target, value: l.value, detail: l.detail })) }],
      graphic: [],
    }, true);
    drawBackLinks(c, g.back, u);
  }
  c.off('click');
  c.on('click', p => {
    if (p.dataType === 'node' && enterpriseIndex.has(p.name)) openEnterprise(p.name);
  });
  renderLoopList();
}

// ECharts' Sankey refuses cycles, so the links that close loops are drawn over it as red arcs under the nodes,
// from the right side of their source back to the left side of their target.
function drawBackLinks(c, back, unitLabel) {
  const draw = () => {
    const series = c.getModel()?.getSeriesByIndex(0);
    if (!series || !series.layoutInfo) return;
    const key = `${c.getWidth()}x${c.getHeight()}:${back.length}`;
    if (c.loopKey === key) return;
    c.loopKey = key;
    const data = series.getData();
    const box = series.layoutInfo;
    const max = Math.max(...back.map(l => l.value), 1);
    const arcs = back.map((l, i) => {
      const a = data.getItemLayout(data.indexOfName(l.source)), b = data.getItemLayout(data.indexOfName(l.target));
      if (!a || !b) return null;
      const x1 = box.x + a.x + a.dx, y1 = box.y + a.y + a.dy / 2, x2 = box.x + b.x, y2 = box.y + b.y + b.dy / 2;
      const low = c.getHeight() - 12 - (i % 6) * 9;
      return { type: 'bezierCurve', id: 'loop-' + i, z: 100, shape: { x1, y1, x2, y2, cpx1: x1 + 90, cpy1: low, cpx2: x2 - 90, cpy2: low },
        style: { stroke: '#b3261e', lineWidth: unitLabel ? 1.5 + 5 * Math.sqrt(l.value / max) : 2, fill: null, opacity: 0.75 },
        info: `${nodeName(l.source)} → ${nodeName(l.target)}: ${unitLabel ? fmt(l.value, 0) + ' ' + unitLabel : l.detail.join('; ')}` };
    }).filter(Boolean);
    c.setOption({ graphic: { elements: arcs } }, { replaceMerge: ['graphic'] });
  };
  c.loopKey = null;
  c.off('finished');
  // The layout exists as soon as setOption returns; redrawn after resizes (the 'finished' of the next render).
  draw();
  c.on('finished', draw);
}

function renderLoopList() {
  const loops = state.analysis?.loops ?? [];
  // Each enterprise of a loop links to its page: the chart's click-through, for the keyboard too.
  $('flow-loops').replaceChildren(...loops.slice(0, 30).map((l, i) => {
    const [before, after] = t('loopLine', { n: i + 1, path: '\u0000' }).split('\u0000');
    const path = [...l.hops.flatMap(h => [enterpriseLink(h.from), ` —${matName(h.material)}→ `]), enterpriseLink(l.hops[0]?.from ?? '')];
    return el('li', { title: l.enterprises.join(' → ') }, before, ...path, after ?? '');
  }));
}
$('flow-group').addEventListener('change', renderFlows);
$('flow-kind').addEventListener('change', renderFlows);

// ---------- map ----------
function renderMap() {
  const located = state.enterprises.filter(e => e.latitude != null && e.longitude != null);
  const c = chart('map');
  if (!located.length) { c.setOption({ title: { text: t('noCoordinates'), left: 'center', top: 'middle' } }, true); return; }
  const at = new Map(located.map(e => [e.id, [Number(e.longitude), Number(e.latitude)]]));
  const zones = [...new Set(located.map(e => e.zone))];
  const existing = (state.flows?.flows ?? []).filter(f => at.has(f.from) && at.has(f.to) && f.from !== f.to);
  const proposed = (state.analysis?.plan.exchanges ?? []).filter(x => at.has(x.supplier) && at.has(x.consumer));
  c.setOption({
    tooltip: { trigger: 'item', formatter: p => {
      if (p.seriesType === 'scatter') return `${esc(entName(p.data.id))}<br><small>${esc(p.data.id)} · ${esc(zoneName(p.data.zone))}</small>`;
      const d = p.data;
      return `${esc(entName(d.from))} → ${esc(entName(d.to))}<br>${esc(matName(d.material))} ${esc(qty(d.quantity, d.unit))}`;
    } },
    legend: { type: 'scroll', top: 0, data: [...zones.map(zoneName), t('map.existing'), t('map.proposed')] },
    // The longitude's name under the axis: at its end it is cut off by the frame on a narrow window.
    grid: { left: 60, right: 20, top: 50, bottom: 56 },
    xAxis: { type: 'value', scale: true, name: t('map.lon'), nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: v => v.toFixed(2) } },
    yAxis: { type: 'value', scale: true, name: t('map.lat'), axisLabel: { formatter: v => v.toFixed(2) } },
    series: [
      ...zones.map(z => ({ name: zoneName(z), type: 'scatter', symbolSize: 11, z: 3,
        data: located.filter(e => e.zone === z).map(e => ({ value: at.get(e.id), id: e.id, zone: e.zone })) })),
      { name: t('map.existing'), type: 'lines', coordinateSystem: 'cartesian2d', z: 1, lineStyle: { color: '#7a8899', width: 1, opacity: 0.5 },
        symbol: ['none', 'arrow'], symbolSize: 6,
        data: existing.map(f => ({ coords: [at.get(f.from), at.get(f.to)], from: f.from, to: f.to, material: f.material, quantity: f.quantity, unit: f.unit })) },
      { name: t('map.proposed'), type: 'lines', coordinateSystem: 'cartesian2d', z: 2, lineStyle: { color: '#1b7f3b', width: 2, type: 'dashed', curveness: 0.2 },
        symbol: ['none', 'arrow'], symbolSize: 7,
        data: proposed.map(x => ({ coords: [at.get(x.supplier), at.get(x.consumer)], from: x.supplier, to: x.consumer, material: x.source_material, quantity: x.quantity, unit: x.unit })) },
    ],
  }, true);
  c.off('click');
  c.on('click', p => { if (p.seriesType === 'scatter') openEnterprise(p.data.id); });
}

// ---------- plan ----------
function planRows() {
  const a = state.analysis;
  if (!a) return [];
  const rows = $('plan-set').value === 'all' ? a.opportunities : a.plan.exchanges;
  const chain = $('plan-chain').value, kind = $('plan-kind').value, exchange = $('plan-exchange').value, query = $('plan-material').value.trim().toLowerCase();
  return rows.filter(o => (!chain || chainOf(o.supplier) === chain || chainOf(o.consumer) === chain)
    && (!exchange || o.kind === exchange)
    && (!kind || materialIndex.get(o.source_material)?.category === kind)
    && (!query || [o.source_material, o.replaced_material, matName(o.source_material), matName(o.replaced_material), materialIndex.get(o.source_material)?.name_en ?? '']
      .some(s => s.toLowerCase().includes(query))));
}
function xkindName(code) { return code ? messages[lang]['xkind.' + code] ?? code : '—'; }
const planColumns = () => [
  { label: t('col.supplier'), value: o => entName(o.supplier), title: o => o.supplier },
  { label: t('col.consumer'), value: o => entName(o.consumer), title: o => o.consumer },
  { label: t('col.kind'), value: o => xkindName(o.kind), title: o => o.kind ?? '' },
  { label: t('col.material'), value: o => matName(o.source_material), title: o => o.source_material },
  { label: t('col.replaced'), value: o => matName(o.replaced_material), title: o => o.replaced_material },
  { label: t('col.quantity'), value: o => qty(o.quantity, o.unit), sort: o => Number(o.quantity ?? 0) },
  { label: t('col.distance'), value: o => fmt(o.distance_km), sort: o => Number(o.distance_km ?? 0) },
  { label: t('col.co2e'), value: o => fmt(o.co2e_avoided_t, 0), sort: o => Number(o.co2e_avoided_t ?? 0) },
  { label: t('col.value'), value: o => fmt(o.net_value_cny, 0), sort: o => Number(o.net_value_cny ?? 0) },
  { label: t('col.loop'), value: o => (o.closes_loop ? t('yes') : ''), sort: o => (o.closes_loop ? 1 : 0) },
];
function planSummary(plan) {
  return t('planSummary', { n: fmt(plan.exchanges.length), co2e: fmt(plan.total_co2e_avoided_t, 0), value: fmt(plan.total_net_value_cny / 10000, 0),
    solver: plan.solver, status: t('solver.' + statusCode(plan.status)) });
}
function fillSelect(id, options) {
  const node = $(id);
  const keep = node.value;
  node.replaceChildren(el('option', { value: '' }, t('plan.any')), ...options.map(([v, label]) => el('option', { value: v }, label)));
  node.value = options.some(([v]) => v === keep) ? keep : '';
}
function renderPlan() {
  const a = state.analysis;
  if (!a) return;
  $('plan-summary').textContent = planSummary(a.plan);
  fillSelect('plan-chain', [...new Set(state.enterprises.flatMap(e => e.chains ?? []))].map(c => [c, chainName(c)]));
  fillSelect('plan-exchange', [...new Set(a.opportunities.map(o => o.kind).filter(Boolean))].map(k => [k, xkindName(k)]));
  fillSelect('plan-kind', [...new Set(a.opportunities.map(o => materialIndex.get(o.source_material)?.category).filter(Boolean))].map(c => [c, categoryName(c)]));
  const rows = planRows();
  $('plan-count').textContent = t('plan.count', { n: rows.length });
  table('opportunities', planColumns(), rows.slice(0, 500));
}
['plan-set', 'plan-chain', 'plan-kind', 'plan-exchange'].forEach(id => $(id).addEventListener('change', renderPlan));
$('plan-material').addEventListener('input', renderPlan);
$('plan-export').addEventListener('click', () => {
  const rows = planRows();
  exportXlsx(`${park}-${$('plan-set').value === 'all' ? 'opportunities' : 'plan'}`,
    [...planColumns().map(c => c.label), 'supplier_id', 'consumer_id', 'material_id', 'replaced_id', 'unit', 'offer_id', 'need_id', 'rule_id', 'kind'],
    rows.map(o => [entName(o.supplier), entName(o.consumer), xkindName(o.kind), matName(o.source_material), matName(o.replaced_material), Number(o.quantity ?? 0),
      Number(o.distance_km ?? 0), Number(o.co2e_avoided_t ?? 0), Number(o.net_value_cny ?? 0), o.closes_loop ? t('yes') : t('no'),
      o.supplier, o.consumer, o.source_material, o.replaced_material, o.unit, o.offer_id, o.need_id, o.rule_id, o.kind]));
});

// ---------- chain gaps ----------
function gapName(g) { return (lang === 'en' ? g.name_en : g.name) || g.name || g.stage; }
function gapReasoning(g) {
  const parts = [t('gap.recruit', { name: gapName(g) })];
  for (const a of g.absorbs ?? []) parts.push(t('gap.absorbs', { suppliers: list((a.suppliers ?? []).map(entName)), material: matName(a.material), quantity: qty(a.quantity, a.unit) + t('perYear') }));
  for (const s of g.supplies_back ?? []) parts.push(t('gap.supplies', { consumers: list((s.consumers ?? []).map(entName)), material: matName(s.material), replaced: matName(s.replaces_material) }));
  if (g.co2e_avoided_t) parts.push(t('gap.co2e', { co2e: fmt(g.co2e_avoided_t, 0) }));
  if (g.loops_closed) parts.push(t('gap.loops', { n: g.loops_closed }));
  return parts.join(lang === 'en' ? ' ' : '');
}
function renderGaps() {
  const gaps = state.analysis?.gaps ?? [];
  $('gaps').replaceChildren(...gaps.map(g => el('article', { className: 'card gap', dataset: { stage: g.stage } },
    el('h3', {}, `${t('gap.rank', { rank: g.rank })} · ${gapName(g)}`),
    el('p', { className: 'meta' }, [chainName(g.chain), t('gap.kind.' + g.kind), g.sector ? t('gap.sector', { sector: g.sector }) : null].filter(Boolean).join(' · ')),
    el('p', { className: 'reasoning' }, gapReasoning(g)),
    el('dl', { className: 'figures' }, el('dt', {}, t('gap.co2eShort')), el('dd', {}, fmt(g.co2e_avoided_t, 0)), el('dt', {}, t('gap.loopsShort')), el('dd', {}, fmt(g.loops_closed))),
    el('details', {}, el('summary', {}, g.stage), el('p', { className: 'ids' }, g.reasoning ?? '')))));
}
$('gaps-export').addEventListener('click', () => {
  const gaps = state.analysis?.gaps ?? [];
  exportXlsx(`${park}-gaps`, ['#', t('plan.chain'), t('view.gaps'), t('gap.co2eShort'), t('gap.loopsShort'), 'reasoning', 'chain', 'stage', 'name', 'name_en', 'kind', 'sector'],
    gaps.map(g => [g.rank, chainName(g.chain), gapName(g), Number(g.co2e_avoided_t ?? 0), Number(g.loops_closed ?? 0), gapReasoning(g), g.chain, g.stage, g.name, g.name_en, g.kind, g.sector]));
});

// ---------- progress ----------
function renderProgress() {
  renderProgrammes();
  const f = state.forecast;
  if (!f) { $('progress-as-of').textContent = t('notAvailable'); return; }
  $('progress-as-of').textContent = t('progress.asOf', { date: f.as_of });
  const series = [];
  f.targets.forEach(x => {
    const name = bilingual(x.target.name) || x.target.id;
    series.push({ name, type: 'line', data: x.curve.map(p => [p.month, p.expected * 100]), showSymbol: false,
      markLine: { symbol: 'none', data: [{ yAxis: x.target.share * 100, name: t('target') }, { xAxis: x.target.due }], lineStyle: { type: 'dashed' } } });
    series.push({ name: name + ' · 10%', type: 'line', data: x.curve.map(p => [p.month, p.low * 100]), lineStyle: { opacity: 0 }, stack: x.target.id, showSymbol: false });
    series.push({ name: name + ' · 90%', type: 'line', data: x.curve.map(p => [p.month, (p.high - p.low) * 100]), lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.15 }, stack: x.target.id, showSymbol: false });
  });
  chart('forecast').setOption({ tooltip: { trigger: 'axis', valueFormatter: v => esc(fmt(v)) + ' %' }, legend: { top: 0, type: 'scroll', data: series.filter((_, i) => i % 3 === 0).map(s => s.name) },
    grid: { top: 40 }, xAxis: { type: 'time' }, yAxis: { type: 'value', max: 100, name: '%' }, series }, true);
  const flags = new Map((f.flags ?? []).map(x => [x.project_id, x]));
  table('projects', [
    { label: t('project.enterprise'), value: p => entName(p.enterprise), title: p => p.enterprise },
    { label: t('project.type'), value: p => t('ptype.' + p.type), title: p => p.project_id },
    { label: t('project.percent'), value: p => fmt(p.percent), sort: p => Number(p.percent ?? 0) },
    { label: t('project.predicted'), value: p => p.predicted ?? '—' },
    { label: t('project.band'), value: p => (p.low && p.high ? `${p.low} – ${p.high}` : '—') },
    { label: t('project.flag'), value: p => { const x = flags.get(p.project_id); return x ? [x.late ? t('flag.late') : null, x.stalled ? t('flag.stalled') : null].filter(Boolean).join(t('listSep')) : ''; } },
  ], f.projects ?? []);
}

// ---------- programmes ----------
// GET /programmes: each programme's recorded counts and its forecast (median, 80% band) against its total and due date.
async function renderProgrammes() {
  if (state.programmes === undefined) {
    state.programmes = null;
    const r = await api(parkPath('/programmes'));
    state.programmes = r.ok ? r.body : false;
  }
  const list_ = state.programmes;
  const node = $('programme-chart');
  if (!Array.isArray(list_) || !list_.length) {
    $('programmes-note').textContent = list_ === false ? t('notAvailable') : list_ === null ? t('loading') : t('prog.none');
    $('programmes').replaceChildren(); $('programme-pick').replaceChildren(); node.hidden = true;
    return;
  }
  const name = p => (lang === 'en' ? p.name_en : p.name) || p.name || p.id;
  const done = p => (p.counts.length ? p.counts[p.counts.length - 1].completed : 0);
  // On track when the median completion is on or before the due date; likely late when even the 10th percentile is after it.
  const outlook = p => {
    if (done(p) >= p.total) return 'complete';
    if (!p.due) return 'noDue';
    if (p.completion.p10 == null || p.completion.p10 > p.due) return 'lateLikely';
    return p.completion.p50 != null && p.completion.p50 <= p.due ? 'onTrack' : 'late';
  };
  $('programmes-note').textContent = t('prog.note', { date: list_[0].as_of });
  table('programmes', [
    { label: t('prog.name'), value: name, title: p => `${p.id} · ${p.source ?? ''}` },
    { label: t('prog.total'), value: p => fmt(p.total), sort: p => p.total },
    { label: t('prog.done'), value: p => `${fmt(done(p))}（${fmt(100 * done(p) / p.total, 0)} %）`, sort: p => done(p) / p.total },
    { label: t('prog.p50'), value: p => p.completion.p50 ?? t('prog.beyond') },
    { label: t('prog.band'), value: p => `${p.completion.p10 ?? t('prog.beyond')} – ${p.completion.p90 ?? t('prog.beyond')}` },
    { label: t('prog.due'), value: p => p.due ?? t('prog.noDue') },
    { label: t('prog.status'), value: p => t('prog.' + outlook(p)), title: p => outlook(p) },
  ], list_, { onRow: p => { $('programme-pick').value = p.id; drawProgramme(); } });
  [...$('programmes').querySelectorAll('tbody tr')].forEach((tr, i) => tr.classList.add('outlook-' + outlook(list_[i])));
  const pick = $('programme-pick');
  const keep = pick.value;
  pick.replaceChildren(...list_.map(p => el('option', { value: p.id }, name(p))));
  pick.value = list_.some(p => p.id === keep) ? keep : list_.find(p => done(p) < p.total)?.id ?? list_[0].id;
  node.hidden = false;
  drawProgramme();
}
function drawProgramme() {
  const p = (state.programmes || []).find(x => x.id === $('programme-pick').value);
  if (!p) return;
  const name = (lang === 'en' ? p.name_en : p.name) || p.name || p.id;
  const recorded = p.counts.map(c => [c.date, c.completed]);
  const last = recorded.length ? recorded[recorded.length - 1] : [p.as_of, 0];
  // The band starts from the last recorded count, so it grows out of what is known.
  const ahead = [last, ...p.forecast.map(f => [f.date, f.predicted])];
  const low = [last, ...p.forecast.map(f => [f.date, f.low])];
  const width = [[last[0], 0], ...p.forecast.map(f => [f.date, f.high - f.low])];
  const marks = [{ yAxis: p.total, name: t('prog.total'), label: { position: 'insideEndTop', formatter: `${t('prog.total')} ${p.total}` } }];
  if (p.due) marks.push({ xAxis: p.due, name: t('prog.due'), label: { formatter: `${t('prog.due')} ${p.due}` } });
  chart('programme-chart').setOption({ animation: false, title: { text: name, left: 'center', top: 0, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis', formatter: ps => {
      const d = new Date(ps[0].axisValue).toISOString().slice(0, 10);
      const c = p.counts.find(x => x.date === d), f = p.forecast.find(x => x.date === d);
      return esc(d) + (c ? `<br>${esc(t('prog.recorded'))}: ${esc(c.completed)}` : '') + (f ? `<br>${esc(t('prog.median'))}: ${esc(f.predicted)}<br>${esc(t('prog.band'))}: ${esc(f.low)} – ${esc(f.high)}` : '');
    } }, legend: { top: 20, data: [t('prog.recorded'), t('prog.median'), t('prog.band')] }, grid: { top: 56, left: 56, right: 40, bottom: 30 },
    xAxis: { type: 'time', max: p.due && p.due > p.forecast[p.forecast.length - 1].date ? p.due : null },
    yAxis: { type: 'value', name: t('prog.count'), min: 0, max: p.total, minInterval: 1 },
    series: [
      { name: t('prog.recorded'), type: 'line', data: recorded, symbolSize: 8, lineStyle: { color: '#24476b' }, itemStyle: { color: '#24476b' }, markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#555' }, data: marks } },
      { name: t('prog.median'), type: 'line', data: ahead, showSymbol: false, lineStyle: { type: 'dashed', color: '#1b7f3b' }, itemStyle: { color: '#1b7f3b' } },
      { name: t('prog.low'), type: 'line', data: low, stack: 'band', showSymbol: false, lineStyle: { opacity: 0 }, tooltip: { show: false } },
      { name: t('prog.band'), type: 'line', data: width, stack: 'band', showSymbol: false, lineStyle: { opacity: 0 }, areaStyle: { color: '#1b7f3b', opacity: 0.18 }, itemStyle: { color: '#8fc79f' } },
    ] }, true);
}
$('programme-pick').addEventListener('change', drawProgramme);

// ---------- heat ----------
async function renderHeat() {
  if (state.heat === null || state.heat === undefined) {
    state.heat = false;
    const r = await api(parkPath('/heat'));
    state.heat = r.ok ? r.body : { missing: true };
  }
  const h = state.heat;
  const curves = h && !h.missing ? h.composite_curves : null;
  const hot = curves?.hot, cold = curves?.cold;
  const shown = Array.isArray(hot) && Array.isArray(cold);
  ['heat-chart', 'heat-gcc', 'heat-sweep'].forEach(id => { $(id).hidden = !shown; });
  if (!shown) { $('heat-status').textContent = h === false ? t('loading') : t('heatNotYet'); $('heat-sweep-note').textContent = ''; return; }
  // GET /heat is the `parkcycle pinch --json` object: utilities and recovery in kW, the pinch (or a threshold problem).
  const pinch = h.pinch ? t('heat.pinchAt', { hot: fmt(h.pinch.hot_c), cold: fmt(h.pinch.cold_c) }) : h.threshold ? t('heat.threshold') : '';
  $('heat-status').textContent = [pinch, t('heat.utilities', { hot: fmt(h.hot_utility_kw, 0), cold: fmt(h.cold_utility_kw, 0), recovery: fmt(h.heat_recovery_kw, 0), dt: fmt(h.dt_min_c) })].filter(Boolean).join('；');
  const pointTip = p => t('heat.tooltipPoint', { t: fmt(p.value[1]), h: fmt(p.value[0], 0) });
  const grid = { left: 64, right: 24, top: 44, bottom: 48 };
  const xAxis = name => ({ type: 'value', name, nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: v => fmt(v, 0) } });
  const yAxis = name => ({ type: 'value', name, nameLocation: 'middle', nameGap: 44, scale: true });
  chart('heat-chart').setOption({ animation: false, tooltip: { trigger: 'item', formatter: p => esc(`${p.seriesName}：${pointTip(p)}`) }, legend: { top: 0 }, grid,
    xAxis: xAxis(t('heat.duty')), yAxis: yAxis(t('heat.temperature')),
    series: [{ name: t('heat.hot'), type: 'line', data: hot.map(p => [p.h_kw, p.t_c]), lineStyle: { color: '#b3261e' }, itemStyle: { color: '#b3261e' } },
      { name: t('heat.cold'), type: 'line', data: cold.map(p => [p.h_kw, p.t_c]), lineStyle: { color: '#1f5fa8' }, itemStyle: { color: '#1f5fa8' } }] }, true);
  // The grand composite curve: net heat cascaded at each shifted temperature; it touches zero at the pinch, and its
  // ends are the minimum hot (top) and cold (bottom) utilities.
  const gcc = (h.grand_composite ?? []).map(p => [p.h_kw, p.t_shifted_c]);
  chart('heat-gcc').setOption({ animation: false, tooltip: { trigger: 'item', formatter: p => esc(`${p.seriesName}：${pointTip(p)}`) }, legend: { top: 0 }, grid,
    xAxis: { ...xAxis(t('heat.flow')), min: 0 }, yAxis: yAxis(t('heat.shifted')),
    series: [{ name: t('heat.gcc'), type: 'line', data: gcc, lineStyle: { color: '#6b3fa0', width: 2 }, itemStyle: { color: '#6b3fa0' },
      markLine: h.pinch ? { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#555' }, label: { formatter: `${t('heat.pinch')} ${fmt(h.pinch.shifted_c)} °C`, position: 'insideEndTop' },
        data: [{ yAxis: Number(h.pinch.shifted_c) }] } : undefined }] }, true);
  const sweep = [...(h.sweep ?? [])].sort((a, b) => a.dt_min_c - b.dt_min_c);
  $('heat-sweep').hidden = !sweep.length;
  $('heat-sweep-note').textContent = sweep.length ? t('heat.sweepNote', { dt: fmt(h.dt_min_c) }) : t('heat.noSweep');
  if (!sweep.length) return;
  const line = (key, field, colour) => ({ name: t(key), type: 'line', data: sweep.map(p => [p.dt_min_c, p[field]]), lineStyle: { color: colour }, itemStyle: { color: colour } });
  chart('heat-sweep').setOption({ animation: false, tooltip: { trigger: 'axis', valueFormatter: v => esc(fmt(v, 0)) + ' kW' }, legend: { top: 0 }, grid: { ...grid, left: 84, top: 36 },
    xAxis: { ...xAxis(t('heat.dtmin')), min: 'dataMin', max: 'dataMax' }, yAxis: { ...yAxis(t('heat.power')), scale: false, nameGap: 64 },
    series: [line('heat.sweep.hot', 'hot_utility_kw', '#b3261e'), line('heat.sweep.cold', 'cold_utility_kw', '#1f5fa8'),
      { ...line('heat.sweep.recovery', 'heat_recovery_kw', '#17692f'), markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#555' },
        label: { formatter: t('heat.current', { dt: fmt(h.dt_min_c) }) }, data: [{ xAxis: Number(h.dt_min_c) }] } }] }, true);
}

// ---------- data ----------
async function renderData() {
  $('import-form').hidden = session.role !== 'administrator';
  if (state.versions == null) {
    const [versions, recon] = await Promise.all([api(parkPath('/versions')), api(parkPath('/reconciliation'))]);
    state.versions = versions.ok ? versions.body : false;
    state.recon = recon.ok ? recon.body : false;
  }
  const versions = Array.isArray(state.versions) ? state.versions : state.versions?.versions ?? state.versions?.items;
  $('versions-note').textContent = versions ? '' : t('notAvailable');
  table('versions', [
    { label: t('version.version'), value: v => v.version, sort: v => Number(v.version) }, { label: t('version.year'), value: v => v.reference_year ?? '—' },
    { label: t('version.imported'), value: v => v.imported_at ?? '—' }, { label: t('version.enterprises'), value: v => fmt(v.enterprises) }, { label: t('version.flows'), value: v => fmt(v.flows) },
    { label: t('version.download'), value: v => session.role === 'administrator'
      ? el('button', { type: 'button', className: 'version-download', dataset: { version: String(v.version) }, 'aria-label': t('version.downloadLabel', { version: v.version }),
        onclick: () => downloadVersion(v.version) }, 'xlsx') : '—' },
  ], versions ?? []);
  renderReconciliation();
  const balance = (state.analysis?.balance.enterprises ?? []).filter(b => b.flags.length);
  table('balance-flags', [
    { label: t('balance.enterprise'), value: b => entName(b.enterprise), title: b => b.enterprise },
    { label: t('balance.massIn'), value: b => fmt(b.mass_in_t, 0), sort: b => b.mass_in_t }, { label: t('balance.massOut'), value: b => fmt(b.mass_out_t, 0), sort: b => b.mass_out_t },
    { label: t('balance.flags'), value: b => b.flags.map(fieldError).join(t('listSep')) },
  ], balance);
}

// A dataset version as it was imported, as a workbook (the export needs the token, so it is fetched, then saved).
async function downloadVersion(version) {
  const r = await fetch(parkPath(`/dataset?format=xlsx&version=${encodeURIComponent(version)}`), { headers: { Authorization: 'Bearer ' + session.access_token } });
  if (!r.ok) return;
  const url = URL.createObjectURL(await r.blob());
  const a = el('a', { href: url, download: `${park}-v${version}.xlsx` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---------- reconciliation ----------
// GET /reconciliation: the park's measured flows reconciled under its declared balances (weighted least squares),
// with the global chi-square test and each flow's measurement test; flagged flows are the reports to query.
function scopeName(scope) {
  if (scope?.startsWith('material:')) return t('scope.material', { name: matName(scope.slice(9)) });
  return t('scope.' + scope);
}
const flowEnd = id => (String(id).startsWith('ext:') ? t('node.' + id) : entName(id));
/** The measured flows of one declared balance, each with its signed coefficient into the balance's unit (+ in, − out). */
function balanceFlows(recon, b) {
  const byId = new Map(recon.flows.map(f => [f.id, f]));
  return (b.terms ?? []).filter(x => byId.has(x.flow)).map(x => ({ ...byId.get(x.flow), coefficient: x.coefficient }));
}
function renderReconciliation() {
  const r = state.recon;
  const note = $('reconciliation-note');
  if (!r) {
    ['recon-global', 'recon-flagged-note'].forEach(id => { $(id).textContent = ''; });
    note.textContent = r === false ? t('notAvailable') : t('loading');
    $('recon-flagged').replaceChildren(); $('reconciliation').replaceChildren(); $('recon-chart').hidden = true;
    return;
  }
  const conf = fmt(r.confidence * 100, 1);
  const g = r.global_test;
  if (!r.balances.length) { $('recon-global').textContent = t('recon.none'); }
  else {
    $('recon-global').textContent = t('recon.global', { statistic: fmt(g.statistic, 2), df: g.degrees_of_freedom, p: g.p_value < 0.001 ? g.p_value.toExponential(1) : fmt(g.p_value, 3), conf })
      + (g.passed ? t('recon.passed') : t('recon.failed'));
  }
  $('recon-global').className = g.passed ? 'ok' : 'error';
  // Flagged reports, the largest test first. Within a balance the report with the strictly largest test is the most
  // likely wrong; a balance whose flows no other balance checks gives them all the same test, and then the data
  // cannot tell which report is wrong.
  const flagged = r.flows.filter(f => f.flagged).sort((a, b) => Math.abs(b.test) - Math.abs(a.test) || Math.abs(b.adjustment) - Math.abs(a.adjustment));
  const verdict = new Map();
  for (const b of r.balances) {
    const mine = balanceFlows(r, b).filter(f => f.flagged).sort((x, y) => Math.abs(y.test) - Math.abs(x.test));
    if (!mine.length) continue;
    const top = mine[0], tie = mine.length > 1 && Math.abs(mine[1].test) > Math.abs(top.test) - 1e-6 * Math.max(1, Math.abs(top.test));
    for (const f of mine) if (!verdict.has(f.id) || verdict.get(f.id) === 'other') verdict.set(f.id, tie ? 'tie' : f === top ? 'likely' : 'other');
  }
  const share = f => (f.reported ? f.adjustment / f.reported : null);
  const signed = (v, unit) => `${v > 0 ? '+' : ''}${fmt(v, 0)} ${unitName(unit)}`;
  table('recon-flagged', [
    { label: t('recon.from'), value: f => enterpriseLink(f.from), sort: f => flowEnd(f.from), title: f => `${f.id} · ${f.from}` },
    { label: t('recon.to'), value: f => enterpriseLink(f.to), sort: f => flowEnd(f.to), title: f => `${f.id} · ${f.to}` },
    { label: t('recon.material'), value: f => matName(f.material), title: f => f.material },
    { label: t('recon.reported'), value: f => qty(f.reported, f.unit), sort: f => f.reported },
    { label: t('recon.reconciled'), value: f => `${qty(f.reconciled, f.unit)} ± ${fmt(f.sigma_reconciled, 0)}`, sort: f => f.reconciled },
    { label: t('recon.adjustment'), value: f => signed(f.adjustment, f.unit), sort: f => Math.abs(f.adjustment) },
    { label: t('recon.share'), value: f => (share(f) == null ? '—' : `${share(f) > 0 ? '+' : ''}${fmt(share(f) * 100, 0)} %`), sort: f => Math.abs(share(f) ?? 0) },
    { label: t('recon.test'), value: f => fmt(f.test, 2), sort: f => Math.abs(f.test) },
    { label: t('recon.uncertainty'), value: f => `${fmt(f.uncertainty_percent)} %（${t('prov.' + f.uncertainty_from)}）`, sort: f => f.uncertainty_percent },
    { label: t('recon.why'), value: f => ({ likely: () => t(f.adjustment > 0 ? 'recon.likelyLow' : 'recon.likelyHigh', { amount: qty(Math.abs(f.adjustment), f.unit) }),
      tie: () => t('recon.tie'), other: () => t('recon.alsoFlagged') }[verdict.get(f.id) ?? 'other'])() },
  ], flagged);
  $('recon-flagged').dataset.flagged = String(flagged.length);
  $('recon-export').disabled = !flagged.length;
  const extra = [];
  if (r.estimated?.length) extra.push(t('recon.estimated', { list: list(r.estimated.map(e => `${e.id} ≈ ${qty(e.estimate, e.unit)}`)) }));
  if (r.unobservable?.length) extra.push(t('recon.unobservable', { list: list(r.unobservable) }));
  $('recon-flagged-note').textContent = [flagged.length ? t('recon.flaggedNote', { critical: fmt(r.critical_value, 2) }) : t('recon.noFlagged', { conf }), ...extra].join(' ');

  // Reported against reconciled per enterprise: one row per declared balance, sums where every flow is in its unit.
  const estimates = new Map((r.estimated ?? []).map(e => [e.id, e.estimate]));
  const values = new Map(r.flows.map(f => [f.id, f]));
  const rows = r.balances.map(b => {
    // In and out in the balance's unit; an unreported member leaves the reported sum unknown and counts by its estimate once reconciled.
    const sum = (side, field) => {
      let n = 0;
      for (const x of b.terms ?? []) {
        if ((side === 'in') !== (x.coefficient > 0)) continue;
        const v = values.has(x.flow) ? values.get(x.flow)[field] : field === 'reconciled' ? estimates.get(x.flow) : null;
        if (v == null) return null;
        n += Math.abs(x.coefficient) * v;
      }
      return n;
    };
    return { ...b, inReported: sum('in', 'reported'), inReconciled: sum('in', 'reconciled'), outReported: sum('out', 'reported'), outReconciled: sum('out', 'reconciled'),
      flagged: balanceFlows(r, b).filter(f => f.flagged).length };
  });
  const small = v => (v == null ? '—' : Math.abs(v) < 1e-6 ? '0' : fmt(v, 0));
  table('reconciliation', [
    { label: t('recon.enterprise'), value: b => enterpriseLink(b.enterprise), sort: b => entName(b.enterprise), title: b => `${b.enterprise} · ${b.id}` },
    { label: t('recon.scope'), value: b => scopeName(b.scope), title: b => b.scope },
    { label: t('recon.unit'), value: b => unitName(b.unit) },
    { label: t('recon.flows'), value: b => fmt(b.flows), sort: b => b.flows },
    { label: t('recon.inReported'), value: b => small(b.inReported), sort: b => b.inReported ?? -1 },
    { label: t('recon.inReconciled'), value: b => small(b.inReconciled), sort: b => b.inReconciled ?? -1 },
    { label: t('recon.outReported'), value: b => small(b.outReported), sort: b => b.outReported ?? -1 },
    { label: t('recon.outReconciled'), value: b => small(b.outReconciled), sort: b => b.outReconciled ?? -1 },
    { label: t('recon.residual'), value: b => `${small(b.residual_reported)} → ${small(b.residual_reconciled)}`, sort: b => Math.abs(b.residual_reported ?? 0) },
    { label: t('recon.flaggedCount'), value: b => (b.flagged ? fmt(b.flagged) : ''), sort: b => b.flagged },
  ], rows, { onRow: b => { $('recon-enterprise').value = b.id; renderReconChart(); } });
  const pick = $('recon-enterprise');
  const keep = pick.value;
  pick.replaceChildren(...r.balances.map(b => el('option', { value: b.id }, `${entName(b.enterprise)} · ${scopeName(b.scope)}`)));
  const firstFlagged = r.balances.find(b => balanceFlows(r, b).some(f => f.flagged))?.id;
  pick.value = r.balances.some(b => b.id === keep) ? keep : firstFlagged ?? r.balances[0]?.id ?? '';
  note.textContent = '';
  renderReconChart();
}

/** One balance's measured flows as bars in its unit: what was reported and what the balances make of it (± one sigma in the tooltip). */
function renderReconChart() {
  const r = state.recon;
  const b = r?.balances.find(x => x.id === $('recon-enterprise').value);
  const node = $('recon-chart');
  const flows = b ? balanceFlows(r, b) : [];
  node.hidden = !flows.length;
  if (!flows.length) return;
  const k = f => Math.abs(f.coefficient);
  const label = f => `${f.flagged ? '⚠ ' : ''}${f.coefficient > 0 ? t('recon.in') : t('recon.out')} · ${matName(f.material)}（${f.coefficient > 0 ? flowEnd(f.from) : flowEnd(f.to)}）`;
  node.style.height = `${Math.max(220, 60 + flows.length * 34)}px`;
  const c = chart('recon-chart');
  c.resize();
  c.setOption({ animation: false, legend: { top: 0 }, grid: { left: 8, right: 40, top: 30, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: ps => {
      const f = flows[ps[0].dataIndex];
      return `${esc(label(f))}<br>${esc(t('recon.reported'))}: ${esc(qty(f.reported, f.unit))} ± ${esc(fmt(f.sigma_reported, 0))}<br>${esc(t('recon.reconciled'))}: ${esc(qty(f.reconciled, f.unit))} ± ${esc(fmt(f.sigma_reconciled, 0))}<br><small>${esc(f.id)}</small>`;
    } },
    xAxis: { type: 'value', name: unitName(b.unit), axisLabel: { formatter: v => fmt(v, 0) } },
    yAxis: { type: 'category', inverse: true, data: flows.map(label), axisLabel: { width: 300, overflow: 'truncate' } },
    series: [
      { name: t('recon.reported'), type: 'bar', itemStyle: { color: '#7a8899' }, data: flows.map(f => f.reported * k(f)) },
      { name: t('recon.reconciled'), type: 'bar', data: flows.map(f => f.reconciled * k(f)), itemStyle: { color: '#24476b' } },
    ] }, true);
}
$('recon-enterprise').addEventListener('change', renderReconChart);
$('recon-export').addEventListener('click', () => {
  const r = state.recon;
  if (!r) return;
  const rows = r.flows.filter(f => f.flagged);
  exportXlsx(`${park}-reconciliation-flags`,
    [t('recon.from'), t('recon.to'), t('recon.material'), t('recon.reported'), t('recon.reconciled'), t('recon.adjustment'), t('recon.test'), t('recon.unit'), 'flow_id', 'from_id', 'to_id', 'material_id'],
    rows.map(f => [flowEnd(f.from), flowEnd(f.to), matName(f.material), f.reported, f.reconciled, f.adjustment, f.test, unitName(f.unit), f.id, f.from, f.to, f.material]));
});

// Uploads with a progress bar, then shows the server's verdict (every problem of a rejected dataset, as text). A dry
// run shows what the version would change (added, removed and changed enterprises, flows and materials, each KPI
// before and after) with a button that imports the same file.
$('import-form').addEventListener('submit', e => {
  e.preventDefault();
  const file = $('import-file').files[0];
  if (file) upload(file, $('import-dry-run').checked);
});
$('import-cancel').addEventListener('click', () => { $('import-diff').hidden = true; $('import-result').textContent = ''; });
let previewed = null;
$('import-confirm').addEventListener('click', () => { if (previewed) upload(previewed, false); });

function flowLabel(id) {
  const f = (state.flows?.flows ?? []).find(x => x.id === id);
  return f ? `${flowEnd(f.from)} → ${flowEnd(f.to)} · ${matName(f.material)}` : id;
}
function showDiff(body, file) {
  previewed = file;
  const label = { enterprises: entName, flows: flowLabel, materials: matName };
  // Names are those of the park shown; a preview of another park names by id.
  const same = body.park === park;
  const lines = [];
  for (const what of ['enterprises', 'flows', 'materials']) {
    const d = body.diff[what] ?? {};
    for (const kind of ['added', 'removed', 'changed']) {
      const ids = d[kind] ?? [];
      if (!ids.length) continue;
      const items = ids.slice(0, 20).map(id => (same || what === 'materials' ? label[what](id) : id));
      lines.push(el('li', { dataset: { what, kind }, title: ids.join(', ') }, t('diff.line', { what: t('diff.' + what), kind: t('diff.' + kind), n: ids.length, items: list(items, 20) })));
    }
  }
  $('import-diff-lists').replaceChildren(...(lines.length ? lines : [el('li', {}, t('diff.none'))]));
  const named = id => { const k = state.analysis?.kpis.find(x => x.id === id); return k ? kpiName(k) : id; };
  const moved = (body.kpis ?? []).filter(k => k.before !== k.after);
  table('import-kpis', [
    { label: t('diff.kpiName'), value: k => named(k.id), title: k => k.id },
    { label: t('diff.before'), value: k => fmt(k.before, 2), sort: k => k.before ?? -Infinity },
    { label: t('diff.after'), value: k => fmt(k.after, 2), sort: k => k.after ?? -Infinity },
    { label: t('diff.delta'), value: k => (k.before == null || k.after == null ? '—' : `${k.after - k.before > 0 ? '+' : ''}${fmt(k.after - k.before, 2)}`) },
  ], moved, { sortable: false });
  if (!moved.length) $('import-kpis').append(el('tbody', {}, el('tr', {}, el('td', { colSpan: 4 }, t('diff.noKpiChange')))));
  $('import-confirm').textContent = t('import.confirm', { version: body.version });
  $('import-diff').hidden = false;
}

function upload(file, dryRun) {
  const type = file.name.endsWith('.json') ? 'application/json' : file.name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/zip';
  const bar = $('import-progress'), result = $('import-result');
  bar.hidden = false; bar.value = 0; result.textContent = ''; $('import-problems').replaceChildren(); $('import-diff').hidden = true;
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/datasets' + (dryRun ? '?dry_run=true' : ''));
  xhr.setRequestHeader('Content-Type', type);
  xhr.setRequestHeader('Authorization', 'Bearer ' + session.access_token);
  xhr.setRequestHeader('X-Requested-With', 'parkcycle');
  xhr.setRequestHeader('Accept-Language', lang === 'en' ? 'en' : 'zh-CN');
  xhr.upload.addEventListener('progress', ev => { if (ev.lengthComputable) bar.value = Math.round(100 * ev.loaded / ev.total); });
  xhr.addEventListener('loadstart', () => { result.textContent = t('uploading'); });
  xhr.upload.addEventListener('load', () => { result.textContent = t('validating'); });
  xhr.addEventListener('load', async () => {
    bar.value = 100;
    let body = {};
    try { body = JSON.parse(xhr.responseText || '{}'); } catch { body = {}; }
    if (xhr.status === 200 && body.diff) {
      result.textContent = t('dryRunResult', { park: body.park, version: body.version }) + ['enterprises', 'flows', 'materials'].map(k => {
        const d = body.diff[k] ?? {};
        return `${t('diff.' + k)}: ${t('diff.added')} ${(d.added ?? []).length} · ${t('diff.removed')} ${(d.removed ?? []).length} · ${t('diff.changed')} ${(d.changed ?? []).length}`;
      }).join('；');
      showDiff(body, file);
      return;
    }
    previewed = null;
    if (xhr.status === 201) {
      result.textContent = body.version > 1 ? t('importedVersion', body) : t('imported', body);
      // The shown park's new version: its list, history, reconciliation and analysis are read again.
      if (body.park === park) { state.versions = null; state.history = undefined; state.recon = null; renderData(); }
      const parks = await api('/api/parks');
      if (parks.ok) {
        state.parks = parks.body;
        const keep = park;
        $('park').replaceChildren(...state.parks.map(p => el('option', { value: p.id }, bilingual(p.name))));
        $('park').value = keep;
      }
      return;
    }
    result.textContent = t('importFailed', { title: body.title ?? String(xhr.status) });
    $('import-problems').replaceChildren(...(body.problems ?? []).slice(0, 50).map(p =>
      el('li', { dataset: { file: p.file ?? '', line: p.line ?? '', column: p.column ?? '' }, title: p.reason ?? '' },
        t('problem', { file: p.file ?? '', line: p.line ? ':' + p.line : '', column: p.column ?? '', reason: datasetReason(p.reason ?? '', p.severity) }))));
  });
  xhr.send(file);
}

// ---------- enterprises ----------
function renderEnterprises() {
  const query = $('enterprise-filter').value.trim().toLowerCase();
  const rows = state.enterprises.filter(e => !query || [e.id, e.name, e.name_en ?? ''].some(s => String(s).toLowerCase().includes(query)));
  table('enterprises', [
    { label: t('ent.name'), value: e => entName(e.id), title: e => e.id },
    { label: t('ent.id'), value: e => e.id, className: 'ids' },
    { label: t('ent.zone'), value: e => zoneName(e.zone), title: e => e.zone },
    { label: t('ent.chain'), value: e => (e.chains ?? []).map(chainName).join(t('listSep')) },
    { label: t('ent.status'), value: e => t('entstatus.' + e.status), title: e => e.status },
    { label: t('ent.sector'), value: e => e.sector ?? '—' },
  ], rows, { onRow: e => showEnterprise(e.id) });
  if (state.detail) showEnterprise(state.detail, false);
}
$('enterprise-filter').addEventListener('input', renderEnterprises);

function reportColumns(withReporter) {
  const pos = x => x.offer || x.need || {};
  return [
    { label: t('rep.kind'), value: x => t('repkind.' + x.kind), title: x => x.kind },
    { label: t('rep.material'), value: x => matName(pos(x).material_id), title: x => pos(x).material_id },
    { label: t('rep.quantity'), value: x => qty(pos(x).quantity, pos(x).unit), sort: x => Number(pos(x).quantity ?? 0) },
    { label: t('rep.notes'), value: x => pos(x).quality_notes ?? pos(x).notes ?? '' },
    ...(withReporter ? [{ label: t('rep.by'), value: x => x.reporter ?? '' }] : []),
    { label: t('rep.version'), value: x => x.version, sort: x => Number(x.version) },
    { label: t('rep.id'), value: x => x.report_id, className: 'ids' },
  ];
}

/** Goes to the enterprises view with one enterprise's page open (its profile, balance and report history), focused. */
function openEnterprise(id) {
  state.detail = id;
  if (location.hash === '#enterprises') { showEnterprise(id); return; }
  focusAfterView = 'enterprise-detail';
  location.hash = 'enterprises';
}
// A link to an enterprise's page, for tables that name enterprises (ends outside the park have no page).
function enterpriseLink(id) {
  if (!enterpriseIndex.has(id)) return flowEnd(id);
  return el('a', { href: '#enterprises', className: 'enterprise-link', dataset: { enterprise: id },
    onclick: e => { e.preventDefault(); e.stopPropagation(); openEnterprise(id); } }, entName(id));
}

async function showEnterprise(id, focus = true) {
  state.detail = id;
  const box = $('enterprise-detail');
  const e = enterpriseIndex.get(id);
  const b = state.analysis?.balance.enterprises.find(x => x.enterprise === id);
  const children = [el('h3', { id: 'detail-name' }, entName(id)), el('p', { className: 'ids' }, `${id}${e ? ' · ' + zoneName(e.zone) : ''}`)];
  if (b) {
    children.push(el('h4', {}, t('balance')));
    children.push(el('p', { id: 'detail-balance' }, t('balanceLine', { mi: fmt(b.mass_in_t, 0), mo: fmt(b.mass_out_t, 0), ei: fmt(b.energy_in_gj, 0), eo: fmt(b.energy_out_gj, 0), wi: fmt(b.water_in_m3, 0), wo: fmt(b.water_out_m3, 0) })
      + (b.flags.length ? ` ⚠ ${b.flags.map(fieldError).join(t('listSep'))}` : '')));
  }
  children.push(el('h4', {}, t('reports')), el('table', { id: 'detail-reports' }));
  box.replaceChildren(...children);
  if (focus) box.focus();
  const r = await api(`/api/enterprises/${encodeURIComponent(id)}/reports`);
  if (r.ok && state.detail === id) table('detail-reports', reportColumns(true), r.body.items, { empty: t('noReports') });
}

// ---------- monthly report ----------
function renderReport() {
  const a = state.analysis;
  const box = $('monthly-report');
  if (!a) { box.replaceChildren(); return; }
  const now = new Date();
  const listing = state.parks.find(p => p.id === park);
  const section = (title, ...content) => el('section', { className: 'report-section' }, el('h3', {}, title), ...content);
  const kpis = el('table', { id: 'report-kpis' });
  const plan = el('table', { id: 'report-plan' });
  const projects = state.forecast?.projects ?? [];
  const flags = state.forecast?.flags ?? [];
  box.replaceChildren(
    el('header', { className: 'report-head' }, el('h2', {}, `${listing ? bilingual(listing.name) : park} · ${t('report')}`),
      el('p', {}, `${t('report.month', { year: now.getFullYear(), month: now.getMonth() + 1 })} · ${t('report.generated', { date: now.toLocaleDateString(locale()) })}`)),
    section(t('report.kpis'), kpis),
    section(t('report.flows'), el('div', { id: 'report-sankey', className: 'chart report-chart', role: 'img', 'aria-label': t('reportSankey') }), el('p', {}, `${t('summary.loops')}: ${fmt(a.summary.loops)} · ${t('summary.waste')}: ${a.summary.solid_waste_absorbed_share == null ? '—' : fmt(a.summary.solid_waste_absorbed_share * 100) + ' %'}`)),
    section(t('report.plan'), el('p', {}, planSummary(a.plan)), plan),
    section(t('report.gaps'), el('ol', {}, a.gaps.slice(0, 8).map(g => el('li', {}, el('strong', {}, gapName(g)), ' — ', gapReasoning(g))))),
    section(t('report.progress'), el('p', {}, t('report.progressLine', { n: projects.length, late: flags.filter(f => f.late).length, stalled: flags.filter(f => f.stalled).length }))),
  );
  renderKpiTable('report-kpis', a.kpis);
  table('report-plan', planColumns().slice(0, 8), [...a.plan.exchanges].sort((x, y) => y.co2e_avoided_t - x.co2e_avoided_t).slice(0, 15), { sortable: false });
  const g = flowGraph('chain', 'mass');
  if (charts['report-sankey']) { charts['report-sankey'].dispose(); delete charts['report-sankey']; }
  chart('report-sankey').setOption({ animation: false, series: [{ type: 'sankey', left: 4, right: 120, top: 6, bottom: 6, label: { formatter: p => nodeName(p.name), fontSize: 10 },
    data: g.nodes.map(name => ({ name })), links: g.forward }] });
}
$('report-print').addEventListener('click', () => window.print());

// ---------- enterprise: reporting ----------
function loadReports() {
  return api(`/api/enterprises/${encodeURIComponent(session.enterprise)}/reports`).then(r => { state.reports = r.ok ? r.body.items : []; if (session?.role === 'enterprise') renderMine(); });
}
function renderMine() {
  const p = state.profile;
  $('my-profile').replaceChildren(...(p ? [[t('ent.name'), entName(p.id)], [t('ent.id'), p.id], [t('ent.zone'), p.zone], [t('ent.chain'), (p.chains ?? []).map(chainName).join(t('listSep'))],
    [t('ent.status'), t('entstatus.' + p.status)]] : []).map(([k, v]) => el('div', { className: 'card' }, el('dt', {}, k), el('dd', {}, v ?? '—'))));
  table('my-reports', reportColumns(false), state.reports, { empty: t('noReports') });
}
function renderReporting() { refreshPickers(); }

const iso = d => d.toISOString().slice(0, 10);
function setDefaultDates() {
  const today = new Date();
  const next = new Date(today); next.setFullYear(today.getFullYear() + 1);
  const soon = new Date(today); soon.setMonth(today.getMonth() + 3);
  if (!$('offer-from').value) $('offer-from').value = iso(today);
  if (!$('offer-to').value) $('offer-to').value = iso(next);
  if (!$('need-by').value) $('need-by').value = iso(soon);
}

// Material picker: search names (Chinese, English), ids and categories over the catalogue and the park's own
// materials; choosing one sets the hidden id and offers the units that material can be reported in.
function searchMaterials(query) {
  const q = query.trim().toLowerCase();
  if (!q) return state.materials.slice(0, 12);
  const scored = [];
  for (const m of state.materials) {
    const fields = [m.name, m.name_en ?? '', m.id, ...(m.aliases ?? []), categoryName(m.category)].map(s => String(s).toLowerCase());
    const exact = fields.some(f => f === q), starts = fields.some(f => f.startsWith(q)), contains = fields.some(f => f.includes(q));
    if (exact || starts || contains) scored.push([exact ? 0 : starts ? 1 : 2, m]);
  }
  return scored.sort((x, y) => x[0] - y[0] || x[1].id.localeCompare(y[1].id)).slice(0, 12).map(x => x[1]);
}

function setupPicker(form) {
  const input = form.querySelector('.material-search');
  const hidden = form.querySelector('input[name=material]');
  const listbox = form.querySelector('.picker');
  const unit = form.querySelector('select[name=unit]');
  let options = [], active = -1;
  const close = () => { listbox.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); };
  const choose = m => {
    hidden.value = m.id;
    input.value = `${matName(m.id)}（${m.id}）`;
    input.dataset.chosen = m.id;
    fillUnits(unit, m);
    close();
    form.querySelector('.field-error[data-for=material]').textContent = '';
  };
  const renderOptions = () => {
    listbox.replaceChildren(...(options.length ? options.map((m, i) => el('li', { id: `${listbox.id}-${i}`, role: 'option', className: 'option', 'aria-selected': String(i === active),
      onmousedown: e => { e.preventDefault(); choose(m); } },
      el('span', { className: 'opt-name' }, matName(m.id)), ' ',
      el('span', { className: 'opt-meta' }, `${lang === 'en' ? m.name : m.name_en ?? ''} · ${m.id} · ${categoryName(m.category)} · ${(m.units ?? [m.unit]).map(unitName).join(' / ')}`)))
      : [el('li', { className: 'option none', role: 'option', 'aria-disabled': 'true' }, t('pickerNone'))]));
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listbox.id}-${active}`);
  };
  input.addEventListener('input', () => {
    hidden.value = '';
    delete input.dataset.chosen;
    options = searchMaterials(input.value);
    active = options.length ? 0 : -1;
    renderOptions();
  });
  input.addEventListener('focus', () => { if (!input.dataset.chosen) { options = searchMaterials(input.value); active = -1; renderOptions(); } });
  input.addEventListener('keydown', e => {
    if (listbox.hidden && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) { options = searchMaterials(input.value); active = 0; renderOptions(); e.preventDefault(); return; }
    if (e.key === 'ArrowDown') { active = Math.min(options.length - 1, active + 1); renderOptions(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); renderOptions(); e.preventDefault(); }
    else if (e.key === 'Enter' && !listbox.hidden && options[active]) { choose(options[active]); e.preventDefault(); }
    else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => {
    // A name typed in full and not picked is taken when it names exactly one material.
    if (!hidden.value && input.value.trim()) {
      const q = input.value.trim().toLowerCase();
      const exact = state.materials.filter(m => [m.id, m.name, m.name_en ?? ''].some(s => String(s).toLowerCase() === q));
      if (exact.length === 1) choose(exact[0]);
    }
    close();
  });
  form.picker = { refresh: () => { if (hidden.value && materialIndex.has(hidden.value)) { input.value = `${matName(hidden.value)}（${hidden.value}）`; fillUnits(unit, materialIndex.get(hidden.value)); } else if (!unit.options.length) fillUnits(unit, null); } };
}

function fillUnits(select, material) {
  const keep = select.value;
  const units = material ? (material.units ?? [material.unit]) : ['t', 'kg', 'm3', 'GJ', 'MWh', 'kWh', 'tce'];
  select.replaceChildren(...units.map(u => el('option', { value: u }, unitName(u) === u ? u : `${unitName(u)}（${u}）`)));
  select.value = units.includes(keep) && !material ? keep : units[0];
}
function refreshPickers() { ['offer-form', 'need-form'].forEach(id => $(id).picker?.refresh()); }

function parseNumber(text) {
  const cleaned = String(text).replace(/[,，\s]/g, '').replace(/。/g, '.');
  return cleaned === '' ? null : /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
}

// Each control of a form is described by its hint and its error slot, so a screen reader reads both with the field.
function describeFields(form) {
  form.querySelectorAll('.field').forEach(field => {
    const control = field.querySelector('input:not([type=hidden]), select');
    if (!control) return;
    const ids = [...field.querySelectorAll('.hint, .field-error')].map((node, i) => node.id || (node.id = `${control.id}-${node.classList.contains('hint') ? 'hint' : 'error'}${i ? '-' + i : ''}`));
    control.setAttribute('aria-describedby', ids.join(' '));
  });
}
// A field with an error says so (aria-invalid) until the next submit.
function markInvalid(form) {
  form.querySelectorAll('.field').forEach(field => {
    const control = field.querySelector('input:not([type=hidden]), select');
    if (!control) return;
    if ([...field.querySelectorAll('.field-error')].some(e => e.textContent)) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  });
}

async function submitForm(form, path, resultId) {
  try { return await sendForm(form, path, resultId); } finally { markInvalid(form); }
}

async function sendForm(form, path, resultId) {
  form.querySelectorAll('.field-error').forEach(s => { s.textContent = ''; });
  const result = $(resultId);
  result.textContent = '';
  const data = Object.fromEntries(new FormData(form).entries());
  for (const k of Object.keys(data)) if (data[k] === '') delete data[k];
  let bad = false;
  if (!data.material) {
    const text = form.querySelector('.material-search').value.trim();
    form.querySelector('.field-error[data-for=material]').textContent = text ? t('err.unknownMaterial', { 0: text }) : t('pickerChoose');
    bad = true;
  }
  for (const k of ['quantity', 'price_cny_per_unit']) {
    if (!(k in data)) continue;
    const n = parseNumber(data[k]);
    if (Number.isNaN(n)) { form.querySelector(`.field-error[data-for=${k}]`).textContent = t('err.number'); bad = true; } else data[k] = n;
  }
  if (bad) return null;
  const r = await api(path, { method: 'POST', body: JSON.stringify(data), headers: { 'Idempotency-Key': newKey() } });
  if (!r.ok) {
    const errors = r.body?.errors ?? {};
    if (!Object.keys(errors).length) result.textContent = r.status === 403 ? t('err.forbidden') : t('err.server', { status: r.status });
    Object.entries(errors).forEach(([field, reasons]) => {
      const slot = form.querySelector(`.field-error[data-for="${CSS.escape(field)}"]`);
      const textOf = reasons.map(fieldError).join('；');
      if (slot) slot.textContent = textOf; else result.textContent += `${field}: ${textOf} `;
    });
    result.className = 'error';
    return null;
  }
  result.className = 'ok';
  result.textContent = t('accepted', { id: r.body.report_id, version: r.body.version });
  loadReports();
  return r.body;
}

$('offer-form').addEventListener('submit', async e => {
  e.preventDefault();
  const body = await submitForm(e.target, `/api/enterprises/${encodeURIComponent(session.enterprise)}/offers`, 'offer-result');
  if (body) showMatches(body.matches);
});
$('need-form').addEventListener('submit', async e => {
  e.preventDefault();
  const body = await submitForm(e.target, `/api/enterprises/${encodeURIComponent(session.enterprise)}/needs`, 'need-result');
  if (body) showMatches(body.matches);
});

// Matches stay anonymous until both sides press "connect" on the same match.
function showMatches(matches) {
  const named = m => (m.counterpart === 'anonymous' || !m.counterpart ? t('anonymous') : entName(m.counterpart));
  table('matches', [
    { label: t('match.counterpart'), value: named },
    { label: t('match.zone'), value: m => zoneName(m.counterpart_zone) },
    { label: t('col.material'), value: m => matName(m.source_material), title: m => m.source_material },
    { label: t('col.replaced'), value: m => matName(m.replaced_material), title: m => m.replaced_material },
    { label: t('col.quantity'), value: m => qty(m.quantity, m.unit), sort: m => Number(m.quantity ?? 0) },
    { label: t('col.distance'), value: m => fmt(m.distance_km), sort: m => Number(m.distance_km ?? 0) },
    { label: t('col.co2e'), value: m => fmt(m.co2e_avoided_t, 0), sort: m => Number(m.co2e_avoided_t ?? 0) },
    { label: t('match.action'), value: () => '' },
  ], matches, { sortable: false });
  if (!matches.length) $('matches').append(el('tbody', {}, el('tr', {}, el('td', { colSpan: 8 }, t('noMatches')))));
  [...$('matches').querySelectorAll('tbody tr')].forEach((row, i) => {
    const m = matches[i];
    if (!m) return;
    const button = el('button', { type: 'button', disabled: !!m.connected }, m.connected ? t('connected') : t('connect'));
    button.addEventListener('click', async () => {
      const r = await api(`/api/enterprises/${encodeURIComponent(session.enterprise)}/connections`, { method: 'POST', body: JSON.stringify({ connection_id: m.connection_id }) });
      if (r.ok) { button.textContent = r.body.agreed ? t('connectedWith', { who: entName(r.body.counterpart) }) : t('waiting'); button.disabled = true; }
    });
    row.cells[7].replaceChildren(button);
  });
}

setupPicker($('offer-form'));
setupPicker($('need-form'));
describeFields($('offer-form'));
describeFields($('need-form'));
applyLanguage();
start();
