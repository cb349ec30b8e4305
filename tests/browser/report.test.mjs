// report.html in a real browser (Debian's Chromium through playwright-core): cadresim writes the
// report of a run and of a comparison; each page must report body[data-status="ok"], draw every
// chart as a Chart.js chart with data points, log no console error, request nothing, and its
// "Download the data behind this chart (CSV)" buttons must save exactly the numbers of
// report.json that the chart draws.
//
// Run by CTest as browser.report (tests/CMakeLists.txt) with CADRESIM_BINARY and
// CADRESIM_SOURCE_DIR set; REPORT_SCREENSHOT_DIR keeps a full-page screenshot of each report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, open, assertNoProblems, parseCsv, download } from './lib/browser.mjs';

const cadresim = process.env.CADRESIM_BINARY;
const sourceDir = process.env.CADRESIM_SOURCE_DIR;
const runCharts = ['vacancies', 'successor-coverage', 'bench-strength', 'plan-structure', 'flow-matrix',
  'on-rotation', 'rotations-per-year', 'rotation-outcomes', 'rotation-shares', 'support-cost',
  'cost-per-rotation', 'shortfall', 'non-native', 'effectiveness', 'imbalance'];

let work, browser;
const reports = {};

before(async () => {
  assert.ok(cadresim && sourceDir, 'set CADRESIM_BINARY and CADRESIM_SOURCE_DIR');
  work = await mkdtemp(join(tmpdir(), 'cadresim-report-browser-'));
  // Few replications: this checks drawing and downloads, not statistics.
  execFileSync(cadresim, ['run', '-q', '-n', '3', '--seed', '5', '--out', join(work, 'run')]);
  const dir = join(sourceDir, 'scenarios', 'dien-bien');
  const base = join(dir, 'baseline.json');
  const variants = (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'baseline.json').sort();
  const variant = variants.length ? join(dir, variants[0]) : base;
  execFileSync(cadresim, ['compare', '-q', base, variant, '-n', '3', '--seed', '5', '--out', join(work, 'compare')]);
  // Uncertainty from assumptions: 2 parameter sets of 2 replications each.
  execFileSync(cadresim, ['run', '-q', '-n', '2', '--assumptions', '2', '--seed', '5', '--out', join(work, 'assumptions')],
    { stdio: ['ignore', 'pipe', 'ignore'] });
  // The same run in Vietnamese (--lang vi): the charts' words come from the catalog.
  execFileSync(cadresim, ['run', '-q', '-n', '3', '--seed', '5', '--lang', 'vi', '--out', join(work, 'run-vi')]);
  for (const name of ['run', 'compare', 'assumptions', 'run-vi'])
    reports[name] = {
      url: pathToFileURL(join(work, name, 'report.html')).href,
      json: JSON.parse(await readFile(join(work, name, 'report.json'), 'utf8')),
    };
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (work) await rm(work, { recursive: true, force: true });
});

// Opens a report and waits until its script has finished (data-status leaves "loading").
async function openReport(name) {
  const { page, problems } = await open(browser.context, reports[name].url);
  await page.waitForFunction(() => document.body.getAttribute('data-status') !== 'loading', null, { timeout: 180000 });
  return { page, problems };
}

// What each chart element holds: its Chart.js chart, the points drawn, its button and table.
function chartsOf(page) {
  return page.evaluate(() => [...document.querySelectorAll('div.chart')].map((el) => {
    const canvas = el.querySelector('canvas');
    const chart = canvas && window.Chart.getChart(canvas);
    const button = el.parentNode.querySelector(`button.download[data-for="${el.id}"]`);
    return {
      id: el.id, kind: el.dataset.chart, group: el.dataset.group, rendered: el.dataset.rendered === '1',
      type: chart ? chart.config.type : null,
      points: chart ? chart.data.datasets.reduce((n, d) => n + d.data.filter((v) => v !== null).length, 0) : 0,
      width: canvas ? canvas.width : 0, height: canvas ? canvas.height : 0,
      label: canvas ? canvas.getAttribute('aria-label') : null,
      button: button ? { enabled: !button.disabled, file: button.dataset.filename } : null,
      table: !!el.parentNode.querySelector(`details.chart-data[data-for="${el.id}"]`),
    };
  }));
}

