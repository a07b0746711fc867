// Storage: the application's access to the database - one read connection per thread, one
// writer connection behind a mutex (SQLite allows one writer; WAL lets readers run alongside),
// and the audit log of reads, written by group commit.
//
// Contract:
//  - The constructor opens (creating if needed) and migrates the database.
//  - read() gives the calling thread its own connection; write(fn) runs fn(db) inside one
//    BEGIN IMMEDIATE transaction on the writer and commits only if fn returns normally.
//  - audit_read() queues an audit row; a background thread commits queued rows at least every
//    50 ms and flush() waits until everything queued so far is committed (called at shutdown and
//    by tests). Audit rows of writes are written inside the write's own transaction instead.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/records.h"

namespace gt::app {

class Storage {
 public:
  explicit Storage(std::string path);
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  store::Database& read();

  template <typename Fn>
  auto write(Fn&& fn) -> decltype(fn(std::declval<store::Database&>())) {
    std::lock_guard<std::mutex> lock(writer_mutex_);
    store::Transaction tx(*writer_);
    if constexpr (std::is_void_v<decltype(fn(*writer_))>) {
      fn(*writer_);
      tx.commit();
    } else {
      auto result = fn(*writer_);
      tx.commit();
      return result;
    }
  }

  void audit_read(store::AuditRow row);
  void flush();
  const std::string& path() const { return path_; }

 private:
  void audit_loop();

  std::string path_;
  std::uint64_t serial_;
  std::unique_ptr<store::Database> writer_;
  std::mutex writer_mutex_;

  std::mutex audit_mutex_;
  std::condition_variable audit_cv_;
  std::condition_variable audit_done_cv_;
  std::vector<store::AuditRow> audit_queue_;
  std::uint64_t audit_queued_ = 0;
  std::uint64_t audit_committed_ = 0;
  bool stopping_ = false;
  std::thread audit_thread_;
};

// ISO 8601 UTC timestamp of now, for audit and recorded_at columns.
std::string utc_timestamp();

}  // namespace gt::app
