// The authorisation matrix: every route, visited as every persona of the World (world_fixture.h) -
// with the relationship (Amara's parent, her school's SENCO, the EP service asked for advice) and
// without it (another parent, another school, another EP service) - and the exact set of personas
// allowed asserted. Allowed means the route did its work or refused the input (2xx, a redirect
// other than to sign-in, 400/409/410/413/415/422); denied means 401, 403, 404 or a redirect to
// sign-in. A server error fails the test whoever asked.
//
// The table below is the specification. A route added without an entry fails
// EveryRouteIsInTheMatrix; an entry for a route that no longer exists fails too.
// POSTs are sent with an empty form (plus the CSRF token) so that allowed personas see a
// validation answer and nothing is written; routes whose empty POST changes something are run
// last (kRunLast) so they cannot disturb the others.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "world_fixture.h"

namespace gt::webtest {
namespace {

using Set = std::set<std::string>;

const Set kEveryone(kPersonas.begin(), kPersonas.end());
const Set kSignedIn = [] {
  Set s = kEveryone;
  s.erase("anonymous");
  return s;
}();
const Set kStaff{"caseworker", "manager"};
const Set kNobody{};

// Route name -> the personas allowed.
const std::map<std::string, Set>& matrix() {
  static const std::map<std::string, Set> m = {
      // Signing in and out, invitations and resets: public.
      {"GET /sign-in", kEveryone},
      {"POST /sign-in", kEveryone},
      {"POST /sign-out", kSignedIn},
      {"GET /sign-in/two-factor", kSignedIn},
      {"POST /sign-in/two-factor", kSignedIn},
      {"GET /forgot-password", kEveryone},
      {"POST /forgot-password", kEveryone},
      {"GET /forgot-password/sent", kEveryone},
      {"GET /invitation/{token}", kEveryone},
      {"POST /invitation/{token}", kEveryone},
      {"GET /assets/{path*}", kEveryone},
      {"GET /api/v1/openapi.json", kEveryone},
      {"POST /api/v1/session", kEveryone},
      {"DELETE /api/v1/session", kSignedIn},
      // Everyone signed in starts at "/" (a redirect to their own home but for staff).
      {"GET /", kSignedIn},
      {"GET /notifications", kSignedIn},
      {"POST /notifications/read-all", kSignedIn},
      {"POST /notifications/{id}/read", {"parent"}},
      {"GET /figures", {"caseworker", "manager", "analyst"}},
      // Your own account; the council administrator's organisations and staff; an organisation
      // administrator's own members (School A's SENCO and EP Service A's psychologist are theirs).
      {"GET /account", kSignedIn},
      {"POST /account/password", kSignedIn},
      {"GET /admin/organisations", {"admin"}},
      {"GET /admin/organisations/new", {"admin"}},
      {"POST /admin/organisations", {"admin"}},
      {"GET /admin/organisations/{id}", {"admin"}},
      {"POST /admin/organisations/{id}/invitations", {"admin"}},
      {"POST /admin/organisations/{id}/members/{user_id}/remove", {"admin"}},
      {"GET /admin/staff", {"admin"}},
      {"POST /admin/staff/invitations", {"admin"}},
      {"POST /admin/staff/{user_id}/remove", {"admin"}},
      {"GET /organisation", {"senco", "ep"}},
      {"POST /organisation/invitations", {"senco", "ep"}},
      {"POST /organisation/members/{user_id}/remove", {"senco"}},
      // A child's family accounts, council side.
      {"GET /children/{id}/family", kStaff},
      {"POST /children/{id}/family/invitations", kStaff},
      {"POST /children/{id}/family/links/{link_id}/end", kStaff},
      {"POST /children/{id}/family/links/{link_id}/acting", kStaff},
      // The council's casework: staff only.
      {"GET /api/v1/caseload", kStaff},
      {"POST /api/v1/cases", kStaff},
      {"GET /api/v1/cases/{id}", kStaff},
      {"GET /api/v1/cases/{id}/deadlines", kStaff},
      {"GET /api/v1/cases/{id}/events", kStaff},
      {"POST /api/v1/cases/{id}/events", kStaff},
      {"POST /api/v1/cases/{id}/events/{event_id}/supersede", kStaff},
      {"GET /api/v1/children", kStaff},
      {"POST /api/v1/children", kStaff},
      {"POST /api/v1/children/search", kStaff},
      {"GET /api/v1/children/{id}", kStaff},
      {"POST /api/v1/children/{id}/needs", kStaff},
      {"POST /api/v1/children/{id}/placements", kStaff},
      {"POST /api/v1/children/{id}/placements/{placement_id}/end", kStaff},
      {"GET /cases/{id}", kStaff},
      {"POST /cases/{id}/events", kStaff},
      {"GET /cases/{id}/events/new", kStaff},
      {"GET /cases/{id}/events/{event_id}/correct", kStaff},
      {"POST /cases/{id}/events/{event_id}/correct", kStaff},
      {"GET /children", kStaff},
      {"POST /children", kStaff},
      {"GET /children/new", kStaff},
      {"POST /children/search", kStaff},
      {"GET /children/{id}", kStaff},
      {"POST /children/{id}/cases", kStaff},
      {"GET /children/{id}/needs", kStaff},
      {"POST /children/{id}/needs", kStaff},
      {"GET /children/{id}/placements/new", kStaff},
      {"POST /children/{id}/placements/new", kStaff},
      {"GET /children/{id}/placements/{placement_id}/end", kStaff},
      {"POST /children/{id}/placements/{placement_id}/end", kStaff},
      {"GET /children/{id}/messages", kStaff},
      {"POST /children/{id}/messages", kStaff},
      // Consent and overrides recorded by the council.
      {"GET /children/{id}/sharing", kStaff},
      {"GET /children/{id}/sharing/consent", kStaff},
      {"POST /children/{id}/sharing/consent", kStaff},
      {"GET /children/{id}/sharing/{organisation_id}/withdraw", kStaff},
      {"POST /children/{id}/sharing/{organisation_id}/withdraw", kStaff},
      {"GET /children/{id}/sharing/override", kStaff},
      {"POST /children/{id}/sharing/override", kStaff},
      // Asking for advice (the council).
      {"GET /cases/{id}/advice/new", kStaff},
      {"POST /cases/{id}/advice", kStaff},
      {"GET /cases/{id}/advice/{request_id}", kStaff},
      {"GET /cases/{id}/advice/{request_id}/reuse", kStaff},
      {"POST /cases/{id}/advice/{request_id}/reuse", kStaff},
      {"GET /cases/{id}/advice/{request_id}/withdraw", kStaff},
      {"POST /cases/{id}/advice/{request_id}/withdraw", kStaff},
      // The advice giver: the inbox is any advice giver's (their organisation's requests); a
      // request only the organisation asked.
      {"GET /advice", {"ep", "ep_b"}},
      {"GET /advice/{id}", {"ep"}},
      {"GET /advice/{id}/submit", {"ep"}},
      {"POST /advice/{id}/submit", {"ep"}},
      {"GET /advice/{id}/decline", {"ep"}},
      {"POST /advice/{id}/decline", {"ep"}},
      {"GET /advice/{id}/reuse", {"ep"}},
      {"POST /advice/{id}/reuse", {"ep"}},
      // The family: their list is any family member's; a child's pages only her parent's.
      {"GET /family", {"parent", "parent_b", "young_person"}},
      {"GET /family/children/{id}", {"parent"}},
      {"GET /family/children/{id}/about-me", {"parent"}},
      {"POST /family/children/{id}/about-me", {"parent"}},
      {"GET /family/children/{id}/access-log", {"parent"}},
      {"GET /family/children/{id}/messages", {"parent"}},
      {"POST /family/children/{id}/messages", {"parent"}},
      {"GET /family/children/{id}/sharing", {"parent"}},
      {"GET /family/children/{id}/sharing/consent", {"parent"}},
      {"POST /family/children/{id}/sharing/consent", {"parent"}},
      {"GET /family/children/{id}/sharing/{organisation_id}/withdraw", {"parent"}},
      {"POST /family/children/{id}/sharing/{organisation_id}/withdraw", {"parent"}},
      {"GET /family/advice-reuse/{id}", {"parent"}},
      {"POST /family/advice-reuse/{id}", {"parent"}},
      {"GET /family/contact", kSignedIn},
      {"POST /family/contact", kSignedIn},
      // Schools: the list is any SENCO's; a pupil's pages only her school's.
      {"GET /school", {"senco", "senco_b"}},
      {"POST /school", {"senco", "senco_b"}},
      {"GET /school/pupils/new", {"senco", "senco_b"}},
      {"POST /school/pupils", {"senco", "senco_b"}},
      {"GET /school/pupils/{id}", {"senco"}},
      {"GET /school/pupils/{id}/support", {"senco"}},
      {"POST /school/pupils/{id}/support", {"senco"}},
      {"GET /school/pupils/{id}/cycles/new", {"senco"}},
      {"POST /school/pupils/{id}/cycles", {"senco"}},
      {"GET /school/pupils/{id}/cycles/{cycle_id}/review", {"senco"}},
      {"POST /school/pupils/{id}/cycles/{cycle_id}/review", {"senco"}},
      {"GET /school/pupils/{id}/request-assessment", {"senco"}},
      {"POST /school/pupils/{id}/request-assessment", {"senco"}},
      {"GET /school/pupils/{id}/reviews/{case_id}", {"senco"}},
      {"POST /school/pupils/{id}/reviews/{case_id}", {"senco"}},
      // Documents: each side uploads where it works; a document shared with the family and with
      // professionals is seen by the council, the parent, the school on roll and the EP asked.
      {"GET /children/{id}/documents", kStaff},
      {"GET /children/{id}/documents/new", kStaff},
      {"POST /children/{id}/documents/new", kStaff},
      {"GET /family/children/{id}/documents", {"parent"}},
      {"GET /family/children/{id}/documents/new", {"parent"}},
      {"POST /family/children/{id}/documents/new", {"parent"}},
      {"GET /school/pupils/{id}/documents", {"senco"}},
      {"GET /school/pupils/{id}/documents/new", {"senco"}},
      {"POST /school/pupils/{id}/documents/new", {"senco"}},
      {"GET /advice/{id}/documents", {"ep"}},
      {"GET /advice/{id}/documents/new", {"ep"}},
      {"POST /advice/{id}/documents/new", {"ep"}},
      {"GET /documents/{id}", {"caseworker", "manager", "parent", "senco", "ep"}},
      {"GET /documents/{id}/sharing", kStaff},
      {"POST /documents/{id}/sharing", kStaff},
      // Annual and phase-transfer reviews (page_review.cc): the council's lists and pages; the school
      // on roll plans the meeting, invites, records it and sends the report; only the council decides.
      {"GET /reviews", kStaff},
      {"GET /reviews/phase-transfers", kStaff},
      {"GET /cases/{id}/reviews", kStaff},
      {"GET /cases/{id}/reviews/new", kStaff},
      {"POST /cases/{id}/reviews/new", kStaff},
      {"GET /reviews/{review_id}", kStaff},
      {"POST /reviews/{review_id}/invitations", kStaff},
      {"POST /reviews/{review_id}/papers", kStaff},
      {"POST /reviews/{review_id}/report", kStaff},
      {"GET /reviews/{review_id}/meeting", kStaff},
      {"POST /reviews/{review_id}/meeting", kStaff},
      {"GET /reviews/{review_id}/decision", kStaff},
      {"POST /reviews/{review_id}/decision", kStaff},
      {"GET /school/pupils/{id}/annual-reviews", {"senco"}},
      {"GET /school/pupils/{id}/annual-reviews/new", {"senco"}},
      {"POST /school/pupils/{id}/annual-reviews/new", {"senco"}},
      {"GET /school/reviews/{review_id}", {"senco"}},
      {"POST /school/reviews/{review_id}/invitations", {"senco"}},
      {"POST /school/reviews/{review_id}/papers", {"senco"}},
      {"POST /school/reviews/{review_id}/report", {"senco"}},
      {"GET /school/reviews/{review_id}/meeting", {"senco"}},
      {"POST /school/reviews/{review_id}/meeting", {"senco"}},
      // EHC plans: the council writes and issues; an issued version is read by everyone with a
      // basis to read the plan (council, the family, the school on roll; not the EP asked for
      // advice); the family comments on the draft.
      {"GET /cases/{id}/plan", kStaff},
      {"POST /cases/{id}/plan/start", kStaff},
      {"POST /cases/{id}/plan/discard", kStaff},
      {"POST /cases/{id}/plan/comments/{comment_id}/respond", kStaff},
      {"GET /cases/{id}/plan/issue", kStaff},
      {"POST /cases/{id}/plan/issue", kStaff},
      {"GET /cases/{id}/plan/sections/{section}", kStaff},
      {"GET /cases/{id}/plan/sections/{section}/new", kStaff},
      {"POST /cases/{id}/plan/sections/{section}/new", kStaff},
      {"GET /cases/{id}/plan/elements/{element}", kStaff},
      {"POST /cases/{id}/plan/elements/{element}", kStaff},
      {"POST /cases/{id}/plan/elements/{element}/remove", kStaff},
      {"GET /plan-versions/{id}", {"caseworker", "manager", "parent", "senco"}},
      {"GET /plan-versions/{id}/compare", {"caseworker", "manager", "parent", "senco"}},
      // The version as PDF (page_plan_pdf.cc): read through Plans::version, the same people as the HTML.
      {"GET /plan-versions/{id}/pdf", {"caseworker", "manager", "parent", "senco"}},
      {"GET /family/plan-versions/{id}", {"parent"}},
      {"POST /family/plan-versions/{id}/comments", {"parent"}},
      {"POST /family/plan-versions/{id}/nothing-to-add", {"parent"}},
      {"GET /api/v1/cases/{id}/plan", kStaff},
      {"GET /api/v1/plan-versions/{id}", {"caseworker", "manager", "parent", "senco"}},
      // Provision delivered (page_delivery.cc). The World has no plan in force: the record forms
      // answer 409 to those who may record (the council, the school on roll) and there is no
      // record to correct; delivery_pages_test.cc and tests/app/delivery_test.cc cover who records
      // and corrects what once a plan is in force (named providers, another school, the family).
      {"GET /delivery", {"caseworker", "manager", "senco", "senco_b", "ep", "ep_b"}},
      {"GET /delivery/shortfalls", kStaff},
      {"GET /delivery/cases/{id}", {"caseworker", "manager", "senco"}},
      {"GET /delivery/cases/{id}/record", {"caseworker", "manager", "senco"}},
      {"POST /delivery/cases/{id}/record", {"caseworker", "manager", "senco"}},
      {"GET /delivery/cases/{id}/records/{record_id}/correct", kNobody},
      {"POST /delivery/cases/{id}/records/{record_id}/correct", kNobody},
      {"GET /family/children/{id}/delivery", {"parent"}},
      // Quality of plans (page_quality.cc): council staff and advice givers reach /quality (an EP
      // service's psychologist has no audits: an empty list); the framework is edited, audits
      // assigned and moderations recorded by the team manager (the framework and teams also by the
      // administrator); only the assigned auditor (the caseworker) grades; analysts see results.
      {"GET /quality", {"caseworker", "manager", "ep", "ep_b"}},
      {"GET /quality/framework", {"caseworker", "manager", "admin"}},
      {"GET /quality/framework/edit", {"manager", "admin"}},
      {"POST /quality/framework/edit", {"manager", "admin"}},
      {"GET /quality/audits/new", {"manager"}},
      {"POST /quality/audits", {"manager"}},
      {"GET /quality/audits/{id}", kStaff},
      {"POST /quality/audits/{id}", {"caseworker"}},
      {"GET /quality/moderation/{id}", kStaff},
      {"POST /quality/moderation/{id}", {"manager"}},
      {"GET /quality/results", {"caseworker", "manager", "analyst"}},
      {"GET /quality/teams", {"manager", "admin"}},
      {"POST /quality/teams", {"manager", "admin"}},
      // Ceasing a plan (page_cease.cc): the council proposes, decides and ends it; Amara's parent
      // and her school's SENCO see the proposal and respond (another family or school: 404).
      {"GET /cases/{id}/cease", kStaff},
      {"POST /cases/{id}/cease/propose", kStaff},
      {"POST /cases/{id}/cease/decide", kStaff},
      {"POST /cases/{id}/cease/end", kStaff},
      {"GET /family/children/{id}/cease/{case_id}", {"parent"}},
      {"POST /family/children/{id}/cease/{case_id}", {"parent"}},
      {"GET /school/pupils/{id}/cease/{case_id}", {"senco"}},
      {"POST /school/pupils/{id}/cease/{case_id}", {"senco"}},
  };
  return m;
}

// Routes whose empty POST changes something for everyone after: run after all the others.
const Set kRunLast = {"POST /sign-out", "DELETE /api/v1/session", "POST /cases/{id}/advice/{request_id}/withdraw",
                      "POST /family/children/{id}/sharing/{organisation_id}/withdraw",
                      "POST /children/{id}/sharing/{organisation_id}/withdraw",
                      "POST /admin/organisations/{id}/members/{user_id}/remove", "POST /admin/staff/{user_id}/remove",
                      "POST /organisation/members/{user_id}/remove", "POST /children/{id}/family/links/{link_id}/end"};

class AuthorisationMatrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { world_ = new World(); }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }

