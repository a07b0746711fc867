// Writing an EHC plan and the family's say on the draft (issue 4), in the browser, each page checked
// with axe-core against WCAG 2.2 AA. Today is the server's fixed 2026-11-25 (run.sh --today).
//
//   1. A caseworker (run.sh's, signed in with a TOTP code) links the demo parent to Noor Haddad (the
//      case seed.mjs took to the council's decision to issue a plan), starts the plan, adds a need
//      in B, an outcome in E that addresses it with a date, and a provision line in F that says
//      "access to ... as required" with no frequency: the checks of the golden thread say so; the
//      line put right, its findings go. A second need with no provision is left for the issue page,
//      which lists it and asks for confirmation; the draft is issued.
//   2. The parent (parent@, password only), with JavaScript OFF as on an old phone, opens the draft
//      from their child's page, comments on the provision line, says they have nothing to add, reads
//      the plan and downloads it as a PDF.
//   3. The caseworker sees the comment and the family's "nothing to add", answers the comment,
//      changes the line, issues the final plan, compares it with the draft (one line changed) and
//      checks its PDF.
// The steps depend on each other (one plan); each fails with what it found.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertAccessible, launchChromium, pathOf, withPageOn } from './harness.mjs';
import {
  CASEWORKER, DEMO_PARENT, assertAccessibleWithoutJs, assertPdf, choose, fillDate, fixtures, go, mainText, radio, signIn, submit, submitRefused,
} from './flows.mjs';

const BASE = process.env.GT_BASE_URL;
const FIX = fixtures();
const CASE = FIX.drafting?.case;
const CHILD = FIX.drafting?.child;
const skip = process.env.GT_DEMO !== '1' ? 'no demo council (the demo parent)' : !CASE ? 'seed.mjs made no drafting case' : false;

