// Draws report.html's charts with CadresimCharts (charts.js, on Chart.js) from the embedded
// report data (#cadresim-data) and the chart specifications (#cadresim-story) that
// analysis/report_html.cpp writes. Each chart gets its download button and its table of numbers
// (both placed by the C++, with their words). The page reports how drawing went: body
// data-status="ok", or "error" with the reasons shown in #render-errors and on the console.
(function () {
  'use strict';
  var body = document.body, errors = [];
  function fail(msg) {
    errors.push(msg);
    body.setAttribute('data-status', 'error');
    var box = document.getElementById('render-errors');
    if (box) { box.hidden = false; box.textContent = (box.getAttribute('data-lead') || '') + ' ' + errors.join('; '); }
    if (window.console && console.error) console.error('cadresim report: ' + msg);
  }
  window.addEventListener('error', function (ev) { fail(ev.message || 'script error'); });
  if (!window.CadresimCharts) { fail('the chart library did not load'); return; }
  var data, story;
  try {
    data = JSON.parse(document.getElementById('cadresim-data').textContent);
    story = JSON.parse(document.getElementById('cadresim-story').textContent);
  } catch (e) { fail('cannot read the embedded data: ' + e.message); return; }
  var palette = story.palette, names = story.names, words = story.words || {};
  function colour(s) { return palette[s % palette.length]; }
  function finite(v) { return typeof v === 'number' && isFinite(v); }

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

  // A time chart: each referenced series scaled (e.g. shares to %) and clipped to the range its
  // quantity can take; a missing interval bound falls back on the mean.
  function timeSpec(spec) {
    var k = spec.scale || 1, series = [];
    var lo = spec.clip && finite(spec.clip[0]) ? spec.clip[0] : -Infinity, hi = spec.clip && finite(spec.clip[1]) ? spec.clip[1] : Infinity;
    spec.series.forEach(function (r) {
      var e = lookup(r);
      if (!e || !e.dates || !e.dates.length) return;
      function get(key) {
        return (e[key] || []).map(function (v, i) {
          var x = finite(v) ? v * k : (finite(e.mean[i]) ? e.mean[i] * k : NaN);
          return finite(x) ? Math.min(hi, Math.max(lo, x)) : null;
        });
      }
      var s = {label: names[r.s], colour: colour(r.s), dates: e.dates, mean: get('mean')};
      if (spec.bands !== false) { s.lo = get('ci_low'); s.hi = get('ci_high'); }
      if (spec.bands !== false && spec.range !== false) { s.p05 = get('p05'); s.p95 = get('p95'); }
      series.push(s);
    });
    if (!series.length) throw new Error('no data for ' + spec.series.map(function (r) { return r.metric + '|' + r.group; }).join(', '));
    return {yLabel: spec.y, unit: spec.unit, decimals: spec.decimals, include: spec.include, series: series,
      reference: spec.zeroLine ? {value: 0} : undefined, markers: spec.markers ? story.markers : [], words: words};
  }

  // Bars: categories along x, one series per scenario that has a value somewhere.
  function barSpec(spec) {
    var cats = spec.cats || [], used = [];
    if (!cats.length) throw new Error('no categories');
    cats.forEach(function (c) { c.vals.forEach(function (v) { if (used.indexOf(v.s) < 0) used.push(v.s); }); });
    used.sort(function (a, b) { return a - b; });
    var floor = finite(spec.floor) ? spec.floor : -Infinity;
    var series = used.map(function (s) {
      var out = {label: names[s], colour: colour(s), mean: [], lo: [], hi: [], mark: []};
      cats.forEach(function (c) {
        var v = c.vals.filter(function (x) { return x.s === s; })[0] || {};
        out.mean.push(finite(v.mean) ? v.mean : null);
        out.lo.push(finite(v.lo) ? Math.max(floor, v.lo) : null);
        out.hi.push(finite(v.hi) ? v.hi : null);
        out.mark.push(finite(v.mark) ? v.mark : null);
      });
      return out;
    });
    return {yLabel: spec.y, unit: spec.unit, decimals: spec.decimals, values: spec.values, markName: spec.markName,
      categories: cats.map(function (c) { return c.label; }), series: series, words: words};
  }

  function rangeSpec(spec) {
    return {xLabel: spec.x, unit: spec.unit, decimals: spec.decimals, words: words,
      reference: {value: 0, label: spec.zeroLabel},
      items: (spec.items || []).map(function (it) {
        return {label: it.label, colour: colour(it.s), p05: it.p05, p50: it.p50, p95: it.p95, mean: it.mean};
      })};
  }

  var draw = {time: CadresimCharts.line, bars: CadresimCharts.bars, range: CadresimCharts.range};
  var drawn = [];
  (story.charts || []).forEach(function (spec) {
    var el = document.getElementById(spec.id);
    try {
      if (!el) throw new Error('no element');
      if (!draw[spec.type]) throw new Error('unknown chart type ' + spec.type);
      var cs = spec.type === 'time' ? timeSpec(spec) : spec.type === 'bars' ? barSpec(spec) : rangeSpec(spec);
      cs.title = el.getAttribute('data-title');  // the text alternative of the canvas
      var s = draw[spec.type](el, cs), figure = el.parentNode;
      var d = s.cadresimData;
      var button = figure.querySelector('button.download[data-for="' + spec.id + '"]');
      if (button) CadresimCharts.downloadButton(button, button.getAttribute('data-filename'), d.header, d.rows);
      var details = figure.querySelector('details.chart-data[data-for="' + spec.id + '"]');
      if (details) details.addEventListener('toggle', function () {
        if (details.open && !details.querySelector('table')) CadresimCharts.table(details, d.header, d.rows, spec.decimals || 0, words.columns);
      });
      el.setAttribute('data-rendered', '1');
      el.setAttribute('data-points', String(d.rows.length));
      drawn.push(spec.chart);
    } catch (e) { fail(spec.id + ' (' + spec.chart + '): ' + e.message); }
  });
  body.setAttribute('data-charts-drawn', drawn.length + '/' + (story.charts || []).length);
  if (!errors.length) body.setAttribute('data-status', 'ok');
})();
