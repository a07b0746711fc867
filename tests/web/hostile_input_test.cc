// Hostile input, on every route of the World (world_fixture.h): guessed ids, missing and wrong
// CSRF tokens, a fixed session id, replayed invitation links, SQL-injection, markup and
// path-traversal strings in every path parameter and every form field, oversized bodies and
// uploads. Each must be refused or handled without a server error, must not show a record the
// asker may not see, and - when refused - must write nothing (every table's row count and
// largest rowid unchanged, bar the audit log and sessions; no file added to the documents store).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "store/inspect.h"
#include "store/notifications_store.h"
#include "delivery_fixture.h"
#include "store/delivery_store.h"
#include "world_fixture.h"

namespace gt::webtest {
namespace {

const std::vector<std::string> kHostile = {
    "' OR '1'='1",
    "1; DROP TABLE children; --",
    "\" OR 1=1 --",
    "1 UNION SELECT email, password_hash FROM users",
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "%00",
    "-1",
    "99999999999999999999999",
    std::string(5000, 'A'),
};

// What must never reach a person with no basis: the children's names.
const std::vector<std::string> kSecrets = {"Okafor", kCanaryName};

class HostileInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { world_ = new World(); }
  static void TearDownTestSuite() {
    delete world_;
    world_ = nullptr;
  }

  // Everything written, except what reads and sign-ins write (audit rows, sessions, throttle).
  static std::map<std::string, std::string> state() {
    world_->server.storage().flush();
    auto t = store::table_fingerprints(world_->server.storage().read());
    t.erase("audit_log");
    t.erase("sessions");
    t.erase("sign_in_throttle");
    std::size_t files = 0;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(world_->server.services().settings.documents_dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); ++it)
      files += it->is_regular_file();
    t["(document files)"] = std::to_string(files);
    return t;
  }

  static std::string url_escape(const std::string& s) { return web::url_encode(s); }

  // Fill a pattern's parameters: `hostile` for the one named, World ids for the rest.
  static std::string fill(const std::string& pattern, const std::string& param, const std::string& value) {
    World& w = *world_;
    std::string p = pattern;
    std::regex re("\\{([a-z_]+)\\*?\\}");
    std::smatch m;
    std::string out;
    auto begin = p.cbegin();
    while (std::regex_search(begin, p.cend(), m, re)) {
      out.append(begin, m[0].first);
      std::string name = m[1].str();
      std::string v;
      if (name == param) v = value;
      else if (name == "path") v = "govuk-frontend.min.css";
      else if (name == "event_id") v = std::to_string(w.event_id);
      else if (name == "placement_id") v = std::to_string(w.placement);
      else if (name == "request_id") v = std::to_string(w.request_id);
      else if (name == "cycle_id") v = std::to_string(w.cycle_id);
      else if (name == "case_id") v = std::to_string(w.case_id);
      else if (name == "organisation_id") v = std::to_string(w.ep_a);
      else if (name == "link_id") v = std::to_string(w.carer_link);
      else if (name == "user_id") v = std::to_string(w.school_leaver);
      else if (name == "review_id") v = std::to_string(w.review_id);
      else if (name == "token") v = "0";
      else if (name == "section") v = "B";
      else if (name == "element") v = w.plan_element;
      else if (name == "comment_id") v = std::to_string(w.plan_comment);
      else if (name == "id" && p.rfind("/quality/audits/", 0) == 0) v = std::to_string(w.quality_audit);
      else if (name == "id" && p.rfind("/quality/moderation/", 0) == 0) v = std::to_string(w.quality_version);
      else if (p.find("plan-versions/") != std::string::npos) v = std::to_string(w.plan_draft);
      else v = std::to_string(w.child);
      out += v;
      begin = m[0].second;
    }
    out.append(begin, p.cend());
    return out;
  }

  static World* world_;
};
World* HostileInput::world_ = nullptr;

bool leaks(const Reply& r) {
  for (const auto& s : kSecrets)
    if (r.body.find(s) != std::string::npos) return true;
  return false;
}

