// The workspace of `cadresim serve` in a real browser (Debian's Chromium through playwright-core):
// load the page, move a lever, run, see the charts drawn (CadresimCharts) and download the data
// behind one as CSV, cancel a run, follow a cadre, switch to
// Vietnamese and projector mode, and hold a room where two teams submit and the facilitator sees
// the league table. Fails on any console error, uncaught exception or request for another address.
//
// Run by CTest as browser.workspace (tests/CMakeLists.txt) with CADRESIM_BINARY and
// CADRESIM_SOURCE_DIR; exits 77 (skipped) when Chromium or playwright-core is missing.
// WORKSPACE_SCREENSHOT_DIR keeps the screenshots of docs/workspace.md there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = process.env.CADRESIM_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromiumPath) || !existsSync(join(here, 'node_modules', 'playwright-core'))) {
  console.log('SKIPPED: Chromium or playwright-core is missing (apt-get install chromium; npm install in tests/browser)');
  process.exit(77);
}
const { chromium } = await import('playwright-core');

const cadresim = process.env.CADRESIM_BINARY;
const sourceDir = process.env.CADRESIM_SOURCE_DIR;
const shots = process.env.WORKSPACE_SCREENSHOT_DIR;
let server, origin, profile, context;

async function shot(page, name) {
  if (shots) await page.screenshot({ path: join(shots, name + '.png'), fullPage: false });
}

