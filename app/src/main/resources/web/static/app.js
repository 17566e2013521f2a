'use strict';
// The control room's page. Every piece of crawled or user-written text reaches the page as a text node
// (el() never parses HTML); search snippets are rebuilt from their <mark> markers by safeHighlight().
// Charts draw on canvas, their tooltips too (renderMode 'richText'), so no label is parsed as HTML either.

const TIME = new Intl.DateTimeFormat('vi-VN', {timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit'});
const HOUR = new Intl.DateTimeFormat('vi-VN', {timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit'});
const SCREENS = {
  alerts: 'Cảnh báo trực tiếp', media: 'Giám sát báo chí', leaders: 'Lãnh đạo', security: 'An toàn thông tin',
  traffic: 'Giao thông, trật tự', search: 'Tìm kiếm'
};
const SEVERITY = {critical: 'nghiêm trọng', warning: 'cảnh báo', info: 'thông tin'};
const STATE = {open: 'mới', acknowledged: 'đã xác nhận', resolved: 'đã giải quyết', suppressed: 'tạm ẩn', expired: 'hết hạn'};
const ACTION = {fired: 'phát sinh', refired: 'lặp lại', reopened: 'mở lại', acknowledged: 'xác nhận', resolved: 'giải quyết',
  assigned: 'giao cho', commented: 'ghi chú', suppressed: 'tạm ẩn', unsuppressed: 'hết tạm ẩn', escalated: 'báo cấp trên', expired: 'hết hạn',
  ack: 'xác nhận', resolve: 'giải quyết', assign: 'giao việc', comment: 'ghi chú'};
const where = l => !l || !l.province ? '' : (l.commune ? l.commune + ', ' + l.province : l.province);
const SENTIMENT = {negative: 'tiêu cực', neutral: 'trung tính', positive: 'tích cực'};
const params = new URLSearchParams(location.search);
const kiosk = params.get('kiosk') === '1';
let me = null;
let charts = [];
let stream = null;
let alertRows = new Map();

// ---------------------------------------------------------------- DOM and HTTP helpers

/** An element; string children become text nodes, never HTML. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** A search snippet: the server escaped the text and put <mark> around matches; only those become elements. */
function safeHighlight(html) {
  const out = el('span', {class: 'snippet'});
  const decode = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  String(html || '').split(/(<mark>|<\/mark>)/).reduce((inMark, part) => {
    if (part === '<mark>') return true;
    if (part === '</mark>') return false;
    if (part) out.append(inMark ? el('mark', {}, decode(part)) : document.createTextNode(decode(part)));
    return inMark;
  }, false);
  return out;
}

async function api(path, options = {}) {
  const opts = Object.assign({credentials: 'same-origin', headers: {}}, options);
  if (opts.method && opts.method !== 'GET') {
    opts.headers['X-CSRF-Token'] = me ? me.csrf : '';
    if (opts.body !== undefined) { opts.headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(opts.body); }
  }
  const r = await fetch(path, opts);
  if (r.status === 401) { location.href = '/login'; throw new Error('401'); }
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

const fmt = iso => iso ? TIME.format(new Date(iso)) : '';
const pct = x => (Math.round(x * 1000) / 10).toLocaleString('vi-VN') + '%';
const num = x => Number(x).toLocaleString('vi-VN');

function toast(text) {
  const t = document.getElementById('toast');
  t.textContent = text;
  t.className = 'show';
  setTimeout(() => { t.className = ''; }, 4000);
}

function table(headers, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))), el('tbody', {}, rows));
}

function section(title, ...content) {
  return el('section', {class: 'card'}, el('h2', {}, title), ...content);
}

/** A number that opens the posts behind it. */
function drill(value, query) {
  return el('a', {href: '#posts?' + new URLSearchParams(query).toString(), class: 'drill'}, num(value));
}

/**
 * Links that download a list as CSV and XLSX (GET /api/export/WHAT): the server applies the user's scope in its query and
 * writes the query, range and scope into the file.
 */
function downloads(what, query) {
  const q = new URLSearchParams(query || {});
  q.delete('page');
  const href = f => { const p = new URLSearchParams(q); p.set('format', f); return '/api/export/' + what + '?' + p.toString(); };
  return el('p', {class: 'downloads muted'}, 'Tải xuống: ',
    el('a', {href: href('csv'), download: '', class: 'download', 'data-format': 'csv'}, 'CSV'), ' · ',
    el('a', {href: href('xlsx'), download: '', class: 'download', 'data-format': 'xlsx'}, 'Excel (XLSX)'));
}

function chart(container, option) {
  if (typeof echarts === 'undefined') return;
  const c = echarts.init(container, null, {renderer: 'canvas'});
  option.tooltip = Object.assign({trigger: 'axis', renderMode: 'richText'}, option.tooltip || {});
  option.animation = false; // a wall screen redraws often; and screenshots show the data, not a growing bar
  option.textStyle = {fontFamily: 'DejaVu Sans, sans-serif', color: '#cbd5e1'};
  if (option.legend) option.legend = Object.assign({textStyle: {color: '#cbd5e1'}}, option.legend);
  c.setOption(option);
  charts.push(c);
  return c;
}

// ---------------------------------------------------------------- screens

async function alertsScreen(main) {
  const form = el('form', {class: 'filters', id: 'alert-filters'},
    el('label', {}, 'Trạng thái ', select('state', {'': 'tất cả', open: 'mới', acknowledged: 'đã xác nhận', resolved: 'đã giải quyết'})),
    el('label', {}, 'Loại ', el('input', {name: 'kind', size: 18, placeholder: 'vd. security.* hoặc order.report_cluster'})),
    el('label', {}, 'Mức độ ', select('severity', {'': 'tất cả', critical: 'nghiêm trọng', warning: 'cảnh báo', info: 'thông tin'})),
    el('label', {}, 'Địa bàn ', el('input', {name: 'locality', size: 22, placeholder: 'vd. phường Tam Hiệp, tỉnh Đồng Nai'})),
    el('button', {type: 'submit'}, 'Lọc'));
  const list = el('tbody', {id: 'alert-list'});
  const detail = el('div', {id: 'alert-detail', class: 'card detail'},
    el('p', {class: 'muted'}, 'Chọn một cảnh báo để xem bằng chứng, lịch sử xử lý và xác nhận, giải quyết, giao việc.'));
  main.append(el('div', {class: 'split'},
    section('Cảnh báo (mới nhất trước)', form, downloads('alerts'), el('table', {id: 'alerts'}, el('thead', {}, el('tr', {},
      ['Thời gian', 'Mức độ', 'Cảnh báo', 'Địa bàn', 'Trạng thái'].map(h => el('th', {}, h)))), list)),
    detail));
  const load = async () => {
    const q = new URLSearchParams(new FormData(form));
    for (const [k, v] of [...q.entries()]) if (!v) q.delete(k);
    const data = await api('/api/alerts?' + q.toString());
    alertRows = new Map();
    list.replaceChildren();
    data.alerts.forEach(a => upsertAlert(list, a, false));
    if (!data.alerts.length) list.append(el('tr', {class: 'empty'}, el('td', {colspan: 5}, 'Chưa có cảnh báo.')));
  };
  form.addEventListener('submit', e => { e.preventDefault(); load().catch(err => toast(err.message)); });
  await load();
  openStream(list);
}

function select(name, options) {
  return el('select', {name}, Object.entries(options).map(([v, label]) => el('option', {value: v}, label)));
}

function upsertAlert(list, a, fresh) {
  const row = el('tr', {class: 'alert ' + a.severity + (fresh ? ' fresh' : ''), 'data-id': a.id},
    el('td', {}, fmt(a.lastSeen)),
    el('td', {}, el('span', {class: 'badge ' + a.severity}, SEVERITY[a.severity] || a.severity)),
    el('td', {}, el('a', {href: '#alerts', class: 'alert-title', onclick: e => { e.preventDefault(); showAlert(a.id); }}, a.title),
      el('div', {class: 'muted'}, a.kind + ' · ' + num(a.count) + ' sự kiện')),
    el('td', {}, where(a.locality)),
    el('td', {class: 'state'}, (STATE[a.state] || a.state) + (a.assignee ? ' · ' + a.assignee : '')));
  const old = alertRows.get(a.id);
  if (old) old.replaceWith(row);
  else { list.querySelector('tr.empty')?.remove(); list.prepend(row); }
  alertRows.set(a.id, row);
}

function openStream(list) {
  if (stream) stream.close();
  stream = new EventSource('/api/alerts/stream');
  stream.addEventListener('reset', () => go('alerts'));
  stream.addEventListener('alert', e => {
    const a = JSON.parse(e.data);
    const isNew = !alertRows.has(a.id);
    upsertAlert(list, a, true);
    if (isNew) toast('Cảnh báo mới: ' + a.title);
  });
}

async function showAlert(id) {
  const box = document.getElementById('alert-detail');
  box.replaceChildren(el('p', {class: 'muted'}, 'Đang tải…'));
  let d;
  try { d = await api('/api/alerts/' + encodeURIComponent(id)); } catch (e) { box.replaceChildren(el('p', {class: 'error'}, e.message)); return; }
  const a = d.alert;
  const items = d.posts || d.reports || d.events || [];
  const comment = el('textarea', {id: 'alert-comment', rows: 2, maxlength: 2000, placeholder: 'Ghi chú (bắt buộc khi giải quyết)'});
  const assignee = el('input', {id: 'alert-assignee', size: 14, placeholder: 'tên người nhận'});
  const act = async (action) => {
    try {
      const updated = await api('/api/alerts/' + encodeURIComponent(id) + '/' + action, {method: 'POST', body: {comment: comment.value, assignee: assignee.value}});
      upsertAlert(document.getElementById('alert-list'), updated, false);
      toast('Đã ' + (ACTION[action] || action) + '.');
      showAlert(id);
    } catch (e) { toast('Không thực hiện được: ' + e.message); }
  };
  box.replaceChildren(...[
    el('h2', {}, a.title),
    el('p', {}, el('span', {class: 'badge ' + a.severity}, SEVERITY[a.severity] || a.severity), ' ', STATE[a.state] || a.state,
      ' · ', a.kind, ' · ', where(a.locality) || 'chưa rõ địa bàn', ' · ', num(a.count), ' sự kiện (bình thường ≈ ', num(a.baseline), ') · ',
      fmt(a.windowStart), ' – ', fmt(a.windowEnd)),
    a.summary ? el('p', {}, a.summary) : null,
    me.handlesAlerts ? el('div', {class: 'actions'}, comment,
      el('button', {id: 'ack', type: 'button', onclick: () => act('ack')}, 'Xác nhận'),
      el('button', {id: 'resolve', type: 'button', onclick: () => comment.value.trim() ? act('resolve') : toast('Ghi chú lý do giải quyết.')}, 'Giải quyết'),
      el('button', {id: 'comment', type: 'button', onclick: () => act('comment')}, 'Ghi chú'),
      assignee, el('button', {id: 'assign', type: 'button', onclick: () => act('assign')}, 'Giao việc')) : null,
    el('h3', {}, 'Bằng chứng'),
    items.length ? el('ul', {class: 'evidence'}, items.map(p => el('li', {},
      p.url ? el('a', {href: p.url, rel: 'noopener noreferrer', target: '_blank'}, p.title) : el('span', {}, p.title),
      el('div', {class: 'muted'}, [fmt(p.publishedAt || p.time), p.source || p.channel || '', p.commune || p.province || '',
        SENTIMENT[p.sentiment] || ''].filter(Boolean).join(' · '))))) : el('p', {class: 'muted'}, 'Không có bằng chứng trong phạm vi của bạn.'),
    el('h3', {}, 'Lịch sử xử lý'),
    d.history.length ? el('ol', {class: 'history'}, d.history.map(h => el('li', {},
      fmt(h.at), ' · ', h.actor, ' ', ACTION[h.action] || h.action, h.comment ? ': ' : '', h.comment ? el('q', {}, h.comment) : null)))
      : el('p', {class: 'muted'}, 'Chưa có ai xử lý.')].filter(Boolean));
}

async function mediaScreen(main) {
  const d = await api('/api/media');
  const volumes = el('div', {class: 'chart', id: 'chart-volumes'});
  const negative = el('div', {class: 'chart', id: 'chart-negative'});
  main.append(el('div', {class: 'grid'},
    section('Chủ đề nổi bật (6 giờ qua so với 7 ngày trước)', table(['Danh mục theo dõi', 'Số bài', 'Bình thường', 'Tiêu cực'],
      d.trending.map(t => el('tr', {}, el('td', {}, t.watchlist), el('td', {}, drill(t.count, {watchlist: t.watchlist, from: t.from, to: t.to})),
        el('td', {}, num(t.baseline)), el('td', {}, drill(t.negative, {watchlist: t.watchlist, sentiment: 'negative', from: t.from, to: t.to})))))),
    section('Nhân vật, tổ chức được nhắc nhiều (6 giờ)', table(['Tên', 'Số bài'], d.entities.map(t => el('tr', {},
      el('td', {}, t.label), el('td', {}, drill(t.count, {entity: t.entity, from: t.from, to: t.to})))))),
    section('Khối lượng theo danh mục (24 giờ)', volumes),
    section('Tỉ lệ tiêu cực theo danh mục (24 giờ)', negative),
    section('Tin được đăng lại (cùng một câu chuyện)', table(['Tiêu đề', 'Số bản', 'Số nguồn', 'Lần đầu'], d.stories.map(s => el('tr', {},
      el('td', {}, s.title), el('td', {}, drill(s.count, {story: s.story})), el('td', {}, num(s.sources)), el('td', {}, fmt(s.first)))))),
    section('Nguồn nhiều bài nhất (24 giờ)', table(['Nguồn', 'Số bài', 'Tiêu cực'], d.sources.map(s => el('tr', {},
      el('td', {}, s.source), el('td', {}, drill(s.count, {source: s.source, from: s.from, to: s.to})),
      el('td', {}, drill(s.negative, {source: s.source, sentiment: 'negative', from: s.from, to: s.to})))))),
    section('Theo địa phương (24 giờ)', table(['Tỉnh, thành', 'Số bài', 'Tỉ lệ tiêu cực'], d.localities.map(s => el('tr', {},
      el('td', {}, s.province), el('td', {}, num(s.count)), el('td', {}, pct(s.count ? s.negative / s.count : 0))))))));
  const hours = [...new Set(d.volumes.map(v => v.hour))].sort();
  const names = [...new Set(d.volumes.map(v => v.watchlist))];
  const series = (f) => names.map(n => ({name: n, type: 'line', smooth: true,
    data: hours.map(h => { const v = d.volumes.find(x => x.watchlist === n && x.hour === h); return v ? f(v) : 0; })}));
  const xAxis = {type: 'category', data: hours.map(h => HOUR.format(new Date(h)))};
  chart(volumes, {legend: {type: 'scroll'}, xAxis, yAxis: {type: 'value'}, series: series(v => v.count)});
  chart(negative, {legend: {type: 'scroll'}, xAxis, yAxis: {type: 'value', max: 1},
    series: series(v => v.count ? Math.round(v.negative / v.count * 100) / 100 : 0)});
}

async function leadersScreen(main) {
  const d = await api('/api/leaders');
  main.append(el('div', {class: 'leaders'}, d.units.map(u => el('section', {class: 'card unit'},
    el('h2', {}, u.unit),
    el('div', {class: 'figures'},
      figure('Bài viết hôm nay', drill(u.volumeToday, {from: u.from, locality: u.scope}), 'trung bình 7 ngày: ' + num(u.volumeDailyMean)),
      figure('Tỉ lệ tiêu cực', pct(u.negativeShareToday), '7 ngày: ' + pct(u.negativeShareWeek)),
      figure('Cảnh báo chưa giải quyết', num(u.openAlerts.reduce((s, a) => s + a.count, 0)),
        u.openAlerts.map(a => a.kind + ': ' + a.count).join(', ') || 'không có')),
    el('h3', {}, 'Vấn đề nổi bật hôm nay'),
    u.topIssues.length ? el('ol', {class: 'issues'}, u.topIssues.map(t => el('li', {}, t.watchlist, ' — ', drill(t.count, {watchlist: t.watchlist, from: u.from, locality: u.scope}))))
      : el('p', {class: 'muted'}, 'Chưa có bài viết nào hôm nay.')))));
}

function figure(label, value, note) {
  return el('div', {class: 'figure'}, el('div', {class: 'label'}, label), el('div', {class: 'value'}, value), el('div', {class: 'muted'}, note));
}

async function securityScreen(main) {
  const d = await api('/api/security');
  const kinds = el('div', {class: 'chart', id: 'chart-security-kinds'});
  const rates = el('div', {class: 'chart', id: 'chart-security-rates'});
  main.append(el('div', {class: 'grid'},
    section('Cảnh báo theo loại và mức độ (24 giờ)', kinds),
    section('Nguồn tấn công nhiều nhất (24 giờ)', table(['Địa chỉ nguồn', 'Sự kiện', 'Số loại', 'Số mục tiêu'], d.topSources.map(s => el('tr', {},
      el('td', {}, s.source), el('td', {}, num(s.events)), el('td', {}, num(s.kinds)), el('td', {}, num(s.targets)))))),
    section('Tần suất sự kiện (5 phút) và bất thường', rates),
    section('Bất thường về số yêu cầu', table(['Thời gian', 'Máy đích', 'Số yêu cầu', 'Bình thường'], d.anomalies.map(a => el('tr', {},
      el('td', {}, fmt(a.time)), el('td', {}, a.target), el('td', {}, num(a.count)), el('td', {}, num(a.baseline)))))),
    section('Sự kiện an ninh (7 ngày)', downloads('security'))));
  const kindNames = [...new Set(d.alertsByKind.map(a => a.kind))];
  chart(kinds, {legend: {}, xAxis: {type: 'category', data: kindNames}, yAxis: {type: 'value'},
    series: ['critical', 'warning', 'info'].map(s => ({name: SEVERITY[s], type: 'bar', stack: 'a',
      data: kindNames.map(k => (d.alertsByKind.find(a => a.kind === k && a.severity === s) || {count: 0}).count)}))});
  chart(rates, {xAxis: {type: 'category', data: d.rates.map(r => HOUR.format(new Date(r.time)))}, yAxis: {type: 'value'},
    series: [{name: 'sự kiện', type: 'line', data: d.rates.map(r => r.count),
      markPoint: {data: d.anomalies.map(a => ({name: 'bất thường', coord: [HOUR.format(new Date(a.time)), a.count]}))}}]});
}

async function trafficScreen(main) {
  const d = await api('/api/traffic');
  const speeds = el('div', {class: 'chart', id: 'chart-speeds'});
  main.append(el('div', {class: 'grid'},
    section('Tốc độ hiện tại so với thường lệ', speeds, table(['Đoạn đường', 'Tốc độ (km/h)', 'Thường lệ', 'Điểm bất thường', 'Ùn tắc'],
      d.segments.map(s => el('tr', {class: s.congested ? 'congested' : ''}, el('td', {}, s.segment), el('td', {}, num(s.speed)),
        el('td', {}, num(s.usual)), el('td', {}, num(s.anomaly)), el('td', {}, s.congested ? 'có' : '')))))),
    section('Cảnh báo ùn tắc (24 giờ)', list(d.congestion)),
    section('Cụm phản ánh của người dân (24 giờ)', list(d.clusters)),
    section('Phản ánh theo phường, xã (24 giờ)', table(['Phường, xã', 'Tỉnh', 'Số phản ánh'], d.reportsByCommune.map(r => el('tr', {},
      el('td', {}, r.commune), el('td', {}, r.province), el('td', {}, num(r.count))))), downloads('reports')),
    section('Số liệu giao thông theo đoạn đường (7 ngày)', downloads('traffic')));
  chart(speeds, {legend: {}, xAxis: {type: 'category', data: d.segments.map(s => s.segment)}, yAxis: {type: 'value', name: 'km/h'},
    series: [{name: 'hiện tại', type: 'bar', data: d.segments.map(s => s.speed)}, {name: 'thường lệ', type: 'bar', data: d.segments.map(s => s.usual)}]});
}

function list(alerts) {
  if (!alerts.length) return el('p', {class: 'muted'}, 'Không có.');
  return el('ul', {class: 'alert-list'}, alerts.map(a => el('li', {},
    el('span', {class: 'badge ' + a.severity}, SEVERITY[a.severity] || a.severity), ' ', fmt(a.time), ' · ',
    el('a', {href: '#alerts', onclick: e => { e.preventDefault(); go('alerts').then(() => showAlert(a.id)); }}, a.title))));
}

async function searchScreen(main, query) {
  const form = el('form', {id: 'search-form', class: 'filters'},
    el('input', {name: 'q', id: 'q', size: 50, value: query.get('q') || '', placeholder: '"tai nan giao thong" AND locality:"Đồng Nai"'}),
    select('kind', {'': 'mọi loại', press: 'báo chí', social: 'mạng xã hội', comment: 'bình luận', forum: 'diễn đàn'}),
    select('sentiment', {'': 'mọi sắc thái', negative: 'tiêu cực', neutral: 'trung tính', positive: 'tích cực'}),
    select('order', {'': 'liên quan nhất', newest: 'mới nhất'}),
    el('button', {type: 'submit'}, 'Tìm'));
  const info = el('p', {id: 'search-info', class: 'muted'});
  const hits = el('ol', {id: 'hits', class: 'hits'});
  const files = el('div', {id: 'search-downloads'});
  main.append(section('Tìm kiếm bài viết', form, info, files, hits));
  const run = async (page) => {
    const q = new URLSearchParams(new FormData(form));
    for (const [k, v] of [...q.entries()]) if (!v) q.delete(k);
    q.set('page', page);
    try {
      const r = await api('/api/search?' + q.toString());
      info.textContent = num(r.total) + ' bài · trang ' + r.page;
      files.replaceChildren(downloads('search', q));
      hits.replaceChildren(...r.hits.map(h => el('li', {},
        h.url ? el('a', {href: h.url, rel: 'noopener noreferrer', target: '_blank', class: 'hit-title'}, h.title || '(bình luận)')
          : el('span', {class: 'hit-title'}, h.title || '(bình luận)'),
        el('div', {class: 'muted'}, [h.source, h.province, fmt(h.publishedAt)].filter(Boolean).join(' · ')),
        safeHighlight(h.highlight))));
    } catch (e) { info.textContent = e.message; hits.replaceChildren(); }
  };
  form.addEventListener('submit', e => { e.preventDefault(); run(1); });
  if (query.get('q') !== null) run(1);
}

async function postsScreen(main, query) {
  const page = Number(query.get('page') || 1);
  const d = await api('/api/posts?' + query.toString());
  const described = [...query.entries()].filter(([k]) => k !== 'page').map(([k, v]) => k + '=' + v).join(', ');
  main.append(section('Bài viết (' + num(d.total) + ')' + (described ? ' — ' + described : ''), downloads('posts', query),
    el('ol', {class: 'hits', id: 'posts', start: (page - 1) * d.pageSize + 1}, d.posts.map(p => el('li', {},
      el('a', {href: p.url, rel: 'noopener noreferrer', target: '_blank', class: 'hit-title'}, p.title),
      el('div', {class: 'muted'}, [p.source, p.province, SENTIMENT[p.sentiment], fmt(p.publishedAt)].filter(Boolean).join(' · '))))),
    d.total > page * d.pageSize ? el('a', {href: '#posts?' + new URLSearchParams([...query.entries()].filter(([k]) => k !== 'page').concat([['page', page + 1]])).toString()}, 'Trang sau →') : null));
}

// ---------------------------------------------------------------- navigation, kiosk

const RENDER = {alerts: alertsScreen, media: mediaScreen, leaders: leadersScreen, security: securityScreen, traffic: trafficScreen, search: searchScreen, posts: postsScreen};

async function go(screen, query = new URLSearchParams()) {
  charts.forEach(c => c.dispose());
  charts = [];
  if (stream && screen !== 'alerts') { stream.close(); stream = null; }
  const main = document.getElementById('main');
  main.replaceChildren(el('h1', {class: 'screen-title', id: 'screen-title'}, screen === 'posts' ? 'Bài viết' : SCREENS[screen]));
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('active', a.dataset.screen === screen));
  try {
    await RENDER[screen](main, query);
  } catch (e) {
    main.append(el('p', {class: 'error'}, e.message));
  }
}

function route() {
  const [name, qs] = location.hash.slice(1).split('?');
  const screen = name === 'posts' || me.screens.includes(name) ? name : me.screens[0];
  return go(screen, new URLSearchParams(qs || ''));
}

async function start() {
  me = await api('/api/me');
  document.body.classList.toggle('kiosk', kiosk);
  document.getElementById('who').textContent = me.user + ' · ' + me.roleLabel + ' · ' + me.scope;
  document.getElementById('nav').replaceChildren(...me.screens.map(s => el('a', {href: '#' + s, 'data-screen': s}, SCREENS[s])));
  document.getElementById('logout').addEventListener('click', async () => {
    await api('/api/logout', {method: 'POST'}).catch(() => null);
    location.href = '/login';
  });
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  await route();
  if (kiosk) {
    // The big screen shows each of the role's screens in turn, refreshed at every turn.
    const shown = me.screens.filter(s => s !== 'search');
    let i = 0;
    setInterval(() => { i = (i + 1) % shown.length; location.hash = shown[i]; }, me.kioskSeconds * 1000);
  }
}

start().catch(e => { if (e.message !== '401') document.getElementById('main').replaceChildren(el('p', {class: 'error'}, e.message)); });
