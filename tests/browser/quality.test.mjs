// Quality assurance of an issued EHC plan (issue 4), in the browser, each page checked with axe-core
// against WCAG 2.2 AA. Today is the server's fixed 2026-11-25 (run.sh --today).
//
//   1. The demo team manager (manager@, TOTP) reads the quality framework (its grade boundaries),
//      and assigns an audit of the newest issued plan of the demo council to run.sh's caseworker,
//      who grades the education criteria (first without choosing anything: the errors are shown).
//   2. The caseworker, as auditor, opens the audit from their list, grades some criteria and saves
//      for later, then grades the rest - one not met without saying what is missing is refused -
//      and submits. The score and the grade shown are checked against the weights and boundaries
//      the pages publish: the grade is computed, not chosen.
// Needs the demo council with its plans; skipped otherwise.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertAccessible, launchChromium, pathOf, withPageOn } from './harness.mjs';
import { CASEWORKER, choose, demoStaff, go, mainText, radio, signIn, submit, submitRefused } from './flows.mjs';

const BASE = process.env.GT_BASE_URL;
const skip = process.env.GT_DEMO !== '1' ? 'no demo council' : false;

let browser;
before(async () => {
  if (!skip) browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

const A = {};  // the audit: its id, the child, the boundaries

const percentOf = (text, grade) => Number(text.match(new RegExp(`${grade}\\s+(\\d+)% or more`))?.[1]);

describe('an auditor grades a plan', { skip }, () => {
  test('1. a team manager assigns an audit of a plan to an auditor', { timeout: 180_000 }, async (t) => {
    await withPageOn(browser, BASE, async (page) => {
      await signIn(page, demoStaff('manager'));
      await go(page, '/quality');
      await assertAccessible(t, page, 'quality of plans (team manager)');

      await page.getByRole('link', { name: 'Quality framework' }).click();
      await page.waitForURL((u) => u.pathname === '/quality/framework');
      await assertAccessible(t, page, 'the quality framework');
      const framework = await mainText(page);
      A.boundaries = {
        outstanding: percentOf(framework, 'Outstanding'),
        good: percentOf(framework, 'Good'),
        requires_improvement: percentOf(framework, 'Requires improvement'),
      };
      for (const [k, v] of Object.entries(A.boundaries)) assert.ok(v >= 1 && v <= 100, `the ${k} boundary is shown: ${v}`);

      await go(page, '/quality');
      await page.getByRole('link', { name: 'Assign an audit' }).click();
      await page.waitForURL((u) => u.pathname === '/quality/audits/new');
      await assertAccessible(t, page, 'assign an audit');
      const refused = await submitRefused(page, 'Assign the audit');
      assert.match(refused, /Choose the plan to audit[\s\S]*Choose the auditor/);
      await assertAccessible(t, page, 'assign an audit, nothing chosen');

      const plan = await choose(page, 'version_id', /^.+ - (Final|Amended) plan \(version \d+\), issued /);
      A.child = plan.label.split(' - ')[0];
      await choose(page, 'auditor_id', /^Bea Browser \(Education, council/);
      await submit(page, 'Assign the audit', (p) => /^\/quality\/audits\/\d+$/.test(p));
      A.id = Number(pathOf(page).split('/').pop());
      await assertAccessible(t, page, 'the audit, assigned (team manager)');
      const assigned = await mainText(page);
      assert.match(assigned, /Auditor\s+Bea Browser/);
      assert.match(assigned, /Criteria graded\s+Education, framework version \d+/);
      assert.match(assigned, /Nothing graded yet/);
    });
  });

  test('2. the auditor grades each criterion, saves, submits, and sees the computed grade', { timeout: 180_000 }, async (t) => {
    assert.ok(A.id, 'step 1 assigned the audit');
    await withPageOn(browser, BASE, async (page) => {
      await signIn(page, CASEWORKER);
      await go(page, '/quality');
      await assertAccessible(t, page, 'quality of plans (auditor)');
      await page.getByRole('link', { name: `Grade the plan for ${A.child}` }).first().click();
      await page.waitForURL((u) => u.pathname === `/quality/audits/${A.id}`);
      await assertAccessible(t, page, 'grade the plan');
      await page.getByRole('heading', { level: 1, name: 'Grade the plan' }).waitFor();
      // The plan's own words are beside the criteria; the whole plan is a link away.
      assert.ok(await page.locator(`a[href^="/plan-versions/"]`).count() > 0, 'a link to the plan audited');

      const criteria = await page.locator('input[type=radio][name$="-judgement"]').evaluateAll(
        (inputs) => [...new Set(inputs.map((i) => i.name.slice(0, -'-judgement'.length)))]);
      assert.ok(criteria.length >= 3, `the education criteria are on the form: ${criteria.join(', ')}`);
      // The judgements: one partly met, one not applicable, one not met, the rest met.
      const judgement = (i) => (i === 0 ? 'partly' : i === 1 ? 'not_applicable' : i === 2 ? 'not_met' : 'met');

      // Some now, the rest later.
      await radio(page, `${criteria[0]}-judgement`, judgement(0));
      await page.locator(`textarea[name="${criteria[0]}-comment"]`).fill('The views are there but not in the child\'s own words.');
      await radio(page, `${criteria[1]}-judgement`, judgement(1));
      await submit(page, 'Save and come back later', (p) => p === `/quality/audits/${A.id}`);
      await assertAccessible(t, page, 'grade the plan, saved for later');
      assert.match(await mainText(page), /Score so far/);
      assert.equal(await page.locator(`input[name="${criteria[0]}-judgement"][value=partly]`).isChecked(), true,
        'the judgement saved is shown again');

      for (let i = 2; i < criteria.length; i++) await radio(page, `${criteria[i]}-judgement`, judgement(i));
      // Not met, and nothing said about what is missing: refused, everything chosen kept.
      const refused = await submitRefused(page, 'Submit the audit');
      assert.match(refused, /Say what is missing/);
      const href = await page.locator('.govuk-error-summary a').first().getAttribute('href');
      assert.equal(href, `#${criteria[2]}-comment`, 'the error links to the comment the criterion needs');
      await assertAccessible(t, page, 'grade the plan, a comment missing');
      assert.equal(await page.locator(`input[name="${criteria[2]}-judgement"][value=not_met]`).isChecked(), true,
        'the judgements chosen are kept');
      await page.locator(`textarea[name="${criteria[2]}-comment"]`).fill('No provision line says how often it is given.');
      await submit(page, 'Submit the audit', (p) => p === `/quality/audits/${A.id}`);
      await assertAccessible(t, page, 'the audit, submitted');
      await page.getByRole('heading', { level: 1, name: 'Audit of a plan' }).waitFor();
      const done = await mainText(page);
      assert.match(done, /Submitted\s+25 November 2026/);

      // The score and grade, worked out here from the weights the page shows and the boundaries
      // the framework page shows.
      const rows = await page.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
      const points = { Met: 2, 'Partly met': 1, 'Not met': 0 };
      let got = 0;
      let possible = 0;
      let judged = 0;
      for (const [criterion, weight, judged_as] of rows) {
        const key = criterion.split(':')[0];
        const i = criteria.indexOf(key);
        assert.ok(i >= 0, `the criterion ${key} was on the form`);
        const expected = { partly: 'Partly met', not_applicable: 'Not applicable', not_met: 'Not met', met: 'Met' }[judgement(i)];
        assert.equal(judged_as, expected, `${key} is recorded as graded`);
        judged++;
        if (judged_as === 'Not applicable') continue;
        got += points[judged_as] * Number(weight);
        possible += 2 * Number(weight);
      }
      assert.equal(judged, criteria.length, 'every criterion graded is in the results');
      assert.match(done, new RegExp(`Score\\s+[\\d.]+% \\(${got} of ${possible} points\\)`), 'the score');
      const b = A.boundaries;
      const reaches = (boundary) => got * 100 >= boundary * possible;
      const grade = reaches(b.outstanding) ? 'Outstanding' : reaches(b.good) ? 'Good'
        : reaches(b.requires_improvement) ? 'Requires improvement' : 'Inadequate';
      assert.match(done, new RegExp(`Grade\\s+${grade}\\b`), `the grade computed from ${got} of ${possible} points`);

      // The list of the auditor's audits shows the grade too.
      await go(page, '/quality');
      await assertAccessible(t, page, 'quality of plans, the audit done');
      const row = page.locator('tr', { hasText: `Audit of the plan for ${A.child}` });
      assert.match(await row.first().innerText(), new RegExp(grade));
    });
  });
});
