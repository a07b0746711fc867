// Notices: the table of who must act on each case event, with due dates from the statutory clock
// and appeal rights (plan_case_notices), and writing them (notify_case_event and friends): the
// right people (the caseworker or the council's team, the family who see the child today, the
// school with the child on roll and its mailbox, never the person who acted), emails only when
// the person accepts email, no child details beyond the first name they chose, the page's link,
// and the council's copy tasks for post, phone, languages and accessible formats.
#include "app/notices.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>

#include "app/accounts.h"
#include "app/casework.h"
#include "app/storage.h"
#include "store/access_store.h"
#include "store/family_store.h"
#include "store/notifications_store.h"
#include "store/organisations_store.h"
#include "support/temp_db.h"

namespace gt::app {
namespace {

Date d(const char* s) { return *Date::parse(s); }

Event ev(EventType t, const char* date) {
  Event e;
  e.type = t;
  e.date = d(date);
  if (t == EventType::RequestReceived) e.source = 2;
  return e;
}
Event with_outcome(EventType t, const char* date, Outcome o) {
  Event e = ev(t, date);
  e.outcome = o;
  return e;
}
Event advice(EventType t, const char* date, const char* id, AdviceFrom from = AdviceFrom::None) {
  Event e = ev(t, date);
  e.id = id;
  e.advice_from = from;
  return e;
}

// ---------------------------------------------------------------------------------------------
// The table (pure).

struct Expect {
  Audience audience;
  std::string due;       // "" = no date
  std::string contains;  // in what_changed + what_needed
};
struct Row {
  std::string name;
  std::vector<Event> chronology;  // the last event is the one being recorded
  std::vector<Expect> expect;
};

std::string audience_name(Audience a) {
  switch (a) {
    case Audience::CaseStaff: return "staff";
    case Audience::Family: return "family";
    case Audience::School: return "school";
  }
  return "";
}

std::vector<Event> initial() {  // docs/clock.md 9.2: request Mon 6 Jan 2025
  return {ev(EventType::RequestReceived, "2025-01-06")};
}
std::vector<Event> plus(std::vector<Event> v, std::initializer_list<Event> more) {
  v.insert(v.end(), more);
  return v;
}
std::vector<Event> to_plan() {  // docs/clock.md 9.3: plan issued 20 Mar 2025
  return {ev(EventType::RequestReceived, "2024-11-04"),
          with_outcome(EventType::DecisionToAssess, "2024-12-09", Outcome::Assess),
          with_outcome(EventType::DecisionToIssue, "2025-02-10", Outcome::Issue),
          ev(EventType::DraftPlanServed, "2025-02-24"), ev(EventType::FinalPlanIssued, "2025-03-20")};
}

std::vector<Row> table() {
  auto assessing = plus(initial(), {with_outcome(EventType::DecisionToAssess, "2025-02-10", Outcome::Assess)});
  auto advising = plus(assessing, {advice(EventType::AdviceRequested, "2025-02-11", "ep1", AdviceFrom::EducationalPsychology),
                                   advice(EventType::AdviceRequested, "2025-02-11", "h1", AdviceFrom::Health)});
  auto issuing = plus(assessing, {with_outcome(EventType::DecisionToIssue, "2025-04-14", Outcome::Issue)});
  auto drafted = plus(issuing, {ev(EventType::DraftPlanServed, "2025-05-02")});
  auto refused = plus(initial(), {with_outcome(EventType::DecisionToAssess, "2025-03-10", Outcome::NotAssess)});
  auto met = plus(to_plan(), {ev(EventType::ReviewMeeting, "2026-03-12")});
  Event transfer = ev(EventType::PhaseTransfer, "2026-09-01");
  transfer.phase_kind = PhaseKind::School;
  transfer.transfer_date = d("2027-09-01");
  Event cert = ev(EventType::MediationCertificate, "2025-05-02");
  return {
      {"request: the caseworker decides by the 6-week date, the family hears by then",
       initial(),
       {{Audience::CaseStaff, "2025-02-17", "Decide whether to carry out an EHC needs assessment"},
        {Audience::Family, "2025-02-17", "tell you by Monday 17 February 2025"}}},
      {"became responsible starts the same clock", {ev(EventType::BecameResponsible, "2025-01-06")},
       {{Audience::CaseStaff, "2025-02-17", "become responsible"}, {Audience::Family, "2025-02-17", "your views"}}},
      {"decision to assess: the family hears by the 16-week date; the school may be asked for advice", assessing,
       {{Audience::Family, "2025-04-28", "will tell you by Monday 28 April 2025 whether it will issue"},
        {Audience::School, "", "within 6 weeks"}}},
      {"refusal to assess: the family's mediation and appeal dates (2 months)", refused,
       {{Audience::Family, "2025-05-10", "The last day to appeal is Saturday 10 May 2025"},
        {Audience::School, "", "not to carry out"}}},
      {"advice requested: the advice giver is notified by Advice, nobody here", advising, {}},
      {"advice received: Advice tells the council, with the request's page, nobody here",
       plus(advising, {advice(EventType::AdviceReceived, "2025-03-20", "ep1")}), {}},
      {"decision to issue: the draft comes by the A7 date, the final plan by the 20-week date", issuing,
       {{Audience::Family, "2025-05-11", "The final plan must be issued by Monday 26 May 2025"},
        {Audience::School, "", "decided to issue"}}},
      {"refusal to issue: appeal rights",
       plus(assessing, {with_outcome(EventType::DecisionToIssue, "2025-04-14", Outcome::NotIssue)}),
       {{Audience::Family, "2025-06-14", "not to issue an EHC plan after the assessment"},
        {Audience::School, "", "Carry on with SEN support"}}},
      {"draft plan: the family comments and names a school within 15 days", drafted,
       {{Audience::Family, "2025-05-16", "Your last day is Friday 16 May 2025"}}},
      {"final plan: the family's appeal rights, the school's first review",
       plus(drafted, {ev(EventType::FinalPlanIssued, "2025-05-19")}),
       {{Audience::Family, "2025-07-19", "only about the school or college named"},
        {Audience::School, "2026-05-19", "section F"}}},
      {"review meeting: the school's report, the council's decision, the family told both", met,
       {{Audience::CaseStaff, "2026-04-09", "keep the plan as it is, change it or stop it"},
        {Audience::School, "2026-03-26", "Send the review report"},
        {Audience::Family, "2026-04-09", "review report by Thursday 26 March 2026"}}},
      {"review report: the council decides within 4 weeks of the meeting",
       plus(met, {ev(EventType::ReviewReport, "2026-03-25")}),
       {{Audience::CaseStaff, "2026-04-09", "Decide whether to keep"}}},
      {"review decision to maintain: appeal rights, the school's next review",
       plus(met, {with_outcome(EventType::ReviewDecision, "2026-04-09", Outcome::Maintain)}),
       {{Audience::Family, "2026-06-09", "not to change the EHC plan"}, {Audience::School, "2027-04-09", "next annual review"}}},
      {"review decision to amend: the amended plan within 12 weeks of the meeting",
       plus(met, {with_outcome(EventType::ReviewDecision, "2026-04-09", Outcome::Amend)}),
       {{Audience::Family, "2026-06-04", "15 days"}}},
      {"review decision to cease: appeal rights",
       plus(met, {with_outcome(EventType::ReviewDecision, "2026-04-09", Outcome::Cease)}),
       {{Audience::Family, "2026-06-09", "stop the EHC plan"}, {Audience::School, "", "stop the EHC plan"}}},
      {"amendments proposed: the family has 15 days",
       plus(met, {with_outcome(EventType::ReviewDecision, "2026-04-09", Outcome::Amend),
                  ev(EventType::AmendmentsProposed, "2026-04-16")}),
       {{Audience::Family, "2026-04-30", "Your last day is Thursday 30 April 2026"}}},
      {"amended plan: appeal rights and the school's next review",
       plus(met, {with_outcome(EventType::ReviewDecision, "2026-04-09", Outcome::Amend),
                  ev(EventType::AmendmentsProposed, "2026-04-16"), ev(EventType::AmendedPlanIssued, "2026-05-20")}),
       {{Audience::Family, "2026-07-20", "amended EHC plan"}, {Audience::School, "2027-04-09", "section F"}}},
      {"phase transfer to school: amended plan by 14 February", plus(to_plan(), {transfer}),
       {{Audience::CaseStaff, "2027-02-14", "naming the new school"},
        {Audience::Family, "2027-02-14", "Sunday 14 February 2027"}}},
      {"decision notice the same day as the decision: already told", plus(refused, {ev(EventType::DecisionNotice, "2025-03-10")}),
       {}},
      {"decision notice later than the decision: the time runs from the letter",
       plus(refused, {ev(EventType::DecisionNotice, "2025-03-17")}),
       {{Audience::Family, "2025-05-17", "Saturday 17 May 2025"}}},
      {"mediation certificate: appeal by the later date (docs/clock.md 9.5)",
       plus(refused, {ev(EventType::DecisionNotice, "2025-03-10"), cert}),
       {{Audience::Family, "2025-06-02", "You can now appeal"}}},
      {"an exception asks nothing of anyone",
       plus(assessing, {[] {
              Event x = ev(EventType::Exception, "2025-03-20");
              x.exception_reason = ExceptionReason::School;
              x.exception_from = d("2025-04-01");
              x.exception_to = d("2025-05-01");
              return x;
            }()}),
       {}},
      {"a withdrawal asks nothing of anyone", plus(initial(), {ev(EventType::Withdrawn, "2025-01-20")}), {}},
  };
}

TEST(NoticePlan, EachEventTellsWhoMustActWhatAndByWhen) {
  for (const auto& row : table()) {
    SCOPED_TRACE(row.name);
    const Event& e = row.chronology.back();
    auto plan = plan_case_notices(e, row.chronology, d("2027-06-01"), 7, 3);
    ASSERT_EQ(plan.size(), row.expect.size());
    for (std::size_t i = 0; i < plan.size(); ++i) {
      const auto& p = plan[i];
      const auto& x = row.expect[i];
      SCOPED_TRACE(audience_name(x.audience));
      EXPECT_EQ(audience_name(p.audience), audience_name(x.audience));
      EXPECT_EQ(p.notice.due ? p.notice.due->to_string() : "", x.due);
      std::string text = p.notice.what_changed + " " + p.notice.what_needed;
      EXPECT_NE(text.find(x.contains), std::string::npos) << text;
      EXPECT_FALSE(p.notice.what_changed.empty());
      EXPECT_FALSE(p.notice.what_needed.empty());
      EXPECT_EQ(p.notice.kind, event_type_name(e.type));
      EXPECT_EQ(p.notice.case_id, 7);
      EXPECT_EQ(p.notice.child_id, 3);
      EXPECT_EQ(p.notice.link, p.audience == Audience::CaseStaff ? "/cases/7"
                               : p.audience == Audience::Family  ? "/family/children/3"
                                                                 : "/school/pupils/3");
    }
  }
}

TEST(NoticePlan, AppealRightsNameTheMediationStepAndItsDate) {
  auto chronology = plus(initial(), {with_outcome(EventType::DecisionToAssess, "2025-03-10", Outcome::NotAssess)});
  auto plan = plan_case_notices(chronology.back(), chronology, d("2025-03-10"), 1, 1);
  ASSERT_EQ(plan.size(), 2u);
  const std::string& text = plan[0].notice.what_needed;
  EXPECT_NE(text.find("mediation adviser"), std::string::npos);
  EXPECT_NE(text.find("by Saturday 10 May 2025"), std::string::npos);
  EXPECT_NE(text.find("SEND Tribunal"), std::string::npos);
  // A refusal to assess is not about a school named: a certificate is always needed.
  EXPECT_EQ(text.find("only about the school"), std::string::npos);
}

TEST(NoticePlan, CopyNeededSaysHowAndInWhatForm) {
  store::ContactPreferencesRow p;
  EXPECT_EQ(copy_needed(p), "");
  p.language = "english";
  EXPECT_EQ(copy_needed(p), "");
  p.by_post = true;
  p.language = "Polish";
  p.accessible_format = "large_print";
  EXPECT_EQ(copy_needed(p), "by post, in Polish, in large print");
  p = store::ContactPreferencesRow{};
  p.by_phone = true;
  p.accessible_format = "bsl";
  EXPECT_EQ(copy_needed(p), "by phone, in British Sign Language (BSL)");
}

// ---------------------------------------------------------------------------------------------
// Writing notices (the whole app layer over a real database; today is 2026-11-25).

const char* kPw = "correct horse battery";
const std::string kRoute = "POST /api/v1/cases/{id}/events";

class NoticesTest : public ::testing::Test {
 protected:
  NoticesTest() : storage(tmp.path()), today(d("2026-11-25")), casework(storage, today), accounts(storage) {
    council = org("Northmoor Council", "council", std::nullopt, std::nullopt);
    school = org("Northmoor Primary", "school", "199001", std::string("senco-team@school.example.org"));
    other_school = org("Southmoor Primary", "school", "199002", std::nullopt);
    casey = accounts.create_user("casey@example.org", "Casey Worker", "caseworker", kPw, council);
    chris = accounts.create_user("chris@example.org", "Chris Worker", "caseworker", kPw, council);
    manager = accounts.create_user("mo@example.org", "Mo Manager", "manager", kPw, council);
    senco = accounts.create_user("sam.senco@example.org", "Sam Senco", "senco", kPw, school);
    other_senco = accounts.create_user("sol.senco@example.org", "Sol Senco", "senco", kPw, other_school);
    mum = accounts.create_user("mum@example.org", "Mary Parent", "parent", kPw);
    dad = accounts.create_user("dad@example.org", "David Parent", "parent", kPw);
    stranger = accounts.create_user("other.parent@example.org", "Olive Other", "parent", kPw);

    Child c;
    c.given_name = "Amara Jane";
    c.family_name = "Okafor";
    c.date_of_birth = d("2016-05-14");
    c.sex = "F";
    c.ethnicity = "WBRI";
    c.upn = "B801200005001";
    child_id = casework.create_child(casey, c, "POST /children").id;
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "199001";
    p.name = "Northmoor Primary";
    p.entry_date = d("2021-09-06");
    casework.add_placement(casey, child_id, p, "POST /children/{id}/placements");
    mum_link = link(mum);
    dad_link = link(dad);
  }

