// Review pages through the real server (web_test_support.h; today 25 November 2026): the council's
// "Reviews" navigation and list of reviews due (overdue R1 first, a bad filter is 422), the
// children moving school next September (P1), planning a review through the form and invitations
// refused under R4 (422 naming the rule, nothing written) then accepted; the SENCO records the
// meeting with progress against each outcome (a missing rating is 422 linking to its radios) and
// sends the report; the council's decision page shows the report and records "amend", after which
// the review page leads to the plan. Another school's SENCO gets 404, a parent and the council's
// staff are kept out of the other side's pages (403). The case and pupil pages link here.
#include <gtest/gtest.h>

#include <regex>

#include "app/services.h"
#include "store/access_store.h"
#include "store/reviews_store.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
Date d(const char* s) { return *Date::parse(s); }
const char* kPw = "correct horse battery";
const std::string route = "TEST";

class ReviewPagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    TestServer& s = *server_;
    school_ = s.add_organisation("Northmoor Primary", "school", "123456");
    std::int64_t other = s.add_organisation("Southmoor Academy", "school", "654321");
    ep_ = s.add_organisation("Moorside EP Service", "ep_service");
    senco_ = s.accounts().create_user("senco@northmoor.example.org", "Sam Senco", "senco", kPw, school_);
    s.accounts().create_user("senco@southmoor.example.org", "Sol Senco", "senco", kPw, other);
    auto parent = s.accounts().create_user("mum@example.org", "Mary Parent", "parent", kPw);
    chidi_ = child("Chidi", "Adeyemi", "2015-10-10");  // Year 6: secondary school in September 2027
    bilal_ = child("Bilal", "Ahmed", "2017-05-14");  // Year 5
    s.storage().write([&](store::Database& db) {
      store::FamilyLinkRow r;
      r.child_id = chidi_;
      r.user_id = parent.user_id;
      r.relationship = "parent_carer";
      store::insert_family_link(db, r, s.staff().user_id);
    });
    chidi_case_ = plan_case(chidi_);
    bilal_case_ = plan_case(bilal_);
    // The SENCO planned Chidi's review on 20 October for 19 November and sent the invitations.
    at("2026-10-20", [&](app::Services& app) {
      app::ScheduleInput in;
      in.meeting_on = d("2026-11-19");
      in.organisation_ids = {ep_};
      review_ = app.reviews.schedule(senco_, chidi_case_, in, route).id;
      app.reviews.send_invitations(senco_, review_, d("2026-10-20"), route);
    });
    s.storage().flush();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  // Runs `f` with the use cases as they were on `date` (the same database).
  template <typename F>
  static void at(const char* date, F f) {
    app::Today today(d(date));
    app::ServicesSettings settings;
    settings.documents_dir = "/tmp";
    app::Services app(server_->storage(), today, settings);
    f(app);
  }

  static std::int64_t child(const char* given, const char* family, const char* dob) {
    TestServer& s = *server_;
    Child c;
    c.given_name = given;
    c.family_name = family;
    c.date_of_birth = d(dob);
    c.sex = "M";
    c.ethnicity = "BAFR";
    c.upn_unknown = "UN2";
    std::int64_t id = s.casework().create_child(s.staff(), c, route).id;
    Placement p;
    p.setting_type = "mainstream_la";
    p.urn = "123456";
    p.name = "Northmoor Primary";
    p.entry_date = d("2021-09-01");
    s.casework().add_placement(s.staff(), id, p, route);
    return id;
  }

  // A final plan issued on 1 October 2025 (R1 due 1 October 2026: overdue today), with outcomes E-2, E-3.
  static std::int64_t plan_case(std::int64_t child_id) {
    TestServer& s = *server_;
    std::int64_t id = 0;
    at("2025-09-01", [&](app::Services& app) {
      id = app.casework.open_case(s.staff(), child_id, s.staff().user_id, route).summary.id;
      for (auto [type, date, outcome] : std::vector<std::tuple<EventType, const char*, Outcome>>{
               {EventType::RequestReceived, "2025-06-02", Outcome::None},
               {EventType::DecisionToAssess, "2025-07-07", Outcome::Assess},
               {EventType::DecisionToIssue, "2025-09-01", Outcome::Issue}}) {
        Event e;
        e.type = type;
        e.date = d(date);
        e.outcome = outcome;
        if (type == EventType::RequestReceived) e.source = 1;
        app.casework.append_event(s.staff(), id, e, route);
      }
      auto w = app.plans.start(s.staff(), id, route);
      Plan p = w.plan;
      PlanNeed b{next_element_id(p, PlanSection::B), PlanSection::B, "Finds it hard to follow instructions.", "SLCN",
                 "communication_and_interaction"};
      p.needs.push_back(b);
      for (const char* text : {"Will follow three-step instructions in class.", "Will read a short book aloud."}) {
        PlanOutcome o;
        o.id = next_element_id(p, PlanSection::E);
        o.text = text;
        o.needs = {b.id};
        o.by = d("2027-07-16");
        p.outcomes.push_back(o);
      }
      app.plans.save(s.staff(), id, w.row.revision, p, route);
      app.plans.issue(s.staff(), id, app::PlanKind::Draft, d("2025-09-01"), route);
    });
    at("2025-10-01", [&](app::Services& app) {
      app.plans.start(s.staff(), id, route);
      app.plans.issue(s.staff(), id, app::PlanKind::Final, d("2025-10-01"), route);
    });
    return id;
  }

  static Browser& staff() {
    static std::unique_ptr<Browser> b = server_->sign_in_browser(kEmail, kPassword);
    return *b;
  }
  static Browser& senco() {
    static std::unique_ptr<Browser> b = server_->sign_in_browser("senco@northmoor.example.org", kPw);
    return *b;
  }
  static Browser& other_senco() {
    static std::unique_ptr<Browser> b = server_->sign_in_browser("senco@southmoor.example.org", kPw);
    return *b;
  }
  static Browser& parent() {
    static std::unique_ptr<Browser> b = server_->sign_in_browser("mum@example.org", kPw);
    return *b;
  }
  static Fields date(const std::string& name, const char* iso) {
    Date x = d(iso);
    return {{name + "-day", std::to_string(x.day())},
            {name + "-month", std::to_string(x.month())},
            {name + "-year", std::to_string(x.year())}};
  }
  static Fields operator_plus(Fields a, const Fields& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }

  static TestServer* server_;
  static std::int64_t school_, ep_, chidi_, bilal_, chidi_case_, bilal_case_, review_;
  static app::Actor senco_;
};
TestServer* ReviewPagesTest::server_ = nullptr;
std::int64_t ReviewPagesTest::school_ = 0, ReviewPagesTest::ep_ = 0, ReviewPagesTest::chidi_ = 0,
             ReviewPagesTest::bilal_ = 0, ReviewPagesTest::chidi_case_ = 0, ReviewPagesTest::bilal_case_ = 0,
             ReviewPagesTest::review_ = 0;
