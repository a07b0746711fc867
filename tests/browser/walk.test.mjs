// The walk of issue 3 ("Tell us once"), in the browser, each page checked with axe-core against
// WCAG 2.2 AA: a SENCO adds a pupil, records SEN support and a reviewed cycle of the graduated
// approach and requests an EHC needs assessment; a caseworker invites the parent, decides to assess,
// records the family's consent to share with the EP service and asks it for advice; the EP submits
// the advice; the parent sees each step with its date and what happens next, and their
// notifications. Today is the server's fixed 2026-11-25 (run.sh --today).
//
// People: the demo council's SENCO (senco@, of the walkthrough school) and EP (ep@), signed in with
// the password and a code (totp.mjs), run.sh's caseworker, and a new parent account made from the
// caseworker's invitation: the test reads the invitation link from the database's email_outbox
// with the sqlite3 command (GT_DB), as the parent would read it in their email. Needs the demo
// council (GT_DEMO=1) and sqlite3; skipped otherwise.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';


import { codeFor } from './totp.mjs';
import { assertAccessible, launchChromium, pathOf, withPageOn } from './harness.mjs';

const BASE = process.env.GT_BASE_URL;
const DB = process.env.GT_DB;
if (!BASE || !process.env.GT_EMAIL) throw new Error('run these tests through tests/browser/run.sh');
const DEMO_SECRET = 'GOLDENTHREADDEMOGOLDENTHREADDEMO';
const SENCO = { email: 'senco@northmoor.example', password: 'demo-password-2026', secret: DEMO_SECRET };
const EP = { email: 'ep@northmoor.example', password: 'demo-password-2026', secret: DEMO_SECRET };
const CASEWORKER = { email: process.env.GT_EMAIL, password: process.env.GT_PASSWORD, secret: process.env.GT_TOTP_SECRET };
const PARENT = { email: 'tomasz.nowak@example.org', password: 'walk-parent-password-2026', name: 'Tomasz Nowak' };
const CHILD = { given: 'Lena', family: 'Nowak' };

let sqliteOk = false;
try {
  execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
  sqliteOk = Boolean(DB);
} catch {
  sqliteOk = false;
}
const skip = process.env.GT_DEMO !== '1' ? 'no demo council' : !sqliteOk ? 'no sqlite3 or GT_DB' : false;

let browser;
before(async () => {
  if (skip) return;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

const withPage = (fn) => withPageOn(browser, BASE, fn);

async function go(page, path) {
  const res = await page.goto(path, { waitUntil: 'load' });
  assert.ok(res, `no response for ${path}`);
  assert.ok(res.status() < 400, `${path} answered ${res.status()}`);
  return res;
}

// Submits the form and waits for the page after the redirect; fails with the error summary if the
// form came back with errors.
async function submit(page, name, waitForPath) {
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  if (waitForPath && !waitForPath(pathOf(page))) {
    const summary = await page.locator('.govuk-error-summary').innerText().catch(() => '(no error summary)');
    assert.fail(`after "${name}" the browser is at ${pathOf(page)}: ${summary}`);
  }
}

async function fillDate(page, name, iso) {
  const [y, m, d] = iso.split('-');
  await page.locator(`input[name="${name}-day"]`).fill(String(Number(d)));
  await page.locator(`input[name="${name}-month"]`).fill(String(Number(m)));
  await page.locator(`input[name="${name}-year"]`).fill(y);
}

// Chooses the first real option of a select (or the one whose label matches).
async function choose(page, name, label) {
  const select = page.locator(`select[name="${name}"]`);
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent })));
  const pick = options.find((o) => o.value && (!label || label.test(o.label)));
  assert.ok(pick, `no option for ${name}${label ? ` matching ${label}` : ''}: ${JSON.stringify(options)}`);
  await select.selectOption(pick.value);
}

async function radio(page, name, value) {
  const input = value ? page.locator(`input[type=radio][name="${name}"][value="${value}"]`) : page.locator(`input[type=radio][name="${name}"]`).first();
  await input.check();
}

