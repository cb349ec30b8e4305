// CadresimCharts: cadresim's charts on Chart.js 3 (Debian's libjs-chart.js, MIT licence), for
// report.html and any other page that inlines Chart.js before this file. It knows nothing of
// report.json: callers pass plain specifications (below) with their words, so the page's
// language stays with the page. Every drawing function returns its Chart, with the numbers it
// drew as chart.cadresimData = {header, rows} (rows of plain values, one per drawn point), for
// CadresimCharts.downloadButton and CadresimCharts.table.
//
//   CadresimCharts.line(target, spec)      series over time, each with bands
//     spec: {title, yLabel, unit, decimals, include: [values the axis must show], dates (shared),
//            reference: {value, label} (a horizontal line, e.g. 0),
//            markers: [{date, kind, label}] (dashed vertical lines; kind: congress, election,
//            structure, shock), words: {interval} (tooltips: "95 % interval"),
//            series: [{label, colour, dates: ["2020-07-31", ...] (else spec.dates), mean: [...], lo: [...],
//                      hi: [...] (95 % interval, optional), p05: [...], p95: [...] (optional)}]}
//   CadresimCharts.bars(target, spec)      grouped bars with interval whiskers
//     spec: {title, yLabel, unit, decimals, values: true to print each average,
//            markName (the CSV column of the marks), words: {interval, mark},
//            categories: [label, ...],
//            series: [{label, colour, mean: [...], lo: [...], hi: [...], mark: [...]}]}
//   CadresimCharts.range(target, spec)     one row per item: 5-95 % bar, median tick, mean dot
//     spec: {title, xLabel, unit, decimals, reference: {value, label}, words: {mean, median},
//            items: [{label, colour, p05, p50, p95, mean}]}
//   CadresimCharts.downloadButton(target, filename, header, rows, text)
//     wires a <button> (or appends one with `text` to target) that saves the rows as CSV.
//   CadresimCharts.table(target, header, rows, decimals, names)  the rows as an HTML table;
//     names (optional) gives the column headings by CSV column.
//   CadresimCharts.csv(header, rows)       RFC 4180 text (CRLF line ends, quoted as needed;
//                                          formula-like text neutralised as csv_cell does).
//
// `target` is a <canvas> or an element that receives one. Absent numbers are null (a gap).
(function (root) {
  'use strict';
  var Chart = root.Chart;
  if (!Chart) throw new Error('Chart.js is not loaded');
  var lang = (root.document && document.documentElement.lang) || undefined;

  function finite(v) { return typeof v === 'number' && isFinite(v); }
  function num(v) { return finite(v) ? v : null; }
  function fmt(v, d) {
    if (!finite(v)) return '\u2013';
    var s = Math.abs(v).toLocaleString(lang, {minimumFractionDigits: d || 0, maximumFractionDigits: d || 0});
    return (v < 0 && /[1-9]/.test(s) ? '\u2212' : '') + s;
  }
  function rgba(hex, alpha) {
    var m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex || '');
    if (!m) return hex;
    return 'rgba(' + parseInt(m[1], 16) + ',' + parseInt(m[2], 16) + ',' + parseInt(m[3], 16) + ',' + alpha + ')';
  }
  // "2020-07-31" -> 2020.58: a linear time axis whose whole numbers are the years.
  function yearOf(iso) {
    var y = +iso.slice(0, 4), t = Date.UTC(y, +iso.slice(5, 7) - 1, +iso.slice(8, 10));
    return y + (t - Date.UTC(y, 0, 1)) / (Date.UTC(y + 1, 0, 1) - Date.UTC(y, 0, 1));
  }
  function monthOf(iso) {
    var d = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));
    return d.toLocaleDateString(lang, {month: 'short', year: 'numeric', timeZone: 'UTC'});
  }
  // Splits a label into lines of about `width` characters; a lone symbol (an arrow) stays with
  // the word before it.
  function wrap(label, width) {
    var lines = [], cur = '', words = [];
    String(label).split(' ').forEach(function (w) {
      if (words.length && w.length === 1 && !/[0-9A-Za-z\u00c0-\u1ef9]/.test(w)) words[words.length - 1] += ' ' + w; else words.push(w);
    });
    words.forEach(function (word) {
      if (cur && (cur + ' ' + word).length > width) { lines.push(cur); cur = word; } else cur = cur ? cur + ' ' + word : word;
    });
    if (cur) lines.push(cur);
    return lines.length > 1 ? lines : lines[0] || '';
  }
  function canvasIn(target, title, height) {
    var canvas = target;
    if (!target || target.tagName !== 'CANVAS') {
      var box = document.createElement('div');
      box.className = 'chart-box';
      if (height) box.style.height = height + 'px';
      canvas = document.createElement('canvas');
      box.appendChild(canvas);
      target.appendChild(box);
    }
    canvas.setAttribute('role', 'img');
    if (title) canvas.setAttribute('aria-label', title);
    return canvas;
  }
  function valueAxis(spec, title) {
    var inc = (spec.include || []).filter(finite);
    return {
      title: {display: !!title, text: title},
      suggestedMin: inc.length ? Math.min.apply(null, inc) : undefined,
      suggestedMax: inc.length ? Math.max.apply(null, inc) : undefined,
      ticks: {callback: function (v, i, ticks) {
        return Chart.Ticks.formatters.numeric.call(this, v, i, ticks) + (spec.unit || '');
      }}
    };
  }
  function interval(lo, hi, d, words) {
    return finite(lo) && finite(hi) ? ' (' + (words ? words + ' ' : '') + fmt(lo, d) + ' \u2013 ' + fmt(hi, d) + ')' : '';
  }

  // Lines and bands that are not data: a horizontal reference line (spec.reference), dashed
  // vertical markers (spec.markers), whiskers and marks of bar datasets (dataset.cadresim).
  var extras = {
    id: 'cadresimExtras',
    afterDatasetsDraw: function (chart) {
      var o = chart.options.plugins.cadresimExtras || {}, ctx = chart.ctx, area = chart.chartArea;
      ctx.save();
      var labelled = {};  // the first marker of each kind in view is labelled; its style tells the rest
      (o.markers || []).forEach(function (m) {
        var x = chart.scales.x.getPixelForValue(m.x);
        if (!(x >= area.left && x <= area.right)) return;
        ctx.beginPath();
        ctx.strokeStyle = m.kind === 'shock' ? '#c0392b' : m.kind === 'election' ? '#b8a07a' : '#9aa4ae';
        ctx.lineWidth = m.kind === 'shock' || m.kind === 'election' ? 1.5 : 1;
        ctx.setLineDash(m.kind === 'shock' ? [4, 2] : m.kind === 'election' ? [1, 3] : [3, 3]);
        ctx.moveTo(x, area.top); ctx.lineTo(x, area.bottom); ctx.stroke();
        if (!(m.kind in labelled) && x + 44 < area.right) {
          var row = labelled[m.kind] = Object.keys(labelled).length;
          ctx.setLineDash([]); ctx.fillStyle = '#7b8590'; ctx.font = '10px system-ui, sans-serif';
          ctx.fillText(m.label, x + 3, area.top + 9 + 11 * row);
        }
      });
      ctx.setLineDash([]);
      if (o.reference && finite(o.reference.value)) {
        var axis = o.reference.axis === 'x' ? chart.scales.x : chart.scales.y, p = axis.getPixelForValue(o.reference.value);
        ctx.strokeStyle = '#39444f'; ctx.lineWidth = 1.2; ctx.beginPath();
        if (o.reference.axis === 'x') {
          if (p >= area.left && p <= area.right) { ctx.moveTo(p, area.top); ctx.lineTo(p, area.bottom); }
        } else if (p >= area.top && p <= area.bottom) { ctx.moveTo(area.left, p); ctx.lineTo(area.right, p); }
        ctx.stroke();
        if (o.reference.label && o.reference.axis === 'x' && p >= area.left && p <= area.right) {
          ctx.fillStyle = '#7b8590'; ctx.font = '10px system-ui, sans-serif'; ctx.textAlign = 'center';
          ctx.fillText(o.reference.label, p, area.top - 4);
        }
      }
      chart.data.datasets.forEach(function (ds, di) {
        var extra = ds.cadresim, meta = chart.getDatasetMeta(di);
        if (!extra || meta.hidden || meta.type !== 'bar') return;
        var y = chart.scales[meta.yAxisID];
        meta.data.forEach(function (bar, i) {
          var w = bar.width * 0.5, lo = extra.lo && extra.lo[i], hi = extra.hi && extra.hi[i], mark = extra.mark && extra.mark[i];
          ctx.strokeStyle = '#29323c';
          if (finite(lo) && finite(hi)) {
            var a = y.getPixelForValue(lo), b = y.getPixelForValue(hi), c = w * 0.5;
            ctx.lineWidth = 1.2; ctx.setLineDash([]); ctx.beginPath();
            ctx.moveTo(bar.x, a); ctx.lineTo(bar.x, b);
            ctx.moveTo(bar.x - c / 2, a); ctx.lineTo(bar.x + c / 2, a);
            ctx.moveTo(bar.x - c / 2, b); ctx.lineTo(bar.x + c / 2, b);
            ctx.stroke();
          }
          if (finite(mark)) {
            var m = y.getPixelForValue(mark);
            ctx.lineWidth = 2; ctx.setLineDash([4, 2]); ctx.beginPath();
            ctx.moveTo(bar.x - bar.width / 2 - 2, m); ctx.lineTo(bar.x + bar.width / 2 + 2, m); ctx.stroke();
          }
          if (extra.values && finite(ds.data[i])) {
            var top = y.getPixelForValue(finite(hi) ? Math.max(hi, ds.data[i]) : ds.data[i]);
            ctx.setLineDash([]); ctx.fillStyle = '#29323c'; ctx.font = '11px system-ui, sans-serif'; ctx.textAlign = 'center';
            ctx.fillText(fmt(ds.data[i], extra.decimals), bar.x, top - 4);
          }
        });
      });
      ctx.restore();
    }
  };

  function common(spec) {
    return {
      responsive: true, animation: false, normalized: true, locale: lang,
      interaction: {mode: 'nearest', axis: 'x', intersect: false},
      plugins: {legend: {display: false}, title: {display: false}, cadresimExtras: {}},
      layout: {padding: {top: 8, right: 6}}
    };
  }

  // Series over time: the 5-95 % band (when given), the 95 % interval band, the mean line.
  function line(target, spec) {
    var dec = spec.decimals || 0, words = spec.words || {}, datasets = [], rows = [];
    var withRange = spec.series.some(function (s) { return s.p05 && s.p95; });
    var header = ['date', 'scenario', 'mean', 'ci_low', 'ci_high'].concat(withRange ? ['p05', 'p95'] : []);
    var xmin = Infinity, xmax = -Infinity;
    spec.series.forEach(function (s) {
      s = Object.assign({dates: spec.dates}, s);  // dates per series, or shared by all
      if (!s.dates) throw new Error('no dates for ' + s.label);
      var pts = function (key) {
        return (s[key] || []).map(function (v, i) { return {x: yearOf(s.dates[i]), y: num(v), date: s.dates[i]}; });
      };
      s.dates.forEach(function (d, i) {
        var x = yearOf(d); xmin = Math.min(xmin, x); xmax = Math.max(xmax, x);
        var row = [d, s.label, num(s.mean[i]), num(s.lo && s.lo[i]), num(s.hi && s.hi[i])];
        if (withRange) row.push(num(s.p05 && s.p05[i]), num(s.p95 && s.p95[i]));
        rows.push(row);
      });
      var band = {pointRadius: 0, pointHoverRadius: 0, borderWidth: 0, tension: 0};
      datasets.push(Object.assign({label: s.label, data: pts('mean'), borderColor: s.colour, backgroundColor: s.colour,
        borderWidth: 2, pointRadius: 0, pointHoverRadius: 3, fill: false, order: 0, cadresimRole: 'mean',
        cadresimSeries: s}, {}));
      if (s.lo && s.hi) {
        datasets.push(Object.assign({label: s.label + ' hi', data: pts('hi'), fill: '+1', backgroundColor: rgba(s.colour, 0.32), order: 1}, band));
        datasets.push(Object.assign({label: s.label + ' lo', data: pts('lo'), fill: false, order: 1}, band));
      }
      if (s.p05 && s.p95) {
        datasets.push(Object.assign({label: s.label + ' p95', data: pts('p95'), fill: '+1', backgroundColor: rgba(s.colour, 0.12), order: 2}, band));
        datasets.push(Object.assign({label: s.label + ' p05', data: pts('p05'), fill: false, order: 2}, band));
      }
    });
    if (!rows.length) throw new Error('no data points');
    if (!(xmax > xmin)) { xmin -= 1 / 24; xmax += 1 / 24; }
    var o = common(spec);
    o.scales = {
      x: {type: 'linear', min: xmin, max: xmax, bounds: 'data', grid: {display: false},
        // Ticks on the 1st of January of each year in the period.
        afterBuildTicks: function (axis) {
          var ticks = [];
          for (var y = Math.ceil(xmin); y <= xmax; y++) ticks.push({value: y});
          axis.ticks = ticks;
        },
        ticks: {autoSkip: true, maxRotation: 0, callback: function (v) { return String(Math.round(v)); }}},
      y: valueAxis(spec, spec.yLabel)
    };
    o.plugins.cadresimExtras = {
      reference: spec.reference,
      markers: (spec.markers || []).map(function (m) { return {x: yearOf(m.date), kind: m.kind, label: m.label}; })
    };
    o.plugins.tooltip = {
      filter: function (item) { return item.dataset.cadresimRole === 'mean'; },
      callbacks: {
        title: function (items) { return items.length ? monthOf(items[0].raw.date) : ''; },
        label: function (item) {
          var s = item.dataset.cadresimSeries, i = item.dataIndex;
          return (spec.series.length > 1 ? s.label + ': ' : '') + fmt(s.mean[i], dec) + (spec.unit || '') +
            interval(s.lo && s.lo[i], s.hi && s.hi[i], dec, words.interval);
        }
      }
    };
    var chart = new Chart(canvasIn(target, spec.title), {type: 'line', data: {datasets: datasets}, options: o, plugins: [extras]});
    chart.cadresimData = {header: header, rows: rows};
    return chart;
  }

  // Grouped bars: one bar per series in each category, with 95 % interval whiskers and marks.
  function bars(target, spec) {
    var dec = spec.decimals || 0, words = spec.words || {}, rows = [], n = 0;
    var withMark = spec.series.some(function (s) { return s.mark && s.mark.some(finite); });
    var header = ['category', 'scenario', 'mean', 'ci_low', 'ci_high'].concat(withMark ? [spec.markName || 'mark'] : []);
    var width = target && target.clientWidth ? target.clientWidth : 500;
    var chars = Math.max(6, Math.floor(width / Math.max(1, spec.categories.length) / 6.5));
    var many = spec.categories.length > 6;
    var datasets = spec.series.map(function (s) {
      spec.categories.forEach(function (c, i) {
        if (!finite(s.mean[i])) return;
        n++;
        var row = [c, s.label, s.mean[i], num(s.lo && s.lo[i]), num(s.hi && s.hi[i])];
        if (withMark) row.push(num(s.mark && s.mark[i]));
        rows.push(row);
      });
      return {label: s.label, data: s.mean.map(num), backgroundColor: rgba(s.colour, 0.85), borderColor: s.colour,
        borderWidth: 0, maxBarThickness: 56, cadresimSeries: s,
        cadresim: {lo: s.lo, hi: s.hi, mark: s.mark, values: !!spec.values, decimals: dec}};
    });
    if (!n) throw new Error('no values');
    var all = [0];
    spec.series.forEach(function (s) { ['mean', 'lo', 'hi', 'mark'].forEach(function (k) { (s[k] || []).forEach(function (v) { if (finite(v)) all.push(v); }); }); });
    var o = common(spec), hi = Math.max.apply(null, all);
    o.interaction = {mode: 'index', intersect: false};
    o.scales = {
      // Few categories: labels wrapped on lines; many: slanted, each on one line.
      x: {grid: {display: false}, ticks: {maxRotation: many ? 50 : 0, autoSkip: false}},
      y: valueAxis(spec, spec.yLabel)
    };
    o.scales.y.suggestedMin = Math.min.apply(null, all);
    o.scales.y.suggestedMax = spec.values ? hi * 1.12 : hi;
    o.plugins.tooltip = {callbacks: {label: function (item) {
      var s = item.dataset.cadresimSeries, i = item.dataIndex;
      return (spec.series.length > 1 ? s.label + ': ' : '') + fmt(s.mean[i], dec) + (spec.unit || '') +
        interval(s.lo && s.lo[i], s.hi && s.hi[i], dec, words.interval) +
        (s.mark && finite(s.mark[i]) ? '; ' + (words.mark || spec.markName || '') + ' ' + fmt(s.mark[i], dec) : '');
    }}};
    var labels = spec.categories.map(function (c) { return many ? c : wrap(c, chars); });
    var chart = new Chart(canvasIn(target, spec.title), {type: 'bar', data: {labels: labels, datasets: datasets}, options: o, plugins: [extras]});
    chart.cadresimData = {header: header, rows: rows};
    return chart;
  }

  // Distributions, one row per item: the 5th-95th percentile as a floating bar, the median as a
  // thick tick and the mean as a circle.
  function range(target, spec) {
    var items = spec.items || [], dec = spec.decimals || 0, unit = spec.unit || '';
    if (!items.length) throw new Error('no items');
    var header = ['scenario', 'p05', 'p50', 'p95', 'mean'];
    var rows = items.map(function (it) { return [it.label, num(it.p05), num(it.p50), num(it.p95), num(it.mean)]; });
    var colours = items.map(function (it) { return it.colour; });
    var o = common(spec);
    o.indexAxis = 'y';
    o.maintainAspectRatio = false;
    o.interaction = {mode: 'nearest', axis: 'y', intersect: false};
    o.layout.padding.top = 16;
    o.scales = {x: valueAxis(spec, spec.xLabel), y: {grid: {display: false}}};
    o.plugins.cadresimExtras = {reference: spec.reference && {value: spec.reference.value, label: spec.reference.label, axis: 'x'}};
    o.plugins.tooltip = {filter: function (item) { return item.datasetIndex === 0; }, callbacks: {label: function (item) {
      var it = items[item.dataIndex];
      return fmt(it.p05, dec) + unit + ' \u2013 ' + fmt(it.p95, dec) + unit + '; ' + (spec.words && spec.words.median || '') + ' ' +
        fmt(it.p50, dec) + unit + '; ' + (spec.words && spec.words.mean || '') + ' ' + fmt(it.mean, dec) + unit;
    }}};
    var data = {labels: items.map(function (it) { return it.label; }), datasets: [
      {type: 'bar', label: 'p05-p95', data: items.map(function (it) { return finite(it.p05) && finite(it.p95) ? [it.p05, it.p95] : null; }),
        backgroundColor: colours.map(function (c) { return rgba(c, 0.28); }), barThickness: 14, order: 2},
      {type: 'line', label: 'p50', data: items.map(function (it) { return num(it.p50); }), showLine: false,
        pointStyle: 'line', rotation: 90, pointRadius: 11, pointHoverRadius: 11, borderWidth: 3, pointBorderWidth: 3,
        borderColor: colours, pointBorderColor: colours, order: 1},
      {type: 'line', label: 'mean', data: items.map(function (it) { return num(it.mean); }), showLine: false,
        pointStyle: 'circle', pointRadius: 5, pointHoverRadius: 6, pointBorderWidth: 2.5, pointBackgroundColor: '#fff',
        pointBorderColor: colours, borderColor: colours, order: 0}
    ]};
    var chart = new Chart(canvasIn(target, spec.title, 60 + items.length * 40), {type: 'bar', data: data, options: o, plugins: [extras]});
    chart.cadresimData = {header: header, rows: rows};
    return chart;
  }

  // RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, a double
  // quote, a line break or edge spaces is quoted, its quotes doubled. Absent numbers are empty.
  // A text (not a number) starting with =, +, -, @, TAB or CR gets a single quote in front, so
  // that a spreadsheet does not run it as a formula (as analysis/csv_cell.hpp does).
  function csvField(v) {
    if (v === null || v === undefined || (typeof v === 'number' && !isFinite(v))) return '';
    var s = typeof v !== 'number' && /^[=+\-@\t\r]/.test(String(v)) ? "'" + v : String(v);
    return /[",\r\n]|^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csv(header, rows) {
    return [header].concat(rows).map(function (r) { return r.map(csvField).join(','); }).join('\r\n') + '\r\n';
  }
  // Saves text as a file through a Blob and an object URL (works from file:// and offline).
  function save(filename, text, type) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = document.createElement('a');
    a.href = url; a.download = filename; a.hidden = true;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  }
  function downloadButton(target, filename, header, rows, text) {
    var button = target;
    if (!target || target.tagName !== 'BUTTON') {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'download';
      button.textContent = text || filename;
      target.appendChild(button);
    }
    button.disabled = false;
    button.addEventListener('click', function () {
      // A byte-order mark so that spreadsheets read the UTF-8 names (Điện Biên) correctly.
      save(filename, '\ufeff' + csv(header, rows), 'text/csv;charset=utf-8');
    });
    return button;
  }
  function table(target, header, rows, decimals, names) {
    var t = document.createElement('table'), head = t.createTHead().insertRow(), body = t.createTBody();
    t.className = 'chart-table';
    header.forEach(function (h) {
      var th = document.createElement('th');
      th.textContent = names && names[h] || h;
      th.scope = 'col';
      head.appendChild(th);
    });
    rows.forEach(function (r) {
      var tr = body.insertRow();
      r.forEach(function (v) { tr.insertCell().textContent = typeof v === 'number' ? fmt(v, decimals) : v === null ? '\u2013' : String(v); });
    });
    target.appendChild(t);
    return t;
  }

  // Canvases do not reflow for print by themselves.
  if (root.addEventListener)
    root.addEventListener('beforeprint', function () {
      Object.keys(Chart.instances).forEach(function (k) { Chart.instances[k].resize(); });
    });

  root.CadresimCharts = {line: line, bars: bars, range: range, csv: csv, save: save,
    downloadButton: downloadButton, table: table, format: fmt};
})(window);
