// ParkCycle dashboard: plain JavaScript over the /api endpoints; charts with ECharts (installed by the build).
'use strict';

const PARK = 'linxiang';
const text = {
  zh: {},
  en: {
    title: 'Linxiang High-tech Zone · Circular material-flow platform', logout: 'Log out', login: 'Log in', username: 'Username',
    password: 'Password', signin: 'Log in', loading: 'Loading the analysis…', kpis: 'KPIs against targets',
    sankey: 'Material flows by chain (Sankey, t/a)', network: 'Loop network (red: closed loops)', opportunities: 'Opportunities and the optimal plan',
    gaps: 'Chain gaps for investment promotion', forecast: 'Retrofit progress forecast', enterprises: 'Enterprises', offer: 'Report a byproduct',
    material: 'Material', quantity: 'Quantity', unit: 'Unit', period: 'Period', from: 'Available from', to: 'Available to',
    price: 'Price (CNY/unit, 0 = free)', notes: 'Quality notes', submit: 'Submit', matches: 'Who could take it (anonymised)',
    need: 'Report a need', neededBy: 'Needed by', myReports: 'Our reports', import: 'Import a dataset (zip / json / xlsx)', upload: 'Upload',
  },
};
let lang = 'zh';
const zhDefaults = {};
document.querySelectorAll('[data-i18n]').forEach(el => { zhDefaults[el.dataset.i18n] = el.textContent; });
function t(key) { return (lang === 'en' ? text.en[key] : zhDefaults[key]) || key; }
function applyLanguage() {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.getElementById('lang').textContent = lang === 'en' ? '中文' : 'English';
}
document.getElementById('lang').addEventListener('click', () => { lang = lang === 'en' ? 'zh' : 'en'; applyLanguage(); });

let session = JSON.parse(sessionStorage.getItem('parkcycle') || 'null');

async function api(path, options = {}) {
  const headers = { 'Content-Type': 'application/json', ...(options.headers || {}) };
  if (session) headers.Authorization = 'Bearer ' + session.access_token;
  const response = await fetch(path, { ...options, headers });
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  return { ok: response.ok, status: response.status, body };
}

