(function () {
  'use strict';
  var body = document.body, errors = [];
  function fail(msg) {
    errors.push(msg);
    body.setAttribute('data-status', 'error');
    var box = document.getElementById('render-errors');
    if (box) { box.hidden = false; box.textContent = 'Some charts could not be drawn: ' + errors.join('; '); }
    if (window.console && console.error) console.error('cadresim report: ' + msg);
  }
  window.addEventListener('error', function (ev) { fail(ev.message || 'script error'); });
  var data, story;
  try {
    data = JSON.parse(document.getElementById('cadresim-data').textContent);
    story = JSON.parse(document.getElementById('cadresim-story').textContent);
  } catch (e) { fail('cannot read the embedded data: ' + e.message); return; }
  var first = document.querySelector('svg.chart');
  var NS = first ? first.namespaceURI : null;  // the SVG namespace, without writing its address
  var palette = story.palette, names = story.names;
  function colour(s) { return palette[s % palette.length]; }

  // Series by scenario, source (results or difference_from_base), kind and "metric|group".
  var index = (data.scenarios || []).map(function (sc) {
    var out = {};
    ['results', 'difference_from_base'].forEach(function (src) {
      if (!sc[src]) return;
      out[src] = {};
      ['monthly', 'yearly'].forEach(function (kind) {
        var m = Object.create(null);
        (sc[src][kind] || []).forEach(function (e) { m[e.metric + '|' + e.group] = e; });
        out[src][kind] = m;
      });
    });
    return out;
  });
  function lookup(r) {
    var sc = index[r.s], src = sc && sc[r.src || 'results'], m = src && src[r.kind || 'monthly'];
    return m ? m[r.metric + '|' + r.group] : undefined;
  }

  function make(parent, tag, attrs, text) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    parent.appendChild(e);
    return e;
  }
  function finite(v) { return typeof v === 'number' && isFinite(v); }
  function fmt(v, d) {
    if (!finite(v)) return '\u2013';
    var s = Math.abs(v).toLocaleString('en-US', {minimumFractionDigits: d, maximumFractionDigits: d});
    return (v < 0 && /[1-9]/.test(s) ? '\u2212' : '') + s;
  }
  function decimalsOf(step) {
    var d = 0;
    while (d < 6 && Math.abs(Math.round(step * Math.pow(10, d)) - step * Math.pow(10, d)) > 1e-6) d++;
    return d;
  }
  function niceTicks(lo, hi, n) {
    if (!(hi > lo)) { var pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1; lo -= pad; hi += pad; }
    var raw = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10)), r = raw / mag;
    var step = (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * mag;
    var a = Math.floor(lo / step + 1e-9) * step, b = Math.ceil(hi / step - 1e-9) * step, values = [];
    for (var i = 0; a + i * step <= b + step * 1e-6; i++) values.push(Math.abs(a + i * step) < step * 1e-9 ? 0 : a + i * step);
    return {lo: a, hi: b, values: values, decimals: decimalsOf(step)};
  }
  function parseDate(s) { return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)); }
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function monthLabel(s) { return MONTHS[+s.slice(5, 7) - 1] + ' ' + s.slice(0, 4); }
  function size(svg, w, h) {
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  }
  // A vertical value axis with grid lines; returns the value -> y mapping.
  function valueAxis(svg, box, t, label, unit) {
    var ys = function (v) { return box.bottom - (v - t.lo) / (t.hi - t.lo) * (box.bottom - box.top); };
    var d = '';
    t.values.forEach(function (v) {
      var y = ys(v).toFixed(1);
      d += 'M' + box.left + ' ' + y + 'H' + box.right;
      make(svg, 'text', {x: box.left - 6, y: +y + 4, 'class': 'tick', 'text-anchor': 'end'}, fmt(v, t.decimals) + (unit || ''));
    });
    make(svg, 'path', {d: d, 'class': 'gridline'});
    make(svg, 'text', {'class': 'axis-label', 'text-anchor': 'middle',
      transform: 'translate(13 ' + ((box.top + box.bottom) / 2).toFixed(1) + ') rotate(-90)'}, label);
    return ys;
  }
  var tip = document.getElementById('tip');
  function showTip(ev, title, lines) {
    tip.textContent = '';
    var b = document.createElement('b'); b.textContent = title; tip.appendChild(b);
    lines.forEach(function (l) { var d = document.createElement('div'); d.textContent = l; tip.appendChild(d); });
    tip.hidden = false;
    var x = ev.clientX + 16, y = ev.clientY + 14;
    if (x + tip.offsetWidth > window.innerWidth - 8) x = ev.clientX - tip.offsetWidth - 16;
    if (y + tip.offsetHeight > window.innerHeight - 8) y = ev.clientY - tip.offsetHeight - 10;
    tip.style.left = x + 'px'; tip.style.top = y + 'px';
  }
  function hideTip() { tip.hidden = true; }
  function svgPoint(svg, ev) {
    var p = svg.createSVGPoint(); p.x = ev.clientX; p.y = ev.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function interval(lo, hi, d) { return finite(lo) && finite(hi) ? ' (95 % interval ' + fmt(lo, d) + ' to ' + fmt(hi, d) + ')' : ''; }

  // Monthly series over time: 5-95 % band, 95 % interval band, mean line; one colour per scenario.
  function drawTime(svg, spec) {
    var w = spec.w || 520, h = spec.h || 250, k = spec.scale || 1, dec = spec.decimals || 0;
    var series = [];
    spec.series.forEach(function (r) {
      var e = lookup(r);
      if (!e || !e.dates || !e.dates.length) return;
      var lo = spec.clip && finite(spec.clip[0]) ? spec.clip[0] : -Infinity, hi = spec.clip && finite(spec.clip[1]) ? spec.clip[1] : Infinity;
      function get(key) {
        return (e[key] || []).map(function (v, i) {
          var x = finite(v) ? v * k : (finite(e.mean[i]) ? e.mean[i] * k : NaN);
          return finite(x) ? Math.min(hi, Math.max(lo, x)) : x;
        });
      }
      series.push({s: r.s, dates: e.dates, t: e.dates.map(parseDate), mean: get('mean'), lo: get('ci_low'),
        hi: get('ci_high'), p05: get('p05'), p95: get('p95')});
    });
    if (!series.length) throw new Error('no data for ' + spec.series.map(function (r) { return r.metric + '|' + r.group; }).join(', '));
    var tmin = Infinity, tmax = -Infinity, vmin = Infinity, vmax = -Infinity;
    series.forEach(function (s) {
      tmin = Math.min(tmin, s.t[0]); tmax = Math.max(tmax, s.t[s.t.length - 1]);
      ['mean', 'lo', 'hi', 'p05', 'p95'].forEach(function (key) {
        s[key].forEach(function (v) { if (finite(v)) { vmin = Math.min(vmin, v); vmax = Math.max(vmax, v); } });
      });
    });
    if (!finite(vmin)) { vmin = 0; vmax = 1; }
    (spec.include || []).forEach(function (v) { vmin = Math.min(vmin, v); vmax = Math.max(vmax, v); });
    if (tmax <= tmin) { tmin -= 15 * 864e5; tmax += 15 * 864e5; }
    var t = niceTicks(vmin, vmax, 5);
    size(svg, w, h);
    var box = {left: 58, right: w - 14, top: 16, bottom: h - 26};
    var ys = valueAxis(svg, box, t, spec.y, spec.unit);
    var xs = function (v) { return box.left + (v - tmin) / (tmax - tmin) * (box.right - box.left); };
    // Years on the time axis (every second one when there are many).
    var y0 = new Date(tmin).getUTCFullYear(), y1 = new Date(tmax).getUTCFullYear(), years = [];
    for (var y = y0; y <= y1 + 1; y++) { var ty = Date.UTC(y, 0, 1); if (ty >= tmin && ty <= tmax) years.push({y: y, t: ty}); }
    var every = Math.ceil(years.length / 8), dt = '';
    years.forEach(function (yr, i) {
      var x = xs(yr.t).toFixed(1);
      dt += 'M' + x + ' ' + box.bottom + 'v4';
      if (i % every === 0) make(svg, 'text', {x: x, y: box.bottom + 17, 'class': 'tick', 'text-anchor': 'middle'}, String(yr.y));
    });
    make(svg, 'path', {d: 'M' + box.left + ' ' + box.bottom + 'H' + box.right + dt, 'class': 'axis'});
    if (spec.markers && story.markers) {
      var labelled = {};  // the first marker of each kind is labelled; the style tells the rest
      story.markers.forEach(function (m) {
        var tm = parseDate(m.date);
        if (tm < tmin || tm > tmax) return;
        var x = xs(tm);
        make(svg, 'path', {d: 'M' + x.toFixed(1) + ' ' + box.top + 'V' + box.bottom, 'class': 'marker ' + m.kind});
        if (!labelled[m.kind] && x + 44 < box.right) {
          make(svg, 'text', {x: x + 3, y: box.top - 4 + 10 * Object.keys(labelled).length, 'class': 'marker-label'}, m.label);
          labelled[m.kind] = true;
        }
      });
    }
    function area(s, loKey, hiKey) {
      var d = '', n = s.t.length, i;
      for (i = 0; i < n; i++) d += (i ? 'L' : 'M') + xs(s.t[i]).toFixed(1) + ' ' + ys(s[hiKey][i]).toFixed(1);
      for (i = n - 1; i >= 0; i--) d += 'L' + xs(s.t[i]).toFixed(1) + ' ' + ys(s[loKey][i]).toFixed(1);
      return d + 'Z';
    }
    if (spec.bands !== false) {
      if (spec.range !== false) series.forEach(function (s) { make(svg, 'path', {d: area(s, 'p05', 'p95'), fill: colour(s.s), 'fill-opacity': 0.12, 'class': 'band-range'}); });
      series.forEach(function (s) { make(svg, 'path', {d: area(s, 'lo', 'hi'), fill: colour(s.s), 'fill-opacity': 0.32, 'class': 'band-ci'}); });
    }
    if (spec.zeroLine && t.lo < 0 && t.hi > 0) make(svg, 'path', {d: 'M' + box.left + ' ' + ys(0).toFixed(1) + 'H' + box.right, 'class': 'zero'});
    series.forEach(function (s) {
      var d = '';
      s.t.forEach(function (tv, i) { if (finite(s.mean[i])) d += (d ? 'L' : 'M') + xs(tv).toFixed(1) + ' ' + ys(s.mean[i]).toFixed(1); });
      make(svg, 'path', {d: d, stroke: colour(s.s), 'class': 'mean'});
    });
    // Hover: a guide line and the values at the nearest month.
    var guide = make(svg, 'path', {d: '', 'class': 'guide'});
    var hit = make(svg, 'rect', {x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top, 'class': 'hit'});
    hit.addEventListener('mousemove', function (ev) {
      var p = svgPoint(svg, ev), tv = tmin + (p.x - box.left) / (box.right - box.left) * (tmax - tmin), lines = [], label = '';
      series.forEach(function (s) {
        var best = 0;
        for (var i = 1; i < s.t.length; i++) if (Math.abs(s.t[i] - tv) < Math.abs(s.t[best] - tv)) best = i;
        if (!label) { label = monthLabel(s.dates[best]); guide.setAttribute('d', 'M' + xs(s.t[best]).toFixed(1) + ' ' + box.top + 'V' + box.bottom); }
        lines.push((names.length > 1 ? names[s.s] + ': ' : '') + fmt(s.mean[best], dec) + (spec.unit || '') + interval(s.lo[best], s.hi[best], dec));
      });
      showTip(ev, label, lines);
    });
    hit.addEventListener('mouseleave', function () { guide.setAttribute('d', ''); hideTip(); });
  }

  // Split a label into lines of at most `width` characters.
  function wrap(label, width) {
    var lines = [], cur = '';
    String(label).split(' ').forEach(function (word) {
      if (cur && (cur + ' ' + word).length > width) { lines.push(cur); cur = word; } else cur = cur ? cur + ' ' + word : word;
    });
    if (cur) lines.push(cur);
    return lines;
  }

  // Grouped bars with 95 % interval whiskers: categories along x, one bar per scenario.
  function drawBars(svg, spec) {
    var cats = spec.cats || [], dec = spec.decimals || 0;
    if (!cats.length) throw new Error('no categories');
    if (finite(spec.floor)) cats.forEach(function (c) { c.vals.forEach(function (v) { if (finite(v.lo)) v.lo = Math.max(spec.floor, v.lo); }); });
    var w = spec.w || 520, nv = 1, vmin = 0, vmax = 0, count = 0;
    cats.forEach(function (c) {
      nv = Math.max(nv, c.vals.length);
      c.vals.forEach(function (v) {
        [v.mean, v.lo, v.hi, v.mark].forEach(function (x) { if (finite(x)) { vmin = Math.min(vmin, x); vmax = Math.max(vmax, x); count++; } });
      });
    });
    if (!count) throw new Error('no values');
    var left = 60, right = 12, catW = (w - left - right) / cats.length;
    var maxChars = Math.max(4, Math.floor(catW / 6.3)), wrapped = cats.map(function (c) { return wrap(c.label, maxChars); });
    var nLines = Math.min(3, Math.max.apply(null, wrapped.map(function (l) { return l.length; })));
    var h = spec.h || (220 + 14 * nLines);
    size(svg, w, h);
    var box = {left: left, right: w - right, top: spec.values ? 22 : 12, bottom: h - 10 - 14 * nLines};
    var t = niceTicks(vmin, vmax, 5), ys = valueAxis(svg, box, t, spec.y, spec.unit);
    var gw = Math.min(catW * 0.8, nv * 56), bw = gw / nv;
    cats.forEach(function (c, i) {
      var cx = box.left + (i + 0.5) * catW;
      wrapped[i].slice(0, 3).forEach(function (line, j) {
        make(svg, 'text', {x: cx.toFixed(1), y: box.bottom + 15 + 13 * j, 'class': 'cat', 'text-anchor': 'middle'}, line);
      });
      c.vals.forEach(function (v, j) {
        if (!finite(v.mean)) return;
        var x = cx - gw / 2 + j * bw + bw * 0.1, bwi = bw * 0.8, xc = (x + bwi / 2).toFixed(1);
        var y0 = ys(0), y1 = ys(v.mean);
        var bar = make(svg, 'path', {d: 'M' + x.toFixed(1) + ' ' + y0.toFixed(1) + 'V' + y1.toFixed(1) + 'h' + bwi.toFixed(1) + 'V' + y0.toFixed(1) + 'Z',
          fill: colour(v.s), 'fill-opacity': 0.85, 'class': 'bar'});
        make(bar, 'title', {}, c.label + (names.length > 1 ? ' \u2014 ' + names[v.s] : '') + ': ' + fmt(v.mean, dec) + (spec.unit || '') + interval(v.lo, v.hi, dec) +
          (finite(v.mark) ? '; planned ' + fmt(v.mark, dec) : ''));
        if (finite(v.lo) && finite(v.hi) && v.hi > v.lo) {
          var a = ys(v.lo).toFixed(1), b = ys(v.hi).toFixed(1), cap = Math.min(5, bwi / 3);
          make(svg, 'path', {d: 'M' + xc + ' ' + a + 'V' + b + 'M' + (xc - cap) + ' ' + a + 'h' + 2 * cap + 'M' + (xc - cap) + ' ' + b + 'h' + 2 * cap, 'class': 'whisker'});
        }
        if (finite(v.mark)) make(svg, 'path', {d: 'M' + (x - 2).toFixed(1) + ' ' + ys(v.mark).toFixed(1) + 'h' + (bwi + 4).toFixed(1), 'class': 'mark'});
        if (spec.values) {
          var top = Math.max(v.mean, finite(v.hi) ? v.hi : v.mean), low = Math.min(v.mean, finite(v.lo) ? v.lo : v.mean);
          var ty = v.mean >= 0 ? ys(top) - 5 : ys(low) + 13;
          make(svg, 'text', {x: xc, y: ty.toFixed(1), 'class': 'value', 'text-anchor': 'middle'}, fmt(v.mean, dec));
        }
      });
    });
    make(svg, 'path', {d: 'M' + box.left + ' ' + ys(0).toFixed(1) + 'H' + box.right, 'class': t.lo < 0 ? 'zero' : 'axis'});
  }

  // Origin x destination table as a heat map (one per scenario).
  function drawMatrix(svg, spec) {
    var rows = spec.rows, cols = spec.cols, cells = spec.cells, dec = spec.decimals || 1;
    if (!rows.length || !cols.length) throw new Error('empty matrix');
    var cw = 104, ch = 52, left = 118, top = 52, w = left + cols.length * cw + 6, h = top + rows.length * ch + 6, max = 0;
    cells.forEach(function (r) { r.forEach(function (c) { if (finite(c.mean)) max = Math.max(max, c.mean); }); });
    size(svg, w, h);
    svg.setAttribute('width', w); svg.setAttribute('height', h);
    svg.setAttribute('class', svg.getAttribute('class') + ' natural');
    make(svg, 'text', {x: left + cols.length * cw / 2, y: 14, 'class': 'head', 'text-anchor': 'middle'}, 'To (destination level)');
    make(svg, 'text', {x: 4, y: 14, 'class': 'head'}, 'From (origin)');
    cols.forEach(function (c, j) { make(svg, 'text', {x: left + j * cw + cw / 2, y: top - 10, 'class': 'cat', 'text-anchor': 'middle'}, c); });
    rows.forEach(function (r, i) {
      make(svg, 'text', {x: left - 8, y: top + i * ch + ch / 2 + 4, 'class': 'cat', 'text-anchor': 'end'}, r);
      cols.forEach(function (c, j) {
        var v = cells[i][j] || {}, x = left + j * cw, y = top + i * ch, share = finite(v.mean) && max > 0 ? v.mean / max : 0;
        var op = v.mean > 0 ? 0.1 + 0.85 * share : 0;
        var cell = make(svg, 'path', {d: 'M' + (x + 1) + ' ' + (y + 1) + 'h' + (cw - 2) + 'v' + (ch - 2) + 'h' + (2 - cw) + 'Z',
          fill: op > 0 ? colour(spec.s) : '#f1f3f5', 'fill-opacity': op > 0 ? op.toFixed(2) : 1, 'class': 'cell'});
        make(cell, 'title', {}, 'From ' + r + ' to ' + c + ': ' + fmt(v.mean, dec) + ' rotations' + interval(v.lo, v.hi, dec));
        var ink = op > 0.55 ? '#fff' : '#1d2733';
        if (!(v.mean > 0)) { make(svg, 'text', {x: x + cw / 2, y: y + ch / 2 + 5, 'class': 'cell-ci', fill: '#9aa4ae', 'text-anchor': 'middle'}, '0'); return; }
        make(svg, 'text', {x: x + cw / 2, y: y + ch / 2 - 1, 'class': 'cell-main', fill: ink, 'text-anchor': 'middle'}, fmt(v.mean, dec));
        if (finite(v.lo) && finite(v.hi))
          make(svg, 'text', {x: x + cw / 2, y: y + ch / 2 + 14, 'class': 'cell-ci', fill: ink, 'text-anchor': 'middle'}, fmt(v.lo, dec) + ' to ' + fmt(v.hi, dec));
      });
    });
  }

  // Distribution ranges (5th-95th percentile bar, median tick, mean dot), one row per item.
  function drawRange(svg, spec) {
    var items = spec.items || [], dec = spec.decimals || 0, unit = spec.unit || '';
    if (!items.length) throw new Error('no items');
    var w = spec.w || 1100, row = 40, left = 170, h = 30 + items.length * row + 34, vmin = 0, vmax = 0;
    items.forEach(function (it) { [it.p05, it.p95, it.mean, it.p50].forEach(function (v) { if (finite(v)) { vmin = Math.min(vmin, v); vmax = Math.max(vmax, v); } }); });
    size(svg, w, h);
    var box = {left: left, right: w - 16, top: 22, bottom: h - 34}, t = niceTicks(vmin, vmax, 6);
    var xs = function (v) { return box.left + (v - t.lo) / (t.hi - t.lo) * (box.right - box.left); }, d = '';
    t.values.forEach(function (v) {
      d += 'M' + xs(v).toFixed(1) + ' ' + box.top + 'V' + box.bottom;
      make(svg, 'text', {x: xs(v).toFixed(1), y: box.bottom + 15, 'class': 'tick', 'text-anchor': 'middle'}, fmt(v, t.decimals) + unit);
    });
    make(svg, 'path', {d: d, 'class': 'gridline'});
    make(svg, 'text', {x: (box.left + box.right) / 2, y: h - 4, 'class': 'axis-label', 'text-anchor': 'middle'}, spec.x);
    if (t.lo < 0 && t.hi > 0) {
      make(svg, 'path', {d: 'M' + xs(0).toFixed(1) + ' ' + (box.top - 6) + 'V' + box.bottom, 'class': 'zero'});
      make(svg, 'text', {x: xs(0).toFixed(1), y: box.top - 9, 'class': 'marker-label', 'text-anchor': 'middle'}, spec.zeroLabel || '0');
    }
    items.forEach(function (it, i) {
      var y = box.top + i * row + row / 2, c = colour(it.s);
      make(svg, 'text', {x: box.left - 10, y: y + 4, 'class': 'cat', 'text-anchor': 'end'}, it.label);
      if (finite(it.p05) && finite(it.p95)) {
        var bar = make(svg, 'path', {d: 'M' + xs(it.p05).toFixed(1) + ' ' + (y - 7) + 'H' + xs(it.p95).toFixed(1) + 'v14H' + xs(it.p05).toFixed(1) + 'Z', fill: c, 'fill-opacity': 0.28, 'class': 'range'});
        make(bar, 'title', {}, it.label + ': 90 % of moves between ' + fmt(it.p05, dec) + unit + ' and ' + fmt(it.p95, dec) + unit);
      }
      if (finite(it.p50)) make(svg, 'path', {d: 'M' + xs(it.p50).toFixed(1) + ' ' + (y - 11) + 'v22', stroke: c, 'stroke-width': 3, fill: 'none', 'class': 'median'});
      if (finite(it.mean)) {
        var r = 5, x = xs(it.mean);
        var dot = make(svg, 'path', {d: 'M' + (x - r).toFixed(1) + ' ' + y + 'a' + r + ' ' + r + ' 0 1 0 ' + 2 * r + ' 0a' + r + ' ' + r + ' 0 1 0 ' + -2 * r + ' 0Z',
          fill: '#fff', stroke: c, 'stroke-width': 2.5, 'class': 'mean-dot'});
        make(dot, 'title', {}, it.label + ': mean ' + fmt(it.mean, dec) + unit + ', median ' + fmt(it.p50, dec) + unit);
      }
    });
  }

  var draw = {time: drawTime, bars: drawBars, matrix: drawMatrix, range: drawRange}, drawn = [];
  (story.charts || []).forEach(function (spec) {
    var svg = document.getElementById(spec.id);
    try {
      if (!svg) throw new Error('no element');
      if (!draw[spec.type]) throw new Error('unknown chart type ' + spec.type);
      draw[spec.type](svg, spec);
      svg.setAttribute('data-rendered', '1');
      drawn.push(spec.chart);
    } catch (e) { fail(spec.id + ' (' + spec.chart + '): ' + e.message); }
  });
  body.setAttribute('data-charts-drawn', drawn.length + '/' + (story.charts || []).length);
  if (!errors.length) body.setAttribute('data-status', 'ok');
})();