  std::int64_t org(const char* name, const char* kind, std::optional<std::string> urn,
                   std::optional<std::string> email) {
    return storage.write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, name, kind, urn, email});
    });
  }
  std::int64_t link(const Actor& parent) {
    return storage.write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = child_id;
      r.user_id = parent.user_id;
      r.relationship = "parent_carer";
      return store::insert_family_link(db, r, casey.user_id);
    });
  }
  void prefs(const Actor& a, std::function<void(store::ContactPreferencesRow&)> set) {
    storage.write([&](store::Database& db) {
      auto p = store::contact_preferences_of(db, a.user_id);
      p.user_id = a.user_id;
      p.updated_at = "2026-11-25T09:00:00Z";
      set(p);
      store::save_contact_preferences(db, p);
    });
  }
  std::int64_t open(std::optional<std::int64_t> caseworker) {
    return casework.open_case(casey, child_id, caseworker, "POST /children/{id}/cases").summary.id;
  }
  void record(const Actor& by, std::int64_t case_id, const Event& e) { casework.append_event(by, case_id, e, kRoute); }

  std::vector<store::NotificationRow> notes(const Actor& a) {
    return store::notifications_of_user(storage.read(), a.user_id, 100);
  }
  std::vector<store::EmailRow> emails_to(const std::string& address) {
    std::vector<store::EmailRow> out;
    for (auto& e : store::list_emails(storage.read(), 1000))
      if (e.to_address == address) out.push_back(e);
    return out;
  }

  testing::TempDb tmp;
  Storage storage;
  Today today;
  Casework casework;
  Accounts accounts;
  std::int64_t council = 0, school = 0, other_school = 0, child_id = 0, mum_link = 0, dad_link = 0;
  Actor casey, chris, manager, senco, other_senco, mum, dad, stranger;
};

