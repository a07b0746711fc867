// Browser tests of the account pages: the two-factor step, the forgotten-password pages, a used
// link's page, your account, a child's family accounts and (with the demo council loaded) the
// council administrator's organisations and staff pages - each checked with axe-core against WCAG
// 2.2 AA in Debian's Chromium, with and without errors on its form. Run through run.sh (see
// pages.test.mjs for the environment); codes come from totp.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';


import { codeFor } from './totp.mjs';
import { assertAccessible, launchChromium, pathOf, withPageOn } from './harness.mjs';

const BASE = process.env.GT_BASE_URL;
const EMAIL = process.env.GT_EMAIL;
const PASSWORD = process.env.GT_PASSWORD;
const TOTP_SECRET = process.env.GT_TOTP_SECRET;
if (!BASE || !EMAIL || !PASSWORD || !TOTP_SECRET || !process.env.GT_FIXTURES) {
  throw new Error('run these tests through tests/browser/run.sh');
}
const FIX = JSON.parse(readFileSync(process.env.GT_FIXTURES, 'utf8'));
// The demo council's administrator (app/demo_people.h): the demo password and published key.
const DEMO_ADMIN = { email: 'admin@northmoor.example', password: 'demo-password-2026', secret: 'GOLDENTHREADDEMOGOLDENTHREADDEMO' };

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

const withPage = (fn) => withPageOn(browser, BASE, fn);

async function go(page, path) {
  const res = await page.goto(path, { waitUntil: 'load' });
  assert.ok(res, `no response for ${path}`);
  return res;
}

async function submit(page, name, waitForPath) {
  await Promise.all([
    waitForPath ? page.waitForURL((u) => waitForPath(u.pathname), { waitUntil: 'load' }) : page.waitForEvent('load'),
    page.getByRole('button', { name }).click(),
  ]);
}

async function signInPassword(page, { email, password }) {
  await go(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await submit(page, 'Sign in', (p) => p !== '/sign-in');
}

async function signIn(page, who) {
  await signInPassword(page, who);
  assert.equal(pathOf(page), '/sign-in/two-factor');
  await page.getByLabel('Code from your authenticator app').fill(await codeFor(who.secret, who.email));
  await submit(page, 'Continue', (p) => p !== '/sign-in/two-factor');
}

const TESTER = { email: EMAIL, password: PASSWORD, secret: TOTP_SECRET };

describe('account pages', () => {
  test('forgotten password: the form, its error and the one answer are accessible', async (t) => {
    await withPage(async (page) => {
      await go(page, '/sign-in');
      await page.getByRole('link', { name: 'Forgotten your password?' }).click();
      await page.waitForURL((u) => u.pathname === '/forgot-password');
      await assertAccessible(t, page, 'forgot password');
      await submit(page, 'Send the link');
      assert.equal(pathOf(page), '/forgot-password');
      await assertAccessible(t, page, 'forgot password with an error');
      await page.getByLabel('Email address').fill('nobody.here@example.org');
      await submit(page, 'Send the link', (p) => p === '/forgot-password/sent');
      await assertAccessible(t, page, 'forgot password sent');
    });
  });

  test('a used or unknown link says so (410) and is accessible', async (t) => {
    await withPage(async (page) => {
      const res = await go(page, `/invitation/${'0'.repeat(64)}`);
      assert.equal(res.status(), 410);
      await page.getByRole('heading', { name: 'This link has expired or has already been used' }).waitFor();
      await assertAccessible(t, page, 'link gone');
    });
  });

  test('the two-factor step, your account and a child\'s family accounts are accessible', async (t) => {
    await withPage(async (page) => {
      await signInPassword(page, TESTER);
      assert.equal(pathOf(page), '/sign-in/two-factor');
      await assertAccessible(t, page, 'two-factor');
      // Nothing else is reachable before the code.
      await go(page, '/');
      assert.equal(pathOf(page), '/sign-in/two-factor');
      await page.getByLabel('Code from your authenticator app').fill('000000');
      await submit(page, 'Continue');
      await assertAccessible(t, page, 'two-factor with an error');
      await page.getByLabel('Code from your authenticator app').fill(await codeFor(TOTP_SECRET, EMAIL));
      await submit(page, 'Continue', (p) => p === '/');

      await go(page, '/account');
      await assertAccessible(t, page, 'your account');
      await submit(page, 'Change password');
      await assertAccessible(t, page, 'your account with errors');

      await go(page, `/children/${FIX.plan.child}/family`);
      await assertAccessible(t, page, 'family accounts');
      await page.getByLabel('Full name').fill('Jo Whitfield');
      await submit(page, 'Send the invitation');
      await assertAccessible(t, page, 'family accounts with errors');
      await page.getByLabel('Email address').fill('jo.whitfield@example.org');
      await page.getByLabel('A parent or carer with parental responsibility', { exact: true }).check();
      await submit(page, 'Send the invitation', (p) => p === `/children/${FIX.plan.child}/family`);
      await page.getByText('Invitation sent.').waitFor();
      await assertAccessible(t, page, 'family accounts with an invitation');
    });
  });

  test('the council administrator\'s pages are accessible', { skip: process.env.GT_DEMO !== '1' && 'no demo council' }, async (t) => {
    await withPage(async (page) => {
      await signIn(page, DEMO_ADMIN);
      assert.equal(pathOf(page), '/admin/organisations');
      await assertAccessible(t, page, 'organisations');
      await go(page, '/admin/organisations/new');
      await assertAccessible(t, page, 'add an organisation');
      await submit(page, 'Add the organisation');
      await assertAccessible(t, page, 'add an organisation with errors');
      await go(page, '/admin/organisations');
      await page.locator('table a').first().click();
      await page.waitForURL((u) => /^\/admin\/organisations\/\d+$/.test(u.pathname));
      await assertAccessible(t, page, 'one organisation');
      await go(page, '/admin/staff');
      await assertAccessible(t, page, 'council staff');
      await go(page, '/organisation');
      await assertAccessible(t, page, 'our members');
    });
  });
});
