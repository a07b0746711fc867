// Account pages through the real server: sign-in in two steps (the session token rotates at each;
// a cookie planted before sign-in is ended - no session fixation), a pending session reaches
// nothing but the two-factor page, CSRF on the sign-in form itself, throttling with a clear
// message, the same answer for an unknown email and a wrong password, setting up an authenticator
// app, invitation and reset links (a replay is 410 and writes nothing), the forgotten-password
// page's single answer, organisation administrators (their own members only; removal signs the
// member out at once), your account page and a child's family accounts. Each test has its own
// server (throttling counts per database).
#include <gtest/gtest.h>

#include <regex>

#include "app/access.h"
#include "store/audit_store.h"
#include "web/auth.h"
#include "store/children_store.h"
#include "store/notifications_store.h"
#include "store/users_store.h"
#include "web_test_support.h"

namespace gt::webtest {
namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

class AccountPagesTest : public ::testing::Test {
 protected:
  void SetUp() override { server = std::make_unique<TestServer>(); }

  // POSTs the sign-in form; the reply keeps the cookies it sets.
  Reply sign_in_form(Client& c, const std::string& email, const std::string& password,
                     const std::string& extra_cookie = "") {
    return post_public_form(c, "/sign-in", {{"email", email}, {"password", password}}, extra_cookie);
  }
  // POSTs a link's form again, as a browser that kept the page open would (the pre-session token
  // is taken from the sign-in page, since a used link's page no longer shows the form).
  Reply post_replay(Client& c, const std::string& path, Fields fields) {
    PreSessionForm f = pre_session_form(c, "/sign-in");
    fields.emplace_back("csrf_token", f.csrf);
    return c.request(http::verb::post, path, encode_form(fields), "application/x-www-form-urlencoded",
                     {{"cookie", f.cookie}});
  }
  std::string invitation_token(const std::string& to) {
    for (const auto& e : store::list_emails(server->storage().read(), 1000)) {
      std::smatch m;
      if (e.to_address == to && std::regex_search(e.body, m, std::regex("/invitation/([0-9a-f]{64})")))
        return m[1].str();
    }
    return "";
  }
  std::int64_t user_count() { return static_cast<std::int64_t>(store::list_users(server->storage().read()).size()); }
  std::int64_t audit_rows() {
    server->storage().flush();
    return store::audit_count(server->storage().read());
  }
  std::int64_t add_child(const std::string& dob) {
    return server->storage().write([&](store::Database& db) {
      store::ChildRow c;
      c.given_name = "Amara";
      c.family_name = "Pagechild";
      c.date_of_birth = dob;
      c.sex = "F";
      c.ethnicity = "WBRI";
      c.upn_unknown = "UN1";
      return store::insert_child(db, c, server->staff().user_id);
    });
  }

  std::unique_ptr<TestServer> server;
};

TEST_F(AccountPagesTest, SignInRotatesTheTokenTwiceAndEndsAPlantedSession) {
  // An attacker's session cookie planted in the victim's browser before sign-in...
  app::Session planted = server->full_session(kEmail, kPassword);
  Client b(server->port());
  Reply r = sign_in_form(b, kEmail, kPassword, "gt_session=" + planted.token);
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/sign-in/two-factor");
  std::string pending = set_cookie_value(r, "gt_session");
  ASSERT_EQ(pending.size(), 64u);
  EXPECT_NE(pending, planted.token) << "a new token, never the one sent";
  EXPECT_FALSE(server->accounts().session(planted.token)) << "...is ended by the sign-in";
  EXPECT_TRUE(contains(r.header("set-cookie"), "gt_presession=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"));
  EXPECT_TRUE(contains(r.header("set-cookie"), "HttpOnly; SameSite=Strict; Path=/; Max-Age=600"))
      << "the pending session's cookie lasts 10 minutes";

  std::map<std::string, std::string> cookie{{"cookie", "gt_session=" + pending}};
  Reply form = b.request(http::verb::get, "/sign-in/two-factor", "", "", cookie);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "Enter the code from your authenticator app"));
  EXPECT_FALSE(contains(form.body, "Caseload")) << "no navigation before the second step";
  std::string csrf = csrf_in(form.body);
  Reply done = b.request(http::verb::post, "/sign-in/two-factor",
                         encode_form({{"code", server->totp_code_for(kEmail)}, {"csrf_token", csrf}}),
                         "application/x-www-form-urlencoded", cookie);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.header("location"), "/");
  std::string full = set_cookie_value(done, "gt_session");
  ASSERT_EQ(full.size(), 64u);
  EXPECT_NE(full, pending);
  EXPECT_TRUE(contains(done.header("set-cookie"), "Max-Age=43200"));
  EXPECT_EQ(b.request(http::verb::get, "/", "", "", cookie).status, 303) << "the pending token no longer works";
  Reply home = b.request(http::verb::get, "/", "", "", {{"cookie", "gt_session=" + full}});
  EXPECT_EQ(home.status, 200);
  EXPECT_TRUE(contains(home.body, "Signed in as Casey Worker"));
}