  // The route's pattern with every parameter filled from the World, as the persona would ask.
  static std::string path_for(const web::Route& r) {
    World& w = *world_;
    std::string p = r.pattern;
    auto starts = [&](const char* prefix) { return p.rfind(prefix, 0) == 0; };
    std::string id;
    if (starts("/cases/") || starts("/api/v1/cases/") || starts("/delivery/cases/")) id = std::to_string(w.case_id);
    else if (starts("/advice/") || starts("/family/advice-reuse/")) id = std::to_string(w.request_id);
    else if (starts("/documents/")) id = std::to_string(w.document_id);
    else if (starts("/plan-versions/") || starts("/family/plan-versions/") || starts("/api/v1/plan-versions/"))
      id = std::to_string(w.plan_draft);
    else if (starts("/quality/audits/")) id = std::to_string(w.quality_audit);
    else if (starts("/quality/moderation/")) id = std::to_string(w.quality_version);
    else if (starts("/notifications/")) id = std::to_string(parent_notification());
    else if (starts("/admin/organisations/")) id = std::to_string(w.school_a);
    else id = std::to_string(w.child);
    auto replace = [&](const std::string& name, const std::string& value) {
      for (auto at = p.find(name); at != std::string::npos; at = p.find(name)) p.replace(at, name.size(), value);
    };
    replace("{id}", id);
    replace("{event_id}", std::to_string(w.event_id));
    replace("{placement_id}", std::to_string(w.placement));
    replace("{request_id}", std::to_string(w.request_id));
    replace("{cycle_id}", std::to_string(w.cycle_id));
    replace("{case_id}", std::to_string(w.case_id));
    replace("{organisation_id}", std::to_string(w.ep_a));
    replace("{link_id}", std::to_string(w.carer_link));
    replace("{user_id}", std::to_string(starts("/admin/staff/") ? w.staff_leaver : w.school_leaver));
    replace("{path*}", "govuk-frontend.min.css");
    replace("{section}", "B");
    replace("{element}", w.plan_element);
    replace("{comment_id}", std::to_string(w.plan_comment));
    replace("{review_id}", std::to_string(w.review_id));
    replace("{token}", w.invitation_token);
    return p;
  }