app::Actor ReviewPagesTest::senco_;

TEST_F(ReviewPagesTest, TheCouncilSeesReviewsDueAndMovesNextSeptember) {
  Reply r = staff().get("/reviews");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_TRUE(contains(r.body, "href=\"/reviews\"")) << "the Reviews navigation item";
  EXPECT_TRUE(contains(r.body, ">Reviews<"));
  EXPECT_TRUE(contains(r.body, "href=\"/cases/" + std::to_string(bilal_case_) + "/reviews\""));
  EXPECT_TRUE(contains(r.body, "Bilal Ahmed"));
  EXPECT_TRUE(contains(r.body, "R1: Complete the first annual review"));
  EXPECT_TRUE(contains(r.body, "1 October 2026"));
  EXPECT_TRUE(contains(r.body, "Overdue"));
  // Chidi's review is under way: the list says where it has got to.
  EXPECT_TRUE(contains(r.body, "Invitations sent; meeting on 19 November 2026"));
  Reply bad = staff().get("/reviews?weeks=lots");
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#weeks\""));
  Reply sorted = staff().get("/reviews?sort=caseworker&weeks=4");
  EXPECT_EQ(sorted.status, 200);

  Reply moves = staff().get("/reviews/phase-transfers");
  ASSERT_EQ(moves.status, 200);
  EXPECT_TRUE(contains(moves.body, "September 2027"));
  EXPECT_TRUE(contains(moves.body, "Chidi Adeyemi"));
  EXPECT_FALSE(contains(moves.body, "Bilal Ahmed"));  // Year 5: moves in 2028
  EXPECT_TRUE(contains(moves.body, "P1: 14 February 2027"));
  Reply later = staff().get("/reviews/phase-transfers?year=2028");
  EXPECT_TRUE(contains(later.body, "Bilal Ahmed"));
  EXPECT_EQ(staff().get("/reviews/phase-transfers?year=1999").status, 422);

  // The SENCO and the family never reach the council's lists.
  EXPECT_EQ(senco().get("/reviews").status, 403);
  EXPECT_EQ(parent().get("/reviews/phase-transfers").status, 403);
}

