// Delivery store: the records of provision delivered against the lines of a plan in force, and
// which organisations a plan in force names as providers. All SQL about delivery lives here.
//
// Contract:
//  - delivery_records never change and are never deleted (schema triggers); a correction is a new
//    row that supersedes an earlier one, at most once. The records in force are those nobody
//    superseded.
//  - The plan in force of a case is its latest issued version of kind final or amended
//    (store/plans_store.h latest_issued); a case that is closed has none for these questions.
//  - named_provider_*: the organisation is the provider_organisation_id of a provision line of the
//    plan in force (read from the version's JSON with SQLite's json_each; no other parsing here).
//  - Rows come back in id order unless said otherwise. Functions run inside the caller's
//    transaction when there is one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct DeliveryRecordRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::int64_t plan_version_id = 0;
  std::string element_id;
  std::string period_from;  // YYYY-MM-DD
  std::string period_to;
  int closed_days = 0;
  int sessions_delivered = 0;
  int minutes_delivered = 0;
  int sessions_missed = 0;
  std::string missed_reason;
  std::string delivered_by_role;
  std::string delivered_by_name;
  std::string notes;
  std::int64_t recorded_by = 0;
  std::optional<std::int64_t> recorded_by_organisation_id;
  std::string basis;
  std::string recorded_at;
  std::optional<std::int64_t> supersedes;
  std::optional<std::string> correction_reason;
  // Filled by reads.
  std::string recorded_by_name;
  std::string recorded_by_organisation;  // "" for the council
  std::optional<std::int64_t> superseded_by;
};

std::int64_t insert_delivery_record(Database& db, const DeliveryRecordRow& r);
std::optional<DeliveryRecordRow> find_delivery_record(Database& db, std::int64_t id);
// Every record of the case (in force and superseded), in id order.
std::vector<DeliveryRecordRow> delivery_records_of_case(Database& db, std::int64_t case_id);
// The records in force of every case not closed, in id order (the council's overview).
std::vector<DeliveryRecordRow> delivery_records_in_force(Database& db);

// Whether the plan in force of this case / of any case of this child names the organisation as a provider.
bool named_provider_for_case(Database& db, std::int64_t organisation_id, std::int64_t case_id);
bool named_provider_for_child(Database& db, std::int64_t organisation_id, std::int64_t child_id);
// The cases whose plan in force names the organisation as a provider, in case id order.
std::vector<std::int64_t> cases_naming_provider(Database& db, std::int64_t organisation_id);
// The cases not closed that have a plan in force and whose child is on roll at the school
// organisation today (YYYY-MM-DD), in case id order.
std::vector<std::int64_t> cases_on_roll_with_plan(Database& db, std::int64_t organisation_id, const std::string& today);

}  // namespace gt::store
