// Server: Boost.Beast HTTP/1.1 transport, one io_context per thread (see server.h for the contract).
#include "web/server.h"

#include <unistd.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <optional>
#include <thread>
#include <vector>

#include "web/api_error.h"

namespace gt::web {

const char* const kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
    "form-action 'self'; base-uri 'none'";

namespace {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using reuse_port = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;
using Clock = std::chrono::steady_clock;
std::string_view sv(beast::string_view s) { return std::string_view(s.data(), s.size()); }
beast::string_view bsv(std::string_view s) { return beast::string_view(s.data(), s.size()); }
}  // namespace

struct Server::Impl {
  const Router& router;
  const Dispatcher& dispatcher;
  ServerOptions opts;
  std::vector<std::unique_ptr<asio::io_context>> iocs;
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  std::vector<std::thread> threads;
  std::unique_ptr<asio::thread_pool> pool;
  unsigned short port = 0;
  bool running = false;
  std::size_t max_body = 0;  // the largest body any route takes (upload routes have their own limit)

  void accept(std::size_t i);
};

namespace {

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, Server::Impl& srv) : stream_(std::move(socket)), srv_(srv) {}

  void start() { read_header(); }

  // The peer's address, read once per connection (for sign-in throttling; never logged).
  const std::string& client_address() {
    if (address_.empty()) {
      beast::error_code ec;
      auto ep = stream_.socket().remote_endpoint(ec);
      address_ = ec ? std::string("unknown") : ep.address().to_string();
    }
    return address_;
  }

