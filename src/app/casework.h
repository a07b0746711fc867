// Casework: the use cases of the EHC team - children, cases, the chronology, deadlines, caseload.
//
// Contract:
//  - Every method takes the acting user and the route (a pattern such as "GET /api/v1/cases/{id}",
//    never a URL carrying personal data) and records an audit row for each child's record it reads
//    or writes. Writes and their audit row commit in one transaction; reads are audited through the
//    AuditLog's group commit.
//  - Every write is one transaction: on any error (app::Error or otherwise) nothing is written.
//  - The chronology is append-only: supersede_event records a correction (a replacement event or a
//    strike-out) with its reason; the whole resulting chronology must still pass the domain rules.
//  - Thread-safe: reads use a connection per thread; writes share one writer connection.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <optional>
#include <string>
#include <vector>

#include "app/errors.h"
#include "app/access.h"
#include "app/accounts.h"
#include "app/today.h"
#include "domain/child.h"
#include "domain/chronology.h"
#include "domain/clock.h"
#include "domain/event.h"
#include "domain/placement.h"
#include "domain/sen_needs.h"
#include "store/database.h"
#include "store/records.h"

namespace gt::app {

class Storage;

struct ChildRecord {
  Child child;
  std::vector<store::CaseRow> cases;
  std::optional<SenNeeds> needs;        // the current needs, if recorded
  std::vector<Placement> placements;    // current first, then the most recent
};

struct ChildQuery {
  std::string name;
  std::string upn;
  std::string date_of_birth;  // YYYY-MM-DD
  int page = 1;
  int per_page = 20;
};
struct ChildPage {
  std::vector<Child> children;
  int total = 0;
  int page = 1;
  int per_page = 20;
};

// One row of a case's history, superseded or not.
struct HistoryEntry {
  store::EventRow row;
  std::optional<Event> event;           // parsed payload; nullopt for a strike-out
  std::optional<std::int64_t> superseded_by;  // the id of the correction that replaced this row
};

struct CaseView {
  store::CaseRow summary;
  Child child;
  std::vector<HistoryEntry> history;        // every row, in the order recorded
  std::vector<Event> chronology;            // the events in force, in date order
  std::vector<std::int64_t> chronology_ids; // the row id of each event in force
  ClockResult clock;
  Stage stage = Stage::None;
  std::vector<EventType> allowed_next;
  Date today;
};

struct RecordedEvent {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  Event event;
  Stage stage = Stage::None;
};

struct CaseloadFilter {
  bool overdue = false;                  // next council deadline before today
  std::optional<int> due_within;         // next council deadline from today to today + N days
  std::optional<Stage> stage;
  std::optional<std::int64_t> caseworker_id;
  int page = 1;
  int per_page = 50;  // 1..200
};
struct CaseloadPage {
  std::vector<store::CaseRow> cases;
  int total = 0;
  int page = 1;
  int per_page = 50;
  Date today;
};
struct CaseloadSummary {
  int overdue = 0;
  int due_this_week = 0;
  std::vector<std::pair<Stage, int>> by_stage;
};

class Casework {
 public:
  Casework(Storage& storage, const Today& today);

  Child create_child(const Actor& actor, Child child, const std::string& route);
  ChildRecord child(const Actor& actor, std::int64_t child_id, const std::string& route);
  ChildPage search_children(const Actor& actor, const ChildQuery& q, const std::string& route);

  // Needs are recorded anew (the latest is current); a placement is added once and may be ended
  // once. A second current placement of the same rank is a Conflict: end the first.
  SenNeeds record_needs(const Actor& actor, std::int64_t child_id, SenNeeds needs, const std::string& route);
  Placement add_placement(const Actor& actor, std::int64_t child_id, Placement placement, const std::string& route);
  Placement end_placement(const Actor& actor, std::int64_t child_id, std::int64_t placement_id, Date leaving_date,
                          const std::string& route);

  CaseView open_case(const Actor& actor, std::int64_t child_id, std::optional<std::int64_t> caseworker_id,
                     const std::string& route);
  // `need` says which view is asked for: the council's (CaseworkRead), the family's (FamilyRead),
  // the school's (PupilRead) or an advice giver's (AdviceRead); access.h decides.
  CaseView case_view(const Actor& actor, std::int64_t case_id, const std::string& route,
                     Capability need = Capability::CaseworkRead);
  RecordedEvent append_event(const Actor& actor, std::int64_t case_id, const Event& event, const std::string& route);
  RecordedEvent supersede_event(const Actor& actor, std::int64_t case_id, std::int64_t event_id,
                                const std::string& reason, const std::optional<Event>& replacement,
                                const std::string& route);

  // For other use cases that write a case inside their own transaction (a school's request for
  // assessment, an advice request): the same checks, projection, audit and notices as above.
  // The caller has already checked access (access.h) and passes what it found.
  RecordedEvent append_event_in(store::Database& db, const Actor& actor, const CaseAccess& access,
                                std::int64_t case_id, const Event& event, const std::string& route);
  std::int64_t open_case_in(store::Database& db, const Actor& actor, std::int64_t child_id, Basis basis,
                            std::optional<std::int64_t> caseworker_id, const std::string& route);

  // The events in force of a case, in date order, read on `db` (inside the caller's transaction).
  // No access check and no audit: for use cases that have already checked and audit themselves.
  static std::vector<Event> chronology_in(store::Database& db, std::int64_t case_id);

  CaseloadPage caseload(const Actor& actor, const CaseloadFilter& f, const std::string& route);
  CaseloadSummary caseload_summary(const Actor& actor, std::optional<std::int64_t> caseworker_id);

  struct Built;  // a case's parsed chronology (casework.cc)

 private:
  Storage& storage_;
  const Today& today_;
  // Parsed chronologies by case id, reused while the case's event count is unchanged (rows are
  // only ever appended). Holds data only: every read is still authorised and audited.
  static constexpr size_t kCacheEntries = 50000;
  std::mutex cache_mutex_;
  std::unordered_map<std::int64_t, std::shared_ptr<const Built>> cache_;
};

}  // namespace gt::app
