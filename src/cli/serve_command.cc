// goldthread serve: runs the web pages and JSON API until SIGINT or SIGTERM.
//
// Contract:
//  - Options: --db PATH (required; created and migrated if needed), --listen HOST:PORT (default
//    127.0.0.1:8080; port 0 picks a free one), --threads N (I/O threads, default hardware
//    concurrency), --pool-threads N (database and password work, default max(2, cores)),
//    --today YYYY-MM-DD (fix the clock's today), --assets DIR (GOV.UK Frontend's dist/govuk,
//    default from the source tree), --openapi FILE (default docs/openapi.json in the source tree),
//    --secure-cookies (mark the session cookie Secure), --no-access-log, --help; email:
//    --smtp-url URL (or $GT_SMTP_URL, which keeps a relay password off the command line),
//    --smtp-from ADDRESS, --public-url URL (the address emails link to); the letterhead on plans
//    as PDF: --council-name, --council-address (lines separated by ";"), --council-phone,
//    --council-email (defaults: the fictional Northmoor Council). The outbox worker
//    (app/outbox.h) runs only when an SMTP URL is given; otherwise emails wait in the outbox.
//  - Prints "Golden Thread serving on http://HOST:PORT" on stdout once listening (tests read the
//    port from it). On SIGINT/SIGTERM it stops the server, flushes the audit log and exits 0.
//  - Exit 2 on bad usage, 1 when the database, assets or address cannot be opened.
#include <signal.h>

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "app/services.h"
#include "app/casework.h"
#include "app/storage.h"
#include "app/today.h"
#include "cli/commands.h"
#include "web/dispatcher.h"
#include "web/openapi.h"
#include "web/routes.h"
#include "web/server.h"
#include "web/static_files.h"