 private:
  void read_header() {
    parser_.emplace();
    upload_route_ = false;
    body_limit_ = srv_.opts.body_limit;
    parser_->body_limit(srv_.max_body);  // narrowed to the route's own limit once the header is read
    parser_->header_limit(static_cast<std::uint32_t>(srv_.opts.header_limit));
    stream_.expires_after(srv_.opts.read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Connection::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    start_ = Clock::now();
    if (ec) return on_read_error(ec);
    if (parser_->is_done()) return on_request();
    // The route decides how large a body may be: checked before any of the body is read.
    body_limit_ = route_body_limit();
    parser_->body_limit(body_limit_);
    if (auto len = parser_->content_length(); len && *len > body_limit_) return too_large();
    auto expect = parser_->get()[http::field::expect];
    if (beast::iequals(expect, "100-continue")) {
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      asio::async_write(stream_, asio::buffer(kContinue),
                        [self = shared_from_this()](beast::error_code ec, std::size_t) {
                          if (ec) return self->close();
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  void read_body() {
    // An upload may take longer: on top of the usual time-out, one second per 64 KiB allowed.
    if (upload_route_) stream_.expires_after(srv_.opts.read_timeout + std::chrono::seconds(body_limit_ / 65536));
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->on_read_error(ec);
      self->on_request();
    });
  }

  void on_read_error(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      // Also raised while reading the header, when the declared length is over every route's limit.
      body_limit_ = route_body_limit();
      return too_large();
    }
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) return fail(431, "headers", "the request headers are too large");
    if (ec == http::error::end_of_stream || ec == http::error::partial_message) return close();
    if (ec.category() == http::make_error_code(http::error::bad_method).category())
      return fail(400, "request", "the request is not valid HTTP/1.1");
    close();  // timeout, reset, aborted
  }

  // The body limit of the route the header names: an upload route's own, else the server's.
  std::size_t route_body_limit() {
    Request probe = probe_request();
    Match m = srv_.router.match(probe);
    upload_route_ = m.route && m.route->uploads;
    return m.route && m.route->body_limit ? m.route->body_limit : srv_.opts.body_limit;
  }

  // The method and path of the request being read (for matching before the body is read).
  Request probe_request() {
    auto& msg = parser_->get();
    Request probe;
    probe.method = parse_method(sv(msg.method_string()));
    std::string_view target(msg.target().data(), msg.target().size());
    probe.path.assign(target.substr(0, target.find('?')));
    return probe;
  }

  // 413: an upload's page says so in plain English; anything else answers JSON.
  void too_large() {
    if (!upload_route_) return fail(413, "body", "the request body is larger than the limit of 64 KiB");
    // Discard (never keep) what the browser is still sending, up to four times the route's limit
    // in the time an upload may take, so that it reads this answer instead of a reset connection.
    drain_limit_ = 4 * body_limit_;
    drain_time_ = srv_.opts.read_timeout + std::chrono::seconds(body_limit_ / 65536);
    keep_alive_ = false;
    Request probe = probe_request();
    method_ = probe.method;
    route_ = nullptr;
    write(srv_.router.page_error(probe, 413, "The file is too large. Go back and choose a smaller file"));
  }

  // Answers a request that could not be read and closes the connection.
  void fail(int status, std::string_view field, std::string_view reason) {
    keep_alive_ = false;
    method_ = parse_method(sv(parser_->get().method_string()));
    route_ = nullptr;
    Response r = api_error(status, field, reason);
    write(std::move(r));
  }

  void on_request() {
    auto& msg = parser_->get();
    Request req;
    req.method = parse_method(sv(msg.method_string()));
    std::string_view target(msg.target().data(), msg.target().size());
    std::size_t q = target.find('?');
    req.path.assign(target.substr(0, q));
    if (q != std::string_view::npos) req.query.assign(target.substr(q + 1));
    req.headers.reserve(16);
    for (const auto& f : msg) {
      Header h;
      h.name.assign(f.name_string().data(), f.name_string().size());
      for (auto& c : h.name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      h.value.assign(f.value().data(), f.value().size());
      req.headers.push_back(std::move(h));
    }
    req.body = std::move(msg.body());
    req.client_address = client_address();
    keep_alive_ = msg.keep_alive();
    method_ = req.method;

    Match m = srv_.router.match(req);
    route_ = m.route;
    if (m.route && m.route->work == Work::Pool) {
      asio::post(*srv_.pool, [self = shared_from_this(), req = std::move(req), m = std::move(m)]() mutable {
        Response r = self->srv_.dispatcher.handle(req, m);
        asio::post(self->stream_.get_executor(),
                   [self, r = std::move(r)]() mutable { self->write(std::move(r)); });
      });
    } else {
      write(srv_.dispatcher.handle(req, m));
    }
  }

  void write(Response r) {
    res_ = {};
    res_.version(11);
    res_.result(static_cast<unsigned>(r.status));
    if (!r.content_type.empty()) res_.set(http::field::content_type, r.content_type);
    res_.set("Content-Security-Policy", kContentSecurityPolicy);
    res_.set("X-Content-Type-Options", "nosniff");
    res_.set("Referrer-Policy", "no-referrer");
    res_.set(http::field::x_frame_options, "DENY");
    res_.set(http::field::cache_control, r.cache_control.empty() ? beast::string_view("no-store") : bsv(r.cache_control));
    for (auto& h : r.headers) res_.insert(bsv(h.name), bsv(h.value));
    res_.body() = std::move(r.body);
    res_.keep_alive(keep_alive_);
    res_.prepare_payload();
    status_ = r.status;
    stream_.expires_after(srv_.opts.read_timeout);
    http::async_write(stream_, res_, beast::bind_front_handler(&Connection::on_write, shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    log();
    if (ec) return close();
    if (!res_.keep_alive()) return linger();
    read_header();
  }

  void log() const {
    if (!srv_.opts.access_log) return;
    auto us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start_).count();
    std::string_view method = method_name(method_);
    std::string_view route = route_ ? std::string_view(route_->pattern) : std::string_view("-");
    char line[512];
    int n = std::snprintf(line, sizeof line, "%.*s %.*s %d %lldus\n", static_cast<int>(method.size()), method.data(),
                          static_cast<int>(route.size()), route.data(), status_, static_cast<long long>(us));
    if (n > 0) {
      ssize_t ignored = ::write(2, line, static_cast<std::size_t>(std::min(n, static_cast<int>(sizeof line) - 1)));
      (void)ignored;
    }
  }

  // Half-closes and discards what the client still sends (up to 1 MiB or 2 s; more after an
  // upload's 413), so that it reads our answer before seeing the connection close (no RST over an
  // unread request body).
  void linger() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return close();
    stream_.expires_after(drain_time_);
    drain();
  }

  void drain() {
    static thread_local char sink[4096];
    stream_.async_read_some(asio::buffer(sink), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ > self->drain_limit_) return self->close();
      self->drain();
    });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  Server::Impl& srv_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
  bool keep_alive_ = true;
  std::size_t body_limit_ = 0;  // the current request's (route_body_limit)
  bool upload_route_ = false;
  std::string address_;  // the peer, once known (client_address())
  Method method_ = Method::Other;
  const Route* route_ = nullptr;
  int status_ = 0;
  std::size_t drained_ = 0;
  std::size_t drain_limit_ = 1u << 20;  // linger(): what is discarded at most, and for how long
  std::chrono::steady_clock::duration drain_time_ = std::chrono::seconds(2);
  Clock::time_point start_;
};

}  // namespace

