// SmtpSink: a small SMTP server on 127.0.0.1 (an ephemeral port) for tests. It speaks enough of
// RFC 5321 for a client such as libcurl - EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT - and
// records every message it accepts (envelope and the raw DATA, dot-unstuffed). It can be told to
// refuse: fail_next(n, code) answers `code` at the end of DATA for the next n messages (e.g. 451,
// "try again later"); fail_always(code) does so for every message until reset; refuse_recipients
// answers RCPT with a 5xx. Test code only; header-only. No STARTTLS (offered by real relays).
#pragma once

#include <atomic>
#include <boost/asio.hpp>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gt::testing {

class SmtpSink {
 public:
  struct Message {
    std::string from;             // MAIL FROM address, without <>
    std::vector<std::string> to;  // RCPT TO addresses
    std::string data;             // headers and body as received (CRLF line ends)
  };

  SmtpSink() : acceptor_(ioc_, {boost::asio::ip::make_address("127.0.0.1"), 0}) {
    port_ = acceptor_.local_endpoint().port();
    accept_thread_ = std::thread([this] { accept_loop(); });
  }
  ~SmtpSink() {
    stopping_ = true;
    {
      // Wake the blocking accept with a connection of our own.
      boost::system::error_code ec;
      boost::asio::ip::tcp::socket s(ioc_);
      s.connect({boost::asio::ip::make_address("127.0.0.1"), port_}, ec);
    }
    accept_thread_.join();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (auto& s : sockets_) {
        boost::system::error_code ec;
        s->shutdown(boost::asio::ip::tcp::socket::shutdown_both, ec);
      }
    }
    for (auto& t : connection_threads_) t.join();
  }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  unsigned short port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  void fail_next(int n, int code = 451) {
    std::lock_guard<std::mutex> lock(mutex_);
    fail_next_ = n;
    fail_code_ = code;
  }
  void fail_always(int code = 451) {
    std::lock_guard<std::mutex> lock(mutex_);
    fail_always_ = true;
    fail_code_ = code;
  }
  void refuse_recipients(int code = 550) {
    std::lock_guard<std::mutex> lock(mutex_);
    refuse_rcpt_code_ = code;
  }
  void reset_failures() {
    std::lock_guard<std::mutex> lock(mutex_);
    fail_next_ = 0;
    fail_always_ = false;
    refuse_rcpt_code_ = 0;
  }

  std::vector<Message> messages() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return messages_;
  }
  int refused() const {  // messages answered with a failure at the end of DATA
    std::lock_guard<std::mutex> lock(mutex_);
    return refused_;
  }

 private:
  using tcp = boost::asio::ip::tcp;

  void accept_loop() {
    for (;;) {
      auto sock = std::make_shared<tcp::socket>(ioc_);
      boost::system::error_code ec;
      acceptor_.accept(*sock, ec);
      if (stopping_) return;
      if (ec) continue;
      std::lock_guard<std::mutex> lock(mutex_);
      sockets_.push_back(sock);
      connection_threads_.emplace_back([this, sock] { serve(*sock); });
    }
  }

  static std::string address_in(const std::string& arg) {
    auto lt = arg.find('<');
    auto gt = arg.find('>', lt == std::string::npos ? 0 : lt);
    if (lt == std::string::npos || gt == std::string::npos) return arg;
    return arg.substr(lt + 1, gt - lt - 1);
  }

  static std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }

  void serve(tcp::socket& s) {
    boost::asio::streambuf buf;
    boost::system::error_code ec;
    auto send = [&](const std::string& line) { boost::asio::write(s, boost::asio::buffer(line + "\r\n"), ec); };
    auto read_line = [&](std::string& line) {
      boost::asio::read_until(s, buf, "\r\n", ec);
      if (ec) return false;
      std::istream in(&buf);
      std::getline(in, line);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    };
    Message m;
    send("220 127.0.0.1 test sink ESMTP");
    std::string line;
    while (!ec && read_line(line)) {
      std::string verb = upper(line.substr(0, 4));
      if (verb == "EHLO") {
        send("250-127.0.0.1 hello");
        send("250 8BITMIME");
      } else if (verb == "HELO") {
        send("250 127.0.0.1 hello");
      } else if (verb == "MAIL") {
        m = Message{};
        m.from = address_in(line);
        send("250 2.1.0 OK");
      } else if (verb == "RCPT") {
        int refuse = 0;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          refuse = refuse_rcpt_code_;
        }
        if (refuse) {
          send(std::to_string(refuse) + " 5.1.1 no such mailbox");
        } else {
          m.to.push_back(address_in(line));
          send("250 2.1.5 OK");
        }
      } else if (verb == "DATA") {
        if (m.to.empty()) {
          send("554 5.5.1 no valid recipients");
          continue;
        }
        send("354 end data with <CR><LF>.<CR><LF>");
        std::string data;
        bool ended = false;
        while (read_line(line)) {
          if (line == ".") {
            ended = true;
            break;
          }
          if (!line.empty() && line[0] == '.') line.erase(0, 1);  // dot-unstuffing
          data += line + "\r\n";
        }
        if (!ended) return;
        int fail = 0;
        {
          std::lock_guard<std::mutex> lock(mutex_);
          if (fail_always_) {
            fail = fail_code_;
          } else if (fail_next_ > 0) {
            --fail_next_;
            fail = fail_code_;
          }
          if (fail) {
            ++refused_;
          } else {
            m.data = data;
            messages_.push_back(m);
          }
        }
        if (fail)
          send(std::to_string(fail) + (fail >= 500 ? " 5.3.0 refused" : " 4.3.0 try again later"));
        else
          send("250 2.0.0 queued");
        m = Message{};
      } else if (verb == "RSET") {
        m = Message{};
        send("250 2.0.0 OK");
      } else if (verb == "NOOP") {
        send("250 2.0.0 OK");
      } else if (verb == "QUIT") {
        send("221 2.0.0 bye");
        return;
      } else {
        send("502 5.5.2 command not implemented");
      }
    }
  }

  boost::asio::io_context ioc_;
  tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread accept_thread_;
  mutable std::mutex mutex_;
  std::vector<std::shared_ptr<tcp::socket>> sockets_;
  std::vector<std::thread> connection_threads_;
  std::vector<Message> messages_;
  int fail_next_ = 0;
  bool fail_always_ = false;
  int fail_code_ = 451;
  int refuse_rcpt_code_ = 0;
  int refused_ = 0;
};

}  // namespace gt::testing