async function signIn(page, who) {
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

const seen = (page, text, where) => page.getByText(text).first().waitFor({ state: 'visible' }).catch(() => {
  throw new Error(`${where}: "${text}" is not on the page`);
});

// The walk's state, step to step.
const W = {};

describe('the walk: request, decision, advice, and the family seeing it', { skip }, () => {
  test('1. the SENCO adds the pupil, records SEN support and a reviewed cycle, and requests an assessment', async (t) => {
    await withPage(async (page) => {
      await signIn(page, SENCO);
      await go(page, '/school/pupils/new');
      await assertAccessible(t, page, 'add a pupil');
      await page.locator('input[name=given_name]').fill(CHILD.given);
      await page.locator('input[name=family_name]').fill(CHILD.family);
      await fillDate(page, 'date_of_birth', '2017-05-09');
      await radio(page, 'sex', 'F');
      await choose(page, 'ethnicity', /White/);
      await choose(page, 'upn_unknown');
      await choose(page, 'setting_type');
      await fillDate(page, 'start_date', '2021-09-06');
      await submit(page, 'Add the pupil', (p) => /^\/school\/pupils\/\d+$/.test(p));
      W.child = Number(pathOf(page).split('/').pop());
      await page.getByRole('heading', { level: 1, name: `${CHILD.given} ${CHILD.family}` }).waitFor();
      await assertAccessible(t, page, 'pupil page');

      await go(page, `/school/pupils/${W.child}/support`);
      await assertAccessible(t, page, 'SEN support');
      await radio(page, 'area_of_need');
      await choose(page, 'primary_type');
      await fillDate(page, 'start_date', '2025-09-15');
      await page.locator('textarea[name=provision]').fill('Small-group phonics three times a week; a reading buddy.');
      await submit(page, 'Save', (p) => p === `/school/pupils/${W.child}`);

      await go(page, `/school/pupils/${W.child}/cycles/new`);
      await assertAccessible(t, page, 'start a cycle');
      await fillDate(page, 'started_on', '2025-10-01');
      for (const ta of await page.locator('textarea').all()) await ta.fill('Phonics screening; reading age 2 years behind.');
      await submit(page, 'Save', (p) => p === `/school/pupils/${W.child}`);
      const reviewLink = page.locator(`a[href^="/school/pupils/${W.child}/cycles/"][href$="/review"]`).first();
      await go(page, await reviewLink.getAttribute('href'));
      await assertAccessible(t, page, 'review a cycle');
      await fillDate(page, 'reviewed_on', '2026-01-20');
      for (const ta of await page.locator('textarea').all()) await ta.fill('Little progress despite the support; ask for an assessment.');
      await submit(page, 'Save the review', (p) => p === `/school/pupils/${W.child}`);

      await page.getByRole('link', { name: 'Request an EHC needs assessment' }).click();
      await page.waitForURL((u) => u.pathname === `/school/pupils/${W.child}/request-assessment`);
      await assertAccessible(t, page, 'request an assessment');
      await page.locator('textarea[name=reasons]').fill('Lena has made little progress over two reviewed cycles of SEN support.');
      await page.locator('textarea[name=family_views]').fill('Her father wants to know what help she needs.');
      await radio(page, 'family_informed', 'yes');
      await radio(page, 'family_agrees', 'yes');
      await page.locator('input[type=checkbox][name=evidence_confirmed]').check();
      await submit(page, 'Send the request to the council', (p) => p === `/school/pupils/${W.child}`);
      await assertAccessible(t, page, 'pupil page after the request');
      // The request and the 6-week decision date (25 November 2026 + 6 weeks).
      await seen(page, '25 November 2026', 'pupil page');
      await seen(page, '6 January 2027', 'pupil page: the decision is due');
    });
  });

  test('2. the caseworker invites the parent, decides to assess, records consent and asks the EP service', async (t) => {
    assert.ok(W.child, 'step 1 made the pupil');
    await withPage(async (page) => {
      await signIn(page, CASEWORKER);
      await go(page, `/children/${W.child}`);
      await assertAccessible(t, page, 'the child');
      const caseLink = page.locator('a[href^="/cases/"]').first();
      W.case = Number((await caseLink.getAttribute('href')).match(/^\/cases\/(\d+)/)[1]);

      // The parent's account: an invitation by email.
      await go(page, `/children/${W.child}/family`);
      await page.getByLabel('Full name').fill(PARENT.name);
      await page.getByLabel('Email address').fill(PARENT.email);
      await page.getByLabel('A parent or carer with parental responsibility', { exact: true }).check();
      await submit(page, 'Send the invitation', (p) => p === `/children/${W.child}/family`);
      // The parent reads the email and creates their account before the council's decision, so the
      // decision and the advice reach them as notifications.
      const out = execFileSync('sqlite3', [DB, `SELECT body FROM email_outbox WHERE to_address = '${PARENT.email}' ORDER BY id LIMIT 1`], { encoding: 'utf8' });
      const link = out.match(/\/invitation\/[0-9a-f]+/);
      assert.ok(link, `no invitation link in the parent's email: ${out}`);
      await withPage(async (parent) => {
        await go(parent, link[0]);
        await assertAccessible(t, parent, 'set up your account');
        const name = parent.locator('input[name=name]');
        if (await name.count()) await name.fill(PARENT.name);
        await parent.locator('input[name=password]').fill(PARENT.password);
        const confirm = parent.locator('input[name=password_confirm], input[name=confirm]');
        if (await confirm.count()) await confirm.fill(PARENT.password);
        await submit(parent, 'Create my account', (p) => !p.startsWith('/invitation/'));
      });

      await go(page, `/cases/${W.case}/events/new?type=decision_to_assess`);
      await assertAccessible(t, page, 'decision to assess');
      await fillDate(page, 'date', '2026-11-25');
      const outcome = page.locator('input[type=radio][value=assess]');
      if (await outcome.count()) await outcome.check();
      else await page.locator('select[name=outcome]').selectOption('assess');
      await submit(page, /^(Save|Record)/, (p) => p === `/cases/${W.case}`);

      await go(page, `/children/${W.child}/sharing/consent`);
      await assertAccessible(t, page, 'record consent');
      await choose(page, 'organisation', /Educational Psychology/);
      await radio(page, 'purpose');
      await page.locator('input[name=given_by]').fill(PARENT.name);
      await radio(page, 'method');
      await fillDate(page, 'given_on', '2026-11-25');
      await submit(page, /^(Save|Record)/, (p) => p === `/children/${W.child}/sharing`);

      await go(page, `/cases/${W.case}/advice/new`);
      await assertAccessible(t, page, 'ask for advice');
      await radio(page, 'advice_from', 'educational_psychology');
      await choose(page, 'organisation_id', /Educational Psychology/);
      await fillDate(page, 'requested_on', '2026-11-25');
      await submit(page, /^(Send|Ask|Save)/, (p) => p.startsWith(`/cases/${W.case}`));
      await go(page, `/cases/${W.case}`);
      await assertAccessible(t, page, 'the case');
      await seen(page, 'Northmoor Educational Psychology Service', 'case page: the advice request');
      await seen(page, '6 January 2027', 'case page: advice due');
    });
  });

  test('3. the EP sees the request with its due date and submits the advice', async (t) => {
    assert.ok(W.case, 'step 2 made the case');
    await withPage(async (page) => {
      await signIn(page, EP);
      await go(page, '/advice');
      await assertAccessible(t, page, 'advice inbox');
      const row = page.locator('tr', { hasText: `${CHILD.given} ${CHILD.family}` });
      await row.first().waitFor();
      assert.match(await row.first().innerText(), /6 January 2027/, 'the inbox shows the due date');
      await row.first().locator('a').first().click();
      await page.waitForURL((u) => /^\/advice\/\d+$/.test(u.pathname));
      W.advice = Number(pathOf(page).split('/').pop());
      await assertAccessible(t, page, 'advice request');
      await go(page, `/advice/${W.advice}/submit`);
      await assertAccessible(t, page, 'submit advice');
      for (const ta of await page.locator('textarea').all()) await ta.fill('Lena needs structured literacy teaching daily, in a small group.');
      await submit(page, /^(Send|Submit)/, (p) => p !== `/advice/${W.advice}/submit`);
      await assertAccessible(t, page, 'after submitting advice');
    });
  });

  test('4. the parent sees each step and its date, what happens next, and their notifications', async (t) => {
    assert.ok(W.advice, 'step 3 submitted advice');
    await withPage(async (page) => {
      await signIn(page, PARENT);  // password only
      assert.equal(pathOf(page), '/family');
      await assertAccessible(t, page, 'family home');
      await go(page, `/family/children/${W.child}`);
      await assertAccessible(t, page, 'family: the child');
      const text = await page.locator('main').innerText();
      // Each step with its date (the case's chronology, in the family's words).
      const step = (words) => new RegExp(`25 November 2026\\s*\\n\\s*${words}`);
      for (const [what, re] of [
        ['the request', step('The council received a request for an EHC needs assessment \\(from: A school')],
        ['the decision to assess', step('The council decided to carry out an EHC needs assessment')],
        ['advice asked for', step('The council asked for advice: Educational psychology')],
        ['advice received', step('Advice the council asked for arrived')],
        // What happens next and by when: 16 weeks (reg 10(1)) and 20 weeks (reg 13(2)) from the request.
        ['what happens next', /What happens next, and by when/],
        ['the 16-week date', /must tell you by 17 March 2027/],
        ['the 20-week date', /final EHC plan by 14 April 2027/],
      ]) assert.match(text, re, `family child page: ${what}`);

      await go(page, '/notifications');
      await assertAccessible(t, page, 'notifications');
      const notes = await page.locator('main').innerText();
      assert.match(notes, /The council has decided to carry out an EHC needs assessment\./, 'the decision reached the parent');
      assert.match(notes, /17 March 2027/, 'the decision notice says by when the council will decide about a plan');
    });
  });
});