TEST_F(NoticesTest, ARequestTellsTheAssignedCaseworkerAndTheFamilyNeverTheOneWhoRecordedIt) {
  std::int64_t case_id = open(casey.user_id);
  record(chris, case_id, ev(EventType::RequestReceived, "2026-11-02"));

  auto c = notes(casey);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "request_received");
  EXPECT_EQ(c[0].due_on, "2026-12-14");  // 2 Nov + 6 weeks
  EXPECT_EQ(c[0].link, "/cases/" + std::to_string(case_id));
  EXPECT_EQ(c[0].case_id, case_id);
  EXPECT_FALSE(c[0].read_at);
  EXPECT_TRUE(notes(chris).empty());    // recorded it
  EXPECT_TRUE(notes(manager).empty());  // the case has a caseworker
  EXPECT_TRUE(notes(senco).empty());
  EXPECT_TRUE(notes(stranger).empty());
  for (const Actor* parent : {&mum, &dad}) {
    auto f = notes(*parent);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].due_on, "2026-12-14");
    EXPECT_EQ(f[0].link, "/family/children/" + std::to_string(child_id));
  }
}

TEST_F(NoticesTest, WithNoCaseworkerTheCouncilsCaseworkersAndManagersAreTold) {
  std::int64_t case_id = open(std::nullopt);
  record(casey, case_id, ev(EventType::RequestReceived, "2026-11-02"));
  EXPECT_TRUE(notes(casey).empty());
  EXPECT_EQ(notes(chris).size(), 1u);
  EXPECT_EQ(notes(manager).size(), 1u);
  EXPECT_TRUE(notes(senco).empty());
}

