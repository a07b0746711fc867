// Database: one SQLite connection, its prepared statements and transactions.
//
// Contract:
//  - open() sets WAL mode, foreign keys on, a busy timeout, and synchronous=NORMAL; it does not
//    migrate (see migrations.h).
//  - Statement binds by position (1-based) and steps row by row; errors throw StoreError with
//    SQLite's message (never the bound values, which may be personal data).
//  - Transaction is RAII: BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit()
//    was called. One writer at a time; readers never block on WAL.
//  - A Database is used by one thread at a time. All SQL in the project lives under src/store.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gt::store {

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Raised when a write would break a constraint the caller can explain (duplicate, missing row).
struct ConflictError : StoreError {
  using StoreError::StoreError;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Statement& bind_null(int i);
  template <typename T>
  Statement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  bool step();   // true while a row is available
  void run();    // step to completion (for writes)
  void reset();  // clear bindings and rewind, ready for reuse

  std::int64_t int64(int col) const;
  std::string text(int col) const;
  std::optional<std::string> opt_text(int col) const;
  std::optional<std::int64_t> opt_int64(int col) const;
  bool is_null(int col) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// Cursor: a cached Statement in use. Resets the statement when it goes out of scope, so that no
// read transaction is left open on the connection (an un-reset statement would pin an old WAL
// snapshot and later reads would not see newer commits).
class Cursor {
 public:
  explicit Cursor(Statement& s) : s_(&s) {}
  Cursor(Cursor&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;
  ~Cursor() {
    if (s_) s_->reset();
  }
  template <typename T>
  Cursor& bind(int i, const T& v) {
    s_->bind(i, v);
    return *this;
  }
  Cursor& bind_null(int i) {
    s_->bind_null(i);
    return *this;
  }
  bool step() { return s_->step(); }
  void run() { s_->run(); }
  std::int64_t int64(int col) const { return s_->int64(col); }
  std::string text(int col) const { return s_->text(col); }
  std::optional<std::string> opt_text(int col) const { return s_->opt_text(col); }
  std::optional<std::int64_t> opt_int64(int col) const { return s_->opt_int64(col); }
  bool is_null(int col) const { return s_->is_null(col); }

 private:
  Statement* s_;
};

class Database {
 public:
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);
  // A cached prepared statement, ready to bind; reset again when the Cursor goes out of scope.
  Cursor prepare(std::string_view sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace gt::store
