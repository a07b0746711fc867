// Seeds the browser tests' database through the JSON API and prints the ids as JSON on stdout.
// Run by run.sh with GT_BASE_URL, GT_EMAIL, GT_PASSWORD and GT_TOTP_SECRET set; today is fixed at
// 2026-11-25. Signs in with the password and the current TOTP code (totp.mjs).
//
//   request   Amira Okafor: a request received on 1 September 2026 and nothing since, so the
//             6-week decision (A1, due 13 October) is overdue; the decision-to-assess form is the
//             one this case expects next.
//   plan      Jonah Whitfield: request to final plan on time, with advice from health and an
//             educational psychologist (one late), so the case page shows met and missed steps and
//             the first annual review pending. His record has SEN needs (ASD, then SLCN) and three
//             placements: a past main one, a current main one (planPlacement, for the leaving-date
//             form) and a current dual one.
//   nojs      Priya Sandhu: a request on 2 November 2026, kept for the JavaScript-off test, which
//             records a decision through the form.
//   drafting  Noor Haddad: assessed, with educational psychology advice, and the council decided on
//             28 October 2026 to issue a plan: plan.test.mjs writes and issues it.
//   demo      with the demo council loaded, its case with the longest history.
//   review    with the demo council loaded, a child whose plan is in force, put on roll at the demo
//             SENCO's school for review.test.mjs (see reviewPupil below).

import { execFileSync } from 'node:child_process';

import { codeFor } from './totp.mjs';

const base = process.env.GT_BASE_URL;
const email = process.env.GT_EMAIL;
const password = process.env.GT_PASSWORD;
const totpSecret = process.env.GT_TOTP_SECRET;
if (!base || !email || !password || !totpSecret) {
  console.error('seed.mjs: GT_BASE_URL, GT_EMAIL, GT_PASSWORD and GT_TOTP_SECRET must be set (run tests/browser/run.sh)');
  process.exit(2);
}

