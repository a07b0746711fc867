// Test support for the web layer: the real route table and server in-process on 127.0.0.1 with an
// ephemeral port and a temporary database (today fixed at 2026-11-25), a staff user created
// through app::Accounts, and a small Boost.Beast HTTP client.
//
// Signing in: staff and professionals need a TOTP code (app/accounts.h). The helpers here
// (sign_in_browser, signed_in_client, sign_in_client, totp_code_for) give every such user the
// known secret kTotpSecret when they have none, and compute the code with liboath
// (app/two_factor.h). A code is accepted once per 30-second step, so before each sign-in the
// helper sets the secret again, which starts the user's step count afresh (what waiting for the
// next step would do, without the wait). Always sign in through these helpers.
#pragma once

#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <regex>

#include "app/accounts.h"
#include "app/two_factor.h"
#include "domain/roles.h"
#include "store/users_store.h"
#include "store/organisations_store.h"
#include "web/form.h"
#include "app/casework.h"
#include "app/storage.h"
#include "app/today.h"
#include "web/context.h"
#include "web/dispatcher.h"
#include "web/openapi.h"
#include "web/routes.h"
#include "web/server.h"
#include "web/api_views.h"
#include "web/static_files.h"

namespace gt::webtest {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using nlohmann::json;

inline const char* kEmail = "casey.worker@example.org";
inline const char* kPassword = "correct horse battery";
inline const char* kTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";  // test users' authenticator app

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names; repeated headers joined by "\n"
  json js() const { return json::parse(body, nullptr, false); }
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// A keep-alive HTTP/1.1 client; reconnects when the server closed the connection.
class Client {
 public:
  explicit Client(unsigned short port) : port_(port) {}

  std::string bearer;  // sent as Authorization: Bearer when set

  Reply request(http::verb method, const std::string& target, const std::string& body = "",
                const std::string& content_type = "application/json",
                const std::map<std::string, std::string>& extra = {}) {
    for (int attempt = 0; attempt < 2; ++attempt) {
      try {
        if (!stream_) connect();
        http::request<http::string_body> req{method, target, 11};
        req.set(http::field::host, "127.0.0.1");
        if (!bearer.empty()) req.set(http::field::authorization, "Bearer " + bearer);
        if (!body.empty() || method == http::verb::post || method == http::verb::put) {
          if (!content_type.empty()) req.set(http::field::content_type, content_type);
          req.body() = body;
        }
        for (const auto& [k, v] : extra) req.set(k, v);
        req.prepare_payload();
        http::write(*stream_, req);
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        http::read(*stream_, buffer_, parser);
        auto& res = parser.get();
        Reply r;
        r.status = static_cast<int>(res.result_int());
        r.body = res.body();
        for (const auto& f : res) {
          std::string name(f.name_string());
          for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          auto& slot = r.headers[name];
          if (!slot.empty()) slot += "\n";
          slot += std::string(f.value());
        }
        if (!res.keep_alive()) stream_.reset();
        return r;
      } catch (const boost::system::system_error&) {
        stream_.reset();
        buffer_.clear();
        if (attempt == 1) throw;
      }
    }
    return {};
  }

  Reply get(const std::string& target) { return request(http::verb::get, target); }
  Reply post(const std::string& target, const json& body) { return request(http::verb::post, target, body.dump()); }