  static std::int64_t parent_notification() {
    static std::int64_t id = [] {
      auto rows = store::notifications_of_user(world_->server.storage().read(), world_->people["parent"].user_id, 1);
      return rows.empty() ? std::int64_t{0} : rows.front().id;
    }();
    return id;
  }

  static bool denied(const web::Route& route, const std::string& persona, const Reply& r) {
    if (r.status == 401 || r.status == 403 || r.status == 404) return true;
    if (route.name == "POST /sign-out" && persona != "anonymous") return false;  // it ends at the sign-in page
    return r.status == 303 && r.header("location").rfind("/sign-in", 0) == 0;
  }

  static Reply visit(const web::Route& r, const std::string& persona) {
    Browser& b = world_->as(persona);
    std::string path = path_for(r);
    bool api = path.rfind("/api/", 0) == 0;
    auto headers = b.headers();
    switch (r.method) {
      case web::Method::Get:
        return b.client.request(http::verb::get, path, "", "", headers);
      case web::Method::Delete:
        headers["x-csrf-token"] = b.csrf;
        return b.client.request(http::verb::delete_, path, "", "", headers);
      default:
        if (api) {
          headers["x-csrf-token"] = b.csrf;
          return b.client.request(http::verb::post, path, "{}", "application/json", headers);
        }
        if (r.uploads) return World::post_multipart(b, path, {{"csrf_token", b.csrf}});
        if (r.access == web::Access::Public) {
          std::string form = path.rfind("/invitation/", 0) == 0 ? path : path == "/sign-in" ? "/sign-in" : path;
          return world_->post_public(b, form, path, {});
        }
        return b.post_form(path, {});
    }
  }