TEST_F(HostileInput, GuessedIdsShowNothing) {
  // Another family, another school and another EP service walk every id from 1 to 12 on every
  // route with an id: nothing of either child ever shows, and every such request is refused.
  for (const std::string persona : {"parent_b", "senco_b", "ep_b", "analyst", "admin", "anonymous"}) {
    Browser& b = world_->as(persona);
    for (const auto& r : world_->server.router().routes()) {
      if (r.method != web::Method::Get || r.pattern.find("{id}") == std::string::npos) continue;
      // Ids of children's records (not organisations, nor one's own notifications).
      if (r.pattern.rfind("/admin/", 0) == 0 || r.pattern.rfind("/notifications/", 0) == 0) continue;
      for (int id = 1; id <= 12; ++id) {
        std::string path = fill(r.pattern, "id", std::to_string(id));
        Reply reply = b.get(path);
        ASSERT_LT(reply.status, 500) << path << " as " << persona;
        EXPECT_FALSE(leaks(reply)) << path << " as " << persona << " showed a child's name";
        EXPECT_TRUE(reply.status == 404 || reply.status == 403 || reply.status == 401 || reply.status == 303)
            << path << " as " << persona << " answered " << reply.status;
      }
    }
  }
}

TEST_F(HostileInput, PostsWithoutTheRightCsrfTokenWriteNothing) {
  auto before = state();
  for (const std::string persona : {"caseworker", "parent", "senco", "ep", "admin"}) {
    Browser& b = world_->as(persona);
    for (const auto& r : world_->server.router().routes()) {
      if (r.method != web::Method::Post || r.access != web::Access::Page) continue;
      std::string path = fill(r.pattern, "", "");
      Reply missing = r.uploads ? World::post_multipart(b, path, {{"title", "x"}}, "a.pdf", "%PDF-1.4\n%%EOF\n")
                                : b.post_form(path, {{"body", "hello"}}, false);
      EXPECT_EQ(missing.status, 403) << r.name << " as " << persona << " without a token";
      Fields wrong_token{{"body", "hello"}, {"csrf_token", std::string(64, 'a')}};
      Reply wrong = r.uploads ? World::post_multipart(b, path, wrong_token, "a.pdf", "%PDF-1.4\n%%EOF\n")
                              : b.post_form(path, wrong_token, false);
      EXPECT_EQ(wrong.status, 403) << r.name << " as " << persona << " with a wrong token";
    }
    // The JSON API signed in by cookie needs the token in a header.
    Reply api = b.client.request(http::verb::post, "/api/v1/children", R"({"given_name":"X"})", "application/json",
                                 b.headers());
    EXPECT_TRUE(api.status == 403 || api.status == 401) << persona << " " << api.status;
  }
  EXPECT_EQ(state(), before);
}

