// A SENCO holds the annual review of a pupil's EHC plan (issue 4), in the browser, each page checked
// with axe-core against WCAG 2.2 AA. Today is the server's fixed 2026-11-25 (run.sh --today).
//
// The pupil is a demo child whose plan is in force (final or amended, with outcomes), put on roll at
// the demo SENCO's school by seed.mjs (fixture `review`). The SENCO (senco@, TOTP) plans the review
// with the meeting yesterday, records the invitations (first with too little notice: rule R4 refuses
// them), the advice and information sent (R5), the meeting - who came, everyone's views, progress
// towards each outcome of the plan, whether the outcomes and provision are still right, the
// recommendation - and sends the report (R6). Needs the demo council with its plans; skipped
// otherwise.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertAccessible, launchChromium, pathOf, withPageOn } from './harness.mjs';
import { demoStaff, fillDate, fixtures, go, mainText, radio, signIn, submit, submitRefused } from './flows.mjs';

const BASE = process.env.GT_BASE_URL;
const FIX = fixtures();
const PUPIL = FIX.review;
const skip = process.env.GT_DEMO !== '1' ? 'no demo council'
  : !PUPIL ? 'seed.mjs found no demo pupil with a plan in force (no plans in the demo, or no sqlite3)' : false;

let browser;
before(async () => {
  if (!skip) browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

describe('a SENCO records an annual review', { skip }, () => {
  test('the SENCO plans the review, records the invitations, the papers, the meeting with progress per outcome, and sends the report', { timeout: 180_000 }, async (t) => {
    await withPageOn(browser, BASE, async (page) => {
      await signIn(page, demoStaff('senco'));
      assert.equal(pathOf(page), '/school');
      const row = page.locator('tr', { hasText: PUPIL.name });
      await row.first().locator('a').first().click();
      await page.waitForURL((u) => u.pathname === `/school/pupils/${PUPIL.child}`);
      await assertAccessible(t, page, 'the pupil');

      const reviews = `/school/pupils/${PUPIL.child}/annual-reviews`;
      const link = page.locator(`a[href="${reviews}"]`);
      if (await link.count()) await link.first().click();
      else await go(page, reviews);
      await page.waitForURL((u) => u.pathname === reviews);
      await assertAccessible(t, page, 'the pupil\'s annual reviews');

      await page.getByRole('link', { name: 'Plan a review', exact: true }).click();
      await page.waitForURL((u) => u.pathname === `${reviews}/new`);
      await assertAccessible(t, page, 'plan a review');
      await radio(page, 'kind', 'annual');
      await fillDate(page, 'meeting_on', '2026-11-24');
      await submit(page, 'Plan the review', (p) => /^\/school\/reviews\/\d+$/.test(p));
      const review = pathOf(page);
      await assertAccessible(t, page, 'the review, planned');
      const planned = await mainText(page);
      assert.match(planned, /Meeting planned for\s+24 November 2026/);
      assert.match(planned, /Led by\s+The school/);

      // R4: invitations at least 2 weeks before the meeting. Eight days is refused, with the rule.
      await fillDate(page, 'invitations_sent_on', '2026-11-16');
      const refused = await submitRefused(page, 'Record that the invitations were sent');
      assert.match(refused, /2 weeks|R4/);
      await assertAccessible(t, page, 'the review, invitations refused');
      await fillDate(page, 'invitations_sent_on', '2026-11-06');
      await submit(page, 'Record that the invitations were sent', (p) => p === review);
      await fillDate(page, 'papers_sent_on', '2026-11-09');
      await submit(page, 'Record that the advice and information were sent', (p) => p === review);
      await assertAccessible(t, page, 'the review, invitations and papers sent');
      const sent = await mainText(page);
      assert.match(sent, /Invitations sent\s+6 November 2026/);
      assert.match(sent, /9 November 2026\s+R5 met/);

      // The meeting: every outcome of the plan in force is on the form.
      await page.getByRole('link', { name: 'Record the review meeting' }).click();
      await page.waitForURL((u) => u.pathname === `${review}/meeting`);
      await assertAccessible(t, page, 'record the review meeting');
      const outcomes = await page.locator('input[type=radio][name^="progress-"]').evaluateAll(
        (inputs) => [...new Set(inputs.map((i) => i.name.slice('progress-'.length)))]);
      assert.ok(outcomes.length > 0, 'the meeting form asks about progress towards the plan\'s outcomes');
      // First without the recommendation: the form comes back with everything typed kept.
      await fillDate(page, 'held_on', '2026-11-24');
      await page.locator('textarea[name=attendees]').fill('Femi Adeyemi (SENCO), the class teacher, both parents, the speech and language therapist.');
      await page.locator('textarea[name=views_child]').fill('I like reading with Mrs Patel. I want to play football at lunch.');
      await page.locator('textarea[name=views_parents]').fill('We have seen real progress at home; mornings are still hard.');
      await page.locator('textarea[name=views_school]').fill('Settled in class and joining in more; needs prompting to start tasks.');
      const ratings = ['achieved', 'on_track', 'some_progress', 'not_yet'];
      for (const [i, id] of outcomes.entries()) {
        await radio(page, `progress-${id}`, ratings[i % ratings.length]);
        await page.locator(`textarea[name="comment-${id}"]`).fill(`Evidence for ${id}: the school's termly assessments.`);
      }
      await radio(page, 'outcomes_still_right', 'yes');
      await radio(page, 'provision_still_right', 'yes');
      const missing = await submitRefused(page, 'Save the meeting record');
      assert.match(missing, /recommend/i);
      await assertAccessible(t, page, 'record the review meeting, no recommendation');
      assert.equal(await page.locator('textarea[name=views_child]').inputValue(),
        'I like reading with Mrs Patel. I want to play football at lunch.', 'the views typed are kept');
      await radio(page, 'recommendation', 'maintain');
      await submit(page, 'Save the meeting record', (p) => p === review);
      await assertAccessible(t, page, 'the review, meeting recorded');
      const held = await mainText(page);
      assert.match(held, /Held on\s+24 November 2026/);
      assert.match(held, /I like reading with Mrs Patel/);
      assert.match(held, /Recommendation\s+(Keep|Maintain)/i);
      const table = await page.locator('table', { hasText: 'Progress towards each outcome' }).innerText();
      for (const [i, id] of outcomes.entries())
        assert.match(table, new RegExp(`${id}:[^\\n]*\\t${['Achieved', 'On track', 'Some progress', 'Not yet'][i % 4]}\\t`),
          `progress towards ${id} is recorded`);

      // R6: the report within 2 weeks of the meeting.
      await fillDate(page, 'report_sent_on', '2026-11-25');
      await submit(page, 'Record that the report was sent', (p) => p === review);
      await assertAccessible(t, page, 'the review, report sent');
      const done = await mainText(page);
      assert.match(done, /The review report\s+Sent on 25 November 2026\./);
      assert.match(done, /The council's decision\s+Not made yet/);
      // The council's decision is due 4 weeks after the meeting (R7).
      assert.match(done, /22 December 2026/, 'the council\'s decision is due 4 weeks after the meeting (R7)');
    });
  });
});