  static World* world_;
};
World* AuthorisationMatrix::world_ = nullptr;

TEST_F(AuthorisationMatrix, EveryRouteIsInTheMatrix) {
  std::set<std::string> routes;
  for (const auto& r : world_->server.router().routes()) {
    routes.insert(r.name);
    EXPECT_TRUE(matrix().count(r.name)) << "route " << r.name
                                        << " has no entry in the authorisation matrix: say who may use it";
  }
  for (const auto& [name, _] : matrix()) EXPECT_TRUE(routes.count(name)) << "the matrix names a route that is gone: " << name;
}

TEST_F(AuthorisationMatrix, EachRouteAllowsExactlyItsPersonas) {
  std::vector<const web::Route*> order;
  for (const auto& r : world_->server.router().routes())
    if (matrix().count(r.name)) order.push_back(&r);
  std::stable_partition(order.begin(), order.end(), [](const web::Route* r) { return !kRunLast.count(r->name); });
  for (const web::Route* r : order) {
    const Set& allowed = matrix().at(r->name);
    for (const auto& persona : kPersonas) {
      Reply reply = visit(*r, persona);
      ASSERT_LT(reply.status, 500) << r->name << " as " << persona << ": " << reply.body.substr(0, 400);
      bool was_allowed = !denied(*r, persona, reply);
      EXPECT_EQ(was_allowed, allowed.count(persona) == 1)
          << r->name << " as " << persona << " answered " << reply.status << " " << reply.header("location")
          << (allowed.count(persona) ? " (should be allowed)" : " (should be denied)");
    }
  }
}

TEST_F(AuthorisationMatrix, NobodyButStaffEverSeesTheCanary) {
  // Every GET page, as every persona but staff: the unrelated child's name never appears.
  for (const auto& r : world_->server.router().routes()) {
    if (r.method != web::Method::Get || r.name == "GET /assets/{path*}") continue;
    for (const auto& persona : kPersonas) {
      if (kStaff.count(persona)) continue;
      Reply reply = visit(r, persona);
      EXPECT_EQ(reply.body.find(kCanaryName), std::string::npos) << r.name << " as " << persona;
    }
  }
}

}  // namespace
}  // namespace gt::webtest