namespace gt::cli {

namespace {

const char* kServeHelp =
    "Usage: goldthread serve --db PATH [--listen HOST:PORT] [--threads N] [--pool-threads N]\n"
    "                        [--today YYYY-MM-DD] [--assets DIR] [--openapi FILE] [--secure-cookies]\n"
    "                        [--no-access-log] [--smtp-url URL] [--smtp-from ADDRESS] [--public-url URL]\n"
    "                        [--council-name NAME] [--council-address TEXT] [--council-phone TEXT]\n"
    "                        [--council-email ADDRESS]\n\n"
    "Serves the web pages and the JSON API (/api/v1, described at /api/v1/openapi.json).\n\n"
    "  --db PATH          the SQLite database (created and migrated if needed)\n"
    "  --listen HOST:PORT address to listen on (default 127.0.0.1:8080; port 0 picks a free port)\n"
    "  --threads N        I/O threads (default: one per core)\n"
    "  --pool-threads N   threads for database and password work (default: max(2, cores))\n"
    "  --today DATE       fix today's date for the statutory clock (tests and demos)\n"
    "  --assets DIR       GOV.UK Frontend's dist/govuk directory (default: from the source tree)\n"
    "  --openapi FILE     the OpenAPI document (default: docs/openapi.json in the source tree)\n"
    "  --secure-cookies   mark the session cookie Secure (when served over HTTPS)\n"
    "  --no-access-log    do not log a line per request\n"
    "  --smtp-url URL     the SMTP relay that delivers the email outbox: smtp://HOST:PORT (STARTTLS\n"
    "                     when offered) or smtps://HOST:PORT; default $GT_SMTP_URL; none: emails wait\n"
    "  --smtp-from ADDR   the sender, e.g. 'Northmoor SEND <send@northmoor.example>'\n"
    "  --public-url URL   the address people use to reach this service; emails link under it\n"
    "                     (default http://HOST:PORT of --listen; give it behind a proxy or TLS)\n"
    "  --council-name NAME, --council-address TEXT, --council-phone TEXT, --council-email ADDRESS\n"
    "                     the council's letterhead on plans as PDF (address lines separated by ';')\n\n"
    "Stops cleanly on SIGINT or SIGTERM.\n";

std::optional<int> parse_int(const std::string& s, int lo, int hi) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

int usage_error(const std::string& message) {
  std::cerr << "goldthread serve: " << message << "\n\n" << kServeHelp;
  return 2;
}

}  // namespace

int serve_command(const Args& args) {
  std::string db, listen = "127.0.0.1:8080", assets = web::default_assets_dir(), openapi = web::default_openapi_path();
  std::optional<Date> today;
  web::ServerOptions options;
  bool secure_cookies = false;
  std::string smtp_url, smtp_from, public_url;
  std::optional<std::string> council_name, council_address, council_phone, council_email;
  if (const char* env = std::getenv("GT_SMTP_URL")) smtp_url = env;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      std::cout << kServeHelp;
      return 0;
    } else if (a == "--db") {
      if (!value(db)) return usage_error("--db needs a path");
    } else if (a == "--listen") {
      if (!value(listen)) return usage_error("--listen needs HOST:PORT");
    } else if (a == "--threads" || a == "--pool-threads") {
      if (!value(v)) return usage_error(a + " needs a number");
      auto n = parse_int(v, 1, 256);
      if (!n) return usage_error(a + " must be a whole number from 1 to 256");
      (a == "--threads" ? options.io_threads : options.pool_threads) = *n;
    } else if (a == "--today") {
      if (!value(v)) return usage_error("--today needs a date");
      today = Date::parse(v);
      if (!today) return usage_error("--today must be a date written YYYY-MM-DD");
    } else if (a == "--assets") {
      if (!value(assets)) return usage_error("--assets needs a directory");
    } else if (a == "--openapi") {
      if (!value(openapi)) return usage_error("--openapi needs a file");
    } else if (a == "--secure-cookies") {
      secure_cookies = true;
    } else if (a == "--no-access-log") {
      options.access_log = false;
    } else if (a == "--smtp-url") {
      if (!value(smtp_url)) return usage_error("--smtp-url needs a URL");
      if (smtp_url.rfind("smtp://", 0) != 0 && smtp_url.rfind("smtps://", 0) != 0)
        return usage_error("--smtp-url must start smtp:// or smtps://");
    } else if (a == "--smtp-from") {
      if (!value(smtp_from)) return usage_error("--smtp-from needs an address");
      if (smtp_from.find('@') == std::string::npos) return usage_error("--smtp-from must be an email address");
    } else if (a == "--public-url") {
      if (!value(public_url)) return usage_error("--public-url needs a URL");
      if (public_url.rfind("http://", 0) != 0 && public_url.rfind("https://", 0) != 0)
        return usage_error("--public-url must start http:// or https://");
    } else if (a == "--council-name" || a == "--council-address" || a == "--council-phone" ||
               a == "--council-email") {
      if (!value(v) || v.empty()) return usage_error(a + " needs a value");
      (a == "--council-name"      ? council_name
       : a == "--council-address" ? council_address
       : a == "--council-phone"   ? council_phone
                                  : council_email) = v;
    } else {
      return usage_error("unknown option '" + a + "'");
    }
  }
  if (db.empty()) return usage_error("--db is required");
  auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return usage_error("--listen must be HOST:PORT");
  auto port = parse_int(listen.substr(colon + 1), 0, 65535);
  if (!port) return usage_error("--listen port must be from 0 to 65535");
  options.host = listen.substr(0, colon);
  if (options.host.size() > 2 && options.host.front() == '[' && options.host.back() == ']')
    options.host = options.host.substr(1, options.host.size() - 2);
  options.port = static_cast<unsigned short>(*port);

  // Block the stop signals in every thread; the main thread waits for them below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::string openapi_json;
  try {
    openapi_json = web::load_openapi(openapi);
  } catch (const std::exception& e) {
    std::cerr << "goldthread serve: " << e.what() << "\n";
    return 1;
  }

  app::Storage storage(db);
  app::Today clock_today(today);
  app::ServicesSettings settings;
  settings.documents_dir = db + ".documents";
  settings.smtp_url = smtp_url;
  if (!smtp_from.empty()) settings.smtp_from = smtp_from;
  if (council_name) settings.council_name = *council_name;
  if (council_address) {
    settings.council_address = *council_address;
    for (char& c : settings.council_address)
      if (c == ';') c = '\n';
  }
  if (council_phone) settings.council_phone = *council_phone;
  if (council_email) settings.council_email = *council_email;
  std::string shown_host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  if (!public_url.empty())
    settings.public_base_url = public_url;
  else if (options.port != 0)  // a picked port (0) is known only later: give --public-url then
    settings.public_base_url = "http://" + shown_host + ":" + std::to_string(options.port);
  app::Services services(storage, clock_today, settings);
  app::Accounts& accounts = services.accounts;
  web::Context ctx{services,       storage,        accounts, services.casework, clock_today,
                   secure_cookies, assets, std::move(openapi_json)};
  web::Router router;
  web::register_routes(router, ctx);
  web::Dispatcher dispatcher(router, accounts);
  web::Server server(router, dispatcher, options);
  try {
    server.start();
  } catch (const std::exception& e) {
    std::cerr << "goldthread serve: cannot listen on " << listen << ": " << e.what() << "\n";
    return 1;
  }
  std::cout << "Golden Thread serving on http://" << shown_host << ":" << server.port() << std::endl;
  if (!settings.smtp_url.empty()) services.outbox.start();

  int sig = 0;
  sigwait(&stop_signals, &sig);
  std::cerr << "goldthread serve: stopping\n";
  server.stop();
  services.outbox.stop();
  storage.flush();
  return 0;
}

}  // namespace gt::cli
