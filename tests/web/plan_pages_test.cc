// The plan pages over real HTTP, in the World (world_fixture.h: Amara's draft plan served on
// 16 November 2026 with her parent's comment, and a working version): the council's plan page,
// the editor (save, revision conflict keeping the typed input, errors linking to fields, links
// between needs, outcomes and provision, removal), issuing (findings first, the chronology's
// refusal on the date), reading and comparing versions, the family commenting and saying they
// have nothing to add, the JSON API - and nothing of a child shown to anyone without a basis.
#include <gtest/gtest.h>

#include <regex>

#include "world_fixture.h"

namespace gt::webtest {
namespace {

class PlanPages : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { world_ = new World(); }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }
  static World& w() { return *world_; }
  static std::string plan() { return "/cases/" + std::to_string(w().case_id) + "/plan"; }
  static std::string draft() { return "/plan-versions/" + std::to_string(w().plan_draft); }
  static std::string revision_in(const std::string& body) {
    std::smatch m;
    if (std::regex_search(body, m, std::regex("name=\"revision\" value=\"([0-9]+)\""))) return m[1].str();
    return "";
  }
  static World* world_;
};
World* PlanPages::world_ = nullptr;

TEST_F(PlanPages, TheCouncilsPlanPageShowsVersionsTheFamilysWindowAndTheirComments) {
  Reply r = w().as("caseworker").get(plan());
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 500);
  EXPECT_NE(r.body.find("Draft plan"), std::string::npos);
  EXPECT_NE(r.body.find("30 November 2026"), std::string::npos) << "the last day of the family's 15 days";
  EXPECT_NE(r.body.find("Please add help at lunchtime."), std::string::npos);
  EXPECT_NE(r.body.find("/comments/" + std::to_string(w().plan_comment) + "/respond"), std::string::npos);
  EXPECT_NE(r.body.find("Write the plan"), std::string::npos);
  // The response form: empty is 422 with the summary linking to the field; an answer is 303.
  std::string respond = plan() + "/comments/" + std::to_string(w().plan_comment) + "/respond";
  Reply empty = w().as("caseworker").post_form(respond, {{"response", "  "}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("href=\"#response-" + std::to_string(w().plan_comment) + "\""), std::string::npos);
  Reply ok = w().as("caseworker").post_form(respond, {{"response", "We will add lunchtime support to F."}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_NE(w().as("caseworker").get(plan()).body.find("We will add lunchtime support to F."), std::string::npos);
  // Without the CSRF token: refused.
  EXPECT_EQ(w().as("caseworker").post_form(respond, {{"response", "x"}}, false).status, 403);
}

TEST_F(PlanPages, TheEditorSavesKeepsTypedInputOnAConflictAndNamesFieldsInErrors) {
  Browser& b = w().as("caseworker");
  Reply section = b.get(plan() + "/sections/B");
  ASSERT_EQ(section.status, 200);
  EXPECT_NE(section.body.find("<h1 class=\"govuk-heading-l\">Section B: Special educational needs</h1>"), std::string::npos);
  EXPECT_NE(section.body.find("Checks of the golden thread"), std::string::npos);
  EXPECT_EQ(b.get(plan() + "/sections/Z").status, 404);
  EXPECT_EQ(b.get(plan() + "/elements/F-999").status, 404);

  std::string element = plan() + "/elements/" + w().plan_element;
  Reply form = b.get(element);
  ASSERT_EQ(form.status, 200);
  std::string rev = revision_in(form.body);
  ASSERT_FALSE(rev.empty());
  Fields f{{"revision", rev},
           {"what", "Speech and language therapy: following instructions, with a visual prompt and a now-and-next board."},
           {"delivered_by", "speech and language therapist"},
           {"sessions", "2"},
           {"per", "week"},
           {"minutes", "30"},
           {"group_size", "1"},
           {"provider_organisation_id", "0"},
           {"outcomes", "E-3"}};
  // A number that is not a number: 422, the summary linking to the field, the input kept.
  Fields bad = f;
  bad[3].second = "two";
  Reply refused = b.post_form(element, bad);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("href=\"#sessions\""), std::string::npos);
  EXPECT_NE(refused.body.find("now-and-next board"), std::string::npos);
  // Saved: 303 to the section, at the element.
  Reply saved = b.post_form(element, f);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 800);
  EXPECT_EQ(saved.header("location"), plan() + "/sections/F#element-" + w().plan_element);
  EXPECT_NE(b.get(plan() + "/sections/F").body.find("2 sessions a week, 30 minutes each, one to one"), std::string::npos);
  // The same form again with the old revision: someone else saved first. 409, nothing lost, and
  // the form now carries the new revision so saving again applies it.
  Fields stale = f;
  stale[1].second = "Typed while someone else saved.";
  Reply conflict = b.post_form(element, stale);
  EXPECT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body.find("Typed while someone else saved."), std::string::npos);
  EXPECT_NE(conflict.body.find("Someone else saved this plan"), std::string::npos);
  std::string newer = revision_in(conflict.body);
  EXPECT_NE(newer, rev);
  stale[0].second = newer;
  EXPECT_EQ(b.post_form(element, stale).status, 303);
}

