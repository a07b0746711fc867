// Outbox (see outbox.h): SMTP delivery of the email outbox with libcurl.
#include "app/outbox.h"

#include <curl/curl.h>
#include <sodium.h>

#include <cstring>
#include <ctime>
#include <iostream>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "app/notices.h"
#include "app/storage.h"
#include "store/notifications_store.h"

namespace gt::app {

namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// "Golden Thread <no-reply@example.org>" -> "no-reply@example.org"
std::string address_of(const std::string& mailbox) {
  auto lt = mailbox.find('<');
  auto gt = mailbox.rfind('>');
  std::string a = (lt != std::string::npos && gt != std::string::npos && gt > lt) ? mailbox.substr(lt + 1, gt - lt - 1)
                                                                                 : mailbox;
  std::string out;
  for (char c : a)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '<' && c != '>') out += c;
  return out;
}

// "<address>" (built by appending: GCC 12 warns falsely on "<" + std::string&&).
std::string angle(std::string_view address) {
  std::string out;
  out.reserve(address.size() + 2);
  out += '<';
  out += address;
  out += '>';
  return out;
}

bool ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

std::string no_breaks(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

std::string base64(std::string_view s) {
  std::string out(sodium_base64_encoded_len(s.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

// RFC 2047: UTF-8 text as encoded words of at most 36 bytes each, never splitting a character.
std::string encode_header(std::string_view s) {
  std::string clean = no_breaks(s);
  if (ascii(clean)) return clean;
  std::string out;
  std::size_t i = 0;
  while (i < clean.size()) {
    std::size_t end = std::min(clean.size(), i + 36);
    while (end < clean.size() && end > i && (static_cast<unsigned char>(clean[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(std::string_view(clean).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

// RFC 2045 quoted-printable with CRLF line ends and soft breaks before 76 characters. A leading
// '.' is encoded too, so no line of the body can end the SMTP DATA.
std::string quoted_printable(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string enc;
    std::size_t col = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(line[i]);
      bool last = i + 1 == line.size();
      bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
      std::size_t width = literal ? 1 : 3;
      if (col + width > 75) {
        enc += "=\r\n";
        col = 0;
      }
      if (c == '.' && col == 0) literal = false, width = 3;
      if (literal) {
        enc.push_back(static_cast<char>(c));
      } else {
        enc.push_back('=');
        enc.push_back(hex[c >> 4]);
        enc.push_back(hex[c & 15]);
      }
      col += width;
    }
    out += enc;
    if (nl == std::string_view::npos) break;
    out += "\r\n";
    start = nl + 1;
  }
  return out;
}

std::string rfc5322_date(std::int64_t now) {
  std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
                months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string from_header(const std::string& from) {
  auto lt = from.find('<');
  if (lt == std::string::npos) return no_breaks(from);
  std::string name = from.substr(0, lt);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  std::string addr = angle(address_of(from));
  if (name.empty()) return addr;
  return encode_header(name) + " " + addr;
}

std::string message_of(const store::EmailRow& e, const ServicesSettings& s, std::int64_t now) {
  std::string body = e.body;
  if (e.link) {
    std::string base = s.public_base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    const std::string_view token = kLinkToken;
    std::string linked;
    std::size_t from = 0;
    for (auto at = body.find(token); at != std::string::npos; at = body.find(token, from)) {
      linked.append(body, from, at - from).append(base).append(*e.link);
      from = at + token.size();
    }
    linked.append(body, from, std::string::npos);
    body = std::move(linked);
  }
  std::string from_addr = address_of(s.smtp_from);
  std::string domain = from_addr.substr(from_addr.find('@') == std::string::npos ? from_addr.size()
                                                                                   : from_addr.find('@') + 1);
  if (domain.empty()) domain = "goldthread.invalid";
  std::string m;
  m += "From: " + from_header(s.smtp_from) + "\r\n";
  m += "To: " + angle(address_of(e.to_address)) + "\r\n";
  m += "Subject: " + encode_header(e.subject) + "\r\n";
  m += "Date: " + rfc5322_date(now) + "\r\n";
  m += "Message-ID: <outbox." + std::to_string(e.id) + "." + std::to_string(now) + "@" + domain + ">\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: text/plain; charset=utf-8\r\n";
  m += "Content-Transfer-Encoding: quoted-printable\r\n";
  m += "Auto-Submitted: auto-generated\r\n";
  m += "\r\n";
  m += quoted_printable(body);
  m += "\r\n";
  return m;
}

struct Upload {
  const std::string* data = nullptr;
  std::size_t pos = 0;
};

size_t read_upload(char* buf, size_t size, size_t nitems, void* user) {
  auto* u = static_cast<Upload*>(user);
  std::size_t n = std::min(size * nitems, u->data->size() - u->pos);
  std::memcpy(buf, u->data->data() + u->pos, n);
  u->pos += n;
  return n;
}

int abort_when_stopping(void* flag, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<std::atomic<bool>*>(flag)->load() ? 1 : 0;
}

struct Attempt {
  bool ok = false;
  bool permanent = false;  // the relay refused for good (5xx)
  std::string error;
};

class Smtp {
 public:
  explicit Smtp(std::atomic<bool>* stopping) : stopping_(stopping) {
    global_init();
    curl_ = curl_easy_init();
  }
  ~Smtp() {
    if (curl_) curl_easy_cleanup(curl_);
  }
  Smtp(const Smtp&) = delete;
  Smtp& operator=(const Smtp&) = delete;

  Attempt send(const ServicesSettings& s, const std::string& to, const std::string& message) {
    Attempt a;
    if (!curl_) {
      a.error = "libcurl could not start";
      return a;
    }
    char errbuf[CURL_ERROR_SIZE] = {0};
    Upload up{&message, 0};
    std::string from = angle(address_of(s.smtp_from));
    std::string rcpt = angle(address_of(to));
    curl_slist* rcpts = curl_slist_append(nullptr, rcpt.c_str());
    curl_easy_reset(curl_);  // keeps the connection for the next email of the pass
    curl_easy_setopt(curl_, CURLOPT_URL, s.smtp_url.c_str());
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl_, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));  // STARTTLS when offered
    curl_easy_setopt(curl_, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl_, CURLOPT_MAIL_RCPT, rcpts);
    curl_easy_setopt(curl_, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl_, CURLOPT_READDATA, &up);
    curl_easy_setopt(curl_, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl_, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(curl_, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl_, CURLOPT_XFERINFOFUNCTION, abort_when_stopping);
    curl_easy_setopt(curl_, CURLOPT_XFERINFODATA, stopping_);
    CURLcode res = curl_easy_perform(curl_);
    long code = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_setopt(curl_, CURLOPT_MAIL_RCPT, nullptr);
    curl_slist_free_all(rcpts);
    if (res == CURLE_OK) {
      a.ok = true;
      return a;
    }
    std::string reason = errbuf[0] ? std::string(errbuf) : std::string(curl_easy_strerror(res));
    a.permanent = code >= 500 && code < 600;
    a.error = code ? "SMTP " + std::to_string(code) + ": " + reason : reason;
    if (a.error.size() > 500) a.error.resize(500);
    return a;
  }

 private:
  CURL* curl_ = nullptr;
  std::atomic<bool>* stopping_;
};

std::string iso_utc(std::int64_t now) {
  std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::int64_t Outbox::retry_delay(int attempt) {
  std::int64_t d = kFirstRetrySeconds;
  for (int i = 1; i < attempt && d < kMaxRetrySeconds; ++i) d *= 2;
  return std::min(d, kMaxRetrySeconds);
}

DeliveryPass Outbox::deliver_due(std::int64_t now) {
  DeliveryPass pass;
  if (settings_.smtp_url.empty()) return pass;
  std::lock_guard<std::mutex> one_pass(pass_mutex_);
  auto due = storage_.write(
      [&](store::Database& db) { return store::claim_due_emails(db, now, now + kLeaseSeconds, kBatch); });
  if (due.empty()) return pass;
  Smtp smtp(&abort_);
  for (const auto& e : due) {
    Attempt a = smtp.send(settings_, e.to_address, message_of(e, settings_, now));
    int attempts = e.attempts + 1;
    storage_.write([&](store::Database& db) {
      if (a.ok) {
        store::mark_email_sent(db, e.id, attempts, iso_utc(now));
        ++pass.sent;
      } else if (a.permanent || attempts >= kMaxAttempts) {
        store::mark_email_failed(db, e.id, attempts, a.error);
        ++pass.failed;
      } else {
        store::mark_email_retry(db, e.id, attempts, now + retry_delay(attempts), a.error);
        ++pass.retrying;
      }
    });
  }
  return pass;
}

void Outbox::start(std::chrono::milliseconds interval) {
  if (settings_.smtp_url.empty() || thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(loop_mutex_);
    stopping_ = false;
  }
  abort_ = false;
  thread_ = std::thread([this, interval] {
    std::unique_lock<std::mutex> lock(loop_mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        DeliveryPass p = deliver_due(static_cast<std::int64_t>(std::time(nullptr)));
        if (p.sent || p.retrying || p.failed)
          std::cerr << "outbox: sent " << p.sent << ", to retry " << p.retrying << ", failed " << p.failed << "\n";
      } catch (const std::exception& ex) {
        std::cerr << "outbox: delivery pass failed: " << ex.what() << "\n";
      }
      lock.lock();
      loop_cv_.wait_for(lock, interval, [this] { return stopping_; });
    }
  });
}

void Outbox::stop() {
  {
    std::lock_guard<std::mutex> lock(loop_mutex_);
    stopping_ = true;
  }
  abort_ = true;
  loop_cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Outbox::~Outbox() { stop(); }

}  // namespace gt::app
