// World: one small local area, in-process, for tests that visit every route as every kind of
// person - the authorisation matrix and the hostile-input tests.
//
// One child (Amara) is on roll at School A, has an open case at the assessment stage with
// educational psychology advice asked of EP Service A (with consent), a document shared with the
// family and professionals, a graduated-approach cycle recorded by the school, a notification
// for her parent, and an EHC plan: a draft served (with her parent's comment) and a working version. A second child (the canary, "Zebedee Canarywhistle") has no relationships at all:
// nobody but the council's staff may ever see that name (the council audits the quality of her
// final plan: an open audit assigned to the caseworker).
//
// Personas ("with and without the relationship"):
//   anonymous; caseworker, manager (council staff); admin (council administrator); analyst;
//   senco (School A: Amara on roll; organisation administrator), senco_b (School B);
//   ep (EP Service A: asked for advice; organisation administrator), ep_b (EP Service B);
//   parent (Amara's, with parental responsibility), parent_b (another family's);
//   young_person (linked to nobody visible here).
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/services.h"
#include "store/access_store.h"
#include "store/advice_store.h"
#include "store/notifications_store.h"
#include "web_test_support.h"

namespace gt::webtest {

inline const std::vector<std::string> kPersonas = {"anonymous", "caseworker", "manager", "admin",  "analyst",
                                                   "senco",     "senco_b",    "ep",      "ep_b",   "parent",
                                                   "parent_b",  "young_person"};

inline const char* kCanaryName = "Canarywhistle";

class World {
 public:
  World() {
    auto& app = server.services();
    school_a = server.add_organisation("School A", "school", "100001");
    school_b = server.add_organisation("School B", "school", "100002");
    ep_a = server.add_organisation("EP Service A", "ep_service");
    ep_b = server.add_organisation("EP Service B", "ep_service");
    staff = server.staff();
    people["caseworker"] = staff;
    people["manager"] = user("manager", "Mo Manager", "manager");
    people["admin"] = user("admin", "Ad Admin", "admin");
    people["analyst"] = user("analyst", "An Analyst", "analyst");
    people["senco"] = user("senco", "Sam Senco", "senco", school_a, true);
    people["senco_b"] = user("senco_b", "Sol Senco", "senco", school_b);
    people["ep"] = user("ep", "Eve Psych", "advice_giver", ep_a, true);
    people["ep_b"] = user("ep_b", "Ewan Psych", "advice_giver", ep_b);
    people["parent"] = user("parent", "Mary Parent", "parent");
    people["parent_b"] = user("parent_b", "Pat Other", "parent");
    people["young_person"] = user("young_person", "Yan Young", "young_person");
    // Accounts the matrix may remove or unlink without disturbing the personas.
    school_leaver = user("leaver", "Lee Leaver", "senco", school_a).user_id;
    staff_leaver = user("staff_leaver", "Stu Leaver", "caseworker").user_id;
    std::int64_t carer = user("carer", "Cara Carer", "parent").user_id;

    const std::string route = "TEST";
    Child c;
    c.given_name = "Amara";
    c.family_name = "Okafor";
    c.date_of_birth = *Date::parse("2016-05-14");
    c.sex = "F";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    child = app.casework.create_child(staff, c, route).id;
    Child canary = c;
    canary.given_name = "Zebedee";
    canary.family_name = kCanaryName;
    canary_child = app.casework.create_child(staff, canary, route).id;

    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "100001";
    p.name = "School A";
    p.entry_date = *Date::parse("2021-09-01");
    placement = app.casework.add_placement(staff, child, p, route).id;
    server.storage().write([&](store::Database& db) {
      store::FamilyLinkRow l;
      l.child_id = child;
      l.user_id = people["parent"].user_id;
      l.relationship = "parent_carer";
      store::insert_family_link(db, l, staff.user_id);
      l.user_id = carer;
      carer_link = store::insert_family_link(db, l, staff.user_id);
    });

    SupportCycle cycle;
    cycle.started_on = *Date::parse("2026-01-12");
    cycle.assess = "Reading age two years behind; phonics screening not passed.";
    cycle.plan = "Daily phonics catch-up, reading with an adult three times a week.";
    cycle.provision = "Small-group phonics, 20 minutes a day, with a trained teaching assistant.";
    cycle_id = app.schools.start_cycle(people["senco"], child, cycle, route);

    auto v = app.casework.open_case(staff, child, staff.user_id, route);
    case_id = v.summary.id;
    Event e;
    e.type = EventType::RequestReceived;
    e.date = *Date::parse("2026-09-01");
    e.source = 1;
    event_id = app.casework.append_event(staff, case_id, e, route).id;
    Event d;
    d.type = EventType::DecisionToAssess;
    d.date = *Date::parse("2026-10-06");
    d.outcome = Outcome::Assess;
    app.casework.append_event(staff, case_id, d, route);

    app::ConsentRecorded consent;
    consent.organisation_id = ep_a;
    consent.purpose = "advice";
    consent.given_by = "Mary Parent";
    consent.method = "on_paper";
    consent.given_on = *Date::parse("2026-10-06");
    app.sharing.record_consent(staff, child, consent, route);
    // EP Service A gave advice once, was asked again and offered the earlier advice for reuse.
    app::AdviceRequestInput ask;
    ask.organisation_id = ep_a;
    ask.advice_from = "educational_psychology";
    ask.requested_on = *Date::parse("2026-10-07");
    earlier_request_id = app.advice.request_advice(staff, case_id, ask, route).id;
    app::SectionInput sections;
    for (const auto& spec : app::advice_sections()) sections.emplace_back(spec.key, "Advice: " + spec.label);
    app.advice.submit(people["ep"], earlier_request_id, sections, route);
    ask.requested_on = *Date::parse("2026-10-08");
    request_id = app.advice.request_advice(staff, case_id, ask, route).id;
    app.advice.offer_reuse(people["ep"], request_id, earlier_request_id, route);

    app::DocumentUpload up;
    up.bytes = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    up.file_name = "decision-letter.pdf";
    up.title = "Decision to assess";
    app::DocumentContext where;
    where.case_id = case_id;
    where.visible_to_family = true;
    where.shared_with_professionals = true;
    document_id = app.documents.upload(staff, child, up, where, route);

    // Her EHC plan (issue 4): the decision to issue, a draft served on 16 November 2026 (the
    // family's 15 days run to 30 November), her parent's comment on it and a working version being
    // written from it.
    Event to_issue;
    to_issue.type = EventType::DecisionToIssue;
    to_issue.date = *Date::parse("2026-11-02");
    to_issue.outcome = Outcome::Issue;
    app.casework.append_event(staff, case_id, to_issue, route);
    {
      Plan content = app.plans.start(staff, case_id, route).plan;
      PlanNeed need{next_element_id(content, PlanSection::B), PlanSection::B,
                    "Amara finds it hard to follow spoken instructions with more than two steps.", "SLCN", ""};
      PlanOutcome outcome;
      outcome.id = next_element_id(content, PlanSection::E);
      outcome.text = "Amara will follow three-step instructions in class without an adult's help.";
      outcome.needs = {need.id};
      outcome.by = Date::parse("2027-07-16");
      PlanProvision line;
      line.id = next_element_id(content, PlanSection::F);
      line.section = PlanSection::F;
      line.what = "Speech and language therapy: following instructions, with a visual prompt.";
      line.delivered_by = "speech and language therapist";
      line.sessions = 1;
      line.per = FrequencyPer::Week;
      line.minutes = 30;
      line.group_size = 1;
      line.outcomes = {outcome.id};
      content.needs.push_back(need);
      content.outcomes.push_back(outcome);
      content.provision.push_back(line);
      plan_element = line.id;
      app.plans.save(staff, case_id, 1, content, route);
      plan_draft = app.plans.issue(staff, case_id, app::PlanKind::Draft, *Date::parse("2026-11-16"), route).row.id;
      plan_comment = app.plans.comment(people["parent"], plan_draft, need.id, "Please add help at lunchtime.", route).id;
      plan_working = app.plans.start(staff, case_id, route).row.id;
    }

    // A second pupil of School A (Bea) whose final plan was issued on 26 January 2026, with an annual
    // review planned by the council for 17 December 2026, its invitations not sent yet (reviews).
    {
      Child b = c;
      b.given_name = "Bea";
      b.family_name = "Reviewsworth";
      b.date_of_birth = *Date::parse("2015-03-02");
      review_child = app.casework.create_child(staff, b, route).id;
      app.casework.add_placement(staff, review_child, p, route);
      review_case = app.casework.open_case(staff, review_child, staff.user_id, route).summary.id;
      const std::vector<std::tuple<EventType, const char*, Outcome>> steps = {
          {EventType::RequestReceived, "2025-09-01", Outcome::None},
          {EventType::DecisionToAssess, "2025-10-06", Outcome::Assess},
          {EventType::DecisionToIssue, "2025-12-01", Outcome::Issue},
          {EventType::DraftPlanServed, "2026-01-05", Outcome::None},
          {EventType::FinalPlanIssued, "2026-01-26", Outcome::None}};
      for (const auto& [type, date, outcome] : steps) {
        Event e;
        e.type = type;
        e.date = *Date::parse(date);
        e.outcome = outcome;
        if (type == EventType::RequestReceived) e.source = 1;
        app.casework.append_event(staff, review_case, e, route);
      }
      app::ScheduleInput planned;
      planned.meeting_on = *Date::parse("2026-12-17");
      review_id = app.reviews.schedule(staff, review_case, planned, route).id;
    }

    // Quality assurance (issue 4): the canary's final plan (issued 22 June 2026), its audit assigned
    // by the team manager to the caseworker and still open. Only the council's staff see it.
    {
      quality_case = app.casework.open_case(staff, canary_child, staff.user_id, route).summary.id;
      Event steps[3];
      steps[0].type = EventType::RequestReceived;
      steps[0].date = *Date::parse("2026-01-12");
      steps[0].source = 1;
      steps[1].type = EventType::DecisionToAssess;
      steps[1].date = *Date::parse("2026-02-16");
      steps[1].outcome = Outcome::Assess;
      steps[2].type = EventType::DecisionToIssue;
      steps[2].date = *Date::parse("2026-05-11");
      steps[2].outcome = Outcome::Issue;
      for (const auto& e : steps) app.casework.append_event(staff, quality_case, e, route);
      auto working = app.plans.start(staff, quality_case, route);
      Plan content = working.plan;
      PlanNeed need{next_element_id(content, PlanSection::B), PlanSection::B, "Finds reading hard.", "SLCN", ""};
      content.needs.push_back(need);
      app.plans.save(staff, quality_case, working.row.revision, content, route);
      app.plans.issue(staff, quality_case, app::PlanKind::Draft, *Date::parse("2026-06-01"), route);
      app.plans.start(staff, quality_case, route);
      quality_version =
          app.plans.issue(staff, quality_case, app::PlanKind::Final, *Date::parse("2026-06-22"), route).row.id;
      quality_audit = app.quality.assign(people["manager"], app::AssignInput{quality_version, staff.user_id}, route).id;
    }

    // An invitation nobody accepts: School A's SENCO invites a colleague; the link is in the email.
    app::Invite invite;
    invite.email = "new.colleague@example.org";
    invite.name = "New Colleague";
    invite.role = "senco";
    app.organisations.invite_member(people["senco"], school_a, invite, route);
    for (const auto& e : store::list_emails(server.storage().read(), 50)) {
      std::smatch m;
      if (e.to_address == invite.email && std::regex_search(e.body, m, std::regex("/invitation/([0-9a-f]+)")))
        invitation_token = m[1].str();
    }
    if (invitation_token.empty()) throw std::runtime_error("the invitation email carries no link");
    server.storage().flush();
  }