let browser;
before(async () => {
  if (!skip) browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

const W = {};  // the walk's state: the caseworker's session, the draft's id

const plan = `/cases/${CASE}/plan`;
const section = (s) => `${plan}/sections/${s}`;
const checksText = (page) => page.locator('#checks').innerText();
// The id of the part just added or saved: the editor answers 303 to the section at "#element-<id>".
const savedId = (page) => {
  const m = decodeURIComponent(new URL(page.url()).hash).match(/^#element-([A-K]\d?-\d+)$/);
  assert.ok(m, `the editor returned to ${page.url()}, not to an element`);
  return m[1];
};

describe('writing a plan, the family commenting on the draft, the final plan', { skip }, () => {
  test('1. a caseworker writes the plan, sees the checks of the golden thread and issues the draft', { timeout: 180_000 }, async (t) => {
    await withPageOn(browser, BASE, async (page) => {
      await signIn(page, CASEWORKER);

      // The family's account: the demo parent already has one, so the invitation links it at once.
      await go(page, `/children/${CHILD}/family`);
      await assertAccessible(t, page, 'the family of the child');
      await page.getByLabel('Full name').fill(DEMO_PARENT.name);
      await page.getByLabel('Email address').fill(DEMO_PARENT.email);
      await page.getByLabel('A parent or carer with parental responsibility', { exact: true }).check();
      await submit(page, 'Send the invitation', (p) => p === `/children/${CHILD}/family`);

      await go(page, plan);
      await assertAccessible(t, page, 'the plan before any version');
      assert.match(await mainText(page), /No version of the plan has been issued yet/);
      await submit(page, 'Start a new version', (p) => p === section('A'));
      await assertAccessible(t, page, 'section A of the working version');

      // B: a need, with its SEN type.
      await go(page, section('B'));
      await assertAccessible(t, page, 'section B, empty');
      await page.locator(`a[href="${section('B')}/new"]`).click();
      await page.waitForURL((u) => u.pathname === `${section('B')}/new`);
      await assertAccessible(t, page, 'add a need');
      await page.locator('textarea[name=text]').fill(
        'Noor finds it hard to understand spoken instructions of more than two parts and to find the words she needs.');
      await choose(page, 'sen_type', 'SLCN');
      await submit(page, 'Add the need', (p) => p === section('B'));
      const need = savedId(page);
      assert.match(await checksText(page), new RegExp(`${need} has no special educational provision in section F`),
        'a need without provision is found');
      // A second need, left without provision for the issue page.
      await page.locator(`a[href="${section('B')}/new"]`).click();
      await page.waitForURL((u) => u.pathname === `${section('B')}/new`);
      await page.locator('textarea[name=text]').fill('Noor finds it hard to stay with a task for more than five minutes.');
      await choose(page, 'sen_type', 'SEMH');
      await submit(page, 'Add the need', (p) => p === section('B'));
      const gap = savedId(page);

      // E: an outcome that addresses the first need, with a date.
      await go(page, `${section('E')}/new`);
      await assertAccessible(t, page, 'add an outcome');
      await page.locator('textarea[name=text]').fill(
        'By the end of Year 6, Noor will follow three-part spoken instructions in class without a reminder.');
      await fillDate(page, 'by', '2027-07-21');
      await page.locator(`input[type=checkbox][name=needs][value="${need}"]`).check();
      await submit(page, /^Add the outcome/, (p) => p === section('E'));
      const outcome = savedId(page);
      await assertAccessible(t, page, 'section E with the outcome');
      assert.match(await page.locator(`#element-${outcome}`).innerText(), /By Wednesday 21 July 2027\. Addresses needs? /);

      // F: a vague line with no frequency, for the outcome.
      await go(page, `${section('F')}/new`);
      await assertAccessible(t, page, 'add a provision line');
      await page.locator('textarea[name=what]').fill('Access to speech and language therapy as required.');
      await page.locator('input[name=delivered_by]').fill('Speech and language therapist');
      await page.locator('select[name=per]').selectOption('none');  // how often: "Not stated"
      await page.locator(`input[type=checkbox][name=outcomes][value="${outcome}"]`).check();
      await submit(page, /^Add the provision/, (p) => p === section('F'));
      const line = savedId(page);
      W.line = line;
      await assertAccessible(t, page, 'section F with a vague line');
      const found = await checksText(page);
      for (const [what, re] of [
        ['"access to"', new RegExp(`${line} says "access to"`)],
        ['"as required"', new RegExp(`${line} says "as required"`)],
        ['no frequency', new RegExp(`${line} does not say how often it is given`)],
      ]) assert.match(found, re, `the checks find ${what}`);
      // The finding is also shown beside the line itself.
      assert.match(await page.locator(`#element-${line}`).innerText(), new RegExp(`${line} does not say how often`));

      // The line put right: specific, with how often, how long and in what group.
      await page.getByRole('link', { name: `Change ${line}` }).click();
      await page.waitForURL((u) => u.pathname === `${plan}/elements/${line}`);
      await assertAccessible(t, page, 'change the provision line');
      await page.locator('textarea[name=what]').fill(
        'Speech and language therapy: one-to-one work on understanding instructions and finding words.');
      await page.locator('input[name=qualification]').fill('HCPC registered');
      await page.locator('input[name=sessions]').fill('1');
      await page.locator('select[name=per]').selectOption('week');
      await page.locator('input[name=minutes]').fill('45');
      await page.locator('input[name=group_size]').fill('1');
      await fillDate(page, 'from', '2027-01-04');
      await submit(page, `Save ${line}`, (p) => p === section('F'));
      await assertAccessible(t, page, 'section F with the line put right');
      const after = await checksText(page);
      assert.doesNotMatch(after, new RegExp(`${line}\\b`), 'no finding about the line is left');
      assert.doesNotMatch(after, new RegExp(`${need}\\b`), 'the first need now has provision through the outcome');
      assert.doesNotMatch(after, new RegExp(`${outcome}\\b`), 'the outcome now has provision');
      assert.match(after, new RegExp(`${gap} has no special educational provision`), 'the need left without provision is still found');

      // Issuing: the findings are listed; issuing with one needs confirmation.
      await page.getByRole('link', { name: 'Check and issue' }).first().click();
      await page.waitForURL((u) => u.pathname === `${plan}/issue`);
      await assertAccessible(t, page, 'issue the plan');
      assert.match(await checksText(page), new RegExp(`1 thing to check[\\s\\S]*${gap} has no special educational provision`));
      assert.equal(await page.locator('input[type=radio][name=kind][value=draft]').isChecked(), true,
        'a draft is the only kind this case can issue');
      const refused = await submitRefused(page, 'Issue this version');
      assert.match(refused, /put them right, or confirm/);
      await assertAccessible(t, page, 'issue the plan, not confirmed');
      await page.locator('input[type=checkbox][name=confirm]').check();
      await submit(page, 'Issue this version', (p) => /^\/plan-versions\/\d+$/.test(p));
      W.draft = Number(pathOf(page).split('/').pop());
      await assertAccessible(t, page, 'the draft plan');
      const draft = await mainText(page);
      for (const id of [need, gap, outcome, line]) assert.match(draft, new RegExp(`${id}\\b`), `the draft shows ${id}`);
      assert.match(draft, /25 November 2026/, 'the draft shows the date it was served');

      await go(page, plan);
      await assertAccessible(t, page, 'the plan with the draft issued');
      // Rule A5: the family have 15 days from the draft to say what they think.
      assert.match(await mainText(page), /9 December 2026/, 'the family\'s last day (A5) is on the plan page');
      W.caseworker = await page.context().storageState();
    });
  });

  test('2. the parent, with JavaScript off, comments on a line of the draft and says they have nothing to add', { timeout: 180_000 }, async (t) => {
    assert.ok(W.draft, 'step 1 issued the draft');
    await withPageOn(browser, BASE, async (page) => {
      await signIn(page, DEMO_PARENT);  // password only
      assert.equal(pathOf(page), '/family');
      await assertAccessibleWithoutJs(t, page, 'family home (JavaScript off)');
      await go(page, `/family/children/${CHILD}`);
      await assertAccessibleWithoutJs(t, page, 'family: the child (JavaScript off)');
      await page.getByRole('link', { name: 'Tell us what you think of the plan, part by part' }).click();
      await page.waitForURL((u) => u.pathname === `/family/plan-versions/${W.draft}`);
      await assertAccessibleWithoutJs(t, page, 'family: comment on the draft (JavaScript off)');
      assert.match(await mainText(page), /You have until\s+9 December 2026/, 'the family\'s last day (A5)');

      // "Comment on this part" beside the provision line chooses it in the form.
      await page.getByRole('link', { name: `Comment on this part (${W.line})` }).click();
      await page.waitForURL((u) => u.pathname === `/family/plan-versions/${W.draft}` && u.search === `?element=${W.line}`);
      await assertAccessibleWithoutJs(t, page, 'family: the comment form for the provision line (JavaScript off)');
      assert.equal(await page.locator('select[name=element]').inputValue(), W.line);
      const refused = await submitRefused(page, 'Send your comment');
      assert.match(refused, /(Enter your comment|Your comment is required)/);
      await assertAccessibleWithoutJs(t, page, 'family: a comment with nothing in it (JavaScript off)');
      await page.locator('textarea[name=comment]').fill(
        'Please can the therapy be in the morning? Noor is very tired after lunch.');
      await submit(page, 'Send your comment', (p) => p === `/family/plan-versions/${W.draft}`);
      await assertAccessibleWithoutJs(t, page, 'family: the draft with the comment (JavaScript off)');
      const card = await page.locator(`#element-${W.line}`).innerText();
      assert.match(card, /Grace Ellison wrote on 25 November 2026:\s*Please can the therapy be in the morning\?/);
      assert.match(card, /The council has not answered yet/);

      // Nothing to add: the box must be ticked.
      await submitRefused(page, 'I have nothing to add');
      await assertAccessibleWithoutJs(t, page, 'family: nothing to add, not ticked (JavaScript off)');
      await page.getByLabel('I have read the plan and I have nothing to add').check();
      await submit(page, 'I have nothing to add', (p) => p === `/family/plan-versions/${W.draft}`);
      await assertAccessibleWithoutJs(t, page, 'family: nothing to add (JavaScript off)');
      assert.match(await mainText(page), /You told us you have nothing to add/);

      // The plan to read, and as a PDF.
      await go(page, `/plan-versions/${W.draft}`);
      await assertAccessibleWithoutJs(t, page, 'family: read the draft (JavaScript off)');
      await assertPdf(page, `/plan-versions/${W.draft}/pdf`, 'the draft as a PDF, for the parent');
    }, { javaScriptEnabled: false });
  });

  test('3. the caseworker answers the comment, changes the line and issues the final plan; the comparison and the PDF', { timeout: 180_000 }, async (t) => {
    assert.ok(W.caseworker, 'step 1 signed the caseworker in');
    await withPageOn(browser, BASE, async (page) => {
      await go(page, plan);
      await assertAccessible(t, page, 'the plan with the family\'s comment');
      const overview = await mainText(page);
      assert.match(overview, /The family said they have nothing to add/);
      const comment = page.locator('.govuk-summary-card', { hasText: 'Please can the therapy be in the morning?' });
      assert.match(await comment.locator('h3').innerText(), new RegExp(`${W.line}: Grace Ellison, 25 November 2026`));
      await comment.locator('textarea[name=response]').fill('Yes: the therapy will be on Tuesday mornings.');
      await submit(page, /^Send the response/, (p) => p === plan);
      await assertAccessible(t, page, 'the plan with the comment answered');
      assert.match(await page.locator('.govuk-summary-card', { hasText: 'Please can the therapy' }).innerText(),
        /Your response: Yes: the therapy will be on Tuesday mornings\./);

      await submit(page, 'Start a new version', (p) => p === section('A'));
      await go(page, `${plan}/elements/${W.line}`);
      await assertAccessible(t, page, 'change the provision line after the family\'s comment');
      await page.locator('textarea[name=what]').fill(
        'Speech and language therapy on Tuesday mornings: one-to-one work on understanding instructions and finding words.');
      await submit(page, `Save ${W.line}`, (p) => p === section('F'));

      await go(page, `${plan}/issue`);
      await assertAccessible(t, page, 'issue the final plan');
      await radio(page, 'kind', 'final');
      await page.locator('input[type=checkbox][name=confirm]').check();  // the second need still has no provision
      await submit(page, 'Issue this version', (p) => /^\/plan-versions\/\d+$/.test(p));
      const final = Number(pathOf(page).split('/').pop());
      assert.notEqual(final, W.draft);
      await assertAccessible(t, page, 'the final plan');
      assert.match(await mainText(page), /Tuesday mornings/);

      // The comparison of the draft and the final plan: exactly the line changed.
      await go(page, plan);
      await page.getByRole('link', { name: 'Compare the last two versions' }).click();
      await page.waitForURL((u) => u.pathname === `/plan-versions/${final}/compare`);
      await assertAccessible(t, page, 'the comparison of the draft and the final plan');
      const cmp = await mainText(page);
      assert.match(cmp, /1 line changed/);
      assert.match(cmp, new RegExp(`${W.line}\\b`));
      assert.match(cmp, /Tuesday mornings/);
      await assertPdf(page, `/plan-versions/${final}/pdf`, 'the final plan as a PDF');
    }, { storageState: W.caseworker });
  });
});