async function call(method, path, body, token) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function main() {
  const { token } = await call('POST', '/api/v1/session', { email, password, totp: await codeFor(totpSecret, email) });

  async function child(fields) {
    const c = await call('POST', '/api/v1/children', fields, token);
    return c.id ?? c.child?.id;
  }
  async function openCase(childId) {
    const v = await call('POST', '/api/v1/cases', { child_id: childId }, token);
    return v.case?.id ?? v.summary?.id ?? v.id;
  }
  async function events(caseId, list) {
    for (const e of list) await call('POST', `/api/v1/cases/${caseId}/events`, e, token);
  }

  const requestChild = await child({
    given_name: 'Amira', family_name: 'Okafor', date_of_birth: '2015-03-14', sex: 'F', ethnicity: 'BAFR',
    postcode: 'LS6 2AB', upn_unknown: 'UN1',
  });
  const requestCase = await openCase(requestChild);
  await events(requestCase, [{ type: 'request_received', date: '2026-09-01', source: 1 }]);

  const planChild = await child({
    given_name: 'Jonah', family_name: 'Whitfield', date_of_birth: '2012-07-30', sex: 'M', ethnicity: 'WBRI',
    upn_unknown: 'UN2',
  });
  const planCase = await openCase(planChild);
  await events(planCase, [
    { type: 'request_received', date: '2026-03-02', source: 2 },
    { type: 'decision_to_assess', date: '2026-04-08', outcome: 'assess' },
    { type: 'advice_requested', date: '2026-04-09', from: 'health', id: 'HEALTH-1' },
    { type: 'advice_requested', date: '2026-04-09', from: 'educational_psychology', id: 'EP-1' },
    { type: 'advice_received', date: '2026-05-14', id: 'HEALTH-1' },
    { type: 'advice_received', date: '2026-05-29', id: 'EP-1' },
    { type: 'decision_to_issue', date: '2026-06-10', outcome: 'issue' },
    { type: 'draft_plan_served', date: '2026-06-17' },
    { type: 'final_plan_issued', date: '2026-07-16' },
  ]);

  await call('POST', `/api/v1/children/${planChild}/needs`, { primary: 'ASD', secondary: 'SLCN' }, token);
  await call('POST', `/api/v1/children/${planChild}/placements`, {
    setting_type: 'mainstream_la', urn: '107412', name: 'Moorside Primary School', rank: 1,
    entry_date: '2017-09-06', leaving_date: '2023-07-21',
  }, token);
  const planPlacement = (await call('POST', `/api/v1/children/${planChild}/placements`, {
    setting_type: 'special_academy', urn: '148032', name: 'Beckett Park Academy', rank: 1, entry_date: '2023-09-05',
  }, token)).id;
  await call('POST', `/api/v1/children/${planChild}/placements`, {
    setting_type: 'ap_pru', urn: '134991', name: 'Hawthorn Learning Centre', rank: 2, entry_date: '2026-01-12',
  }, token);

  const nojsChild = await child({
    given_name: 'Priya', family_name: 'Sandhu', date_of_birth: '2019-11-02', sex: 'F', ethnicity: 'AIND',
    upn_unknown: 'UN1',
  });
  const nojsCase = await openCase(nojsChild);
  await events(nojsCase, [{ type: 'request_received', date: '2026-11-02', source: 1 }]);

  // The plan-writing walk (plan.test.mjs): assessed, advice in, the council decided to issue a plan
  // on 28 October 2026, so the draft is being written today.
  const draftingChild = await child({
    given_name: 'Noor', family_name: 'Haddad', date_of_birth: '2016-02-11', sex: 'F', ethnicity: 'AIND',
    postcode: 'LS7 3QT', upn_unknown: 'UN1',
  });
  const draftingCase = await openCase(draftingChild);
  await events(draftingCase, [
    { type: 'request_received', date: '2026-07-01', source: 1 },
    { type: 'decision_to_assess', date: '2026-08-05', outcome: 'assess' },
    { type: 'advice_requested', date: '2026-08-06', from: 'educational_psychology', id: 'EP-1' },
    { type: 'advice_received', date: '2026-09-10', id: 'EP-1' },
    { type: 'decision_to_issue', date: '2026-10-28', outcome: 'issue' },
  ]);
  await call('POST', `/api/v1/children/${draftingChild}/needs`, { primary: 'SLCN' }, token);
  await call('POST', `/api/v1/children/${draftingChild}/placements`, {
    setting_type: 'mainstream_la', urn: '107412', name: 'Moorside Primary School', rank: 1, entry_date: '2020-09-03',
  }, token);

  // The SENCO's review (review.test.mjs): a demo child of primary school age whose plan is in force
  // (a final or amended version issued, no review or amendment under way) with the annual review
  // due soonest, put on roll at the demo SENCO's school (a dual placement from September), so the
  // SENCO can hold the review. The school's URN is read from the database (sqlite3, GT_DB), as
  // there is no API for organisations. Null without sqlite3 or without such a child.
  async function reviewPupil(exclude) {
    let urn, school;
    try {
      [urn, school] = execFileSync('sqlite3', ['-readonly', '-separator', '|', process.env.GT_DB ?? '',
        "SELECT o.urn, o.name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = 'senco@northmoor.example'"],
      { encoding: 'utf8' }).trim().split('|');
    } catch {
      return null;
    }
    if (!/^\d{6}$/.test(urn)) return null;
    const candidates = [];
    for (let page = 1; page <= 20; page++) {
      const cl = await call('GET', `/api/v1/caseload?page=${page}&per_page=100`, undefined, token);
      for (const c of cl.cases)
        if (c.stage === 'plan' && ['R1', 'R2'].includes(c.next_rule) && c.next_due >= '2026-11-25' && !exclude.includes(c.id))
          candidates.push(c);
      if (cl.cases.length < 100) break;
    }
    candidates.sort((a, b) => a.next_due.localeCompare(b.next_due));
    for (const c of candidates) {
      const record = await call('GET', `/api/v1/children/${c.child.id}`, undefined, token);
      const dob = record.child.date_of_birth;
      if (!(dob > '2015-09-01' && dob < '2020-08-31')) continue;  // Reception to Year 6 in 2026/27
      if (record.placements.some((p) => p.current && p.rank === 2)) continue;
      let plan;
      try {
        plan = await call('GET', `/api/v1/cases/${c.id}/plan`, undefined, token);
      } catch {
        return null;  // no plans yet
      }
      const inForce = plan.versions.find((v) => v.kind === 'final' || v.kind === 'amended');
      if (!inForce || plan.working) continue;
      await call('POST', `/api/v1/children/${c.child.id}/placements`, {
        setting_type: 'mainstream_la', urn, name: school, rank: 2, entry_date: '2026-09-02',
      }, token);
      return { child: c.child.id, case: c.id, name: c.child.name, version: inForce.id, due: c.next_due, school };
    }
    return null;
  }

  const out = {
    request: { child: requestChild, case: requestCase, name: 'Amira Okafor' },
    plan: { child: planChild, case: planCase, name: 'Jonah Whitfield' },
    nojs: { child: nojsChild, case: nojsCase, name: 'Priya Sandhu' },
    drafting: { child: draftingChild, case: draftingCase, name: 'Noor Haddad' },
    // The first event of the plan case, for the correction form.
    planFirstEvent: (await call('GET', `/api/v1/cases/${planCase}/events`, undefined, token)).events[0]?.id,
    // The plan child's current main placement, for the leaving-date form.
    planPlacement,
  };
  // With the demo council loaded (GT_DEMO=1), the demo case with the longest history: reviews,
  // amendments and phase transfers give the case page its longest timeline and deadline table.
  if (process.env.GT_DEMO === '1') {
    let best = null;
    for (let page = 1; page <= 20; page++) {
      const cl = await call('GET', `/api/v1/caseload?page=${page}&per_page=100`, undefined, token);
      for (const c of cl.cases) {
        if ([requestCase, planCase, nojsCase].includes(c.id)) continue;
        const v = await call('GET', `/api/v1/cases/${c.id}/events`, undefined, token);
        if (!best || v.events.length > best.events) best = { case: c.id, child: c.child.id, name: c.child.name, events: v.events.length };
      }
      if (cl.cases.length < 100) break;
    }
    if (best) out.demo = best;
    const review = await reviewPupil([requestCase, planCase, nojsCase, draftingCase, best?.case]);
    if (review) out.review = review;
  }
  for (const [k, v] of Object.entries(out)) {
    if (k === 'planFirstEvent' || k === 'planPlacement' || k === 'demo') continue;
    if (!Number.isInteger(v.child) || !Number.isInteger(v.case)) throw new Error(`no id for ${k}: ${JSON.stringify(v)}`);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(`seed.mjs: ${e.message}`);
  process.exit(1);
});