  app::Actor user(const std::string& key, const std::string& name, const std::string& role,
                  std::optional<std::int64_t> org = std::nullopt, bool org_admin = false) {
    return server.accounts().create_user(key + "@example.org", name, role, kPassword, org, org_admin);
  }

  // The persona's browser, signed in once (and again if a route signed it out).
  Browser& as(const std::string& persona) {
    auto& b = browsers[persona];
    if (persona == "anonymous") {
      if (!b) b = std::make_unique<Browser>(server.port());
      return *b;
    }
    if (!b || !server.accounts().session(b->cookie.substr(b->cookie.find('=') + 1)))
      b = server.sign_in_browser(people.at(persona).email, kPassword);
    return *b;
  }

  // A multipart/form-data POST (upload forms), with the given fields and optionally one file.
  static Reply post_multipart(Browser& b, const std::string& path, const Fields& fields,
                              const std::string& file_name = "", const std::string& file_bytes = "") {
    const std::string boundary = "----gtworldboundary7MA4YWxk";
    std::string body;
    for (const auto& [k, v] : fields)
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    if (!file_name.empty())
      body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
              "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file_bytes + "\r\n";
    body += "--" + boundary + "--\r\n";
    return b.client.request(http::verb::post, path, body, "multipart/form-data; boundary=" + boundary, b.headers());
  }