// A page of the workspace with every problem recorded (see the file comment).
async function open(path = '/') {
  const page = await context.newPage();
  // Waits are for behaviour, not speed: the sanitizer build (Debug + ASan) on a loaded machine
  // is many times slower than Release, so no wait is short.
  page.setDefaultTimeout(180000);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'assert') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.route('**/*', (route) => {
    if (route.request().url().startsWith(origin + '/')) return route.continue();
    problems.push(`request for ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(origin + path, { waitUntil: 'load' });
  await page.waitForSelector('body[data-status="ok"]', { timeout: 180000 });
  return { page, problems };
}

async function setNumber(page, selector, value) {
  await page.fill(selector, String(value));
  await page.dispatchEvent(selector, 'input');
}

// Every chart in `selector` is a Chart.js chart with data points.
async function chartsDrawn(page, selector) {
  return page.$$eval(selector, (canvases) => canvases.map((c) => {
    const chart = window.Chart.getChart(c);
    return c.dataset.rendered === '1' && !!chart && chart.data.datasets.some((d) => d.data.length > 0);
  }));
}

before(async () => {
  assert.ok(cadresim && sourceDir, 'set CADRESIM_BINARY and CADRESIM_SOURCE_DIR');
  if (shots) await mkdir(shots, { recursive: true });
  server = spawn(cadresim, ['serve', '--port', '0', '--threads', '2', '--scenarios', join(sourceDir, 'scenarios')],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  origin = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/open (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`cadresim serve exited with ${code}: ${out}`)));
  });
  profile = await mkdtemp(join(tmpdir(), 'cadresim-workspace-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 1400, height: 1000 }, locale: 'en-GB', timezoneId: 'UTC', acceptDownloads: true,
  });
});

after(async () => {
  if (context) await context.close();
  if (profile) await rm(profile, { recursive: true, force: true });
  if (server) server.kill('SIGINT');
});

test('the levers come from the scenario; a run draws the charts with the baseline and the differences', async () => {
  const { page, problems } = await open();
  assert.equal(await page.inputValue('#scenario'), 'training/son-mai.json');
  const catalog = await page.evaluate(() => fetch('/api/levers?scenario=training/son-mai.json').then((r) => r.json()));
  assert.equal(await page.locator('#levers [data-lever]').count(), catalog.support.length);
  assert.equal(await page.locator('#flows [data-flow]').count(), catalog.flows.length);
  assert.match(await page.textContent('#levers [data-lever="top_up_vnd_per_month"]'), /VND\/month/);
  await shot(page, '01-levers');
  await setNumber(page, '#lever-top_up_vnd_per_month', 2000000);
  await page.check('#targets [data-target="top_up"] [data-field="especially_difficult_only"]');
  await setNumber(page, '#flow-commune-commune', 4);
  await setNumber(page, '#replications', 6);
  await page.fill('#label', 'top-up 2M, 4 moves');
  await page.click('#run');
  await page.waitForSelector('#chart-vacant-key[data-rendered="1"]', { timeout: 180000 });
  assert.deepEqual(await chartsDrawn(page, '#results canvas'), [true, true, true, true]);
  // The numbers behind a chart download as CSV: both scenarios, every month.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#chart-vacant-key-download button')]);
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '').trim().split(/\r?\n/);
  assert.equal(csv[0], 'date,scenario,mean,ci_low,ci_high');
  assert.equal(csv.length - 1, 2 * 60, 'two scenarios of 60 months');
  const cost = await page.textContent('#headlines tr:last-child');
  assert.match(cost, /Support cost/);
  assert.match(await page.textContent('#run-status'), /6 replications/);
  assert.ok(await page.locator('#pipeline tr').count() > 1, 'the pipeline table has rows');
  await page.locator('#results').scrollIntoViewIfNeeded();
  await shot(page, '02-results');
  await page.locator('#pipeline').scrollIntoViewIfNeeded();
  await shot(page, '03-pipeline');
  assert.deepEqual(problems, []);
  await page.close();
});

// Without moves, the figures per move or per plan do not apply: the page says n/a, never 0.
test('a figure that does not apply reads n/a, not 0', async () => {
  const { page, problems } = await open();
  const catalog = await page.evaluate(() => fetch('/api/levers?scenario=training/son-mai.json').then((r) => r.json()));
  for (const f of catalog.flows) await setNumber(page, '#flow-' + f.id, 0);
  await setNumber(page, '#replications', 3);
  await page.fill('#label', 'no moves');
  await page.click('#run');
  await page.waitForSelector('#chart-vacant-key[data-rendered="1"]', { timeout: 180000 });
  const row = page.locator('#headlines tr', { hasText: /Rotation plan fulfilled/ });
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells.length, 4, cells.join(' | '));
  assert.notEqual(cells[1], 'n/a', 'the baseline has a plan: ' + cells.join(' | '));
  assert.equal(cells[2], 'n/a', cells.join(' | '));
  assert.equal(cells[3], 'n/a', cells.join(' | '));
  assert.deepEqual(problems, []);
  await page.close();
});

// The baseline against itself: every paired difference is exactly 0, which the table says as
// such, not as "not clear" (html::verdict's rule, the summary's too).
test('the baseline against itself reads the same in every replication', async () => {
  const { page, problems } = await open();
  await setNumber(page, '#replications', 2);
  await page.fill('#label', 'unchanged');
  await page.click('#run');
  await page.waitForSelector('#chart-vacant-key[data-rendered="1"]', { timeout: 180000 });
  const rows = await page.locator('#headlines tr').all();
  assert.ok(rows.length > 5, 'the headline table has rows');
  for (const row of rows.slice(1)) {
    const cells = await row.locator('td').allTextContents();
    if (cells[3] === 'n/a') continue;
    assert.match(cells[3], /· the same in every replication$/, cells.join(' | '));
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('a long run can be cancelled from the page', async () => {
  const { page, problems } = await open();
  await page.selectOption('#scenario', 'dien-bien/baseline.json');
  await page.waitForSelector('#levers[data-scenario="dien-bien/baseline.json"] [data-lever]');
  await setNumber(page, '#replications', 300);
  await page.click('#run');
  await page.waitForSelector('#cancel:not([disabled])');
  await page.click('#cancel');
  await page.waitForFunction(() => /Cancelled/.test(document.getElementById('run-status').textContent), null, { timeout: 180000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test('one cadre is followed; the page switches to Vietnamese and to projector mode', async () => {
  const { page, problems } = await open();
  await page.fill('#who', 'hoang-thi-lan');
  await page.click('#tell');
  await page.waitForSelector('#story-lines li');
  assert.ok(await page.locator('#story-lines li').count() > 3);
  await page.locator('#story-lines').scrollIntoViewIfNeeded();
  await shot(page, '04-story');
  await page.selectOption('#lang', 'vi');
  assert.equal(await page.textContent('h1'), 'Không gian làm việc cadresim');
  // The words come from the message catalog (sim/text, page.*) by way of /i18n.js, and the
  // measure names are the summary's (metric.*): one vocabulary.
  assert.equal(await page.textContent('.subtitle'),
    'Luân chuyển và nguồn kế cận cán bộ: thử một chính sách, xem tác động và chi phí');
  assert.equal(await page.evaluate(() => window.CADRESIM_I18N.vi.m_vacancies_key_run_mean),
    'Chức danh chủ chốt còn trống (bình quân cuối các tháng trong kỳ)');
  assert.match(await page.textContent('#levers [data-lever="top_up_vnd_per_month"]'), /Phụ cấp bổ sung hằng tháng/);
  await page.click('#tell');
  await page.waitForFunction(() => /[ăâđêôơư]/i.test(document.getElementById('story-lines').textContent));
  await page.check('#projector');
  assert.ok(await page.evaluate(() => document.body.classList.contains('projector')));
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, '05-projector-vi');
  await page.selectOption('#lang', 'en');
  // An exercise with its shock card: the story runs under it.
  await page.check('#shocks [data-shock="training/shocks/sudden-departure.json"]');
  await page.click('#tell');
  await page.waitForSelector('#story-lines li');
  assert.deepEqual(problems, []);
  await page.close();
});

test('two teams join a room and the facilitator sees the league table and their charts', async () => {
  const facilitator = await open();
  const f = facilitator.page;
  await f.click('[data-tab="room"]');
  await setNumber(f, '#budget', 2000);
  await setNumber(f, '#room-replications', 4);
  await f.click('#open-room');
  await f.waitForFunction(() => /^[A-Z0-9]{6}$/.test(document.getElementById('room-code').textContent));
  const code = await f.textContent('#room-code');
  await shot(f, '06-room-open');
  const teams = [];
  for (const [name, topUp] of [['Đội Hoa Ban', 1000000], ['Team Mường Thanh', 3000000]]) {
    const t = await open();
    await t.page.click('[data-tab="room"]');
    await t.page.fill('#join-code', code.toLowerCase());
    await t.page.fill('#team-name', name);
    await t.page.click('#join');
    await t.page.waitForSelector('#submit-team:not([disabled])');
    await t.page.click('[data-tab="analyse"]');
    await setNumber(t.page, '#lever-top_up_vnd_per_month', topUp);
    await t.page.click('[data-tab="room"]');
    await t.page.click('#submit-team');
    await t.page.waitForFunction(() => /Submitted/.test(document.getElementById('team-status').textContent));
    // A quick cost estimate comes back with the submission; the dearer team is told it is over.
    assert.match(await t.page.textContent('#team-status'), teams.length ? /over the budget/ : /within the budget/);
    if (teams.length) await shot(t.page, '07-team-submitted');
    teams.push(t);
  }
  await f.waitForFunction(() => document.getElementById('room-teams').textContent.includes('Mường Thanh'));
  await f.click('#run-round');
  await f.waitForSelector('#league tr[data-team]', { timeout: 180000 });
  assert.equal(await f.locator('#league tr[data-team]').count(), 2);
  await f.waitForFunction(() => document.querySelectorAll('#team-charts canvas[data-rendered="1"]').length === 2);
  assert.deepEqual(await chartsDrawn(f, '#team-charts canvas'), [true, true]);
  await shot(f, '08-league');
  // The teams see the same table.
  await teams[0].page.waitForSelector('#league tr[data-team]', { timeout: 180000 });
  for (const p of [facilitator, ...teams]) {
    assert.deepEqual(p.problems, []);
    await p.page.close();
  }
});