TEST_F(AccountPagesTest, APendingSessionReachesNothingButTheTwoFactorPage) {
  Client b(server->port());
  Reply r = sign_in_form(b, kEmail, kPassword);
  std::string token = set_cookie_value(r, "gt_session");
  std::map<std::string, std::string> cookie{{"cookie", "gt_session=" + token}};
  std::string csrf = csrf_in(b.request(http::verb::get, "/sign-in/two-factor", "", "", cookie).body);
  ASSERT_FALSE(csrf.empty());
  std::int64_t audit = audit_rows();
  int checked = 0;
  for (const auto& route : server->router().routes()) {
    if (route.access == web::Access::Public || web::reachable_while_pending(route.name)) continue;
    std::string path;
    for (const auto& seg : route.segments) path += "/" + (seg.kind == web::Route::Segment::Literal ? seg.text : "1");
    bool api = route.access == web::Access::Api;
    auto headers = cookie;
    if (api) headers["x-csrf-token"] = csrf;
    Reply got;
    if (route.method == web::Method::Get) {
      got = b.request(http::verb::get, path, "", "", headers);
    } else if (route.method == web::Method::Post) {
      got = api ? b.request(http::verb::post, path, "{}", "application/json", headers)
                : b.request(http::verb::post, path, encode_form({{"csrf_token", csrf}}),
                            "application/x-www-form-urlencoded", headers);
    } else if (route.method == web::Method::Delete) {
      got = b.request(http::verb::delete_, path, "", "", headers);
    } else {
      continue;
    }
    ++checked;
    if (api) {
      EXPECT_EQ(got.status, 401) << route.name;
    } else {
      EXPECT_EQ(got.status, 303) << route.name;
      EXPECT_EQ(got.header("location"), "/sign-in/two-factor") << route.name;
    }
  }
  EXPECT_GT(checked, 20);
  EXPECT_EQ(audit_rows(), audit) << "nothing was read or written";
  // Sign-out works from the pending state.
  Reply out = b.request(http::verb::post, "/sign-out", encode_form({{"csrf_token", csrf}}),
                        "application/x-www-form-urlencoded", cookie);
  EXPECT_EQ(out.status, 303);
  EXPECT_FALSE(server->accounts().session(token));
}

TEST_F(AccountPagesTest, TheSignInFormNeedsItsPreSessionToken) {
  Client c(server->port());
  auto post = [&](const std::string& cookie, const std::string& csrf) {
    return c.request(http::verb::post, "/sign-in",
                     encode_form({{"email", kEmail}, {"password", kPassword}, {"csrf_token", csrf}}),
                     "application/x-www-form-urlencoded", {{"cookie", cookie}});
  };
  PreSessionForm mine = pre_session_form(c);
  PreSessionForm other = pre_session_form(c);
  ASSERT_NE(mine.cookie, other.cookie);
  EXPECT_TRUE(contains(mine.page.header("set-cookie"), "HttpOnly; SameSite=Strict"));
  EXPECT_EQ(post("", mine.csrf).status, 403) << "no cookie";
  EXPECT_EQ(post(mine.cookie, "").status, 403) << "no token";
  EXPECT_EQ(post(mine.cookie, other.csrf).status, 403) << "a token made for another browser (login CSRF)";
  EXPECT_EQ(post(mine.cookie, "1." + std::string(64, 'a')).status, 403) << "a forged token";
  std::string tampered = mine.csrf;
  tampered[0] = tampered[0] == '1' ? '2' : '1';
  EXPECT_EQ(post(mine.cookie, tampered).status, 403) << "another issue time";
  Reply ok = post(mine.cookie, mine.csrf);
  EXPECT_EQ(ok.status, 303);
}