function cell(row, value) { const td = document.createElement('td'); td.textContent = value ?? '—'; row.appendChild(td); return td; }
function table(id, headers, rows) {
  const el = document.getElementById(id);
  el.innerHTML = '';
  const head = el.insertRow();
  headers.forEach(h => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
  rows.forEach(values => { const row = el.insertRow(); values.forEach(v => cell(row, v)); });
  return el;
}
const fmt = n => n == null ? '—' : Number(n).toLocaleString('en-US', { maximumFractionDigits: 1 });

document.getElementById('login-form').addEventListener('submit', async e => {
  e.preventDefault();
  const r = await api('/api/auth/token', { method: 'POST', body: JSON.stringify({ username: username.value, password: password.value }) });
  if (!r.ok) { document.getElementById('login-error').textContent = r.body?.title || 'login failed'; return; }
  session = r.body;
  sessionStorage.setItem('parkcycle', JSON.stringify(session));
  show();
});
document.getElementById('logout').addEventListener('click', () => { session = null; sessionStorage.removeItem('parkcycle'); document.cookie = 'parkcycle_token=; Max-Age=0; path=/'; show(); });

function show() {
  document.getElementById('login-view').hidden = !!session;
  document.getElementById('logout').hidden = !session;
  document.getElementById('who').textContent = session ? `${session.role}${session.enterprise ? ' · ' + session.enterprise : ''}` : '';
  document.getElementById('park-view').hidden = !session || session.role === 'enterprise';
  document.getElementById('enterprise-view').hidden = !session || session.role !== 'enterprise';
  document.getElementById('orleans-link').hidden = !session || session.role !== 'administrator';
  if (!session) return;
  if (session.role === 'enterprise') loadEnterprise(); else loadPark();
}

async function loadPark() {
  const progress = document.getElementById('progress');
  progress.hidden = false;
  const [analysis, sankey, forecast, enterprises] = await Promise.all([
    api(`/api/parks/${PARK}/analysis`), api(`/api/parks/${PARK}/sankey`), api(`/api/parks/${PARK}/forecast`), api(`/api/parks/${PARK}/enterprises?page_size=500`)]);
  progress.hidden = true;
  if (analysis.ok) renderAnalysis(analysis.body);
  if (sankey.ok) renderSankey(sankey.body);
  if (forecast.ok) renderForecast(forecast.body);
  if (enterprises.ok) renderEnterprises(enterprises.body.items);
  document.getElementById('import-form').hidden = session.role !== 'administrator';
  watchAnalysis();
}

// Re-analysis runs in the background after reports arrive: show which snapshot the figures describe until it catches up.
async function watchAnalysis() {
  const status = document.getElementById('analysis-status');
  for (let i = 0; i < 120 && session && session.role !== 'enterprise'; i++) {
    const r = await api(`/api/parks/${PARK}/`);
    if (!r.ok) return;
    const { version, analysed_version: analysed } = r.body;
    if (analysed >= version) { status.textContent = `分析为最新 analysis up to date (snapshot v${version})`; return; }
    status.textContent = `正在重新分析 re-analysing: snapshot v${analysed} → v${version}…`;
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

// Uploads with a progress bar, then shows the server's verdict (every problem of a rejected dataset).
document.getElementById('import-form').addEventListener('submit', e => {
  e.preventDefault();
  const file = document.getElementById('import-file').files[0];
  if (!file) return;
  const type = file.name.endsWith('.json') ? 'application/json' : file.name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/zip';
  const bar = document.getElementById('import-progress');
  const result = document.getElementById('import-result');
  bar.hidden = false; bar.value = 0; result.textContent = '';
  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/datasets');
  xhr.setRequestHeader('Content-Type', type);
  xhr.setRequestHeader('Authorization', 'Bearer ' + session.access_token);
  xhr.upload.onprogress = ev => { if (ev.lengthComputable) bar.value = Math.round(100 * ev.loaded / ev.total); };
  xhr.onloadstart = () => { result.textContent = '上传中 uploading…'; };
  xhr.upload.onload = () => { result.textContent = '校验与载入中 validating and loading…'; };
  xhr.onload = () => {
    bar.value = 100;
    const body = JSON.parse(xhr.responseText || '{}');
    result.textContent = xhr.status === 201 ? `✔ ${body.park}: ${body.enterprises} enterprises, ${body.flows} flows`
      : `✖ ${body.title || xhr.status} ${(body.problems || []).slice(0, 20).map(p => `${p.file}${p.line ? ':' + p.line : ''}: ${p.column || ''}: ${p.reason}`).join(' | ')}`;
  };
  xhr.send(file);
});

let lastAnalysis = null;
function renderAnalysis(a) {
  lastAnalysis = a;
  table('kpis', ['指标 KPI', '值 value', '目标 target', '状态 status'], a.kpis.map(k => [k.name + ' / ' + k.name_en, k.value == null ? '—' : fmt(k.value) + ' ' + k.unit, k.target == null ? '—' : k.direction + ' ' + k.target + ' ' + k.unit, k.status]));
  const plan = a.plan;
  document.getElementById('plan-summary').textContent = `${plan.exchanges.length} exchanges · ${fmt(plan.total_co2e_avoided_t)} t CO2e/a · net ${fmt(plan.total_net_value_cny)} CNY/a (${plan.solver}, ${plan.status})`;
  table('opportunities', ['供方', '需方', '物料', '替代', '数量', '距离 km', 'CO2e t/a', '闭环'],
    plan.exchanges.slice(0, 30).map(o => [o.supplier, o.consumer, o.source_material, o.replaced_material, fmt(o.quantity) + ' ' + o.unit, fmt(o.distance_km), fmt(o.co2e_avoided_t), o.closes_loop ? '✔' : '']));
  const gaps = document.getElementById('gaps');
  gaps.innerHTML = '';
  a.gaps.slice(0, 12).forEach(g => { const li = document.createElement('li'); li.textContent = `[${g.chain}] ${g.name} ${g.name_en}: ${g.reasoning}`; gaps.appendChild(li); });
  const nodes = new Map();
  const links = [];
  const inLoop = new Set();
  a.loops.forEach(l => l.hops.forEach(h => inLoop.add(h.from + '>' + h.to)));
  a.loops.forEach(l => l.hops.forEach(h => { nodes.set(h.from, 1); nodes.set(h.to, 1); }));
  a.plan.exchanges.forEach(o => { nodes.set(o.supplier, 1); nodes.set(o.consumer, 1); links.push({ source: o.supplier, target: o.consumer, lineStyle: { color: '#7a8fa6', type: 'dashed' } }); });
  inLoop.forEach(k => { const [s, d] = k.split('>'); links.push({ source: s, target: d, lineStyle: { color: '#d9534f', width: 2.5 } }); });
  echarts.init(document.getElementById('network')).setOption({
    tooltip: {}, series: [{ type: 'graph', layout: 'force', roam: true, force: { repulsion: 120 }, label: { show: true, fontSize: 9 },
      edgeSymbol: ['none', 'arrow'], data: [...nodes.keys()].map(n => ({ name: n, symbolSize: 12 })), links }],
  });
}

const nodeLabel = n => n.replace(/^in:|^to:/, '').replace('ext:import', '外购 imports').replace('ext:market', '外售 market').replace('ext:landfill', '填埋 landfill')
  .replace('ext:incineration', '焚烧 incineration').replace('ext:storage', '堆存 storage').replace('ext:discharge', '排放 discharge').replace('ext:atmosphere', '大气 atmosphere')
  .replace(/^chain:(.*)$/, (_, c) => (n.startsWith('to:') ? '园内 in-park → ' : '') + c);

function renderSankey(links) {
  const names = new Set();
  links.forEach(l => { names.add(l.source); names.add(l.target); });
  echarts.init(document.getElementById('sankey')).setOption({
    tooltip: { trigger: 'item' },
    series: [{ type: 'sankey', layoutIterations: 32, nodeGap: 10, label: { formatter: p => nodeLabel(p.name) },
      data: [...names].map(name => ({ name })), links: links.map(l => ({ source: l.source, target: l.target, value: Number(l.tonnes) })) }],
  });
}

function renderForecast(f) {
  const chart = echarts.init(document.getElementById('forecast'));
  const series = [];
  f.targets.forEach(t => {
    const months = t.curve.map(p => p.month);
    series.push({ name: t.target.id, type: 'line', data: t.curve.map(p => [p.month, p.expected * 100]), showSymbol: false,
      markLine: { symbol: 'none', data: [{ yAxis: t.target.share * 100, name: 'target' }, { xAxis: t.target.due }], lineStyle: { type: 'dashed' } } });
    series.push({ name: t.target.id + ' 10%', type: 'line', data: t.curve.map(p => [p.month, p.low * 100]), lineStyle: { opacity: 0 }, stack: t.target.id, showSymbol: false });
    series.push({ name: t.target.id + ' 90%', type: 'line', data: t.curve.map(p => [p.month, (p.high - p.low) * 100]), lineStyle: { opacity: 0 }, areaStyle: { opacity: 0.15 }, stack: t.target.id, showSymbol: false });
    void months;
  });
  chart.setOption({ tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' }, xAxis: { type: 'time' }, yAxis: { type: 'value', max: 100, name: '%' }, series });
}

function renderEnterprises(items) {
  const el = table('enterprises', ['id', '名称 name', '园区 zone', '状态 status'], items.map(e => [e.id, e.name, e.zone, e.status]));
  [...el.rows].slice(1).forEach((row, i) => row.addEventListener('click', () => showEnterprise(items[i].id)));
}

async function showEnterprise(id) {
  const r = await api(`/api/enterprises/${id}/reports`);
  const box = document.getElementById('enterprise-detail');
  box.innerHTML = `<h3>${id}</h3>`;
  const b = lastAnalysis?.balance.enterprises.find(x => x.enterprise === id);
  if (b) {
    const p = document.createElement('p');
    p.id = 'detail-balance';
    p.textContent = `物料平衡 balance — mass in ${fmt(b.mass_in_t)} t, out ${fmt(b.mass_out_t)} t; energy in ${fmt(b.energy_in_gj)} GJ, out ${fmt(b.energy_out_gj)} GJ; water in ${fmt(b.water_in_m3)} m³, out ${fmt(b.water_out_m3)} m³` + (b.flags.length ? ` ⚠ ${b.flags.join('; ')}` : '');
    box.appendChild(p);
  }
  const t2 = document.createElement('table'); t2.id = 'detail-reports'; box.appendChild(t2);
  if (r.ok) table('detail-reports', ['report', 'v', 'kind', 'material', 'quantity', 'by'], r.body.items.map(x => [x.report_id, x.version, x.kind, (x.offer || x.need).material_id, fmt((x.offer || x.need).quantity) + ' ' + (x.offer || x.need).unit, x.reporter]));
}

async function loadEnterprise() {
  const r = await api(`/api/enterprises/${session.enterprise}/reports`);
  if (r.ok) table('my-reports', ['report', 'v', 'kind', 'material', 'quantity'], r.body.items.map(x => [x.report_id, x.version, x.kind, (x.offer || x.need).material_id, fmt((x.offer || x.need).quantity) + ' ' + (x.offer || x.need).unit]));
}

async function submitForm(form, path, resultId) {
  form.querySelectorAll('.field-error').forEach(s => { s.textContent = ''; });
  const data = Object.fromEntries(new FormData(form).entries());
  for (const k of Object.keys(data)) if (data[k] === '') delete data[k];
  for (const k of ['quantity', 'price_cny_per_unit']) if (k in data) data[k] = Number(data[k]);
  const r = await api(path, { method: 'POST', body: JSON.stringify(data), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  const result = document.getElementById(resultId);
  if (!r.ok) {
    result.textContent = '';
    Object.entries(r.body?.errors || {}).forEach(([field, reasons]) => {
      const slot = form.querySelector(`.field-error[data-for="${field}"]`);
      if (slot) slot.textContent = reasons.join('; '); else result.textContent += `${field}: ${reasons.join('; ')} `;
    });
    return null;
  }
  result.textContent = `✔ ${r.body.report_id} v${r.body.version}`;
  loadEnterprise();
  return r.body;
}

document.getElementById('offer-form').addEventListener('submit', async e => {
  e.preventDefault();
  const body = await submitForm(e.target, `/api/enterprises/${session.enterprise}/offers`, 'offer-result');
  if (body) showMatches(body.matches);
});
document.getElementById('need-form').addEventListener('submit', async e => {
  e.preventDefault();
  const body = await submitForm(e.target, `/api/enterprises/${session.enterprise}/needs`, 'need-result');
  if (body) showMatches(body.matches);
});

// Matches stay anonymous until both sides press "connect" on the same match.
function showMatches(matches) {
  const el = table('matches', ['对方 counterpart', '园区 zone', '物料', '替代', '数量', '距离 km', 'CO2e t/a', ''],
    matches.map(m => [m.counterpart, m.counterpart_zone, m.source_material, m.replaced_material, fmt(m.quantity) + ' ' + m.unit, fmt(m.distance_km), fmt(m.co2e_avoided_t), '']));
  [...el.rows].slice(1).forEach((row, i) => {
    const button = document.createElement('button');
    button.textContent = matches[i].connected ? '已对接 connected' : '同意对接 connect';
    button.disabled = matches[i].connected;
    button.addEventListener('click', async () => {
      const r = await api(`/api/enterprises/${session.enterprise}/connections`, { method: 'POST', body: JSON.stringify({ connection_id: matches[i].connection_id }) });
      if (r.ok) { button.textContent = r.body.agreed ? `已对接 ${r.body.counterpart}` : '等待对方 waiting'; button.disabled = true; }
    });
    row.cells[7].appendChild(button);
  });
}

applyLanguage();
show();