TEST_F(NoticesTest, EmailsGoOnlyToThoseWhoAcceptThemAndNameNoChildByDefault) {
  prefs(dad, [](auto& p) { p.by_email = false; });
  std::int64_t case_id = open(casey.user_id);
  record(chris, case_id, ev(EventType::RequestReceived, "2026-11-02"));

  EXPECT_EQ(notes(dad).size(), 1u);  // in the application all the same
  EXPECT_TRUE(emails_to("dad@example.org").empty());

  auto m = emails_to("mum@example.org");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].status, "pending");
  EXPECT_EQ(m[0].notification_id, notes(mum)[0].id);
  EXPECT_EQ(m[0].link, "/family/children/" + std::to_string(child_id));
  for (const std::string& text : {m[0].subject, m[0].body}) {
    EXPECT_EQ(text.find("Amara"), std::string::npos) << text;
    EXPECT_EQ(text.find("Okafor"), std::string::npos) << text;
    EXPECT_EQ(text.find("2016"), std::string::npos) << text;
    EXPECT_EQ(text.find("B801200005001"), std::string::npos) << text;
  }
  const std::string& body = m[0].body;
  EXPECT_NE(body.find("There is an update about a child's EHC needs assessment or plan."), std::string::npos);
  EXPECT_NE(body.find("What has changed\nThe council has received a request"), std::string::npos);
  EXPECT_NE(body.find("What you need to do\n"), std::string::npos);
  EXPECT_NE(body.find("By when\nMonday 14 December 2026"), std::string::npos);
  EXPECT_NE(body.find(kLinkToken), std::string::npos);  // the outbox writes the address there
  EXPECT_EQ(m[0].subject, "The council has received a request for an EHC needs assessment");

  // The caseworker's email (defaults: email on, no child detail) too.
  ASSERT_EQ(emails_to("casey@example.org").size(), 1u);
  EXPECT_EQ(emails_to("casey@example.org")[0].link, "/cases/" + std::to_string(case_id));
}

