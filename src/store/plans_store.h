// Plans store: the plan of a case, its versions (the working copy and the issued versions), the
// family's comments on a version and their responses. All SQL about plans lives here.
//
// Contract:
//  - One plan per case (plans.case_id is unique). A plan has at most one working version; issued
//    versions are numbered 1, 2, ... in the order issued and never change (schema triggers refuse).
//  - update_working_version writes only when the stored revision equals `expected_revision`, and
//    returns false otherwise (someone else saved first): the caller reports a conflict.
//  - issue_version turns the working version into issued version number max+1 in one statement.
//  - Rows come back in id order unless said otherwise. Functions run inside the caller's
//    transaction when there is one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace gt::store {

struct PlanRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t child_id = 0;
  std::string created_at;
  std::optional<std::int64_t> created_by;
};

struct PlanVersionRow {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::optional<int> number;           // issued versions only
  std::string kind;                    // draft | final | proposed_amendments | amended
  std::string status;                  // working | issued
  std::string content;                 // domain/plan_json.h
  std::optional<std::int64_t> based_on;
  int revision = 1;
  std::string updated_at;
  std::optional<std::int64_t> updated_by;
  std::optional<std::string> issued_on;  // YYYY-MM-DD: the date served (the chronology event's date)
  std::optional<std::string> issued_at;  // timestamp of the issue
  std::optional<std::int64_t> issued_by;
  std::optional<std::int64_t> event_id;
};

struct PlanCommentRow {
  std::int64_t id = 0;
  std::int64_t version_id = 0;
  std::string element_id;
  std::string body;
  std::int64_t author_id = 0;
  std::string author_name;             // filled by reads (users.display_name)
  std::string created_at;
  std::optional<std::string> response;
  std::optional<std::int64_t> responded_by;
  std::optional<std::string> responded_at;
};

struct PlanFamilyResponseRow {
  std::int64_t id = 0;
  std::int64_t version_id = 0;
  std::int64_t user_id = 0;
  bool nothing_to_add = false;
  std::string school_requested;
  bool meeting_requested = false;
  std::string at;
};

std::optional<PlanRow> find_plan(Database& db, std::int64_t plan_id);
std::optional<PlanRow> plan_of_case(Database& db, std::int64_t case_id);
std::int64_t insert_plan(Database& db, const PlanRow& p);

std::int64_t insert_plan_version(Database& db, const PlanVersionRow& v);
std::optional<PlanVersionRow> find_plan_version(Database& db, std::int64_t version_id);
std::optional<PlanVersionRow> working_version(Database& db, std::int64_t plan_id);
// The issued versions, newest (highest number) first.
std::vector<PlanVersionRow> issued_versions(Database& db, std::int64_t plan_id);
// The latest issued version of a kind in `kinds` (e.g. {"final", "amended"}: the plan in force).
std::optional<PlanVersionRow> latest_issued(Database& db, std::int64_t plan_id, const std::vector<std::string>& kinds);
bool update_working_version(Database& db, std::int64_t version_id, int expected_revision, const std::string& content,
                            const std::string& updated_at, std::int64_t updated_by);
void delete_working_version(Database& db, std::int64_t version_id);
// Issues the working version as `kind`: returns its new number.
int issue_version(Database& db, std::int64_t version_id, const std::string& kind, const std::string& issued_on, const std::string& issued_at,
                  std::int64_t issued_by, std::int64_t event_id);

std::int64_t insert_plan_comment(Database& db, const PlanCommentRow& c);
std::vector<PlanCommentRow> plan_comments(Database& db, std::int64_t version_id);
std::optional<PlanCommentRow> find_plan_comment(Database& db, std::int64_t comment_id);
void respond_to_plan_comment(Database& db, std::int64_t comment_id, const std::string& response,
                             std::int64_t responded_by, const std::string& at);

std::int64_t insert_plan_family_response(Database& db, const PlanFamilyResponseRow& r);
std::vector<PlanFamilyResponseRow> plan_family_responses(Database& db, std::int64_t version_id);

}  // namespace gt::store
