// Server: HTTP/1.1 over Boost.Beast/Asio - the transport under the router.
//
// Contract:
//  - One io_context per I/O thread (ServerOptions::io_threads), each with its own acceptor bound to
//    the same address with SO_REUSEPORT, so the kernel spreads connections; a connection stays on
//    the thread that accepted it (no locks on the connection path).
//  - HTTP/1.1 keep-alive and pipelining: requests on a connection are answered in order, one at a
//    time; pipelined requests wait in the read buffer.
//  - Limits: a body over body_limit (64 KiB) gets 413, headers over header_limit 431, a malformed
//    request 400; each closes the connection after the answer. An upload route (Router::add_upload)
//    has its own body limit: the route is matched on the header, the declared Content-Length
//    checked against its limit before any of the body is read (chunked bodies are counted as they
//    arrive), and the 413 is a page (what the browser still sends is discarded, up to 4 times the
//    limit, so that it reads the answer); its body may take one more second per 64 KiB allowed. A
//    connection idle or slow to send a request for read_timeout is closed.
//  - Routes with Work::Pool run on a boost::asio::thread_pool (database and password work) and the
//    response is posted back to the connection's io_context; Work::Inline routes run in place.
//  - Every response gets the security headers (Content-Security-Policy, X-Content-Type-Options,
//    Referrer-Policy, X-Frame-Options) and Cache-Control (no-store unless the handler set one).
//  - Logs one line per request to stderr: "METHOD ROUTE STATUS MICROSECONDSus" where ROUTE is the
//    matched pattern (or "-"); never the URL, query string, body, headers or any personal data.
//  - start() binds (throwing on failure) and returns once listening; port() then gives the bound
//    port (useful with port 0). stop() stops accepting, abandons open connections, waits for the
//    pool's in-flight work and joins every thread; the destructor calls it.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "web/dispatcher.h"
#include "web/router.h"

namespace gt::web {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int io_threads = 0;    // 0: hardware concurrency
  int pool_threads = 0;  // 0: max(2, hardware concurrency)
  std::size_t body_limit = 64 * 1024;
  std::size_t header_limit = 16 * 1024;
  std::chrono::milliseconds read_timeout{30000};
  bool access_log = true;
};

class Server {
 public:
  Server(const Router& router, const Dispatcher& dispatcher, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void start();
  void stop();
  unsigned short port() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Adds the security headers every response carries (exposed for tests and static files).
extern const char* const kContentSecurityPolicy;

}  // namespace gt::web