TEST_F(NoticesTest, FirstNameDetailGivesTheFirstNameOnly) {
  prefs(mum, [](auto& p) { p.email_detail = "first_name"; });
  std::int64_t case_id = open(casey.user_id);
  record(chris, case_id, ev(EventType::RequestReceived, "2026-11-02"));
  auto m = emails_to("mum@example.org");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].subject, "About Amara: The council has received a request for an EHC needs assessment");
  EXPECT_NE(m[0].body.find("There is an update about Amara's EHC needs assessment or plan."), std::string::npos);
  for (const std::string& text : {m[0].subject, m[0].body}) {
    EXPECT_EQ(text.find("Jane"), std::string::npos) << text;  // a middle name is not the first name
    EXPECT_EQ(text.find("Okafor"), std::string::npos) << text;
    EXPECT_EQ(text.find("B801200005001"), std::string::npos) << text;
  }
  // Dad kept the default: no name.
  EXPECT_EQ(emails_to("dad@example.org")[0].body.find("Amara"), std::string::npos);
}

TEST_F(NoticesTest, PostPhoneLanguageAndFormatGiveTheCouncilATaskAndFlagTheNotification) {
  prefs(mum, [](auto& p) {
    p.by_email = false;
    p.by_post = true;
    p.postal_address = "1 High Street, Northmoor";
    p.language = "Polish";
    p.accessible_format = "large_print";
  });
  std::int64_t case_id = open(casey.user_id);
  record(casey, case_id, ev(EventType::RequestReceived, "2026-11-02"));

  auto f = notes(mum);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].copy_needed, "by post, in Polish, in large print");
  EXPECT_TRUE(emails_to("mum@example.org").empty());
  EXPECT_EQ(notes(dad)[0].copy_needed, "");  // defaults: email only

  // The caseworker recorded the request (no notice of their own action) but must send the copy.
  auto c = notes(casey);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "send_copy");
  EXPECT_EQ(c[0].link, "/cases/" + std::to_string(case_id));
  EXPECT_NE(c[0].what_needed.find("by post, in Polish, in large print"), std::string::npos);
  EXPECT_NE(c[0].what_changed.find("account " + std::to_string(mum.user_id)), std::string::npos);
  EXPECT_NE(c[0].what_needed.find("Monday 14 December 2026"), std::string::npos);
  EXPECT_EQ(c[0].what_changed.find("1 High Street"), std::string::npos);  // the address stays in the preferences
  // Its email to the caseworker names no child either.
  auto m = emails_to("casey@example.org");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].body.find("Amara"), std::string::npos);
}