TEST_F(PlanPages, AddingLinkingAndRemovingElements) {
  Browser& b = w().as("caseworker");
  Reply form = b.get(plan() + "/sections/E/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("The needs it addresses"), std::string::npos);
  std::string rev = revision_in(form.body);
  // A vague outcome with no time frame is saved; the checks say what is wrong with it.
  Reply added = b.post_form(plan() + "/sections/E/new", {{"revision", rev}, {"text", "Amara will eat lunch with friends."}});
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 800);
  std::string location = added.header("location");
  std::string id = location.substr(location.find("#element-") + 9);
  Reply section = b.get(plan() + "/sections/E");
  EXPECT_NE(section.body.find("Amara will eat lunch with friends."), std::string::npos);
  EXPECT_NE(section.body.find(id + " has no time frame"), std::string::npos);
  EXPECT_NE(section.body.find("href=\"" + plan() + "/elements/" + id + "\""), std::string::npos)
      << "each finding links to the element";
  // A link to a need that is not in the plan is refused, naming the field.
  Reply bad = b.post_form(plan() + "/elements/" + id,
                          {{"revision", revision_in(section.body)}, {"text", "x"}, {"needs", "B-77"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("href=\"#needs\""), std::string::npos);
  // Removing it (with the page's revision) takes it out of the plan.
  Reply removed = b.post_form(plan() + "/elements/" + id + "/remove", {{"revision", revision_in(section.body)}});
  EXPECT_EQ(removed.status, 303);
  EXPECT_EQ(b.get(plan() + "/sections/E").body.find("Amara will eat lunch with friends."), std::string::npos);
  EXPECT_EQ(b.get(plan() + "/elements/" + id).status, 404);
}

TEST_F(PlanPages, ReadingAVersionIsForThoseWithABasisAndShowsEverySection) {
  Reply r = w().as("parent").get(draft());
  ASSERT_EQ(r.status, 200);
  for (auto s : all_plan_sections())
    EXPECT_NE(r.body.find("Section " + std::string(plan_section_code(s)) + ": "), std::string::npos)
        << plan_section_code(s);
  EXPECT_NE(r.body.find("Section B: Special educational needs"), std::string::npos);
  EXPECT_NE(r.body.find(draft() + "/pdf"), std::string::npos);
  EXPECT_NE(r.body.find("Amara Okafor"), std::string::npos);
  EXPECT_NE(r.body.find("Northmoor Council"), std::string::npos) << "the letterhead";
  EXPECT_EQ(w().as("senco").get(draft()).status, 200) << "the school on roll";
  for (const std::string persona : {"parent_b", "senco_b", "admin", "analyst"}) {
    Reply other = w().as(persona).get(draft());
    EXPECT_EQ(other.status, 404) << persona;
    EXPECT_EQ(other.body.find("Okafor"), std::string::npos) << persona;
  }
  // The working version: the council only.
  std::string working = "/plan-versions/" + std::to_string(w().plan_working);
  EXPECT_EQ(w().as("caseworker").get(working).status, 200);
  EXPECT_EQ(w().as("parent").get(working).status, 404);
  EXPECT_EQ(w().as("senco").get(working).status, 404);
}

TEST_F(PlanPages, ComparingTwoVersionsShowsOnlyTheChangedLines) {
  Browser& b = w().as("caseworker");
  // Change one line of the working version.
  Reply form = b.get(plan() + "/elements/B-2");
  ASSERT_EQ(form.status, 200);
  ASSERT_EQ(b.post_form(plan() + "/elements/B-2", {{"revision", revision_in(form.body)},
                                                   {"text", "Amara finds spoken instructions of three steps hard."},
                                                   {"sen_type", "SLCN"}})
                .status,
            303);
  Reply r = b.get("/plan-versions/" + std::to_string(w().plan_working) + "/compare?with=" + std::to_string(w().plan_draft));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("B-2: Changed"), std::string::npos);
  EXPECT_NE(r.body.find("<del>Amara finds it hard to follow spoken instructions"), std::string::npos);
  EXPECT_NE(r.body.find("<ins>Amara finds spoken instructions of three steps hard."), std::string::npos);
  EXPECT_NE(r.body.find("No changes"), std::string::npos);
  // A form to choose when no version is named; a bad choice is 422.
  EXPECT_EQ(b.get(draft() + "/compare").status, 200);
  EXPECT_EQ(b.get(draft() + "/compare?with=abc").status, 422);
  // The family compares issued versions only.
  EXPECT_EQ(w().as("parent").get("/plan-versions/" + std::to_string(w().plan_working) + "/compare").status, 404);
}

TEST_F(PlanPages, TheFamilyCommentsSaysNothingToAddAndTheCouncilIssuesTheFinalPlan) {
  Browser& parent = w().as("parent");
  std::string page = "/family/plan-versions/" + std::to_string(w().plan_draft);
  Reply r = parent.get(page);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Comment on this part"), std::string::npos);
  EXPECT_NE(r.body.find("30 November 2026"), std::string::npos);
  EXPECT_NE(r.body.find("I have nothing to add"), std::string::npos);
  EXPECT_EQ(w().as("parent_b").get(page).status, 404);
  EXPECT_EQ(w().as("caseworker").get(page).status, 403) << "the family's area";
  // A comment with no text: 422, the summary linking to the field.
  Reply empty = parent.post_form(page + "/comments", {{"element", "B-2"}, {"comment", ""}});
  EXPECT_EQ(empty.status, 422);
  EXPECT_NE(empty.body.find("href=\"#comment\""), std::string::npos);
  Reply sent = parent.post_form(page + "/comments", {{"element", "general"}, {"comment", "Thank you for listening."}});
  EXPECT_EQ(sent.status, 303);
  EXPECT_NE(parent.get(page).body.find("Thank you for listening."), std::string::npos);

  // The council cannot issue the final plan inside the 15 days: the refusal is on the date.
  Browser& staff = w().as("caseworker");
  Reply issue = staff.get(plan() + "/issue");
  ASSERT_EQ(issue.status, 200);
  EXPECT_NE(issue.body.find("Checks of the golden thread"), std::string::npos);
  Fields final_today{{"kind", "final"}, {"served_on-day", "25"}, {"served_on-month", "11"}, {"served_on-year", "2026"},
                     {"confirm", "yes"}};
  Reply early = staff.post_form(plan() + "/issue", final_today);
  EXPECT_EQ(early.status, 422) << early.body.substr(0, 500);
  EXPECT_NE(early.body.find("href=\"#served_on-day\""), std::string::npos);

  // Nothing to add needs the box ticked; then the final plan may be issued early.
  EXPECT_EQ(parent.post_form(page + "/nothing-to-add", {}).status, 422);
  EXPECT_EQ(parent.post_form(page + "/nothing-to-add", {{"confirm", "yes"}}).status, 303);
  EXPECT_NE(staff.get(plan()).body.find("The family said they have nothing to add"), std::string::npos);
  Reply issued = staff.post_form(plan() + "/issue", final_today);
  ASSERT_EQ(issued.status, 303) << issued.body.substr(0, 800);
  EXPECT_EQ(issued.header("location").rfind("/plan-versions/", 0), 0u);
  // A later version closes the draft to comments.
  Reply late = parent.post_form(page + "/comments", {{"element", "general"}, {"comment", "One more thing."}});
  EXPECT_EQ(late.status, 409);
  EXPECT_NE(parent.get(page).body.find("A newer version of the plan has been issued"), std::string::npos);
}

TEST_F(PlanPages, TheApiGivesThePlanAndAVersionWithItsFindings) {
  Reply o = w().as("caseworker").get("/api/v1/cases/" + std::to_string(w().case_id) + "/plan");
  ASSERT_EQ(o.status, 200);
  auto j = o.js();
  ASSERT_TRUE(j["versions"].is_array());
  EXPECT_GE(j["versions"].size(), 1u);
  Reply v = w().as("parent").get("/api/v1/plan-versions/" + std::to_string(w().plan_draft));
  ASSERT_EQ(v.status, 200);
  auto vj = v.js();
  EXPECT_EQ(vj["kind"], "draft");
  EXPECT_TRUE(vj["content"]["needs"].is_array());
  EXPECT_TRUE(vj["findings"].is_array());
  EXPECT_EQ(w().as("parent_b").get("/api/v1/plan-versions/" + std::to_string(w().plan_draft)).status, 404);
  EXPECT_EQ(w().as("parent").get("/api/v1/cases/" + std::to_string(w().case_id) + "/plan").status, 403);
}

}  // namespace
}  // namespace gt::webtest
