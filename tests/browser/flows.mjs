// Steps the issue-4 browser tests share (plan.test.mjs, review.test.mjs, quality.test.mjs): going to
// a page, submitting a form and landing where expected (or failing with the error summary), GOV.UK
// date inputs, radios and selects, signing in (with a TOTP code for staff and professionals), and
// the demo council's people. Each test still checks every page it visits with assertAccessible.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { codeFor } from './totp.mjs';
import { assertAccessible, pathOf } from './harness.mjs';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_SECRET = 'GOLDENTHREADDEMOGOLDENTHREADDEMO';
export const demoStaff = (name) => ({ email: `${name}@northmoor.example`, password: DEMO_PASSWORD, secret: DEMO_SECRET });
export const DEMO_PARENT = { email: 'parent@northmoor.example', password: DEMO_PASSWORD, name: 'Grace Ellison' };
// run.sh's caseworker (Bea Browser).
export const CASEWORKER = { email: process.env.GT_EMAIL, password: process.env.GT_PASSWORD, secret: process.env.GT_TOTP_SECRET };

export function fixtures() {
  const path = process.env.GT_FIXTURES;
  if (!process.env.GT_BASE_URL || !path) throw new Error('run these tests through tests/browser/run.sh');
  return JSON.parse(readFileSync(path, 'utf8'));
}

// Goes to `path`; fails unless the answer is below 400.
export async function go(page, path) {
  const res = await page.goto(path, { waitUntil: 'load' });
  assert.ok(res, `no response for ${path}`);
  assert.ok(res.status() < 400, `${path} answered ${res.status()}`);
  return res;
}

// Clicks the button named `name` and waits for the next page. With `expect` (a predicate on the
// path), fails with the page's error summary unless the browser lands where expected.
export async function submit(page, name, expect) {
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name, exact: typeof name === 'string' }).click(),
  ]);
  if (expect && !expect(pathOf(page))) {
    const summary = await page.locator('.govuk-error-summary').innerText().catch(() => '(no error summary)');
    assert.fail(`after "${name}" the browser is at ${page.url()}: ${summary}`);
  }
}

// Submits a form expecting the server to refuse it: the same page again with `status` and the GOV.UK
// error summary, whose text is returned.
export async function submitRefused(page, name, status = 422) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    page.getByRole('button', { name, exact: typeof name === 'string' }).click(),
  ]);
  await page.waitForLoadState('load');
  assert.equal(res.status(), status, `after "${name}": status ${res.status()}, expected ${status}`);
  const summary = page.locator('.govuk-error-summary');
  assert.equal(await summary.count(), 1, `after "${name}": an error summary`);
  return summary.innerText();
}

export async function fillDate(page, name, iso, scope = page) {
  const [y, m, d] = iso.split('-');
  await scope.locator(`input[name="${name}-day"]`).fill(String(Number(d)));
  await scope.locator(`input[name="${name}-month"]`).fill(String(Number(m)));
  await scope.locator(`input[name="${name}-year"]`).fill(y);
}

// Chooses the option of a select whose value is `value` (a string) or whose label matches (a RegExp).
export async function choose(page, name, want) {
  const select = page.locator(`select[name="${name}"]`);
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent })));
  const pick = options.find((o) => o.value && (typeof want === 'string' ? o.value === want : want.test(o.label)));
  assert.ok(pick, `no option for ${name} matching ${want}: ${JSON.stringify(options.slice(0, 12))}`);
  await select.selectOption(pick.value);
  return pick;
}

export async function radio(page, name, value) {
  await page.locator(`input[type=radio][name="${name}"][value="${value}"]`).check();
}

export async function signIn(page, who) {
  await go(page, '/sign-in');
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await submit(page, 'Sign in', (p) => p !== '/sign-in');
  if (who.secret) {
    assert.equal(pathOf(page), '/sign-in/two-factor');
    await page.getByLabel('Code from your authenticator app').fill(await codeFor(who.secret, who.email));
    await submit(page, 'Continue', (p) => p !== '/sign-in/two-factor');
  }
}

// The text of <main>, for assertions on what a page says.
export const mainText = (page) => page.locator('main').innerText();

// Fetches `path` in the page's session (its cookies) without navigating, and checks that it is a
// PDF: status 200, Content-Type application/pdf, and a body that starts as a PDF file does.
export async function assertPdf(page, path, where) {
  const res = await page.request.get(path);
  assert.equal(res.status(), 200, `${where}: the PDF answered ${res.status()}`);
  assert.match(res.headers()['content-type'] ?? '', /^application\/pdf\b/, `${where}: the Content-Type`);
  const body = await res.body();
  assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-', `${where}: the body is a PDF`);
  assert.ok(body.length > 1000, `${where}: the PDF has content (${body.length} bytes)`);
}

// assertAccessible for a page in a context with JavaScript off, where axe-core cannot run: the page's
// HTML (the pages carry no script, so it is what the server sent) is served again at the same
// address to a page with JavaScript on, in a fresh context that reaches only the server, and
// checked there (title, one h1, axe WCAG 2.2 AA).
export async function assertAccessibleWithoutJs(t, page, where) {
  await page.waitForLoadState('load');
  const html = await page.content();
  const url = page.url().split('#')[0];
  const origin = new URL(url).origin;
  const context = await page.context().browser().newContext({ baseURL: origin });
  try {
    await context.route((u) => !u.toString().startsWith(origin), (route) => route.abort('blockedbyclient'));
    await context.route((u) => u.toString().split('#')[0] === url,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const replay = await context.newPage();
    await replay.goto(url, { waitUntil: 'load' });
    await assertAccessible(t, replay, where);
  } finally {
    await context.close();
  }
}
