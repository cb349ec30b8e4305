// Shared by the browser tests: launches Debian's Chromium through playwright-core (which downloads
// no browser of its own) with a fresh profile, opens pages with every console error, uncaught
// page error and network request outside the page itself recorded, and parses CSV downloads.
import { chromium } from 'playwright-core';
import { mkdtemp, rm, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

/** The browser: Debian's package chromium, or CADRESIM_CHROMIUM. */
export const chromiumPath = process.env.CADRESIM_CHROMIUM || '/usr/bin/chromium';

/** Flags for a quiet, offline, reproducible browser (headless is set by playwright-core). */
export const chromiumFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * Starts Chromium with a fresh user-data-dir (removed by close()). Returns {context, close}; the
 * context accepts downloads.
 */
export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), 'cadresim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, args: chromiumFlags, acceptDownloads: true,
    viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC',
  });
  return {
    context,
    close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); },
  };
}

/**
 * Opens `url` in a new page of `context` and records what must never happen: console errors,
 * uncaught exceptions, and requests for anything but the page itself (a self-contained page
 * fetches nothing; such requests are refused). Returns {page, problems}; see assertNoProblems.
 */
export async function open(context, url) {
  const page = await context.newPage();
  page.setDefaultTimeout(180000);  // behaviour, not speed: the sanitizer build is slow
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'assert') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.route('**/*', (route) => {
    const wanted = route.request().url();
    if (wanted === url) return route.continue();
    problems.push(`request for ${wanted}`);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

/** Fails with every recorded problem listed. */
export function assertNoProblems(problems, what) {
  assert.deepEqual(problems, [], `${what}: the page reported problems:\n${problems.join('\n')}`);
}

/** RFC 4180 CSV text (an optional byte-order mark first) -> rows of strings. */
export function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [], field = '', quoted = false, i = 0;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    assert.ok(c !== '\n' && c !== '\r' && c !== '"', `bare ${JSON.stringify(c)} at ${i} of the CSV`);
    field += c; i++;
  }
  assert.equal(field + row.join(''), '', 'the CSV does not end with CRLF');
  return rows;
}

/** Clicks `button` and returns the download's suggested file name and text. */
export async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}