TEST_F(ReviewPagesTest, PlanningAReviewAndInvitationsUnderR4) {
  const std::string base = "/cases/" + std::to_string(bilal_case_);
  Reply c = staff().get(base);
  ASSERT_EQ(c.status, 200);
  EXPECT_TRUE(contains(c.body, "href=\"" + base + "/reviews\""));
  Reply list = staff().get(base + "/reviews");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "Plan a review"));
  Reply form = staff().get(base + "/reviews/new");
  ASSERT_EQ(form.status, 200);
  for (const char* label : {"Date of the meeting", "The family", "Moorside EP Service", "Name of the next school"})
    EXPECT_TRUE(contains(form.body, label)) << label;
  // No date: 422, the summary links to the day input.
  Reply empty = staff().post_form(base + "/reviews/new", {{"kind", "annual"}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "href=\"#meeting_on-day\""));
  Fields f = operator_plus({{"kind", "annual"}, {"invite_family", "yes"}, {"invite_school", "yes"},
                            {"organisations", std::to_string(ep_)}},
                           date("meeting_on", "2026-12-08"));
  Reply made = staff().post_form(base + "/reviews/new", f);
  ASSERT_EQ(made.status, 303) << made.body.substr(0, 2000);
  std::string review = made.header("location");
  ASSERT_TRUE(std::regex_match(review, std::regex("/reviews/[0-9]+")));
  Reply page = staff().get(review);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Rule R4"));
  EXPECT_TRUE(contains(page.body, "24 November 2026"));  // 8 December - 14 days
  EXPECT_TRUE(contains(page.body, "Moorside EP Service"));
  // Today is too late for 8 December: refused, naming R4; nothing written.
  Reply late = staff().post_form(review + "/invitations", date("invitations_sent_on", "2026-11-25"));
  EXPECT_EQ(late.status, 422);
  EXPECT_TRUE(contains(late.body, "rule R4"));
  EXPECT_TRUE(contains(late.body, "href=\"#invitations_sent_on-day\""));
  std::int64_t id = std::stoll(review.substr(review.rfind('/') + 1));
  EXPECT_FALSE(store::find_review(server_->storage().read(), id)->invitations_sent_on);
  // Sent yesterday: in time.
  Reply ok = staff().post_form(review + "/invitations", date("invitations_sent_on", "2026-11-24"));
  EXPECT_EQ(ok.status, 303);
  Reply after = staff().get(review);
  EXPECT_TRUE(contains(after.body, "Invitations sent"));
  EXPECT_FALSE(contains(after.body, "Record that the invitations were sent"));
  EXPECT_TRUE(contains(after.body, "Record the review meeting"));
  // A second review cannot be planned while this one is open.
  EXPECT_EQ(staff().post_form(base + "/reviews/new", f).status, 409);
}