TEST_F(AccountPagesTest, AnUnknownEmailAndAWrongPasswordGetTheSameAnswer) {
  Client c(server->port());
  auto normalised = [](Reply r, const std::string& email) {
    std::string body = std::regex_replace(r.body, std::regex("name=\"csrf_token\" value=\"[^\"]+\""), "CSRF");
    body = std::regex_replace(body, std::regex(email), "EMAIL");
    return std::to_string(r.status) + "\n" + body;
  };
  Reply wrong = sign_in_form(c, kEmail, "not the password at all");
  Reply unknown = sign_in_form(c, "nobody.here@example.org", "not the password at all");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(contains(wrong.body, "The email address or password is not right"));
  EXPECT_EQ(normalised(wrong, kEmail), normalised(unknown, "nobody.here@example.org"));
  EXPECT_EQ(set_cookie_value(wrong, "gt_session"), "");
  EXPECT_EQ(set_cookie_value(unknown, "gt_session"), "");
}

TEST_F(AccountPagesTest, FiveFailuresLockTheAccountWithAClearMessage) {
  Client c(server->port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(sign_in_form(c, kEmail, "wrong password " + std::to_string(i)).status, 401);
  Reply locked = sign_in_form(c, kEmail, kPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_TRUE(contains(locked.body, "You have tried to sign in too many times. Wait 15 minutes and try again"));
  EXPECT_TRUE(contains(locked.body, "govuk-error-summary"));
  EXPECT_EQ(set_cookie_value(locked, "gt_session"), "");
  // The API says so too.
  Reply api = c.post("/api/v1/session", json{{"email", kEmail}, {"password", kPassword}});
  EXPECT_EQ(api.status, 429);
  EXPECT_EQ(api.js()["error"]["field"], "email");
}

TEST_F(AccountPagesTest, TheTwoFactorPageRefusesWrongAndReusedCodes) {
  Client b(server->port());
  std::string code = server->totp_code_for(kEmail);
  auto second_step = [&](const std::string& typed) {
    Reply r = sign_in_form(b, kEmail, kPassword);
    std::map<std::string, std::string> cookie{{"cookie", "gt_session=" + set_cookie_value(r, "gt_session")}};
    std::string csrf = csrf_in(b.request(http::verb::get, "/sign-in/two-factor", "", "", cookie).body);
    return b.request(http::verb::post, "/sign-in/two-factor", encode_form({{"code", typed}, {"csrf_token", csrf}}),
                     "application/x-www-form-urlencoded", cookie);
  };
  Reply empty = second_step("");
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, "Enter the 6-digit code from your authenticator app"));
  Reply wrong = second_step(code == "000000" ? "111111" : "000000");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(contains(wrong.body, "The code is not right"));
  EXPECT_TRUE(contains(wrong.body, "href=\"#code\""));
  EXPECT_EQ(second_step(code).status, 303);
  Reply reused = second_step(code);
  EXPECT_EQ(reused.status, 422) << "a code works once";
}

TEST_F(AccountPagesTest, ANewMemberOfStaffSetsUpTheirAppOnTheTwoFactorPage) {
  server->accounts().create_user("new.starter@example.org", "New Starter", "manager", kPassword);
  Client b(server->port());
  Reply r = sign_in_form(b, "new.starter@example.org", kPassword);
  ASSERT_EQ(r.header("location"), "/sign-in/two-factor");
  std::map<std::string, std::string> cookie{{"cookie", "gt_session=" + set_cookie_value(r, "gt_session")}};
  Reply page = b.request(http::verb::get, "/sign-in/two-factor", "", "", cookie);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Set up your authenticator app"));
  EXPECT_FALSE(contains(page.body, "<script"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("name=\"secret\" value=\"([A-Z2-7]{32})\"")));
  std::string secret = m[1].str();
  EXPECT_TRUE(contains(page.body, "otpauth://totp/Golden%20Thread:new.starter@example.org?secret=" + secret));
  Reply done = b.request(
      http::verb::post, "/sign-in/two-factor",
      encode_form({{"code", app::totp_code(secret, app::system_seconds())}, {"secret", secret},
                   {"csrf_token", csrf_in(page.body)}}),
      "application/x-www-form-urlencoded", cookie);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(store::find_user_by_email(server->storage().read(), "new.starter@example.org")->totp_secret, secret);
}