void Server::Impl::accept(std::size_t i) {
  acceptors[i]->async_accept(*iocs[i], [this, i](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !acceptors[i]->is_open()) return;
    if (!ec) {
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<Connection>(std::move(socket), *this)->start();
    }
    accept(i);
  });
}

Server::Server(const Router& router, const Dispatcher& dispatcher, ServerOptions options)
    : impl_(std::make_unique<Impl>(Impl{router, dispatcher, std::move(options), {}, {}, {}, {}, 0, false})) {}

Server::~Server() { stop(); }

unsigned short Server::port() const { return impl_->port; }

void Server::start() {
  Impl& s = *impl_;
  if (s.running) return;
  int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int n = s.opts.io_threads > 0 ? s.opts.io_threads : hw;
  int pool_n = s.opts.pool_threads > 0 ? s.opts.pool_threads : std::max(2, hw);

  beast::error_code ec;
  auto address = asio::ip::make_address(s.opts.host, ec);
  tcp::endpoint endpoint;
  if (ec) {
    asio::io_context resolve_ctx;
    tcp::resolver resolver(resolve_ctx);
    auto results = resolver.resolve(s.opts.host, std::to_string(s.opts.port));
    if (results.empty()) throw std::runtime_error("cannot resolve " + s.opts.host);
    endpoint = *results.begin();
  } else {
    endpoint = tcp::endpoint(address, s.opts.port);
  }

  for (int i = 0; i < n; ++i) {
    s.iocs.push_back(std::make_unique<asio::io_context>(1));
    auto acceptor = std::make_unique<tcp::acceptor>(*s.iocs.back());
    acceptor->open(endpoint.protocol());
    acceptor->set_option(asio::socket_base::reuse_address(true));
    acceptor->set_option(reuse_port(true));
    acceptor->bind(endpoint);
    acceptor->listen(asio::socket_base::max_listen_connections);
    if (i == 0) {
      s.port = acceptor->local_endpoint().port();
      endpoint.port(s.port);
    }
    s.acceptors.push_back(std::move(acceptor));
  }
  s.max_body = std::max(s.opts.body_limit, s.router.largest_body_limit());
  s.pool = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(pool_n));
  for (std::size_t i = 0; i < s.iocs.size(); ++i) s.accept(i);
  for (auto& ioc : s.iocs) s.threads.emplace_back([ctx = ioc.get()] { ctx->run(); });
  s.running = true;
}

void Server::stop() {
  Impl& s = *impl_;
  if (!s.running) return;
  s.running = false;
  for (auto& ioc : s.iocs) ioc->stop();
  for (auto& t : s.threads) t.join();
  s.threads.clear();
  s.pool->join();  // in-flight handlers finish; their replies land in the stopped contexts
  for (auto& a : s.acceptors) {
    beast::error_code ec;
    a->close(ec);
  }
  s.acceptors.clear();
  s.iocs.clear();  // destroys pending handlers and with them the connections
  s.pool.reset();
}

}  // namespace gt::web