TEST_F(NoticesTest, TheFamilyIsWhoeverSeesTheChildToday) {
  storage.write([&](store::Database& db) { store::end_family_link(db, dad_link, "2026-11-20T10:00:00Z"); });
  std::int64_t case_id = open(casey.user_id);
  record(casey, case_id, ev(EventType::RequestReceived, "2026-11-02"));
  EXPECT_EQ(notes(mum).size(), 1u);
  EXPECT_TRUE(notes(dad).empty());  // the link has ended
  EXPECT_TRUE(notes(stranger).empty());
}

TEST_F(NoticesTest, TheSchoolOnRollAndItsMailboxHearOfTheFinalPlanAndTheFamilyOfTheirRights) {
  std::int64_t case_id = open(casey.user_id);
  record(casey, case_id, ev(EventType::RequestReceived, "2026-05-01"));
  record(casey, case_id, with_outcome(EventType::DecisionToAssess, "2026-06-01", Outcome::Assess));
  record(casey, case_id, with_outcome(EventType::DecisionToIssue, "2026-08-03", Outcome::Issue));
  record(casey, case_id, ev(EventType::DraftPlanServed, "2026-08-10"));
  std::size_t school_before = notes(senco).size();
  std::size_t mum_before = notes(mum).size();
  record(casey, case_id, ev(EventType::FinalPlanIssued, "2026-09-01"));

  auto s = notes(senco);
  ASSERT_EQ(s.size(), school_before + 1);
  EXPECT_EQ(s[0].kind, "final_plan_issued");
  EXPECT_EQ(s[0].due_on, "2027-09-01");  // the first annual review
  EXPECT_EQ(s[0].link, "/school/pupils/" + std::to_string(child_id));
  EXPECT_TRUE(notes(other_senco).empty());  // not on its roll

  auto mailbox = emails_to("senco-team@school.example.org");
  ASSERT_FALSE(mailbox.empty());
  EXPECT_FALSE(mailbox[0].notification_id);
  EXPECT_EQ(mailbox[0].link, "/school/pupils/" + std::to_string(child_id));
  EXPECT_EQ(mailbox[0].body.find("Amara"), std::string::npos);

  auto f = notes(mum);
  ASSERT_EQ(f.size(), mum_before + 1);
  EXPECT_EQ(f[0].due_on, "2026-11-01");  // 1 Sep + 2 months
  EXPECT_NE(f[0].what_needed.find("SEND Tribunal"), std::string::npos);
}