TEST_F(AccountPagesTest, TheApiNeedsTheCodeAndRefusesAReusedOne) {
  Client c(server->port());
  std::string code = server->totp_code_for(kEmail);
  Reply ok = c.post("/api/v1/session", json{{"email", kEmail}, {"password", kPassword}, {"totp", code}});
  EXPECT_EQ(ok.status, 201);
  Reply reused = c.post("/api/v1/session", json{{"email", kEmail}, {"password", kPassword}, {"totp", code}});
  EXPECT_EQ(reused.status, 401);
  EXPECT_EQ(reused.js()["error"]["field"], "totp");
  Reply not_a_string = c.post("/api/v1/session", json{{"email", kEmail}, {"password", kPassword}, {"totp", 123456}});
  EXPECT_EQ(not_a_string.status, 422);
  // A family account needs no code.
  server->accounts().create_user("parent@example.org", "Pat Parent", "parent", "kettle orchard lantern");
  EXPECT_EQ(c.post("/api/v1/session", json{{"email", "parent@example.org"}, {"password", "kettle orchard lantern"}})
                .status,
            201);
}

TEST_F(AccountPagesTest, TheForgottenPasswordPageGivesOneAnswer) {
  Client c(server->port());
  Reply known = post_public_form(c, "/forgot-password", {{"email", kEmail}});
  Reply unknown = post_public_form(c, "/forgot-password", {{"email", "nobody.here@example.org"}});
  EXPECT_EQ(known.status, 303);
  EXPECT_EQ(unknown.status, 303);
  EXPECT_EQ(known.header("location"), "/forgot-password/sent");
  EXPECT_EQ(unknown.header("location"), known.header("location"));
  Reply sent = c.get("/forgot-password/sent");
  EXPECT_EQ(sent.status, 200);
  EXPECT_TRUE(contains(sent.body, "If there is a Golden Thread account with that email address"));
  EXPECT_EQ(post_public_form(c, "/forgot-password", {{"email", ""}}).status, 422);
  EXPECT_FALSE(invitation_token(kEmail).empty());
  EXPECT_TRUE(invitation_token("nobody.here@example.org").empty());
}

TEST_F(AccountPagesTest, AResetLinkSetsANewPasswordOnceThenAnswers410AndWritesNothing) {
  Client c(server->port());
  post_public_form(c, "/forgot-password", {{"email", kEmail}});
  std::string token = invitation_token(kEmail);
  std::string path = "/invitation/" + token;
  Reply form = c.get(path);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "Choose a new password"));
  Reply common = post_public_form(c, path, {{"password", "password1234"}});
  EXPECT_EQ(common.status, 422);
  EXPECT_TRUE(contains(common.body, "This password is too common and easy to guess"));
  EXPECT_TRUE(contains(common.body, "href=\"#password\""));
  EXPECT_FALSE(contains(common.body, "password1234"));
  Reply done = post_public_form(c, path, {{"password", "a whole new passphrase"}});
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.header("location"), "/sign-in/two-factor") << "a reset never skips the second factor";

  std::int64_t users = user_count(), audit = audit_rows();
  Reply replay = post_replay(c, path, {{"password", "yet another passphrase"}});
  EXPECT_EQ(replay.status, 410);
  EXPECT_TRUE(contains(replay.body, "This link has expired or has already been used"));
  EXPECT_EQ(set_cookie_value(replay, "gt_session"), "");
  EXPECT_EQ(c.get(path).status, 410);
  EXPECT_EQ(c.get("/invitation/" + std::string(64, '0')).status, 410);
  EXPECT_EQ(user_count(), users);
  EXPECT_EQ(audit_rows(), audit);
  EXPECT_NO_THROW(server->full_session(kEmail, "a whole new passphrase"));
}