TEST_F(ReviewPagesTest, TheSencoRecordsTheMeetingAndTheCouncilDecides) {
  const std::string pupil = "/school/pupils/" + std::to_string(chidi_);
  const std::string review = "/school/reviews/" + std::to_string(review_);
  Reply p = senco().get(pupil);
  ASSERT_EQ(p.status, 200);
  EXPECT_TRUE(contains(p.body, "href=\"" + pupil + "/annual-reviews\""));
  Reply list = senco().get(pupil + "/annual-reviews");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "href=\"" + review + "\""));
  EXPECT_TRUE(contains(list.body, "Primary to secondary school"));  // the next move, from the date of birth

  // Others are kept out.
  EXPECT_EQ(other_senco().get(review).status, 404);
  EXPECT_EQ(other_senco().get(review + "/meeting").status, 404);
  EXPECT_EQ(parent().get(review + "/meeting").status, 403);
  EXPECT_EQ(staff().get(review + "/meeting").status, 403);

  Reply form = senco().get(review + "/meeting");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "Progress towards outcome E-2: Will follow three-step instructions in class."));
  EXPECT_TRUE(contains(form.body, "name=\"progress-E-3\""));
  Fields meeting = operator_plus(
      {{"attendees", "Chidi, his mother, the SENCO, the EP"},
       {"views_child", "I want to go to the big school with my friends."},
       {"views_parents", "He is more confident."},
       {"views_school", "Good progress in reading."},
       {"progress-E-2", "on_track"},
       {"comment-E-2", "Follows two steps reliably."},
       {"outcomes_still_right", "yes"},
       {"provision_still_right", "no"},
       {"recommendation", "amend"},
       {"changes_suggested", "Name the secondary school in section I."}},
      date("held_on", "2026-11-19"));
  Reply missing = senco().post_form(review + "/meeting", meeting);
  EXPECT_EQ(missing.status, 422);
  EXPECT_TRUE(contains(missing.body, "href=\"#progress-E-3\""));
  EXPECT_TRUE(contains(missing.body, "Choose the progress made towards outcome E-3"));
  EXPECT_TRUE(contains(missing.body, "Follows two steps reliably."));  // what was typed is kept
  EXPECT_FALSE(store::find_review(server_->storage().read(), review_)->held_on);
  meeting.emplace_back("progress-E-3", "some_progress");
  Reply saved = senco().post_form(review + "/meeting", meeting);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 3000);
  EXPECT_EQ(saved.header("location"), review);
  Reply shown = senco().get(review);
  EXPECT_TRUE(contains(shown.body, "Some progress"));
  EXPECT_TRUE(contains(shown.body, "Record that the report was sent"));
  EXPECT_TRUE(contains(shown.body, "R6"));
  EXPECT_EQ(senco().post_form(review + "/meeting", meeting).status, 409);
  EXPECT_EQ(senco().post_form(review + "/report", date("report_sent_on", "2026-11-25")).status, 303);

  // The council decides, with the report in front of it.
  const std::string council = "/reviews/" + std::to_string(review_);
  Reply decision = staff().get(council + "/decision");
  ASSERT_EQ(decision.status, 200);
  EXPECT_TRUE(contains(decision.body, "I want to go to the big school with my friends."));
  EXPECT_TRUE(contains(decision.body, "The review report was sent on 25 November 2026."));
  EXPECT_EQ(senco().get("/reviews/" + std::to_string(review_) + "/decision").status, 403);
  Reply no_reasons = staff().post_form(council + "/decision",
                                       operator_plus({{"decision", "amend"}}, date("decided_on", "2026-11-25")));
  EXPECT_EQ(no_reasons.status, 422);
  EXPECT_TRUE(contains(no_reasons.body, "href=\"#reasons\""));
  Reply decided = staff().post_form(
      council + "/decision",
      operator_plus({{"decision", "amend"}, {"reasons", "To name the secondary school."}}, date("decided_on", "2026-11-25")));
  ASSERT_EQ(decided.status, 303) << decided.body.substr(0, 2000);
  Reply after = staff().get(council);
  EXPECT_TRUE(contains(after.body, "Change (amend) the plan on 25 November 2026"));
  EXPECT_TRUE(contains(after.body, "Amending the plan"));
  EXPECT_TRUE(contains(after.body, "href=\"/cases/" + std::to_string(chidi_case_) + "/plan\""));
  EXPECT_TRUE(contains(after.body, "rule M4"));
}

}  // namespace
}  // namespace gt::webtest
