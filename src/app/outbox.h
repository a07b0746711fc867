// Outbox: delivers the email outbox (store/notifications_store.h) over SMTP with libcurl, retries
// with backoff, and records what happened to every email.
//
// Contract:
//  - deliver_due(now) makes one pass: it claims the pending emails whose next attempt has come
//    (a lease of kLeaseSeconds stops a second worker sending them too), sends each to
//    ServicesSettings::smtp_url (smtp://host:port; smtps:// for TLS from the start; STARTTLS is
//    used whenever the relay offers it) from smtp_from, and records the outcome:
//      delivered                  status 'sent', sent_at, attempts
//      refused for now or no      attempts + 1 and the next attempt after kFirstRetrySeconds,
//      connection (4xx, network)  doubling each time up to kMaxRetrySeconds; last_error kept
//      refused for good (5xx) or  status 'failed', last_error kept
//      kMaxAttempts tries
//    Deterministic given `now` (unix seconds): tests drive it directly. Never throws for a
//    delivery failure; with no smtp_url it sends nothing and leaves the emails pending.
//  - The message: plain text (UTF-8, quoted-printable), From smtp_from, To, Subject (RFC 2047
//    when not ASCII), Date, Message-ID, Auto-Submitted: auto-generated. An email queued by a
//    notice (app/notices.h) has its page's address, public_base_url + link, written where the body
//    says kLinkToken.
//  - start() runs deliver_due on a background thread every interval (only when smtp_url is set;
//    goldthread serve starts it); stop() (and the destructor) ends it. Passes never overlap.
//  - The SMTP conversation is not logged; errors name the SMTP code and libcurl's reason, never
//    an address or the content.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "app/services_settings.h"
#include "app/today.h"

namespace gt::app {

class Storage;

struct DeliveryPass {
  int sent = 0;
  int retrying = 0;  // failed this time, will be tried again
  int failed = 0;    // given up
};

class Outbox {
 public:
  Outbox(Storage& storage, const Today& today, const ServicesSettings& settings)
      : storage_(storage), today_(today), settings_(settings) {}
  ~Outbox();
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  static constexpr int kMaxAttempts = 8;
  static constexpr std::int64_t kFirstRetrySeconds = 60;
  static constexpr std::int64_t kMaxRetrySeconds = 6 * 3600;
  static constexpr std::int64_t kLeaseSeconds = 600;
  static constexpr int kBatch = 50;

  // Seconds to wait after the attempt-th failed attempt (1-based): 60, 120, 240, ... capped.
  static std::int64_t retry_delay(int attempt);

  DeliveryPass deliver_due(std::int64_t now);

  // Runs deliver_due every `interval` on a background thread (no-op without smtp_url or if running).
  void start(std::chrono::milliseconds interval = std::chrono::seconds(5));
  void stop();
  bool running() const { return thread_.joinable(); }

 private:
  Storage& storage_;
  const Today& today_;
  const ServicesSettings& settings_;

  std::mutex pass_mutex_;  // one pass at a time
  std::mutex loop_mutex_;
  std::condition_variable loop_cv_;
  bool stopping_ = false;
  std::atomic<bool> abort_{false};  // stop(): abandon a send in progress (it is retried later)
  std::thread thread_;
};

}  // namespace gt::app