TEST_F(AccountPagesTest, AFamilyInvitationFromTheChildsPageCreatesAnAccountThatSeesTheChild) {
  std::int64_t child = add_child("2016-05-14");
  auto cw = server->sign_in_browser(kEmail, kPassword);
  std::string base = "/children/" + std::to_string(child) + "/family";
  Reply page = cw->get(base);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Family accounts"));
  Reply bad = cw->post_form(base + "/invitations", {{"name", "Maya"}, {"email", "not-an-email"}, {"relationship", "parent_pr"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#email\""));
  Reply yp = cw->post_form(base + "/invitations", {{"name", "Amara"}, {"email", "amara@example.org"}, {"relationship", "young_person"}});
  EXPECT_EQ(yp.status, 422) << "not yet past compulsory school age";
  EXPECT_EQ(cw->post_form(base + "/invitations", {{"name", "Maya"}, {"email", "maya@example.org"}, {"relationship", "parent_pr"}}, false)
                .status,
            403)
      << "CSRF";
  Reply sent = cw->post_form(base + "/invitations",
                             {{"name", "Maya Pagechild"}, {"email", "maya@example.org"}, {"relationship", "parent_pr"}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_TRUE(contains(cw->get(sent.header("location")).body, "Invitation sent."));

  Client parent(server->port());
  std::string path = "/invitation/" + invitation_token("maya@example.org");
  Reply form = parent.get(path);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "a parent or carer"));
  EXPECT_FALSE(contains(form.body, "authenticator")) << "families need no second factor";
  Reply accepted = post_public_form(parent, path, {{"name", "Maya Pagechild"}, {"password", "kettle orchard lantern"}});
  ASSERT_EQ(accepted.status, 303) << accepted.body;
  std::string token = set_cookie_value(accepted, "gt_session");
  auto s = server->accounts().session(token);
  ASSERT_TRUE(s);
  EXPECT_FALSE(s->pending);
  EXPECT_EQ(s->actor.role, "parent");
  EXPECT_EQ(app::child_basis(server->storage().read(), s->actor, child, Date::from_ymd(2026, 11, 25)),
            app::Basis::ParentalResponsibility);
  EXPECT_EQ(post_replay(parent, path, {{"name", "Again"}, {"password", "kettle orchard lantern"}}).status, 410);

  // The caseworker ends the link: the parent no longer sees the child.
  page = cw->get(base);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("/family/links/([0-9]+)/end")));
  EXPECT_EQ(cw->post_form(base + "/links/" + m[1].str() + "/end", {}).status, 303);
  EXPECT_EQ(app::child_basis(server->storage().read(), s->actor, child, Date::from_ymd(2026, 11, 25)), std::nullopt);
  EXPECT_EQ(cw->get("/children/99999/family").status, 404);
}

TEST_F(AccountPagesTest, AnOrganisationAdministratorRemovesTheirOwnMembersOnly) {
  std::int64_t a = server->add_organisation("Moorside Primary", "school", "111111");
  std::int64_t b = server->add_organisation("Hilltop Academy", "school", "222222");
  server->accounts().create_user("head@a.example", "Head A", "senco", kPassword, a, true);
  app::Actor member = server->accounts().create_user("senco@a.example", "Senco A", "senco", kPassword, a, false);
  app::Actor other = server->accounts().create_user("senco@b.example", "Senco B", "senco", kPassword, b, false);
  auto head = server->sign_in_browser("head@a.example", kPassword);
  auto member_browser = server->sign_in_browser("senco@a.example", kPassword);
  ASSERT_EQ(member_browser->get("/account").status, 200);

  Reply own = head->get("/organisation");
  ASSERT_EQ(own.status, 200);
  EXPECT_TRUE(contains(own.body, "Senco A"));
  EXPECT_FALSE(contains(own.body, "Senco B"));
  EXPECT_EQ(head->post_form("/organisation/members/" + std::to_string(other.user_id) + "/remove", {}).status, 404);
  EXPECT_EQ(head->get("/admin/organisations/" + std::to_string(b)).status, 403);
  EXPECT_TRUE(store::find_user(server->storage().read(), other.user_id)->active);

  Reply removed = head->post_form("/organisation/members/" + std::to_string(member.user_id) + "/remove", {});
  ASSERT_EQ(removed.status, 303);
  Reply after = member_browser->get("/account");
  EXPECT_EQ(after.status, 303) << "signed out at once";
  EXPECT_EQ(after.header("location"), "/sign-in");
  EXPECT_EQ(member_browser->get("/organisation").status, 303);
  EXPECT_EQ(member_browser->get("/account").status, 303);
  EXPECT_EQ(sign_in_form(member_browser->client, "senco@a.example", kPassword).status, 401);
  EXPECT_EQ(server->sign_in_browser("senco@b.example", kPassword)->get("/organisation").status, 403)
      << "not an administrator";
}

TEST_F(AccountPagesTest, TheCouncilAdministratorAddsAnOrganisationAndInvitesItsAdministrator) {
  server->accounts().create_user("admin@example.org", "Ada Admin", "admin", kPassword);
  auto admin = server->sign_in_browser("admin@example.org", kPassword);
  EXPECT_EQ(server->sign_in_browser(kEmail, kPassword)->get("/admin/organisations").status, 403);
  ASSERT_EQ(admin->get("/admin/organisations/new").status, 200);
  Reply bad = admin->post_form("/admin/organisations", {{"name", "Moorside"}, {"kind", "school"}, {"urn", "12"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "The URN must be 6 digits"));
  Reply made = admin->post_form("/admin/organisations", {{"name", "Moorside Primary"}, {"kind", "school"}, {"urn", "123456"}});
  ASSERT_EQ(made.status, 303);
  Reply list = admin->get("/admin/organisations");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(list.body, m, std::regex("/admin/organisations/([0-9]+)\">Moorside Primary")));
  std::string org = "/admin/organisations/" + m[1].str();
  Reply invited = admin->post_form(org + "/invitations", {{"name", "Sam Senco"}, {"email", "sam@moorside.example"},
                                                          {"role", "senco"}, {"org_admin", "yes"}});
  ASSERT_EQ(invited.status, 303) << invited.body;
  Reply view = admin->get(org);
  EXPECT_TRUE(contains(view.body, "sam@moorside.example"));
  EXPECT_TRUE(contains(view.body, "Invitations not yet accepted"));

  // Accepting sets up the authenticator app on the same page and signs in.
  Client sam(server->port());
  std::string path = "/invitation/" + invitation_token("sam@moorside.example");
  Reply form = sam.get(path);
  ASSERT_EQ(form.status, 200);
  ASSERT_TRUE(std::regex_search(form.body, m, std::regex("name=\"secret\" value=\"([A-Z2-7]{32})\"")));
  std::string secret = m[1].str();
  std::string code = app::totp_code(secret, app::system_seconds());
  Reply no_code = post_public_form(sam, path, {{"name", "Sam Senco"}, {"password", kPassword}, {"secret", secret}});
  EXPECT_EQ(no_code.status, 422);
  EXPECT_TRUE(contains(no_code.body, "value=\"" + secret + "\"")) << "the same key is kept";
  Reply done = post_public_form(sam, path,
                                {{"name", "Sam Senco"}, {"password", kPassword}, {"secret", secret}, {"code", code}});
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(done.header("location"), "/school");
  auto s = server->accounts().session(set_cookie_value(done, "gt_session"));
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->actor.org_admin);
  EXPECT_TRUE(s->actor.two_factor);
}

TEST_F(AccountPagesTest, YourAccountShowsWhoYouAreAndChangesYourPassword) {
  auto b = server->sign_in_browser(kEmail, kPassword);
  Reply page = b->get("/account");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Casey Worker"));
  EXPECT_TRUE(contains(page.body, "On: you sign in with a code from your authenticator app"));
  Reply wrong = b->post_form("/account/password", {{"current_password", "not it at all"}, {"password", "a whole new passphrase"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_TRUE(contains(wrong.body, "Your current password is not right"));
  Reply weak = b->post_form("/account/password", {{"current_password", kPassword}, {"password", "basketball"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_TRUE(contains(weak.body, "at least 12 characters"));
  Reply ok = b->post_form("/account/password", {{"current_password", kPassword}, {"password", "a whole new passphrase"}});
  ASSERT_EQ(ok.status, 303);
  EXPECT_TRUE(contains(b->get(ok.header("location")).body, "Your password has been changed"));
}

}  // namespace
}  // namespace gt::webtest
