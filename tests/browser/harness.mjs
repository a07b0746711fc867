// Harness: what every browser test file shares - Debian's Chromium launched headless, a page in a
// fresh context that may reach only the server under test, and the browser's own complaints (CSP
// violations, console errors, page errors) turned into a failed test.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM = process.env.GT_CHROMIUM || '/usr/bin/chromium';
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
}

export const pathOf = (page) => new URL(page.url()).pathname;

// Runs fn(page) in a new context on `base`; anything else on the network is blocked. `options` go
// to browser.newContext (for example { javaScriptEnabled: false }, or a storageState to carry a
// session from one test to the next).
export async function withPageOn(browser, base, fn, options = {}) {
  const context = await browser.newContext({ ...options, baseURL: base });
  context.setDefaultTimeout(15_000);
  await context.route((u) => !u.toString().startsWith(base), (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content Security Policy/i.test(text)) problems.push(`CSP violation: ${text}`);
    else if (/^Failed to load resource: the server responded with a status of \d+/.test(text)) return;
    else if (msg.type() === 'error') problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  try {
    await fn(page);
    assert.deepEqual(problems, [], `the browser reported problems:\n  ${problems.join('\n  ')}`);
  } finally {
    await context.close();
  }
}

// One h1, a title naming the page, no violations of WCAG 2.2 AA (axe-core).
export async function assertAccessible(t, page, where) {
  await page.waitForLoadState('load');
  assert.match(await page.title(), /\S.* - Golden Thread$/, `${where}: the title`);
  assert.equal(await page.locator('h1').count(), 1, `${where}: exactly one h1`);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const detail = results.violations
    .map((v) => `- ${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => n.html.slice(0, 160)).join(' | ')}`)
    .join('\n');
  assert.equal(results.violations.length, 0, `${where}: WCAG 2.2 AA violations:\n${detail}`);
  t.diagnostic(`${where}: ${results.passes.length} axe rules passed`);
}
