// Schools store: a school's pupils on roll (by its URN) with what the list shows of each, a
// pupil's SEN support record and graduated approach, the school's requests for assessment and its
// contributions to annual reviews.
//
// Contract:
//  - pupils_on_roll lists the children with a placement at `urn` that has started on or before
//    `today` and has not ended by it (the same rule as access_store's on_roll), each once, with
//    their latest SEN support record, the council's latest recorded needs and their latest case;
//    filtered by a name fragment (either name, case-insensitive; % and _ match themselves), ordered
//    by family name, given name, id and paged. It reads the roll through the placements_urn index.
//  - SEN support rows are inserted only (the latest is current; schema triggers refuse updates and
//    deletes). A cycle is inserted once and reviewed once: review_cycle sets its review only while
//    it has none and says whether it did. Requests and contributions are inserted only.
//  - Lists are newest first. Joined names (organisation, author) are "" when the row is gone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct PupilRow {
  std::int64_t child_id = 0;
  std::string given_name;
  std::string family_name;
  std::string date_of_birth;               // YYYY-MM-DD
  std::string on_roll_since;               // the earliest current placement's entry date here
  std::optional<std::string> support_area;     // the latest SEN support record, if any
  std::optional<std::string> support_primary;
  std::optional<std::string> needs_primary;    // the council's latest recorded primary need, if any
  std::optional<std::int64_t> case_id;         // the latest case, if any
  std::optional<std::string> case_stage;
  std::optional<std::string> next_due;
  std::optional<std::string> next_rule;
};

struct PupilQuery {
  std::string urn;
  std::string today;  // YYYY-MM-DD
  std::string name;   // fragment of either name; empty = all
  int limit = 25;
  int offset = 0;
};

struct PupilPage {
  std::vector<PupilRow> pupils;
  int total = 0;
};

PupilPage pupils_on_roll(Database& db, const PupilQuery& q);

// The entry date of the child's earliest current placement at `urn` on `today`, if on roll there.
std::optional<std::string> on_roll_since(Database& db, const std::string& urn, std::int64_t child_id,
                                         const std::string& today);

struct SenSupportRow {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::int64_t organisation_id = 0;
  std::string area_of_need;
  std::string primary_type;
  std::optional<std::string> secondary_type;
  std::string start_date;  // YYYY-MM-DD
  std::string provision;
  std::optional<std::int64_t> recorded_by;
  std::string recorded_at;
  // Joined.
  std::string organisation_name;
  std::string recorded_by_name;
};
std::int64_t insert_sen_support(Database& db, const SenSupportRow& r);
std::vector<SenSupportRow> sen_support_of_child(Database& db, std::int64_t child_id);  // newest first

struct SupportCycleRow {
  std::int64_t id = 0;
  std::int64_t child_id = 0;
  std::int64_t organisation_id = 0;
  std::string started_on;  // YYYY-MM-DD
  std::optional<std::string> reviewed_on;
  std::string assess;
  std::string plan;
  std::string provision;
  std::string outcomes;
  std::string review;
  std::optional<std::int64_t> recorded_by;
  std::string recorded_at;
  // Joined.
  std::string organisation_name;
};
std::int64_t insert_cycle(Database& db, const SupportCycleRow& r);
std::vector<SupportCycleRow> cycles_of_child(Database& db, std::int64_t child_id);  // newest start first
bool review_cycle(Database& db, std::int64_t child_id, std::int64_t cycle_id, const std::string& reviewed_on,
                  const std::string& outcomes, const std::string& review);

struct AssessmentRequestRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::int64_t organisation_id = 0;
  std::string reasons;
  std::string family_views;
  bool family_informed = false;
  bool family_agrees = false;
  std::string evidence;  // JSON (app/schools.cc writes and reads it)
  std::optional<std::int64_t> requested_by;
  std::string requested_at;
  // Joined.
  std::string organisation_name;
  std::string requested_by_name;
};
std::int64_t insert_assessment_request(Database& db, const AssessmentRequestRow& r);
std::optional<AssessmentRequestRow> assessment_request_of_case(Database& db, std::int64_t case_id);
std::vector<AssessmentRequestRow> assessment_requests_of_child(Database& db, std::int64_t child_id);

struct ReviewContributionRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::optional<std::int64_t> organisation_id;
  std::int64_t author = 0;
  std::string progress;  // the body column
  std::string changes;
  std::string views;
  std::string created_at;
  // Joined.
  std::string organisation_name;
  std::string author_name;
};
std::int64_t insert_review_contribution(Database& db, const ReviewContributionRow& r);
std::vector<ReviewContributionRow> contributions_of_case(Database& db, std::int64_t case_id);

}  // namespace gt::store