async function checkDrawn(name, expected, headings = ['Date', 'Scenario', 'Average']) {
  const { page, problems } = await openReport(name);
  const status = await page.getAttribute('body', 'data-status');
  const errors = await page.textContent('#render-errors');
  assert.equal(status, 'ok', `${name}: data-status ${status}: ${errors}`);
  const charts = await chartsOf(page);
  assert.ok(charts.length > 0, `${name}: no chart`);
  for (const c of charts) {
    const what = `${name}: ${c.id} (${c.kind} ${c.group})`;
    assert.ok(c.rendered, `${what} is not marked drawn`);
    assert.ok(c.type, `${what} has no Chart.js chart`);
    assert.ok(c.points > 0, `${what} draws no data point`);
    assert.ok(c.width > 100 && c.height > 50, `${what}: canvas ${c.width}x${c.height}`);
    assert.ok(c.label, `${what}: the canvas has no text alternative`);
    assert.ok(c.button && c.button.enabled && /^cadresim-[a-z0-9-]+\.csv$/.test(c.button.file), `${what}: download button ${JSON.stringify(c.button)}`);
    assert.ok(c.table, `${what}: no table of its numbers`);
  }
  for (const kind of expected) assert.ok(charts.some((c) => c.kind === kind), `${name}: no ${kind} chart`);
  // The table of numbers of the first time chart appears when opened, with headings in words.
  const first = charts.find((c) => c.type === 'line');
  await page.click(`details.chart-data[data-for="${first.id}"] summary`);
  await page.locator(`details.chart-data[data-for="${first.id}"] table`).waitFor({ timeout: 180000 });
  const cells = await page.locator(`details.chart-data[data-for="${first.id}"] table td`).count();
  assert.ok(cells > 0, `${name}: the table of ${first.id} is empty`);
  const drawnHeadings = await page.locator(`details.chart-data[data-for="${first.id}"] table th`).allTextContents();
  assert.deepEqual(drawnHeadings.slice(0, 3), headings, `${name}: headings of the table of ${first.id}`);
  if (process.env.REPORT_SCREENSHOT_DIR) {
    await mkdir(process.env.REPORT_SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(process.env.REPORT_SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }
  // Printing redraws the charts for the paper's width without error.
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await page.locator('button.download').first().isVisible(), false, `${name}: buttons on paper`);
  await page.emulateMedia({ media: 'screen' });
  assertNoProblems(problems, name);
  return page;
}

const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

// Downloads the CSV of the chart (kind, group) and checks it against the monthly series `entry`
// of report.json: one row per date, the numbers as drawn (counts cannot fall below zero).
async function checkSeriesCsv(page, problems, kind, group, scenario, entry, clipLow) {
  const button = page.locator(`figure:has(div.chart[data-chart="${kind}"][data-group="${group}"]) button.download`);
  const file = await download(page, button);
  assert.equal(file.name, await button.getAttribute('data-filename'));
  assert.ok(file.text.startsWith('\ufeff'), 'the CSV starts with a byte-order mark');
  const rows = parseCsv(file.text);
  const header = rows.shift();
  assert.deepEqual(header.slice(0, 5), ['date', 'scenario', 'mean', 'ci_low', 'ci_high']);
  const mine = rows.filter((r) => r[1] === scenario);
  assert.equal(mine.length, entry.dates.length, `${kind}: one row per date`);
  mine.forEach((r, i) => {
    assert.equal(r[0], entry.dates[i]);
    header.slice(2).forEach((col, j) => {
      const want = Math.max(clipLow, entry[col][i]), got = Number(r[j + 2]);
      assert.ok(close(got, want), `${kind} ${r[0]} ${col}: CSV ${r[j + 2]}, report.json ${entry[col][i]}`);
    });
  });
  assertNoProblems(problems, kind);
  return rows;
}

test('the report of a run draws every chart with Chart.js, without a console error', async () => {
  await checkDrawn('run', runCharts);
});

test('the report of a run in Vietnamese draws every chart with Vietnamese words', async () => {
  await checkDrawn('run-vi', runCharts, ['Ngày', 'Kịch bản', 'Bình quân']);
  const { page } = await openReport('run-vi');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  const buttons = await page.locator('button.download').allTextContents();
  assert.ok(buttons.length > 0 && buttons.every((b) => b === 'Tải số liệu của biểu đồ này (CSV)'), `buttons: ${buttons[0]}`);
  await page.close();
});

test('the report of a comparison draws every chart, differences included', async () => {
  await checkDrawn('compare', [...runCharts, 'difference']);
});

test('the report of a run with --assumptions draws both bands of each headline', async () => {
  const page = await checkDrawn('assumptions', [...runCharts, 'uncertainty']);
  const heads = reports.assumptions.json.scenarios[0].uncertainty.headlines;
  const charts = (await chartsOf(page)).filter((c) => c.kind === 'uncertainty');
  assert.deepEqual(charts.map((c) => c.group), heads.map((h) => h.metric));
  const file = await download(page, page.locator(`button.download[data-for="${charts[0].id}"]`));
  const [header, ...rows] = parseCsv(file.text);
  assert.deepEqual(header, ['band', 'low', 'high', 'mean']);
  const h = heads[0];
  const want = [[h.monte_carlo.ci_low, h.monte_carlo.ci_high], [h.total.low, h.total.high]];
  rows.forEach((r, i) => {
    assert.ok(close(Number(r[1]), want[i][0]) && close(Number(r[2]), want[i][1]), `${h.metric} ${r}`);
    assert.ok(close(Number(r[3]), h.monte_carlo.mean));
  });
});

test('a run chart downloads the numbers it draws, as in report.json', async () => {
  const { page, problems } = await openReport('run');
  const sc = reports.run.json.scenarios[0];
  const entry = sc.results.monthly.find((e) => e.metric === 'vacancies' && e.group === 'all');
  const rows = await checkSeriesCsv(page, problems, 'vacancies', 'all', sc.name, entry, 0);
  assert.equal(rows.length, entry.dates.length);
});

test('a difference chart downloads the paired differences of report.json, negative ones kept', async () => {
  const { page, problems } = await openReport('compare');
  const variant = reports.compare.json.scenarios[1];
  const entry = variant.difference_from_base.monthly.find((e) => e.metric === 'vacancies' && e.group === 'all');
  await checkSeriesCsv(page, problems, 'difference', 'vacancies', variant.name, entry, -Infinity);
});

test('a bar chart downloads its totals, one row per category and scenario', async () => {
  const { page, problems } = await openReport('compare');
  const file = await download(page, page.locator('figure:has(div.chart[data-chart="rotation-outcomes"]) button.download'));
  const [header, ...rows] = parseCsv(file.text);
  assert.deepEqual(header, ['category', 'scenario', 'mean', 'ci_low', 'ci_high']);
  const scenarios = reports.compare.json.scenarios;
  const early = scenarios.map((s) => s.results.totals.find((t) => t.metric === 'early_returns' && t.group === 'all'));
  const got = rows.filter((r) => r[0] === 'Early returns');
  assert.deepEqual(got.map((r) => r[1]), scenarios.map((s) => s.name));
  got.forEach((r, s) => assert.ok(close(Number(r[2]), early[s].mean), `early returns of ${r[1]}: ${r[2]} vs ${early[s].mean}`));
  assertNoProblems(problems, 'rotation-outcomes');
});

test('CSV fields are quoted as RFC 4180 says, formula-like text neutralised', async () => {
  const { page, problems } = await openReport('run');
  const text = await page.evaluate(() => window.CadresimCharts.csv(['a', 'b'],
    [['x,y', 'say "hi"'], [null, 1.5], ['two\nlines', -2], ['Điện Biên', NaN], ['=1+1', '-x']]));
  assert.equal(text, 'a,b\r\n"x,y","say ""hi"""\r\n,1.5\r\n"two\nlines",-2\r\nĐiện Biên,\r\n\'=1+1,\'-x\r\n');
  assertNoProblems(problems, 'csv');
});

test('a chart that cannot be drawn is reported on the page and marks data-status="error"', async () => {
  const html = await readFile(new URL(reports.run.url), 'utf8');
  const broken = html.replace(/(<script type="application\/json" id="cadresim-story">.*?)"type":"time"/s, '$1"type":"nonesuch"');
  assert.notEqual(broken, html, 'no time chart to break');
  const path = join(work, 'broken.html');
  await writeFile(path, broken);
  const { page, problems } = await open(browser.context, pathToFileURL(path).href);
  await page.waitForFunction(() => document.body.getAttribute('data-status') !== 'loading');
  assert.equal(await page.getAttribute('body', 'data-status'), 'error');
  assert.ok(await page.isVisible('#render-errors'), 'the errors are not shown');
  assert.match(await page.textContent('#render-errors'), /Some charts could not be drawn: chart-\d+ \(\S+\): unknown chart type nonesuch/);
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /^console error: cadresim report: .*unknown chart type nonesuch/);
  // The other charts are still drawn.
  const drawn = await page.getAttribute('body', 'data-charts-drawn');
  const [done, all] = drawn.split('/').map(Number);
  assert.equal(done, all - 1, drawn);
});