TEST_F(HostileInput, AnotherSessionsTokenIsRefused) {
  // The token of the parent's session does not work for the EP's form, nor the other way round.
  Browser& parent = world_->as("parent");
  Browser& ep = world_->as("ep");
  auto before = state();
  Reply r = ep.post_form("/advice/" + std::to_string(world_->request_id) + "/decline",
                         {{"reason", "Not ours"}, {"csrf_token", parent.csrf}}, false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(state(), before);
}

TEST_F(HostileInput, ASessionIdFixedBeforeSignInIsNeverUsed) {
  std::string fixed(64, 'f');
  Browser b(world_->server.port());
  b.cookie = "gt_session=" + fixed;
  // Signing in through the pages with a planted cookie: the session is new, and the planted id
  // is not a session at all.
  auto signed_in = world_->server.sign_in_browser(world_->people["parent"].email, kPassword);
  EXPECT_NE(signed_in->cookie, "gt_session=" + fixed);
  EXPECT_FALSE(world_->server.accounts().session(fixed));
  Reply r = b.get("/family");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location").rfind("/sign-in", 0), 0u);
}

TEST_F(HostileInput, AnInvitationLinkWorksOnceAndNeverAgain) {
  // The caseworker invites Amara's grandmother; the link arrives by email.
  app::FamilyInvite invite;
  invite.email = "nana@example.org";
  invite.name = "Nana Okafor";
  invite.relationship = "parent_carer";
  invite.parental_responsibility = false;
  world_->server.services().organisations.invite_family(world_->staff, world_->child, invite, "TEST");
  std::string token;
  for (const auto& e : store::list_emails(world_->server.storage().read(), 50)) {
    std::smatch m;
    if (e.to_address == invite.email && std::regex_search(e.body, m, std::regex("/invitation/([0-9a-f]+)")))
      token = m[1].str();
  }
  ASSERT_FALSE(token.empty());
  std::string path = "/invitation/" + token;
  Browser anon(world_->server.port());
  Fields accept{{"name", "Nana Okafor"}, {"password", "a kettle of green tea every morning"}};
  Reply first = world_->post_public(anon, path, path, accept);
  EXPECT_EQ(first.status, 303) << first.body.substr(0, 500);
  auto after_first = state();
  // Replayed: by the same browser, by another, by GET and by POST - refused, nothing written.
  Browser other(world_->server.port());
  Reply again = world_->post_public(other, "/sign-in", path, accept);
  EXPECT_EQ(again.status, 410) << again.body.substr(0, 300);
  EXPECT_EQ(other.get(path).status, 410);
  EXPECT_EQ(state(), after_first);
  // A made-up token is refused the same way.
  EXPECT_EQ(other.get("/invitation/" + std::string(64, '0')).status, 410);
}

TEST_F(HostileInput, HostilePathParametersAreNotFound) {
  auto before = state();
  Browser& staff = world_->as("caseworker");
  Browser& parent = world_->as("parent");
  for (const auto& r : world_->server.router().routes()) {
    std::regex re("\\{([a-z_]+)\\*?\\}");
    for (auto it = std::sregex_iterator(r.pattern.begin(), r.pattern.end(), re); it != std::sregex_iterator(); ++it) {
      std::string param = (*it)[1].str();
      for (const auto& h : kHostile) {
        std::string path = fill(r.pattern, param, url_escape(h));
        for (Browser* b : {&staff, &parent}) {
          Reply reply = r.method == web::Method::Get ? b->get(path)
                        : r.uploads ? World::post_multipart(*b, path, {{"csrf_token", b->csrf}})
                                    : b->post_form(path, {});
          ASSERT_LT(reply.status, 500) << r.name << " {" << param << "} = " << h.substr(0, 40);
          if (param != "token" && param != "path")
            EXPECT_TRUE(reply.status == 404 || reply.status == 400 || reply.status == 403)
                << r.name << " {" << param << "} = " << h.substr(0, 40) << " answered " << reply.status;
          EXPECT_EQ(reply.body.find("root:x:0:0"), std::string::npos);
        }
      }
    }
  }
  EXPECT_EQ(state(), before);
}

TEST_F(HostileInput, HostileValuesInEveryFormFieldAreRefusedOrKeptAsText) {
  // Each persona fills every field of every form it may use with each hostile string. A refusal
  // writes nothing; nothing is ever echoed as markup; the database stays sound.
  std::regex field_re("name=\"([a-zA-Z0-9_\\-]+)\"");
  std::set<std::string> exercised;
  for (const std::string persona : {"caseworker", "parent", "senco", "ep", "admin"}) {
    Browser& b = world_->as(persona);
    for (const auto& r : world_->server.router().routes()) {
      if (r.method != web::Method::Post || r.access != web::Access::Page) continue;
      if (r.name == "POST /sign-out" || r.name.find("withdraw") != std::string::npos ||
          r.name.find("/remove") != std::string::npos || r.name.find("/end") != std::string::npos)
        continue;  // no fields to fill: what they do is covered by the matrix
      std::string path = fill(r.pattern, "", "");
      // The form is on the same path, on ".../new", or on the page above it.
      std::string above = path.substr(0, path.rfind('/'));
      Reply form;
      for (const std::string& candidate :
           {path, path + "/new", path + "/new?type=decision_to_issue", above, above + "/new"}) {
        form = b.get(candidate);
        if (form.status == 200 && form.body.find("<form") != std::string::npos) break;
      }
      if (form.status != 200) continue;  // not this persona's form
      exercised.insert(r.name);
      std::set<std::string> fields;
      for (auto it = std::sregex_iterator(form.body.begin(), form.body.end(), field_re); it != std::sregex_iterator(); ++it)
        if ((*it)[1].str() != "csrf_token") fields.insert((*it)[1].str());
      for (const auto& h : kHostile) {
        Fields f;
        for (const auto& name : fields) f.emplace_back(name, h);
        auto before = state();
        Reply reply = b.post_form(path, f);
        ASSERT_LT(reply.status, 500) << r.name << " as " << persona << " with " << h.substr(0, 40);
        EXPECT_EQ(reply.body.find("<script>alert(1)</script>"), std::string::npos) << r.name << " echoed markup";
        EXPECT_EQ(reply.body.find("<img src=x onerror"), std::string::npos) << r.name << " echoed markup";
        if (reply.status >= 400) EXPECT_EQ(state(), before) << r.name << " as " << persona << " refused but wrote";
      }
    }
  }
  std::string missed;
  for (const auto& r : world_->server.router().routes())
    if (r.method == web::Method::Post && r.access == web::Access::Page && !exercised.count(r.name)) missed += " " + r.name;
  EXPECT_GE(exercised.size(), 35u) << "the forms were not found: the test would prove nothing. Not exercised:" << missed;
  EXPECT_EQ(store::integrity_check(world_->server.storage().read()), "ok");
  auto t = store::table_fingerprints(world_->server.storage().read());
  EXPECT_TRUE(t.count("children") && t.count("users") && t.count("case_events")) << "a table was dropped";
}

TEST_F(HostileInput, OversizedBodiesAndUploadsAreRefusedWithoutWriting) {
  auto before = state();
  Browser& staff = world_->as("caseworker");
  // An ordinary form far over the 64 KiB limit.
  Reply big = staff.post_form("/children/" + std::to_string(world_->child) + "/messages",
                              {{"body", std::string(200 * 1024, 'x')}});
  EXPECT_EQ(big.status, 413);
  // An upload over the limit, to every upload form.
  std::string boundary = "----gtboundary";
  // Far over the limit: refused while reading (413). Just over: refused by the upload rule (422).
  std::string file(world_->server.services().settings.max_upload_bytes + 1024 * 1024, 'A');
  file.replace(0, 8, "%PDF-1.4");
  for (const auto& [persona, path] :
       std::vector<std::pair<std::string, std::string>>{
           {"caseworker", "/children/" + std::to_string(world_->child) + "/documents/new"},
           {"parent", "/family/children/" + std::to_string(world_->child) + "/documents/new"},
           {"senco", "/school/pupils/" + std::to_string(world_->child) + "/documents/new"},
           {"ep", "/advice/" + std::to_string(world_->request_id) + "/documents/new"}}) {
    Browser& b = world_->as(persona);
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + b.csrf +
                       "\r\n--" + boundary +
                       "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                       "Content-Type: application/pdf\r\n\r\n" +
                       file + "\r\n--" + boundary + "--\r\n";
    // Raw bytes: the server answers 413 from the header and closes before the body has arrived.
    std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + b.cookie +
                          "\r\nContent-Type: multipart/form-data; boundary=" + boundary +
                          "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    std::string answer = raw_exchange(world_->server.port(), request, 5000);
    Reply r;
    r.status = answer.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(answer.substr(9, 3)) : 0;
    EXPECT_EQ(r.status, 413) << path << " as " << persona;
    std::string just_over(world_->server.services().settings.max_upload_bytes + 1, 'A');
    just_over.replace(0, 8, "%PDF-1.4");
    Reply near = World::post_multipart(b, path, {{"csrf_token", b.csrf}}, "big.pdf", just_over);
    EXPECT_TRUE(near.status == 413 || near.status == 422) << path << " as " << persona << ": " << near.status;
  }
  EXPECT_EQ(state(), before);
}

TEST_F(HostileInput, AssetPathsCannotLeaveTheAssetsDirectory) {
  Browser& anon = world_->as("anonymous");
  for (const std::string p : {"/assets/../../../../etc/passwd", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                              "/assets/..%2f..%2f..%2f..%2fetc%2fpasswd", "/assets/%252e%252e/etc/passwd",
                              "/assets/images/../../../../../etc/passwd", "/assets/%00"}) {
    Reply r = anon.get(p);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << p << " answered " << r.status;
    EXPECT_EQ(r.body.find("root:x:0:0"), std::string::npos) << p;
  }
}

TEST_F(HostileInput, DeliveryFormsRefuseHostileValuesAndWriteNothing) {
  // The World has no plan in force, so the record and correction forms are exercised here on a
  // pupil of School A with one (delivery_fixture.h): every field of each form, as the SENCO and
  // the council, with each hostile string.
  auto& app = world_->server.services();
  Child c;
  c.given_name = "Dara";
  c.family_name = "Provisionfield";
  c.date_of_birth = *Date::parse("2016-03-03");
  c.sex = "F";
  c.ethnicity = "WBRI";
  c.upn_unknown = "UN2";
  std::int64_t pupil = app.casework.create_child(world_->staff, c, "TEST").id;
  Placement p;
  p.setting_type = "mainstream_la";
  p.urn = "100001";
  p.name = "School A";
  p.entry_date = *Date::parse("2021-09-01");
  app.casework.add_placement(world_->staff, pupil, p, "TEST");
  auto plan = make_plan_in_force(app, world_->staff, pupil, world_->ep_a);
  std::string base = "/delivery/cases/" + std::to_string(plan.case_id);
  DeliveryInput in;
  in.element_id = plan.phonics;
  in.from = *Date::parse("2026-11-02");
  in.to = *Date::parse("2026-11-13");
  in.sessions_delivered = 10;
  in.delivered_by_role = "teaching assistant";
  auto record = app.delivery.record(world_->people["senco"], plan.case_id, in, "TEST");
  std::string correct = base + "/records/" + std::to_string(record.id) + "/correct";
  std::regex field_re("name=\"([a-zA-Z0-9_\\-]+)\"");
  int exercised = 0;
  for (const std::string persona : {"senco", "caseworker"}) {
    Browser& b = world_->as(persona);
    for (const auto& [form_path, post_path] : std::vector<std::pair<std::string, std::string>>{
             {base + "/record", base + "/record"}, {correct, correct}}) {
      Reply form = b.get(form_path);
      ASSERT_EQ(form.status, 200) << form_path << " as " << persona;
      std::set<std::string> fields;
      for (auto it = std::sregex_iterator(form.body.begin(), form.body.end(), field_re); it != std::sregex_iterator(); ++it)
        if ((*it)[1].str() != "csrf_token") fields.insert((*it)[1].str());
      ASSERT_GE(fields.size(), 10u) << form_path;
      ++exercised;
      for (const auto& h : kHostile) {
        Fields f;
        for (const auto& name : fields) f.emplace_back(name, h);
        auto before = state();
        Reply reply = b.post_form(post_path, f);
        ASSERT_LT(reply.status, 500) << post_path << " as " << persona << " with " << h.substr(0, 40);
        EXPECT_GE(reply.status, 400) << post_path << " accepted " << h.substr(0, 40);
        EXPECT_EQ(reply.body.find("<script>alert(1)</script>"), std::string::npos) << post_path << " echoed markup";
        EXPECT_EQ(reply.body.find("<img src=x onerror"), std::string::npos) << post_path << " echoed markup";
        EXPECT_EQ(state(), before) << post_path << " as " << persona << " refused but wrote";
      }
    }
  }
  EXPECT_EQ(exercised, 4);
  EXPECT_EQ(store::delivery_records_of_case(world_->server.storage().read(), plan.case_id).size(), 1u);
}

}  // namespace
}  // namespace gt::webtest
