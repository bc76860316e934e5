// Opens the review page for examples/portal_message.txt in a real browser
// (Debian's chromium, driven by playwright-core) and checks what a reviewer
// relies on: the highlights, the tooltip on keyboard focus, a clean console
// and no network at all. Leaves a screenshot in build/browser/report.png.
//
//   node tests/browser/report.test.mjs        (after `make build`)
//
// PLAINLANG_CLI names the command (default build/plainlang), CHROMIUM the
// browser (default /usr/bin/chromium), PLAINLANG_BROWSER_OUT the folder for
// the page and the screenshot (default build/browser). Exits 0 with "SKIPPED" only when no
// browser is installed at all.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.PLAINLANG_CLI ?? join(root, 'build/plainlang');
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const outDir = process.env.PLAINLANG_BROWSER_OUT ?? join(root, 'build/browser');
const input = join(root, 'examples/portal_message.txt');
const page_file = join(outDir, 'report.html');

if (!existsSync(browserPath)) {
  console.log(`SKIPPED browser test: no browser at ${browserPath} ` +
              '(make setup installs the Debian package chromium; set CHROMIUM to use another)');
  process.exit(0);
}
assert.ok(existsSync(cli), `no plainlang command at ${cli}; run make build first`);
mkdirSync(outDir, { recursive: true });

// The example misses its targets, so both commands exit 1 by design.
const run = (args) => {
  const result = spawnSync(cli, args, { encoding: 'utf8' });
  assert.ok(result.status === 0 || result.status === 1,
            `plainlang ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
};
run(['report', input, '-o', page_file]);
const expected = JSON.parse(run(['check', '--format', 'json', input]));

let passed = 0;
const check = async (name, body) => {
  await body();
  passed += 1;
  console.log(`ok ${passed} - ${name}`);
};

const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(page_file).href;
  await page.goto(url, { waitUntil: 'load' });

  await check('each finding is one highlight with its text and kind', async () => {
    const marks = await page.$$eval('#m1 .message mark.hl', (nodes) =>
      nodes.map((n) => ({ id: n.id, text: n.textContent, cls: n.className, tab: n.tabIndex })));
    assert.equal(marks.length, expected.findings.length);
    expected.findings.forEach((finding, i) => {
      const mark = marks.find((m) => m.id === `m1-f${i}`);
      assert.ok(mark, `no highlight for finding ${i} (${finding.text})`);
      assert.equal(mark.text, finding.text);
      assert.ok(mark.cls.split(' ').includes(`hl-${finding.kind}`), mark.cls);
      assert.equal(mark.tab, 0);
    });
    const source = readFileSync(input, 'utf8');
    const shown = await page.$eval('#m1 .message', (n) => n.textContent);
    assert.equal(shown, source);
  });

  await check('the kinds differ in underline style, not only colour', async () => {
    const styles = await page.$$eval('.legend .sample', (nodes) =>
      nodes.map((n) => getComputedStyle(n).textDecorationStyle + '/' + getComputedStyle(n).borderLeftStyle));
    assert.equal(new Set(styles).size, 4, styles.join(' '));
  });

  await check('focusing a highlight shows its suggestion in a tooltip', async () => {
    const dyspnea = expected.findings.findIndex((f) => f.text.startsWith('dyspnea'));
    assert.ok(dyspnea >= 0);
    assert.equal(await page.isVisible('#tip'), false);
    await page.focus(`#m1-f${dyspnea}`);
    await page.waitForSelector('#tip', { state: 'visible' });
    const tip = await page.textContent('#tip');
    assert.match(tip, /short(ness)? of breath/);
    assert.match(tip, /Medical jargon/i);
    const described = await page.$eval(`#m1-f${dyspnea}`, (n) =>
      document.getElementById(n.getAttribute('aria-describedby')).textContent);
    assert.match(described, /short(ness)? of breath/);
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('#tip'), false);
  });

  await check('tabbing reaches the highlights in text order', async () => {
    await page.focus('#m1-f0');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'm1-f1');
    await page.waitForSelector('#tip', { state: 'visible' });
    assert.match(await page.textContent('#tip'), new RegExp(expected.findings[1].suggestion));
  });

  await check('hovering a highlight shows its tooltip', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.activeElement.blur());
    const bp = expected.findings.findIndex((f) => f.text === 'BP');
    await page.hover(`#m1-f${bp}`);
    await page.waitForSelector('#tip', { state: 'visible' });
    assert.match(await page.textContent('#tip'), /blood pressure/);
  });

  await check('a fix-first link moves focus to its highlight', async () => {
    const link = page.locator('#m1 .fixes a.jump').first();
    const target = (await link.getAttribute('href')).slice(1);
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement.id), target);
  });

  await check('one grade bar per graded sentence with the grade in text', async () => {
    const values = await page.$$eval('#m1 .bar-row .value', (nodes) => nodes.map((n) => n.textContent));
    // A greeting or signature beside a sentence has no grade of its own (null).
    const sentences = expected.sentences.filter((s) => s.words > 0 && s.grade !== null);
    assert.ok(sentences.length < expected.sentences.length);
    assert.equal(values.length, sentences.length);
    // The page has one decimal, the JSON two: they agree to within rounding.
    values.forEach((value, i) => {
      const text = value.match(/grade ([0-9.]+\+?)/)[1];
      const shown = text === '20+' ? 20 : Number(text);
      assert.ok(Math.abs(shown - sentences[i].grade) <= 0.051, `${value} vs ${sentences[i].grade}`);
    });
  });

  // The tooltip for the screenshot: the first jargon term, focused.
  const first = expected.findings.findIndex((f) => f.kind === 'jargon');
  await page.focus(`#m1-f${first}`);
  await page.waitForSelector('#tip', { state: 'visible' });
  await page.screenshot({ path: join(outDir, 'report.png'), fullPage: true });

  await check('no console errors or warnings', async () => {
    assert.deepEqual(consoleErrors, []);
  });

  await check('no request but the page itself', async () => {
    assert.deepEqual(requests, [url]);
  });
} finally {
  await browser.close();
}
console.log(`browser test: ${passed} passed; screenshot in ${join(outDir, 'report.png')}`);