 private:
  void connect() {
    stream_ = std::make_unique<beast::tcp_stream>(ioc_);
    stream_->connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    buffer_.clear();
  }
  unsigned short port_;
  asio::io_context ioc_;
  std::unique_ptr<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
};

// Sends raw bytes on a fresh connection and returns everything the server sends back until it
// closes the connection or `timeout_ms` passes.
inline std::string raw_exchange(unsigned short port, const std::string& bytes, int timeout_ms = 2000) {
  asio::io_context ioc;
  tcp::socket s(ioc);
  s.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  struct timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  ::setsockopt(s.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  beast::error_code ec;
  asio::write(s, asio::buffer(bytes), ec);
  std::string out;
  char buf[4096];
  for (;;) {
    std::size_t n = s.read_some(asio::buffer(buf), ec);
    if (ec) break;
    out.append(buf, n);
  }
  return out;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

// application/x-www-form-urlencoded
inline std::string encode_form(const Fields& f) {
  std::string out;
  for (const auto& [k, v] : f) out += (out.empty() ? "" : "&") + web::url_encode(k) + "=" + web::url_encode(v);
  return out;
}

inline std::string csrf_in(const std::string& html) {
  std::smatch m;
  if (std::regex_search(html, m, std::regex("name=\"csrf_token\" value=\"([^\"]+)\""))) return m[1].str();
  return "";
}

// The value of cookie `name` in a response's Set-Cookie headers, or "".
inline std::string set_cookie_value(const Reply& r, const std::string& name) {
  std::smatch m;
  std::string all = r.header("set-cookie");
  if (std::regex_search(all, m, std::regex("(?:^|\n)" + name + "=([^;\n]*)"))) return m[1].str();
  return "";
}

// A form shown before sign-in (sign-in, forgot password, invitation links) carries a pre-session
// CSRF token bound to the gt_presession cookie: GET the page first, then POST with both.
struct PreSessionForm {
  std::string cookie;  // "gt_presession=..."
  std::string csrf;
  Reply page;
};
inline PreSessionForm pre_session_form(Client& c, const std::string& path = "/sign-in") {
  PreSessionForm f;
  f.page = c.get(path);
  f.cookie = "gt_presession=" + set_cookie_value(f.page, "gt_presession");
  f.csrf = csrf_in(f.page.body);
  return f;
}
// POSTs a pre-sign-in form with its pre-session cookie and token (extra cookies appended).
inline Reply post_public_form(Client& c, const std::string& path, Fields fields, const std::string& extra_cookie = "") {
  PreSessionForm f = pre_session_form(c, path);
  fields.emplace_back("csrf_token", f.csrf);
  std::string cookie = f.cookie + (extra_cookie.empty() ? "" : "; " + extra_cookie);
  return c.request(http::verb::post, path, encode_form(fields), "application/x-www-form-urlencoded",
                   {{"cookie", cookie}});
}

// A file in a multipart/form-data body.
struct FilePart {
  std::string field = "file";
  std::string file_name;
  std::string content_type = "application/octet-stream";  // as a browser declares it: never trusted
  std::string data;
};
inline const char* kMultipartBoundary = "----GoldenThreadTestBoundary7MA4YWxkTrZu0gW";

// multipart/form-data, as a browser sends a form with enctype="multipart/form-data".
inline std::string encode_multipart(const Fields& f, const std::vector<FilePart>& files,
                                    const std::string& boundary = kMultipartBoundary) {
  std::string out;
  for (const auto& [k, v] : f)
    out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  for (const auto& p : files)
    out += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.field + "\"; filename=\"" + p.file_name +
           "\"\r\nContent-Type: " + p.content_type + "\r\n\r\n" + p.data + "\r\n";
  return out + "--" + boundary + "--\r\n";
}

// A browser signed in by the session cookie, as a person uses the pages (no JavaScript).
struct Browser {
  explicit Browser(unsigned short port) : client(port) {}
  Client client;
  std::string cookie;  // "gt_session=..."
  std::string csrf;    // the session's CSRF token, read from a page

  Reply get(const std::string& target) { return client.request(http::verb::get, target, "", "", headers()); }
  Reply post_form(const std::string& target, Fields f, bool with_csrf = true) {
    if (with_csrf) f.emplace_back("csrf_token", csrf);
    return client.request(http::verb::post, target, encode_form(f), "application/x-www-form-urlencoded", headers());
  }
  // A form with files (the CSRF token first, as the pages put it).
  Reply post_multipart(const std::string& target, Fields f, const std::vector<FilePart>& files = {},
                       bool with_csrf = true) {
    if (with_csrf) f.insert(f.begin(), {"csrf_token", csrf});
    return client.request(http::verb::post, target, encode_multipart(f, files),
                          std::string("multipart/form-data; boundary=") + kMultipartBoundary, headers());
  }
  std::map<std::string, std::string> headers() const {
    if (cookie.empty()) return {};
    return {{"cookie", cookie}};
  }
};

// The whole server, as `goldthread serve` builds it, on an ephemeral port.
class TestServer {
 public:
  TestServer() {
    char tmpl[] = "/tmp/gt-web-test-XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    storage_ = std::make_unique<app::Storage>(dir_ + "/test.db");
    app::ServicesSettings settings;
    settings.documents_dir = dir_ + "/documents";
    services_ = std::make_unique<app::Services>(*storage_, today_, settings);
    ctx_ = std::make_unique<web::Context>(web::Context{*services_, *storage_, services_->accounts,
                                                       services_->casework, today_, false, web::default_assets_dir(),
                                                       web::load_openapi(web::default_openapi_path())});
    web::register_routes(router_, *ctx_);
    dispatcher_ = std::make_unique<web::Dispatcher>(router_, services_->accounts);
    web::ServerOptions opts;
    opts.host = "127.0.0.1";
    opts.port = 0;
    opts.io_threads = 2;
    opts.pool_threads = 2;
    opts.access_log = std::getenv("GT_TEST_ACCESS_LOG") != nullptr;
    server_ = std::make_unique<web::Server>(router_, *dispatcher_, opts);
    server_->start();
    staff_ = services_->accounts.create_user(kEmail, "Casey Worker", "caseworker", kPassword);
    services_->accounts.set_totp_secret(staff_.user_id, kTotpSecret);
    staff_.two_factor = true;
  }
  ~TestServer() {
    server_->stop();
    server_.reset();
    dispatcher_.reset();
    ctx_.reset();
    services_.reset();
    storage_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  unsigned short port() const { return server_->port(); }
  const web::Router& router() const { return router_; }
  app::Services& services() { return *services_; }
  app::Storage& storage() { return *storage_; }
  app::Accounts& accounts() { return services_->accounts; }
  app::Casework& casework() { return services_->casework; }
  const app::Actor& staff() const { return staff_; }

  // The code a user's authenticator app shows now. A user of a two-factor role with no secret
  // gets kTotpSecret; the user's last-used step starts afresh so the code is accepted (see above).
  std::string totp_code_for(const std::string& email) {
    auto user = store::find_user_by_email(storage_->read(), email);
    if (!user) throw std::runtime_error("no user " + email);
    std::string secret = user->totp_secret.value_or(kTotpSecret);
    services_->accounts.set_totp_secret(user->id, secret);
    return app::totp_code(secret, app::system_seconds());
  }

  // A browser signed in through the sign-in pages as this person (every step a person takes:
  // the sign-in form, then for staff and professionals the code from the authenticator app).
  std::unique_ptr<Browser> sign_in_browser(const std::string& email, const std::string& password) {
    auto b = std::make_unique<Browser>(port());
    Reply r = post_public_form(b->client, "/sign-in", {{"email", email}, {"password", password}});
    if (r.status != 303) throw std::runtime_error("sign-in failed: " + std::to_string(r.status) + " " + r.body);
    std::string token = set_cookie_value(r, "gt_session");
    if (token.empty()) throw std::runtime_error("sign-in set no session cookie");
    b->cookie = "gt_session=" + token;
    if (r.header("location") == "/sign-in/two-factor") {
      Reply form = b->get("/sign-in/two-factor");
      b->csrf = csrf_in(form.body);
      Reply done = b->post_form("/sign-in/two-factor", {{"code", totp_code_for(email)}});
      if (done.status != 303)
        throw std::runtime_error("two-factor step failed: " + std::to_string(done.status) + " " + done.body);
      token = set_cookie_value(done, "gt_session");
      if (token.empty()) throw std::runtime_error("two-factor step set no session cookie");
      b->cookie = "gt_session=" + token;
    }
    Reply home = b->get("/");
    if (home.status == 303) home = b->get(home.header("location"));
    b->csrf = csrf_in(home.body);
    if (b->csrf.empty()) throw std::runtime_error("no CSRF token on the signed-in page");
    return b;
  }

  // An organisation, written straight to the store (fixtures).
  std::int64_t add_organisation(const std::string& name, const std::string& kind,
                                std::optional<std::string> urn = std::nullopt) {
    return storage_->write([&](store::Database& db) {
      return store::insert_organisation(db, store::OrganisationRow{0, name, kind, urn, std::nullopt});
    });
  }

  // A client signed in through POST /api/v1/session as this person, using the bearer token (with
  // the TOTP code for staff and professionals).
  std::unique_ptr<Client> sign_in_client(const std::string& email, const std::string& password) {
    auto c = std::make_unique<Client>(port());
    json body{{"email", email}, {"password", password}};
    auto user = store::find_user_by_email(storage_->read(), email);
    auto role = user ? parse_role(user->role) : std::nullopt;
    if (role && needs_two_factor(*role)) body["totp"] = totp_code_for(email);
    Reply r = c->post("/api/v1/session", body);
    if (r.status != 201) throw std::runtime_error("sign-in failed: " + r.body);
    c->bearer = r.js()["token"].get<std::string>();
    return c;
  }
  // ... as the default staff user.
  std::unique_ptr<Client> signed_in_client() { return sign_in_client(kEmail, kPassword); }

  // A full session for this person straight from app::Accounts (password, then the code).
  app::Session full_session(const std::string& email, const std::string& password) {
    app::SignInAttempt at{email, password, "", std::nullopt, true};
    auto user = store::find_user_by_email(storage_->read(), email);
    auto role = user ? parse_role(user->role) : std::nullopt;
    if (role && needs_two_factor(*role)) at.totp = totp_code_for(email);
    auto r = services_->accounts.sign_in(at);
    if (r.status != app::SignInStatus::SignedIn) throw std::runtime_error("sign-in failed for " + email);
    return *r.session;
  }

 private:
  std::string dir_;
  app::Today today_{Date::from_ymd(2026, 11, 25)};
  std::unique_ptr<app::Storage> storage_;
  std::unique_ptr<app::Services> services_;
  std::unique_ptr<web::Context> ctx_;
  web::Router router_;
  std::unique_ptr<web::Dispatcher> dispatcher_;
  std::unique_ptr<web::Server> server_;
  app::Actor staff_;
};

}  // namespace gt::webtest