  // A POST to a public form (sign-in, forgot password, invitation): first the form's page, for the
  // pre-session cookie and token, then the POST with them (and the browser's own cookie, if any).
  Reply post_public(Browser& b, const std::string& form_path, const std::string& path, Fields fields) {
    Client c(server.port());
    Reply form = c.request(http::verb::get, form_path, "", "", b.headers());
    std::smatch m;
    std::string pre = form.header("set-cookie");
    std::string cookie = b.cookie;
    if (std::regex_search(pre, m, std::regex("gt_presession=([^;]+)")))
      cookie = (cookie.empty() ? "" : cookie + "; ") + "gt_presession=" + m[1].str();
    fields.emplace_back("csrf_token", csrf_in(form.body));
    std::map<std::string, std::string> headers;
    if (!cookie.empty()) headers["cookie"] = cookie;
    return c.request(http::verb::post, path, encode_form(fields), "application/x-www-form-urlencoded", headers);
  }

  TestServer server;
  app::Actor staff;
  std::map<std::string, app::Actor> people;
  std::map<std::string, std::unique_ptr<Browser>> browsers;
  std::int64_t school_a = 0, school_b = 0, ep_a = 0, ep_b = 0;
  std::int64_t child = 0, canary_child = 0, placement = 0, cycle_id = 0, case_id = 0, event_id = 0;
  std::int64_t request_id = 0, earlier_request_id = 0, document_id = 0;
  std::int64_t school_leaver = 0, staff_leaver = 0, carer_link = 0;
  std::int64_t plan_draft = 0, plan_comment = 0, plan_working = 0;  // her plan's issued draft, a comment, the working version
  std::string plan_element;                                          // an element of both ("F-4")
  std::int64_t review_child = 0, review_case = 0, review_id = 0;  // Bea, her case, its planned review
  std::int64_t quality_case = 0, quality_version = 0, quality_audit = 0;  // the canary's plan, its open audit
  std::string invitation_token;
};

}  // namespace gt::webtest
