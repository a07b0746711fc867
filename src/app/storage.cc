#include "app/storage.h"

#include <chrono>
#include <ctime>
#include <atomic>
#include <map>

#include "store/audit_store.h"
#include "store/migrations.h"

namespace gt::app {

namespace {
// Each thread keeps one read connection per Storage instance it has used, keyed by the
// instance's serial number (an address could be reused by a later Storage).
thread_local std::map<std::uint64_t, std::unique_ptr<store::Database>> tl_readers;
std::atomic<std::uint64_t> g_serial{0};
}  // namespace

std::string utc_timestamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Storage::Storage(std::string path) : path_(std::move(path)), serial_(++g_serial) {
  writer_ = std::make_unique<store::Database>(path_);
  store::migrate(*writer_);
  audit_thread_ = std::thread([this] { audit_loop(); });
}

Storage::~Storage() {
  flush();
  {
    std::lock_guard<std::mutex> lock(audit_mutex_);
    stopping_ = true;
  }
  audit_cv_.notify_all();
  audit_thread_.join();
  // Read connections of other threads close when those threads end; this thread's now.
  tl_readers.erase(serial_);
}

store::Database& Storage::read() {
  auto& slot = tl_readers[serial_];
  if (!slot) slot = std::make_unique<store::Database>(path_);
  return *slot;
}

void Storage::audit_read(store::AuditRow row) {
  {
    std::lock_guard<std::mutex> lock(audit_mutex_);
    audit_queue_.push_back(std::move(row));
    ++audit_queued_;
  }
  audit_cv_.notify_one();
}

void Storage::flush() {
  std::unique_lock<std::mutex> lock(audit_mutex_);
  std::uint64_t target = audit_queued_;
  audit_cv_.notify_one();
  audit_done_cv_.wait(lock, [&] { return audit_committed_ >= target || stopping_; });
}

void Storage::audit_loop() {
  std::unique_lock<std::mutex> lock(audit_mutex_);
  for (;;) {
    audit_cv_.wait_for(lock, std::chrono::milliseconds(50), [&] { return stopping_ || !audit_queue_.empty(); });
    if (audit_queue_.empty()) {
      if (stopping_) return;
      continue;
    }
    std::vector<store::AuditRow> batch;
    batch.swap(audit_queue_);
    lock.unlock();
    try {
      write([&](store::Database& db) { store::append_audit(db, batch); });
    } catch (...) {
      // Keep the rows: put them back and try again on the next round.
      lock.lock();
      audit_queue_.insert(audit_queue_.begin(), batch.begin(), batch.end());
      continue;
    }
    lock.lock();
    audit_committed_ += batch.size();
    audit_done_cv_.notify_all();
  }
}

}  // namespace gt::app