TEST_F(NoticesTest, NotifyOrganisationReachesEveryActiveMemberOfItAndItsMailbox) {
  Notice n;
  n.kind = "test";
  n.what_changed = "Something changed.";
  n.what_needed = "Nothing.";
  n.link = "/school";
  storage.write([&](store::Database& db) { notify_organisation(db, school, n); });
  EXPECT_EQ(notes(senco).size(), 1u);
  EXPECT_TRUE(notes(other_senco).empty());
  auto mailbox = emails_to("senco-team@school.example.org");
  ASSERT_EQ(mailbox.size(), 1u);
  EXPECT_NE(mailbox[0].body.find("There is an update for you in Golden Thread."), std::string::npos);
  EXPECT_NE(mailbox[0].body.find("Hello Northmoor Primary,"), std::string::npos);
}

TEST_F(NoticesTest, TheNotificationsPageFunctionsKeepEachPersonToTheirOwn) {
  std::int64_t case_id = open(casey.user_id);
  record(chris, case_id, ev(EventType::RequestReceived, "2026-11-02"));
  record(chris, case_id, with_outcome(EventType::DecisionToAssess, "2026-11-20", Outcome::Assess));
  auto page = notices_of(storage, mum, 1, 20);
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.unread, 2);
  EXPECT_EQ(page.items[0].kind, "decision_to_assess");  // newest first
  EXPECT_EQ(page.items[1].kind, "request_received");

  // Someone else's notification is not found, and nothing changes.
  try {
    mark_notice_read(storage, dad, page.items[0].id);
    FAIL() << "expected NotFound";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind, Error::Kind::NotFound);
  }
  EXPECT_EQ(unread_notices(storage, mum), 2);

  mark_notice_read(storage, mum, page.items[0].id);
  EXPECT_EQ(unread_notices(storage, mum), 1);
  EXPECT_EQ(unread_notices(storage, dad), 2);
  EXPECT_EQ(mark_all_notices_read(storage, mum), 1);
  EXPECT_EQ(unread_notices(storage, mum), 0);
  EXPECT_EQ(unread_notices(storage, dad), 2);
}

}  // namespace
}  // namespace gt::app
